/**
 * Incidents (`incidents`) and service requests (`servicereqs`): the fields the SDK reads, all
 * optional (a `$select` may leave them out) but `RecId`; every other field is kept.
 *
 * @module
 */
import * as z from 'zod/mini';
import { flag, number, text, textOrNumber } from './common.js';

/** The fields incidents and service requests share. */
const ticketFields = {
  /** The record's key. */
  RecId: z.string(),
  /** One-line summary. */
  Subject: text,
  /** The description ("Description" in the UI). */
  Symptom: text,
  /** The status, e.g. `Logged`, `Active`, `Resolved`, `Closed`. */
  Status: text,
  /** `1` (most urgent) to `5`, from urgency × impact. */
  Priority: textOrNumber,
  /** `Low`, `Medium`, `High`. */
  Urgency: text,
  /** `Low`, `Medium`, `High`. */
  Impact: text,
  /** The service. */
  Service: text,
  /** Where it came from (`Phone`, `Self Service`, ...). */
  Source: text,
  /** The customer: their RecId. */
  ProfileLink_RecID: text,
  /** The customer's kind, `Employee`. */
  ProfileLink_Category: text,
  /** The customer's name. */
  ProfileFullName: text,
  /** The customer's e-mail. */
  Email: text,
  /** The owner's login ID. */
  Owner: text,
  /** The owner's RecId (the entry of the Owner validation list). */
  Owner_Valid: text,
  /** The owner's e-mail. */
  OwnerEmail: text,
  /** The owning team. */
  OwnerTeam: text,
  /** How it was resolved. */
  Resolution: text,
  /** Who created it (a login ID). */
  CreatedBy: text,
  /** When it was created, with the tenant's offset. */
  CreatedDateTime: text,
  /** Who changed it last: always the account the API key acts for, for API writes. */
  LastModBy: text,
  /** When it was last changed; Ivanti may stamp it minutes late. */
  LastModDateTime: text,
  /** When it was resolved. */
  ResolvedDateTime: text,
  /** Who resolved it. */
  ResolvedBy: text,
  /** When it was closed. */
  ClosedDateTime: text,
  /** Who closed it. */
  ClosedBy: text,
  /** `true` once closed: the record is final. */
  ReadOnly: flag,
};

/**
 * An incident (`incidents`).
 *
 * @example
 * ```ts
 * const incident = await ivanti.incidents.get('085867F47547496783005D95CB82D557');
 * console.log(incident.IncidentNumber, incident.Status, incident.ProfileFullName);
 * ```
 *
 * @category Schemas
 */
export const IncidentSchema = z.looseObject({
  ...ticketFields,
  /** The incident's number, from a counter. */
  IncidentNumber: number,
  /** The category; needed to move an incident to `Active`. */
  Category: text,
  /** `Failure`, `Request`, ... */
  TypeOfIncident: text,
  /** The cause code; usually needed to resolve or close an incident. */
  CauseCode: text,
});
/**
 * @see {@link IncidentSchema}
 *
 * @category Schemas
 */
export type Incident = z.infer<typeof IncidentSchema>;

/**
 * A service request (`servicereqs`).
 *
 * @example
 * ```ts
 * const request = await ivanti.serviceRequests.get('0A89BD6EDB214B9C8D4488500E26867B');
 * console.log(request.ServiceReqNumber, request.Status, request.SvcReqTmplLink_RecID);
 * ```
 *
 * @category Schemas
 */
export const ServiceRequestSchema = z.looseObject({
  ...ticketFields,
  /** The request's number, from its own counter (it may equal an incident's number). */
  ServiceReqNumber: number,
  /** The request offering it was made from: its RecId. */
  SvcReqTmplLink_RecID: text,
  /** Whether it is a draft. */
  IsDraft: flag,
});
/**
 * @see {@link ServiceRequestSchema}
 *
 * @category Schemas
 */
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;
