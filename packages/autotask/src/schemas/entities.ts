/**
 * The entities the typed shortcuts of the client read: tickets, ticket notes, ticket attachments,
 * contacts, resources and companies. Field names as Autotask's `*Model` definitions give them; every
 * field but `id` is optional (a query with `includeFields` returns only those) and may be `null`
 * (Autotask sends empty fields as `null`). Fields not listed are kept. Picklist fields are numeric
 * values: read their labels with `client.picklists(entity)`. Dates are UTC, usually without an offset.
 *
 * @module
 */
import * as z from 'zod/mini';
import { UserDefinedFieldSchema } from './common.js';

const int = z.nullish(z.int());
const text = z.nullish(z.string());
const flag = z.nullish(z.boolean());
const udfs = z.nullish(z.array(UserDefinedFieldSchema));

/**
 * A ticket (`TicketModel`).
 *
 * @category Schemas
 */
export const AutotaskTicketSchema = z.looseObject({
  id: z.number(),
  /** The number people see, e.g. `T20260105.0042`. */
  ticketNumber: text,
  title: text,
  /** Plain text (Autotask returns rich text as text). */
  description: text,
  /** Status picklist value; `5` is Complete in every tenant. */
  status: int,
  priority: int,
  queueID: int,
  companyID: int,
  companyLocationID: int,
  contactID: int,
  assignedResourceID: int,
  assignedResourceRoleID: int,
  creatorResourceID: int,
  creatorType: int,
  ticketType: int,
  ticketCategory: int,
  source: int,
  issueType: int,
  subIssueType: int,
  createDate: text,
  lastActivityDate: text,
  lastTrackedModificationDateTime: text,
  dueDateTime: text,
  completedDate: text,
  resolvedDateTime: text,
  resolution: text,
  /** A marker of your own (the SDK does not use it). */
  externalID: text,
  userDefinedFields: udfs,
});
/**
 * @see {@link AutotaskTicketSchema}
 *
 * @category Schemas
 */
export type AutotaskTicket = z.infer<typeof AutotaskTicketSchema>;

/**
 * A ticket note (`TicketNoteModel`).
 *
 * @category Schemas
 */
export const AutotaskTicketNoteSchema = z.looseObject({
  id: z.number(),
  ticketID: int,
  title: text,
  description: text,
  /** Note type picklist value. */
  noteType: int,
  /** Who may see it: a picklist value (e.g. All Autotask Users, Internal Only). */
  publish: int,
  createDateTime: text,
  lastActivityDate: text,
  creatorResourceID: int,
  createdByContactID: int,
  impersonatorCreatorResourceID: int,
});
/**
 * @see {@link AutotaskTicketNoteSchema}
 *
 * @category Schemas
 */
export type AutotaskTicketNote = z.infer<typeof AutotaskTicketNoteSchema>;

/**
 * A ticket attachment (`TicketAttachmentModel`). `data` (Base64) is filled only when it is read by id.
 *
 * @category Schemas
 */
export const AutotaskTicketAttachmentSchema = z.looseObject({
  id: z.number(),
  ticketID: int,
  parentID: int,
  ticketNoteID: int,
  title: text,
  /** The file name (or the link of a `URL` attachment). */
  fullPath: text,
  /** `FILE_ATTACHMENT`, `URL`, `FOLDER_LINK`, ... */
  attachmentType: text,
  contentType: text,
  fileSize: z.nullish(z.number()),
  publish: int,
  attachDate: text,
  attachedByResourceID: int,
  attachedByContactID: int,
  /** The content, Base64; `null` in query results. */
  data: text,
});
/**
 * @see {@link AutotaskTicketAttachmentSchema}
 *
 * @category Schemas
 */
export type AutotaskTicketAttachment = z.infer<typeof AutotaskTicketAttachmentSchema>;

/**
 * A contact, a customer company's person (`ContactModel`). `isActive` is `1` or `0`.
 *
 * @category Schemas
 */
export const AutotaskContactSchema = z.looseObject({
  id: z.number(),
  companyID: int,
  firstName: text,
  lastName: text,
  title: text,
  emailAddress: text,
  emailAddress2: text,
  emailAddress3: text,
  phone: text,
  mobilePhone: text,
  /** `1` active, `0` inactive (a number, not a boolean). */
  isActive: z.nullish(z.union([z.number(), z.boolean()])),
  primaryContact: flag,
  externalID: text,
  createDate: text,
  lastActivityDate: text,
  lastModifiedDate: text,
  userDefinedFields: udfs,
});
/**
 * @see {@link AutotaskContactSchema}
 *
 * @category Schemas
 */
export type AutotaskContact = z.infer<typeof AutotaskContactSchema>;

/**
 * A resource: an agent, or an API-only user (`ResourceModel`).
 *
 * @category Schemas
 */
export const AutotaskResourceSchema = z.looseObject({
  id: z.number(),
  firstName: text,
  lastName: text,
  email: text,
  email2: text,
  email3: text,
  userName: text,
  isActive: flag,
  resourceType: text,
  licenseType: int,
  userType: int,
  title: text,
  /** The role tickets are assigned to the resource with by default. */
  defaultServiceDeskRoleID: int,
});
/**
 * @see {@link AutotaskResourceSchema}
 *
 * @category Schemas
 */
export type AutotaskResource = z.infer<typeof AutotaskResourceSchema>;

/**
 * A company (`CompanyModel`); id `0` is your own organisation.
 *
 * @category Schemas
 */
export const AutotaskCompanySchema = z.looseObject({
  id: z.number(),
  companyName: text,
  companyNumber: text,
  companyType: int,
  isActive: flag,
  phone: text,
  ownerResourceID: int,
  createDate: text,
  lastActivityDate: text,
  userDefinedFields: udfs,
});
/**
 * @see {@link AutotaskCompanySchema}
 *
 * @category Schemas
 */
export type AutotaskCompany = z.infer<typeof AutotaskCompanySchema>;
