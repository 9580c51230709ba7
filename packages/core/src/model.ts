/**
 * The shared model: what a ticket, a user, a comment, an attachment and a catalog item look like
 * whatever the provider. Each is exported as a zod schema and as the type inferred from it.
 *
 * Every record keeps the provider's payload untouched in `raw`, and every normalised enum keeps the
 * provider's own value in `native`, so nothing the provider said is lost.
 *
 * @module
 */
import { z } from 'zod';

/** The providers this SDK ships connectors for. */
export const KNOWN_PROVIDERS = ['ivanti', 'jira-cloud', 'autotask'] as const;

/** A provider shipped with the SDK: `'ivanti'`, `'jira-cloud'` or `'autotask'`. */
export type KnownProviderId = (typeof KNOWN_PROVIDERS)[number];

/**
 * Identifies the system a record came from. The three shipped providers are named; connectors
 * written outside this project use their own lower-case id (e.g. `'zendesk'`).
 */
export type ProviderId = KnownProviderId | (string & {});

/** Schema of {@link ProviderId}: a non-empty lower-case identifier. */
export const ProviderIdSchema: z.ZodType<ProviderId> = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case identifier such as "jira-cloud"');

/** The status categories, in the order a ticket usually moves through them. */
export const STATUS_CATEGORIES = ['open', 'in_progress', 'waiting_for_user', 'resolved', 'closed', 'unknown'] as const;

/**
 * Where a ticket stands, whatever the provider calls it.
 * - `open`: new or reopened, nobody is working on it yet;
 * - `in_progress`: somebody is working on it;
 * - `waiting_for_user`: waiting for the requester (or a third party);
 * - `resolved` and `closed`: done (resolved can usually still be reopened);
 * - `unknown`: the provider's status has no mapping; its native value is kept.
 */
export const StatusCategorySchema = z.enum(STATUS_CATEGORIES);
/** @see {@link StatusCategorySchema} */
export type StatusCategory = z.infer<typeof StatusCategorySchema>;

/** A provider's own value for an enum-like field: its id when it has one, and its name. */
export const NativeValueSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
});
/** @see {@link NativeValueSchema} */
export type NativeValue = z.infer<typeof NativeValueSchema>;

/** A reference to a person: the provider's id, and their email and name when known. */
export const UserRefSchema = z.object({
  id: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
});
/** @see {@link UserRefSchema} */
export type UserRef = z.infer<typeof UserRefSchema>;

/** The kinds of ticket. `other` covers whatever a provider has beyond these. */
export const TICKET_TYPES = ['incident', 'service_request', 'problem', 'change', 'task', 'other'] as const;
/** Schema of {@link TicketType}. */
export const TicketTypeSchema = z.enum(TICKET_TYPES);
/** What kind of work a ticket is. */
export type TicketType = z.infer<typeof TicketTypeSchema>;

/** The priority levels. `unknown` keeps a provider value with no mapping. */
export const PRIORITY_LEVELS = ['low', 'medium', 'high', 'critical', 'unknown'] as const;
/** Schema of {@link PriorityLevel}. */
export const PriorityLevelSchema = z.enum(PRIORITY_LEVELS);
/** How urgent a ticket is, normalised. */
export type PriorityLevel = z.infer<typeof PriorityLevelSchema>;

/** An ISO 8601 date-time in UTC (`…Z`), as every timestamp of the model is. */
const isoDateTime = z.iso.datetime({ message: 'must be an ISO 8601 date-time in UTC, ending in Z' });

/** A ticket: an incident, a service request or any other unit of work. */
export const TicketSchema = z.object({
  /** The system it lives in. */
  provider: ProviderIdSchema,
  /** The provider's id (stable, used in API calls). */
  id: z.string().min(1),
  /** The human-facing key or number (`HELP-12`, `T20240101.0001`, `10234`). */
  key: z.string().min(1),
  /** Opens the ticket in the provider's web UI. */
  url: z.string().optional(),
  type: TicketTypeSchema,
  subject: z.string(),
  /** Plain text; the provider's own format (ADF, HTML) is in `raw`. */
  description: z.string().optional(),
  status: z.object({ category: StatusCategorySchema, native: NativeValueSchema }),
  priority: z.object({ level: PriorityLevelSchema, native: NativeValueSchema }).optional(),
  requester: UserRefSchema.optional(),
  assignee: UserRefSchema.optional(),
  /** The team, queue or group it is assigned to. */
  team: NativeValueSchema.optional(),
  /** ISO 8601, UTC. */
  createdAt: isoDateTime,
  /** ISO 8601, UTC. */
  updatedAt: isoDateTime,
  /** ISO 8601, UTC; set once the ticket is resolved or closed. */
  resolvedAt: isoDateTime.optional(),
  /** Provider fields outside the model, by the provider's field name. */
  customFields: z.record(z.string(), z.unknown()),
  /** The provider's payload, untouched. */
  raw: z.unknown(),
});
/** @see {@link TicketSchema} */
export type Ticket = z.infer<typeof TicketSchema>;

