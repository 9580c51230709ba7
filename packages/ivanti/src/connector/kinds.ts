/**
 * The two kinds of ticket the connector works with, and what each is called in Ivanti: its entity
 * set, its business object's name (`ParentLink_Category`), its number field and its key prefix.
 *
 * @module
 */
import type { TicketType } from '@itsm/core';

/**
 * A kind of ticket the connector works with.
 *
 * @category Connector
 */
export type TicketKind = 'incident' | 'service_request';

/**
 * What a kind of ticket is called in Ivanti.
 *
 * @category Connector
 */
export interface TicketKindInfo {
  /** The model's type. */
  readonly type: TicketKind;
  /** The entity set: `incidents`, `servicereqs`. */
  readonly entitySet: 'incidents' | 'servicereqs';
  /** The business object's name: `Incident`, `ServiceReq` (what `ParentLink_Category` holds). */
  readonly category: 'Incident' | 'ServiceReq';
  /** The field holding its number. */
  readonly numberField: 'IncidentNumber' | 'ServiceReqNumber';
  /** The prefix of its key: `INC`, `SR`. */
  readonly keyPrefix: 'INC' | 'SR';
  /** How people call it. */
  readonly noun: string;
}

/**
 * The kinds, by type.
 *
 * @category Connector
 */
export const TICKET_KINDS: Readonly<Record<TicketKind, TicketKindInfo>> = Object.freeze({
  incident: { type: 'incident', entitySet: 'incidents', category: 'Incident', numberField: 'IncidentNumber', keyPrefix: 'INC', noun: 'incident' },
  service_request: { type: 'service_request', entitySet: 'servicereqs', category: 'ServiceReq', numberField: 'ServiceReqNumber', keyPrefix: 'SR', noun: 'service request' },
});

/**
 * Whether a model type is one the connector works with.
 *
 * @category Connector
 */
export function isTicketKind(type: TicketType): type is TicketKind {
  return type === 'incident' || type === 'service_request';
}
