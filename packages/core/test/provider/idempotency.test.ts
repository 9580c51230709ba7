// idempotentWrite: the look-up before a write with a caller's key, the bounded look-ups (with their
// waits, on fake timers) after a lost answer, and the errors when the record cannot be found.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConnectionError,
  IncompleteCreateError,
  InputError,
  OutcomeUnknownError,
  ResponseShapeError,
  UnsupportedError,
  ValidationError,
} from '../../src/index.js';
import {
  DEFAULT_LOOKUP_DELAYS_MS,
  idempotencyKeyOf,
  idempotentWrite,
  newIdempotencyKey,
  type IdempotentWrite,
} from '../../src/provider/idempotency.js';
import { failure } from '../../src/testing/failure.js';

const lostAnswer = () =>
  new ConnectionError('POST /issue failed: socket hang up', { provider: 'jira-cloud', method: 'POST', url: 'https://x.test/issue', code: 'ECONNRESET', outcome: 'unknown' });

interface Spy {
  writes: number;
  finds: ('before' | 'recover')[];
  findTimes: number[];
}

function spec(overrides: Partial<IdempotentWrite<string>>, spy: Spy): IdempotentWrite<string> {
  return {
    provider: 'jira-cloud',
    operation: 'tickets.create',
    support: 'atomic',
    key: { key: 'job-1', given: false },
    write: async () => {
      spy.writes += 1;
      return 'HELP-1';
    },
    find: async (phase) => {
      spy.finds.push(phase);
      spy.findTimes.push(Date.now());
      return undefined;
    },
    howToFind: 'look for an issue in HELP with the summary "VPN down"',
    ...overrides,
  };
}

const newSpy = (): Spy => ({ writes: 0, finds: [], findTimes: [] });

describe('idempotencyKeyOf', () => {
  it('generates a key when none is given, and keeps a given one', () => {
    expect(idempotencyKeyOf('jira-cloud', undefined, 'tickets.create')).toMatchObject({ given: false, key: expect.stringMatching(/^itsm-[0-9a-f-]{36}$/) });
    expect(idempotencyKeyOf('jira-cloud', {}, 'comments.add').given).toBe(false);
    expect(idempotencyKeyOf('jira-cloud', { idempotencyKey: 'chat-4711' }, 'tickets.create')).toEqual({ key: 'chat-4711', given: true });
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });

  it('refuses a bad key or an unknown option, naming it and the provider', () => {
    for (const [options, field] of [
      [{ idempotencyKey: '' }, 'options.idempotencyKey'],
      [{ idempotencyKey: 'with space' }, 'options.idempotencyKey'],
      [{ idempotencyKey: 'a\r\nb' }, 'options.idempotencyKey'],
      [{ idempotencyKey: 'k'.repeat(256) }, 'options.idempotencyKey'],
      [{ idempotencyKey: 'café' }, 'options.idempotencyKey'],
      [{ idempotencyKey: 42 }, 'options.idempotencyKey'],
      [{ idempotencyKy: 'k' }, 'options.idempotencyKy'],
    ] as const) {
      let error: unknown;
      try {
        idempotencyKeyOf('autotask', options, 'tickets.create');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ field, provider: 'autotask' });
    }
  });
});

