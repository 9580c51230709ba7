/**
 * Against the Jira sandbox, which also serves the api.atlassian.com gateway path: a connector for a
 * scoped token (`cloudId`) sends every request through `/ex/jira/{cloudId}` and still links to the site.
 */
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJiraConnector } from '../../src/index.js';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'], tickets: 40 });
});
afterAll(() => sb.close());

it('works end to end through the gateway with a cloud id read from tenant_info', { timeout: 30_000 }, async () => {
  const site = sb.url('jira-cloud');
  const { cloudId } = (await (await fetch(`${site}/_edge/tenant_info`)).json()) as { cloudId: string };
  const { baseUrl: _site, ...options } = sb.connectorOptions('jira-cloud');
  const jira = createJiraConnector({ ...options, cloudId, gatewayUrl: site });

  const report = await jira.verifyAccess();
  expect(report.checks.find((check) => check.id === 'credentials')?.status).toBe('pass');
  const facts = sb.state('jira-cloud').facts;
  const ticket = await jira.tickets.create({ subject: 'Scoped token', requester: facts.knownRequester.email });
  expect(ticket.url).toBe(`${site}/browse/${ticket.key}`);

  const paths = sb.requests.map((entry) => entry.path);
  expect(paths.filter((path) => path.startsWith('/rest/'))).toEqual([]);
  expect(paths.filter((path) => path.startsWith(`/ex/jira/${cloudId}/rest/`)).length).toBeGreaterThan(3);
});
