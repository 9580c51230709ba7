/**
 * Entities: the reads every Autotask entity has (get, query, count, its information and picklists),
 * and the writes of the generic `client.entity(name)` (create, update, delete, child collections).
 *
 * @module
 */
import { NotFoundError, Paginator, type PageFetcher } from '@itsm/core';
import { ApiResource } from '@itsm/core/provider';
import type * as z from 'zod/mini';
import type { CallOptions } from '../options.js';
import type { EntityPicklists } from '../picklists.js';
import { checkFilter } from '../query/check-filter.js';
import { MAX_RECORDS, queryFetcher, type PagingMode, type QueryBody, type QueryPageEnvelope } from '../query/pager.js';
import { planQuery } from '../query/plan.js';
import {
  EntityRecordSchema,
  itemResultSchema,
  OperationResultSchema,
  QueryCountSchema,
  queryPageSchema,
  type EntityRecord,
  type OperationResult,
} from '../schemas/common.js';
import {
  EntityInformationResultSchema,
  FieldInformationListSchema,
  UserDefinedFieldInformationListSchema,
  type EntityInformation,
  type FieldInformation,
  type UserDefinedFieldInformation,
} from '../schemas/meta.js';
import type { Filter } from '../query/filter.js';
import { ChildCollection } from './child.js';
import type { ResourceContext } from './context.js';

/** An entity or child name as Autotask spells it: letters and digits (`Tickets`, `TicketNotes`). */
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Options of `query()`.
 *
 * @category Resources
 */
export interface QueryOptions extends CallOptions {
  /**
   * The conditions, all of which must hold: one filter or a list, built with `where` or written by
   * hand. Required: Autotask has no query without a filter (`where.all()` asks for every record).
   */
  filter: Filter | readonly Filter[];
  /** The fields to return (Autotask's `IncludeFields`); `id` is always added. Default: every field. */
  includeFields?: readonly string[] | undefined;
  /** Records per page (Autotask's `MaxRecords`), 1 to 500. Default 500. */
  maxRecords?: number | undefined;
  /** How pages after the first are reached. Default `auto`; see {@link PagingMode}. */
  paging?: PagingMode | undefined;
}

/**
 * Options of `count()`.
 *
 * @category Resources
 */
export interface CountOptions extends CallOptions {
  /** The conditions, as for `query()`. */
  filter: Filter | readonly Filter[];
}

/**
 * Options of `picklists()`.
 *
 * @category Resources
 */
export interface PicklistsOptions extends CallOptions {
  /** Read them from Autotask again instead of using the ones kept. */
  refresh?: boolean | undefined;
}

/**
 * Fields of a write: any of the entity's fields, by name.
 *
 * @category Resources
 */
export type EntityFields = Record<string, unknown>;

const PAGING_MODES: readonly PagingMode[] = ['auto', 'next-page-url', 'id'];

/**
 * The reads of an entity. `client.tickets`, `client.contacts` and the other typed shortcuts extend
 * it; `client.entity(name)` adds the writes.
 *
 * @category Resources
 */
export class EntityReader<T extends { id: number }> extends ApiResource {
  /** The entity, as Autotask names it (e.g. `Tickets`). */
  readonly name: string;
  /** @internal */
  protected readonly context: ResourceContext;
  /** @internal */
  protected readonly schema: z.core.$ZodType<T>;
  /** @internal */
  protected readonly base: string;

  /**
   * Made by `AutotaskClient`; use `client.entity(name)` or a typed shortcut.
   *
   * @param context - The client's transport and helpers.
   * @param name - The entity (`Tickets`, `Companies`, ...).
   * @param schema - The schema of one record.
   * @internal
   */
  constructor(context: ResourceContext, name: string, schema: z.core.$ZodType<T>) {
    super(context.http);
    if (typeof name !== 'string' || !ENTITY_NAME.test(name)) this.kit.fail('name', 'must be an Autotask entity name such as Tickets or Companies');
    this.context = context;
    this.name = name;
    this.schema = schema;
    this.base = `/${name}`;
  }

  /**
   * Reads one record by id.
   *
   * @param id - The record's id.
   * @param options - Call options.
   * @throws `NotFoundError` when Autotask has no such record (it answers `{"item": null}`), or the API
   *   user's security level does not let it see it.
   */
  async get(id: number, options?: CallOptions): Promise<T> {
    const path = `${this.base}/${this.kit.segment(this.id(id, 'id'), 'id')}`;
    const { item } = await this.send('GET', path, { schema: itemResultSchema(this.schema) }, options);
    if (item === null || item === undefined) throw await this.notFound(path, `${this.name} has no record ${id}`);
    return item as T;
  }

