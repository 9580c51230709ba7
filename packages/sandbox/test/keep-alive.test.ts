/**
 * Keep-alive connections: the server advertises a 5-second idle timeout (`Keep-Alive: timeout=5`)
 * but keeps an idle connection open far longer, so a client always closes it first. A server that
 * closed it at the advertised moment would race a client whose timers run late (its event loop
 * busy): the client writes its next request into a connection the server is closing, and gets
 * `ECONNRESET` for a request the server never read. These tests stall the event loop on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../src/sandbox.js';
import { ADVERTISED_KEEP_ALIVE_MS, IDLE_CONNECTION_MS } from '../src/server.js';
import { notesSimulator } from './support/notes-simulator.js';

let sb: Awaited<ReturnType<typeof startToy>>;

function startToy() {
  return startSandbox({ providers: ['notes'], simulators: [notesSimulator] });
}

beforeAll(async () => {
  sb = await startToy();
});
afterAll(async () => {
  await sb.close();
});

function post(note: string): Promise<Response> {
  return fetch(`${sb.url('notes')}/notes`, {
    method: 'POST',
    headers: { 'x-notes-token': sb.credentials.notes.token, 'content-type': 'application/json' },
    body: JSON.stringify({ title: note }),
  });
}

/** Blocks the event loop: what a busy process does to every timer, the server's and the client's. */
function stall(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

describe('keep-alive', () => {
  it('advertises a shorter idle timeout than it keeps', async () => {
    expect(IDLE_CONNECTION_MS).toBeGreaterThan(ADVERTISED_KEEP_ALIVE_MS * 10);
    const response = await post('header check');
    expect(response.headers.get('connection')).toBe('keep-alive');
    expect(response.headers.get('keep-alive')).toBe(`timeout=${ADVERTISED_KEEP_ALIVE_MS / 1000}`);
    await response.arrayBuffer();
  });

  it('answers every request written into connections that sat idle past the advertised timeout while the process stalled', { timeout: 60_000 }, async () => {
    const warm = await Promise.all(Array.from({ length: 20 }, (_, index) => post(`warm ${index}`)));
    await Promise.all(warm.map((response) => response.arrayBuffer()));
    const before = sb.requests.length;
    // Idle until just before the client would drop the connections, then stall past the advertised
    // timeout and send at once, before any timer or socket event of either side has run.
    const answers = await new Promise<Response[]>((resolve, reject) => {
      setTimeout(() => {
        stall(ADVERTISED_KEEP_ALIVE_MS + 1_000);
        Promise.all(Array.from({ length: 20 }, (_, index) => post(`after the stall ${index}`))).then(resolve, reject);
      }, 2_900);
    });
    expect(answers.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 201));
    await Promise.all(answers.map((response) => response.arrayBuffer()));
    expect(sb.requests.slice(before).filter((entry) => entry.status === 0)).toEqual([]);
  });
});
