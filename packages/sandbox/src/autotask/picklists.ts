/**
 * The seeded tenant's picklists, as `entityInformation/fields` reports them. Picklists are tenant
 * data in Autotask: only `status` 5 = Complete (with 1 New and 7 Waiting Customer, the other system
 * statuses) is the same everywhere; a client must read the rest from `entityInformation/fields`.
 * The values here follow the defaults of a new Autotask tenant and public fixtures.
 *
 * @module
 */
import type { PicklistValue } from './fields.js';

/**
 * Ticket status: New (system).
 *
 * @category Seed data
 */
export const STATUS_NEW = 1;
/**
 * Ticket status: Complete (system; the only value every tenant shares).
 *
 * @category Seed data
 */
export const STATUS_COMPLETE = 5;
/**
 * Ticket status: Waiting Customer (system).
 *
 * @category Seed data
 */
export const STATUS_WAITING_CUSTOMER = 7;
/**
 * Ticket status: In Progress.
 *
 * @category Seed data
 */
export const STATUS_IN_PROGRESS = 8;

/**
 * Ticket `status`.
 *
 * @category Seed data
 */
export const TICKET_STATUSES: readonly PicklistValue[] = [
  { value: '1', label: 'New', isDefaultValue: true, isSystem: true },
  { value: '8', label: 'In Progress' },
  { value: '10', label: 'Scheduled' },
  { value: '11', label: 'Escalate' },
  { value: '7', label: 'Waiting Customer', isSystem: true },
  { value: '9', label: 'Waiting Materials' },
  { value: '12', label: 'Waiting Vendor' },
  { value: '13', label: 'Waiting Approval' },
  { value: '17', label: 'On Hold' },
  { value: '5', label: 'Complete', isSystem: true },
];

/**
 * Ticket `priority`; 5 is inactive (kept on old tickets, refused on writes).
 *
 * @category Seed data
 */
export const TICKET_PRIORITIES: readonly PicklistValue[] = [
  { value: '4', label: 'Critical' },
  { value: '1', label: 'High' },
  { value: '2', label: 'Medium', isDefaultValue: true },
  { value: '3', label: 'Low' },
  { value: '5', label: 'Planning', isActive: false },
];

/**
 * Ticket `queueID`: the service desk queues.
 *
 * @category Seed data
 */
export const TICKET_QUEUES: readonly PicklistValue[] = [
  { value: '29682833', label: 'Level I Support', isDefaultValue: true },
  { value: '29682969', label: 'Level II Support' },
  { value: '5', label: 'Client Portal' },
  { value: '8', label: 'Monitoring Alert' },
  { value: '6', label: 'Post Sale' },
  { value: '29683354', label: 'Recurring Tickets' },
];

/**
 * Ticket `source`.
 *
 * @category Seed data
 */
export const TICKET_SOURCES: readonly PicklistValue[] = [
  { value: '-2', label: 'Insourced', isSystem: true },
  { value: '-1', label: 'Client Portal', isSystem: true },
  { value: '2', label: 'Phone', isDefaultValue: true },
  { value: '3', label: 'Voice Mail' },
  { value: '4', label: 'Email' },
  { value: '6', label: 'Web Portal' },
  { value: '1', label: 'In Person/Onsite' },
  { value: '8', label: 'Monitoring Alert' },
  { value: '11', label: 'Verbal' },
];

/**
 * Ticket `ticketType`.
 *
 * @category Seed data
 */
export const TICKET_TYPES: readonly PicklistValue[] = [
  { value: '1', label: 'Service Request', isDefaultValue: true, isSystem: true },
  { value: '2', label: 'Incident', isSystem: true },
  { value: '3', label: 'Problem', isSystem: true },
  { value: '4', label: 'Change Request', isSystem: true },
  { value: '5', label: 'Alert', isSystem: true },
];

/** Ticket `ticketCategory`. */
export const TICKET_CATEGORIES: readonly PicklistValue[] = [
  { value: '3', label: 'Standard', isDefaultValue: true },
  { value: '2', label: 'Monitoring Alert' },
];

/**
 * Ticket `issueType`.
 *
 * @category Seed data
 */
export const ISSUE_TYPES: readonly PicklistValue[] = [
  { value: '1', label: 'Hardware' },
  { value: '2', label: 'Software' },
  { value: '3', label: 'Network' },
  { value: '4', label: 'Account & Access' },
  { value: '5', label: 'Email & Collaboration' },
];