  /**
   * Every record that matches a filter, page after page to the real end (see {@link PagingMode});
   * a long top-level `in` list is split into several queries whose results are disjoint. Queries are
   * read-only POSTs: retried on transient failures. Input is checked before this returns.
   *
   * @param options - Filter, fields, page size, paging mode and call options.
   * @throws `InputError` (at once) for a bad filter or option.
   * @example
   * ```ts
   * for await (const contact of autotask.contacts.query({ filter: where.eq('companyID', 174), includeFields: ['firstName', 'emailAddress'] })) {
   *   console.log(contact.id, contact.emailAddress);
   * }
   * ```
   */
  query(options: QueryOptions): Paginator<T, QueryPageEnvelope> {
    return new Paginator<T, QueryPageEnvelope>(this.queryFetcher(options));
  }

  /**
   * The page fetcher of a query (for lists made of several queries), its input checked now.
   *
   * @param options - As for `query()`.
   * @internal
   */
  queryFetcher(options: QueryOptions): PageFetcher<T, QueryPageEnvelope> {
    if (typeof options !== 'object' || options === null) this.kit.fail('options', 'must be an object with a filter');
    const { filter, includeFields, maxRecords, paging = 'auto', ...rest } = options;
    const call = this.callOptions(rest);
    const plan = planQuery(checkFilter(filter));
    if (maxRecords !== undefined && (!Number.isSafeInteger(maxRecords) || maxRecords < 1 || maxRecords > MAX_RECORDS)) {
      this.kit.fail('maxRecords', `must be an integer from 1 to ${MAX_RECORDS}`);
    }
    if (!PAGING_MODES.includes(paging)) this.kit.fail('paging', `must be one of ${PAGING_MODES.join(', ')}`);
    const fields = this.includeFields(includeFields);
    const schema = queryPageSchema(this.schema);
    return queryFetcher<T>({
      path: `${this.base}/query`,
      plan,
      includeFields: fields,
      maxRecords,
      paging,
      origin: () => this.context.origin(),
      send: async (target: string, body: QueryBody, signal: AbortSignal) => {
        const page = await this.send('POST', target, { json: body, schema, signal }, call);
        return { items: page.items as T[], pageDetails: page.pageDetails };
      },
    });
  }

  /**
   * How many records match a filter (`query/count`; one count per query of a split `in` list, added up).
   *
   * @param options - The filter and call options.
   */
  async count(options: CountOptions): Promise<number> {
    if (typeof options !== 'object' || options === null) this.kit.fail('options', 'must be an object with a filter');
    const { filter, ...call } = options;
    this.callOptions(call);
    const plan = planQuery(checkFilter(filter));
    let total = 0;
    for (const part of plan.filters) {
      const { queryCount } = await this.send('POST', `${this.base}/query/count`, { json: { filter: part }, schema: QueryCountSchema }, call);
      total += queryCount;
    }
    return total;
  }

  /**
   * What the entity allows (`canCreate`, `canQuery`, ...), from `entityInformation`.
   *
   * @param options - Call options.
   */
  async info(options?: CallOptions): Promise<EntityInformation> {
    return (await this.send('GET', `${this.base}/entityInformation`, { schema: EntityInformationResultSchema }, options)).info;
  }

  /**
   * Every field of the entity, with types, flags and picklists, from `entityInformation/fields`.
   *
   * @param options - Call options.
   */
  async fields(options?: CallOptions): Promise<FieldInformation[]> {
    return (await this.send('GET', `${this.base}/entityInformation/fields`, { schema: FieldInformationListSchema }, options)).fields;
  }

  /**
   * The entity's user-defined fields, from `entityInformation/userDefinedFields`.
   *
   * @param options - Call options.
   */
  async userDefinedFields(options?: CallOptions): Promise<UserDefinedFieldInformation[]> {
    return (await this.send('GET', `${this.base}/entityInformation/userDefinedFields`, { schema: UserDefinedFieldInformationListSchema }, options)).fields;
  }

  /**
   * The entity's picklists, read once and kept (shared with `client.picklists(name)`).
   *
   * @param options - `refresh` to read them again, call options.
   */
  async picklists(options: PicklistsOptions = {}): Promise<EntityPicklists> {
    return this.context.picklists(this.name, options);
  }

  /**
   * A checked id.
   *
   * @internal
   */
  protected id(value: unknown, field: string): number {
    if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return this.kit.fail(field, 'must be a numeric Autotask id');
    return value;
  }

