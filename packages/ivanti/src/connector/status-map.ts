/**
 * How Ivanti's statuses become the model's categories, and which status each category moves to.
 * Incidents and service requests have their own statuses; a `statusMap` override applies to both
 * (by status name, case-insensitive).
 *
 * @module
 */
import type { StatusCategory, StatusInput } from '@itsm/core';
import { createCategoryMapper } from '@itsm/core/provider';
import type { TicketKind } from './kinds.js';

/**
 * The category of each stock incident status.
 *
 * | status | category |
 * |---|---|
 * | Logged | `open` |
 * | Active | `in_progress` |
 * | Waiting for Customer, Waiting for 3rd Party | `waiting_for_user` |
 * | Waiting for Resolution | `in_progress` |
 * | Resolved | `resolved` |
 * | Closed | `closed` |
 *
 * @category Mapping
 */
export const DEFAULT_INCIDENT_STATUSES: Readonly<Record<string, StatusCategory>> = Object.freeze({
  Logged: 'open',
  Active: 'in_progress',
  'Waiting for Customer': 'waiting_for_user',
  'Waiting for 3rd Party': 'waiting_for_user',
  'Waiting for Resolution': 'in_progress',
  Resolved: 'resolved',
  Closed: 'closed',
});

/**
 * The category of each stock service request status.
 *
 * | status | category |
 * |---|---|
 * | Draft, Submitted | `open` |
 * | Approved, In Procurement, Active | `in_progress` |
 * | Waiting for Customer, Waiting for 3rd Party | `waiting_for_user` |
 * | Fulfilled | `resolved` |
 * | Closed, Cancelled, Approval Rejected | `closed` |
 *
 * @category Mapping
 */
export const DEFAULT_SERVICE_REQUEST_STATUSES: Readonly<Record<string, StatusCategory>> = Object.freeze({
  Draft: 'open',
  Submitted: 'open',
  Approved: 'in_progress',
  'In Procurement': 'in_progress',
  Active: 'in_progress',
  'Waiting for Customer': 'waiting_for_user',
  'Waiting for 3rd Party': 'waiting_for_user',
  Fulfilled: 'resolved',
  Closed: 'closed',
  Cancelled: 'closed',
  'Approval Rejected': 'closed',
});

/**
 * The status `transition()` moves a ticket to, per category.
 *
 * @category Mapping
 */
export type StatusTargets = Readonly<Record<StatusInput, string>>;

/**
 * Where `transition()` moves an incident: Logged, Active, Waiting for Customer, Resolved, Closed.
 *
 * @category Mapping
 */
export const DEFAULT_INCIDENT_TARGETS: StatusTargets = Object.freeze({
  open: 'Logged',
  in_progress: 'Active',
  waiting_for_user: 'Waiting for Customer',
  resolved: 'Resolved',
  closed: 'Closed',
});

/**
 * Where `transition()` moves a service request: Submitted, Active, Waiting for Customer, Fulfilled, Closed.
 *
 * @category Mapping
 */
export const DEFAULT_SERVICE_REQUEST_TARGETS: StatusTargets = Object.freeze({
  open: 'Submitted',
  in_progress: 'Active',
  waiting_for_user: 'Waiting for Customer',
  resolved: 'Fulfilled',
  closed: 'Closed',
});

/** The default statuses of each kind. */
export const DEFAULT_STATUSES: Readonly<Record<TicketKind, Readonly<Record<string, StatusCategory>>>> = Object.freeze({
  incident: DEFAULT_INCIDENT_STATUSES,
  service_request: DEFAULT_SERVICE_REQUEST_STATUSES,
});

/** The default targets of each kind. */
export const DEFAULT_TARGETS: Readonly<Record<TicketKind, StatusTargets>> = Object.freeze({
  incident: DEFAULT_INCIDENT_TARGETS,
  service_request: DEFAULT_SERVICE_REQUEST_TARGETS,
});

/**
 * Maps a status of a kind of ticket to its category. Made by {@link createStatusMapper}.
 *
 * @category Mapping
 */
export type IvantiStatusMapper = (kind: TicketKind, status: string | null | undefined) => StatusCategory;

/**
 * The status mapping: `statusMap` (by status name, for both kinds) over the kind's defaults; an
 * unknown status is `unknown`. A status `transition()` moves to always maps to its category.
 *
 * @param statusMap - Overrides by status name.
 * @param targets - The statuses `transition()` moves to, per kind.
 * @example
 * ```ts
 * const category = createStatusMapper({ 'Pending Vendor': 'waiting_for_user' });
 * category('incident', 'Pending Vendor'); // 'waiting_for_user'
 * category('service_request', 'Fulfilled'); // 'resolved'
 * ```
 *
 * @category Mapping
 */
export function createStatusMapper(
  statusMap: Readonly<Record<string, StatusCategory>> = {},
  targets: Readonly<Record<TicketKind, StatusTargets>> = DEFAULT_TARGETS,
): IvantiStatusMapper {
  const mappers = Object.fromEntries(
    (['incident', 'service_request'] as const).map((kind) => {
      const fromTargets = Object.fromEntries(Object.entries(targets[kind]).map(([category, status]) => [status, category as StatusCategory]));
      return [kind, createCategoryMapper<StatusCategory>({ defaults: { ...DEFAULT_STATUSES[kind], ...fromTargets }, overrides: statusMap, fallback: 'unknown' })];
    }),
  ) as Record<TicketKind, ReturnType<typeof createCategoryMapper<StatusCategory>>>;
  return (kind, status) => (typeof status === 'string' && status.trim() !== '' ? mappers[kind]({ name: status }) : 'unknown');
}

/**
 * Every status name of a kind the mapping knows (defaults, targets and overrides) that maps to one
 * of the categories: what a list by category filters on.
 *
 * @param mapper - The status mapping.
 * @param kind - The kind of ticket.
 * @param categories - The categories.
 * @param statusMap - The overrides (their names are statuses too).
 * @param targets - The targets.
 */
export function statusesIn(
  mapper: IvantiStatusMapper,
  kind: TicketKind,
  categories: readonly StatusCategory[],
  statusMap: Readonly<Record<string, StatusCategory>>,
  targets: Readonly<Record<TicketKind, StatusTargets>>,
): string[] {
  const names = new Map<string, string>();
  for (const name of [...Object.keys(DEFAULT_STATUSES[kind]), ...Object.values(targets[kind]), ...Object.keys(statusMap)]) {
    names.set(name.trim().toLowerCase(), name.trim());
  }
  return [...names.values()].filter((name) => categories.includes(mapper(kind, name)));
}
