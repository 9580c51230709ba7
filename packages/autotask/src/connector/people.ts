/**
 * Finding the people behind emails and ids: contacts (requesters) and resources (agents). An email
 * must name one person — the access requirements ask for unique contact emails — so several matches
 * are an `AmbiguousMatchError` that names them. Inactive records count only when no active one has
 * the address.
 *
 * @internal
 * @module
 */
import { AmbiguousMatchError, NotFoundError, resolvePersonInput, type PersonInput, type User } from '@itsm/core';
import { AUTOTASK, kit } from '../provider.js';
import { CONTACT_EMAIL_FIELDS } from '../resources/contacts.js';
import { RESOURCE_EMAIL_FIELDS } from '../resources/resources.js';
import type { AutotaskContact, AutotaskResource } from '../schemas/entities.js';
import type { ConnectorContext } from './context.js';
import { autotaskContactToUser, autotaskResourceToUser, contactUserId, parsePersonId, resourceUserId } from './users.js';

/** The active records with the address, else the inactive ones. */
function preferActive<T>(records: T[], isActive: (record: T) => boolean): T[] {
  const active = records.filter(isActive);
  return active.length > 0 ? active : records;
}

const contactActive = (contact: AutotaskContact) => contact.isActive === 1 || contact.isActive === true;
const resourceActive = (resource: AutotaskResource) => resource.isActive !== false;

function describeContact(contact: AutotaskContact): string {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return `${contactUserId(contact.id)}${name ? ` (${name}${contactActive(contact) ? '' : ', inactive'})` : ''}`;
}

function describeResource(resource: AutotaskResource): string {
  const name = [resource.firstName, resource.lastName].filter(Boolean).join(' ');
  return `${resourceUserId(resource.id)}${name ? ` (${name})` : ''}`;
}

function ambiguous(email: string, described: string[], ids: string[]): AmbiguousMatchError {
  return new AmbiguousMatchError(
    `${ids.length} Autotask people have the email ${email}: ${described.join(', ')}. The integration matches a person by email, which must be unique: ` +
      'give each contact its own address (or deactivate the duplicates), or pass the person by id',
    { provider: AUTOTASK, query: email, matchIds: ids },
  );
}

/** The contacts with the address (active ones, else inactive ones). */
export async function contactsWithEmail(context: ConnectorContext, email: string): Promise<AutotaskContact[]> {
  return preferActive(await context.client.contacts.withEmail(email, { includeInactive: true }), contactActive);
}

/** The resources with the address (active ones, else inactive ones). */
export async function resourcesWithEmail(context: ConnectorContext, email: string): Promise<AutotaskResource[]> {
  return preferActive(await context.client.resources.withEmail(email, { includeInactive: true }), resourceActive);
}

/**
 * The one contact with this address, `null` when none has it.
 *
 * @throws `AmbiguousMatchError` naming the contacts when several have it.
 */
export async function contactByEmail(context: ConnectorContext, email: string): Promise<AutotaskContact | null> {
  const contacts = await contactsWithEmail(context, email);
  if (contacts.length > 1) throw ambiguous(email, contacts.map(describeContact), contacts.map((contact) => contactUserId(contact.id)));
  return contacts[0] ?? null;
}

/**
 * The one person — contact or resource — with this address, `null` when nobody has it.
 *
 * @throws `AmbiguousMatchError` naming the people when several have it.
 */
export async function userByEmail(context: ConnectorContext, email: string): Promise<User | null> {
  const [contacts, resources] = await Promise.all([contactsWithEmail(context, email), resourcesWithEmail(context, email)]);
  const active = [...contacts.filter(contactActive), ...resources.filter(resourceActive)];
  const candidates = active.length > 0 ? { contacts: contacts.filter(contactActive), resources: resources.filter(resourceActive) } : { contacts, resources };
  const count = candidates.contacts.length + candidates.resources.length;
  if (count > 1) {
    throw ambiguous(
      email,
      [...candidates.contacts.map(describeContact), ...candidates.resources.map(describeResource)],
      [...candidates.contacts.map((contact) => contactUserId(contact.id)), ...candidates.resources.map((resource) => resourceUserId(resource.id))],
    );
  }
  const [contact] = candidates.contacts;
  if (contact !== undefined) return autotaskContactToUser(contact);
  const [resource] = candidates.resources;
  return resource === undefined ? null : autotaskResourceToUser(resource);
}

