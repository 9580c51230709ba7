/**
 * Users: platform users (`User`), the calling account (`myself`), JSM customers (`UserDTO`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { AvatarUrlsSchema, type OpenEnum } from './common.js';

/**
 * `atlassian` (a person), `app` (an app or bot), `customer` (a JSM portal-only customer), `unknown`.
 *
 * @category Schemas
 */
export type AccountType = OpenEnum<'atlassian' | 'app' | 'customer' | 'unknown'>;

/**
 * A Jira user, identified by `accountId` only. `emailAddress`, `timeZone` and `locale` are `null` or
 * missing when the user's privacy settings hide them; `displayName` may be an alternative name.
 * Also the shape of JSM customers (whose `_links` are kept too).
 *
 * @example
 * ```json
 * { "accountId": "5b10ac8d82e05b22cc7d4ef5", "accountType": "atlassian", "active": true,
 *   "displayName": "Mia Krystof", "emailAddress": "mia@example.com", "timeZone": "Australia/Sydney" }
 * ```
 *
 * @category Schemas
 */
export const JiraUserSchema = z.looseObject({
  /** The id of the account across Atlassian products; the only stable identifier. */
  accountId: z.string(),
  accountType: z.optional(z.string() as z.ZodMiniType<AccountType, string>),
  active: z.optional(z.boolean()),
  displayName: z.optional(z.string()),
  /** `null`/missing when hidden by the user's privacy settings. */
  emailAddress: z.nullish(z.string()),
  timeZone: z.nullish(z.string()),
  locale: z.nullish(z.string()),
  avatarUrls: z.optional(AvatarUrlsSchema),
  self: z.optional(z.string()),
});
/**
 * A Jira user. See {@link JiraUserSchema}.
 *
 * @category Schemas
 */
export type JiraUser = z.infer<typeof JiraUserSchema>;

/**
 * A list of groups or application roles of an account, as `myself` expands them.
 *
 * @category Schemas
 */
export const AccountMembershipListSchema = z.looseObject({
  /** How many there are. */
  size: z.optional(z.number()),
  /** Each group (`name`, `groupId`) or application role (`key`, `name`); filled only when expanded. */
  items: z.optional(z.array(z.looseObject({ name: z.optional(z.string()), key: z.optional(z.string()) }))),
});
/**
 * A list of groups or application roles. See {@link AccountMembershipListSchema}.
 *
 * @category Schemas
 */
export type AccountMembershipList = z.infer<typeof AccountMembershipListSchema>;

/**
 * The calling account (`GET /rest/api/3/myself`): its own profile is always visible to it, so
 * `displayName`, `active` and `timeZone` are present; `groups` and `applicationRoles` list their
 * items when asked for with `expand`.
 *
 * @category Schemas
 */
export const MyselfSchema = z.extend(JiraUserSchema, {
  displayName: z.string(),
  active: z.boolean(),
  /** The profile time zone, in which Jira reads JQL dates written by this account. */
  timeZone: z.string(),
  /** The account's groups (items with `expand: ['groups']`). */
  groups: z.optional(AccountMembershipListSchema),
  /** The account's product roles, e.g. `jira-servicedesk` (items with `expand: ['applicationRoles']`). */
  applicationRoles: z.optional(AccountMembershipListSchema),
});
/**
 * The calling account. See {@link MyselfSchema}.
 *
 * @category Schemas
 */
export type Myself = z.infer<typeof MyselfSchema>;

/**
 * A list of users (`user/search`, `user/assignable/search`).
 *
 * @category Schemas
 */
export const JiraUserListSchema = z.array(JiraUserSchema);
