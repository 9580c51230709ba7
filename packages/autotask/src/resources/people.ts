/**
 * Finding people by email address: a contact has up to three addresses (`emailAddress`,
 * `emailAddress2`, `emailAddress3`), a resource too (`email`, `email2`, `email3`). Autotask compares
 * text case-insensitively; the client checks the match again on what it receives.
 *
 * @module
 */
import type { Filter } from '../query/filter.js';
import { where } from '../query/filter.js';

/**
 * The filter "any of these fields is this address".
 *
 * @param fields - The email fields.
 * @param email - The address.
 * @internal
 */
export function anyEmailIs(fields: readonly string[], email: string): Filter {
  return where.or(...fields.map((field) => where.eq(field, email.trim())));
}

/**
 * Whether a record has the address in one of the fields (trimmed, case-insensitive).
 *
 * @param record - The record.
 * @param fields - The email fields.
 * @param email - The address.
 * @internal
 */
export function hasEmail(record: Record<string, unknown>, fields: readonly string[], email: string): boolean {
  const wanted = email.trim().toLowerCase();
  return fields.some((field) => {
    const value = record[field];
    return typeof value === 'string' && value.trim().toLowerCase() === wanted;
  });
}
