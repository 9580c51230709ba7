/**
 * The connector: Ivanti incidents and service requests behind the shared `ItsmConnector`.
 *
 * @module
 */
export { createIvantiConnector, type IvantiConnector } from './connector.js';
export { DEFAULT_LATENESS_MS, type IvantiConnectorDefaults, type IvantiConnectorOptions, type IvantiConnectorSettings, type StatusTargetOverrides } from './options.js';
export { TICKET_KINDS, isTicketKind, type TicketKind, type TicketKindInfo } from './kinds.js';
export { parseTicketRef, ticketKey, type TicketRef } from './ticket-ref.js';
export {
  DEFAULT_INCIDENT_STATUSES,
  DEFAULT_INCIDENT_TARGETS,
  DEFAULT_SERVICE_REQUEST_STATUSES,
  DEFAULT_SERVICE_REQUEST_TARGETS,
  createStatusMapper,
  type IvantiStatusMapper,
  type StatusTargets,
} from './status-map.js';
export { DEFAULT_IVANTI_PRIORITY_FIELDS, DEFAULT_IVANTI_PRIORITY_LEVELS, ivantiPriorityLevel } from './priority-map.js';
export { DEFAULT_RESOLUTION, planTransition, type TransitionPlanContext } from './transition.js';
export { ivantiTimestampToUtc } from './dates.js';
export { htmlToText } from './text.js';
export { MAPPED_FIELDS, ivantiRecordToTicket, type RecordToTicketOptions } from './ticket.js';
export { attachmentRecordToAttachment, journalNoteToComment } from './activity.js';
export { availableOfferingToCatalogItem, offeringToCatalogItem } from './catalog.js';
export { employeeToUser } from './users.js';
export { IVANTI_ACCESS_CHECKS, KNOWLEDGE_ENTITY_SET, type IvantiAccessCheckId } from './access-checks.js';
