/**
 * The connector: Autotask PSA behind the shared `ItsmConnector`.
 *
 * @module
 */
export { createAutotaskConnector, type AutotaskConnector } from './connector.js';
export type {
  AutotaskConnectorOptions,
  AutotaskConnectorSettings,
  AutotaskPublishChoice,
  AutotaskTicketDefaults,
  PicklistChoice,
} from './options.js';
export { DEFAULT_AUTOTASK_STATUS_NAMES, PREFERRED_AUTOTASK_STATUSES, createStatusMapper, type StatusMapper } from './status-map.js';
export { DEFAULT_AUTOTASK_PRIORITY_NAMES, createPriorityMapper } from './priority-map.js';
export { DEFAULT_AUTOTASK_TICKET_TYPES, PREFERRED_AUTOTASK_TICKET_TYPES, createTypeMapper } from './type-map.js';
export { autotaskTimestampToUtc } from './dates.js';
export { autotaskTicketToTicket, type TicketMapping } from './ticket.js';
export { autotaskNoteToComment, autotaskNoteVisibility } from './comments.js';
export { autotaskAttachmentToAttachment } from './attachments.js';
export {
  autotaskContactToUser,
  autotaskResourceToUser,
  contactUserId,
  parsePersonId,
  resourceUserId,
  type PersonId,
  type PersonKind,
} from './users.js';
export { chooseStatus, type StatusChoiceContext } from './transition.js';
export { AUTOTASK_ACCESS_CHECKS, type AutotaskAccessCheckId } from './access-checks.js';
