/**
 * How an Autotask ticket type becomes a `TicketType`: ticket types are a tenant picklist (the
 * system ones are Service Request, Incident, Problem, Change Request and Alert), mapped by label,
 * with the caller's `typeMap` on top.
 *
 * | ticket type (label, case-insensitive) | type |
 * |---|---|
 * | Service Request | `service_request` |
 * | Incident, Alert | `incident` |
 * | Problem | `problem` |
 * | Change Request, Change | `change` |
 * | Task | `task` |
 * | anything else | `other` |
 *
 * @module
 */
import type { TicketType } from '@itsm/core';
import { createCategoryMapper, type CategoryMapper } from '@itsm/core/provider';

/**
 * The default type of Autotask ticket types, by label.
 *
 * @category Mapping
 */
export const DEFAULT_AUTOTASK_TICKET_TYPES: Readonly<Record<string, TicketType>> = Object.freeze({
  'service request': 'service_request',
  incident: 'incident',
  alert: 'incident',
  problem: 'problem',
  'change request': 'change',
  change: 'change',
  task: 'task',
});

/**
 * The ticket types the connector prefers when it creates a ticket of a type, by label.
 *
 * @category Mapping
 */
export const PREFERRED_AUTOTASK_TICKET_TYPES: Readonly<Record<TicketType, string>> = Object.freeze({
  service_request: 'Service Request',
  incident: 'Incident',
  problem: 'Problem',
  change: 'Change Request',
  task: 'Task',
  other: 'Service Request',
});

/**
 * The ticket type mapping: `typeMap` (by value, then label), then {@link DEFAULT_AUTOTASK_TICKET_TYPES}, else `other`.
 *
 * @param typeMap - Overrides by ticket type value or label.
 * @category Mapping
 */
export function createTypeMapper(typeMap: Readonly<Record<string, TicketType>> = {}): CategoryMapper<TicketType> {
  return createCategoryMapper<TicketType>({ overrides: typeMap, defaults: DEFAULT_AUTOTASK_TICKET_TYPES, fallback: 'other' });
}
