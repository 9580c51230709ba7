/**
 * The envelopes of Autotask's answers (`ItemQueryResultModel`, `QueryResultModel`, `PagingModel`,
 * `OperationResultModel`, `QueryCountResultModel`), as loose zod objects: fields Autotask adds are kept.
 *
 * @module
 */
import * as z from 'zod/mini';

/**
 * A user-defined field value as Autotask sends it: `{ name, value }`.
 *
 * @category Schemas
 */
export const UserDefinedFieldSchema = z.looseObject({
  name: z.string(),
  value: z.optional(z.unknown()),
});
/**
 * @see {@link UserDefinedFieldSchema}
 *
 * @category Schemas
 */
export type UserDefinedField = z.infer<typeof UserDefinedFieldSchema>;

/**
 * What every entity record has: a numeric `id`, and whatever else Autotask sends.
 *
 * @category Schemas
 */
export const EntityRecordSchema = z.looseObject({
  /** The record's id. */
  id: z.number(),
  /** User-defined fields, where the entity has them. */
  userDefinedFields: z.nullish(z.array(UserDefinedFieldSchema)),
});
/**
 * An entity record of any entity: `id` and the entity's fields.
 *
 * @category Schemas
 */
export type EntityRecord = z.infer<typeof EntityRecordSchema>;

/**
 * `pageDetails` of a query page (`PagingModel`).
 *
 * @category Schemas
 */
export const PageDetailsSchema = z.looseObject({
  /** Items on this page. */
  count: z.nullish(z.number()),
  /** The page size asked for (`MaxRecords`, 500 by default). */
  requestCount: z.nullish(z.number()),
  /** The previous page, or `null`. */
  prevPageUrl: z.nullish(z.string()),
  /** The next page, or `null` on the last one: POST it with the same body when the query was POSTed. */
  nextPageUrl: z.nullish(z.string()),
});
/**
 * @see {@link PageDetailsSchema}
 *
 * @category Schemas
 */
export type PageDetails = z.infer<typeof PageDetailsSchema>;

/**
 * A query page: `{ items, pageDetails }`, with items of the given schema.
 *
 * @category Schemas
 */
export function queryPageSchema<T extends z.core.$ZodType>(item: T) {
  return z.looseObject({ items: z.array(item), pageDetails: z.nullish(PageDetailsSchema) });
}

/**
 * `{ item }` of a read by id; `item` is `null` for an id that does not exist.
 *
 * @category Schemas
 */
export function itemResultSchema<T extends z.core.$ZodType>(item: T) {
  return z.looseObject({ item: z.nullable(item) });
}

/**
 * The answer of a create, an update or a delete: `{ itemId }`.
 *
 * @category Schemas
 */
export const OperationResultSchema = z.looseObject({
  /** The id of the record written. */
  itemId: z.number(),
});
/**
 * @see {@link OperationResultSchema}
 *
 * @category Schemas
 */
export type OperationResult = z.infer<typeof OperationResultSchema>;

/**
 * The answer of `query/count`: `{ queryCount }`.
 *
 * @category Schemas
 */
export const QueryCountSchema = z.looseObject({ queryCount: z.int().check(z.nonnegative()) });
