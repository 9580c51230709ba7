/**
 * What callers give the catalog's form methods: answers (`FormAnswers`), the options of
 * `catalog.submit()` and the query of `catalog.choices()`, as strict zod schemas.
 *
 * @module
 */
import * as z from 'zod/mini';
import { IdempotencyKeySchema, PersonInputSchema, type FileInput, type PersonInput } from './inputs.js';

/**
 * An answer to one form field, by the field's kind:
 * - `text`, `multiline`: a string;
 * - `number`: a number (or a string that is one, as typed in a chat);
 * - `date`: `YYYY-MM-DD` or a `Date` (its UTC day); `datetime`: ISO 8601 with a time zone, or a `Date`;
 * - `boolean`: `true` or `false`;
 * - `single_choice`: the choice's id or its label; `multiple_choice`: a list of those;
 * - `user`: a person, by email or id (`'ann@example.com'`, `{ id }`);
 * - `attachment`: a file (`{ filename, content, contentType? }`) or a list of files;
 * - `other`: the provider's own value format, sent as it is.
 *
 * `null` (or leaving the field out of the answers) gives no answer; a field left out gets its
 * `default`.
 *
 * @category Inputs
 */
export type FormAnswer =
  | string
  | number
  | boolean
  | Date
  | null
  | readonly string[]
  | PersonInput
  | FileInput
  | readonly FileInput[]
  | { readonly [key: string]: unknown }
  | readonly unknown[];

/**
 * The answers to a form, by field id (`FormField.id`).
 *
 * @example
 * ```ts
 * const answers: FormAnswers = {
 *   summary: 'A laptop for my new colleague',
 *   customfield_10030: 'Laptop',           // a choice, by its label (or its id)
 *   customfield_10050: '2026-03-01',       // a date
 * };
 * ```
 *
 * @category Inputs
 */
export type FormAnswers = Readonly<Record<string, FormAnswer | undefined>>;

/** The answers object itself: a plain object of answers by field id. */
const answersObject = z.record(z.string(), z.unknown(), { error: 'must be an object of answers by field id' });

/**
 * Options of `catalog.submit()`.
 *
 * @category Schemas
 */
export const CatalogSubmitOptionsSchema = z.strictObject({
  /** The employee the request is raised for (on their behalf): an email address or the provider's id. */
  forUser: PersonInputSchema,
  /**
   * Makes the submit safe to repeat, as for `tickets.create()`: see
   * `capabilities.submitIdempotency` for what the provider can promise.
   */
  idempotencyKey: z.optional(IdempotencyKeySchema),
});
/**
 * @see {@link CatalogSubmitOptionsSchema}
 *
 * @category Inputs
 */
export type CatalogSubmitOptions = z.input<typeof CatalogSubmitOptionsSchema>;

/**
 * The query of `catalog.choices()`.
 *
 * @category Schemas
 */
export const ChoicesQuerySchema = z.strictObject({
  /** The answers given so far: a dependent list is narrowed by the answers its `dependsOn` names. */
  answers: z.optional(answersObject),
  /** Only choices whose label holds this text (without case); people are looked up by it. */
  search: z.optional(
    z.string({ error: 'must be text to search for' }).check(
      z.trim(),
      z.maxLength(255, 'must be at most 255 characters'),
      z.refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'must not contain control characters'),
    ),
  ),
});
/**
 * @see {@link ChoicesQuerySchema}
 *
 * @category Inputs
 */
export type ChoicesQuery = Omit<z.input<typeof ChoicesQuerySchema>, 'answers'> & {
  /** The answers given so far, by field id. */
  answers?: FormAnswers | undefined;
};
