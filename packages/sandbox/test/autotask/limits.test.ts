/**
 * Autotask's limits: 3 requests in flight per tracking identifier and entity endpoint (the 4th is
 * refused with Itgenatr005), the hourly threshold (429 + Retry-After past it, ThresholdInformation
 * counting itself), and the usage latency. Requests are held open with `state.hold` and time moves by
 * hand: nothing waits for real time.
 */
import { describe, expect, it } from 'vitest';
import type { SimRequest } from '../../src/simulator.js';
import { api, search } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();

/** Holds requests whose path contains `fragment` until `release()`; `held(n)` resolves once n are held. */
function holdRequests(fragment: string) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const waiting: { count: number; resolve: () => void }[] = [];
  let count = 0;
  at.state.hold = (request: SimRequest) => {
    if (!request.path.includes(fragment)) return undefined;
    count += 1;
    for (const waiter of waiting) if (count >= waiter.count) waiter.resolve();
    return gate;
  };
  return {
    release: () => release(),
    held: (n: number) => new Promise<void>((resolve) => (count >= n ? resolve() : waiting.push({ count: n, resolve }))),
  };
}

describe('thread limit', () => {
  it.each([
    ['Tickets', search('Tickets', { filter: [{ op: 'exist', field: 'id' }], MaxRecords: 1 }), 'tickets'],
    ['ThresholdInformation (not exempt)', api('ThresholdInformation'), 'thresholdinformation'],
  ])('refuses the 4th concurrent request to %s at once, with the Itgenatr005 error', async (_name, path, fragment) => {
    const hold = holdRequests(fragment);
    const inFlight = [at.call('GET', path), at.call('GET', path), at.call('GET', path)];
    await hold.held(3);
    const fourth = await at.call('GET', path);
    expect(fourth.status).toBe(500);
    const [message] = fourth.body<{ errors: string[] }>().errors;
    expect(message).toMatch(/^Thread Threshold Exceeded — The Autotask API thread threshold of 3 threads has been exceeded\. Method: GET .*Itgenatr005/u);
    // Another endpoint and zone discovery are not affected.
    expect((await at.call('GET', api('Companies/0'))).status).toBe(200);
    const user = encodeURIComponent(at.sb.credentials.autotask.username ?? '');
    expect((await at.call('GET', `${api('zoneInformation')}?user=${user}`)).status).toBe(200);
    hold.release();
    expect((await Promise.all(inFlight)).map((reply) => reply.status)).toEqual([200, 200, 200]);
    expect((await at.call('GET', path)).status).toBe(200);
  });

  it('counts /Tickets/{id}/Notes as the TicketNotes endpoint, not Tickets', async () => {
    const hold = holdRequests('/notes');
    const notes = api(`Tickets/${at.state.facts.openTicket.id}/Notes`);
    const inFlight = [at.call('GET', notes), at.call('GET', notes), at.call('GET', notes)];
    await hold.held(3);
    expect((await at.call('GET', api(`TicketNotes/${at.state.facts.ticketWithInternalNote.publicNoteId}`))).status).toBe(500);
    expect((await at.call('GET', api(`Tickets/${at.state.facts.openTicket.id}`))).status).toBe(200);
    hold.release();
    await Promise.all(inFlight);
  });

  it('follows settings.threadLimit', async () => {
    at.state.settings.threadLimit = 1;
    const hold = holdRequests('companies');
    const first = at.call('GET', api('Companies/0'));
    await hold.held(1);
    const second = await at.call('GET', api('Companies/0'));
    expect(second.body<{ errors: string[] }>().errors[0]).toMatch(/threshold of 1 threads/u);
    hold.release();
    expect((await first).status).toBe(200);
  });
});

describe('hourly threshold', () => {
  it('reports the count with ThresholdInformation, this request included', async () => {
    await at.call('GET', api('Companies/0'));
    await at.call('GET', api('Companies/0'));
    expect((await at.call('GET', api('ThresholdInformation'))).json).toEqual({ externalRequestThreshold: 10_000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 3 });
  });

  it('answers 429 with Retry-After past an enforced threshold, until the rolling hour frees a request', async () => {
    let now = Date.parse('2026-02-01T10:00:00Z');
    at.state.clock = () => now;
    Object.assign(at.state.settings.threshold, { enforced: true, limit: 3 });
    for (let i = 0; i < 2; i += 1) expect((await at.call('GET', api('Companies/0'))).status).toBe(200);
    now += 10 * 60_000;
    expect((await at.call('GET', api('Companies/0'))).status).toBe(200);
    const refused = await at.call('GET', api('ThresholdInformation'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3000');
    expect(refused.body<{ errors: string[] }>().errors[0]).toMatch(/threshold of 3 requests per 60 minutes/u);
    now += 50 * 60_000;
    const after = await at.call('GET', api('ThresholdInformation'));
    expect(after.status).toBe(200);
    expect(after.json).toEqual({ externalRequestThreshold: 3, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 2 });
  });

  it('counts but does not refuse while the threshold is not enforced (the default)', async () => {
    at.state.settings.threshold.limit = 1;
    for (let i = 0; i < 3; i += 1) expect((await at.call('GET', api('Companies/0'))).status).toBe(200);
    expect(at.state.hourly.peek('database').used).toBe(3);
  });

  it('adds 0.5 s per call from 50 % of the threshold and 1 s from 75 %, when the latency switch is on', async () => {
    const waits: number[] = [];
    at.state.wait = async (ms) => {
      waits.push(ms);
    };
    Object.assign(at.state.settings.threshold, { latency: true, limit: 8 });
    for (let i = 0; i < 8; i += 1) await at.call('GET', api('Companies/0'));
    expect(waits).toEqual([500, 500, 1_000, 1_000, 1_000]);
  });
});
