/**
 * Idempotency keys and creates whose answer is lost, end to end against the sandbox's Ivanti
 * simulator (whose tenant has the custom field `IdempotencyKey`). A lost answer gives the ticket (or
 * note) is recovered, or the call fails with an `OutcomeUnknownError` that says how to find it —
 * never a second record. Two faults: the fetch probe loses the answer after the simulator made the
 * record; the sandbox resets the connection before the simulator sees the request (nothing made).
 * Both with the tenant's idempotency fields (`atomic`) and as a stock tenant (`none`).
 */
import { InputError, OutcomeUnknownError, UnsupportedError } from '@itsm/core';
import { createFetchProbe, failure, type FetchProbe } from '@itsm/core/testing';
import { startSandbox, type ivanti as simulator, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIvantiConnector, type IvantiConnector } from '../../src/index.js';

const CREATE_INCIDENT = { method: 'POST', path: /\/api\/odata\/businessobject\/incidents$/i };
const ADD_NOTE = { method: 'POST', path: /\/api\/odata\/businessobject\/journal__notess$/i };

let sb: Sandbox;
let facts: simulator.IvantiFacts;
let probe: FetchProbe;
let atomic: IvantiConnector;
let stock: IvantiConnector;
let run = 0;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['ivanti'] });
  facts = sb.state('ivanti').facts;
  probe = createFetchProbe();
  const options = { ...sb.connectorOptions('ivanti'), fetch: probe.fetch, lookupDelaysMs: [0, 20] };
  atomic = createIvantiConnector(options);
  const { idempotencyField: _tickets, noteIdempotencyField: _notes, ...stockOptions } = options;
  stock = createIvantiConnector(stockOptions);
});
afterAll(() => sb.close());

/** A subject no other test uses. */
function subject(what: string): string {
  run += 1;
  return `lost answer ${run}: ${what}`;
}

/** The incidents in the simulator's store with this subject. */
function incidentsWith(text: string): simulator.Row[] {
  return [...sb.state('ivanti').tables.incidents.rows()].filter((row) => row.Subject === text);
}

/** The notes in the simulator's store on a ticket with this text. */
function notesWith(recId: string, text: string): simulator.Row[] {
  return [...sb.state('ivanti').tables.journals.rows()].filter((row) => row.ParentLink_RecID === recId && row.NotesBody === text);
}

/** Resets the connection of the next incident create before the simulator sees it. */
function resetNextCreate(): void {
  sb.faults.inject({ provider: 'ivanti', method: 'POST', path: /\/api\/odata\/businessobject\/incidents$/i, reset: true, times: 1 });
}

