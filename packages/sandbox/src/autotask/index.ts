/**
 * The Autotask simulator of `@itsm/sandbox`: the Autotask PSA REST API v1.0 over one seeded,
 * stateful tenant, with its zone discovery, authentication, query language, paging, limits and error
 * shapes.
 *
 * @module
 */
export { autotaskSimulator, type AutotaskConnectorOptions } from './simulator.js';
export type { AutotaskCredentials } from './auth.js';
export type {
  AutotaskState,
  AutotaskFacts,
  AutotaskSettings,
  AutotaskTables,
  ThresholdSettings,
  FactPerson,
  SeededData,
  Ticket,
  TicketNote,
  TicketAttachment,
  Contact,
  Resource,
  Company,
} from './store.js';
export { EntityTable, type EntityRecord, type FieldValue, type FieldChanges } from './table.js';
export type { EntityDefinition, EntityDeclaration, EntityName, EntityCapabilities } from './entity.js';
export type { FieldDefinition, FieldType, PicklistValue, UdfDefinition } from './fields.js';
export { ENTITIES } from './entities/index.js';
export {
  STATUS_NEW,
  STATUS_COMPLETE,
  STATUS_WAITING_CUSTOMER,
  STATUS_IN_PROGRESS,
  PUBLISH_ALL,
  PUBLISH_INTERNAL,
  TICKET_STATUSES,
  TICKET_PRIORITIES,
  TICKET_QUEUES,
  TICKET_SOURCES,
  TICKET_TYPES,
  ISSUE_TYPES,
  SUB_ISSUE_TYPES,
  NOTE_TYPES,
  PUBLISH_VALUES,
} from './picklists.js';
export { DEFAULT_TICKETS, ZONE_NAME } from './seed.js';
export { MAX_PAGE_SIZE } from './query/model.js';
export { MAX_OR_CONDITIONS } from './query/filter.js';
export { API_VERSIONS } from './zone.js';
export { threadThresholdMessage } from './threads.js';
