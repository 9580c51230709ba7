/**
 * The options of {@link createJiraConnector}, and their validation.
 *
 * @module
 */
import { StatusCategorySchema, TicketTypeSchema, type StatusCategory, type TicketType } from '@itsm/core';
import { LookupDelaysSchema, CustomFieldSelectionSchema, RawModeSchema, resolveConnectorOptions as resolveProviderConnectorOptions, type CustomFieldSelection, type RawMode } from '@itsm/core/provider';
import * as z from 'zod/mini';
import { JiraCloudClient } from '../client.js';
import { CLIENT_OPTION_KEYS, type JiraCloudClientOptions } from '../options.js';
import { JIRA_CLOUD, kit } from '../provider.js';

/**
 * What the connector adds to the client's options: the project it works in, and how it maps Jira's
 * statuses and issue types to the shared model.
 *
 * @category Connector
 */
export interface JiraConnectorSettings {
  /** The key of the project tickets live in, e.g. `HELP` (case-sensitive, as Jira shows it). */
  projectKey: string;
  /**
   * The service desk id of the project (Jira Service Management). With `requestTypeId`, tickets are
   * created as customer requests raised on behalf of the requester, `findByEmail` also searches the
   * desk's customers, and `catalog.list()` serves the desk's request types. Without it tickets are
   * platform issues and the catalog is unsupported.
   */
  serviceDeskId?: string | undefined;
  /** The request type new requests get (needs `serviceDeskId`), e.g. the id of "Get IT help". */
  requestTypeId?: string | undefined;
  /**
   * The issue type of new platform issues when the input gives no `type`, by name or id. Default:
   * `Task` when the project has it, else the project's first standard issue type. (A JSM request's
   * issue type is its request type's.)
   */
  issueType?: string | undefined;
  /**
   * Status overrides, keyed by status id (`'10002'`) or name (case-insensitive): they win over the
   * defaults (see `DEFAULT_JIRA_STATUS_NAMES`).
   *
   * @example
   * ```ts
   * statusMap: { 'Waiting for approval': 'waiting_for_user', 'Done': 'closed' }
   * ```
   */
  statusMap?: Record<string, StatusCategory> | undefined;
  /**
   * Issue type overrides, keyed by issue type id or name (case-insensitive), e.g. `{ Bug: 'incident' }`.
   * They also decide which issue type `create({ type })` uses.
   */
  typeMap?: Record<string, TicketType> | undefined;
  /** The resolution set when a transition's screen asks for one, by name. Default `Done`. */
  resolution?: string | undefined;
  /**
   * The change feed's overlap window in milliseconds (see `createChangeFeed`). Default: the core
   * default, 5 minutes (Jira's search index lags by seconds; JQL dates are minute-precise).
   */
  overlapMs?: number | undefined;
  /**
   * The waits, in milliseconds, before each look-up of a ticket or comment whose create's answer was
   * lost (see `idempotentWrite`). Default `DEFAULT_LOOKUP_DELAYS_MS`: six look-ups over about 15
   * seconds, which covers the seconds Jira's search index takes to show a new issue.
   */
  lookupDelaysMs?: readonly number[] | undefined;
  /**
   * What each ticket keeps in `raw`: the issue as Jira sent it (`'full'`, the default), or nothing
   * (`'none'`), for a program that keeps many tickets in memory: a ticket then holds only the
   * model's fields (ADF and fields outside the model are gone; custom fields stay in `customFields`).
   * Users, comments, attachments and catalog items keep their `raw` either way.
   */
  raw?: RawMode | undefined;
  /**
   * Which fields outside the model each ticket keeps in `customFields`: all of them (`'all'`, the
   * default) or the ones named (`[]`: none) — by field id, e.g. `['customfield_10020']`.
   * With `raw: 'none'`, what keeps a ticket small when many are kept in memory.
   */
  customFields?: CustomFieldSelection | undefined;
}

