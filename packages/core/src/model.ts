/**
 * The shared model: what a ticket, a user, a comment, an attachment and a catalog item look like
 * whatever the provider. Each is exported as a zod schema and as an interface whose fields are
 * documented (so editors show what each field means); a compile-time check keeps the two the same type.
 *
 * Every record keeps the provider's payload untouched in `raw`, and every normalised enum keeps the
 * provider's own value in `native`, so nothing the provider said is lost.
 *
 * @module
 */
import * as z from 'zod/mini';

/** `true` when `A` and `B` are the same type (optional and readonly modifiers included), else `false`. */
type IsSame<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/**
 * Compiles only for `true`: `type XInStep = InStep<IsSame<z.infer<typeof XSchema>, X>>` checks each
 * schema below against its interface, so that a field added to one and not the other fails the build.
 */
type InStep<T extends true> = T;

/**
 * The providers this SDK ships connectors for.
 *
 * @category Model
 */
export const KNOWN_PROVIDERS = ['ivanti', 'jira-cloud', 'autotask'] as const;

/**
 * A provider shipped with the SDK: `'ivanti'`, `'jira-cloud'` or `'autotask'`.
 *
 * @category Model
 */
export type KnownProviderId = (typeof KNOWN_PROVIDERS)[number];

/**
 * Identifies the system a record came from. The three shipped providers are named; connectors
 * written outside this project use their own lower-case id (e.g. `'zendesk'`).
 *
 * @category Model
 */
export type ProviderId = KnownProviderId | (string & {});

/**
 * Schema of {@link ProviderId}: a non-empty lower-case identifier.
 *
 * @category Schemas
 */
export const ProviderIdSchema: z.ZodMiniType<ProviderId> = z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case identifier such as "jira-cloud"'));

/**
 * The status categories, in the order a ticket usually moves through them.
 *
 * @category Model
 */
export const STATUS_CATEGORIES = ['open', 'in_progress', 'waiting_for_user', 'resolved', 'closed', 'unknown'] as const;

/**
 * Where a ticket stands, whatever the provider calls it.
 * - `open`: new or reopened, nobody is working on it yet;
 * - `in_progress`: somebody is working on it;
 * - `waiting_for_user`: waiting for the requester (or a third party);
 * - `resolved` and `closed`: done (resolved can usually still be reopened);
 * - `unknown`: the provider's status has no mapping; its native value is kept.
 *
 * @category Schemas
 */
export const StatusCategorySchema = z.enum(STATUS_CATEGORIES);
/**
 * @see {@link StatusCategorySchema}
 *
 * @category Model
 */
export type StatusCategory = z.infer<typeof StatusCategorySchema>;

/**
 * A provider's own value for an enum-like field (a status, a priority, a team). Schema: {@link NativeValueSchema}.
 *
 * @category Model
 */
export interface NativeValue {
  /** The provider's id of the value, when it has one (Jira's status id `10001`, Autotask's picklist value). */
  id?: string;
  /** The provider's name of the value, as its users see it (`Waiting for customer`). */
  name: string;
}
const nativeValueObject = z.object({
  id: z.optional(z.string()),
  name: z.string(),
});
type NativeValueInStep = InStep<IsSame<z.infer<typeof nativeValueObject>, NativeValue>>;
/**
 * Schema of {@link NativeValue}.
 *
 * @category Schemas
 */
export const NativeValueSchema: z.ZodMiniType<NativeValue> = nativeValueObject;

/**
 * A reference to a person on a ticket or comment. Schema: {@link UserRefSchema}.
 *
 * @category Model
 */
export interface UserRef {
  /** The provider's id of the person (Jira's account id, Autotask's contact or resource id). */
  id: string;
  /** Their email address, when the provider shows it. */
  email?: string;
  /** Their display name, when the provider gives it. */
  name?: string;
}
const userRefObject = z.object({
  id: z.string().check(z.minLength(1)),
  email: z.optional(z.string()),
  name: z.optional(z.string()),
});
type UserRefInStep = InStep<IsSame<z.infer<typeof userRefObject>, UserRef>>;
/**
 * Schema of {@link UserRef}.
 *
 * @category Schemas
 */
export const UserRefSchema: z.ZodMiniType<UserRef> = userRefObject;

/**
 * The kinds of ticket. `other` covers whatever a provider has beyond these.
 *
 * @category Model
 */
