/**
 * The options of {@link createAutotaskConnector}, and their validation.
 *
 * @module
 */
import { PriorityLevelSchema, StatusCategorySchema, StatusInputSchema, TicketTypeSchema, type PriorityLevel, type StatusCategory, type StatusInput, type TicketType } from '@itsm/core';
import { LookupDelaysSchema, CustomFieldSelectionSchema, RawModeSchema, resolveConnectorOptions as resolveProviderConnectorOptions, type CustomFieldSelection, type RawMode } from '@itsm/core/provider';
import * as z from 'zod/mini';
import { AutotaskClient } from '../client.js';
import { CLIENT_OPTION_KEYS, type AutotaskClientOptions } from '../options.js';
import { AUTOTASK } from '../provider.js';

/**
 * A picklist value given in an option: the value (`29682833`) or its label (`Level I Support`).
 *
 * @category Connector
 */
export type PicklistChoice = number | string;

/**
 * What new tickets and notes get when the input does not say.
 *
 * @category Connector
 */
export interface AutotaskTicketDefaults {
  /**
   * The company of tickets whose requester is not given (a requester's ticket belongs to the
   * requester's company). Default `0`, your own organisation.
   */
  companyId?: number | undefined;
  /** The priority of tickets created without one (value or label). Default: the picklist's default. */
  priority?: PicklistChoice | undefined;
  /** The ticket type of tickets created without a `type` (value or label). Default: the picklist's default. */
  ticketType?: PicklistChoice | undefined;
  /** The source of new tickets (value or label), e.g. `Web Portal`. Default: Autotask's. */
  source?: PicklistChoice | undefined;
  /** The issue type of new tickets (value or label). Default: none. */
  issueType?: PicklistChoice | undefined;
  /** The sub-issue type of new tickets (value or label; it must belong under `issueType`). Default: none. */
  subIssueType?: PicklistChoice | undefined;
  /** The note type of comments (TicketNotes `noteType`, value or label). Default: the picklist's default. */
  noteType?: PicklistChoice | undefined;
}

/**
 * Which `publish` value (TicketNotes and TicketAttachments) each comment visibility is.
 *
 * @category Connector
 */
export interface AutotaskPublishChoice {
  /** The value (or label) of a public comment. Default: the value labelled "All Autotask Users". */
  public?: PicklistChoice | undefined;
  /** The value (or label) of an internal comment. Default: the value labelled "Internal Only". */
  internal?: PicklistChoice | undefined;
}

/**
 * What the connector adds to the client's options: where new tickets go, what they get by default,
 * and how Autotask's picklists map to the shared model.
 *
 * @category Connector
 */
export interface AutotaskConnectorSettings {
  /**
   * The queue new tickets are routed to (`queueID`) when the input names no `team`. Default: the
   * queue picklist's default. Autotask needs a queue (or an assignee with a role) on every ticket.
   */
  queueId?: number | undefined;
  /** Defaults of new tickets and comments; see {@link AutotaskTicketDefaults}. */
  defaults?: AutotaskTicketDefaults | undefined;
  /**
   * Status overrides, keyed by status value (`'12'`) or label (case-insensitive): they win over the
   * defaults (see `DEFAULT_AUTOTASK_STATUS_NAMES`).
   *
   * @example
   * ```ts
   * statusMap: { 'Waiting Vendor': 'in_progress', 12: 'closed' }
   * ```
   */
  statusMap?: Record<string, StatusCategory> | undefined;
  /**
   * The status `transition()` moves a ticket to, per category (value or label). Default: the
   * tenant's status with the preferred name (`New`, `In Progress`, `Waiting Customer`, `Complete`,
   * `Closed`), else the first status of the category.
   */
  transitionStatus?: Partial<Record<StatusInput, PicklistChoice>> | undefined;
  /** Priority overrides, keyed by value or label, e.g. `{ 'P1 - Urgent': 'critical' }`. */
  priorityMap?: Record<string, PriorityLevel> | undefined;
  /** Ticket type overrides, keyed by value or label, e.g. `{ Alert: 'incident' }`. */
  typeMap?: Record<string, TicketType> | undefined;
  /** Which `publish` value public and internal comments get; see {@link AutotaskPublishChoice}. */
  publish?: AutotaskPublishChoice | undefined;
  /**
   * The change feed's overlap window in milliseconds (see `createChangeFeed`). Default: the core
   * default, 5 minutes.
   */
  overlapMs?: number | undefined;
  /**
   * The waits, in milliseconds, before each look-up of a ticket whose create's answer was lost (see
   * `idempotentWrite`). Default `DEFAULT_LOOKUP_DELAYS_MS`: six look-ups over about 15 seconds.
   * Autotask shows a new ticket to the `externalID` filter at once, so the first look-up usually
   * finds it; the later ones cover a create the service was still processing.
   */
  lookupDelaysMs?: readonly number[] | undefined;
  /**
   * What each ticket keeps in `raw`: the ticket as Autotask sent it (`'full'`, the default), or
   * nothing (`'none'`), for a program that keeps many tickets in memory: a ticket then holds only the
   * model's fields (user-defined fields stay in `customFields`). Users, comments and attachments keep
   * their `raw` either way.
   */
  raw?: RawMode | undefined;
  /**
   * Which fields outside the model each ticket keeps in `customFields`: all of them (`'all'`, the
   * default) or the ones named (`[]`: none) — by user-defined field name, e.g. `['Root Cause']`.
   * With `raw: 'none'`, what keeps a ticket small when many are kept in memory.
   */
  customFields?: CustomFieldSelection | undefined;
}

