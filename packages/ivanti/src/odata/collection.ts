/**
 * Reading an OData collection as Ivanti answers it. Besides the documented envelope
 * (`{ "@odata.context", "@odata.count", "value": [...] }`), Ivanti says "no rows" three ways, and
 * all of them become an empty page:
 *
 * | request | answer |
 * |---|---|
 * | an entity set whose `$filter` matches nothing | 200 with an empty body |
 * | a relationship with nothing related | 200 `{"value": "No instances found."}` |
 * | a saved search with no match, a misspelt `$orderby` | 204 |
 *
 * Any other string in `value` is an error (`ResponseShapeError`), never an empty page.
 *
 * @module
 */
import * as z from 'zod/mini';

/**
 * The text Ivanti puts in `value` when a relationship has no related record.
 *
 * @category Queries
 */
export const NO_INSTANCES_FOUND = 'No instances found.';

/**
 * One page of an OData collection, as handed out in `Page.envelope`.
 *
 * @category Queries
 */
export interface ODataPage<T> {
  /** The metadata URL of the set, when Ivanti sent it. */
  '@odata.context'?: string | undefined;
  /**
   * The number of records, when Ivanti sent it. A hint only: live tenants send it unasked, and it
   * can be smaller than the page itself; paging never relies on it.
   */
  '@odata.count'?: number | undefined;
  /** The records of the page (empty for every "no rows" answer). */
  value: T[];
}

/**
 * The schema of an OData collection answer whose records fit `item`, read into an
 * {@link ODataPage}: every "no rows" encoding gives `value: []`; any other string `value` fails.
 *
 * @param item - The schema of one record.
 * @example
 * ```ts
 * const Page = collectionSchema(z.looseObject({ RecId: z.string() }));
 * Page.parse(undefined).value;                            // [] (empty body or 204)
 * Page.parse({ value: 'No instances found.' }).value;    // []
 * Page.parse({ value: 'Something else' });                // throws: an unexpected string
 * ```
 *
 * @category Queries
 */
export function collectionSchema<T extends z.core.$ZodType>(item: T): z.ZodMiniType<ODataPage<z.output<T>>, unknown> {
  const envelope = z.looseObject({
    '@odata.context': z.optional(z.string()),
    '@odata.count': z.optional(z.number()),
    value: z.union([z.array(item), z.string()]),
  });
  return z.pipe(
    z.union([z.undefined(), z.null(), envelope]),
    z.transform((body, context): ODataPage<z.output<T>> => {
      if (body === undefined || body === null) return { value: [] };
      const { value, ...rest } = body;
      if (typeof value === 'string') {
        if (value.trim().toLowerCase() === NO_INSTANCES_FOUND.toLowerCase()) return { ...rest, value: [] };
        const message = `expected a list of records or "${NO_INSTANCES_FOUND}", got the text ${JSON.stringify(value.slice(0, 200))}`;
        context.issues.push({ code: 'custom', path: ['value'], message, input: value });
        return z.NEVER;
      }
      return { ...rest, value: value as z.output<T>[] };
    }),
  );
}
