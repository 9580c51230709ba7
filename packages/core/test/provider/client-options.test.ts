/**
 * Client options: own options by the client's zod schema, transport options passed on, owned and
 * unknown keys refused by name; URL options https-only (but loopback), never echoed when bad.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError } from '../../src/errors.js';
import { CLIENT_OWNED_TRANSPORT_KEYS, clientOptionKeys, resolveClientOptions, TRANSPORT_OPTION_KEYS } from '../../src/provider/client-options.js';
import { serviceUrlSchema } from '../../src/provider/service-url.js';

const SECRET = 'sk-very-secret-key-123';

const schema = z.strictObject({
  baseUrl: serviceUrlSchema({ example: 'https://tenant.ivanticloud.com', credentials: 'the apiKey option' }),
  apiKey: z.string().trim().min(1, 'is required'),
  probe: z.boolean().optional(),
});
const spec = { provider: 'ivanti' as const, client: 'IvantiClient', schema };

function inputError(options: unknown): InputError {
  try {
    resolveClientOptions(options, spec);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const good = { baseUrl: 'https://tenant.ivanticloud.com/HEAT/', apiKey: SECRET };

describe('resolveClientOptions', () => {
  it('parses the own options and passes the transport options on', () => {
    const onRequest = () => undefined;
    const { own, transport } = resolveClientOptions({ ...good, timeout: 5_000, onRequest, probe: undefined }, spec);
    expect(own).toEqual({ baseUrl: 'https://tenant.ivanticloud.com/HEAT', apiKey: SECRET });
    expect(transport).toEqual({ timeout: 5_000, onRequest });
  });

  it.each([
    [{ ...good, auth: () => undefined }, 'auth', 'is set by IvantiClient'],
    [{ ...good, provider: 'jira-cloud' }, 'provider', 'is set by IvantiClient'],
    [{ ...good, timout: 5 }, 'timout', 'is not a known option'],
    [{ ...good, apiKey: ' ' }, 'apiKey', 'is required'],
    [{ apiKey: SECRET }, 'baseUrl', 'non-empty URL'],
  ])('refuses %j naming %s', (options, field, message) => {
    const error = inputError(options);
    expect(error.field).toBe(field);
    expect(error.provider).toBe('ivanti');
    expect(error.message).toContain(message);
  });

  it('refuses a non-object', () => {
    expect(inputError(null).field).toBe('options');
  });

  it('lets the client own more transport options, and lists every key it accepts', () => {
    const owning = { ...spec, owned: [...CLIENT_OWNED_TRANSPORT_KEYS, 'requestIdHeaders' as const] };
    expect(() => resolveClientOptions({ ...good, requestIdHeaders: ['x'] }, owning)).toThrow(/is set by IvantiClient/);
    const keys = clientOptionKeys(owning);
    expect(keys).toContain('apiKey');
    expect(keys).toContain('timeout');
    expect(keys).not.toContain('requestIdHeaders');
    expect(keys).not.toContain('auth');
    expect(keys.filter((key) => key === 'baseUrl')).toHaveLength(1);
    expect(TRANSPORT_OPTION_KEYS).toContain('concurrency');
  });
});

describe('serviceUrlSchema', () => {
  const url = (value: unknown, options = {}) => serviceUrlSchema(options).safeParse(value);
  const message = (value: unknown, options = {}) => {
    const result = url(value, options);
    if (result.success) throw new Error('expected a failure');
    return result.error.issues.map((issue) => issue.message).join('; ');
  };

  it('accepts https, and http only on loopback hosts, normalised without a trailing slash', () => {
    expect(url('https://acme.example/').data).toBe('https://acme.example');
    expect(url(' https://acme.example/HEAT/ ').data).toBe('https://acme.example/HEAT');
    for (const local of ['http://localhost:8080', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'http://jira.localhost']) {
      expect(url(local).data).toBe(local);
    }
    expect(message('http://acme.example')).toContain('must use https');
    expect(message('ftp://acme.example')).toContain('must use https');
  });

  it('refuses credentials, queries and fragments, and never repeats a value that is not a URL', () => {
    expect(message(`https://bot:${SECRET}@acme.example`, { credentials: 'the apiKey option' })).toBe('must not hold credentials; use the apiKey option');
    expect(message('https://acme.example/?x=1')).toContain('query');
    expect(message('https://acme.example/#x')).toContain('fragment');
    for (const value of [SECRET, `bot:${SECRET}@acme.example`, '', 42]) expect(message(value)).not.toContain(SECRET);
  });

  it('can require a bare origin, or check the path', () => {
    expect(url('https://acme.example/', { bareOrigin: true }).data).toBe('https://acme.example');
    expect(message('https://acme.example/api', { bareOrigin: true })).toContain('bare origin');
    const checkPath = (value: URL) => (/\/rest(\/|$)/.test(value.pathname) ? 'must be the site URL without the API path' : undefined);
    expect(message('https://acme.example/rest/api/3', { checkPath })).toBe('must be the site URL without the API path');
    expect(url('https://acme.example/jira', { checkPath }).data).toBe('https://acme.example/jira');
  });
});