/**
 * Options of {@link createJiraConnector}: the {@link JiraCloudClientOptions} (site or cloud id,
 * email, API token, transport options) or a ready `client`, plus the {@link JiraConnectorSettings}.
 *
 * @example
 * ```ts
 * createJiraConnector({ baseUrl: 'https://acme.atlassian.net', email, apiToken, projectKey: 'HELP', serviceDeskId: '1', requestTypeId: '1' });
 * createJiraConnector({ client: new JiraCloudClient({ cloudId, email, apiToken }), projectKey: 'HELP' });
 * ```
 *
 * @category Connector
 */
export type JiraConnectorOptions = JiraConnectorSettings & (JiraCloudClientOptions | { client: JiraCloudClient });

/** The options, checked, with the client built. */
export interface ResolvedConnectorOptions {
  /** The native client. */
  client: JiraCloudClient;
  /** The project key. */
  projectKey: string;
  /** The service desk id, when configured. */
  serviceDeskId: string | undefined;
  /** The request type id, when configured. */
  requestTypeId: string | undefined;
  /** The configured issue type for platform issues. */
  issueType: string | undefined;
  /** Status overrides. */
  statusMap: Record<string, StatusCategory>;
  /** Issue type overrides. */
  typeMap: Record<string, TicketType>;
  /** The resolution name to set. */
  resolution: string;
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
const id = z.pipe(
  z.pipe(z.union([z.string(), z.int().check(z.nonnegative())]), z.transform(String)),
  z.string().check(z.trim(), z.regex(/^\d+$/, 'must be a numeric id such as "1"')),
);

const SettingsSchema = z.strictObject({
  projectKey: text.check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a project key such as "HELP"')),
  serviceDeskId: z.optional(id),
  requestTypeId: z.optional(id),
  issueType: z.optional(text),
  statusMap: z.optional(z.record(text, StatusCategorySchema)),
  typeMap: z.optional(z.record(text, TicketTypeSchema)),
  resolution: z.optional(text),
  overlapMs: z.optional(z.int().check(z.nonnegative(), z.lte(24 * 60 * 60_000, 'must be at most one day (86,400,000 ms)'))),
  lookupDelaysMs: z.optional(LookupDelaysSchema),
  raw: z.optional(RawModeSchema),
  customFields: z.optional(CustomFieldSelectionSchema),
});

/**
 * Checks the connector's options and builds the client.
 *
 * @param options - What the caller gave.
 * @throws InputError naming the first bad option (`projectKey`, `requestTypeId`, an unknown key, a client option), before any request.
 */
export function resolveConnectorOptions(options: JiraConnectorOptions): ResolvedConnectorOptions {
  const { client, settings } = resolveProviderConnectorOptions(options, {
    provider: JIRA_CLOUD,
    settings: SettingsSchema,
    clientOptionKeys: CLIENT_OPTION_KEYS,
    clientName: 'JiraCloudClient',
    isClient: (value): value is JiraCloudClient => value instanceof JiraCloudClient,
    createClient: (clientOptions) => new JiraCloudClient(clientOptions as unknown as JiraCloudClientOptions),
  });
  if (settings.requestTypeId !== undefined && settings.serviceDeskId === undefined) {
    kit.fail('serviceDeskId', 'is required with requestTypeId: request types belong to a service desk');
  }
  return {
    client,
    projectKey: settings.projectKey,
    serviceDeskId: settings.serviceDeskId,
    requestTypeId: settings.requestTypeId,
    issueType: settings.issueType,
    statusMap: settings.statusMap ?? {},
    typeMap: settings.typeMap ?? {},
    resolution: settings.resolution ?? 'Done',
    overlapMs: settings.overlapMs,
    lookupDelaysMs: settings.lookupDelaysMs,
    raw: settings.raw ?? 'full',
    customFields: settings.customFields ?? 'all',
  };
}
