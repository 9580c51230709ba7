/**
 * What a transition writes: the target status, and what Ivanti's rules want with it.
 *
 * - An incident moving to `Active` needs a `Category` and an `Owner` (in the same write): the
 *   record's, else the connector's `defaultCategory` and `defaultOwner` (or the `serviceAccount`'s login).
 * - An incident moving to `Resolved` or `Closed` needs a `Resolution` and usually a `CauseCode`
 *   (otherwise Ivanti asks for them through a prompt the API cannot answer): the transition's
 *   `resolution` (else the record's, its comment, `defaultResolution`, or `Resolved.`) and the
 *   record's cause code, else `defaultCauseCode`.
 *
 * @module
 */
import type { StatusInput } from '@itsm/core';
import type { Incident, ServiceRequest } from '../schemas/tickets.js';
import type { TicketKind } from './kinds.js';
import type { StatusTargets } from './status-map.js';

/**
 * The `Resolution` written when nothing else gives one.
 *
 * @category Mapping
 */
export const DEFAULT_RESOLUTION = 'Resolved.';

/**
 * What a transition knows besides the record.
 *
 * @category Mapping
 */
export interface TransitionPlanContext {
  /** The statuses each category moves to, for the record's kind. */
  targets: StatusTargets;
  /** The `Category` for `Active` when the record has none (`defaultCategory`). */
  category: string | undefined;
  /** The `Owner` for `Active` when the record has none (`defaultOwner`, else the service account's login). */
  owner: string | undefined;
  /** The `CauseCode` when the record has none (`defaultCauseCode`). */
  causeCode: string | undefined;
  /** The `Resolution` when nothing else gives one (`defaultResolution`). */
  defaultResolution: string | undefined;
  /** The transition's resolution text, if given. */
  resolution: string | undefined;
  /** The transition's comment, if given (a resolution when there is none). */
  comment: string | undefined;
}

function empty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * The fields a transition writes.
 *
 * @param kind - The record's kind.
 * @param record - The record as it is.
 * @param to - The category to move to.
 * @param context - Targets, defaults and the transition's options.
 * @example
 * ```ts
 * planTransition('incident', { RecId, Status: 'Logged' }, 'resolved', { targets: DEFAULT_INCIDENT_TARGETS, category: undefined, owner: undefined, causeCode: 'Other', defaultResolution: undefined, resolution: undefined, comment: 'Reset the password' });
 * // { Status: 'Resolved', Resolution: 'Reset the password', CauseCode: 'Other' }
 * ```
 *
 * @category Mapping
 */
export function planTransition(kind: TicketKind, record: Incident | ServiceRequest, to: StatusInput, context: TransitionPlanContext): Record<string, string> {
  const fields: Record<string, string> = { Status: context.targets[to] };
  if (kind !== 'incident') return fields;
  const incident = record as Incident;
  if (to === 'in_progress') {
    if (empty(incident.Category) && context.category !== undefined) fields.Category = context.category;
    if (empty(incident.Owner) && context.owner !== undefined) fields.Owner = context.owner;
  }
  if (to === 'resolved' || to === 'closed') {
    const resolution = context.resolution ?? (empty(incident.Resolution) ? (context.comment ?? context.defaultResolution ?? DEFAULT_RESOLUTION) : undefined);
    if (resolution !== undefined) fields.Resolution = resolution;
    if (empty(incident.CauseCode) && context.causeCode !== undefined) fields.CauseCode = context.causeCode;
  }
  return fields;
}
