/**
 * {@link BusinessObjectResource}: any Ivanti business object through the OData API
 * (`/api/odata/businessobject/{set}`): get by RecId, list with `$filter`/`$select`/`$orderby`/
 * `$search` as a paginator, create, update, delete, related records, link and unlink, quick actions,
 * and the object's `$metadata`.
 *
 * @module
 */
import { Paginator, type Transport } from '@itsm/core';
import { ApiResource, offsetPaginator, type CallOptions } from '@itsm/core/provider';
import * as z from 'zod/mini';
import { ClosedRecordError } from '../error-classes.js';
import { collectionSchema, type ODataPage } from '../odata/collection.js';
import { ODataFilter } from '../odata/filter.js';
import { checkName, checkRecId, NAME_PATTERN } from '../odata/names.js';
import { parseFilter } from '../odata/parse.js';
import { IVANTI, kit } from '../provider.js';
import { BusinessObjectRecordSchema, IsmResultSchema, type BusinessObjectRecord, type IsmResult } from '../schemas/common.js';
import { fieldBody, type FieldValues } from './fields.js';

/**
 * The most records Ivanti returns per request (`$top`); 101 is a 400.
 *
 * @category Resources
 */
export const MAX_PAGE_SIZE = 100;

/**
 * The order used when a list names none: by RecId, which never changes, so paging does not shift when records are updated.
 *
 * @category Resources
 */
export const DEFAULT_ORDER_BY: readonly string[] = Object.freeze(['RecId asc']);

/**
 * Options of {@link BusinessObjectResource.get}.
 *
 * @category Resources
 */
export interface GetRecordOptions extends CallOptions {
  /**
   * The fields to return. Ivanti answers a single-record `$select` with no fields at all, so the
   * record is read whole and the fields are picked here (`RecId` is always kept).
   */
  select?: readonly string[] | undefined;
}

/**
 * Options of {@link BusinessObjectResource.list}.
 *
 * @category Resources
 */
export interface ListRecordsOptions extends CallOptions {
  /** Which records: an `odata` filter, or filter text (checked by `odata.parse()`). */
  filter?: ODataFilter | string | undefined;
  /** The fields to return (`$select`); `RecId` is always added. Lists of whole records are large: an incident has ~180 fields. */
  select?: readonly string[] | undefined;
  /**
   * The order (`$orderby`): `'LastModDateTime desc'` or several clauses. Each is a field name with
   * `asc` or `desc`; checked here, since Ivanti answers a misspelt one with a 204 that looks like
   * "no rows". Default {@link DEFAULT_ORDER_BY}.
   */
  orderBy?: string | readonly string[] | undefined;
  /** Keyword search (`$search`): words match the start of words of the indexed text. */
  search?: string | undefined;
  /** Records per request (`$top`), 1 to 100. Default 100. */
  pageSize?: number | undefined;
  /** Records to skip before the first (`$skip` of the first page), e.g. to resume at an offset. Default 0. */
  skip?: number | undefined;
  /** Ask for `@odata.count` (`$count=true`); it arrives in each page's envelope, as a hint only. */
  count?: boolean | undefined;
}

/**
 * Options of {@link BusinessObjectResource.update}.
 *
 * @category Resources
 */
export interface UpdateRecordOptions extends CallOptions {
  /**
   * Write even when the record is closed (`ReadOnly`). Ivanti would store it, although a closed
   * record is final; by default the SDK reads the record first and refuses with a
   * {@link ClosedRecordError}.
   */
  allowClosed?: boolean | undefined;
  /** `PATCH` (default) or `PUT`: Ivanti takes the same partial body for both. */
  method?: 'PATCH' | 'PUT' | undefined;
}

/**
 * Options of {@link BusinessObjectResource.related}.
 *
 * @category Resources
 */
export interface RelatedRecordsOptions extends CallOptions {
  /** Records per request, 1 to 100. Default 100. */
  pageSize?: number | undefined;
}

/**
 * A prompt value a quick action carries (`PromptParams`).
 *
 * @category Resources
 */
export interface QuickActionPrompt {
  /** The prompted field, e.g. `CauseCode`. */
  fieldName: string;
  /** The value. */
  value: string;
  /** The prompt's label, when the action's definition has one. */
  label?: string | undefined;
  /** The validation list of a list prompt, e.g. `Incident Cause Code`. */
  validList?: string | undefined;
  /** The prompt's type, e.g. `list` or `text`. */
  fieldType?: string | undefined;
  /** Whether the prompt is required. */
  required?: boolean | undefined;
}

