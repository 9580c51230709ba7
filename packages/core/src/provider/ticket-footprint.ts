/**
 * How much of the provider's payload each ticket keeps: the connector options `raw` and
 * `customFields` every shipped connector takes, for programs that keep many tickets in memory.
 *
 * - `raw: 'full'` (the default): `raw` is the provider's payload, untouched — everything the
 *   provider said, at the cost of holding it (5 to 11 kB per ticket of the three providers).
 *   `raw: 'none'`: `raw` is `undefined`; what is outside the model and `customFields` is gone from
 *   the ticket (Jira's ADF description, Ivanti's HTML, the provider's full status and type records).
 * - `customFields: 'all'` (the default): every provider field outside the model, by the
 *   provider's field name. A list keeps only the fields named (`[]` none): custom fields can be
 *   large (Jira's request type field is a kilobyte and a half of links and icons).
 *
 * `raw: 'none'` with the custom fields a program needs keeps a ticket under 2 kB. Streaming
 * (`for await` over a list) holds one page at a time whatever the options; they matter when tickets
 * are kept (`toArray()`, a cache, a report).
 *
 * @module
 */
import * as z from 'zod/mini';

/**
 * What each ticket keeps in `raw`: the provider's payload (`'full'`, the default) or nothing (`'none'`).
 *
 * @category Inputs
 */
export type RawMode = 'full' | 'none';

/** The values of {@link RawMode}. */
const RAW_MODES = ['full', 'none'] as const;

/**
 * The connector option `raw`: `'full'` or `'none'`.
 *
 * @category Schemas
 */
export const RawModeSchema: z.ZodMiniType<RawMode> = z.enum(RAW_MODES);

/**
 * Which provider fields outside the model each ticket keeps in `customFields`: all (the default) or those named.
 *
 * @category Inputs
 */
export type CustomFieldSelection = 'all' | readonly string[];

/**
 * The connector option `customFields`: `'all'` or a list of field names.
 *
 * @category Schemas
 */
export const CustomFieldSelectionSchema = z.union([z.literal('all'), z.readonly(z.array(z.string().check(z.trim(), z.minLength(1, 'must not be empty'))))], {
  error: "must be 'all' or a list of field names",
});

/**
 * The `raw` of a ticket under `mode`: the payload itself, or `undefined` for `'none'`.
 *
 * @param payload - The provider's payload.
 * @param mode - The connector's {@link RawMode}. Default `'full'`.
 * @example
 * ```ts
 * const ticket = { id: '7', subject: 'VPN down', raw: keepRaw(payload, settings.raw) };
 * ```
 * @category Mapping
 */
export function keepRaw(payload: unknown, mode: RawMode = 'full'): unknown {
  return mode === 'none' ? undefined : payload;
}

/**
 * A ticket's `customFields` from its fields outside the model, in their order: every one, or
 * those `selection` names. Built in one go (an object given dozens of fields one by one is kept
 * as a hash table, about twice the memory).
 *
 * @param fields - The fields outside the model, by the provider's name, as `[name, value]` pairs.
 * @param selection - The connector's {@link CustomFieldSelection}. Default `'all'`.
 * @example
 * ```ts
 * keepCustomFields([['customfield_10020', 'High'], ['customfield_10040', 'IT-1']], ['customfield_10040']);
 * // { customfield_10040: 'IT-1' }
 * ```
 * @category Mapping
 */
export function keepCustomFields(fields: Iterable<readonly [string, unknown]>, selection: CustomFieldSelection = 'all'): Record<string, unknown> {
  const kept = [...fields];
  return Object.fromEntries(selection === 'all' ? kept : kept.filter(([name]) => selection.includes(name)));
}
