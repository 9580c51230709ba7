/**
 * Pieces every Ivanti payload schema shares. Payload schemas are loose: every tenant adds its own
 * fields, and those are kept. Most fields can be `null` (an empty field) or missing (not selected).
 *
 * @module
 */
import * as z from 'zod/mini';

/**
 * A text field: a string, `null` when empty, missing when not selected.
 *
 * @category Schemas
 */
export const text = z.nullish(z.string());

/**
 * A number field (`IncidentNumber`, `SequenceNum`).
 *
 * @category Schemas
 */
export const number = z.nullish(z.number());

/**
 * A flag (`ReadOnly`, `PublishToWeb`).
 *
 * @category Schemas
 */
export const flag = z.nullish(z.boolean());

/**
 * A value Ivanti sends as a string on some tenants and as a number on others (`Priority`).
 *
 * @category Schemas
 */
export const textOrNumber = z.nullish(z.union([z.string(), z.number()]));

/**
 * Any business-object record: its `RecId` (always asked for) and every other field as Ivanti sent it.
 *
 * @example
 * ```ts
 * const record: BusinessObjectRecord = { RecId: '05B5CD2DFAE54D86A04C74DBF616C1DE', Name: 'Laptop' };
 * ```
 *
 * @category Schemas
 */
export const BusinessObjectRecordSchema = z.looseObject({
  /** The record's key: 32 hexadecimal digits. */
  RecId: z.string(),
});
/**
 * @see {@link BusinessObjectRecordSchema}
 *
 * @category Schemas
 */
export type BusinessObjectRecord = z.infer<typeof BusinessObjectRecordSchema>;

/**
 * The answer to a link or unlink: `{"code": "ISM_2000", "description": "Ok", "message": [...]}` (or no body).
 *
 * @category Schemas
 */
export const IsmResultSchema = z.optional(
  z.looseObject({
    code: z.optional(z.string()),
    description: z.optional(z.string()),
    message: z.optional(z.union([z.array(z.string()), z.string()])),
  }),
);
/**
 * @see {@link IsmResultSchema}
 *
 * @category Schemas
 */
export type IsmResult = z.infer<typeof IsmResultSchema>;
