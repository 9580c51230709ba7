/**
 * `verifyAccess()` against the Jira sandbox: the seeded service account passes every check; a less
 * privileged account, a wrong token, a non-UTC profile, a wrong request type and a workflow without
 * the transitions and screen of the setup fail or warn, each with a fix.
 */
import type { AccessReport } from '@itsm/core';
import { startSandbox, type jiraCloud, type Sandbox } from '@itsm/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JIRA_ACCESS_CHECKS, createJiraConnector, type JiraConnectorOptions } from '../../src/index.js';

let sb: Sandbox;
let options: JiraConnectorOptions;
let facts: jiraCloud.JiraFacts;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'] });
  options = { ...sb.connectorOptions('jira-cloud'), maxRetries: 0 };
  facts = sb.state('jira-cloud').facts;
});
afterEach(() => sb.reset());
afterAll(() => sb.close());

function statuses(report: AccessReport): Record<string, string> {
  return Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
}

function expectFixes(report: AccessReport): void {
  for (const check of report.checks) {
    if (check.status === 'pass') expect(check.fix, check.id).toBeUndefined();
    else expect(check.fix, check.id).toMatch(/\w{10}/);
  }
}

function find(report: AccessReport, id: string) {
  const check = report.checks.find((candidate) => candidate.id === id);
  if (check === undefined) throw new Error(`no check ${id}`);
  return check;
}

describe('verifyAccess', { timeout: 30_000 }, () => {
  it('passes every check for the seeded service account', async () => {
    const report = await createJiraConnector(options).verifyAccess();
    expect(report.checks.map((check) => check.id)).toEqual([...JIRA_ACCESS_CHECKS]);
    expect(report.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(find(report, 'timezone').detail).toContain('America/Danmarkshavn');
  });

  it('fails the time zone when the timeZone option is not the profile\'s, since JQL dates would then be read wrong', async () => {
    const report = await createJiraConnector({ ...options, timeZone: 'America/New_York' }).verifyAccess();
    const check = find(report, 'timezone');
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('America/New_York');
    expect(check.detail).toContain('America/Danmarkshavn');
    expect(check.fix).toContain('timeZone option');
    expectFixes(report);
  });

  it('fails for an account without the Service Desk Team role, and says how to fix it', async () => {
    const { limitedAccount } = facts;
    const report = await createJiraConnector({ ...options, email: limitedAccount.email, apiToken: limitedAccount.apiToken }).verifyAccess();
    expect(report.ok).toBe(false);
    expect(statuses(report)).toMatchObject({
      credentials: 'pass',
      timezone: 'warn',
      project: 'fail',
      'product-access': 'warn',
      customers: 'fail',
      'transition.resolve': 'warn',
    });
    expect(find(report, 'customers').fix).toContain('Service Desk Team role');
    expect(find(report, 'product-access').fix).toContain('jira-servicedesk-users');
    expect(find(report, 'timezone').fix).toContain('America/Danmarkshavn');
    expectFixes(report);
  });

  it('fails the transitions for an account that can browse but not work the project', async () => {
    const { limitedAccount, softwareProjectKey } = facts;
    const { serviceDeskId: _desk, requestTypeId: _type, ...rest } = options as JiraConnectorOptions & { serviceDeskId?: string; requestTypeId?: string };
    const report = await createJiraConnector({ ...rest, projectKey: softwareProjectKey, email: limitedAccount.email, apiToken: limitedAccount.apiToken }).verifyAccess();
    expect(report.checks.map((check) => check.id)).not.toContain('customers');
    expect(statuses(report)).toMatchObject({ project: 'pass', 'transition.resolve': 'fail', 'transition.in_progress': 'warn', 'transition.reopen': 'warn', 'resolve-screen.assignee': 'warn' });
    expect(find(report, 'transition.resolve').detail).toContain('Transition issues permission');
    expect(find(report, 'transition.resolve').fix).toContain('"Any status" to Resolved');
    expectFixes(report);
  });

  it('fails the credentials of a wrong token and checks nothing else', async () => {
    const report = await createJiraConnector({ ...options, apiToken: 'ATATT3xFfGF0-not-the-token' }).verifyAccess();
    expect(find(report, 'credentials')).toMatchObject({ status: 'fail' });
    expect(find(report, 'credentials').fix).toContain('https://id.atlassian.com/manage-profile/security/api-tokens');
    expect(find(report, 'credentials').fix).toContain('cloudId');
    expect(report.checks.filter((check) => check.id !== 'credentials').every((check) => check.status === 'warn')).toBe(true);
    expect(JSON.stringify(report)).not.toContain('not-the-token');
    expectFixes(report);
  });

  it('warns about a profile time zone with daylight saving time', async () => {
    const account = sb.state('jira-cloud').users.get(facts.serviceAccount.accountId);
    if (account === undefined) throw new Error('no service account');
    account.timeZone = 'Europe/London';
    const report = await createJiraConnector(options).verifyAccess();
    expect(find(report, 'timezone')).toMatchObject({ status: 'warn', detail: expect.stringContaining('Europe/London') });
    expect(find(report, 'timezone').fix).toContain('America/Danmarkshavn');
    expect(report.ok).toBe(true);
  });

  it('fails a request type the desk does not have', async () => {
    const report = await createJiraConnector({ ...options, requestTypeId: '99' } as JiraConnectorOptions).verifyAccess();
    expect(find(report, 'service-desk')).toMatchObject({ status: 'fail', detail: expect.stringContaining('1 Get IT help') });
  });

  it('fails when the customers are hidden from the account', async () => {
    sb.faults.inject({ provider: 'jira-cloud', method: 'GET', path: '/rest/servicedeskapi/servicedesk/1/customer', status: 403, body: { errorMessage: "You don't have permission to view the customers of this service desk." } });
    const report = await createJiraConnector(options).verifyAccess();
    expect(find(report, 'customers')).toMatchObject({ status: 'fail' });
    expect(find(report, 'customers').fix).toContain('Service Desk Team role');
  });

  it('warns about missing In Progress and Reopen transitions and fails a resolve screen without Assignee', async () => {
    const resolved = { id: '5', name: 'Resolved', statusCategory: { id: 3, key: 'done', name: 'Done' } };
    sb.faults.inject({
      provider: 'jira-cloud',
      method: 'GET',
      path: /^\/rest\/api\/3\/issue\/[^/]+\/transitions$/,
      status: 200,
      body: {
        transitions: [{
          id: '61',
          name: 'Resolve',
          to: resolved,
          hasScreen: true,
          isAvailable: true,
          fields: { resolution: { required: true, name: 'Resolution', key: 'resolution', allowedValues: [{ id: '10000', name: 'Done' }] } },
        }],
      },
    });
    const report = await createJiraConnector(options).verifyAccess();
    expect(statuses(report)).toMatchObject({
      'transition.resolve': 'pass',
      'transition.in_progress': 'warn',
      'transition.reopen': 'warn',
      'resolve-screen.assignee': 'fail',
    });
    expect(find(report, 'transition.in_progress').fix).toContain('"Any status" to In Progress');
    expect(find(report, 'transition.reopen').fix).toContain('Reopen');
    expect(find(report, 'resolve-screen.assignee').fix).toContain('Add the Assignee field to the screen of the "Resolve" transition');
    expectFixes(report);
  });
});
