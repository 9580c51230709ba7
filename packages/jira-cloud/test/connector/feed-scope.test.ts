/**
 * What a change-feed cursor is bound to: the site's cloud id and the project, not the URL the site
 * is reached by. A cursor resumes through the gateway, after a rename or on another port of the same
 * site; a cursor of another site or project is refused, saying what to do, before any search.
 */
import { InputError, ServerError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { createJiraConnector, type JiraConnectorOptions } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE, failure, route, useNock } from '../client/support.js';

useNock();

const CLOUD_ID = '11223344-a1b2-3b33-c444-def123456789';
const GATEWAY = 'https://api.atlassian.com';

function connector(options: Partial<JiraConnectorOptions> = {}) {
  return createJiraConnector({
    ...('cloudId' in options ? {} : { baseUrl: SITE }),
    email: EMAIL,
    apiToken: API_TOKEN,
    timeZone: 'UTC',
    retryDelay: { baseMs: 1, maxMs: 2 },
    projectKey: 'HELP',
    ...options,
  } as JiraConnectorOptions);
}

const EMPTY: [number, unknown] = [200, { issues: [], isLast: true }];

/** A cursor of the connector on SITE, whose tenant_info answers `cloudId`. */
async function cursorOf(cloudId: string | undefined, projectKey = 'HELP'): Promise<string> {
  route('GET', '/_edge/tenant_info', cloudId === undefined ? [404, '<html>Not Found</html>', { 'content-type': 'text/html' }] : [200, { cloudId }]);
  route('POST', '/rest/api/3/search/jql', EMPTY);
  return (await connector({ projectKey }).tickets.changes({ since: '2026-01-01T00:00:00Z' })).cursor;
}

describe('the change feed of the Jira connector', () => {
  it("reads the site's cloud id once, and a cursor resumes on the same site reached through the gateway", async () => {
    const tenant = route('GET', '/_edge/tenant_info', [200, { cloudId: CLOUD_ID }]);
    route('POST', '/rest/api/3/search/jql', [EMPTY, EMPTY]);
    const jira = connector();
    const first = await jira.tickets.changes({ since: '2026-01-01T00:00:00Z' });
    await jira.tickets.changes({ cursor: first.cursor });
    expect(tenant).toHaveLength(1);

    // The gateway connector knows its cloud id: no tenant_info request, and the cursor is its own.
    const search = route('POST', `/ex/jira/${CLOUD_ID}/rest/api/3/search/jql`, EMPTY, { origin: GATEWAY });
    await expect(connector({ cloudId: CLOUD_ID, baseUrl: SITE }).tickets.changes({ cursor: first.cursor })).resolves.toMatchObject({ tickets: [] });
    expect(search).toHaveLength(1);
  });

  it('refuses a cursor of another site, naming the provider and what to do, before any search', async () => {
    const cursor = await cursorOf('another-cloud-id');
    route('GET', '/_edge/tenant_info', [200, { cloudId: CLOUD_ID }]);
    const error = await failure(connector().tickets.changes({ cursor }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ provider: 'jira-cloud', field: 'cursor' });
    expect((error as Error).message).toContain('cursor belongs to another change feed: it was issued for another jira-cloud site or project');
    expect((error as Error).message).toContain('Start again without it: changes({ since })');
  });

  it('refuses a cursor of another project of the same site', async () => {
    const cursor = await cursorOf(CLOUD_ID, 'ITOPS');
    route('GET', '/_edge/tenant_info', [200, { cloudId: CLOUD_ID }]);
    await expect(connector().tickets.changes({ cursor })).rejects.toMatchObject({ name: 'InputError', field: 'cursor', provider: 'jira-cloud' });
  });

  it('names a site that does not tell its cloud id by its URL', async () => {
    const cursor = await cursorOf(undefined);
    route('GET', '/_edge/tenant_info', [404, 'Not Found']);
    route('POST', '/rest/api/3/search/jql', EMPTY);
    await expect(connector().tickets.changes({ cursor })).resolves.toMatchObject({ tickets: [] });
    // The same site telling its cloud id is told apart: the cursor was bound to the URL.
    route('GET', '/_edge/tenant_info', [200, { cloudId: CLOUD_ID }]);
    await expect(connector().tickets.changes({ cursor })).rejects.toMatchObject({ field: 'cursor' });
  });

  it('fails the call when the cloud id cannot be read, and asks again on the next call', async () => {
    route('GET', '/_edge/tenant_info', [500, { errorMessages: ['down'] }], { times: 3 });
    const jira = connector({ maxRetries: 2 });
    await expect(jira.tickets.changes({ since: '2026-01-01T00:00:00Z' })).rejects.toBeInstanceOf(ServerError);
    route('GET', '/_edge/tenant_info', [200, { cloudId: CLOUD_ID }]);
    route('POST', '/rest/api/3/search/jql', EMPTY);
    await expect(jira.tickets.changes({ since: '2026-01-01T00:00:00Z' })).resolves.toMatchObject({ tickets: [] });
  });

  it('refuses a malformed cursor before any request', async () => {
    await expect(connector().tickets.changes({ cursor: 'cf1.bm9wZQ' })).rejects.toMatchObject({ name: 'InputError', field: 'cursor', provider: 'jira-cloud' });
  });
});

describe('JiraCloudClient.cloudId()', () => {
  it('is the cloudId option, without a request', async () => {
    await expect(connector({ cloudId: CLOUD_ID }).client.cloudId()).resolves.toBe(CLOUD_ID);
  });

  it("reads the site's tenant_info once, without credentials being needed", async () => {
    const tenant = route('GET', '/_edge/tenant_info', [200, { cloudId: CLOUD_ID, extra: 'kept out' }]);
    const { client } = connector();
    expect(await Promise.all([client.cloudId(), client.cloudId()])).toEqual([CLOUD_ID, CLOUD_ID]);
    await expect(client.cloudId()).resolves.toBe(CLOUD_ID);
    expect(tenant).toHaveLength(1);
  });

  it('throws a ResponseShapeError for a site whose tenant_info has no cloud id', async () => {
    route('GET', '/_edge/tenant_info', [200, { cloudId: '' }]);
    await expect(connector().client.cloudId()).rejects.toMatchObject({ name: 'ResponseShapeError', provider: 'jira-cloud' });
  });
});