/**
 * What a quick action needs.
 *
 * @category Resources
 */
export interface QuickActionInput {
  /** The action's id, a GUID from the object's `$metadata` (`Action` elements); per tenant and role. */
  actionId: string;
  /**
   * The object's type in Ivanti's notation: `Incident#`, `ServiceReq#`, `Task#Assignment`. Known for
   * incidents, service requests, changes and problems; required for other objects.
   */
  objectType?: string | undefined;
  /** Whether the action saves the record. Default `true`. */
  shouldSave?: boolean | undefined;
  /** The values the action's prompts ask for. */
  prompts?: readonly QuickActionPrompt[] | undefined;
}

/**
 * The answer of a quick action, as Ivanti sent it.
 *
 * @category Resources
 */
export const QuickActionResultSchema = z.union([z.undefined(), z.looseObject({})]);
/**
 * @see {@link QuickActionResultSchema}
 *
 * @category Resources
 */
export type QuickActionResult = z.infer<typeof QuickActionResultSchema>;

/** The object types of quick actions, by entity set. */
const OBJECT_TYPES: Readonly<Record<string, string>> = {
  incidents: 'Incident#',
  servicereqs: 'ServiceReq#',
  changes: 'Change#',
  problems: 'Problem#',
};

const ORDER_CLAUSE = /^([A-Za-z][A-Za-z0-9_]*)(?:\s+(asc|desc))?$/i;

const GUID = /^[0-9A-Fa-f]{8}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{4}-?[0-9A-Fa-f]{12}$/;

/**
 * One business object of the OData API. Get one from `client.businessObject('changes')`, or use the
 * typed shortcuts (`client.incidents`, `client.serviceRequests`, `client.employees`,
 * `client.journalNotes`, `client.attachments`, `client.requestOfferings`).
 *
 * - A missing record is Ivanti's 400 "Invalid key", thrown as a `NotFoundError`.
 * - Lists page with `$top` (at most 100) and `$skip` until a short page; the three "no rows"
 *   answers are an empty page; `@odata.count` is handed out in each page's envelope, never trusted.
 * - An update of a closed (`ReadOnly`) record is refused before it is sent (Ivanti would store it).
 *
 * @example
 * ```ts
 * const changes = ivanti.businessObject('changes');
 * for await (const change of changes.list({ filter: odata.eq('Status', 'Scheduled'), select: ['Subject'] }).take(10)) {
 *   console.log(change.RecId, change.Subject);
 * }
 * ```
 *
 * @category Resources
 */
export class BusinessObjectResource<T extends BusinessObjectRecord = BusinessObjectRecord> extends ApiResource {
  /** The entity set, e.g. `incidents` (the business object's name plus `s`). */
  readonly entitySet: string;
  /** The schema of one record. */
  protected readonly schema: z.core.$ZodType<T, unknown>;
  readonly #page: z.core.$ZodType<ODataPage<T>, unknown>;

  /**
   * Made by {@link IvantiClient}; use `client.businessObject(set)`.
   *
   * @param http - The client's transport.
   * @param entitySet - The entity set: the business object's name plus `s` (`incidents`, `journal__notess`).
   * @param schema - The schema of one record. Default: any record with a `RecId`.
   * @internal
   */
  constructor(http: Transport, entitySet: string, schema?: z.core.$ZodType<T, unknown>) {
    super(http, { numbers: false });
    this.entitySet = checkName(entitySet, 'entitySet');
    this.schema = schema ?? (BusinessObjectRecordSchema as unknown as z.ZodMiniType<T, unknown>);
    this.#page = collectionSchema(this.schema);
  }

  /** The path of the entity set. */
  protected get setPath(): string {
    return `/api/odata/businessobject/${this.entitySet}`;
  }

  /**
   * The path of one record, its RecId checked first (it lands inside OData's `('…')`).
   *
   * @param recId - The RecId.
   * @param field - The argument's name, for the error.
   */
  protected recordPath(recId: string, field = 'recId'): string {
    return `${this.setPath}('${checkRecId(recId, field)}')`;
  }

