/**
 * The bad-input part of the conformance suite: every id argument, every options object and every
 * size the connector declares in `limits` is checked before any request, with an `InputError` that
 * names the field and the provider.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { InputError, UnsupportedError, type ItsmConnector } from '@itsm/core';
import { expectRejection, type SuiteContext } from './context.js';

/** Ids no connector may send: blank, with line breaks, NUL or control characters, huge, not strings. */
export const BAD_IDS: readonly (readonly [string, unknown])[] = [
  ['an empty string', ''],
  ['a blank string', '   '],
  ['CR/LF', 'HELP-1\r\nX-Injected: 1'],
  ['a line feed', 'HELP-1\n'],
  ['NUL', 'HELP\u00001'],
  ['a control character', 'HELP\u00071'],
  ['a 1 MB string', 'X'.repeat(1_000_000)],
  ['a number', 42],
  ['null', null],
  ['undefined', undefined],
  ['an object', { id: 'HELP-1' }],
  ['an array', ['HELP-1']],
];

/** A call that takes an id, made with a bad one. */
interface IdCall {
  /** The method and the argument. */
  name: string;
  /** Whether the method needs the `attachments` capability. */
  attachments?: boolean;
  /** Whether the method needs the `catalog` capability. */
  catalog?: boolean;
  /** Calls the method with the bad id (`valid`: a ticket id; `item`: the fixture's catalog item, or `1`). */
  call(connector: ItsmConnector, id: string, valid: string, item: string): Promise<unknown>;
}

const file = () => ({ filename: 'hello.txt', content: new TextEncoder().encode('hello'), contentType: 'text/plain' });

/** Every method that takes an id, and which argument. */
const ID_CALLS: readonly IdCall[] = [
  { name: 'tickets.get(idOrKey)', call: (c, id) => c.tickets.get(id) },
  { name: 'tickets.update(idOrKey)', call: (c, id) => c.tickets.update(id, { subject: 'x' }) },
  { name: 'tickets.transition(idOrKey)', call: (c, id) => c.tickets.transition(id, 'resolved') },
  { name: 'comments.list(ticketIdOrKey)', call: (c, id) => c.comments.list(id).toArray({ limit: 1 }) },
  { name: 'comments.add(ticketIdOrKey)', call: (c, id) => c.comments.add(id, { body: 'x' }) },
  { name: 'attachments.list(ticketIdOrKey)', attachments: true, call: (c, id) => c.attachments.list(id).toArray({ limit: 1 }) },
  { name: 'attachments.upload(ticketIdOrKey)', attachments: true, call: (c, id) => c.attachments.upload(id, file()) },
  { name: 'attachments.download(ticketIdOrKey)', attachments: true, call: (c, id) => c.attachments.download(id, '1') },
  { name: 'attachments.download(attachmentId)', attachments: true, call: (c, id, valid) => c.attachments.download(valid, id) },
  { name: 'users.get(id)', call: (c, id) => c.users.get(id) },
  { name: 'users.findByEmail(email)', call: (c, id) => c.users.findByEmail(id) },
  { name: 'catalog.form(itemId)', catalog: true, call: (c, id) => c.catalog.form(id) },
  { name: 'catalog.choices(itemId)', catalog: true, call: (c, id) => c.catalog.choices(id, 'field').toArray({ limit: 1 }) },
  { name: 'catalog.choices(fieldId)', catalog: true, call: (c, id, _valid, item) => c.catalog.choices(item, id).toArray({ limit: 1 }) },
  { name: 'catalog.submit(itemId)', catalog: true, call: (c, id) => c.catalog.submit(id, {}, { forUser: 'ann@example.com' }) },
];

/** A call whose input or options object holds a key the method does not know. */
interface UnknownKeyCall {
  /** The method and the object. */
  name: string;
  /** The unknown key, which the `InputError`'s `field` must end with. */
  key: string;
  /** Calls the method; `itemId` is the fixture's catalog item (or `1` without one). */
  call(connector: ItsmConnector, missingTicketId: string, itemId: string): Promise<unknown>;
}

