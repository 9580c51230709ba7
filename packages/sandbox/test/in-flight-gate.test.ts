import { describe, expect, it } from 'vitest';
import { InFlightGate } from '../src/in-flight-gate.js';
import type { Middleware } from '../src/middleware.js';
import { createSimRequest } from '../src/request.js';
import { createRouter } from '../src/router.js';
import type { HandlerContext, SimResponse } from '../src/simulator.js';

/** A promise the test settles by hand: it keeps a request "in flight" without any real wait. */
function hold() {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { promise, release, fail };
}

describe('InFlightGate', () => {
  it('hands out up to `limit` places per key, and takes them back once each', () => {
    const gate = new InFlightGate({ limit: 2 });
    const first = gate.tryEnter('a');
    const second = gate.tryEnter('a');
    expect(first?.key).toBe('a');
    expect(gate.tryEnter('a')).toBeUndefined();
    expect(gate.inFlight('a')).toBe(2);
    expect(gate.tryEnter('b')).toBeDefined(); // another key has its own places
    first?.leave();
    first?.leave(); // a second leave gives nothing back twice
    expect(gate.inFlight('a')).toBe(1);
    expect(gate.tryEnter('a')).toBeDefined();
    expect(gate.tryEnter('a')).toBeUndefined();
    second?.leave();
    expect(gate.inFlight('a')).toBe(1);
  });

  it('run() refuses the request over the limit at once, without running it or queueing it', async () => {
    const gate = new InFlightGate({ limit: 3 });
    const held = hold();
    let started = 0;
    const task = async () => {
      started += 1;
      await held.promise;
      return 'done';
    };
    const refuse = ({ key, inFlight, limit }: { key: string; inFlight: number; limit: number }) => `refused ${key} ${inFlight}/${limit}`;
    const running = [gate.run('k', task, refuse), gate.run('k', task, refuse), gate.run('k', task, refuse)];
    expect(await gate.run('k', task, refuse)).toBe('refused k 3/3');
    expect(started).toBe(3);
    held.release();
    expect(await Promise.all(running)).toEqual(['done', 'done', 'done']);
    expect(gate.inFlight('k')).toBe(0);
    expect(await gate.run('k', () => 'again', refuse)).toBe('again');
  });

  it('run() gives the place back when the task throws', async () => {
    const gate = new InFlightGate({ limit: 1 });
    const held = hold();
    const failing = gate.run<unknown>('k', () => held.promise, () => 'refused');
    expect(gate.inFlight('k')).toBe(1);
    held.fail(new Error('handler broke'));
    await expect(failing).rejects.toThrow('handler broke');
    expect(gate.inFlight('k')).toBe(0);
    await expect(gate.run('k', () => {
      throw new Error('sync throw');
    }, () => 'refused')).rejects.toThrow('sync throw');
    expect(gate.inFlight('k')).toBe(0);
  });

  it('applies a changed limit to the next entry; places held stay held', () => {
    const gate = new InFlightGate({ limit: 2 });
    gate.tryEnter('k');
    gate.tryEnter('k');
    gate.limit = 1;
    expect(gate.inFlight('k')).toBe(2);
    expect(gate.tryEnter('k')).toBeUndefined();
    gate.limit = 0;
    expect(gate.tryEnter('other')).toBeUndefined();
  });

  it('refuses a bad limit', () => {
    expect(() => new InFlightGate({ limit: -1 })).toThrow(RangeError);
    expect(() => new InFlightGate({ limit: 2.5 })).toThrow('InFlightGate: limit must be a whole number, 0 or more (got 2.5)');
  });
});

describe('an in-flight gate as middleware', () => {
  interface State {
    readonly threads: InFlightGate;
    readonly holds: Map<string, Promise<void>>;
  }
  const threadLimit: Middleware<State, object> = (request, { state }, next) =>
    state.threads.run(`${request.header('x-integration') ?? ''}|${request.path.split('/')[1] ?? ''}`, () => next(), ({ limit }) => ({
      status: 429,
      body: { errors: [`Thread Threshold Exceeded — the thread threshold of ${limit} threads has been exceeded.`] },
    }));
  const router = createRouter<State, object>()
    .use(threadLimit)
    .get('/:entity/:id', async (_request, { state, params }) => {
      await state.holds.get(params.id);
      if (params.id === 'broken') throw new Error('route broke');
      return { status: 200, body: { id: params.id } };
    });

  it('answers the 4th concurrent request on one endpoint with the refusal; others and later ones go through', async () => {
    const held = hold();
    const state: State = { threads: new InFlightGate({ limit: 3 }), holds: new Map([['slow', held.promise]]) };
    const context: HandlerContext<State, object> = { provider: 'toy', url: 'http://127.0.0.1:1', state, credentials: {}, seed: 's' };
    const call = (path: string, integration = 'A'): Promise<SimResponse> => router.handle(createSimRequest({ target: path, headers: { 'x-integration': integration } }), context);
    const slow = [call('/Tickets/slow'), call('/Tickets/slow'), call('/Tickets/slow')];
    const fourth = await call('/Tickets/slow');
    expect(fourth.status).toBe(429);
    expect(fourth.body).toEqual({ errors: ['Thread Threshold Exceeded — the thread threshold of 3 threads has been exceeded.'] });
    expect((await call('/Contacts/1')).status).toBe(200); // another endpoint
    expect((await call('/Tickets/1', 'B')).status).toBe(200); // another integration
    held.release();
    expect((await Promise.all(slow)).map((response) => response.status)).toEqual([200, 200, 200]);
    expect((await call('/Tickets/1')).status).toBe(200);
    await expect(call('/Tickets/broken')).rejects.toThrow('route broke');
    expect(state.threads.inFlight('A|Tickets')).toBe(0);
  });
});
