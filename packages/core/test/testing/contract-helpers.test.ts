/**
 * The contract-test helpers of `@itsm/core/testing`: `failure()` and the no-secret assertion.
 * (The nock route recorder is exercised by test/provider/api-resource.test.ts.)
 */
import { AssertionError } from 'node:assert';
import { describe, expect, it } from 'vitest';
import { failure, thrown } from '../../src/testing/failure.js';
import { assertNoSecret, secretForms } from '../../src/testing/no-secret.js';

const SECRET = 'tok/en+with=chars';

describe('failure', () => {
  it('resolves with the rejection, and rejects when the call succeeds', async () => {
    const error = new Error('x');
    await expect(failure(Promise.reject(error))).resolves.toBe(error);
    await expect(failure(Promise.resolve(1))).rejects.toThrow('expected the call to fail');
  });
});

describe('assertNoSecret', () => {
  it('passes text without the secret', () => {
    expect(() => assertNoSecret('nothing to see', [SECRET])).not.toThrow();
  });

  it.each(secretForms(SECRET).map(({ form, how }) => [how, form]))('fails when the secret shows %s, without showing it', (how, form) => {
    let thrown: unknown;
    try {
      assertNoSecret(`header: ${form}`, ['other', SECRET]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AssertionError);
    expect((thrown as Error).message).toBe(`secret #2 shows in the text (${how})`);
    expect((thrown as Error).message).not.toContain(form);
  });
});

describe('thrown', () => {
  it('returns what the call throws, and throws when it returns', () => {
    const error = new Error('x');
    expect(thrown(() => {
      throw error;
    })).toBe(error);
    expect(() => thrown(() => 1)).toThrow('expected the call to throw');
  });
});
