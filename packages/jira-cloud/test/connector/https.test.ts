/**
 * Over HTTPS: the sandbox's opt-in TLS listener, trusted through the transport's injectable `fetch`
 * (Node's fetch with an undici `Agent` that trusts `sb.ca`) — the connector and the native client
 * work end to end against `https://127.0.0.1:…`, and the same fetch without the CA is refused.
 */
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { Agent } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJiraConnector, JiraCloudClient, ConnectionError } from '../../src/index.js';

let sb: Sandbox;
let agent: Agent;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'], tickets: 30, tls: true });
  agent = new Agent({ connect: { ca: sb.ca } });
});
afterAll(async () => {
  await agent.close();
  await sb.close();
});

/** `fetch` through an undici dispatcher (Node's fetch takes undici's non-standard `dispatcher` init). */
function fetchWith(dispatcher: Agent): typeof fetch {
  return (input, init) => fetch(input, { ...init, dispatcher } as RequestInit);
}

it('runs the connector over https with a fetch that trusts the sandbox CA', { timeout: 30_000 }, async () => {
  const options = sb.connectorOptions('jira-cloud');
  expect(options.baseUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/u);
  const jira = createJiraConnector({ ...options, fetch: fetchWith(agent) });
  const facts = sb.state('jira-cloud').facts;

  expect((await jira.verifyAccess()).checks.find((check) => check.id === 'credentials')?.status).toBe('pass');
  const ticket = await jira.tickets.create({ subject: 'VPN drops over TLS', requester: facts.knownRequester.email });
  expect(ticket.url).toBe(`${options.baseUrl}/browse/${ticket.key}`);
  await jira.comments.add(ticket.id, { body: 'Looking into it', visibility: 'internal' });
  const listed = await jira.tickets.list({ requester: facts.knownRequester.email }).toArray({ limit: 50 });
  expect(listed.map((item) => item.key)).toContain(ticket.key);
});

it('runs the native client over https, and self links start with https://', async () => {
  const { baseUrl, email, apiToken } = sb.connectorOptions('jira-cloud');
  const client = new JiraCloudClient({ baseUrl, email, apiToken, fetch: fetchWith(agent) });
  const issue = await client.issues.get('HELP-1', { fields: ['summary'] });
  expect(issue.self).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/rest\/api\/3\/issue\//u);
});

it('is refused by a fetch that does not trust the sandbox CA', async () => {
  const { baseUrl, email, apiToken } = sb.connectorOptions('jira-cloud');
  const untrusting = new Agent();
  try {
    const client = new JiraCloudClient({ baseUrl, email, apiToken, fetch: fetchWith(untrusting), maxRetries: 0 });
    await expect(client.myself()).rejects.toBeInstanceOf(ConnectionError);
  } finally {
    await untrusting.close();
  }
});
