/**
 * People: Jira accounts as the model's `User`, lookups by email across platform users and the
 * service desk's customers, and turning a `PersonInput` into an account id.
 *
 * @module
 */
import {
  AmbiguousMatchError,
  InputError,
  resolvePersonInput,
  type PersonInput,
  type User,
  type UserKind,
} from '@itsm/core';
import { z } from 'zod';
import type { JiraUser } from '../schemas/users.js';
import type { ConnectorContext } from './context.js';
import { parseJiraInput } from './input.js';

const EmailSchema = z.string().trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address');

/**
 * The kind of a Jira account: a portal-only JSM customer (`accountType: 'customer'`) is a
 * `customer`, an app's account (`app`) an `agent`, anyone else (`atlassian`) an `employee`
 * (Jira does not tell an agent from other licensed users through the user API).
 *
 * @param user - The account.
 */
export function jiraUserKind(user: Pick<JiraUser, 'accountType'>): UserKind {
  if (user.accountType === 'customer') return 'customer';
  if (user.accountType === 'app') return 'agent';
  return 'employee';
}

/**
 * A Jira account as a `User`. `email` is absent when the person's privacy settings hide it.
 *
 * @param user - The account, from any user endpoint (platform or JSM).
 */
export function jiraUserToUser(user: JiraUser): User {
  return {
    provider: 'jira-cloud',
    id: user.accountId,
    ...(user.emailAddress ? { email: user.emailAddress } : {}),
    name: user.displayName ?? user.emailAddress ?? user.accountId,
    active: user.active ?? true,
    kind: jiraUserKind(user),
    raw: user,
  };
}

/**
 * Checks an email address given by a caller.
 *
 * @param email - The address.
 * @param field - The field to name in the error.
 * @throws `InputError` naming `field` when it is not an email address.
 * @internal
 */
export function checkEmail(email: unknown, field: string): string {
  return parseJiraInput(EmailSchema, email, field);
}

/**
 * Every account whose visible email is `email` (case-insensitive): platform users, and, when the
 * connector has a service desk, the desk's customers; each account once.
 *
 * @param context - The connector's context.
 * @param email - A checked email address.
 * @internal
 */
export async function accountsWithEmail(context: ConnectorContext, email: string): Promise<JiraUser[]> {
  const wanted = email.trim().toLowerCase();
  const { client, options } = context;
  const [platform, customers] = await Promise.all([
    client.users.findByEmail(email),
    options.serviceDeskId === undefined
      ? Promise.resolve<JiraUser[]>([])
      // Every page: Jira matches the query as a substring, so the exact address may come after many others.
      : client.serviceDesk.customers.list(options.serviceDeskId, { query: email, pageSize: 100 }).toArray({ limit: Infinity }),
  ]);
  const found = new Map<string, JiraUser>();
  for (const user of [...platform.matches, ...customers]) {
    if (user.emailAddress?.trim().toLowerCase() === wanted && !found.has(user.accountId)) found.set(user.accountId, user);
  }
  return [...found.values()];
}

/**
 * The one account with this email, `null` when none shows it, `AmbiguousMatchError` when several do.
 *
 * @param context - The connector's context.
 * @param email - A checked email address.
 * @internal
 */
export async function accountByEmail(context: ConnectorContext, email: string): Promise<JiraUser | null> {
  const matches = await accountsWithEmail(context, email);
  if (matches.length > 1) {
    throw new AmbiguousMatchError(`${matches.length} Jira accounts have the email ${email}`, {
      provider: 'jira-cloud',
      query: email,
      matchIds: matches.map((user) => user.accountId),
    });
  }
  return matches[0] ?? null;
}

/**
 * The account id a `PersonInput` names: an id as it is, an email through {@link accountByEmail}.
 *
 * @param context - The connector's context.
 * @param person - The validated input.
 * @param field - The input's field, for errors (e.g. `input.requester`).
 * @returns The account id, or `null` for an email nobody shows (when `unknown` is `'null'`).
 * @throws `InputError` naming `field` for an email nobody shows (unless `unknown` is `'null'`).
 * @throws `AmbiguousMatchError` when several accounts show the email.
 * @internal
 */
export async function accountIdOf(
  context: ConnectorContext,
  person: PersonInput,
  field: string,
  unknown: 'throw' | 'null' = 'throw',
): Promise<string | null> {
  const lookup = resolvePersonInput(person);
  if ('id' in lookup) return lookup.id;
  const user = await accountByEmail(context, lookup.email);
  if (user !== null) return user.accountId;
  if (unknown === 'null') return null;
  throw new InputError(
    `${field}: no Jira account shows the email ${lookup.email} (the person may not exist, may not be a customer of the service desk, or may hide their email in their Atlassian privacy settings; pass { id: accountId } then)`,
    { provider: 'jira-cloud', field },
  );
}
