/**
 * People: Jira accounts as the model's `User`, lookups by email across platform users and the
 * service desk's customers, and turning a `PersonInput` into an account id.
 *
 * @module
 */
import { EmailSchema, type PersonInput, type User, type UserKind } from '@itsm/core';
import { exactEmailMatches, findOneByEmail, resolvePerson, type PersonDirectory } from '@itsm/core/provider';
import { JIRA_CLOUD, kit } from '../provider.js';
import type { JiraUser } from '../schemas/users.js';
import type { ConnectorContext } from './context.js';

/**
 * The kind of a Jira account: a portal-only JSM customer (`accountType: 'customer'`) is a
 * `customer`, an app's account (`app`) an `agent`, anyone else (`atlassian`) an `employee`
 * (Jira does not tell an agent from other licensed users through the user API).
 *
 * @param user - The account.
 * @category Mapping
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
 * @category Mapping
 */
export function jiraUserToUser(user: JiraUser): User {
  return {
    provider: JIRA_CLOUD,
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
  return kit.parse(EmailSchema, email, field);
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
  const { client, options } = context;
  const [platform, customers] = await Promise.all([
    client.users.findByEmail(email),
    options.serviceDeskId === undefined
      ? Promise.resolve<JiraUser[]>([])
      // Every page: Jira matches the query as a substring, so the exact address may come after many others.
      : client.serviceDesk.customers.list(options.serviceDeskId, { query: email, pageSize: 100 }).toArray({ limit: Infinity }),
  ]);
  return exactEmailMatches([...platform.matches, ...customers], email, { emailOf: (user) => user.emailAddress, idOf: (user) => user.accountId });
}

/** Jira accounts as the connector looks people up. */
function accounts(context: ConnectorContext): PersonDirectory<JiraUser> {
  return {
    provider: JIRA_CLOUD,
    withEmail: (email) => accountsWithEmail(context, email),
    idOf: (user) => user.accountId,
    noun: 'Jira accounts',
    notFound: (email) =>
      `no Jira account shows the email ${email} (the person may not exist, may not be a customer of the service desk, or may hide their email in their Atlassian privacy settings; pass { id: accountId } then)`,
  };
}

/**
 * The one account with this email, `null` when none shows it, `AmbiguousMatchError` when several do.
 *
 * @param context - The connector's context.
 * @param email - A checked email address.
 * @internal
 */
export function accountByEmail(context: ConnectorContext, email: string): Promise<JiraUser | null> {
  return findOneByEmail(accounts(context), email);
}

/**
 * The account id a `PersonInput` names: an id as it is, an email through {@link accountByEmail}.
 *
 * @param context - The connector's context.
 * @param person - The validated input.
 * @param field - The input's field, for errors (e.g. `input.requester`).
 * @param unknown - `'null'`: an email nobody shows gives `null` instead of an `InputError`.
 * @throws `InputError` naming `field` for an email nobody shows (unless `unknown` is `'null'`).
 * @throws `AmbiguousMatchError` when several accounts show the email.
 * @internal
 */
export function accountIdOf(context: ConnectorContext, person: PersonInput, field: string, unknown: 'throw' | 'null' = 'throw'): Promise<string | null> {
  return unknown === 'null' ? resolvePerson(accounts(context), person, field, 'null') : resolvePerson(accounts(context), person, field);
}
