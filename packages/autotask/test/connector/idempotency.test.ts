/**
 * Against the Autotask sandbox: creates whose answer is lost (lost by a fetch probe after Autotask
 * made the ticket, a connection reset before Autotask read it, a broken body), idempotency keys given
 * by the caller (kept in the ticket's `externalID`, hashed when too long, compared exactly although
 * Autotask compares text without regard to case, honoured for 24 hours), and notes, which cannot
 * carry a key.
 */
import { InputError, OutcomeUnknownError, UnsupportedError } from '@itsm/core';
import { createFetchProbe, type FetchProbe } from '@itsm/core/testing';
import { startSandbox, type autotask as simulator, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUTOTASK_EXTERNAL_ID_MAX_LENGTH, createAutotaskConnector, createZoneCache, type AutotaskConnector } from '../../src/index.js';

const CREATE = '/ATServicesRest/V1.0/Tickets';
const NOTES = /^\/ATServicesRest\/V1\.0\/Tickets\/\d+\/Notes$/;

let sb: Sandbox;
let state: simulator.AutotaskState;
let requester: string;
let probe: FetchProbe;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['autotask'], tickets: 20 });
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.reset();
  state = sb.state('autotask') as simulator.AutotaskState;
  requester = state.facts.knownRequester.email;
  probe = createFetchProbe();
});

/** A connector on the sandbox whose requests go through the probe; quick look-ups after a lost answer. */
function connector(): AutotaskConnector {
  return createAutotaskConnector({ ...sb.connectorOptions('autotask'), zoneCache: createZoneCache(), fetch: probe.fetch, lookupDelaysMs: [0, 20, 40] });
}

/** The simulator's tickets titled `title`. */
function ticketsTitled(title: string): simulator.Ticket[] {
  return [...state.tables.Tickets.rows()].filter((ticket) => ticket.title === title);
}

function requestsTo(method: string, path: string | RegExp): number {
  return sb.requests.filter((entry) => entry.method === method && (typeof path === 'string' ? entry.path === path : path.test(entry.path))).length;
}

describe('a create whose answer is lost', () => {
  it('is found again by its key and returned, and the same key then returns that ticket', async () => {
    const autotask = connector();
    probe.loseNextAnswer({ method: 'POST', path: CREATE });
    const ticket = await autotask.tickets.create({ subject: 'Lost answer', requester }, { idempotencyKey: 'chat-4711' });
    expect(probe.requests.filter((request) => request.lost)).toHaveLength(1);
    expect(ticket).toMatchObject({ subject: 'Lost answer', status: { category: 'open' }, requester: { email: requester } });
    expect(ticketsTitled('Lost answer')).toEqual([expect.objectContaining({ id: Number(ticket.id), externalID: 'chat-4711' })]);
    const again = await autotask.tickets.create({ subject: 'Lost answer', requester }, { idempotencyKey: 'chat-4711' });
    expect(again.id).toBe(ticket.id);
    expect(ticketsTitled('Lost answer')).toHaveLength(1);
    expect(requestsTo('POST', CREATE)).toBe(1);
  });

  it('is found again without a key of the caller (one is generated)', async () => {
    probe.loseNextAnswer({ method: 'POST', path: CREATE });
    const ticket = await connector().tickets.create({ subject: 'Lost answer, no key', requester });
    const [made] = ticketsTitled('Lost answer, no key');
    expect(made?.id).toBe(Number(ticket.id));
    expect(made?.externalID).toMatch(/^itsm-[0-9a-f-]{36}$/);
  });

  it('is found again when the answer broke after Autotask made the ticket', async () => {
    sb.faults.inject({ provider: 'autotask', method: 'POST', path: CREATE, body: '{"itemId": ', times: 1 });
    const ticket = await connector().tickets.create({ subject: 'Broken answer', requester });
    expect(ticketsTitled('Broken answer')).toEqual([expect.objectContaining({ id: Number(ticket.id) })]);
  });

  it('gives an OutcomeUnknownError when the connection was reset before Autotask read it, and the same key then makes it once', async () => {
    const autotask = connector();
    sb.faults.inject({ provider: 'autotask', method: 'POST', path: CREATE, reset: true, times: 1 });
    const error = await autotask.tickets.create({ subject: 'Reset', requester }, { idempotencyKey: 'chat-100' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ provider: 'autotask', outcome: 'unknown', operation: 'tickets.create', idempotencyKey: 'chat-100', failure: { name: 'ConnectionError' } });
    expect((error as OutcomeUnknownError).recovery).toMatch(/after 3 look-ups .*same idempotencyKey/);
    expect(ticketsTitled('Reset')).toEqual([]);
    const made = await autotask.tickets.create({ subject: 'Reset', requester }, { idempotencyKey: 'chat-100' });
    const once = await autotask.tickets.create({ subject: 'Reset', requester }, { idempotencyKey: 'chat-100' });
    expect(once.id).toBe(made.id);
    expect(ticketsTitled('Reset')).toHaveLength(1);
    expect(requestsTo('POST', CREATE)).toBe(2); // the reset one, which made nothing, and the one that made it
  });
});

