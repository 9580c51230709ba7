/**
 * People: contacts (customers' people, who raise tickets) and resources (who work them) as the
 * model's `User`. Their ids carry their kind — `contact:29683001`, `resource:29682885` — since an
 * Autotask id alone does not say which entity it belongs to; a bare number is read as a contact
 * where a requester is meant and as a resource where an assignee is.
 *
 * @module
 */
import type { User, UserRef } from '@itsm/core';
import { kit, AUTOTASK } from '../provider.js';
import type { AutotaskContact, AutotaskResource } from '../schemas/entities.js';

/**
 * Which entity a user id names.
 *
 * @category Mapping
 */
export type PersonKind = 'contact' | 'resource';

/**
 * A user id, read: its entity (when it says) and its number.
 *
 * @category Mapping
 */
export interface PersonId {
  /** `contact`, `resource`, or `undefined` for a bare number. */
  kind: PersonKind | undefined;
  /** The Autotask id. */
  id: number;
}

/**
 * The model's id of a contact.
 *
 * @param id - The contact's Autotask id.
 * @category Mapping
 */
export function contactUserId(id: number): string {
  return `contact:${id}`;
}

/**
 * The model's id of a resource.
 *
 * @param id - The resource's Autotask id.
 * @category Mapping
 */
export function resourceUserId(id: number): string {
  return `resource:${id}`;
}

/**
 * Reads a user id: `contact:<n>`, `resource:<n>` or a bare `<n>`.
 *
 * @param value - The id.
 * @param field - The input it came from, for the error.
 * @throws `InputError` naming `field` for anything else.
 * @category Mapping
 */
export function parsePersonId(value: string, field: string): PersonId {
  const match = /^(?:(contact|resource):)?(\d{1,15})$/i.exec(value.trim());
  if (match === null) return kit.fail(field, `must be contact:<id>, resource:<id> or a numeric Autotask id (got ${JSON.stringify(value)})`);
  return { kind: match[1]?.toLowerCase() as PersonKind | undefined, id: Number(match[2]) };
}

/**
 * A contact as a `UserRef` (id only).
 *
 * @param id - The contact's Autotask id.
 * @internal
 */
export function contactRef(id: number): UserRef {
  return { id: contactUserId(id) };
}

/**
 * A resource as a `UserRef` (id only).
 *
 * @param id - The resource's Autotask id.
 * @internal
 */
export function resourceRef(id: number): UserRef {
  return { id: resourceUserId(id) };
}

function fullName(first: string | null | undefined, last: string | null | undefined): string {
  return [first, last].filter((part) => typeof part === 'string' && part.trim() !== '').join(' ').trim();
}

/**
 * A contact as a `User` of kind `contact`: its first address as `email`, active when `isActive` is 1.
 *
 * @param contact - The contact.
 * @category Mapping
 */
export function autotaskContactToUser(contact: AutotaskContact): User {
  const email = contact.emailAddress ?? contact.emailAddress2 ?? contact.emailAddress3 ?? undefined;
  return {
    provider: AUTOTASK,
    id: contactUserId(contact.id),
    ...(email ? { email } : {}),
    name: fullName(contact.firstName, contact.lastName) || email || contactUserId(contact.id),
    active: contact.isActive === 1 || contact.isActive === true,
    kind: 'contact',
    raw: contact,
  };
}

/**
 * A resource as a `User` of kind `agent`.
 *
 * @param resource - The resource.
 * @category Mapping
 */
export function autotaskResourceToUser(resource: AutotaskResource): User {
  const email = resource.email ?? resource.email2 ?? resource.email3 ?? undefined;
  return {
    provider: AUTOTASK,
    id: resourceUserId(resource.id),
    ...(email ? { email } : {}),
    name: fullName(resource.firstName, resource.lastName) || email || resourceUserId(resource.id),
    active: resource.isActive !== false,
    kind: 'agent',
    raw: resource,
  };
}

/**
 * A user as a `UserRef`.
 *
 * @param user - The user.
 * @internal
 */
export function userRef(user: User): UserRef {
  return { id: user.id, ...(user.email ? { email: user.email } : {}), name: user.name };
}