/**
 * Ticket `subIssueType`, each under its `issueType` (`parentValue`).
 *
 * @category Seed data
 */
export const SUB_ISSUE_TYPES: readonly PicklistValue[] = [
  { value: '101', label: 'Laptop / Desktop', parentValue: '1' },
  { value: '102', label: 'Printer', parentValue: '1' },
  { value: '103', label: 'Peripheral', parentValue: '1' },
  { value: '104', label: 'Mobile Device', parentValue: '1' },
  { value: '201', label: 'Installation', parentValue: '2' },
  { value: '202', label: 'Licence', parentValue: '2' },
  { value: '203', label: 'Application Error', parentValue: '2' },
  { value: '301', label: 'VPN', parentValue: '3' },
  { value: '302', label: 'Wi-Fi', parentValue: '3' },
  { value: '303', label: 'Connectivity', parentValue: '3' },
  { value: '401', label: 'Password Reset', parentValue: '4' },
  { value: '402', label: 'Account Lockout', parentValue: '4' },
  { value: '403', label: 'Access Request', parentValue: '4' },
  { value: '404', label: 'New Starter', parentValue: '4' },
  { value: '405', label: 'Leaver', parentValue: '4' },
  { value: '501', label: 'Outlook', parentValue: '5' },
  { value: '502', label: 'Mailbox', parentValue: '5' },
];

/** Ticket `creatorType` and `lastActivityPersonType`: who did it. */
export const PERSON_TYPES: readonly PicklistValue[] = [
  { value: '1', label: 'Resource', isSystem: true },
  { value: '2', label: 'Contact', isSystem: true },
];

/** Who created or last touched a record: a resource (agent, API user) or a contact. */
export const PERSON_TYPE = { resource: 1, contact: 2 } as const;

/**
 * TicketNote `noteType`; 13 is the system's workflow-rule note, not for API writes.
 *
 * @category Seed data
 */
export const NOTE_TYPES: readonly PicklistValue[] = [
  { value: '1', label: 'Task Summary' },
  { value: '2', label: 'Task Detail' },
  { value: '3', label: 'Task Notes', isDefaultValue: true },
  { value: '13', label: 'Workflow Rule Note - Task', isSystem: true, isActive: false },
  { value: '99', label: 'RMM Note' },
];

/**
 * TicketNote and TicketAttachment `publish`: who may see it.
 *
 * @category Seed data
 */
export const PUBLISH_VALUES: readonly PicklistValue[] = [
  { value: '1', label: 'All Autotask Users', isDefaultValue: true },
  { value: '2', label: 'Internal Only' },
  { value: '3', label: 'Internal & Co-managed' },
];

/**
 * `publish` = All Autotask Users: customers (contacts) see it.
 *
 * @category Seed data
 */
export const PUBLISH_ALL = 1;
/**
 * `publish` = Internal Only.
 *
 * @category Seed data
 */
export const PUBLISH_INTERNAL = 2;

/** Company `companyType`. */
export const COMPANY_TYPES: readonly PicklistValue[] = [
  { value: '1', label: 'Customer', isDefaultValue: true },
  { value: '2', label: 'Lead' },
  { value: '3', label: 'Prospect' },
  { value: '4', label: 'Dead' },
  { value: '6', label: 'Cancellation' },
  { value: '7', label: 'Vendor' },
  { value: '8', label: 'Partner' },
];

/** Company `companyType` = Customer. */
export const COMPANY_CUSTOMER = 1;

/** Resource `licenseType`: 7 is the API-only licence of API users. */
export const LICENSE_TYPES: readonly PicklistValue[] = [
  { value: '1', label: 'Professional' },
  { value: '2', label: 'Team Member' },
  { value: '7', label: 'API User', isSystem: true },
];

/** Resource `licenseType` of API-only users. */
export const LICENSE_API_USER = 7;

/** TicketAttachment `attachmentType`. */
export const ATTACHMENT_TYPES: readonly PicklistValue[] = [
  { value: 'FILE_ATTACHMENT', label: 'File Attachment' },
  { value: 'URL', label: 'URL' },
  { value: 'FOLDER_LINK', label: 'Folder Link' },
];