export const TICKET_TYPES = ['incident', 'service_request', 'problem', 'change', 'task', 'other'] as const;
/**
 * Schema of {@link TicketType}.
 *
 * @category Schemas
 */
export const TicketTypeSchema = z.enum(TICKET_TYPES);
/**
 * What kind of work a ticket is.
 *
 * @category Model
 */
export type TicketType = z.infer<typeof TicketTypeSchema>;

/**
 * The priority levels. `unknown` keeps a provider value with no mapping.
 *
 * @category Model
 */
export const PRIORITY_LEVELS = ['low', 'medium', 'high', 'critical', 'unknown'] as const;
/**
 * Schema of {@link PriorityLevel}.
 *
 * @category Schemas
 */
export const PriorityLevelSchema = z.enum(PRIORITY_LEVELS);
/**
 * How urgent a ticket is, normalised.
 *
 * @category Model
 */
export type PriorityLevel = z.infer<typeof PriorityLevelSchema>;

/** An ISO 8601 date-time in UTC (`…Z`), as every timestamp of the model is. */
const isoDateTime = z.iso.datetime({ message: 'must be an ISO 8601 date-time in UTC, ending in Z' });

/**
 * A ticket: an incident, a service request or any other unit of work. Schema: {@link TicketSchema}.
 *
 * @example
 * ```ts
 * const ticket = await connector.tickets.get('HELP-12');
 * if (ticket.status.category === 'waiting_for_user') remind(ticket.requester?.email, ticket.url);
 * ```
 *
 * @category Model
 */
export interface Ticket {
  /** The system it lives in: `'jira-cloud'`, `'autotask'`, `'ivanti'`, or a third-party connector's id. */
  provider: ProviderId;
  /** The provider's id: stable, what API calls take (Jira's issue id `10042`, Ivanti's RecId). */
  id: string;
  /** The key or number people write: `HELP-12`, `T20240101.0001`, `10234`. */
  key: string;
  /** Opens the ticket in the provider's web UI. */
  url?: string;
  /** What kind of work it is (`incident`, `service_request`, ...); the provider's type is in `raw`. */
  type: TicketType;
  /** The one-line summary. */
  subject: string;
  /** The description as plain text; the provider's own format (Jira's ADF, Ivanti's HTML) is in `raw`. */
  description?: string;
  /** Where it stands. */
  status: {
    /** The status category, the same across providers: `open`, `in_progress`, `waiting_for_user`, `resolved`, `closed` or `unknown`. */
    category: StatusCategory;
    /** The provider's own status (`Waiting for support`). */
    native: NativeValue;
  };
  /** How urgent it is, when the provider says. */
  priority?: {
    /** The level, the same across providers: `low`, `medium`, `high`, `critical` or `unknown`. */
    level: PriorityLevel;
    /** The provider's own priority (`Highest`, `P1`). */
    native: NativeValue;
  };
  /** Who asked for it (the reporter, the caller, the contact). */
  requester?: UserRef;
  /** Who works on it. */
  assignee?: UserRef;
  /** The team, queue or group it is assigned to. */
  team?: NativeValue;
  /** When it was created: ISO 8601 in UTC (`2026-01-31T09:30:00.000Z`). */
  createdAt: string;
  /** When it last changed: ISO 8601 in UTC. What the change feed follows. */
  updatedAt: string;
  /** When it was resolved or closed: ISO 8601 in UTC; absent while it is open. */
  resolvedAt?: string;
  /** Provider fields outside the model, by the provider's field name (`customfield_10020`). */
  customFields: Record<string, unknown>;
  /** The provider's payload, untouched. */
  raw: unknown;
}
const ticketObject = z.object({
  provider: ProviderIdSchema,
  id: z.string().check(z.minLength(1)),
  key: z.string().check(z.minLength(1)),
  url: z.optional(z.string()),
  type: TicketTypeSchema,
  subject: z.string(),
  description: z.optional(z.string()),
  status: z.object({ category: StatusCategorySchema, native: NativeValueSchema }),
  priority: z.optional(z.object({ level: PriorityLevelSchema, native: NativeValueSchema })),
  requester: z.optional(UserRefSchema),
  assignee: z.optional(UserRefSchema),
  team: z.optional(NativeValueSchema),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  resolvedAt: z.optional(isoDateTime),
  customFields: z.record(z.string(), z.unknown()),
  raw: z.unknown(),
});
type TicketInStep = InStep<IsSame<z.infer<typeof ticketObject>, Ticket>>;
/**
 * Schema of {@link Ticket}.
 *
 * @category Schemas
 */
