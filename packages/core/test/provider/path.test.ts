/**
 * Request paths: every interpolated value is exactly one encoded segment; what could climb out of
 * the path or is empty is an InputError naming the field and the provider.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrown } from '../../src/testing/failure.js';
import { InputError } from '../../src/errors.js';
import { createPathTag, encodeSegment } from '../../src/provider/path.js';

const path = createPathTag('ivanti');

function inputError(run: () => unknown): InputError {
  const error = thrown(run);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('path tag', () => {
  it('encodes each value as one segment and keeps the literal parts', () => {
    const issueIdOrKey = 'HELP/1?x#y%';
    expect(path`/rest/api/3/issue/${{ issueIdOrKey }}/comment/${7}`).toBe('/rest/api/3/issue/HELP%2F1%3Fx%23y%25/comment/7');
    expect(path`/plain`).toBe('/plain');
  });

  it.each([
    ['', 'must be a non-empty string'],
    ['   ', 'must be a non-empty string'],
    ['.', 'must not be "."'],
    ['..', 'must not be ".."'],
    ['a\nb', 'must not contain control characters'],
    ['a\u0000', 'must not contain control characters'],
    [-1, 'must be a non-negative integer'],
    [1.5, 'must be a non-negative integer'],
    [null, 'must be a non-empty string'],
  ])('refuses %j, naming the field and the provider', (value, message) => {
    const error = inputError(() => path`/items/${{ itemId: value as string }}`);
    expect(error.field).toBe('itemId');
    expect(error.provider).toBe('ivanti');
    expect(error.message).toContain(message);
  });

  it('names a bare value "path"', () => {
    expect(inputError(() => path`/items/${'..'}`).field).toBe('path');
  });

  it('treats an object with other than one key as a mistake in the code', () => {
    expect(() => path`/items/${{ a: '1', b: '2' }}`).toThrow(TypeError);
  });

  it('never lets a value add or remove a segment (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (value) => {
        let built: string;
        try {
          built = path`/base/${{ value }}/end`;
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          return;
        }
        const segments = built.split('/');
        expect(segments).toHaveLength(4);
        expect(decodeURIComponent(segments[2] ?? '')).toBe(value);
        expect(['.', '..']).not.toContain(segments[2]);
      }),
    );
  });

  it('encodeSegment works alone, with or without a provider', () => {
    expect(encodeSegment(' a b ', 'key')).toBe('%20a%20b%20');
    expect(inputError(() => encodeSegment('..', 'key')).provider).toBeUndefined();
    expect(inputError(() => encodeSegment('..', 'key', 'autotask')).provider).toBe('autotask');
  });
});
