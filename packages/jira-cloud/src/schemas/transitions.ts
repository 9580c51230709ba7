/**
 * Workflow transitions of an issue and the fields of their screens.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JiraFieldTypeSchema, JiraStatusSchema } from './common.js';

/**
 * A field on a transition (or edit/create) screen (`FieldMetadata`): whether it is required, its
 * type, and the values it accepts.
 *
 * @example
 * ```json
 * { "required": true, "name": "Resolution", "key": "resolution", "operations": ["set"],
 *   "allowedValues": [{ "id": "10000", "name": "Done" }], "schema": { "type": "resolution", "system": "resolution" } }
 * ```
 *
 * @category Schemas
 */
export const ScreenFieldSchema = z.looseObject({
  /** Whether the transition fails without a value for it. */
  required: z.boolean(),
  name: z.string(),
  key: z.optional(z.string()),
  schema: z.optional(JiraFieldTypeSchema),
  /** `set`, `add`, `remove`, `edit`, ... */
  operations: z.optional(z.array(z.string())),
  allowedValues: z.optional(z.array(z.unknown())),
  hasDefaultValue: z.optional(z.boolean()),
  defaultValue: z.optional(z.unknown()),
  autoCompleteUrl: z.optional(z.string()),
});
/**
 * A field on a screen. See {@link ScreenFieldSchema}.
 *
 * @category Schemas
 */
export type ScreenField = z.infer<typeof ScreenFieldSchema>;

/**
 * A transition the caller may perform: its id (per workflow; never hard-code it), the target status
 * with its category (`to.statusCategory.key`: `new`, `indeterminate`, `done`), and, when asked for,
 * the fields of its screen.
 *
 * @category Schemas
 */
export const TransitionSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  /** The status the issue moves to. */
  to: JiraStatusSchema,
  hasScreen: z.optional(z.boolean()),
  isGlobal: z.optional(z.boolean()),
  isInitial: z.optional(z.boolean()),
  isAvailable: z.optional(z.boolean()),
  isConditional: z.optional(z.boolean()),
  isLooped: z.optional(z.boolean()),
  /** Screen fields by field id; present with `expandFields: true` (an empty object when there is no screen). */
  fields: z.optional(z.record(z.string(), ScreenFieldSchema)),
});
/**
 * A transition. See {@link TransitionSchema}.
 *
 * @category Schemas
 */
export type Transition = z.infer<typeof TransitionSchema>;

/**
 * The answer of `GET /rest/api/3/issue/{key}/transitions`.
 *
 * @category Schemas
 */
export const TransitionListSchema = z.looseObject({ transitions: z.array(TransitionSchema) });