  /**
   * The fields of a write, checked: an object of field values by name.
   *
   * @internal
   */
  protected writeFields(fields: unknown, field: string): EntityFields {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) this.kit.fail(field, 'must be an object of field values by name');
    return fields as EntityFields;
  }

  /**
   * Creates a record: `POST {path}` with the fields.
   *
   * @internal
   */
  protected async createAt(path: string, fields: unknown, options: CallOptions | undefined): Promise<OperationResult> {
    const body = this.writeFields(fields, 'fields');
    return this.send('POST', path, { json: body, schema: OperationResultSchema }, options);
  }

  /**
   * Updates the fields given: `PATCH {path}` with the id in the body.
   *
   * @internal
   */
  protected async updateAt(path: string, id: number, fields: unknown, options: CallOptions | undefined): Promise<OperationResult> {
    const recordId = this.id(id, 'id');
    const body = this.writeFields(fields, 'fields');
    if (body.id !== undefined && Number(body.id) !== recordId) this.kit.fail('fields.id', `must be left out, or be the id updated (${recordId})`);
    return this.send('PATCH', path, { json: { ...body, id: recordId }, schema: OperationResultSchema }, options);
  }

  /**
   * Deletes a record: `DELETE {path}`.
   *
   * @internal
   */
  protected async deleteAt(path: string, options: CallOptions | undefined): Promise<OperationResult> {
    return this.send('DELETE', path, { schema: OperationResultSchema }, options);
  }

  /**
   * A child collection of a record of this entity, or of `parentEntity` (notes and attachments live
   * under `Tickets`, contacts under `Companies`).
   *
   * @internal
   */
  protected childOf<C extends { id: number }>(parentId: number, child: string, schema: z.core.$ZodType<C>, parentEntity = this.name): ChildCollection<C> {
    if (typeof child !== 'string' || !ENTITY_NAME.test(child)) this.kit.fail('child', 'must be a child collection name such as Notes or Contacts');
    const parent = this.kit.segment(this.id(parentId, 'parentId'), 'parentId');
    return new ChildCollection<C>(this.context, `/${parentEntity}/${parent}/${child}`, schema);
  }

  /**
   * A `NotFoundError` for a read that found nothing.
   *
   * @internal
   */
  protected async notFound(path: string, message: string): Promise<NotFoundError> {
    const text = `${message}: Autotask answered {"item": null} (no such record, or the API user's security level cannot see it)`;
    const base = await this.http.resolveBaseUrl().catch(() => '');
    return new NotFoundError(text, { provider: this.kit.provider, status: 200, method: 'GET', url: `${base}${path}`, messages: [text], outcome: 'not_applied' });
  }

  #includeFieldsChecked(includeFields: readonly string[]): string[] {
    if (!Array.isArray(includeFields) || includeFields.some((field) => typeof field !== 'string' || !/^[A-Za-z_][A-Za-z0-9_ ]*$/.test(field))) {
      this.kit.fail('includeFields', 'must be a list of field names');
    }
    return includeFields.some((field) => field.toLowerCase() === 'id') ? [...includeFields] : ['id', ...includeFields];
  }

  /**
   * The `includeFields` of a query, `id` added (paging and de-duplication need it).
   *
   * @internal
   */
  protected includeFields(includeFields: readonly string[] | undefined): string[] | undefined {
    return includeFields === undefined ? undefined : this.#includeFieldsChecked(includeFields);
  }
}

/**
 * Any entity, by name: `client.entity('Companies')`. The reads of {@link EntityReader}, plus the
 * writes — whether Autotask allows them for this entity is Autotask's to say (`info()` tells).
 *
 * @example
 * ```ts
 * const locations = autotask.entity('CompanyLocations');
 * const { itemId } = await autotask.entity('Companies').create({ companyName: 'Acme', companyType: 1, ownerResourceID: 4 });
 * await autotask.entity('Companies').child(itemId, 'Notes').create({ title: 'Kick-off', description: 'Met the team.', actionType: 1 });
 * ```
 *
 * @category Resources
 */
export class EntityResource<T extends { id: number } = EntityRecord> extends EntityReader<T> {
  /**
   * Made by `client.entity(name)`.
   *
   * @param context - The client's transport and helpers.
   * @param name - The entity.
   * @param schema - The schema of one record. Default: any record with an `id`.
   * @internal
   */
  constructor(context: ResourceContext, name: string, schema: z.core.$ZodType<T> = EntityRecordSchema as unknown as z.ZodMiniType<T>) {
    super(context, name, schema);
  }

  /**
   * Creates a record: `POST /{Entity}`.
   *
   * @param fields - The record's fields.
   * @param options - Call options.
   * @returns `{ itemId }`, the new record's id.
   */
  async create(fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.createAt(this.base, fields, options);
  }

  /**
   * Changes the fields given and keeps the others: `PATCH /{Entity}` with the id in the body.
   *
   * @param id - The record's id.
   * @param fields - The fields to change.
   * @param options - Call options.
   */
  async update(id: number, fields: EntityFields, options?: CallOptions): Promise<OperationResult> {
    return this.updateAt(this.base, id, fields, options);
  }

  /**
   * Deletes a record: `DELETE /{Entity}/{id}`, where the entity allows it.
   *
   * @param id - The record's id.
   * @param options - Call options.
   */
  async delete(id: number, options?: CallOptions): Promise<OperationResult> {
    return this.deleteAt(`${this.base}/${this.kit.segment(this.id(id, 'id'), 'id')}`, options);
  }

  /**
   * A child collection of one record: `/{Entity}/{parentId}/{child}` (e.g. `Tickets/7/Notes`,
   * `Companies/12/Contacts`), where notes, attachments and contacts are written.
   *
   * @param parentId - The parent record's id.
   * @param child - The collection, e.g. `Notes`, `Attachments`, `Contacts`.
   */
  child(parentId: number, child: string): ChildCollection<EntityRecord> {
    return this.childOf(parentId, child, EntityRecordSchema);
  }
}
