// The entry point of `@itsm/autotask`. The package is documented in its README.md, which the typedoc
// site shows as the package's page (a module comment here would show above it and repeat it).
export * from './core-exports.js';
export * from './connector/index.js';
export { AUTOTASK } from './provider.js';
export { AutotaskClient } from './client.js';
export {
  AUTOTASK_READ_ONLY_POSTS,
  CLIENT_OPTION_KEYS,
  type AutotaskClientOptions,
  type CallOptions,
} from './options.js';
export { createAutotaskAuth, type AutotaskCredentials } from './auth.js';
export {
  autotaskMessages,
  describeAutotaskError,
  HOURLY_THRESHOLD_REASON,
  THREAD_LIMIT_ERROR_CODE,
  THREAD_LIMIT_REASON,
} from './errors.js';
export {
  AUTOTASK_API_VERSION,
  DEFAULT_ZONE_LOOKUP_URL,
  DEFAULT_ZONE_TTL_MS,
  ZONE_LOOKUP_PATH,
  apiBaseUrlOf,
  createZoneCache,
  type ZoneCache,
  type ZoneCacheOptions,
} from './zone.js';
export {
  AUTOTASK_HOURLY_THRESHOLD,
  AUTOTASK_SLOW_DOWN,
  AUTOTASK_THREAD_LIMIT,
  AUTOTASK_THRESHOLD_WINDOW_MS,
  entityEndpointOf,
  type AutotaskLimitOptions,
} from './limits.js';
export {
  AUTOTASK_DESCRIPTION_MAX_LENGTH,
  AUTOTASK_EXTERNAL_ID_MAX_LENGTH,
  AUTOTASK_NOTE_MAX_LENGTH,
  AUTOTASK_NOTE_TITLE_MAX_LENGTH,
  AUTOTASK_TITLE_MAX_LENGTH,
} from './field-lengths.js';
export { AutotaskLinks, EXECUTE_COMMAND_PATH, PORTAL_NEW_TICKET_PATH, PORTAL_TICKET_PATH } from './links.js';
export { AUTOTASK_STATUS_COMPLETE, EntityPicklists, Picklist, type PicklistEntry } from './picklists.js';
export {
  FIELD_OPERATORS,
  GROUP_OPERATORS,
  where,
  type ConditionBuilder,
  type FieldFilter,
  type FieldOperator,
  type Filter,
  type FilterInputValue,
  type FilterScalar,
  type GroupFilter,
  type GroupOperator,
  type WhereBuilder,
} from './query/filter.js';
export { checkFilter, MAX_OR_CONDITIONS, type CheckedFilter } from './query/check-filter.js';
export { planQuery, type QueryPlan } from './query/plan.js';
export { MAX_RECORDS, type PagedBy, type PagingMode, type QueryBody, type QueryPageEnvelope } from './query/pager.js';
export {
  EntityReader,
  EntityResource,
  type CountOptions,
  type EntityFields,
  type PicklistsOptions,
  type QueryOptions,
} from './resources/entity.js';
export { ChildCollection, type ChildFields, type ChildPageEnvelope } from './resources/child.js';
export { TicketsResource, type TicketNoteCollection } from './resources/tickets.js';
export { TicketNotesResource } from './resources/ticket-notes.js';
export {
  ATTACHMENT_BYTES_PER_WINDOW,
  ATTACHMENT_WINDOW_MS,
  MAX_ATTACHMENT_BYTES,
  TicketAttachmentsOf,
  TicketAttachmentsResource,
  type AttachmentUpload,
} from './resources/ticket-attachments.js';
export { CONTACT_EMAIL_FIELDS, ContactsResource, type ContactEmailOptions } from './resources/contacts.js';
export { RESOURCE_EMAIL_FIELDS, ResourcesResource, type ResourceEmailOptions } from './resources/resources.js';
export { CompaniesResource } from './resources/companies.js';
export * from './schemas/common.js';
export * from './schemas/meta.js';
export * from './schemas/limits.js';
export * from './schemas/entities.js';
