/**
 * One entity's records, built for scale (100,000 tickets and more): a map by id, the ids in ascending
 * order (Autotask pages by id), and an index per frequently filtered field (`status`, `contactID`,
 * `emailAddress`, ...) so that a query names its candidates without scanning every record. Records
 * are sparse: a field that is not set is `null` in the JSON. Dates are stored as epoch milliseconds.
 *
 * Change records only through {@link EntityTable.insert}, {@link EntityTable.update} and
 * {@link EntityTable.delete}, which keep the order and the indexes right.
 *
 * @example
 * ```ts
 * const ticket = state.tables.Tickets.get(7001);
 * state.tables.Tickets.update(7001, { status: 5 });
 * ```
 *
 * @module
 */
import type { EntityDefinition } from './entity.js';

/**
 * A stored field value; dates are epoch milliseconds, an absent key is `null`.
 *
 * @category State
 */
export type FieldValue = string | number | boolean | null;

/**
 * A stored record: its fields by canonical name.
 *
 * @category State
 */
export interface EntityRecord {
  /** The record's id. */
  readonly id: number;
  /** The other fields by canonical name; absent means `null`. */
  readonly [field: string]: FieldValue | undefined;
}

/**
 * Field changes: canonical name to new value (`null` clears the field).
 *
 * @category State
 */
export type FieldChanges = Readonly<Record<string, FieldValue>>;

type IndexKey = string | number | boolean;

/** The key a value is indexed under: strings compare case-insensitively, as Autotask's database does. */
export function indexKey(value: FieldValue | undefined): IndexKey | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value.toLowerCase() : value;
}

/** The position of the first id greater than `id` in the ascending list. */
function upperBound(ids: readonly number[], id: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] as number) <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The position of the first id greater than or equal to `id` in the ascending list. */
function lowerBound(ids: readonly number[], id: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] as number) < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The records of one entity; see the module description.
 *
 * @category State
 */
export class EntityTable<R extends EntityRecord = EntityRecord> {
  /** The entity. */
  readonly entity: EntityDefinition;
  readonly #rows = new Map<number, R>();
  readonly #ids: number[] = [];
  readonly #indexes = new Map<string, Map<IndexKey, Set<number>>>();
  readonly #udfs = new Map<number, Map<string, string>>();
  #nextId: number;

  /** Creates an empty table whose first allocated id is `firstId`. */
  constructor(entity: EntityDefinition, firstId: number) {
    this.entity = entity;
    this.#nextId = firstId;
    for (const field of entity.indexed) this.#indexes.set(field, new Map());
  }

  /** How many records there are. */
  get size(): number {
    return this.#rows.size;
  }

  /** Takes the next id for a new record. */
  allocateId(): number {
    const id = this.#nextId;
    this.#nextId += 1;
    return id;
  }

  /** A record by id. */
  get(id: number): R | undefined {
    return this.#rows.get(id);
  }

  /** Every record, by ascending id. */
  *rows(): IterableIterator<R> {
    for (const id of this.#ids) yield this.#rows.get(id) as R;
  }

  /** The ids in ascending order (a live read-only view). */
  get ids(): readonly number[] {
    return this.#ids;
  }

  /** Adds a record (its id must be new); returns it. */
  insert(record: R, udfs?: Readonly<Record<string, string>>): R {
    if (this.#rows.has(record.id)) throw new Error(`${this.entity.name}: id ${record.id} exists`);
    const last = this.#ids.at(-1);
    if (last === undefined || record.id > last) this.#ids.push(record.id);
    else this.#ids.splice(upperBound(this.#ids, record.id), 0, record.id);
    if (record.id >= this.#nextId) this.#nextId = record.id + 1;
    this.#rows.set(record.id, record);
    for (const [field, index] of this.#indexes) this.#addToIndex(index, record[field], record.id);
    if (udfs !== undefined) for (const [name, value] of Object.entries(udfs)) this.setUdf(record.id, name, value);
    return record;
  }

  /** Applies field changes to a record (a `null` clears the field); returns the changed record. */
  update(id: number, changes: FieldChanges): R {
    const record = this.#rows.get(id);
    if (record === undefined) throw new Error(`${this.entity.name}: no record ${id}`);
    const fields = record as Record<string, FieldValue | undefined>;
    for (const [field, value] of Object.entries(changes)) {
      if (field === 'id') continue;
      const index = this.#indexes.get(field);
      if (index !== undefined) {
        this.#removeFromIndex(index, fields[field], id);
        this.#addToIndex(index, value, id);
      }
      if (value === null) delete fields[field];
      else fields[field] = value;
    }
    return record;
  }

  /** Removes a record; returns whether there was one. */
  delete(id: number): boolean {
    const record = this.#rows.get(id);
    if (record === undefined) return false;
    for (const [field, index] of this.#indexes) this.#removeFromIndex(index, record[field], id);
    this.#rows.delete(id);
    this.#udfs.delete(id);
    const position = lowerBound(this.#ids, id);
    if (this.#ids[position] === id) this.#ids.splice(position, 1);
    return true;
  }

  /** The UDF values of a record, by canonical UDF name (unset ones are absent). */
  udfValues(id: number): ReadonlyMap<string, string> {
    return this.#udfs.get(id) ?? new Map();
  }

  /** Sets (or, with `null`, clears) a UDF value of a record. */
  setUdf(id: number, name: string, value: string | null): void {
    let values = this.#udfs.get(id);
    if (value === null) {
      values?.delete(name);
      return;
    }
    if (values === undefined) {
      values = new Map();
      this.#udfs.set(id, values);
    }
    values.set(name, value);
  }

  /** Whether `field` is indexed. */
  isIndexed(field: string): boolean {
    return this.#indexes.has(field);
  }

  /** The ids of the records whose indexed `field` equals one of `values` (case-insensitively), ascending. */
  idsWhere(field: string, values: readonly FieldValue[]): number[] {
    const index = this.#indexes.get(field);
    if (index === undefined) throw new Error(`${this.entity.name}.${field} is not indexed`);
    const ids = new Set<number>();
    for (const value of values) {
      const key = indexKey(value);
      if (key === undefined) continue;
      for (const id of index.get(key) ?? []) ids.add(id);
    }
    return [...ids].sort((a, b) => a - b);
  }

  #addToIndex(index: Map<IndexKey, Set<number>>, value: FieldValue | undefined, id: number): void {
    const key = indexKey(value);
    if (key === undefined) return;
    let ids = index.get(key);
    if (ids === undefined) {
      ids = new Set();
      index.set(key, ids);
    }
    ids.add(id);
  }

  #removeFromIndex(index: Map<IndexKey, Set<number>>, value: FieldValue | undefined, id: number): void {
    const key = indexKey(value);
    if (key === undefined) return;
    const ids = index.get(key);
    ids?.delete(id);
    if (ids?.size === 0) index.delete(key);
  }
}