/** The first item a watch yields, or its failure; stops the watch either way. */
async function firstWatched(connector: ItsmConnector, options: object): Promise<unknown> {
  const iterator = connector.tickets.watch(options as never)[Symbol.asyncIterator]();
  try {
    return await iterator.next();
  } finally {
    await iterator.return?.();
  }
}

/** An options object with a key the method does not read, for every method that takes one. */
const UNKNOWN_KEY_CALLS: readonly UnknownKeyCall[] = [
  { name: 'tickets.create(input)', key: 'sujbect', call: (c) => c.tickets.create({ subject: 'x', sujbect: 'typo' } as never) },
  { name: 'tickets.create(input, options)', key: 'idempotencyKy', call: (c) => c.tickets.create({ subject: 'x' }, { idempotencyKy: 'k' } as never) },
  { name: 'tickets.update(idOrKey, patch)', key: 'subjct', call: (c, id) => c.tickets.update(id, { subjct: 'x' } as never) },
  { name: 'tickets.list(query)', key: 'requestor', call: (c) => c.tickets.list({ requestor: 'ann@example.com' } as never).toArray({ limit: 1 }) },
  { name: 'tickets.transition(idOrKey, to, options)', key: 'coment', call: (c, id) => c.tickets.transition(id, 'resolved', { coment: 'x' } as never) },
  { name: 'tickets.changes(options)', key: 'sinc', call: (c) => c.tickets.changes({ sinc: new Date() } as never) },
  { name: 'tickets.watch(options)', key: 'interval', call: async (c) => firstWatched(c, { interval: 1_000, signal: AbortSignal.abort() }) },
  { name: 'comments.add(ticketIdOrKey, comment)', key: 'visiblity', call: (c, id) => c.comments.add(id, { body: 'x', visiblity: 'internal' } as never) },
  { name: 'comments.add(ticketIdOrKey, comment, options)', key: 'idempotencyKy', call: (c, id) => c.comments.add(id, { body: 'x' }, { idempotencyKy: 'k' } as never) },
  { name: 'catalog.list(options)', key: 'forUsr', call: (c) => c.catalog.list({ forUsr: 'ann@example.com' } as never).toArray({ limit: 1 }) },
  { name: 'catalog.choices(itemId, fieldId, query)', key: 'serach', call: (c, _id, item) => c.catalog.choices(item, 'field', { serach: 'x' } as never).toArray({ limit: 1 }) },
  { name: 'catalog.submit(itemId, answers, options)', key: 'forUsr', call: (c, _id, item) => c.catalog.submit(item, {}, { forUser: 'ann@example.com', forUsr: 'ann@example.com' } as never) },
];

