/**
 * The connector works through its native client's methods only: with the raw escape hatch
 * (`client.request`) made to throw, every operation still works against the sandbox.
 */
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JiraCloudClient, createJiraConnector, type JiraConnector } from '../../src/index.js';

let sb: Sandbox;
let jira: JiraConnector;
let facts: ReturnType<Sandbox['state']>['facts'];

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'] });
  facts = sb.state('jira-cloud').facts;
  const { projectKey, serviceDeskId, requestTypeId, ...clientOptions } = sb.connectorOptions('jira-cloud');
  const client = new JiraCloudClient(clientOptions);
  Object.defineProperty(client, 'request', {
    value: () => {
      throw new Error('the connector sent a raw request');
    },
  });
  jira = createJiraConnector({ client, projectKey, serviceDeskId, requestTypeId });
});
afterAll(() => sb.close());

describe('the connector on its native client', { timeout: 30_000 }, () => {
  it('verifies access, serves the catalog, lists tickets, comments and changes without a raw request', async () => {
    expect(() => jira.client.request('GET', '/rest/api/3/myself')).toThrow('the connector sent a raw request');
    const report = await jira.verifyAccess();
    expect(report.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect((await jira.catalog.list().toArray({ limit: 5 })).length).toBeGreaterThan(0);
    const [ticket] = await jira.tickets.list({ requester: facts.knownRequester.email }).toArray({ limit: 1 });
    expect(ticket).toBeDefined();
    await jira.comments.add(ticket?.id ?? '', { body: 'Checked through the native client.' });
    const comments = await jira.comments.list(ticket?.key ?? '').toArray({ limit: Infinity });
    expect(comments.map((comment) => comment.body)).toContain('Checked through the native client.');
    const { tickets } = await jira.tickets.changes({ since: new Date(Date.now() - 60_000) });
    expect(tickets.map((changed) => changed.id)).toContain(ticket?.id);
  });
});
