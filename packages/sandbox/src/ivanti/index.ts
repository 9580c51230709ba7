/**
 * The Ivanti simulator of `@itsm/sandbox`: Ivanti Neurons for ITSM / Ivanti Service Manager
 * (ex-HEAT) — the OData business-object API and the REST API over one seeded, stateful store.
 *
 * @module
 */
export { ivantiSimulator, type IvantiConnectorOptions } from './simulator.js';
export type { IvantiCredentials } from './auth.js';
export type {
  IvantiState,
  IvantiSettings,
  IvantiFacts,
  IvantiRole,
  IvantiApiKey,
  PersonFact,
  OfferingFact,
  PicklistEntry,
  ValidationList,
  ValidationListEntry,
  Subscription,
  SubscriptionAudience,
  StoredFile,
} from './store.js';
export { store } from './store.js';
export { Table, type Row, type FieldValue } from './table.js';
export {
  BUSINESS_OBJECTS,
  IDEMPOTENCY_FIELD,
  type BusinessObjectDef,
  type FieldDef,
  type FieldType,
  type FieldWrite,
  type EntitySetName,
  type TableName,
  type RelationshipDef,
  type RelationshipVia,
  type QuickActionDef,
  type QuickActionKind,
  type SavedSearchDef,
} from './schema.js';
export {
  INCIDENT_STATUSES,
  SERVICE_REQUEST_STATUSES,
  INCIDENT_CATEGORIES,
  CAUSE_CODES,
  SOURCES,
  SERVICES,
  NOTE_CATEGORIES,
  EMPLOYEE_STATUSES,
  type PicklistName,
} from './picklists.js';
export { DEFAULT_TICKETS, SERVICE_ROLE, LIMITED_ROLE, DEFAULT_TEAM, ALLOWED_EXTENSIONS } from './seed.js';
export { NO_INSTANCES } from './routes/related.js';
