/**
 * Person resolution: the one record behind an email address (several are an
 * `AmbiguousMatchError`), and the id a `PersonInput` names.
 *
 * @module
 */
import { AmbiguousMatchError, InputError, resolvePersonInput, type PersonInput, type ProviderId } from '@itsm/core';

/**
 * How a connector finds its people by email.
 *
 * @category Mapping
 */
export interface PersonDirectory<U> {
  /** The provider, set on every error. */
  provider: ProviderId;
  /**
   * Every record that has exactly this email address (case-insensitive), each once: e.g. with
   * {@link exactEmailMatches} over what the provider's search returned.
   */
  withEmail: (email: string) => Promise<readonly U[]>;
  /** The id of a record, as the provider's API takes it. */
  idOf: (record: U) => string;
  /** What the records are, in the plural, for messages (e.g. `Jira accounts`). Default `users`. */
  noun?: string | undefined;
  /**
   * What to say when nobody has the email, completing `<field>: …`. Default: `no <provider>
   * record has the email <email>`. Say why that may be and what to pass instead.
   */
  notFound?: ((email: string) => string) | undefined;
}

/**
 * The records whose email is `email` (compared trimmed and case-insensitive), each id once, in
 * the order given.
 *
 * @param records - What the provider returned (a search may also match names or parts of addresses).
 * @param email - The address.
 * @param fields - How to read a record's email and id.
 * @example
 * ```ts
 * const people = [{ id: 'a', mail: 'Ann@Example.com' }, { id: 'b', mail: 'anne@example.com' }, { id: 'a', mail: 'ann@example.com' }];
 * exactEmailMatches(people, 'ann@example.com', { emailOf: (p) => p.mail, idOf: (p) => p.id }); // [people[0]]
 * ```
 *
 * @category Mapping
 */
export function exactEmailMatches<U>(
  records: Iterable<U>,
  email: string,
  fields: { emailOf: (record: U) => string | null | undefined; idOf: (record: U) => string },
): U[] {
  const wanted = email.trim().toLowerCase();
  const found = new Map<string, U>();
  for (const record of records) {
    const id = fields.idOf(record);
    if (fields.emailOf(record)?.trim().toLowerCase() === wanted && !found.has(id)) found.set(id, record);
  }
  return [...found.values()];
}

/**
 * The one record with this email, `null` when there is none.
 *
 * @param directory - How to find records by email.
 * @param email - A checked email address.
 * @throws `AmbiguousMatchError` when several records have it (with their ids in `matchIds`).
 * @category Mapping
 */
export async function findOneByEmail<U>(directory: PersonDirectory<U>, email: string): Promise<U | null> {
  const matches = await directory.withEmail(email);
  if (matches.length > 1) {
    throw new AmbiguousMatchError(`${matches.length} ${directory.noun ?? 'users'} have the email ${email}`, {
      provider: directory.provider,
      query: email,
      matchIds: matches.map(directory.idOf),
    });
  }
  return matches[0] ?? null;
}

/**
 * The id a `PersonInput` names: an id as it is (not looked up), an email through
 * {@link findOneByEmail}.
 *
 * @param directory - How to find records by email.
 * @param person - The validated input.
 * @param field - The input's field, for errors (e.g. `input.requester`).
 * @param unknown - What an email nobody has gives: `'throw'` (default) an `InputError`, `'null'` `null`.
 * @throws `InputError` naming `field` for an email nobody has (unless `unknown` is `'null'`).
 * @throws `AmbiguousMatchError` when several records have the email.
 * @example
 * ```ts
 * declare const directory: PersonDirectory<{ accountId: string }>;
 * const accountId = await resolvePerson(directory, 'ann@example.com', 'input.requester');
 * ```
 *
 * @category Mapping
 */
export async function resolvePerson<U>(directory: PersonDirectory<U>, person: PersonInput, field: string, unknown?: 'throw'): Promise<string>;
/**
 * The id a `PersonInput` names, or `null` for an email nobody has.
 *
 * @param directory - How to find records by email.
 * @param person - The validated input.
 * @param field - The input's field, for errors.
 * @param unknown - `'null'`: an email nobody has gives `null`.
 */
export async function resolvePerson<U>(directory: PersonDirectory<U>, person: PersonInput, field: string, unknown: 'null'): Promise<string | null>;
export async function resolvePerson<U>(
  directory: PersonDirectory<U>,
  person: PersonInput,
  field: string,
  unknown: 'throw' | 'null' = 'throw',
): Promise<string | null> {
  const lookup = resolvePersonInput(person);
  if ('id' in lookup) return lookup.id;
  const record = await findOneByEmail(directory, lookup.email);
  if (record !== null) return directory.idOf(record);
  if (unknown === 'null') return null;
  const message = directory.notFound?.(lookup.email) ?? `no ${directory.provider} record has the email ${lookup.email}`;
  throw new InputError(`${field}: ${message}`, { provider: directory.provider, field });
}