export const TicketSchema: z.ZodMiniType<Ticket> = ticketObject;

/**
 * What kind of person a user record describes.
 *
 * @category Model
 */
export const USER_KINDS = ['employee', 'agent', 'customer', 'contact'] as const;
/**
 * Schema of {@link UserKind}.
 *
 * @category Schemas
 */
export const UserKindSchema = z.enum(USER_KINDS);
/**
 * `employee` (a person in the directory), `agent` (works tickets), `customer` (portal user), `contact` (a client's person).
 *
 * @category Model
 */
export type UserKind = z.infer<typeof UserKindSchema>;

/**
 * A person known to the provider. Schema: {@link UserSchema}.
 *
 * @category Model
 */
export interface User {
  /** The system the record comes from. */
  provider: ProviderId;
  /** The provider's id of the person: what `requester: { id }` and `assignee: { id }` take. */
  id: string;
  /** Their email address; absent where the provider hides it (e.g. Jira's privacy settings). */
  email?: string;
  /** Their display name. */
  name: string;
  /** Whether the account is active (an inactive one cannot be assigned). */
  active: boolean;
  /** `employee` (a person in the directory), `agent` (works tickets), `customer` (a portal user) or `contact` (a client's person). */
  kind: UserKind;
  /** The provider's payload, untouched. */
  raw: unknown;
}
const userObject = z.object({
  provider: ProviderIdSchema,
  id: z.string().check(z.minLength(1)),
  email: z.optional(z.string()),
  name: z.string(),
  active: z.boolean(),
  kind: UserKindSchema,
  raw: z.unknown(),
});
type UserInStep = InStep<IsSame<z.infer<typeof userObject>, User>>;
/**
 * Schema of {@link User}.
 *
 * @category Schemas
 */
export const UserSchema: z.ZodMiniType<User> = userObject;

/**
 * Who can see a comment: `public` (the requester too) or `internal` (agents only).
 *
 * @category Schemas
 */
export const CommentVisibilitySchema = z.enum(['public', 'internal']);
/**
 * @see {@link CommentVisibilitySchema}
 *
 * @category Model
 */
export type CommentVisibility = z.infer<typeof CommentVisibilitySchema>;

/**
 * A comment (journal note, ticket note) on a ticket. Schema: {@link CommentSchema}.
 *
 * @category Model
 */
export interface Comment {
  /** The system it lives in. */
  provider: ProviderId;
  /** The provider's id of the comment. */
  id: string;
  /** The id of the ticket it is on. */
  ticketId: string;
  /** The text, as plain text (the provider's own format is in `raw`). */
  body: string;
  /** `public` (the requester sees it too) or `internal` (agents only). */
  visibility: CommentVisibility;
  /** Who wrote it, when the provider says. */
  author?: UserRef;
  /** When it was written: ISO 8601 in UTC. */
  createdAt: string;
  /** The provider's payload, untouched. */
  raw: unknown;
}
const commentObject = z.object({
  provider: ProviderIdSchema,
  id: z.string().check(z.minLength(1)),
  ticketId: z.string().check(z.minLength(1)),
  body: z.string(),
  visibility: CommentVisibilitySchema,
  author: z.optional(UserRefSchema),
  createdAt: isoDateTime,
  raw: z.unknown(),
});
type CommentInStep = InStep<IsSame<z.infer<typeof commentObject>, Comment>>;
/**
 * Schema of {@link Comment}.
 *
 * @category Schemas
 */
export const CommentSchema: z.ZodMiniType<Comment> = commentObject;

/**
 * A file attached to a ticket. Schema: {@link AttachmentSchema}.
 *
 * @category Model
 */
export interface Attachment {
  /** The system it lives in. */
  provider: ProviderId;
  /** The provider's id of the attachment: what `attachments.download()` takes. */
  id: string;
  /** The id of the ticket it is on. */
  ticketId: string;
  /** The file name (`vpn-client.log`). */
  filename: string;
  /** Its size in bytes, when the provider says. */
  size?: number;
  /** Its media type (`text/plain`), when the provider says. */
  contentType?: string;
  /** When it was attached: ISO 8601 in UTC, when the provider says. */
  createdAt?: string;
  /** The provider's payload, untouched. */
  raw: unknown;
}
const attachmentObject = z.object({
  provider: ProviderIdSchema,
  id: z.string().check(z.minLength(1)),
  ticketId: z.string().check(z.minLength(1)),
  filename: z.string(),
  size: z.optional(z.int().check(z.nonnegative())),
  contentType: z.optional(z.string()),
  createdAt: z.optional(isoDateTime),
  raw: z.unknown(),
});
type AttachmentInStep = InStep<IsSame<z.infer<typeof attachmentObject>, Attachment>>;
/**
 * Schema of {@link Attachment}.
 *
 * @category Schemas
 */