  /**
   * A record by RecId.
   *
   * @param recId - The record's RecId.
   * @param options - `select`, call options.
   * @throws `NotFoundError` when there is no such record (Ivanti's 400 "Invalid key").
   * @example
   * ```ts
   * const incident = await ivanti.incidents.get('085867F47547496783005D95CB82D557', { select: ['Status', 'Subject'] });
   * ```
   */
  async get(recId: string, options: GetRecordOptions = {}): Promise<T> {
    const { select, ...call } = options;
    const fields = selectList(select, 'select');
    const record = await this.send('GET', this.recordPath(recId), { schema: this.schema }, call);
    if (fields === undefined) return record;
    const wanted = new Set(fields.map((name) => name.toLowerCase()));
    return Object.fromEntries(Object.entries(record).filter(([name]) => name === 'RecId' || wanted.has(name.toLowerCase()))) as T;
  }

  /**
   * Records page by page. Pages are asked for with `$top`/`$skip` in a fixed order (by RecId unless
   * `orderBy` says otherwise), so records updated meanwhile do not shift the pages; the list ends
   * at the first short page.
   *
   * @param options - `filter`, `select`, `orderBy`, `search`, `pageSize`, `count`, call options.
   * @throws `InputError` at once for a bad option (a filter Ivanti would ignore, a page size over 100, ...).
   * @example
   * ```ts
   * const recent = ivanti.incidents.list({
   *   filter: odata.and(odata.eq('Status', 'Active'), odata.ge('LastModDateTime', new Date('2026-01-01T00:00:00Z'))),
   *   select: ['IncidentNumber', 'Subject', 'Status'],
   *   orderBy: 'LastModDateTime desc',
   * });
   * for await (const incident of recent.take(50)) console.log(incident.IncidentNumber, incident.Subject);
   * ```
   */
  list(options: ListRecordsOptions = {}): Paginator<T, ODataPage<T>> {
    const { filter, select, orderBy, search, pageSize, skip, count, ...rest } = options;
    const call = this.callOptions(rest);
    const size = this.kit.pageSize(pageSize, MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    const query = {
      $filter: filterText(filter),
      $select: this.kit.commaList(withRecId(selectList(select, 'select')), 'select'),
      $orderby: orderByText(orderBy),
      $search: searchText(search),
      ...(count === true ? { $count: 'true' } : {}),
    };
    if (count !== undefined && typeof count !== 'boolean') this.kit.fail('count', 'must be true or false');
    if (skip !== undefined && !(Number.isSafeInteger(skip) && skip >= 0)) this.kit.fail('skip', 'must be a non-negative integer');
    return this.pages(this.setPath, query, size, call, undefined, skip ?? 0);
  }

  /**
   * A paginator over a collection path, with the end rules of Ivanti's collections.
   *
   * @param path - The collection's path.
   * @param query - Query parameters besides `$top` and `$skip`.
   * @param size - Records per request.
   * @param call - The caller's call options.
   * @param page - The schema of a page; default: the records of this object.
   * @param skip - Records to skip before the first page.
   * @internal
   */
  protected pages<R>(path: string, query: Record<string, string | undefined>, size: number, call: CallOptions, page?: z.core.$ZodType<ODataPage<R>, unknown>, skip = 0): Paginator<R, ODataPage<R>> {
    const schema = page ?? (this.#page as unknown as z.ZodMiniType<ODataPage<R>, unknown>);
    return offsetPaginator(async (offset, signal) => {
      const start = offset + skip;
      const body = await this.send('GET', path, { query: { ...query, $top: String(size), $skip: String(start) }, schema, signal }, call);
      // A page larger than asked means Ivanti ignored $top here: it is the whole list.
      return { items: body.value, start: offset, envelope: body, ...(body.value.length > size ? { isLast: true } : {}) };
    }, { pageSize: size, end: 'short-page' });
  }

  /**
   * Creates a record. Not retried (a create must not run twice).
   *
   * @param fields - Field values by field name. For a link, write `X_RecID` and `X_Category`
   *   (`ProfileLink_RecID`, `ProfileLink_Category: 'Employee'`).
   * @param options - Call options.
   * @returns The record as Ivanti stored it (with its `RecId` and number).
   * @throws `ValidationError` naming the required fields Ivanti wants ("Required field Incident.Description …" means `Symptom`).
   * @example
   * ```ts
   * const incident = await ivanti.incidents.create({
   *   Subject: 'VPN drops every hour', Symptom: 'Since Monday.', ProfileLink_RecID: employee.RecId, ProfileLink_Category: 'Employee',
   * });
   * ```
   */
  async create(fields: FieldValues, options?: CallOptions): Promise<T> {
    return this.send('POST', this.setPath, { json: fieldBody(fields, 'fields'), schema: this.schema }, options);
  }

  /**
   * Changes the fields given. The record is read first, and a closed (`ReadOnly`) one is refused
   * with a {@link ClosedRecordError} unless `allowClosed` is set.
   *
   * @param recId - The record's RecId.
   * @param fields - Field values by field name.
   * @param options - `allowClosed`, `method`, call options.
   * @returns The record as Ivanti stored it.
   * @throws `NotFoundError` when there is no such record; `PromptRequiredError` for a status change Ivanti gates behind a prompt.
   */
  async update(recId: string, fields: FieldValues, options: UpdateRecordOptions = {}): Promise<T> {
    const { allowClosed, method = 'PATCH', ...call } = options;
    const path = this.recordPath(recId);
    const body = fieldBody(fields, 'fields');
    if (method !== 'PATCH' && method !== 'PUT') this.kit.fail('method', 'must be "PATCH" or "PUT"');
    if (allowClosed !== undefined && typeof allowClosed !== 'boolean') this.kit.fail('allowClosed', 'must be true or false');
    this.callOptions(call);
    if (allowClosed !== true) await this.refuseClosed(recId, call);
    return this.send(method, path, { json: body, schema: this.schema }, call);
  }

  /**
   * Throws a {@link ClosedRecordError} when the record is closed (`ReadOnly`, or `Status: Closed`).
   *
   * @param recId - The record's RecId.
   * @param call - Call options.
   * @internal
   */
  protected async refuseClosed(recId: string, call: CallOptions): Promise<void> {
    const current = await this.send('GET', this.recordPath(recId), { schema: BusinessObjectRecordSchema }, call);
    const status = typeof current.Status === 'string' ? current.Status : undefined;
    if (current.ReadOnly === true || status?.toLowerCase() === 'closed') {
      throw new ClosedRecordError(
        `${this.entitySet}('${current.RecId}') is ${status ?? 'read-only'}: Ivanti treats it as final, yet would store this write, so the SDK refuses it (pass allowClosed: true to write anyway)`,
        { provider: IVANTI, businessObject: this.entitySet, recId: current.RecId, status },
      );
    }
  }

  /**
   * Deletes a record. Ivanti refuses to delete a closed one (400).
   *
   * @param recId - The record's RecId.
   * @param options - Call options.
   */
  async delete(recId: string, options?: CallOptions): Promise<void> {
    // The answer (200 or 204, with or without a body) is not read.
    await this.send('DELETE', this.recordPath(recId), { responseType: 'bytes' }, options);
  }

  /**
   * The records related to one through a relationship (`incidents('…')/IncidentContainsJournal`),
   * page by page; "No instances found." is an empty list. Relationship names are per tenant (see
   * the `NavigationProperty` elements of `metadata()`).
   *
   * @param recId - The record's RecId.
   * @param relationship - The relationship, e.g. `IncidentContainsJournal`.
   * @param options - `pageSize`, call options.
   * @example
   * ```ts
   * const journal = await ivanti.incidents.related(recId, 'IncidentContainsJournal').toArray({ limit: 200 });
   * ```
   */
  related(recId: string, relationship: string, options: RelatedRecordsOptions = {}): Paginator<BusinessObjectRecord, ODataPage<BusinessObjectRecord>> {
    const { pageSize, ...rest } = options;
    const path = `${this.recordPath(recId)}/${checkName(relationship, 'relationship')}`;
    const call = this.callOptions(rest);
    const size = this.kit.pageSize(pageSize, MAX_PAGE_SIZE, MAX_PAGE_SIZE);
    const schema = RELATED_PAGE;
    let seen = new Set<string>();
    // A relationship that ignored $skip would repeat its first page forever: records seen before are
    // dropped, and a page of nothing new ends the list.
    return new Paginator(async (cursor, { signal }) => {
      const start = cursor === undefined ? 0 : Number(cursor);
      if (start === 0) seen = new Set();
      const body = await this.send('GET', path, { query: { $top: String(size), $skip: String(start) }, schema, signal }, call);
      const fresh = body.value.filter((record) => !seen.has(record.RecId.toUpperCase()));
      for (const record of fresh) seen.add(record.RecId.toUpperCase());
      const last = body.value.length < size || body.value.length > size || fresh.length === 0;
      return { items: fresh, envelope: body, nextCursor: last ? undefined : String(start + body.value.length) };
    });
  }

  /**
   * Links a record to another through a relationship (`PATCH …/{Relationship}('{target}')/$Ref`).
   * Linking a child that has another parent moves it.
   *
   * @param recId - The record's RecId.
   * @param relationship - The relationship, e.g. `IncidentContainsJournal`.
   * @param targetRecId - The related record's RecId.
   * @param options - Call options.
   * @returns Ivanti's answer (`ISM_2000`).
   * @throws `NotFoundError` when the related record does not exist.
   */
  async link(recId: string, relationship: string, targetRecId: string, options?: CallOptions): Promise<IsmResult> {
    return this.send('PATCH', this.linkPath(recId, relationship, targetRecId), { schema: IsmResultSchema }, options);
  }

  /**
   * Removes a link (`DELETE …/{Relationship}('{target}')/$Ref`). Refused for attachment
   * relationships: unlinking an attachment empties its parent link and orphans the file (delete it
   * with `attachments.delete()` instead).
   *
   * @param recId - The record's RecId.
   * @param relationship - The relationship.
   * @param targetRecId - The related record's RecId.
   * @param options - Call options.
   */
  async unlink(recId: string, relationship: string, targetRecId: string, options?: CallOptions): Promise<IsmResult> {
    const path = this.linkPath(recId, relationship, targetRecId);
    if (/attachment/i.test(relationship)) {
      this.kit.fail('relationship', 'must not be an attachment relationship: unlinking orphans the file; delete the attachment instead');
    }
    return this.send('DELETE', path, { schema: IsmResultSchema }, options);
  }

  /**
   * The path of a link between two records.
   *
   * @param recId - The record's RecId.
   * @param relationship - The relationship.
   * @param targetRecId - The related record's RecId.
   * @internal
   */
  protected linkPath(recId: string, relationship: string, targetRecId: string): string {
    return `${this.recordPath(recId)}/${checkName(relationship, 'relationship')}('${checkRecId(targetRecId, 'targetRecId')}')/$Ref`;
  }

  /**
   * Runs a quick action on a record (`POST …('{RecId}')/{ActionName}`): what the UI's action menu
   * runs, including the prompts some status changes need (`Close_Incident` asks for a cause code).
   * Not retried. Failures Ivanti reports inside a 200 (`validationErrors`) are thrown as a
   * `ValidationError`.
   *
   * @param recId - The record's RecId.
   * @param action - The action's name, e.g. `Close_Incident`.
   * @param input - Its id, the object type, whether to save, and the prompts' values.
   * @param options - Call options.
   * @example
   * ```ts
   * await ivanti.incidents.quickAction(recId, 'Close_Incident', {
   *   actionId: '3492dbcc-e502-44fd-9790-e3e45cb26c45',
   *   prompts: [{ fieldName: 'Status', value: 'Closed' }, { fieldName: 'CauseCode', value: 'Training', fieldType: 'list', required: true }],
   * });
   * ```
   */
  async quickAction(recId: string, action: string, input: QuickActionInput, options?: CallOptions): Promise<QuickActionResult> {
    const path = `${this.recordPath(recId)}/${checkName(action, 'action')}`;
    const key = checkRecId(recId, 'recId');
    if (typeof input !== 'object' || input === null) this.kit.fail('input', 'must be { actionId, prompts?, shouldSave?, objectType? }');
    this.kit.knownKeys(input, ['actionId', 'objectType', 'shouldSave', 'prompts'], 'input');
    if (typeof input.actionId !== 'string' || !GUID.test(input.actionId)) this.kit.fail('input.actionId', "must be the action's id, a GUID (from the object's $metadata)");
    const objectType = input.objectType ?? OBJECT_TYPES[this.entitySet.toLowerCase()];
    if (typeof objectType !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*#[A-Za-z0-9_]*$/.test(objectType)) {
      this.kit.fail('input.objectType', `must be the object type in Ivanti's notation (e.g. Incident#), which the SDK does not know for ${this.entitySet}`);
    }
    if (input.shouldSave !== undefined && typeof input.shouldSave !== 'boolean') this.kit.fail('input.shouldSave', 'must be true or false');
    const prompts = (input.prompts ?? []).map((prompt, index) => promptData(prompt, index, key, objectType));
    const body = {
      ActionId: input.actionId,
      ShouldSave: input.shouldSave ?? true,
      ActionParams: { FormParams: { actionId: input.actionId, actualObjectType: objectType, objectId: key }, GridParams: null },
      PromptParams: prompts,
    };
    return this.send('POST', path, { json: body, schema: QuickActionResultSchema }, options);
  }

  /**
   * The object's metadata: a CSDL document (XML) naming its fields (`Property`), relationships
   * (`NavigationProperty`), quick actions and templates (`Action`, with their ids) and saved
   * searches (`Function`). It can be large (~325 KB for incidents).
   *
   * @param options - Call options.
   * @returns The XML text.
   */
  async metadata(options?: CallOptions): Promise<string> {
    const text = await this.send('GET', `/api/odata/${this.entitySet}/$metadata`, { headers: { accept: 'application/xml' }, responseType: 'bytes' }, options);
    return new TextDecoder().decode(text);
  }
}

const RELATED_PAGE = collectionSchema(BusinessObjectRecordSchema);

function promptData(prompt: QuickActionPrompt, index: number, recId: string, objectType: string): Record<string, unknown> {
  const field = `input.prompts.${index}`;
  if (typeof prompt !== 'object' || prompt === null) return kit.fail(field, 'must be { fieldName, value }');
  if (typeof prompt.fieldName !== 'string' || !NAME_PATTERN.test(prompt.fieldName)) return kit.fail(`${field}.fieldName`, 'must be a field name');
  if (typeof prompt.value !== 'string') return kit.fail(`${field}.value`, 'must be a string');
  return {
    __type: 'DataLayer.PromptData',
    ActionId: null,
    ActionObjectId: null,
    PromptObjectId: recId,
    ActionObjectType: objectType,
    PromptObjectType: objectType,
    FieldName: prompt.fieldName,
    Value: prompt.value,
    IsNewPrompt: true,
    ...(prompt.label === undefined ? {} : { Label: prompt.label }),
    ...(prompt.validList === undefined ? {} : { ValidList: prompt.validList }),
    ...(prompt.fieldType === undefined ? {} : { FieldType: prompt.fieldType }),
    ...(prompt.required === undefined ? {} : { Required: prompt.required }),
  };
}

/** Field names of a `select` option, checked. */
function selectList(select: readonly string[] | undefined, field: string): string[] | undefined {
  if (select === undefined) return undefined;
  if (!Array.isArray(select)) return kit.fail(field, 'must be a list of field names');
  select.forEach((name, index) => checkName(name, `${field}.${index}`));
  return select.length === 0 ? undefined : [...select];
}

function withRecId(fields: string[] | undefined): string[] | undefined {
  if (fields === undefined) return undefined;
  return fields.some((name) => name.toLowerCase() === 'recid') ? fields : ['RecId', ...fields];
}

function filterText(filter: ODataFilter | string | undefined): string | undefined {
  if (filter === undefined) return undefined;
  if (ODataFilter.isFilter(filter)) return filter.text;
  if (typeof filter === 'string') return parseFilter(filter).text;
  return kit.fail('filter', 'must be an odata filter (odata.eq(...)) or filter text');
}

function orderByText(orderBy: string | readonly string[] | undefined): string {
  if (orderBy === undefined) return DEFAULT_ORDER_BY.join(',');
  const clauses = typeof orderBy === 'string' ? orderBy.split(',') : orderBy;
  if (!Array.isArray(clauses) || clauses.length === 0) return kit.fail('orderBy', 'must name at least one field');
  return clauses
    .map((clause: unknown, index) => {
      const match = typeof clause === 'string' ? ORDER_CLAUSE.exec(clause.trim()) : null;
      if (match === null) return kit.fail(`orderBy.${index}`, 'must be a field name, optionally followed by asc or desc (e.g. "LastModDateTime desc")');
      return `${match[1]} ${(match[2] ?? 'asc').toLowerCase()}`;
    })
    .join(',');
}

function searchText(search: string | undefined): string | undefined {
  if (search === undefined) return undefined;
  if (typeof search !== 'string' || search.trim() === '') return kit.fail('search', 'must be a non-empty keyword');
  return search.trim();
}
