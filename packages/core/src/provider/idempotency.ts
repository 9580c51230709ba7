/**
 * {@link idempotentWrite}: a create made safe to repeat with an idempotency key that the provider
 * keeps with the record: the record that already has the key is returned instead of a second one,
 * and a write whose answer was lost is looked up (with waits, since search indexes lag) and returned.
 *
 * None of the three providers has server-side idempotency keys (Stripe's `Idempotency-Key`), so the
 * connector writes the key into the record (a Jira issue or comment property, Autotask's
 * `externalID`) and looks for it.
 *
 * @module
 */
import {
  AddCommentOptionsSchema,
  CreateTicketOptionsSchema,
  ItsmError,
  OutcomeUnknownError,
  parseInput,
  unsupported,
  type IdempotencySupport,
  type ProviderId,
} from '@itsm/core';
import * as z from 'zod/mini';

/**
 * The waits before each look-up for a record whose create's answer was lost, in milliseconds: the
 * first at once, the last about 15 seconds after the failure, which covers the seconds a search
 * index takes to show a new record.
 *
 * @category Idempotency
 */
export const DEFAULT_LOOKUP_DELAYS_MS: readonly number[] = Object.freeze([0, 500, 1_000, 2_000, 4_000, 8_000]);

/**
 * A connector option giving the waits of the look-ups after a lost answer: 1 to 20 waits of 0 to
 * 60,000 ms each. A provider whose search index lags longer than the default covers wants longer ones.
 *
 * @category Idempotency
 */
export const LookupDelaysSchema = z.array(z.int().check(z.gte(0), z.lte(60_000)), { error: 'must be a list of waits in milliseconds' }).check(
  z.minLength(1, 'must hold at least one wait'),
  z.maxLength(20, 'must hold at most 20 waits'),
);

/**
 * An idempotency key, and whether the caller gave it (rather than the connector making one up).
 *
 * @category Idempotency
 */
export interface IdempotencyKey {
  /** The key. */
  readonly key: string;
  /** `true` when the caller gave it: a record may already carry it, so look for one first. */
  readonly given: boolean;
}

/**
 * A fresh idempotency key: `itsm-` and a random UUID.
 *
 * @example
 * ```ts
 * newIdempotencyKey(); // 'itsm-3b241101-e2bb-4255-8caf-4136c566a962'
 * ```
 *
 * @category Idempotency
 */
export function newIdempotencyKey(): string {
  return `itsm-${globalThis.crypto.randomUUID()}`;
}

/**
 * The idempotency key of a `tickets.create()` or `comments.add()` call: the one in `options`
 * (checked), or a new one. An unknown option is an `InputError` naming it and the provider.
 *
 * @param provider - The provider, named by the errors.
 * @param options - The call's options (`{ idempotencyKey? }`), as the caller gave them.
 * @param operation - Which call: its options are checked with its schema.
 * @throws `InputError` naming `options.idempotencyKey` or the unknown option.
 * @example
 * ```ts
 * const { key, given } = idempotencyKeyOf('jira-cloud', { idempotencyKey: 'chat-4711' }, 'tickets.create');
 * ```
 *
 * @category Idempotency
 */
export function idempotencyKeyOf(provider: ProviderId, options: unknown, operation: 'tickets.create' | 'comments.add'): IdempotencyKey {
  const schema = operation === 'tickets.create' ? CreateTicketOptionsSchema : AddCommentOptionsSchema;
  const { idempotencyKey } = parseInput(schema, options ?? {}, 'options', { provider });
  return idempotencyKey === undefined ? { key: newIdempotencyKey(), given: false } : { key: idempotencyKey, given: true };
}

/**
 * What {@link idempotentWrite} needs.
 *
 * @category Idempotency
 */
export interface IdempotentWrite<R> {
  /** The provider, named by the errors. */
  provider: ProviderId;
  /** The connector operation, for messages: `tickets.create`, `comments.add`. */
  operation: string;
  /** How the provider keeps the key; see `IdempotencySupport`. */
  support: IdempotencySupport;
  /** The key, from {@link idempotencyKeyOf}. */
  key: IdempotencyKey;
  /**
   * Makes the record with the key in it (`atomic`), or makes it and then stores the key
   * (`after-write`; a failure of that second step must say the record exists, e.g. an
   * `IncompleteCreateError`), or just makes it (`none`).
   */
  write(): Promise<R>;
  /**
   * Looks once for the record that carries the key: it, or `undefined`. `phase` says why:
   * `before` the write (the caller gave the key, so the record may exist from an earlier call), or
   * to `recover` it after the write's answer was lost (it would have been made since the write began).
   * Not called for `none`.
   */
  find(phase: 'before' | 'recover'): Promise<R | undefined>;
  /**
   * How a person finds the record when the connector could not: where to look and for what,
   * e.g. `look for an issue in HELP reported by Ann Lee with the summary "VPN down", created after
   * 10:02 UTC`. Ends the `OutcomeUnknownError`'s `recovery` for `after-write` and `none`.
   */
  howToFind: string;
  /** The waits before each look-up after a lost answer, in ms. Default {@link DEFAULT_LOOKUP_DELAYS_MS}. */
  lookupDelaysMs?: readonly number[] | undefined;
  /** Stops the look-ups (the abort reason is thrown). */
  signal?: AbortSignal | undefined;
}

/**
 * What {@link idempotentWrite} did.
 *
 * @category Idempotency
 */
