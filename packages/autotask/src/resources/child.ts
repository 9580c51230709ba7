/**
 * Child collections: the records under one parent record, such as `/Tickets/{id}/Notes`,
 * `/Tickets/{id}/Attachments` and `/Companies/{id}/Contacts`. Autotask writes notes, attachments and
 * contacts only there (`POST /TicketNotes` is a 404).
 *
 * @module
 */
import { NotFoundError, Paginator, ResponseShapeError } from '@itsm/core';
import { ApiResource } from '@itsm/core/provider';
import * as z from 'zod/mini';
import type { CallOptions } from '../options.js';
import { AUTOTASK } from '../provider.js';
import { OperationResultSchema, queryPageSchema, type OperationResult, type PageDetails } from '../schemas/common.js';
import type { ResourceContext } from './context.js';

/**
 * Fields of a write: any of the child entity's fields, by name.
 *
 * @category Resources
 */
export type ChildFields = Record<string, unknown>;

/**
 * The envelope of a child collection's page: what Autotask said about it.
 *
 * @category Resources
 */
export interface ChildPageEnvelope {
  /** `pageDetails` of the page. */
  readonly pageDetails: PageDetails | undefined;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * The records under one parent: list (GET, following `nextPageUrl` with GET, on the zone's origin
 * only), get, create, update (PATCH) and delete — where Autotask allows them for the collection.
 *
 * @example
 * ```ts
 * const notes = autotask.tickets.notes(29684321);
 * await notes.create({ title: 'Called the user', description: 'Rebooted the router.', noteType: 1, publish: 1 });
 * for await (const note of notes.list()) console.log(note.id, note.title);
 * ```
 *
 * @category Resources
 */
export class ChildCollection<T extends { id: number }> extends ApiResource {
  /** The collection's path, e.g. `/Tickets/29684321/Notes`. */
  readonly basePath: string;
  readonly #context: ResourceContext;
  readonly #schema: z.core.$ZodType<T>;

  /**
   * Made by an entity's `child()` (or a typed shortcut such as `tickets.notes(id)`).
   *
   * @param context - The client's transport and helpers.
   * @param path - The collection's path.
   * @param schema - The schema of one record.
   * @internal
   */
  constructor(context: ResourceContext, path: string, schema: z.core.$ZodType<T>) {
    super(context.http);
    this.#context = context;
    this.basePath = path;
    this.#schema = schema;
  }

  /**
   * Every record of the collection, page after page.
   *
   * @param options - Call options (checked now).
   */
  list(options?: CallOptions): Paginator<T, ChildPageEnvelope> {
    const call = this.callOptions(options);
    const schema = queryPageSchema(this.#schema);
    return new Paginator<T, ChildPageEnvelope>(async (cursor, { signal }) => {
      if (cursor !== undefined) {
        const zone = await this.#context.origin();
        const target = originOf(cursor);
        if (target !== zone) {
          throw new ResponseShapeError(
            `Autotask's nextPageUrl points at ${target ?? 'something that is not a URL'}, not at the zone's origin ${zone}: the client does not send the API user's credentials there`,
            { provider: AUTOTASK, issues: [{ path: ['pageDetails', 'nextPageUrl'], message: 'not on the zone origin' }], raw: { origin: target ?? null } },
          );
        }
      }
      const page = await this.send('GET', cursor ?? this.basePath, { schema, signal }, call);
      const details = page.pageDetails ?? undefined;
      const next = page.items.length > 0 ? (details?.nextPageUrl ?? undefined) : undefined;
      return { items: page.items as T[], nextCursor: next, envelope: { pageDetails: details } };
    });
  }

  /**
   * One record of the collection.
   *
   * @param id - The record's id.
   * @param options - Call options.
   * @throws `NotFoundError` when the parent has no such record.
   */
  async get(id: number, options?: CallOptions): Promise<T> {
    const path = `${this.basePath}/${this.kit.segment(this.#id(id, 'id'), 'id')}`;
    // `{ item }` as everywhere; attachments answer `{ items: [...] }` (their content is only read here).
    const body = await this.send('GET', path, { schema: z.looseObject({ item: z.nullish(this.#schema), items: z.nullish(z.array(this.#schema)) }) }, options);
    const item = body.item ?? body.items?.[0];
    if (item === undefined || item === null) {
      const message = `${this.basePath} has no record ${id}: Autotask answered no item (no such record, or the API user's security level cannot see it)`;
      const base = await this.http.resolveBaseUrl().catch(() => '');
      throw new NotFoundError(message, { provider: AUTOTASK, status: 200, method: 'GET', url: `${base}${path}`, messages: [message], outcome: 'not_applied' });
    }
    return item as T;
  }

  /**
   * Creates a record in the collection: `POST {path}`.
   *
   * @param fields - The record's fields.
   * @param options - Call options.
   * @returns `{ itemId }`, the new record's id.
   */
  async create(fields: ChildFields, options?: CallOptions): Promise<OperationResult> {
    return this.send('POST', this.basePath, { json: this.#fields(fields), schema: OperationResultSchema }, options);
  }

  /**
   * Changes the fields given: `PATCH {path}` with the id in the body.
   *
   * @param id - The record's id.
   * @param fields - The fields to change.
   * @param options - Call options.
   */
  async update(id: number, fields: ChildFields, options?: CallOptions): Promise<OperationResult> {
    const recordId = this.#id(id, 'id');
    const body = this.#fields(fields);
    if (body.id !== undefined && Number(body.id) !== recordId) this.kit.fail('fields.id', `must be left out, or be the id updated (${recordId})`);
    return this.send('PATCH', this.basePath, { json: { ...body, id: recordId }, schema: OperationResultSchema }, options);
  }

  /**
   * Deletes a record of the collection: `DELETE {path}/{id}`, where Autotask allows it.
   *
   * @param id - The record's id.
   * @param options - Call options.
   */
  async delete(id: number, options?: CallOptions): Promise<OperationResult> {
    return this.send('DELETE', `${this.basePath}/${this.kit.segment(this.#id(id, 'id'), 'id')}`, { schema: OperationResultSchema }, options);
  }

  #id(value: unknown, field: string): number {
    if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return this.kit.fail(field, 'must be a numeric Autotask id');
    return value;
  }

  #fields(fields: unknown): ChildFields {
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) this.kit.fail('fields', 'must be an object of field values by name');
    return fields as ChildFields;
  }
}
