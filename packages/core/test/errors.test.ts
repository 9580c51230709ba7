import { inspect } from 'node:util';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  AmbiguousMatchError,
  ApiError,
  IncompleteCreateError,
  OutcomeUnknownError,
  apiErrorForStatus,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InputError,
  ItsmError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ResponseShapeError,
  ServerError,
  TimeoutError,
  UnsupportedError,
  ValidationError,
} from '../src/errors.js';

const base = { provider: 'jira-cloud', method: 'GET', url: 'https://example.test/rest/api/3/issue/X' } as const;

describe('apiErrorForStatus', () => {
  it.each([
    [400, ValidationError],
    [401, AuthenticationError],
    [403, PermissionError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, ValidationError],
    [429, RateLimitError],
    [500, ServerError],
    [502, ServerError],
    [503, ServerError],
  ])('maps %i to its class', (status, cls) => {
    const error = apiErrorForStatus('failed', { ...base, status });
    expect(error).toBeInstanceOf(cls);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ItsmError);
    expect(error).toBeInstanceOf(Error);
    expect(error.status).toBe(status);
    expect(error.name).toBe(cls.kind);
  });

  it('keeps an unusual 4xx as a plain ApiError', () => {
    const error = apiErrorForStatus('teapot', { ...base, status: 418 });
    expect(error.constructor).toBe(ApiError);
    expect(error).not.toBeInstanceOf(ValidationError);
  });

  it('does not confuse sibling classes', () => {
    const error = apiErrorForStatus('nope', { ...base, status: 404 });
    expect(error).not.toBeInstanceOf(AuthenticationError);
    expect(error).not.toBeInstanceOf(ConnectionError);
  });
});

describe('cross-realm instanceof', () => {
  it('recognises an error that carries the brand but comes from another copy of the class', () => {
    const foreign = runInNewContext(`
      const brand = Symbol.for('@itsm/core/error-kinds');
      const e = new Error('from elsewhere');
      Object.defineProperty(e, brand, { value: ['NotFoundError', 'ApiError', 'ItsmError'] });
      e;
    `) as unknown;
    expect(foreign instanceof NotFoundError).toBe(true);
    expect(foreign instanceof ApiError).toBe(true);
    expect(foreign instanceof ItsmError).toBe(true);
    expect(foreign instanceof RateLimitError).toBe(false);
  });

  it('rejects plain errors and non-objects', () => {
    expect(new Error('x') instanceof ItsmError).toBe(false);
    expect((null as unknown) instanceof ItsmError).toBe(false);
    expect(('ItsmError' as unknown) instanceof ItsmError).toBe(false);
  });
});

describe('serialisation', () => {
  it('toJSON carries the fields and not the cause', () => {
    const error = new RateLimitError('slow down', {
      ...base,
      status: 429,
      retryAfterMs: 2000,
      reason: 'jira-quota-global-based',
      messages: ['Rate limit exceeded'],
      cause: new Error('internal detail with token abc123'),
    });
    const json = error.toJSON();
    expect(json).toMatchObject({
      name: 'RateLimitError',
      message: 'slow down',
      provider: 'jira-cloud',
      status: 429,
      retryAfterMs: 2000,
      reason: 'jira-quota-global-based',
      messages: ['Rate limit exceeded'],
    });
    expect(JSON.stringify(error)).not.toContain('abc123');
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain('abc123');
    expect(inspect(error)).toContain('RateLimitError');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('util.inspect shows fields that JSON cannot hold (cycles, BigInt) instead of throwing', () => {
    const raw: Record<string, unknown> = { total: 12n };
    raw.self = raw;
    const error = new ResponseShapeError('odd payload', { issues: [], raw });
    const shown = inspect(error);
    expect(shown).toContain('ResponseShapeError: odd payload');
    expect(shown).toContain('12n');
  });

  it('every class has its own name and fields', () => {
    const cases: [ItsmError, string, Record<string, unknown>][] = [
      [new ConnectionError('reset', { ...base, code: 'ECONNRESET' }), 'ConnectionError', { code: 'ECONNRESET' }],
      [new TimeoutError('slow', { ...base, timeoutMs: 50 }), 'TimeoutError', { timeoutMs: 50 }],
      [new ResponseShapeError('shape', { issues: [{ path: ['a'], message: 'x' }], raw: { a: 1 } }), 'ResponseShapeError', { raw: { a: 1 } }],
      [new InputError('input.subject: must not be empty', { field: 'input.subject' }), 'InputError', { field: 'input.subject' }],
      [new AmbiguousMatchError('two', { query: 'a@b.c', matchIds: ['1', '2'] }), 'AmbiguousMatchError', { matchIds: ['1', '2'] }],
      [new UnsupportedError('no', { capability: 'catalog' }), 'UnsupportedError', { capability: 'catalog' }],
    ];
    for (const [error, name, fields] of cases) {
      expect(error.name).toBe(name);
      expect(error.toJSON()).toMatchObject(fields);
      expect(error).toBeInstanceOf(ItsmError);
    }
  });

  it('IncompleteCreateError says the ticket exists and what failed, keeping the failure as its cause', () => {
    const failure = new UnsupportedError('no transition reaches resolved', { provider: 'jira-cloud', capability: 'transition' });
    const error = new IncompleteCreateError({ provider: 'jira-cloud', ticket: { id: '10001', key: 'HELP-7' }, step: 'moving it to resolved', failure });
    expect(error).toBeInstanceOf(ItsmError);
    expect(error.message).toBe('HELP-7 was created, but moving it to resolved failed: no transition reaches resolved');
    expect(error.toJSON()).toMatchObject({ ticket: { id: '10001', key: 'HELP-7' }, step: 'moving it to resolved', failure: { name: 'UnsupportedError' } });
    expect(error.cause).toBe(failure);
  });

  it('OutcomeUnknownError says the write may have been applied and what to do, keeping the failure as its cause', () => {
    const failure = new ConnectionError('POST /rest/api/3/issue failed: socket hang up', {
      provider: 'jira-cloud', method: 'POST', url: 'https://x.test/rest/api/3/issue', code: 'ECONNRESET', outcome: 'unknown',
    });
    const error = new OutcomeUnknownError({
      provider: 'jira-cloud',
      operation: 'tickets.create',
      idempotencyKey: 'chat-4711',
      failure,
      recovery: 'Call tickets.create again with the same idempotencyKey.',
    });
    expect(error).toBeInstanceOf(ItsmError);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.outcome).toBe('unknown');
    expect(error.message).toBe(
      'tickets.create may have been applied, but its answer was lost (POST /rest/api/3/issue failed: socket hang up). Call tickets.create again with the same idempotencyKey.',
    );
    expect(error.toJSON()).toMatchObject({ operation: 'tickets.create', idempotencyKey: 'chat-4711', failure: { name: 'ConnectionError' }, outcome: 'unknown' });
    expect(error.cause).toBe(failure);
    expect(JSON.stringify(error.toJSON())).not.toContain('ECONNRESET');
  });

  it('InputError derives its issues from the field when none are given', () => {
    const error = new InputError('bad', { field: 'query.requester' });
    expect(error.issues).toEqual([{ path: ['query', 'requester'], message: 'bad' }]);
  });
});
