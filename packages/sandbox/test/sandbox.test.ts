import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { SandboxError } from '../src/errors.js';
import { launchSandbox, startSandbox, type ConnectorOptionsOf, type Sandbox, type SandboxOptions } from '../src/sandbox.js';
import type { SimulatorRegistry } from '../src/registry.js';
import type { AnySimulator } from '../src/simulator.js';
import { createNotesSimulator, DEFAULT_NOTES, notesSimulator, type Note, type NotesCredentials, type NotesState } from './support/notes-simulator.js';

const eu = createNotesSimulator('notes-eu');
const open: Sandbox<AnySimulator>[] = [];

/** Starts a sandbox running only the toy simulators, closed after each test. */
async function start(options: SandboxOptions = {}) {
  const { simulators = [notesSimulator, eu], ...rest } = options;
  const sb = await startSandbox({ providers: ['notes', 'notes-eu'], ...rest, simulators: simulators as readonly [typeof notesSimulator, typeof eu] });
  open.push(sb);
  return sb;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((sb) => sb.close()));
});

/** Listens on `port` (0 = any free one); resolves with the server, or undefined when the port is taken. */
async function occupy(port: number): Promise<Server | undefined> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function release(server: Server): Promise<unknown> {
  return new Promise((resolve) => server.close(resolve));
}