/** Options whose type or range is wrong, for the options every connector shares. */
const BAD_OPTION_CALLS: readonly UnknownKeyCall[] = [
  { name: 'watch({ intervalMs: 2 ** 31 })', key: 'intervalMs', call: (c) => firstWatched(c, { intervalMs: 2 ** 31, signal: AbortSignal.abort() }) },
  { name: 'watch({ intervalMs: -1 })', key: 'intervalMs', call: (c) => firstWatched(c, { intervalMs: -1, signal: AbortSignal.abort() }) },
  { name: 'watch({ limit: 0 })', key: 'limit', call: (c) => firstWatched(c, { limit: 0, signal: AbortSignal.abort() }) },
  { name: "watch({ signal: 'abort' })", key: 'signal', call: (c) => firstWatched(c, { signal: 'abort' }) },
  { name: "changes({ signal: 'abort' })", key: 'signal', call: (c) => c.tickets.changes({ signal: 'abort' } as never) },
  { name: 'changes({ limit: 0 })', key: 'limit', call: (c) => c.tickets.changes({ limit: 0 }) },
  { name: "changes({ since: 'yesterday' })", key: 'since', call: (c) => c.tickets.changes({ since: 'yesterday' }) },
  { name: "create(input, { idempotencyKey: '' })", key: 'idempotencyKey', call: (c) => c.tickets.create({ subject: 'x' }, { idempotencyKey: '' }) },
  { name: "create(input, { idempotencyKey: 'has space' })", key: 'idempotencyKey', call: (c) => c.tickets.create({ subject: 'x' }, { idempotencyKey: 'has space' }) },
  { name: 'create(input, { idempotencyKey: 256 characters })', key: 'idempotencyKey', call: (c) => c.tickets.create({ subject: 'x' }, { idempotencyKey: 'k'.repeat(256) }) },
  { name: 'create(input, { idempotencyKey: 42 })', key: 'idempotencyKey', call: (c) => c.tickets.create({ subject: 'x' }, { idempotencyKey: 42 } as never) },
  { name: "comments.add(id, comment, { idempotencyKey: 'a\\nb' })", key: 'idempotencyKey', call: (c, id) => c.comments.add(id, { body: 'x' }, { idempotencyKey: 'a\nb' }) },
  { name: "catalog.submit(itemId, answers, { forUser: 'not an email@' })", key: 'forUser', call: (c, _id, item) => c.catalog.submit(item, {}, { forUser: 'not an email@' }) },
  { name: 'catalog.submit(itemId, answers, {})', key: 'forUser', call: (c, _id, item) => c.catalog.submit(item, {}, {} as never) },
  { name: "catalog.submit(itemId, answers, { idempotencyKey: 'has space' })", key: 'idempotencyKey', call: (c, _id, item) => c.catalog.submit(item, {}, { forUser: 'ann@example.com', idempotencyKey: 'has space' }) },
];

/** A file whose `size` says `bytes` without holding them, to test a size limit without the memory. */
function hugeFile(bytes: number): { filename: string; content: Blob } {
  const content = new Blob([]);
  Object.defineProperty(content, 'size', { value: bytes });
  return { filename: 'huge.bin', content };
}

/**
 * Registers the bad-input tests.
 *
 * @param suite - The suite's shared state.
 */
