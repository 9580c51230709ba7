/**
 * Where the Autotask connector keeps a create's idempotency key and how it finds it again: in the
 * ticket's `externalID`, set by the create itself (`atomic`), and found with an exact filter
 * (`externalID eq <value>`), which Autotask answers from its database at once (no search index to
 * wait for).
 *
 * `externalID` holds at most 50 characters, and keys may have 255: a key of at most 50 characters
 * is stored as it is (unless it starts with `sha256:`), any other as `sha256:` followed by the
 * Base64url SHA-256 digest of the key (50 characters in all). Autotask compares text without
 * regard to case, so the records the filter returns are compared again here, exactly.
 *
 * Ticket notes have no field that could carry a key without showing it to the people who read the
 * note (only `title` and `description`), so comments keep none (`none`).
 *
 * @internal
 * @module
 */
import { IDEMPOTENCY_KEY_WINDOW_MS } from '@itsm/core';
import { AUTOTASK_EXTERNAL_ID_MAX_LENGTH } from '../field-lengths.js';
import { where } from '../query/filter.js';
import type { AutotaskTicket } from '../schemas/entities.js';
import type { ConnectorContext } from './context.js';

/** The ticket field that holds the idempotency key. */
export const IDEMPOTENCY_FIELD = 'externalID';

/** The prefix of an `externalID` that holds the digest of a key too long for the field. */
export const HASHED_KEY_PREFIX = 'sha256:';

/**
 * How far before a call the records it may have made are looked for after a lost answer: the
 * difference between the client's clock and Autotask's it allows, in ms.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The most tickets one look-up reads: more than one ticket with a key is already a race. */
const LOOKUP_LIMIT = 50;

/**
 * The `externalID` a ticket created with the key gets: the key as it is when it fits (and does not
 * start with {@link HASHED_KEY_PREFIX}), else `sha256:` and the Base64url SHA-256 digest of the key.
 *
 * @param key - The idempotency key (1 to 255 visible ASCII characters).
 * @example
 * ```ts
 * await externalIdOf('chat-4711'); // 'chat-4711'
 * await externalIdOf('x'.repeat(60)); // 'sha256:' + 43 characters
 * ```
 */
export async function externalIdOf(key: string): Promise<string> {
  if (key.length <= AUTOTASK_EXTERNAL_ID_MAX_LENGTH && !key.startsWith(HASHED_KEY_PREFIX)) return key;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return `${HASHED_KEY_PREFIX}${Buffer.from(digest).toString('base64url')}`;
}

/**
 * Since when a look-up searches: for a key the caller gave, the whole window a key is honoured
 * (`IDEMPOTENCY_KEY_WINDOW_MS`); after a lost answer, the call's start (less the clock skew).
 *
 * @param phase - Why the look-up runs.
 * @param startedAt - When the call started (client clock).
 */
export function lookupSince(phase: 'before' | 'recover', startedAt: Date): Date {
  const back = phase === 'before' ? IDEMPOTENCY_KEY_WINDOW_MS : CLOCK_SKEW_MS;
  return new Date(startedAt.getTime() - back);
}

/**
 * The ticket created since `since` whose `externalID` is exactly `externalId` (the oldest, should a
 * race have made two); `undefined` when none is.
 *
 * @param context - The connector's context.
 * @param externalId - The value from {@link externalIdOf}.
 * @param since - The lower bound of the ticket's `createDate`.
 */
export async function findTicketWithKey(context: ConnectorContext, externalId: string, since: Date): Promise<AutotaskTicket | undefined> {
  const candidates = await context.client.tickets
    .query({ filter: [where.eq(IDEMPOTENCY_FIELD, externalId), where.gte('createDate', since)], maxRecords: LOOKUP_LIMIT })
    .toArray({ limit: LOOKUP_LIMIT });
  const exact = candidates.filter((ticket) => ticket.externalID === externalId);
  return exact.sort((a, b) => a.id - b.id)[0];
}
