/**
 * The validation lists ("picklists") of the seeded tenant: the values a validated field accepts. A
 * record stores the value and, in `<Field>_Valid`, the RecId of the list entry. Values are compared
 * without regard to case and stored as the list spells them.
 *
 * Incident statuses are the seven Ivanti ships (R7's enum, seven measured on a live tenant); service
 * request statuses are the union of the two lists public clients use (R7's ten and IvantiPS's
 * `Active`), since the notes disagree and a tenant may have either.
 *
 * @module
 */

/**
 * The incident statuses, in workflow order.
 *
 * @category Seed data
 */
export const INCIDENT_STATUSES = ['Logged', 'Active', 'Waiting for Customer', 'Waiting for 3rd Party', 'Waiting for Resolution', 'Resolved', 'Closed'] as const;

/**
 * The service request statuses.
 *
 * @category Seed data
 */
export const SERVICE_REQUEST_STATUSES = [
  'Draft',
  'Submitted',
  'Approved',
  'Approval Rejected',
  'In Procurement',
  'Active',
  'Waiting for Customer',
  'Waiting for 3rd Party',
  'Fulfilled',
  'Closed',
  'Cancelled',
] as const;

/** Urgency and impact. */
export const LEVELS = ['Low', 'Medium', 'High'] as const;

/** Priorities, `1` the most urgent; Ivanti keeps them as strings. */
export const PRIORITIES = ['1', '2', '3', '4', '5'] as const;

/**
 * Where a ticket came from (thirteen values, as measured on a stock tenant).
 *
 * @category Seed data
 */
export const SOURCES = [
  'AutoTicket',
  'Chat',
  'Email',
  'Event Management',
  'Fax',
  'Instant Message',
  'Network Monitor',
  'Phone',
  'Self Service',
  'Social Media',
  'Voice Mail',
  'Walk-In',
  'Web Client',
] as const;

/**
 * Incident categories.
 *
 * @category Seed data
 */
export const INCIDENT_CATEGORIES = [
  'Account Lockout',
  'Email',
  'Hardware',
  'How-To',
  'Laptop',
  'Mobile Device',
  'Network',
  'Password Reset',
  'Printing',
  'Access Request',
  'Software',
  'VPN',
  'Onboarding',
  'Offboarding',
  'General Support',
] as const;

/**
 * Services.
 *
 * @category Seed data
 */
export const SERVICES = [
  'Service Desk',
  'Desktop Service',
  'Email Service',
  'Identity Management',
  'Mobile Service',
  'Network Service',
  'Printing Service',
  'Application Hosting',
  'HR Services',
] as const;

/**
 * Cause codes (required to resolve an incident).
 *
 * @category Seed data
 */
export const CAUSE_CODES = [
  'Configuration',
  'Documentation Request',
  'Duplicate',
  'Hardware',
  'Network',
  'Session Reset',
  'Software',
  'Training',
  'User Error',
  'Other',
] as const;

/** Incident types. */
export const INCIDENT_TYPES = ['Failure', 'Request', 'Question'] as const;

/**
 * Journal note categories.
 *
 * @category Seed data
 */
export const NOTE_CATEGORIES = [
  'Called Customer',
  'Customer Complaint',
  'Customer Feedback',
  'Customer Follow-up',
  'Customer Notes',
  'E-mailed Customer',
  'Left Voice Mail',
  'Memo',
  'Resolution Communication',
  'Status Update',
] as const;

/** Journal note sources. */
export const NOTE_SOURCES = ['E-mail', 'Other', 'Phone/Fax', 'Self Service', 'Voice Mail'] as const;

/**
 * Employee statuses.
 *
 * @category Seed data
 */
export const EMPLOYEE_STATUSES = ['Active', 'Inactive', 'New', 'On Leave', 'Terminated'] as const;

/** The request offering statuses; only published ones reach the catalog. */
export const TEMPLATE_STATUSES = ['Published (Automatic)', 'Published', 'Draft', 'Unpublished'] as const;

/**
 * The names of the static validation lists.
 *
 * @category Seed data
 */
export type PicklistName =
  | 'IncidentStatus'
  | 'ServiceReqStatus'
  | 'Urgency'
  | 'Impact'
  | 'Priority'
  | 'Source'
  | 'IncidentCategory'
  | 'Service'
  | 'CauseCode'
  | 'TypeOfIncident'
  | 'JournalCategory'
  | 'JournalSource'
  | 'EmployeeStatus'
  | 'TemplateStatus'
  | 'Team'
  | 'Owner';

/** The values of each static list (`Team` and `Owner` come from the teams and the analysts). */
export const STATIC_PICKLISTS: Readonly<Record<Exclude<PicklistName, 'Team' | 'Owner'>, readonly string[]>> = {
  IncidentStatus: INCIDENT_STATUSES,
  ServiceReqStatus: SERVICE_REQUEST_STATUSES,
  Urgency: LEVELS,
  Impact: LEVELS,
  Priority: PRIORITIES,
  Source: SOURCES,
  IncidentCategory: INCIDENT_CATEGORIES,
  Service: SERVICES,
  CauseCode: CAUSE_CODES,
  TypeOfIncident: INCIDENT_TYPES,
  JournalCategory: NOTE_CATEGORIES,
  JournalSource: NOTE_SOURCES,
  EmployeeStatus: EMPLOYEE_STATUSES,
  TemplateStatus: TEMPLATE_STATUSES,
};

/**
 * Ivanti's priority matrix: urgency × impact → priority (`High`/`High` is `1`, `Low`/`Low` is `5`).
 * An incident's priority follows whenever urgency or impact is written without a priority.
 */
export function priorityOf(urgency: string | null, impact: string | null): string {
  const weight = (level: string | null): number => (level === 'High' ? 2 : level === 'Low' ? 0 : 1);
  return String(5 - weight(urgency) - weight(impact));
}