export function describeBadInput(suite: SuiteContext): void {
  /** Runs `call`, expects an `InputError` naming `field` (and the provider), and checks nothing was sent. */
  async function refused(call: () => Promise<unknown>, field: RegExp, options: { unsupported?: boolean } = {}): Promise<void> {
    const before = suite.fixture.requestCount();
    let error: unknown;
    try {
      await call();
    } catch (caught) {
      error = caught;
    }
    if (options.unsupported && error instanceof UnsupportedError) {
      expect(error.provider).toBe(suite.connector.provider);
    } else {
      expect(error, 'expected an InputError').toBeInstanceOf(InputError);
      const input = error as InputError;
      expect(input.field).toMatch(field);
      expect(input.provider, `the InputError for ${input.field} names no provider`).toBe(suite.connector.provider);
    }
    expect(suite.fixture.requestCount(), 'a request was sent for bad input').toBe(before);
  }

  describe('bad input is refused before any request', () => {
    for (const target of ID_CALLS) {
      it(`${target.name} refuses ${BAD_IDS.map(([what]) => what).join(', ')}`, async () => {
        const unsupported = (target.attachments === true && !suite.connector.capabilities.attachments) || (target.catalog === true && !suite.connector.capabilities.catalog);
        for (const [what, id] of BAD_IDS) {
          try {
            await refused(() => target.call(suite.connector, id as string, suite.fixture.missingTicketId, suite.fixture.catalogForm?.itemId ?? '1'), /./, { unsupported });
          } catch (error) {
            throw new Error(`${target.name} with ${what}: ${(error as Error).message}`, { cause: error });
          }
        }
      });
    }

    it('users.search(text) refuses empty text, control characters, 1 MB and non-strings', async () => {
      for (const text of ['', 'a\u0000b', 'a\r\nb', 'x'.repeat(1_000_000), 42, null]) {
        await refused(() => suite.connector.users.search(text as string).toArray({ limit: 1 }), /text/, { unsupported: !suite.connector.capabilities.userSearch });
      }
    });

    for (const target of UNKNOWN_KEY_CALLS) {
      it(`${target.name} refuses the unknown key ${target.key}`, async () => {
        await refused(() => target.call(suite.connector, suite.fixture.missingTicketId, suite.fixture.catalogForm?.itemId ?? '1'), new RegExp(`(^|\\.)${target.key}$`));
      });
    }

    it('attachments.upload(file) refuses an unknown key', async () => {
      const bytes = new TextEncoder().encode('hello');
      const upload = () => suite.connector.attachments.upload(suite.fixture.missingTicketId, { filename: 'a.txt', content: bytes, contentTyp: 'text/plain' } as never);
      await refused(upload, /(^|\.)contentTyp$/, { unsupported: !suite.connector.capabilities.attachments });
    });

    for (const target of BAD_OPTION_CALLS) {
      it(`${target.name} is refused`, async () => {
        await refused(() => target.call(suite.connector, suite.fixture.missingTicketId, suite.fixture.catalogForm?.itemId ?? '1'), new RegExp(`(^|\\.)${target.key}$`));
      });
    }

    it('a subject with NUL, a line break or a control character is refused, as is NUL in a description or comment', async () => {
      const { connector, fixture } = suite;
      for (const subject of ['VPN\u0000down', 'VPN\ndown', 'VPN\rdown', 'VPN\u001bdown']) {
        await refused(() => connector.tickets.create({ subject, requester: fixture.requesterEmail }), /subject$/);
        await refused(() => connector.tickets.update(fixture.missingTicketId, { subject }), /subject$/);
      }
      await refused(() => connector.tickets.create({ subject: 'VPN down', description: 'a\u0000b' }), /description$/);
      await refused(() => connector.comments.add(fixture.missingTicketId, { body: 'a\u0000b' }), /body$/);
    });
  });

  describe('limits', () => {
    it('declares its limits as positive integers', () => {
      const { limits } = suite.connector;
      for (const key of ['subject', 'description', 'comment', 'attachmentBytes'] as const) {
        expect(Number.isSafeInteger(limits[key]) && limits[key] > 0, `limits.${key} must be a positive integer`).toBe(true);
      }
    });

    it('refuses text beyond its limits before any request', async () => {
      const { connector, fixture } = suite;
      const { limits } = connector;
      const long = (length: number) => 'x'.repeat(length);
      await refused(() => connector.tickets.create({ subject: long(limits.subject + 1), requester: fixture.requesterEmail }), /subject$/);
      await refused(() => connector.tickets.create({ subject: 'x', description: long(limits.description + 1) }), /description$/);
      await refused(() => connector.tickets.update(fixture.missingTicketId, { subject: long(limits.subject + 1) }), /subject$/);
      await refused(() => connector.tickets.update(fixture.missingTicketId, { description: long(limits.description + 1) }), /description$/);
      await refused(() => connector.comments.add(fixture.missingTicketId, { body: long(limits.comment + 1) }), /body$/);
    });

    it('refuses a file beyond its attachment limit before any request', async () => {
      const { connector, fixture } = suite;
      const upload = () => connector.attachments.upload(fixture.missingTicketId, hugeFile(connector.limits.attachmentBytes + 1));
      await refused(upload, /(content|file)$/, { unsupported: !connector.capabilities.attachments });
    });

    it('accepts a subject exactly at its limit', async () => {
      const { connector, fixture, stamp } = suite;
      const prefix = `${stamp} at the limit `;
      const subject = prefix + 'x'.repeat(Math.max(0, connector.limits.subject - prefix.length));
      const ticket = await connector.tickets.create({ subject, requester: fixture.requesterEmail });
      expect(ticket.subject).toBe(subject);
    });
  });
}