/**
 * The contact a requester input names: an email (the one contact with it), `contact:<id>` or a bare id.
 *
 * @param unknown - What an email nobody has gives: `'throw'` an `InputError`, `'null'` `null`.
 * @throws `InputError` naming `field` for a resource id or an email nobody has; `AmbiguousMatchError`
 *   when several contacts have the email; `NotFoundError` for an id Autotask does not know.
 */
export async function requesterContact(context: ConnectorContext, person: PersonInput, field: string, unknown: 'throw' | 'null' = 'throw'): Promise<AutotaskContact | null> {
  const lookup = resolvePersonInput(person);
  if ('email' in lookup) {
    const contact = await contactByEmail(context, lookup.email);
    if (contact !== null || unknown === 'null') return contact;
    return kit.fail(field, `no Autotask contact has the email ${lookup.email} (a requester is a contact of a customer company)`);
  }
  const id = parsePersonId(lookup.id, field);
  if (id.kind === 'resource') kit.fail(field, 'must be a contact: an Autotask ticket is raised by a contact, not a resource');
  return context.client.contacts.get(id.id);
}

/**
 * The resource an assignee input names: an email (the one resource with it), `resource:<id>` or a bare id.
 *
 * @param unknown - What an email nobody has gives: `'throw'` an `InputError`, `'null'` `null`.
 * @throws `InputError` naming `field` for a contact id or an email nobody has; `AmbiguousMatchError`
 *   when several resources have the email; `NotFoundError` for an id Autotask does not know.
 */
export async function assigneeResource(context: ConnectorContext, person: PersonInput, field: string, unknown: 'throw' | 'null' = 'throw'): Promise<AutotaskResource | null> {
  const lookup = resolvePersonInput(person);
  if ('email' in lookup) {
    const resources = await resourcesWithEmail(context, lookup.email);
    if (resources.length > 1) throw ambiguous(lookup.email, resources.map(describeResource), resources.map((resource) => resourceUserId(resource.id)));
    const [resource] = resources;
    if (resource !== undefined || unknown === 'null') return resource ?? null;
    return kit.fail(field, `no Autotask resource has the email ${lookup.email} (tickets are assigned to resources)`);
  }
  const id = parsePersonId(lookup.id, field);
  if (id.kind === 'contact') kit.fail(field, 'must be a resource: Autotask tickets are assigned to resources, not contacts');
  return context.client.resources.get(id.id);
}

/**
 * The user with an id: `contact:<id>`, `resource:<id>`, or a bare id (a contact or a resource: both
 * are looked up, and an id both have is an `AmbiguousMatchError`).
 *
 * @throws `NotFoundError` when nobody has the id.
 */
export async function userById(context: ConnectorContext, value: string, field: string): Promise<User> {
  const id = parsePersonId(value, field);
  if (id.kind === 'contact') return autotaskContactToUser(await context.client.contacts.get(id.id));
  if (id.kind === 'resource') return autotaskResourceToUser(await context.client.resources.get(id.id));
  const [contact, resource] = await Promise.allSettled([context.client.contacts.get(id.id), context.client.resources.get(id.id)]);
  const found = [
    ...(contact.status === 'fulfilled' ? [autotaskContactToUser(contact.value)] : []),
    ...(resource.status === 'fulfilled' ? [autotaskResourceToUser(resource.value)] : []),
  ];
  if (found.length > 1) {
    throw new AmbiguousMatchError(`Autotask id ${id.id} is both a contact and a resource: pass contact:${id.id} or resource:${id.id}`, {
      provider: AUTOTASK,
      query: String(id.id),
      matchIds: found.map((user) => user.id),
    });
  }
  if (found[0] !== undefined) return found[0];
  for (const outcome of [contact, resource]) {
    if (outcome.status === 'rejected' && !(outcome.reason instanceof NotFoundError)) throw outcome.reason;
  }
  throw (contact as PromiseRejectedResult).reason;
}

/** The email fields searched by `users.search()`, per entity. */
export const SEARCH_FIELDS = Object.freeze({
  contacts: Object.freeze(['firstName', 'lastName', ...CONTACT_EMAIL_FIELDS.slice(0, 1)]),
  resources: Object.freeze(['firstName', 'lastName', ...RESOURCE_EMAIL_FIELDS.slice(0, 1)]),
});
