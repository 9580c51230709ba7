// The bot of examples/safe-create.ts against the sandbox: a create whose connection is reset, and a
// bot process that crashes after its create and runs the message again, each make exactly one ticket
// (in Jira and in Autotask).
import { createAutotaskConnector, createZoneCache } from '@itsm/autotask';
import { createMemoryConnector } from '@itsm/core/testing';
import { OutcomeUnknownError } from '@itsm/core';
import { createJiraConnector } from '@itsm/jira-cloud';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { raiseTicketOnce, safeToRetry } from '../safe-create.ts';

let sb: Sandbox;
const waits: number[] = [];
const wait = async (ms: number) => void waits.push(ms);

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud', 'autotask'], tickets: 20 });
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.reset();
  waits.length = 0;
});

function jira(kind: 'platform' | 'jsm') {
  const { serviceDeskId, requestTypeId, ...options } = sb.connectorOptions('jira-cloud');
  return createJiraConnector({ ...options, ...(kind === 'jsm' ? { serviceDeskId, requestTypeId } : {}), lookupDelaysMs: [0, 10] });
}

const chat = (messageId: string) => ({ messageId, email: sb.state('jira-cloud').facts.knownRequester.email, text: `VPN drops (${messageId})` });
const ticketsAbout = (messageId: string) => [...sb.state('jira-cloud').issues.values()].filter((issue) => issue.summary === `VPN drops (${messageId})`);

describe('raiseTicketOnce', () => {
  it('retries a create whose connection was reset, and makes one ticket', async () => {
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: '/rest/api/3/issue', reset: true, times: 1 });
    const ticket = await raiseTicketOnce(jira('platform'), chat('m-1'), { wait });
    expect(waits).toEqual([2_000]);
    expect(ticketsAbout('m-1')).toEqual([expect.objectContaining({ key: ticket.key })]);
  });

  it('gives the same ticket when a restarted bot runs the message again', async () => {
    const first = await raiseTicketOnce(jira('platform'), chat('m-2'), { wait });
    const afterRestart = await raiseTicketOnce(jira('platform'), chat('m-2'), { wait });
    expect(afterRestart.id).toBe(first.id);
    expect(ticketsAbout('m-2')).toHaveLength(1);
  });

  it('does not retry where a lost create cannot be recognised (Jira Service Management), and says so', async () => {
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: '/rest/servicedeskapi/request', reset: true, times: 1 });
    const error = await raiseTicketOnce(jira('jsm'), chat('m-3'), { wait }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(waits).toEqual([]);
  });

  it('retries a rate limit after the time the service asks for', async () => {
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: '/rest/api/3/issue', status: 429, headers: { 'retry-after': '120' }, body: { errorMessages: ['Rate limit exceeded'] }, times: 1 });
    await raiseTicketOnce(jira('platform'), chat('m-4'), { wait });
    expect(waits).toEqual([120_000]);
    expect(ticketsAbout('m-4')).toHaveLength(1);
  });

  it('lets bad input and bugs through at once', () => {
    const connector = createMemoryConnector();
    expect(safeToRetry(connector, new TypeError('a bug'))).toBe(false);
    expect(safeToRetry(connector, new OutcomeUnknownError({ operation: 'tickets.create', failure: new Error('reset'), recovery: '' }))).toBe(true);
    expect(safeToRetry(createMemoryConnector({ capabilities: { createIdempotency: 'after-write' } }), new OutcomeUnknownError({ operation: 'tickets.create', failure: new Error('reset'), recovery: '' }))).toBe(false);
  });
});

describe('raiseTicketOnce with Autotask', () => {
  const autotask = () => createAutotaskConnector({ ...sb.connectorOptions('autotask'), zoneCache: createZoneCache(), lookupDelaysMs: [0, 10] });
  const state = () => sb.state('autotask') as simulator.AutotaskState;
  const chatFor = (messageId: string) => ({ messageId, email: state().facts.knownRequester.email, text: `VPN drops (${messageId})` });
  const ticketsFor = (messageId: string) => [...state().tables.Tickets.rows()].filter((ticket) => ticket.title === `VPN drops (${messageId})`);

  it('retries a create whose connection was reset, and makes one ticket', async () => {
    sb.faults.inject({ provider: 'autotask', method: 'POST', path: '/ATServicesRest/V1.0/Tickets', reset: true, times: 1 });
    const ticket = await raiseTicketOnce(autotask(), chatFor('a-1'), { wait });
    expect(waits).toEqual([2_000]);
    expect(ticketsFor('a-1')).toEqual([expect.objectContaining({ id: Number(ticket.id), externalID: 'chat-a-1' })]);
  });

  it('gives the same ticket when a restarted bot runs the message again', async () => {
    const first = await raiseTicketOnce(autotask(), chatFor('a-2'), { wait });
    const afterRestart = await raiseTicketOnce(autotask(), chatFor('a-2'), { wait });
    expect(afterRestart.id).toBe(first.id);
    expect(ticketsFor('a-2')).toHaveLength(1);
  });
});