describe('idempotentWrite', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes once and looks nothing up when the key was generated', async () => {
    const spy = newSpy();
    await expect(idempotentWrite(spec({}, spy))).resolves.toEqual({ record: 'HELP-1', how: 'made' });
    expect(spy).toMatchObject({ writes: 1, finds: [] });
  });

  it('returns the record that already has a key the caller gave, without writing', async () => {
    const spy = newSpy();
    const result = await idempotentWrite(spec({ key: { key: 'job-1', given: true }, find: async (phase) => (spy.finds.push(phase), 'HELP-7') }, spy));
    expect(result).toEqual({ record: 'HELP-7', how: 'existing' });
    expect(spy).toMatchObject({ writes: 0, finds: ['before'] });
  });

  it('writes when no record has the key the caller gave', async () => {
    const spy = newSpy();
    expect(await idempotentWrite(spec({ key: { key: 'job-1', given: true } }, spy))).toEqual({ record: 'HELP-1', how: 'made' });
    expect(spy).toMatchObject({ writes: 1, finds: ['before'] });
  });

  it('after a lost answer, looks the record up at the scheduled waits and returns it', async () => {
    const spy = newSpy();
    const start = Date.now();
    const pending = idempotentWrite(spec({
      write: async () => {
        spy.writes += 1;
        throw lostAnswer();
      },
      find: async (phase) => {
        spy.finds.push(phase);
        spy.findTimes.push(Date.now() - start);
        return spy.finds.length === 3 ? 'HELP-9' : undefined; // the search index shows it on the third look
      },
    }, spy));
    await vi.runAllTimersAsync();
    expect(await pending).toEqual({ record: 'HELP-9', how: 'recovered' });
    expect(spy.writes).toBe(1);
    expect(spy.finds).toEqual(['recover', 'recover', 'recover']);
    expect(spy.findTimes).toEqual([0, 500, 1_500]);
  });

  it('gives an OutcomeUnknownError after the last look-up, saying to call again with the same key', async () => {
    const spy = newSpy();
    const failed = lostAnswer();
    const pending = failure(idempotentWrite(spec({ key: { key: 'job-1', given: true }, write: async () => { throw failed; } }, spy)));
    await vi.runAllTimersAsync();
    const error = await pending;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({
      provider: 'jira-cloud',
      outcome: 'unknown',
      operation: 'tickets.create',
      idempotencyKey: 'job-1',
      failure: { name: 'ConnectionError', message: failed.message },
    });
    expect((error as OutcomeUnknownError).cause).toBe(failed);
    expect((error as OutcomeUnknownError).recovery).toMatch(/after 6 look-ups over 16 s.*same idempotencyKey/);
    expect((error as Error).message).toContain('socket hang up');
    expect(spy.finds).toEqual(['before', ...DEFAULT_LOOKUP_DELAYS_MS.map(() => 'recover')]);
    expect(JSON.stringify((error as OutcomeUnknownError).toJSON())).not.toContain('cause');
  });

  it('keeps looking when a look-up fails, and says so when none found the record', async () => {
    const spy = newSpy();
    const pending = failure(idempotentWrite(spec({
      write: async () => { throw lostAnswer(); },
      find: async () => {
        spy.finds.push('recover');
        throw new Error('search index unavailable');
      },
      lookupDelaysMs: [0, 100],
    }, spy)));
    await vi.runAllTimersAsync();
    const error = (await pending) as OutcomeUnknownError;
    expect(spy.finds).toHaveLength(2);
    expect(error.recovery).toContain('the last one failed: search index unavailable');
  });

  it('returns the record of a write the service accepted but whose answer could not be read', async () => {
    const spy = newSpy();
    const broken = new ResponseShapeError('POST /issue returned a body that is not valid JSON', { provider: 'jira-cloud', issues: [], raw: '{', outcome: 'applied' });
    const found = idempotentWrite(spec({ write: async () => { throw broken; }, find: async () => 'HELP-3' }, spy));
    await vi.runAllTimersAsync();
    expect(await found).toEqual({ record: 'HELP-3', how: 'recovered' });
    const lost = failure(idempotentWrite(spec({ write: async () => { throw broken; }, lookupDelaysMs: [0] }, spy)));
    await vi.runAllTimersAsync();
    expect(await lost).toBe(broken); // applied: the original error already says not to send it again
  });

  it('throws what surely changed nothing, and what says the record exists, as it is, with no look-up', async () => {
    for (const error of [
      new InputError('summary must be one line', { provider: 'jira-cloud', field: 'summary' }),
      new ValidationError('Field priority is required', { provider: 'jira-cloud', status: 400, method: 'POST', url: 'u', outcome: 'not_applied' }),
      new IncompleteCreateError({ provider: 'jira-cloud', ticket: { id: '1', key: 'HELP-1' }, step: 'moving it to resolved', failure: new Error('409') }),
      new TypeError('a bug'),
    ]) {
      const spy = newSpy();
      expect(await failure(idempotentWrite(spec({ write: async () => { throw error; } }, spy)))).toBe(error);
      expect(spy.finds).toEqual([]);
    }
  });

  it('cannot recognise a lost answer where the key is stored after the write, and says how to find the record', async () => {
    const spy = newSpy();
    const error = (await failure(idempotentWrite(spec({ support: 'after-write', write: async () => { throw lostAnswer(); } }, spy)))) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(spy.finds).toEqual([]);
    expect(error.idempotencyKey).toBe('job-1');
    expect(error.recovery).toMatch(/only after the create answered.*before you send it again, look for an issue in HELP with the summary "VPN down"\./);
  });

  it('refuses a key where the provider cannot keep one, and still says how to find a lost record', async () => {
    const spy = newSpy();
    const refused = await failure(idempotentWrite(spec({ support: 'none', key: { key: 'job-1', given: true } }, spy)));
    expect(refused).toBeInstanceOf(UnsupportedError);
    expect(spy.writes).toBe(0);
    const lost = (await failure(idempotentWrite(spec({ support: 'none', write: async () => { throw lostAnswer(); } }, spy)))) as OutcomeUnknownError;
    expect(lost).toBeInstanceOf(OutcomeUnknownError);
    expect(lost.idempotencyKey).toBeUndefined();
    expect(lost.recovery).toMatch(/cannot keep an idempotency key/);
    expect(spy.finds).toEqual([]);
  });

  it('stops looking when its signal aborts', async () => {
    const spy = newSpy();
    const controller = new AbortController();
    const pending = failure(idempotentWrite(spec({ write: async () => { throw lostAnswer(); }, signal: controller.signal }, spy)));
    await vi.advanceTimersByTimeAsync(600);
    controller.abort(new Error('shutting down'));
    expect(((await pending) as Error).message).toBe('shutting down');
    expect(spy.finds).toHaveLength(2);
  });
});