describe('with the idempotency fields (atomic)', () => {
  it('declares its keys atomic', () => {
    expect(atomic.capabilities).toMatchObject({ createIdempotency: 'atomic', commentIdempotency: 'atomic' });
  });

  it('recovers a ticket whose answer was lost, and the same key returns it again', async () => {
    const text = subject('recovered');
    probe.loseNextAnswer(CREATE_INCIDENT);
    const ticket = await atomic.tickets.create({ subject: text, requester: facts.knownRequester.email }, { idempotencyKey: `key-${run}` });
    expect(probe.requests.some((request) => request.lost)).toBe(true);
    expect(ticket.subject).toBe(text);
    expect(incidentsWith(text)).toHaveLength(1);
    expect(incidentsWith(text)[0]?.IdempotencyKey).toBe(`key-${run}`);
    const again = await atomic.tickets.create({ subject: text, requester: facts.knownRequester.email }, { idempotencyKey: `key-${run}` });
    expect(again.id).toBe(ticket.id);
    expect(incidentsWith(text)).toHaveLength(1);
  });

  it('recovers a ticket made without a key of the caller (one is generated), and still moves it to input.status', async () => {
    const text = subject('no key, resolved');
    probe.loseNextAnswer(CREATE_INCIDENT);
    const ticket = await atomic.tickets.create({ subject: text, requester: facts.knownRequester.email, status: 'resolved' });
    expect(ticket.status.category).toBe('resolved');
    expect(incidentsWith(text)).toHaveLength(1);
    expect(incidentsWith(text)[0]?.IdempotencyKey).toMatch(/^itsm-/);
  });

  it('says a create reset before it arrived was most likely not made; calling again with the key makes it once', async () => {
    const text = subject('reset');
    resetNextCreate();
    const error = await failure(atomic.tickets.create({ subject: text, requester: facts.knownRequester.email }, { idempotencyKey: `key-${run}` }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', idempotencyKey: `key-${run}`, operation: 'tickets.create' });
    expect((error as OutcomeUnknownError).recovery).toMatch(/most likely not made.*same idempotencyKey/s);
    expect(incidentsWith(text)).toHaveLength(0);
    const ticket = await atomic.tickets.create({ subject: text, requester: facts.knownRequester.email }, { idempotencyKey: `key-${run}` });
    expect(incidentsWith(text).map((row) => row.RecId)).toEqual([ticket.id]);
  });

  it('tells keys apart by case, although Ivanti compares them without', async () => {
    const text = subject('case');
    const upper = await atomic.tickets.create({ subject: text, requester: facts.knownRequester.email }, { idempotencyKey: `CASE-${run}` });
    const lower = await atomic.tickets.create({ subject: text, requester: facts.knownRequester.email }, { idempotencyKey: `case-${run}` });
    expect(lower.id).not.toBe(upper.id);
    expect(incidentsWith(text)).toHaveLength(2);
  });

  it("refuses the key '$NULL', which Ivanti reads as an empty field, before any request", async () => {
    const before = probe.requests.length;
    const error = await failure(atomic.tickets.create({ subject: 'x' }, { idempotencyKey: '$null' }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'options.idempotencyKey', provider: 'ivanti' });
    expect(probe.requests.length).toBe(before);
  });

  it('recovers a note whose answer was lost, and the same key returns it again', async () => {
    const ticket = await atomic.tickets.create({ subject: subject('note'), requester: facts.knownRequester.email });
    probe.loseNextAnswer(ADD_NOTE);
    const note = await atomic.comments.add(ticket.id, { body: 'We are on it.' }, { idempotencyKey: `note-${run}` });
    expect(note.body).toBe('We are on it.');
    const again = await atomic.comments.add(ticket.id, { body: 'We are on it.' }, { idempotencyKey: `note-${run}` });
    expect(again.id).toBe(note.id);
    expect(notesWith(ticket.id, 'We are on it.')).toHaveLength(1);
  });
});

describe('as a stock tenant (no idempotency field: none)', () => {
  it('declares no key support, and refuses a key before any request', async () => {
    expect(stock.capabilities).toMatchObject({ createIdempotency: 'none', commentIdempotency: 'none' });
    const before = probe.requests.length;
    const error = await failure(stock.tickets.create({ subject: 'x', requester: facts.knownRequester.email }, { idempotencyKey: 'chat-1' }));
    expect(error).toBeInstanceOf(UnsupportedError);
    expect((error as Error).message).toMatch(/idempotencyField/);
    const noteError = await failure(stock.comments.add('INC-10001', { body: 'x' }, { idempotencyKey: 'chat-1' }));
    expect(noteError).toBeInstanceOf(UnsupportedError);
    expect(probe.requests.length).toBe(before);
  });

  it('fails a create whose answer was lost with an OutcomeUnknownError naming the ticket it finds, and makes no second one', async () => {
    const text = subject('stock, lost');
    probe.loseNextAnswer(CREATE_INCIDENT);
    const error = await failure(stock.tickets.create({ subject: text, requester: facts.knownRequester.email }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const lost = error as OutcomeUnknownError;
    expect(lost).toMatchObject({ outcome: 'unknown', idempotencyKey: undefined, operation: 'tickets.create', provider: 'ivanti' });
    const [made] = incidentsWith(text);
    expect(incidentsWith(text)).toHaveLength(1);
    expect(lost.recovery).toContain(`the subject "${text}"`);
    expect(lost.recovery).toContain(facts.knownRequester.recId);
    expect(lost.recovery).toContain(`INC-${made?.IncidentNumber}`);
    expect(lost.recovery).toMatch(/found one that fits/);
    expect(lost.message).toContain(lost.recovery);
  });

  it('says when it finds nothing after a reset, and that a create may still be running', async () => {
    const text = subject('stock, reset');
    resetNextCreate();
    const error = await failure(stock.tickets.create({ subject: text, requester: facts.knownRequester.email }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as OutcomeUnknownError).recovery).toMatch(/found none.*look again/s);
    expect(incidentsWith(text)).toHaveLength(0);
  });

  it('fails a note whose answer was lost with an OutcomeUnknownError naming the note it finds', async () => {
    const ticket = await stock.tickets.create({ subject: subject('stock note'), requester: facts.knownRequester.email });
    probe.loseNextAnswer(ADD_NOTE);
    const error = await failure(stock.comments.add(ticket.id, { body: 'Lost reply' }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const [note] = notesWith(ticket.id, 'Lost reply');
    expect(notesWith(ticket.id, 'Lost reply')).toHaveLength(1);
    expect((error as OutcomeUnknownError).recovery).toContain(`note ${note?.RecId}`);
    expect((error as OutcomeUnknownError).recovery).toContain(ticket.key);
  });
});

describe('verifyAccess() and the idempotency fields', () => {
  it('passes when the fields exist, fails naming the objects that lack one, and warns when none is configured', async () => {
    const byId = async (connector: IvantiConnector) => new Map((await connector.verifyAccess()).checks.map((check) => [check.id, check]));
    expect((await byId(atomic)).get('idempotency.fields')).toMatchObject({ status: 'pass', detail: expect.stringContaining('Incident.IdempotencyKey') });
    const wrong = createIvantiConnector({ ...sb.connectorOptions('ivanti'), idempotencyField: 'ExternalRef', noteIdempotencyField: 'IdempotencyKey' });
    const failed = (await byId(wrong)).get('idempotency.fields');
    expect(failed).toMatchObject({ status: 'fail', fix: expect.stringContaining('Build → Business Objects') });
    expect(failed?.detail).toMatch(/Incident has no field ExternalRef.*ServiceReq has no field ExternalRef/s);
    expect(failed?.detail).not.toMatch(/Journal/);
    expect((await byId(stock)).get('idempotency.fields')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/^Not checked: no idempotency field is configured/) });
  });
});
