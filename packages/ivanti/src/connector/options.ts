/**
 * The options of {@link createIvantiConnector}, and their validation.
 *
 * @module
 */
import { DEFAULT_OVERLAP_MS, StatusCategorySchema, type StatusCategory } from '@itsm/core';
import { LookupDelaysSchema, CustomFieldSelectionSchema, RawModeSchema, resolveConnectorOptions as resolveProviderConnectorOptions, type CustomFieldSelection, type RawMode } from '@itsm/core/provider';
import * as z from 'zod/mini';
import { IvantiClient } from '../client.js';
import { IVANTI_DEFAULT_ATTACHMENT_MAX_BYTES } from '../limits.js';
import { NAME_PATTERN } from '../odata/names.js';
import { CLIENT_OPTION_KEYS, type IvantiClientOptions } from '../options.js';
import { IVANTI } from '../provider.js';
import type { FieldValues } from '../resources/fields.js';
import type { TicketKind } from './kinds.js';
import { DEFAULT_TARGETS, type StatusTargets } from './status-map.js';

/**
 * The statuses `transition()` moves to, per category, overriding the defaults of one kind of ticket.
 *
 * @category Connector
 */
export type StatusTargetOverrides = Partial<Record<'open' | 'in_progress' | 'waiting_for_user' | 'resolved' | 'closed', string>>;

/**
 * Fields every new ticket of a kind gets (e.g. `Service`, `Source`); the input and
 * `providerFields` win over them.
 *
 * @example
 * ```ts
 * defaults: { incident: { Service: 'Service Desk', Source: 'Chat' }, serviceRequest: { Source: 'Chat' } }
 * ```
 *
 * @category Connector
 */
export interface IvantiConnectorDefaults {
  /** Fields every new incident gets. */
  incident?: FieldValues | undefined;
  /** Fields every new service request gets. */
  serviceRequest?: FieldValues | undefined;
}

/**
 * What the connector adds to the client's options.
 *
 * @category Connector
 */
export interface IvantiConnectorSettings {
  /** The kind of ticket `create()` makes when the input gives no `type`. Default `incident`. */
  type?: TicketKind | undefined;
  /**
   * Status overrides by status name (case-insensitive), for incidents and service requests: they
   * win over the defaults (see `DEFAULT_INCIDENT_STATUSES`, `DEFAULT_SERVICE_REQUEST_STATUSES`).
   *
   * @example
   * ```ts
   * statusMap: { 'Pending Vendor': 'waiting_for_user', 'Waiting for Resolution': 'in_progress' }
   * ```
   */
  statusMap?: Record<string, StatusCategory> | undefined;
  /**
   * The status `transition()` moves to, per category, for either kind, over the defaults
   * (`DEFAULT_INCIDENT_TARGETS`, `DEFAULT_SERVICE_REQUEST_TARGETS`).
   */
  statusTargets?: { incident?: StatusTargetOverrides | undefined; serviceRequest?: StatusTargetOverrides | undefined } | undefined;
  /** Fields every new ticket gets, per kind; see {@link IvantiConnectorDefaults}. */
  defaults?: IvantiConnectorDefaults | undefined;
  /** The team (`OwnerTeam`) of new tickets when the input names none, e.g. `Service Desk`. */
  defaultTeam?: string | undefined;
  /** The `Category` set when an incident without one moves to in progress (Ivanti requires one for `Active`). */
  defaultCategory?: string | undefined;
  /**
   * The `Owner` (a login ID) set when an incident without one moves to in progress (Ivanti requires
   * one for `Active`). Default: the `serviceAccount`, when given.
   */
  defaultOwner?: string | undefined;
  /** The `CauseCode` set when an incident without one is resolved or closed (stock tenants require one), e.g. `Other`. */
  defaultCauseCode?: string | undefined;
  /** The `Resolution` written when a transition to resolved or closed gives none (nor a comment). Default `Resolved.` */
  defaultResolution?: string | undefined;
  /**
   * The service account the API key acts for ("On Behalf Of"): its login ID or e-mail address.
   * `verifyAccess()` checks it, and it is the `Owner` of incidents the bot moves to in progress when
   * `defaultOwner` is not given.
   */
  serviceAccount?: string | undefined;
  /**
   * Let `verifyAccess()` check the write permissions by writing: it then creates an incident and a
   * service request labelled as checks, moves them through their statuses, adds an internal note
   * and a small text attachment, and closes them. Default `false`: nothing is written, and those
   * checks are reported as not checked.
   */
  verifyWrites?: boolean | undefined;
  /**
   * The change feed's overlap window in milliseconds (see `createChangeFeed`). Default: the core
   * default, 5 minutes, which covers Ivanti stamping `LastModDateTime` up to about 3 minutes late.
   */
  overlapMs?: number | undefined;
  /**
   * How far before a change becomes visible Ivanti may stamp its `LastModDateTime`, in milliseconds:
   * `changes({ since })` and `watch({ since })` read from `since` minus this, so that a change made
   * after `since` with an earlier stamp is still delivered (see `ChangeFeedOptions.latenessMs`). At
   * most `overlapMs`. Default 3 minutes (or `overlapMs`, when that is shorter).
   */
  latenessMs?: number | undefined;
  /**
   * The field of Incident and ServiceReq that keeps a create's idempotency key: a custom text field
   * (at least 255 characters) your administrator adds to both objects, e.g. `IdempotencyKey` — a
   * stock tenant has none. With it, `tickets.create(input, { idempotencyKey })` stores the key with
   * the ticket, returns the ticket that already has it, and finds a ticket whose create's answer was
   * lost (`capabilities.createIdempotency` is `atomic`). Without it, keys are not supported (`none`).
   */
  idempotencyField?: string | undefined;
  /**
   * The same for journal notes (`comments.add`): a custom text field of Journal (or its Notes
   * extension). Without it, `capabilities.commentIdempotency` is `none`.
   */
  noteIdempotencyField?: string | undefined;
  /**
   * The waits before each look-up for a record whose create's answer was lost, in milliseconds
   * (with an idempotency field). Default: the core's `DEFAULT_LOOKUP_DELAYS_MS`, about 15 seconds.
   */
  lookupDelaysMs?: readonly number[] | undefined;
  /**
   * The largest file `attachments.upload()` sends, in bytes: your tenant's attachment size limit.
   * Default `IVANTI_DEFAULT_ATTACHMENT_MAX_BYTES` (10 MiB); a larger file is an `InputError`.
   */
  attachmentMaxBytes?: number | undefined;
  /**
   * What each ticket keeps in `raw`: the record as Ivanti sent it (`'full'`, the default), or
   * nothing (`'none'`), for a program that keeps many tickets in memory: a ticket then holds only the
   * model's fields (the HTML `Symptom` and fields outside the model are gone from it; other non-empty
   * fields stay in `customFields`). Users, comments, attachments and catalog items keep their `raw` either way.
   */
  raw?: RawMode | undefined;
  /**
   * Which fields outside the model each ticket keeps in `customFields`: all of them (`'all'`, the
   * default) or the ones named (`[]`: none) — by field name, e.g. `['Category', 'Service']`.
   * With `raw: 'none'`, what keeps a ticket small when many are kept in memory.
   */
  customFields?: CustomFieldSelection | undefined;
}

