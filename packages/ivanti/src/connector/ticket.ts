/**
 * An Ivanti incident or service request as a `Ticket` of the shared model.
 *
 * @module
 */
import type { Ticket, UserRef } from '@itsm/core';
import { IVANTI } from '../provider.js';
import type { Incident, ServiceRequest } from '../schemas/tickets.js';
import { ivantiTimestamps } from './dates.js';
import { TICKET_KINDS, type TicketKind } from './kinds.js';
import { ivantiPriorityLevel } from './priority-map.js';
import { createStatusMapper, type IvantiStatusMapper } from './status-map.js';
import { htmlToText } from './text.js';
import { ticketKey } from './ticket-ref.js';

/**
 * The fields the mapping reads; every other non-empty field goes to `customFields`.
 *
 * @category Mapping
 */
export const MAPPED_FIELDS: ReadonlySet<string> = new Set([
  'RecId', 'IncidentNumber', 'ServiceReqNumber', 'Subject', 'Symptom', 'Status', 'Status_Valid', 'Priority', 'Priority_Valid',
  'ProfileLink', 'ProfileLink_RecID', 'ProfileLink_Category', 'ProfileFullName', 'Email', 'Owner', 'Owner_Valid', 'OwnerEmail',
  'OwnerTeam', 'OwnerTeam_Valid', 'CreatedDateTime', 'LastModDateTime', 'ResolvedDateTime', 'ClosedDateTime',
]);

/**
 * Options of {@link ivantiRecordToTicket}.
 *
 * @category Mapping
 */
export interface RecordToTicketOptions {
  /** The status mapping. Default: {@link createStatusMapper} without overrides. */
  statusCategory?: IvantiStatusMapper | undefined;
  /** The record's web page (`client.recordLink(...)`). */
  url?: string | undefined;
}

function present(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Maps an incident or a service request to a `Ticket`:
 *
 * - `id` is the RecId, `key` `INC-<IncidentNumber>` or `SR-<ServiceReqNumber>`, `type` the kind;
 * - `subject` the `Subject`, `description` the `Symptom` (as plain text when Ivanti holds it as HTML);
 * - `status` the mapped category with the `Status` as `native`; `priority` from `Priority` (1 critical … 5 low);
 * - `requester` the customer (`ProfileLink_RecID`, `Email`, `ProfileFullName`), `assignee` the owner
 *   (`Owner_Valid`, the owner's RecId, or the `Owner` login), `team` the `OwnerTeam`;
 * - `createdAt`, `updatedAt` (`LastModDateTime`) and `resolvedAt` (`ResolvedDateTime`, else
 *   `ClosedDateTime`) in UTC;
 * - `customFields` every other non-empty field; `raw` the record untouched.
 *
 * @param record - The record, read whole.
 * @param kind - Its kind.
 * @param options - The status mapping and the web link.
 * @throws `ResponseShapeError` when the record has no `CreatedDateTime`/`LastModDateTime`.
 * @category Mapping
 */
export function ivantiRecordToTicket(record: Incident | ServiceRequest, kind: TicketKind, options: RecordToTicketOptions = {}): Ticket {
  const statusCategory = options.statusCategory ?? createStatusMapper();
  const fields = record as Record<string, unknown>;
  const number = fields[TICKET_KINDS[kind].numberField];
  const status = present(record.Status) ? record.Status : undefined;
  const priority = record.Priority === null || record.Priority === undefined || String(record.Priority).trim() === '' ? undefined : String(record.Priority);
  const customFields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!MAPPED_FIELDS.has(name) && !name.startsWith('@odata.') && value !== null && value !== undefined && value !== '') customFields[name] = value;
  }
  const requester: UserRef | undefined = present(record.ProfileLink_RecID)
    ? { id: record.ProfileLink_RecID, ...(present(record.Email) ? { email: record.Email } : {}), ...(present(record.ProfileFullName) ? { name: record.ProfileFullName } : {}) }
    : undefined;
  const ownerId = present(record.Owner_Valid) ? record.Owner_Valid : present(record.Owner) ? record.Owner : undefined;
  const assignee: UserRef | undefined = ownerId === undefined
    ? undefined
    : { id: ownerId, ...(present(record.OwnerEmail) ? { email: record.OwnerEmail } : {}), ...(present(record.Owner) ? { name: record.Owner } : {}) };
  const resolvedAt = ivantiTimestamps.optional(record.ResolvedDateTime) ?? ivantiTimestamps.optional(record.ClosedDateTime);
  const teamId = fields.OwnerTeam_Valid;
  return {
    provider: IVANTI,
    id: record.RecId,
    key: number === null || number === undefined ? record.RecId : ticketKey(kind, String(number)),
    ...(options.url === undefined ? {} : { url: options.url }),
    type: kind,
    subject: record.Subject ?? '',
    ...(present(record.Symptom) ? { description: htmlToText(record.Symptom) } : {}),
    status: status === undefined
      ? { category: 'unknown', native: { name: 'Unknown' } }
      : { category: statusCategory(kind, status), native: { ...(present(fields.Status_Valid) ? { id: fields.Status_Valid } : {}), name: status } },
    ...(priority === undefined
      ? {}
      : { priority: { level: ivantiPriorityLevel(priority), native: { ...(present(fields.Priority_Valid) ? { id: fields.Priority_Valid } : {}), name: priority } } }),
    ...(requester === undefined ? {} : { requester }),
    ...(assignee === undefined ? {} : { assignee }),
    ...(present(record.OwnerTeam) ? { team: { ...(present(teamId) ? { id: teamId } : {}), name: record.OwnerTeam } } : {}),
    createdAt: ivantiTimestamps.required(record.CreatedDateTime, 'CreatedDateTime', record),
    updatedAt: ivantiTimestamps.required(record.LastModDateTime, 'LastModDateTime', record),
    ...(resolvedAt === undefined ? {} : { resolvedAt }),
    customFields,
    raw: record,
  };
}
