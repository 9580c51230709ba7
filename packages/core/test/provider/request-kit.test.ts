/**
 * The request kit: every check names the field and the provider it was made for.
 */
import { describe, expect, it } from 'vitest';
import { thrown } from '../../src/testing/failure.js';
import { z } from 'zod';
import { InputError } from '../../src/errors.js';
import { createRequestKit } from '../../src/provider/request-kit.js';

const kit = createRequestKit('autotask');

function inputError(run: () => unknown): InputError {
  const error = thrown(run);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('createRequestKit', () => {
  it('builds errors that name the field and the provider', () => {
    const error = kit.inputError('files.0.filename', 'must be a non-empty string');
    expect(error).toMatchObject({ field: 'files.0.filename', provider: 'autotask', message: 'files.0.filename must be a non-empty string' });
    expect(inputError(() => kit.fail('x', 'is wrong'))).toMatchObject({ field: 'x', provider: 'autotask' });
    expect(inputError(() => kit.segment('', 'ticketId'))).toMatchObject({ field: 'ticketId', provider: 'autotask' });
    expect(kit.path`/Tickets/${{ ticketId: 42 }}/Notes`).toBe('/Tickets/42/Notes');
  });

  it('knownKeys refuses a key the method does not read, and lets undefined pass', () => {
    expect(() => kit.knownKeys({ fields: ['a'], expand: undefined, extra: undefined }, ['fields'])).not.toThrow();
    const error = inputError(() => kit.knownKeys({ fields: [], feilds: [] }, ['fields', 'expand'], 'options'));
    expect(error.field).toBe('options.feilds');
    expect(error.message).toContain('known: fields, expand');
  });

  it('parse validates with zod and names the provider on every InputError', () => {
    const schema = z.strictObject({ title: z.string().min(1) });
    expect(kit.parse(schema, { title: 'x' }, 'input')).toEqual({ title: 'x' });
    expect(inputError(() => kit.parse(schema, { title: '' }, 'input'))).toMatchObject({ field: 'input.title', provider: 'autotask' });
    expect(inputError(() => kit.parse(schema, { title: 'x', titel: 'y' }, 'input'))).toMatchObject({ field: 'input.titel', provider: 'autotask' });
  });

  it('commaList joins lists and refuses anything else', () => {
    expect(kit.commaList(['a', 'b'], 'fields')).toBe('a,b');
    expect(kit.commaList('a,b', 'fields')).toBe('a,b');
    expect(kit.commaList([], 'fields')).toBeUndefined();
    expect(kit.commaList('', 'fields')).toBeUndefined();
    expect(kit.commaList(undefined, 'fields')).toBeUndefined();
    expect(inputError(() => kit.commaList(['a', ''], 'fields')).field).toBe('fields');
    expect(inputError(() => kit.commaList(7 as never, 'fields')).field).toBe('fields');
  });

  it('pageSize applies the default and the provider maximum', () => {
    expect(kit.pageSize(undefined, 500, 500)).toBe(500);
    expect(kit.pageSize(20, 500, 500)).toBe(20);
    for (const bad of [0, 501, 1.5, Number.NaN]) expect(inputError(() => kit.pageSize(bad, 500, 500)).field).toBe('pageSize');
  });

  it('attribute gives a provider-less InputError the provider, and leaves anything else alone', () => {
    const bare = new InputError('timeout must be positive', { field: 'timeout' });
    const owned = kit.attribute(bare) as InputError;
    expect(owned).toBeInstanceOf(InputError);
    expect(owned).toMatchObject({ provider: 'autotask', field: 'timeout', message: 'timeout must be positive' });
    const other = new InputError('x', { field: 'y', provider: 'ivanti' });
    expect(kit.attribute(other)).toBe(other);
    const plain = new Error('boom');
    expect(kit.attribute(plain)).toBe(plain);
  });
});