/**
 * Options of {@link createIvantiConnector}: the {@link IvantiClientOptions} (tenant URL, API key,
 * transport options) or a ready `client`, plus the {@link IvantiConnectorSettings}.
 *
 * @example
 * ```ts
 * createIvantiConnector({ baseUrl: 'https://tenant.ivanticloud.com', apiKey, defaultCauseCode: 'Other', defaultCategory: 'General Support' });
 * createIvantiConnector({ client: new IvantiClient({ baseUrl, apiKey }), serviceAccount: 'svc-helpdesk-bot' });
 * ```
 *
 * @category Connector
 */
export type IvantiConnectorOptions = IvantiConnectorSettings & (IvantiClientOptions | { client: IvantiClient });

/** The connector's settings, checked. */
export interface ResolvedConnectorOptions {
  /** The native client. */
  client: IvantiClient;
  /** The default kind of new tickets. */
  type: TicketKind;
  /** Status overrides. */
  statusMap: Record<string, StatusCategory>;
  /** The statuses transitions move to. */
  targets: Readonly<Record<TicketKind, StatusTargets>>;
  /** Fields of new tickets, per kind. */
  defaults: IvantiConnectorDefaults;
  /** The team of new tickets. */
  defaultTeam: string | undefined;
  /** The category for `Active`. */
  defaultCategory: string | undefined;
  /** The owner for `Active`. */
  defaultOwner: string | undefined;
  /** The cause code for `Resolved` and `Closed`. */
  defaultCauseCode: string | undefined;
  /** The resolution text. */
  defaultResolution: string | undefined;
  /** The service account, when given. */
  serviceAccount: string | undefined;
  /** Whether `verifyAccess()` may write. */
  verifyWrites: boolean;
  /** The change feed's overlap, when given. */
  overlapMs: number | undefined;
  /** How early Ivanti may stamp a change, for a feed started with `since`. */
  latenessMs: number;
  /** The field of incidents and service requests that keeps idempotency keys, when given. */
  idempotencyField: string | undefined;
  /** The field of journal notes that keeps idempotency keys, when given. */
  noteIdempotencyField: string | undefined;
  /** The waits of the look-ups after a lost answer, when given. */
  lookupDelaysMs: readonly number[] | undefined;
  /** The largest attachment. */
  attachmentMaxBytes: number;
  /** What tickets keep in `raw`. */
  raw: RawMode;
  /** Which fields tickets keep in `customFields`. */
  customFields: CustomFieldSelection;
}

