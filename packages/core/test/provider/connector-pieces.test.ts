/**
 * The connector pieces: client-or-options, provider fields the connector sets, steps after a
 * create, person resolution, timestamps and files.
 */
import { describe, expect, it } from 'vitest';
import { thrown } from '../../src/testing/failure.js';
import { z } from 'zod';
import { AmbiguousMatchError, IncompleteCreateError, InputError, ResponseShapeError } from '../../src/errors.js';
import { afterCreate } from '../../src/provider/after-create.js';
import { resolveConnectorOptions } from '../../src/provider/connector-options.js';
import { fileBlob, fileBytes, isFileContent } from '../../src/provider/files.js';
import { exactEmailMatches, findOneByEmail, resolvePerson, type PersonDirectory } from '../../src/provider/people.js';
import { checkProviderFields } from '../../src/provider/provider-fields.js';
import { createTimestampReader, isoTimestampToUtc } from '../../src/provider/timestamps.js';

function inputError(run: () => unknown): InputError {
  const error = thrown(run);
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

class NotesClient {
  constructor(readonly options: Record<string, unknown>) {
    if (typeof options.apiKey !== 'string') throw new InputError('apiKey is required', { provider: 'ivanti', field: 'apiKey' });
  }
}

const spec = {
  provider: 'ivanti' as const,
  settings: z.strictObject({ projectKey: z.string().min(1), statusMap: z.record(z.string(), z.string()).optional() }),
  clientOptionKeys: ['baseUrl', 'apiKey', 'timeout'],
  clientName: 'NotesClient',
  isClient: (value: unknown): value is NotesClient => value instanceof NotesClient,
  createClient: (options: Record<string, unknown>) => new NotesClient(options),
};

describe('resolveConnectorOptions', () => {
  it('builds the client from its options, and keeps the settings apart', () => {
    const { client, settings } = resolveConnectorOptions({ baseUrl: 'https://x', apiKey: 'k', projectKey: 'HELP', timeout: undefined }, spec);
    expect(client.options).toEqual({ baseUrl: 'https://x', apiKey: 'k', timeout: undefined });
    expect(settings).toEqual({ projectKey: 'HELP' });
  });

  it('takes a ready client, and then no client option', () => {
    const ready = new NotesClient({ apiKey: 'k' });
    expect(resolveConnectorOptions({ client: ready, projectKey: 'HELP' }, spec).client).toBe(ready);
    expect(inputError(() => resolveConnectorOptions({ client: ready, projectKey: 'HELP', apiKey: 'x' }, spec))).toMatchObject({ field: 'apiKey', provider: 'ivanti' });
    expect(inputError(() => resolveConnectorOptions({ client: {}, projectKey: 'HELP' }, spec)).message).toContain('must be a NotesClient');
  });

  it('names unknown keys, bad settings, and what the client refuses', () => {
    expect(inputError(() => resolveConnectorOptions({ apiKey: 'k', projectKey: 'HELP', projectkey: 'x' }, spec)).field).toBe('projectkey');
    expect(inputError(() => resolveConnectorOptions({ apiKey: 'k', projectKey: '' }, spec)).field).toBe('projectKey');
    expect(inputError(() => resolveConnectorOptions({ projectKey: 'HELP' }, spec)).field).toBe('apiKey');
    expect(inputError(() => resolveConnectorOptions('nope', spec))).toMatchObject({ field: 'options', provider: 'ivanti' });
  });
});

describe('checkProviderFields', () => {
  it('refuses a provider field the connector sets, naming where to give it', () => {
    expect(() => checkProviderFields('autotask', { customfield: 1 }, { title: 'input.subject' }, 'input')).not.toThrow();
    expect(() => checkProviderFields('autotask', undefined, { title: 'input.subject' }, 'input')).not.toThrow();
    const error = inputError(() => checkProviderFields('autotask', { title: 'x' }, { title: 'input.subject' }, 'input'));
    expect(error).toMatchObject({ field: 'input.providerFields.title', provider: 'autotask' });
    expect(error.message).toContain('from input.subject');
    expect(() => checkProviderFields('autotask', { constructor: 1 }, {}, 'input')).not.toThrow();
  });
});

describe('afterCreate', () => {
  it('returns what the step returns, and wraps a failure so the ticket is not created again', async () => {
    const ticket = { id: '77', key: 'T20260101.0001' };
    await expect(afterCreate('autotask', ticket, 'reading it back', async () => 'ok')).resolves.toBe('ok');
    const cause = new Error('no transition');
    const error = await afterCreate('autotask', ticket, 'moving it to resolved', async () => {
      throw cause;
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IncompleteCreateError);
    expect(error).toMatchObject({ provider: 'autotask', ticket, step: 'moving it to resolved', cause });
    expect((error as Error).message).toBe('T20260101.0001 was created, but moving it to resolved failed: no transition');
  });
});

describe('people', () => {
  const records = [
    { id: 'c1', email: 'Ann@Example.com' },
    { id: 'r7', email: 'bob@example.com' },
    { id: 'c2', email: 'ann@example.com ' },
    { id: 'c1', email: 'ann@example.com' },
  ];
  const directory: PersonDirectory<{ id: string; email: string }> = {
    provider: 'autotask',
    withEmail: async (email) => exactEmailMatches(records, email, { emailOf: (record) => record.email, idOf: (record) => record.id }),
    idOf: (record) => record.id,
    noun: 'contacts and resources',
    notFound: (email) => `no contact or resource has the email ${email}; pass { id } instead`,
  };

  it('exactEmailMatches compares trimmed and case-insensitive, each id once', () => {
    expect(exactEmailMatches(records, 'ANN@example.com', { emailOf: (record) => record.email, idOf: (record) => record.id }).map((record) => record.id)).toEqual(['c1', 'c2']);
  });

  it('finds the one record, none, or refuses several with AmbiguousMatchError', async () => {
    await expect(findOneByEmail(directory, 'bob@example.com')).resolves.toEqual({ id: 'r7', email: 'bob@example.com' });
    await expect(findOneByEmail(directory, 'eve@example.com')).resolves.toBeNull();
    const error = await findOneByEmail(directory, 'ann@example.com').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousMatchError);
    expect(error).toMatchObject({ provider: 'autotask', query: 'ann@example.com', matchIds: ['c1', 'c2'] });
    expect((error as Error).message).toBe('2 contacts and resources have the email ann@example.com');
  });

  it('resolvePerson returns ids as they are and emails through the directory', async () => {
    await expect(resolvePerson(directory, { id: 'x@y' }, 'input.requester')).resolves.toBe('x@y');
    await expect(resolvePerson(directory, 'r9', 'input.requester')).resolves.toBe('r9');
    await expect(resolvePerson(directory, 'bob@example.com', 'input.requester')).resolves.toBe('r7');
    await expect(resolvePerson(directory, { email: 'eve@example.com' }, 'input.requester', 'null')).resolves.toBeNull();
    const missing = await resolvePerson(directory, 'eve@example.com', 'input.requester').catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(InputError);
    expect(missing).toMatchObject({ field: 'input.requester', provider: 'autotask' });
    expect((missing as Error).message).toBe('input.requester: no contact or resource has the email eve@example.com; pass { id } instead');
  });
});

describe('timestamps', () => {
  it('normalises offsets to UTC with milliseconds', () => {
    expect(isoTimestampToUtc('2025-01-17T12:34:00.000+0000')).toBe('2025-01-17T12:34:00.000Z');
    expect(isoTimestampToUtc('2025-07-01T05:04:56.789+0530')).toBe('2025-06-30T23:34:56.789Z');
    expect(isoTimestampToUtc('2020-08-12T16:33:37-07:00')).toBe('2020-08-12T23:33:37.000Z');
    expect(isoTimestampToUtc('2025-07-01T14:34Z')).toBe('2025-07-01T14:34:00.000Z');
    expect(isoTimestampToUtc('2025-07-01T14:34:56')).toBeUndefined();
    expect(isoTimestampToUtc('2025-07-01T14:34:56.537', { assumeUtc: true })).toBe('2025-07-01T14:34:56.537Z');
    expect(isoTimestampToUtc('2025-02-30T10:00:00Z')).toBe('2025-03-02T10:00:00.000Z');
    expect(isoTimestampToUtc('yesterday')).toBeUndefined();
  });

  it('reads required and optional timestamps with the provider parse function', () => {
    const ivanti = createTimestampReader('ivanti', (value) => (value.startsWith('0001-01-01') ? undefined : isoTimestampToUtc(value)));
    expect(ivanti.optional('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(ivanti.optional(42)).toBeUndefined();
    expect(ivanti.required('2026-01-01T10:00:00+01:00', 'CreatedDateTime', {})).toBe('2026-01-01T09:00:00.000Z');
    const error = (() => {
      try {
        ivanti.required(undefined, 'fields.LastModDateTime', { RecId: 'x' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ provider: 'ivanti', raw: { RecId: 'x' }, issues: [{ path: ['fields', 'LastModDateTime'] }] });
  });
});

describe('files', () => {
  it('turns every kind of content into a typed Blob and into bytes', async () => {
    const bytes = new TextEncoder().encode('disk full');
    for (const content of ['disk full', bytes, bytes.buffer.slice(0), new Blob([bytes])]) {
      expect(isFileContent(content)).toBe(true);
      expect(await fileBytes(content)).toEqual(bytes);
      const blob = fileBlob(content, 'text/plain');
      expect(blob.type).toBe('text/plain');
      expect(new TextDecoder().decode(await blob.arrayBuffer())).toBe('disk full');
    }
    expect(fileBlob(new Blob(['x'], { type: 'image/png' })).type).toBe('image/png');
    expect(fileBlob('x').type).toBe('application/octet-stream');
    expect(isFileContent(42)).toBe(false);
  });

  it('copies the bytes, never sharing the caller buffer', async () => {
    const original = new Uint8Array([1, 2, 3]);
    const copy = await fileBytes(original);
    original[0] = 9;
    expect([...copy]).toEqual([1, 2, 3]);
  });
});