/** Two consecutive free ports: the first is returned; both are released again. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const first = (await occupy(0)) as Server;
    const port = (first.address() as AddressInfo).port;
    const second = port < 65_535 ? await occupy(port + 1) : undefined;
    await release(first);
    if (second !== undefined) {
      await release(second);
      return port;
    }
  }
}

describe('startSandbox', () => {
  it('runs each provider on its own loopback port with a bare-origin URL', async () => {
    const sb = await start();
    expect(sb.providers).toEqual(['notes', 'notes-eu']);
    const notesUrl = new URL(sb.url('notes'));
    const euUrl = new URL(sb.url('notes-eu'));
    expect(sb.url('notes')).toBe(notesUrl.origin);
    expect(notesUrl.hostname).toBe('127.0.0.1');
    expect(notesUrl.port).not.toBe(euUrl.port);
    const response = await fetch(`${sb.url('notes-eu')}/notes?limit=1`, { headers: { 'x-notes-token': sb.credentials['notes-eu'].token } });
    expect(response.status).toBe(200);
    expect(sb.requests.map((entry) => entry.provider)).toEqual(['notes-eu']);
  });

  it('gives provider i port N+i for a fixed base port', async () => {
    const base = await freePortPair();
    const sb = await start({ port: base });
    expect(sb.url('notes')).toBe(`http://127.0.0.1:${base}`);
    expect(sb.url('notes-eu')).toBe(`http://127.0.0.1:${base + 1}`);
  });

  it('fails clearly when a fixed port is in use, and closes the servers it had started', async () => {
    const base = await freePortPair();
    const blocker = await occupy(base + 1);
    expect(blocker).toBeDefined();
    try {
      await expect(start({ port: base })).rejects.toThrow(`Cannot start the "notes-eu" simulator on 127.0.0.1:${base + 1}: the port is in use.`);
    } finally {
      await release(blocker as Server);
    }
    // The "notes" server that did start on `base` was closed again.
    const again = await occupy(base);
    expect(again).toBeDefined();
    await release(again as Server);
  });

  it('hands out credentials and connector options, typed per provider', async () => {
    const sb = await start();
    expect(sb.credentials.notes.token).toMatch(/^notes_[0-9a-f]{32}$/);
    expect(sb.credentials['notes-eu'].token).not.toBe(sb.credentials.notes.token);
    const options = sb.connectorOptions('notes');
    expect(options).toEqual({ baseUrl: sb.url('notes'), token: sb.credentials.notes.token, company: sb.state('notes').company });
    expectTypeOf(options).toEqualTypeOf<{ baseUrl: string; token: string; company: string }>();
    expectTypeOf(sb.credentials.notes).toEqualTypeOf<{ readonly token: string }>();
    expectTypeOf(sb.state('notes')).toEqualTypeOf<NotesState>();
  });

  it('rejects requests without the right credentials, as the toy API does', async () => {
    const sb = await start();
    const anonymous = await fetch(`${sb.url('notes')}/notes`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Token');
    expect(await anonymous.json()).toEqual({ code: 'unauthorized', message: 'missing or wrong token' });
    const wrong = await fetch(`${sb.url('notes')}/notes`, { headers: { 'x-notes-token': sb.credentials['notes-eu'].token } });
    expect(wrong.status).toBe(401);
  });

  it('throws a clear error for a provider that is not running', async () => {
    const sb = await start({ providers: ['notes'] });
    expect(() => sb.url('notes-eu')).toThrow(SandboxError);
    expect(() => sb.url('notes-eu')).toThrow('The "notes-eu" simulator is not running in this sandbox (running: notes).');
    expect(() => sb.connectorOptions('jira-cloud')).toThrow('"jira-cloud" simulator is not running');
    expect(() => sb.state('notes-eu')).toThrow('"notes-eu" simulator is not running');
    expect(() => sb.credentials['notes-eu']).toThrow('"notes-eu" simulator is not running');
    expect(() => sb.credentials.autotask).toThrow('"autotask" simulator is not running');
    expect(Object.keys(sb.credentials)).toEqual(['notes']);
  });

  it('fails clearly when no simulator is available', async () => {
    await expect(launchSandbox({}, {})).rejects.toThrow(
      'No simulators are available: @itsm/sandbox has no built-in simulator yet and none was passed in the "simulators" option.',
    );
  });

  it('fails clearly, naming it, when a requested provider has no simulator', async () => {
    await expect(launchSandbox({}, { providers: ['jira-cloud'] })).rejects.toThrow('No simulator for provider "jira-cloud" (available: none).');
    await expect(start({ providers: ['notes', 'zendesk'] })).rejects.toThrow('No simulator for provider "zendesk" (available:');
  });

  it('validates its options, naming the field', async () => {
    await expect(start({ port: -1 })).rejects.toThrow('"port" must be an integer from 0 to 65535 (got -1)');
    await expect(start({ port: 65_535 })).rejects.toThrow('"port" 65535 leaves no room for 2 providers');
    await expect(start({ seed: '' })).rejects.toThrow('"seed" must be a non-empty string');
    await expect(start({ tickets: 0 })).rejects.toThrow('"tickets" must be a positive integer (got 0)');
    await expect(start({ seededUntil: 'soon' })).rejects.toThrow('"seededUntil" must be a valid date');
    await expect(start({ providers: [] })).rejects.toThrow('"providers" is empty');
    await expect(start({ providers: ['notes', 'notes'] })).rejects.toThrow('"providers" names "notes" twice');
    // @ts-expect-error -- a typo in an option name
    await expect(start({ seeds: 'x' })).rejects.toThrow('"seeds" is not an option');
    await expect(start({ simulators: [notesSimulator, notesSimulator] })).rejects.toThrow('two simulators for "notes"');
    const broken = { ...notesSimulator, provider: 'Not An Id' } as AnySimulator;
    await expect(startSandbox({ simulators: [broken], providers: ['notes'] })).rejects.toThrow('has provider "Not An Id"');
    const noHandle = { ...notesSimulator, handle: undefined } as unknown as AnySimulator;
    await expect(startSandbox({ simulators: [noHandle], providers: ['notes'] })).rejects.toThrow('has no handle() function');
  });

  it('checks that a built-in simulator is registered under its own provider id', async () => {
    await expect(launchSandbox({ 'jira-cloud': notesSimulator }, {})).rejects.toThrow('registered as "jira-cloud" says its provider is "notes"');
  });

  it('lets a simulator passed in options replace a built-in one with the same id', async () => {
    const builtin = createNotesSimulator('notes');
    const replacement = { ...createNotesSimulator('notes'), connectorOptions: () => ({ replaced: true }) };
    const sb = await launchSandbox({ notes: builtin }, { simulators: [replacement] });
    open.push(sb);
    expect(sb.connectorOptions('notes')).toEqual({ replaced: true });
  });

  it('types credentials and connector options from a registry like the built-in one', async () => {
    const registry = { notes: notesSimulator } as const satisfies SimulatorRegistry;
    type Registered = (typeof registry)[keyof typeof registry];
    const sb = await launchSandbox<Registered>(registry, {});
    open.push(sb);
    expect(sb.providers).toEqual(['notes']);
    expectTypeOf(sb.credentials.notes).toEqualTypeOf<NotesCredentials>();
    expectTypeOf(sb.connectorOptions('notes')).toEqualTypeOf<{ baseUrl: string; token: string; company: string }>();
    expectTypeOf<ConnectorOptionsOf<Registered, 'other'>>().toEqualTypeOf<Record<string, unknown>>();
    expect(sb.connectorOptions('notes').token).toBe(sb.credentials.notes.token);
  });

  it('checks that credentials are strings', async () => {
    const numeric = { ...notesSimulator, credentials: () => ({ token: 42 }) } as unknown as AnySimulator;
    await expect(startSandbox({ simulators: [numeric], providers: ['notes'] })).rejects.toThrow(`"notes" simulator's credentials().token is not a string`);
  });
});

describe('seeded data', () => {
  async function notes(sb: Sandbox<AnySimulator>, provider = 'notes'): Promise<Note[]> {
    const response = await fetch(`${sb.url(provider)}/notes`, { headers: { 'x-notes-token': sb.credentials[provider]?.token ?? '' } });
    return (await response.json()) as Note[];
  }

  // Two sandboxes started one after the other seed histories leading up to two instants: fix it.
  const seededUntil = '2026-01-01T00:00:00Z';

  it('is the same for the same seed and different for another seed', async () => {
    const first = await start({ seed: 'alpha', seededUntil });
    const second = await start({ seed: 'alpha', seededUntil });
    const other = await start({ seed: 'beta', seededUntil });
    expect(await notes(first)).toEqual(await notes(second));
    expect(first.credentials.notes).toEqual(second.credentials.notes);
    expect(await notes(first)).not.toEqual(await notes(other));
    expect(first.credentials.notes).not.toEqual(other.credentials.notes);
    // Each provider gets its own stream from the seed.
    expect(await notes(first)).not.toEqual(await notes(first, 'notes-eu'));
  });

  it('uses a fixed default seed, so data depends only on seededUntil by default', async () => {
    const first = await start({ seededUntil });
    const second = await start({ seededUntil: new Date(seededUntil) });
    expect(first.seed).toBe('itsm-sandbox');
    expect(await notes(first)).toEqual(await notes(second));
  });

  it('leads up to the moment the sandbox starts unless seededUntil says otherwise', async () => {
    const before = Date.now();
    const sb = await start();
    expect(sb.seededUntil.getTime()).toBeGreaterThanOrEqual(before);
    expect(sb.seededUntil.getTime()).toBeLessThanOrEqual(Date.now());
    const newest = Math.max(...[...sb.state('notes').notes.values()].map((note) => Date.parse(note.createdAt)));
    expect(newest).toBeLessThan(sb.seededUntil.getTime());
    expect((await start({ seededUntil })).seededUntil.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    // A copy: changing it changes nothing.
    sb.seededUntil.setTime(0);
    expect(sb.seededUntil.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('passes the requested size to the simulators', async () => {
    const sized = await start({ tickets: 7 });
    const standard = await start();
    expect(sized.state('notes').notes.size).toBe(7);
    expect(standard.state('notes').notes.size).toBe(DEFAULT_NOTES);
  });
});

describe('sample', () => {
  it("gives the simulator's sample of the seeded data, the same for a seed", async () => {
    const sb = await start({ seed: 'sampled' });
    const sample = sb.sample('notes');
    const first = sb.state('notes').notes.get(1);
    expect(sample).toEqual({
      requesterEmail: first?.author,
      requesterName: expect.any(String),
      ticketKey: 'NOTE-1',
      ticketId: '1',
      agentEmail: expect.stringContaining('@'),
    });
    expect(sample.agentEmail).not.toBe(sample.requesterEmail);
    expect((await start({ seed: 'sampled' })).sample('notes')).toEqual(sample);
  });

  it('says so for a simulator without one, or a provider that is not running', async () => {
    const { sample: _, ...plain } = createNotesSimulator('plain');
    const sb = await start({ providers: ['notes', 'plain'], simulators: [notesSimulator, plain] });
    expect(() => sb.sample('plain')).toThrow(new SandboxError('The "plain" simulator has no sample(): read its state with sandbox.state("plain") instead.'));
    expect(() => sb.sample('notes-eu')).toThrow('"notes-eu" simulator is not running');
  });

  it('checks that a simulator\'s sample is a function', async () => {
    const broken = { ...notesSimulator, sample: { requesterEmail: 'x' } } as unknown as AnySimulator;
    await expect(startSandbox({ simulators: [broken], providers: ['notes'] })).rejects.toThrow('("notes") has a sample that is not a function');
  });
});

describe('reset', () => {
  it('restores the seeded state and removes faults and log entries', async () => {
    const sb = await start();
    const headers = { 'x-notes-token': sb.credentials.notes.token, 'content-type': 'application/json' };
    const seeded = structuredClone(sb.state('notes').notes);
    expect((await fetch(`${sb.url('notes')}/notes`, { method: 'POST', headers, body: JSON.stringify({ title: 'new' }) })).status).toBe(201);
    expect((await fetch(`${sb.url('notes')}/notes/1`, { method: 'DELETE', headers })).status).toBe(204);
    expect(sb.state('notes').notes).not.toEqual(seeded);
    const fault = sb.faults.inject({ provider: 'notes', status: 503 });
    await sb.reset();
    expect(sb.state('notes').notes).toEqual(seeded);
    expect(sb.requests).toEqual([]);
    expect(fault.active).toBe(false);
    expect(sb.faults.active).toEqual([]);
    const after = await fetch(`${sb.url('notes')}/notes/1`, { headers });
    expect(after.status).toBe(200);
    expect(((await after.json()) as Note).id).toBe(1);
  });

  it('aborts fault delays in progress, so a request from before the reset never touches the new state or log', async () => {
    const sb = await start({ providers: ['notes'] });
    const headers = { 'x-notes-token': sb.credentials.notes.token };
    // A delay far longer than the test: the request can only end because the reset cut it short.
    sb.faults.inject({ provider: 'notes', method: 'POST', delayMs: 3_600_000 });
    const pending = fetch(`${sb.url('notes')}/notes`, { method: 'POST', headers, body: JSON.stringify({ title: 'late' }) }).then(
      (response) => response.status,
      () => 'failed',
    );
    while (sb.faults.active[0]?.hits !== 1) await new Promise((resolve) => setImmediate(resolve));
    await sb.reset();
    expect(await pending).toBe('failed');
    expect(sb.state('notes').notes.size).toBe(DEFAULT_NOTES);
    expect(sb.requests).toEqual([]);
  });
});

describe('close', () => {
  it('frees the ports, ends keep-alive connections and is idempotent', async () => {
    const sb = await start();
    const port = Number(new URL(sb.url('notes')).port);
    // A keep-alive connection stays open after this request.
    await (await fetch(`${sb.url('notes')}/notes`)).arrayBuffer();
    await Promise.all([sb.close(), sb.close()]);
    await sb.close();
    await expect(fetch(`${sb.url('notes')}/notes`)).rejects.toThrow();
    const reuse = await occupy(port);
    expect(reuse).toBeDefined();
    await release(reuse as Server);
  });

  it('works with await using', async () => {
    let url = '';
    {
      await using sb = await start({ providers: ['notes'] });
      url = sb.url('notes');
      expect((await fetch(`${url}/notes`)).status).toBe(401);
    }
    await expect(fetch(`${url}/notes`)).rejects.toThrow();
  });
});