/**
 * How early Ivanti stamps `LastModDateTime` at most, by default: 3 minutes (measured 1 to 3).
 *
 * @category Connector
 */
export const DEFAULT_LATENESS_MS = 3 * 60_000;

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.date()]);
const fields = z.record(z.string().check(z.regex(NAME_PATTERN, 'must be a field name')), fieldValue);
const targets = z.strictObject({
  open: z.optional(text),
  in_progress: z.optional(text),
  waiting_for_user: z.optional(text),
  resolved: z.optional(text),
  closed: z.optional(text),
});

const SettingsSchema = z.strictObject({
  type: z.optional(z.enum(['incident', 'service_request'])),
  statusMap: z.optional(z.record(text, StatusCategorySchema)),
  statusTargets: z.optional(z.strictObject({ incident: z.optional(targets), serviceRequest: z.optional(targets) })),
  defaults: z.optional(z.strictObject({ incident: z.optional(fields), serviceRequest: z.optional(fields) })),
  defaultTeam: z.optional(text),
  defaultCategory: z.optional(text),
  defaultOwner: z.optional(text),
  defaultCauseCode: z.optional(text),
  defaultResolution: z.optional(text),
  serviceAccount: z.optional(text),
  verifyWrites: z.optional(z.boolean()),
  overlapMs: z.optional(z.int().check(z.nonnegative())),
  latenessMs: z.optional(z.int().check(z.nonnegative())),
  idempotencyField: z.optional(z.string().check(z.regex(NAME_PATTERN, 'must be a field name (letters, digits and _, starting with a letter)'))),
  noteIdempotencyField: z.optional(z.string().check(z.regex(NAME_PATTERN, 'must be a field name (letters, digits and _, starting with a letter)'))),
  lookupDelaysMs: z.optional(LookupDelaysSchema),
  attachmentMaxBytes: z.optional(z.int().check(z.positive())),
  raw: z.optional(RawModeSchema),
  customFields: z.optional(CustomFieldSelectionSchema),
});

/**
 * Checks the connector's options and builds the client.
 *
 * @param options - What the caller gave.
 * @throws InputError naming the first bad option, before any request.
 */
export function resolveConnectorOptions(options: IvantiConnectorOptions): ResolvedConnectorOptions {
  const { client, settings } = resolveProviderConnectorOptions(options, {
    provider: IVANTI,
    settings: SettingsSchema,
    clientOptionKeys: CLIENT_OPTION_KEYS,
    clientName: 'IvantiClient',
    isClient: (value): value is IvantiClient => value instanceof IvantiClient,
    createClient: (clientOptions) => new IvantiClient(clientOptions as unknown as IvantiClientOptions),
  });
  const overrides = settings.statusTargets ?? {};
  return {
    client,
    type: settings.type ?? 'incident',
    statusMap: settings.statusMap ?? {},
    targets: {
      incident: { ...DEFAULT_TARGETS.incident, ...definedOnly(overrides.incident) },
      service_request: { ...DEFAULT_TARGETS.service_request, ...definedOnly(overrides.serviceRequest) },
    },
    defaults: settings.defaults ?? {},
    defaultTeam: settings.defaultTeam,
    defaultCategory: settings.defaultCategory,
    defaultOwner: settings.defaultOwner,
    defaultCauseCode: settings.defaultCauseCode,
    defaultResolution: settings.defaultResolution,
    serviceAccount: settings.serviceAccount,
    verifyWrites: settings.verifyWrites ?? false,
    overlapMs: settings.overlapMs,
    latenessMs: settings.latenessMs ?? Math.min(DEFAULT_LATENESS_MS, settings.overlapMs ?? DEFAULT_OVERLAP_MS),
    idempotencyField: settings.idempotencyField,
    noteIdempotencyField: settings.noteIdempotencyField,
    lookupDelaysMs: settings.lookupDelaysMs,
    attachmentMaxBytes: settings.attachmentMaxBytes ?? IVANTI_DEFAULT_ATTACHMENT_MAX_BYTES,
    raw: settings.raw ?? 'full',
    customFields: settings.customFields ?? 'all',
  };
}

function definedOnly(value: Record<string, string | undefined> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(value ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
