/**
 * What the route modules share: the router type, the parsing of an OData path segment
 * (`incidents`, `incidents('05B5…1DE')`, `IncidentContainsJournal('4F34…21B')`), and the look-ups
 * that answer Ivanti's errors (404 `ISM_4004` for an unknown entity set, 400 "Invalid key" for a
 * missing record).
 *
 * @module
 */
import type { Router } from '../../router.js';
import type { SimRequest } from '../../simulator.js';
import { callerOf, canRead, type Caller, type IvantiContext, type IvantiCredentials } from '../auth.js';
import { failBadRequest, failInvalidKey } from '../errors.js';
import { SimResponseError } from '../../simulator.js';
import { notFoundPath } from '../errors.js';
import { businessObject, type BusinessObjectDef } from '../schema.js';
import { store, type IvantiState } from '../store.js';
import type { Row } from '../table.js';

/** The simulator's router. */
export type IvantiRouter = Router<IvantiState, IvantiCredentials>;

/** A path segment: a name and, in parentheses, an optional key. */
export interface Segment {
  /** The name before the parentheses. */
  readonly name: string;
  /** The key inside them (quotes removed, `''` read as `'`); `undefined` without parentheses. */
  readonly key: string | undefined;
}

/** Parses `name` or `name('key')` (also `name(key)`); `undefined` when it is neither. */
export function parseSegment(segment: string): Segment | undefined {
  const match = /^([A-Za-z0-9_$]+)(?:\((?:'((?:[^']|'')*)'|([^()']*))\))?$/u.exec(segment);
  if (match === null) return undefined;
  const [, name = '', quoted, bare] = match;
  const key = quoted !== undefined ? quoted.replaceAll("''", "'") : bare;
  return { name, key };
}

/** The business object of a path segment; 404 `ISM_4004` when the entity set does not exist. */
export function objectOf(segment: Segment | undefined): BusinessObjectDef {
  const object = segment === undefined ? undefined : businessObject(segment.name);
  if (object === undefined) throw new SimResponseError(notFoundPath());
  return object;
}

/** The caller and the segment's object. */
export function resolve(request: SimRequest, context: IvantiContext, raw: string): { caller: Caller; object: BusinessObjectDef; segment: Segment } {
  const segment = parseSegment(raw);
  const object = objectOf(segment);
  return { caller: callerOf(request, context), object, segment: segment as Segment };
}

/** The key of a segment that must have one; 400 "Invalid Business Object Key" for a blank one. */
export function requireKey(segment: Segment): string {
  if (segment.key === undefined || segment.key.trim() === '') failBadRequest('Invalid Business Object Key');
  return segment.key;
}

/** A record the caller can read; 400 "Invalid key" when there is none (Ivanti has no 404 for records). */
export function readableRow(state: IvantiState, caller: Caller, object: BusinessObjectDef, key: string): Row {
  const row = canRead(caller, object) ? store.row(state, object, key) : undefined;
  if (row === undefined) failInvalidKey();
  return row;
}
