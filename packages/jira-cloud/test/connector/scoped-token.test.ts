/**
 * A scoped API token goes through the api.atlassian.com gateway (`cloudId`), while the links people
 * open still point at the site: given as `baseUrl`, or read from `serverInfo`.
 */
import { describe, expect, it } from 'vitest';
import { createJiraConnector } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE, issueBody, route, useNock } from '../client/support.js';

useNock();

const CLOUD_ID = '11223344-a1b2-3b33-c444-def123456789';
const GATEWAY = 'https://api.atlassian.com';
const issue = issueBody('HELP-1', '10001', { created: '2026-01-01T00:00:00.000+0000', updated: '2026-01-01T00:00:00.000+0000' });

describe('scoped tokens', () => {
  it('sends requests to the gateway and links to the site given as baseUrl', async () => {
    const calls = route('GET', `/ex/jira/${CLOUD_ID}/rest/api/3/issue/HELP-1`, [200, issue], { origin: GATEWAY });
    const jira = createJiraConnector({ cloudId: CLOUD_ID, baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, projectKey: 'HELP' });
    const ticket = await jira.tickets.get('HELP-1');
    expect(calls).toHaveLength(1);
    expect(ticket.url).toBe(`${SITE}/browse/HELP-1`);
  });

  it('reads the site from serverInfo when only the cloud id is given', async () => {
    route('GET', `/ex/jira/${CLOUD_ID}/rest/api/3/serverInfo`, [200, { baseUrl: 'https://acme.atlassian.net/' }], { origin: GATEWAY });
    route('GET', `/ex/jira/${CLOUD_ID}/rest/api/3/issue/HELP-1`, [200, issue], { origin: GATEWAY });
    const jira = createJiraConnector({ cloudId: CLOUD_ID, email: EMAIL, apiToken: API_TOKEN, projectKey: 'HELP' });
    expect((await jira.tickets.get('HELP-1')).url).toBe('https://acme.atlassian.net/browse/HELP-1');
  });
});
