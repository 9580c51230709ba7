/**
 * {@link createCategoryMapper}: how a provider's native values (statuses, priorities, ticket
 * types) become the model's categories: a default table, the caller's overrides on top, and a
 * fallback. Each provider only writes its tables.
 *
 * @module
 */

/**
 * What a mapper reads of a native value: its id (a string or a number, such as a picklist value) and its name.
 *
 * @category Mapping
 */
export interface NativeRef {
  /** The native id, e.g. `'10002'` or Autotask's status `5`. */
  id?: string | number | undefined;
  /** The native name, e.g. `Waiting for customer`. */
  name?: string | undefined;
}

/**
 * Maps a native value to a category. Made by {@link createCategoryMapper}.
 *
 * @param native - The native value: its id and/or name, and whatever the fallback reads.
 * @category Mapping
 */
export type CategoryMapper<C extends string, N extends NativeRef = NativeRef> = (native: N) => C;

/**
 * Options of {@link createCategoryMapper}.
 *
 * @category Mapping
 */
export interface CategoryMapperOptions<C extends string, N extends NativeRef = NativeRef> {
  /** The provider's defaults, keyed by native id or by name (compared with {@link normaliseName}). */
  defaults?: Readonly<Record<string, C>> | undefined;
  /** The caller's overrides (a `statusMap` option), keyed the same way. They win over `defaults`. */
  overrides?: Readonly<Record<string, C>> | undefined;
  /** The category of a native value no table names: a category, or a function of the value. */
  fallback: C | ((native: N) => C);
}

/**
 * A name as tables compare it: trimmed, lower case, runs of white space as one space, typographic
 * apostrophes as `'`.
 *
 * @param name - A native name.
 * @example
 * ```ts
 * normaliseName('  Won’t   Do '); // "won't do"
 * ```
 *
 * @category Mapping
 */
export function normaliseName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2018\u2019]/g, "'");
}

/** One table, indexed by key as an id and by key as a normalised name. */
function indexTable<C>(table: Readonly<Record<string, C>> | undefined): (native: NativeRef) => C | undefined {
  const byId = new Map<string, C>();
  const byName = new Map<string, C>();
  for (const [key, value] of Object.entries(table ?? {})) {
    byId.set(key.trim(), value);
    byName.set(normaliseName(key), value);
  }
  return (native) =>
    (native.id === undefined ? undefined : byId.get(String(native.id).trim()))
    ?? (typeof native.name === 'string' ? byName.get(normaliseName(native.name)) : undefined);
}

/**
 * Builds a mapper from native values to categories. A key of a table matches a native value whose
 * id (as a string: `5` and `'5'` are the same) or whose normalised name is the key. Order: the
 * overrides (id first, then name), the defaults (id first, then name), then the fallback.
 *
 * @param options - The defaults, the overrides and the fallback.
 * @example
 * ```ts
 * // Autotask: numeric picklist values, labels read from the tenant.
 * const status = createCategoryMapper<StatusCategory>({
 *   defaults: { 5: 'resolved', new: 'open', 'waiting customer': 'waiting_for_user' },
 *   overrides: { 12: 'closed' },
 *   fallback: 'unknown',
 * });
 * status({ id: 5, name: 'Complete' });  // 'resolved'
 * status({ id: 12, name: 'Archived' }); // 'closed'
 * status({ id: 1, name: 'New' });       // 'open'
 * ```
 *
 * @category Mapping
 */
export function createCategoryMapper<C extends string, N extends NativeRef = NativeRef>(
  options: CategoryMapperOptions<C, N>,
): CategoryMapper<C, N> {
  const override = indexTable(options.overrides);
  const fallback = options.fallback;
  const defaults = indexTable(options.defaults);
  return (native) => override(native) ?? defaults(native) ?? (typeof fallback === 'function' ? fallback(native) : fallback);
}