export const AttachmentSchema: z.ZodMiniType<Attachment> = attachmentObject;

/**
 * Something a user can request from the service catalog (Jira's request type, Ivanti's request
 * offering). Schema: {@link CatalogItemSchema}.
 *
 * @category Model
 */
export interface CatalogItem {
  /** The system it lives in. */
  provider: ProviderId;
  /** The provider's id of the item. */
  id: string;
  /** Its name, as the portal shows it (`Request new hardware`). */
  name: string;
  /** What it is for, when the provider says. */
  description?: string;
  /** The group it is listed under in the portal, when it has one. */
  category?: string;
  /** A direct link to the request form in the provider's portal. */
  url?: string;
  /** The provider's payload, untouched. */
  raw: unknown;
}
const catalogItemObject = z.object({
  provider: ProviderIdSchema,
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  description: z.optional(z.string()),
  category: z.optional(z.string()),
  url: z.optional(z.string()),
  raw: z.unknown(),
});
type CatalogItemInStep = InStep<IsSame<z.infer<typeof catalogItemObject>, CatalogItem>>;
/**
 * Schema of {@link CatalogItem}.
 *
 * @category Schemas
 */
export const CatalogItemSchema: z.ZodMiniType<CatalogItem> = catalogItemObject;

/**
 * Outcome of one access check: `pass`, `warn` (works, but not as recommended) or `fail`.
 *
 * @category Schemas
 */
export const AccessCheckStatusSchema = z.enum(['pass', 'warn', 'fail']);
/**
 * @see {@link AccessCheckStatusSchema}
 *
 * @category Model
 */
export type AccessCheckStatus = z.infer<typeof AccessCheckStatusSchema>;

/**
 * One check of a service account's setup. Schema: {@link AccessCheckSchema}.
 *
 * @category Model
 */
export interface AccessCheck {
  /** A stable identifier, e.g. `credentials` or `transition.resolve`. */
  id: string;
  /** What was checked, in a sentence. */
  title: string;
  /** `pass`, `warn` (works, but not as recommended) or `fail`. */
  status: AccessCheckStatus;
  /** What was found. */
  detail?: string;
  /** What an administrator should change, in their words. Present when the status is not `pass`. */
  fix?: string;
}
const accessCheckObject = z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  status: AccessCheckStatusSchema,
  detail: z.optional(z.string()),
  fix: z.optional(z.string()),
});
type AccessCheckInStep = InStep<IsSame<z.infer<typeof accessCheckObject>, AccessCheck>>;
/**
 * Schema of {@link AccessCheck}.
 *
 * @category Schemas
 */
export const AccessCheckSchema: z.ZodMiniType<AccessCheck> = accessCheckObject;

/**
 * The result of `verifyAccess()`. Schema: {@link AccessReportSchema}.
 *
 * @category Model
 */
export interface AccessReport {
  /** The provider checked. */
  provider: ProviderId;
  /** `true` when no check failed (warnings allowed). */
  ok: boolean;
  /** Every check, in the order they ran. */
  checks: AccessCheck[];
}
const accessReportObject = z.object({
  provider: ProviderIdSchema,
  ok: z.boolean(),
  checks: z.array(AccessCheckSchema),
});
type AccessReportInStep = InStep<IsSame<z.infer<typeof accessReportObject>, AccessReport>>;
/**
 * Schema of {@link AccessReport}.
 *
 * @category Schemas
 */
export const AccessReportSchema: z.ZodMiniType<AccessReport> = accessReportObject;

/**
 * Builds an {@link AccessReport} from its checks: `ok` is true unless a check failed.
 *
 * @param provider - The provider checked.
 * @param checks - The checks, in the order they ran.
 * @category Model
 */
export function accessReport(provider: ProviderId, checks: AccessCheck[]): AccessReport {
  return { provider, ok: checks.every((check) => check.status !== 'fail'), checks };
}
