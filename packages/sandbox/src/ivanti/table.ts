/**
 * One store of business-object rows, built for large seeds (100,000 tickets): rows by RecId (any
 * case), in insertion order, with value indexes on the fields filters use most, so that an `eq`
 * on an indexed field reads a handful of rows instead of all of them.
 *
 * @module
 */

/**
 * A field value as stored: text, a number (dates are milliseconds since the epoch), a flag, or `null`.
 *
 * @category State
 */
export type FieldValue = string | number | boolean | null;

/**
 * A business-object row: field name → value (dates in milliseconds); every row has a RecId.
 *
 * @category State
 */
export interface Row {
  /** The 32-hex-digit record id. */
  readonly RecId: string;
  /** The other fields. */
  [field: string]: FieldValue;
}

/** The index key of a value: strings compare without case, empty strings are null (as Ivanti stores them). */
export function indexKey(value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '') return '\u0000null';
  if (typeof value === 'string') return `s:${value.toLowerCase()}`;
  return `${typeof value}:${String(value)}`;
}

/**
 * An indexed store of rows.
 *
 * @category State
 */
export class Table {
  readonly #rows = new Map<string, Row>();
  readonly #indexes = new Map<string, Map<string, Set<string>>>();
  readonly #sequence = new WeakMap<Row, number>();
  #inserted = 0;

  /** Creates an empty store with indexes on `indexed` fields. */
  constructor(indexed: readonly string[]) {
    for (const name of indexed) this.#indexes.set(name, new Map());
  }

  /** How many rows it holds. */
  get size(): number {
    return this.#rows.size;
  }

  /** Every row, oldest first. */
  rows(): IterableIterator<Row> {
    return this.#rows.values();
  }

  /** A row by RecId (any case). */
  get(recId: string): Row | undefined {
    return this.#rows.get(recId.toUpperCase());
  }

  /** The position of a stored row in insertion order (1 for the first), to break ties in sorts; 0 for a row not stored. */
  sequenceOf(row: Row): number {
    return this.#sequence.get(row) ?? 0;
  }

  /** Whether `field` is indexed. */
  isIndexed(field: string): boolean {
    return this.#indexes.has(field);
  }

  /** The RecIds of the rows whose indexed `field` equals `value` (strings without case); `undefined` when the field is not indexed. */
  lookup(field: string, value: FieldValue): ReadonlySet<string> | undefined {
    const index = this.#indexes.get(field);
    if (index === undefined) return undefined;
    return index.get(indexKey(value)) ?? new Set();
  }

  /** Adds a row (its RecId must be new). */
  insert(row: Row): Row {
    const key = row.RecId.toUpperCase();
    if (this.#rows.has(key)) throw new Error(`duplicate RecId ${row.RecId}`);
    this.#rows.set(key, row);
    this.#inserted += 1;
    this.#sequence.set(row, this.#inserted);
    for (const [field, index] of this.#indexes) add(index, indexKey(row[field]), key);
    return row;
  }

  /** Changes fields of a stored row in place, keeping the indexes right. */
  update(row: Row, changes: Readonly<Record<string, FieldValue | undefined>>): void {
    const key = row.RecId.toUpperCase();
    for (const [field, value] of Object.entries(changes)) {
      if (field === 'RecId') continue;
      const index = this.#indexes.get(field);
      if (index !== undefined) {
        const before = indexKey(row[field]);
        const after = indexKey(value);
        if (before !== after) {
          index.get(before)?.delete(key);
          add(index, after, key);
        }
      }
      row[field] = value ?? null;
    }
  }

  /** Removes a row; `false` when there was none. */
  delete(recId: string): boolean {
    const key = recId.toUpperCase();
    const row = this.#rows.get(key);
    if (row === undefined) return false;
    for (const [field, index] of this.#indexes) index.get(indexKey(row[field]))?.delete(key);
    this.#rows.delete(key);
    return true;
  }
}

function add(index: Map<string, Set<string>>, key: string, recId: string): void {
  let set = index.get(key);
  if (set === undefined) {
    set = new Set();
    index.set(key, set);
  }
  set.add(recId);
}