describe('idempotency keys given by the caller', () => {
  it('are looked for before the write (one query), kept in externalID, and never make a second ticket', async () => {
    const autotask = connector();
    sb.clearRequests();
    const first = await autotask.tickets.create({ subject: 'Keyed', requester }, { idempotencyKey: 'job-7' });
    expect(requestsTo('POST', '/ATServicesRest/V1.0/Tickets/query')).toBe(1);
    const second = await autotask.tickets.create({ subject: 'Keyed, changed', requester, status: 'resolved' }, { idempotencyKey: 'job-7' });
    expect(second).toMatchObject({ id: first.id, key: first.key, subject: 'Keyed' });
    expect(second.status.category).toBe('open'); // returned as it is, nothing repeated
    expect(requestsTo('POST', CREATE)).toBe(1);
    expect(state.tables.Tickets.get(Number(first.id))?.externalID).toBe('job-7');
  });

  it('longer than externalID holds are kept as their SHA-256 digest, and still recognised', async () => {
    const autotask = connector();
    const long = `queue-message-${'7'.repeat(60)}`;
    const first = await autotask.tickets.create({ subject: 'Long key', requester }, { idempotencyKey: long });
    const stored = String(state.tables.Tickets.get(Number(first.id))?.externalID);
    expect(stored).toMatch(/^sha256:[A-Za-z0-9_-]{43}$/);
    expect(stored).toHaveLength(AUTOTASK_EXTERNAL_ID_MAX_LENGTH);
    expect((await autotask.tickets.create({ subject: 'Long key', requester }, { idempotencyKey: long })).id).toBe(first.id);
    const other = await autotask.tickets.create({ subject: 'Long key', requester }, { idempotencyKey: `${long}8` });
    expect(other.id).not.toBe(first.id);
    // A short key that looks like a digest is hashed too, so it can never stand for another key.
    const lookalike = await autotask.tickets.create({ subject: 'Long key', requester }, { idempotencyKey: stored });
    expect(lookalike.id).not.toBe(first.id);
    expect(ticketsTitled('Long key')).toHaveLength(3);
  });

  it('are compared exactly, although Autotask compares text without regard to case', async () => {
    const autotask = connector();
    const lower = await autotask.tickets.create({ subject: 'Case', requester }, { idempotencyKey: 'job-abc' });
    const upper = await autotask.tickets.create({ subject: 'Case', requester }, { idempotencyKey: 'JOB-ABC' });
    expect(upper.id).not.toBe(lower.id);
    expect((await autotask.tickets.create({ subject: 'Case', requester }, { idempotencyKey: 'JOB-ABC' })).id).toBe(upper.id);
  });

  it('are honoured for 24 hours: a ticket made longer ago with the key is not returned', async () => {
    const autotask = connector();
    const old = await autotask.tickets.create({ subject: 'Yesterday', requester }, { idempotencyKey: 'job-old' });
    state.tables.Tickets.update(Number(old.id), { createDate: Date.now() - 25 * 60 * 60_000 });
    const fresh = await autotask.tickets.create({ subject: 'Yesterday', requester }, { idempotencyKey: 'job-old' });
    expect(fresh.id).not.toBe(old.id);
  });

  it('own externalID: providerFields may not set it, since it carries the key', async () => {
    const error = await connector().tickets.create({ subject: 'x', providerFields: { externalID: 'mine' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ provider: 'autotask', field: 'input.providerFields.externalID' });
    expect((error as InputError).message).toContain('options.idempotencyKey');
    expect(probe.requests).toHaveLength(0);
  });
});

describe('notes', () => {
  it('refuse an idempotency key before any request: Autotask notes cannot keep one', async () => {
    const autotask = connector();
    const error = await autotask.comments.add(String(state.facts.openTicket.id), { body: 'Once' }, { idempotencyKey: 'note-1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsupportedError);
    expect(error).toMatchObject({ provider: 'autotask', capability: 'idempotencyKey' });
    expect(probe.requests).toHaveLength(0);
  });

  it('whose answer is lost give an OutcomeUnknownError that says where to look', async () => {
    const autotask = connector();
    const { id, ticketNumber } = state.facts.openTicket;
    probe.loseNextAnswer({ method: 'POST', path: NOTES });
    const error = await autotask.comments.add(String(id), { body: 'Rebooted the gateway\nIt is back.' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ provider: 'autotask', outcome: 'unknown', operation: 'comments.add', idempotencyKey: undefined });
    expect((error as OutcomeUnknownError).recovery).toContain(`look among the notes of ticket ${ticketNumber} (id ${id}) created at or after`);
    expect((error as OutcomeUnknownError).recovery).toContain('titled "Rebooted the gateway"');
    const notes = [...state.tables.TicketNotes.rows()].filter((note) => note.ticketID === id && note.title === 'Rebooted the gateway');
    expect(notes).toHaveLength(1);
  });
});

describe('the lookupDelaysMs option', () => {
  it('is checked', () => {
    const options = sb.connectorOptions('autotask');
    for (const lookupDelaysMs of [[], [-1], [60_001], Array(21).fill(0), ['1']]) {
      expect(() => createAutotaskConnector({ ...options, lookupDelaysMs: lookupDelaysMs as number[] })).toThrow(
        expect.objectContaining({ name: 'InputError', field: expect.stringMatching(/^lookupDelaysMs/), provider: 'autotask' }),
      );
    }
  });
});
