/**
 * Against the Jira sandbox: when a step after a create fails, the error says the ticket exists (so a
 * bot does not create it again) and which step failed.
 */
import { IncompleteCreateError, ServerError } from '@itsm/core';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJiraConnector } from '../../src/index.js';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'], tickets: 20 });
});
afterAll(() => sb.close());

it('reports the created ticket when moving it to the asked status fails', { timeout: 30_000 }, async () => {
  const jira = createJiraConnector(sb.connectorOptions('jira-cloud'));
  const requester = sb.state('jira-cloud').facts.knownRequester.email;
  sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: /\/transitions$/, status: 500, body: { errorMessages: ['boom'] } });
  let error: unknown;
  try {
    await jira.tickets.create({ subject: 'Solved by the bot', requester, status: 'resolved' });
  } catch (caught) {
    error = caught;
  }
  sb.faults.clear();
  expect(error).toBeInstanceOf(IncompleteCreateError);
  const incomplete = error as IncompleteCreateError;
  expect(incomplete.step).toBe('moving it to resolved');
  expect(incomplete.cause).toBeInstanceOf(ServerError);
  expect(incomplete.message).toMatch(/^HELP-\d+ was created, but moving it to resolved failed/);
  // The ticket exists, once, in its first status.
  const ticket = await jira.tickets.get(incomplete.ticket.key);
  expect(ticket.id).toBe(incomplete.ticket.id);
  expect(ticket.status.category).toBe('open');
  const creates = sb.requests.filter((entry) => entry.method === 'POST' && entry.path === '/rest/servicedeskapi/request');
  expect(creates).toHaveLength(1);
});