export interface IdempotentWriteResult<R> {
  /** The record: made now, found before the write, or found after a lost answer. */
  record: R;
  /**
   * `made`: the write made it and answered; `existing`: a record already had the key, nothing was
   * written (return it as it is); `recovered`: the write's answer was lost and the record was found.
   */
  how: 'made' | 'existing' | 'recovered';
}

/**
 * Runs a create with an idempotency key:
 *
 * 1. with a key the caller gave (and a provider that keeps keys), looks for a record that has it
 *    and returns it (`how: 'existing'`) without writing: one look-up per such call, the price of
 *    "the same key never makes a second record";
 * 2. writes;
 * 3. when the write fails with `outcome` `unknown` (reset, timeout, 5xx) or `applied` (a 2xx whose
 *    body could not be read), and the provider keeps keys with the write (`atomic`), looks for the
 *    record at the waits of `lookupDelaysMs` and returns it (`how: 'recovered'`);
 * 4. otherwise throws an `OutcomeUnknownError` that says what to do (an `applied` failure whose
 *    record was not found is thrown as it is: it was made, and its error says not to send it again).
 *
 * Every other failure (a 4xx, an `InputError`, an `IncompleteCreateError`) is thrown as it is. A key
 * the caller gave to a provider that cannot keep keys (`none`) is an `UnsupportedError`.
 *
 * @param spec - The write, the look-up and the key; see {@link IdempotentWrite}.
 * @example
 * ```ts
 * declare function createIssue(key: string): Promise<{ id: string }>;
 * declare function findIssueWithKey(key: string): Promise<{ id: string } | undefined>;
 * const key = idempotencyKeyOf('jira-cloud', { idempotencyKey: 'chat-4711' }, 'tickets.create');
 * const { record, how } = await idempotentWrite({
 *   provider: 'jira-cloud',
 *   operation: 'tickets.create',
 *   support: 'atomic',
 *   key,
 *   write: () => createIssue(key.key),
 *   find: () => findIssueWithKey(key.key),
 *   howToFind: 'look for an issue in HELP with the summary "VPN down"',
 * });
 * ```
 *
 * @category Idempotency
 */
export async function idempotentWrite<R>(spec: IdempotentWrite<R>): Promise<IdempotentWriteResult<R>> {
  const { provider, operation, support, key } = spec;
  if (support === 'none' && key.given) {
    throw unsupported(provider, 'idempotencyKey', `${operation} cannot keep an idempotency key with what it makes; leave idempotencyKey out`);
  }
  if (support !== 'none' && key.given) {
    const existing = await spec.find('before');
    if (existing !== undefined) return { record: existing, how: 'existing' };
  }
  try {
    return { record: await spec.write(), how: 'made' };
  } catch (failure) {
    const outcome = failure instanceof ItsmError ? failure.outcome : undefined;
    if (outcome !== 'unknown' && outcome !== 'applied') throw failure;
    if (support !== 'atomic') {
      if (outcome === 'applied') throw failure;
      const idempotencyKey = support === 'none' ? undefined : key.key;
      throw new OutcomeUnknownError({ provider, operation, idempotencyKey, failure, recovery: unrecognisable(support, spec.howToFind) });
    }
    const search = await lookUp(spec);
    if (search.record !== undefined) return { record: search.record, how: 'recovered' };
    if (outcome === 'applied') throw failure;
    throw new OutcomeUnknownError({ provider, operation, idempotencyKey: key.key, failure, recovery: notFound(spec, search) });
  }
}

/** The look-ups after a lost answer: the record, or how many look-ups ran and the last one's failure. */
async function lookUp<R>(spec: IdempotentWrite<R>): Promise<{ record: R | undefined; attempts: number; waitedMs: number; error: unknown }> {
  const delays = spec.lookupDelaysMs ?? DEFAULT_LOOKUP_DELAYS_MS;
  let error: unknown;
  let waitedMs = 0;
  for (const [index, ms] of delays.entries()) {
    await wait(ms, spec.signal);
    waitedMs += ms;
    try {
      const record = await spec.find('recover');
      if (record !== undefined) return { record, attempts: index + 1, waitedMs, error: undefined };
      error = undefined;
    } catch (lookupError) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      error = lookupError;
    }
  }
  return { record: undefined, attempts: delays.length, waitedMs, error };
}

function notFound(spec: IdempotentWrite<unknown>, search: { attempts: number; waitedMs: number; error: unknown }): string {
  const lookups = `${search.attempts} look-up${search.attempts === 1 ? '' : 's'} over ${Math.round(search.waitedMs / 1000)} s`;
  const failed = search.error instanceof Error ? ` (the last one failed: ${search.error.message})` : '';
  return (
    `Nothing with idempotency key ${spec.key.key} was found after ${lookups}${failed}, so it was most likely not made. ` +
    `Call ${spec.operation} again with the same idempotencyKey: it returns the record if it was made after all, and makes it once if not.`
  );
}

function unrecognisable(support: IdempotencySupport, howToFind: string): string {
  const why = support === 'after-write'
    ? 'The provider stores the idempotency key only after the create answered, so a repeated call cannot recognise this one'
    : 'The provider cannot keep an idempotency key with the record, so a repeated call cannot recognise this one';
  return `${why}: before you send it again, ${howToFind}.`;
}

/** Resolves after `ms` (at once for 0), or rejects with the signal's reason when it aborts. */
function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