/** What kind of person a user record describes. */
export const USER_KINDS = ['employee', 'agent', 'customer', 'contact'] as const;
/** Schema of {@link UserKind}. */
export const UserKindSchema = z.enum(USER_KINDS);
/** `employee` (a person in the directory), `agent` (works tickets), `customer` (portal user), `contact` (a client's person). */
export type UserKind = z.infer<typeof UserKindSchema>;

/** A person known to the provider. */
export const UserSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string().min(1),
  /** May be absent where the provider hides emails (e.g. Jira's privacy settings). */
  email: z.string().optional(),
  name: z.string(),
  active: z.boolean(),
  kind: UserKindSchema,
  raw: z.unknown(),
});
/** @see {@link UserSchema} */
export type User = z.infer<typeof UserSchema>;

/** Who can see a comment: `public` (the requester too) or `internal` (agents only). */
export const CommentVisibilitySchema = z.enum(['public', 'internal']);
/** @see {@link CommentVisibilitySchema} */
export type CommentVisibility = z.infer<typeof CommentVisibilitySchema>;

/** A comment (journal note, ticket note) on a ticket. */
export const CommentSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string().min(1),
  ticketId: z.string().min(1),
  /** Plain text. */
  body: z.string(),
  visibility: CommentVisibilitySchema,
  author: UserRefSchema.optional(),
  createdAt: isoDateTime,
  raw: z.unknown(),
});
/** @see {@link CommentSchema} */
export type Comment = z.infer<typeof CommentSchema>;

/** A file attached to a ticket. */
export const AttachmentSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string().min(1),
  ticketId: z.string().min(1),
  filename: z.string(),
  /** Bytes. */
  size: z.number().int().nonnegative().optional(),
  contentType: z.string().optional(),
  createdAt: isoDateTime.optional(),
  raw: z.unknown(),
});
/** @see {@link AttachmentSchema} */
export type Attachment = z.infer<typeof AttachmentSchema>;

/** Something a user can request from the service catalog (a request offering, a request type). */
export const CatalogItemSchema = z.object({
  provider: ProviderIdSchema,
  id: z.string().min(1),
  name: z.string(),
  description: z.string().optional(),
  category: z.string().optional(),
  /** Direct link to the request form in the provider's portal. */
  url: z.string().optional(),
  raw: z.unknown(),
});
/** @see {@link CatalogItemSchema} */
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

/** Outcome of one access check: `pass`, `warn` (works, but not as recommended) or `fail`. */
export const AccessCheckStatusSchema = z.enum(['pass', 'warn', 'fail']);
/** @see {@link AccessCheckStatusSchema} */
export type AccessCheckStatus = z.infer<typeof AccessCheckStatusSchema>;

/** One check of a service account's setup. */
export const AccessCheckSchema = z.object({
  /** Stable identifier, e.g. `credentials` or `transition.resolve`. */
  id: z.string().min(1),
  /** What was checked, in a sentence. */
  title: z.string(),
  status: AccessCheckStatusSchema,
  /** What was found. */
  detail: z.string().optional(),
  /** What an administrator should change, in their words. Present when the status is not `pass`. */
  fix: z.string().optional(),
});
/** @see {@link AccessCheckSchema} */
export type AccessCheck = z.infer<typeof AccessCheckSchema>;

/** Result of `verifyAccess()`: `ok` is true when no check failed. */
export const AccessReportSchema = z.object({
  provider: ProviderIdSchema,
  ok: z.boolean(),
  checks: z.array(AccessCheckSchema),
});
/** @see {@link AccessReportSchema} */
export type AccessReport = z.infer<typeof AccessReportSchema>;

/**
 * Builds an {@link AccessReport} from its checks: `ok` is true unless a check failed.
 *
 * @param provider - The provider checked.
 * @param checks - The checks, in the order they ran.
 */
export function accessReport(provider: ProviderId, checks: AccessCheck[]): AccessReport {
  return { provider, ok: checks.every((check) => check.status !== 'fail'), checks };
}
