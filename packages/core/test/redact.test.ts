import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, isSecretHeader, REDACTED, redactUrl } from '../src/redact.js';

describe('createRedactor', () => {
  it('replaces a secret in nested strings, arrays and objects without mutating the input', () => {
    const redact = createRedactor(['tok-123456']);
    const input = { a: 'x tok-123456 y', b: ['tok-123456'], c: { d: 'fine', e: 42 } };
    expect(redact(input)).toEqual({ a: `x ${REDACTED} y`, b: [REDACTED], c: { d: 'fine', e: 42 } });
    expect(input.a).toBe('x tok-123456 y');
  });

  it('catches the URL-encoded and Base64 forms (Basic auth)', () => {
    const secret = 'ann@example.com:tok/en+=';
    const redact = createRedactor([secret]);
    const basic = Buffer.from(secret).toString('base64');
    expect(redact(`Basic ${basic}`)).toBe(`Basic ${REDACTED}`);
    expect(redact(`?t=${encodeURIComponent(secret)}`)).toBe(`?t=${REDACTED}`);
  });

  it('ignores empty and very short secrets, and survives cycles', () => {
    const redact = createRedactor(['', undefined, 'ab']);
    expect(redact('ab cd')).toBe('ab cd');
    const cyclic: Record<string, unknown> = { s: 'secret-value' };
    cyclic.self = cyclic;
    expect(() => createRedactor(['secret-value'])(cyclic)).not.toThrow();
  });

  it('redacts an object or array every time it occurs, not just the first time', () => {
    const redact = createRedactor(['tok-123456']);
    const shared = ['bad tok-123456'];
    expect(redact({ summary: shared, description: shared })).toEqual({ summary: [`bad ${REDACTED}`], description: [`bad ${REDACTED}`] });
    const cyclic: Record<string, unknown> = { s: 'tok-123456' };
    cyclic.self = cyclic;
    const copy = redact(cyclic);
    expect(copy.s).toBe(REDACTED);
    expect(copy.self).toBe(copy);
  });

  it('redacts object keys too', () => {
    const redact = createRedactor(['tok-123456']);
    expect(redact({ 'tok-123456': ['is not a valid token'] })).toEqual({ [REDACTED]: ['is not a valid token'] });
  });

  it('catches the form-encoded form that URLSearchParams writes', () => {
    const secret = 'p@ss~word!(x)';
    const query = new URLSearchParams({ key: secret }).toString();
    expect(createRedactor([secret])(`https://x.test/?${query}`)).toBe(`https://x.test/?key=${REDACTED}`);
  });

  it('never lets a secret through, whatever surrounds it (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.string(), fc.string(), (secret, before, after) => {
        const out = createRedactor([secret])(`${before}${secret}${after}`);
        expect(out.includes(secret)).toBe(false);
      }),
    );
  });
});

describe('redactUrl', () => {
  it('removes user info and credential query parameters', () => {
    const out = redactUrl('https://user:pw@x.test/path?api_key=abc&page=2&token=t');
    expect(out).not.toContain('abc');
    expect(out).not.toContain('pw');
    expect(out).toContain('page=2');
    expect(out).toContain(`api_key=${encodeURIComponent(REDACTED)}`);
  });

  it('masks the common credential parameter names', () => {
    for (const name of ['key', 'auth', 'private_token', 'session_id']) {
      expect(redactUrl(`https://x.test/?${name}=s3cret`)).not.toContain('s3cret');
    }
  });

  it('returns non-URLs unchanged', () => {
    expect(redactUrl('/relative')).toBe('/relative');
  });
});

describe('isSecretHeader', () => {
  it('knows the credential headers of every provider', () => {
    for (const name of ['Authorization', 'APIIntegrationCode', 'UserName', 'Secret', 'x-api-key', 'Cookie']) {
      expect(isSecretHeader(name)).toBe(true);
    }
    expect(isSecretHeader('Content-Type')).toBe(false);
  });
});
