/**
 * `verifyAccess()` for an account Jira reports as deactivated: the credentials check fails with the
 * fix, and every other check is listed as not checked, for the same reason.
 */
import { describe, expect, it } from 'vitest';
import { JIRA_ACCESS_CHECKS, createJiraConnector } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE, route, useNock } from '../client/support.js';

useNock();

describe('verifyAccess with a deactivated account', () => {
  it('fails the credentials and skips every other check', async () => {
    route('GET', '/rest/api/3/myself', [200, { accountId: 'svc-1', displayName: 'Helpdesk bot', active: false, timeZone: 'UTC' }]);
    const report = await createJiraConnector({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, projectKey: 'HELP', maxRetries: 0 }).verifyAccess();
    expect(report.ok).toBe(false);
    expect(report.checks.map((check) => check.id)).toEqual([...JIRA_ACCESS_CHECKS]);
    expect(report.checks[0]).toMatchObject({ id: 'credentials', status: 'fail', detail: 'The account Helpdesk bot is deactivated.' });
    expect(report.checks[0]?.fix).toContain('Reactivate the service account');
    for (const check of report.checks.slice(1)) {
      expect(check).toMatchObject({ status: 'warn', detail: 'Not checked: the credentials did not work.', fix: 'Fix the credentials first, then run verifyAccess() again.' });
    }
  });
});