/**
 * Options of {@link createAutotaskConnector}: the {@link AutotaskClientOptions} (user name, secret,
 * tracking identifier, `portalUrl`, transport options) or a ready `client`, plus the
 * {@link AutotaskConnectorSettings}.
 *
 * @example
 * ```ts
 * createAutotaskConnector({ username, secret, trackingId, queueId: 29682833, portalUrl: 'https://acme.itclientportal.com' });
 * createAutotaskConnector({ client: new AutotaskClient({ username, secret, trackingId }), statusMap: { 'On Hold': 'waiting_for_user' } });
 * ```
 *
 * @category Connector
 */
export type AutotaskConnectorOptions = AutotaskConnectorSettings & (AutotaskClientOptions | { client: AutotaskClient });

/** The options, checked, with the client built. */
export interface ResolvedConnectorOptions {
  /** The native client. */
  client: AutotaskClient;
  /** The queue of new tickets, when configured. */
  queueId: number | undefined;
  /** Defaults of new tickets and notes. */
  defaults: AutotaskTicketDefaults;
  /** Status overrides. */
  statusMap: Record<string, StatusCategory>;
  /** The status of each category `transition()` moves to, when configured. */
  transitionStatus: Partial<Record<StatusInput, PicklistChoice>>;
  /** Priority overrides. */
  priorityMap: Record<string, PriorityLevel>;
  /** Ticket type overrides. */
  typeMap: Record<string, TicketType>;
  /** The publish values of comment visibilities, when configured. */
  publish: AutotaskPublishChoice;
  /** The change feed's overlap, when configured. */
  overlapMs: number | undefined;
  /** The waits of the look-ups after a lost answer, when configured. */
  lookupDelaysMs: readonly number[] | undefined;
  /** What tickets keep in `raw`. */
  raw: RawMode;
  /** Which fields tickets keep in `customFields`. */
  customFields: CustomFieldSelection;
}

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const choice = z.union([z.int(), text]);
const id = z.int().check(z.nonnegative());

const SettingsSchema = z.strictObject({
  queueId: z.optional(id),
  defaults: z.optional(
    z.strictObject({
      companyId: z.optional(id),
      priority: z.optional(choice),
      ticketType: z.optional(choice),
      source: z.optional(choice),
      issueType: z.optional(choice),
      subIssueType: z.optional(choice),
      noteType: z.optional(choice),
    }),
  ),
  statusMap: z.optional(z.record(text, StatusCategorySchema)),
  transitionStatus: z.optional(z.partialRecord(StatusInputSchema, choice)),
  priorityMap: z.optional(z.record(text, PriorityLevelSchema)),
  typeMap: z.optional(z.record(text, TicketTypeSchema)),
  publish: z.optional(z.strictObject({ public: z.optional(choice), internal: z.optional(choice) })),
  overlapMs: z.optional(z.int().check(z.nonnegative())),
  lookupDelaysMs: z.optional(LookupDelaysSchema),
  raw: z.optional(RawModeSchema),
  customFields: z.optional(CustomFieldSelectionSchema),
});

/**
 * Checks the connector's options and builds the client.
 *
 * @param options - What the caller gave.
 * @throws InputError naming the first bad option (`queueId`, `statusMap.X`, an unknown key, a client option), before any request.
 */
export function resolveConnectorOptions(options: AutotaskConnectorOptions): ResolvedConnectorOptions {
  const { client, settings } = resolveProviderConnectorOptions(options, {
    provider: AUTOTASK,
    settings: SettingsSchema,
    clientOptionKeys: CLIENT_OPTION_KEYS,
    clientName: 'AutotaskClient',
    isClient: (value): value is AutotaskClient => value instanceof AutotaskClient,
    createClient: (clientOptions) => new AutotaskClient(clientOptions as unknown as AutotaskClientOptions),
  });
  return {
    client,
    queueId: settings.queueId,
    defaults: settings.defaults ?? {},
    statusMap: settings.statusMap ?? {},
    transitionStatus: (settings.transitionStatus ?? {}) as Partial<Record<StatusInput, PicklistChoice>>,
    priorityMap: settings.priorityMap ?? {},
    typeMap: settings.typeMap ?? {},
    publish: settings.publish ?? {},
    overlapMs: settings.overlapMs,
    lookupDelaysMs: settings.lookupDelaysMs,
    raw: settings.raw ?? 'full',
    customFields: settings.customFields ?? 'all',
  };
}
