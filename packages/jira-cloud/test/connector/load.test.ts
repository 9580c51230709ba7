/**
 * Load: 1,000 concurrent mixed connector calls against the loopback sandbox, three rounds with idle
 * gaps between them (across the moments a client drops an idle keep-alive connection and the server
 * used to), and no fault injected: every call must succeed. This is the run in which `comments.add`
 * POSTs once failed with `ECONNRESET` (the server closed idle connections the client was reusing).
 * Bounded (3,000 calls), stops by itself, asserts no timing: the machine may be slow and busy.
 */
import type { Ticket } from '@itsm/core';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJiraConnector, type JiraConnector } from '../../src/index.js';

const CALLS_PER_ROUND = 1_000;
/** Idle gaps before the second and third round, in ms: around the client's and the server's keep-alive limits. */
const GAPS_MS = [3_500, 5_500];

let sb: Sandbox;
let jira: JiraConnector;
let tickets: Ticket[];
let requester: string;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'], tickets: 100 });
  jira = createJiraConnector(sb.connectorOptions('jira-cloud'));
  requester = sb.state('jira-cloud').facts.knownRequester.email;
  tickets = await jira.tickets.list().take(50).toArray({ limit: 50 });
}, 60_000);
afterAll(() => sb.close());

/** The mix of calls: reads and writes of every kind a bot makes. */
const CALLS: readonly ((ticket: Ticket, index: number) => Promise<unknown>)[] = [
  (ticket) => jira.tickets.get(ticket.id),
  (ticket, index) => jira.comments.add(ticket.id, { body: `Load comment ${index}` }),
  (ticket) => jira.comments.list(ticket.key).take(3).toArray({ limit: 3 }),
  () => jira.tickets.list({ requester }).take(5).toArray({ limit: 5 }),
  (ticket, index) => jira.tickets.update(ticket.id, { priority: index % 2 === 0 ? 'high' : 'low' }),
  () => jira.users.findByEmail(requester),
  (ticket, index) => jira.comments.add(ticket.key, { body: `Internal load note ${index}`, visibility: 'internal' }, { idempotencyKey: `load-${Date.now()}-${index}` }),
  () => jira.catalog.list().take(3).toArray({ limit: 3 }),
];

async function round(number: number): Promise<string[]> {
  const failures: string[] = [];
  await Promise.all(
    Array.from({ length: CALLS_PER_ROUND }, async (_, index) => {
      const ticket = tickets[index % tickets.length] as Ticket;
      const call = CALLS[index % CALLS.length] as (typeof CALLS)[number];
      try {
        await call(ticket, number * CALLS_PER_ROUND + index);
      } catch (error) {
        failures.push(`round ${number}, call ${index % CALLS.length}: ${(error as Error).name}: ${(error as Error).message}`);
      }
    }),
  );
  return failures;
}

it(`answers ${CALLS_PER_ROUND} concurrent mixed calls, three times, with no failure`, { timeout: 600_000 }, async () => {
  expect(tickets).toHaveLength(50);
  const commentsBefore = tickets.reduce((sum, ticket) => sum + (sb.state('jira-cloud').issues.get(Number(ticket.id))?.comments.length ?? 0), 0);
  const failures: string[] = [];
  for (const [number, gap] of [0, ...GAPS_MS].entries()) {
    if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap));
    failures.push(...(await round(number)));
  }
  expect(failures).toEqual([]);
  expect(sb.requests.filter((entry) => entry.status === 0 || entry.status >= 500)).toEqual([]);
  const commentsAfter = tickets.reduce((sum, ticket) => sum + (sb.state('jira-cloud').issues.get(Number(ticket.id))?.comments.length ?? 0), 0);
  expect(commentsAfter - commentsBefore).toBe(3 * 2 * (CALLS_PER_ROUND / CALLS.length)); // every comment once
});
