// The entry point of `@itsm/ivanti`. The package is documented in its README.md, which the typedoc
// site shows as the package's page (a module comment here would show above it and repeat it).
export * from './core-exports.js';
export * from './odata/index.js';
export * from './connector/index.js';
export { IvantiClient } from './client.js';
export { IVANTI } from './provider.js';
export { IVANTI_DEFAULT_ATTACHMENT_MAX_BYTES, IVANTI_SUBJECT_MAX_LENGTH, IVANTI_TEXT_MAX_LENGTH } from './limits.js';
export {
  CLIENT_OPTION_KEYS as IVANTI_CLIENT_OPTION_KEYS,
  IVANTI_READ_ONLY_POSTS,
  type CallOptions,
  type IvantiClientOptions,
  type UploadFormStyle,
} from './options.js';
export { apiKeyAuthorization } from './auth.js';
export { HEAT_PREFIXES, isCsdl } from './base-path.js';
export { SCRUBBED, describeIvantiError, inspectIvantiResponse, scrubIvantiInternals } from './errors.js';
export {
  AttachmentUploadError,
  ClosedRecordError,
  PromptRequiredError,
  type ClosedRecordErrorOptions,
  type UploadedFileResult,
} from './error-classes.js';
export { NO_INSTANCES_FOUND, collectionSchema, type ODataPage } from './odata/collection.js';
export { recordLink, requestOfferingLink, type OfferingLinkOptions } from './links.js';
export {
  BusinessObjectResource,
  DEFAULT_ORDER_BY,
  MAX_PAGE_SIZE,
  QuickActionResultSchema,
  type GetRecordOptions,
  type ListRecordsOptions,
  type QuickActionInput,
  type QuickActionPrompt,
  type QuickActionResult,
  type RelatedRecordsOptions,
  type UpdateRecordOptions,
} from './resources/business-object.js';
export type { FieldValue, FieldValues } from './resources/fields.js';
export type { RecordRef } from './resources/record-ref.js';
export { EmployeesResource } from './resources/employees.js';
export { JournalNotesResource, type NewJournalNote, type RecordNotesOptions } from './resources/journal-notes.js';
export { AttachmentsResource, type AttachmentUpload, type RecordAttachmentsOptions } from './resources/attachments.js';
export {
  RequestOfferingsResource,
  isPublished,
  type PublishedOfferingsOptions,
  type ValidationListOptions,
} from './resources/request-offerings.js';
export {
  DEFAULT_FORM_NAME,
  ServiceRequestsResource,
  type NewServiceRequest,
  type SubmittedServiceRequest,
} from './resources/service-requests.js';
export {
  expressionValue,
  parameterKind,
  readOfferingParameter,
  type OfferingConstraint,
  type OfferingForm,
  type OfferingParameter,
  type OfferingParameterKind,
} from './catalog/offering-form.js';
export { encodeAnswers, type ChosenOption, type OfferingAnswer, type OptionLookup, type ValidationOption } from './catalog/offering-answers.js';
export * from './schemas/common.js';
export * from './schemas/tickets.js';
export * from './schemas/people.js';
export * from './schemas/activity.js';
export * from './schemas/catalog.js';
