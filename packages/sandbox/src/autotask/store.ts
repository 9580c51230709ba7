/**
 * The Autotask simulator's state: one {@link EntityTable} per entity, the attachment contents, the
 * counters of the limits (the hourly request budget, the thread gate, the attachment byte window),
 * the switches tests flip, and `facts` about the seeded data that tests and connector options rely on.
 *
 * Everything here is reachable through `sb.state('autotask')`. Change records through the tables
 * (`state.tables.Tickets.update(id, { status: 5 })`), which keep their indexes right.
 *
 * @module
 */
import type { InFlightGate } from '../in-flight-gate.js';
import type { SimRequest } from '../simulator.js';
import type { WindowBudget } from '../window-budget.js';
import type { EntityRecord, EntityTable } from './table.js';

/**
 * A ticket; dates are epoch ms. Fields not listed here may be set too (every `TicketModel` field is writable as Autotask allows).
 *
 * @category State
 */
export interface Ticket extends EntityRecord {
  readonly ticketNumber: string;
  readonly title: string;
  readonly status: number;
  readonly priority: number;
  readonly companyID: number;
  readonly createDate: number;
  readonly lastActivityDate: number;
  readonly lastTrackedModificationDateTime: number;
  readonly creatorType: number;
  readonly contactID?: number;
  readonly queueID?: number;
  readonly assignedResourceID?: number;
  readonly assignedResourceRoleID?: number;
  readonly description?: string;
  readonly completedDate?: number;
  readonly dueDateTime?: number;
  readonly ticketType?: number;
  readonly creatorResourceID?: number;
}

/**
 * A ticket note.
 *
 * @category State
 */
export interface TicketNote extends EntityRecord {
  readonly ticketID: number;
  readonly noteType: number;
  readonly publish: number;
  readonly description: string;
  readonly createDateTime: number;
  readonly lastActivityDate: number;
  readonly title?: string;
  readonly creatorResourceID?: number;
  readonly createdByContactID?: number;
}

/**
 * A ticket attachment's metadata; its content is in `state.attachmentData`.
 *
 * @category State
 */
export interface TicketAttachment extends EntityRecord {
  readonly ticketID: number;
  readonly parentID: number;
  readonly title: string;
  readonly fullPath: string;
  readonly attachmentType: string;
  readonly publish: number;
  readonly attachDate: number;
  readonly fileSize: number;
  readonly contentType: string;
  readonly attachedByResourceID?: number;
  readonly attachedByContactID?: number;
}

/**
 * A contact (a customer's person). `isActive` is 1 or 0.
 *
 * @category State
 */
export interface Contact extends EntityRecord {
  readonly companyID: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly isActive: number;
  readonly createDate: number;
  readonly lastActivityDate: number;
  readonly lastModifiedDate: number;
  readonly emailAddress?: string;
  readonly emailAddress2?: string;
  readonly emailAddress3?: string;
}

/**
 * A resource: an agent, or an API-only user (`licenseType` 7).
 *
 * @category State
 */
export interface Resource extends EntityRecord {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly userName: string;
  readonly isActive: boolean;
  readonly licenseType: number;
  readonly resourceType: string;
  readonly userType: number;
  readonly defaultServiceDeskRoleID?: number;
}

/**
 * A company; id 0 is the MSP's own organisation.
 *
 * @category State
 */
export interface Company extends EntityRecord {
  readonly companyName: string;
  readonly companyType: number;
  readonly isActive: boolean;
  readonly ownerResourceID: number;
  readonly phone: string;
  readonly createDate: number;
  readonly lastActivityDate: number;
}

/**
 * The tables, by entity.
 *
 * @category State
 */
export interface AutotaskTables {
  readonly Tickets: EntityTable<Ticket>;
  readonly TicketNotes: EntityTable<TicketNote>;
  readonly TicketAttachments: EntityTable<TicketAttachment>;
  readonly Contacts: EntityTable<Contact>;
  readonly Resources: EntityTable<Resource>;
  readonly Companies: EntityTable<Company>;
}

/**
 * The hourly request threshold (10,000 per rolling hour per database).
 *
 * @category State
 */
export interface ThresholdSettings {
  /**
   * Whether requests past the threshold get the 429. Off by default, so long sessions and benchmarks
   * are not cut off; requests are counted either way (`ThresholdInformation` reports them).
   */
  enforced: boolean;
  /** Requests per window (`externalRequestThreshold`); default 10,000. */
  limit: number;
  /** The rolling window in minutes (`requestThresholdTimeframe`); default 60. */
  windowMinutes: number;
  /**
   * Autotask's usage latency: 0.5 s more per call from 50 % of the threshold, 1 s from 75 %. Off by
   * default; the delay goes through `state.wait`, which tests replace, so they never wait real time.
   */
  latency: boolean;
}

/**
 * Behaviour switches and limits.
 *
 * @category State
 */
export interface AutotaskSettings {
  /** The hourly request threshold. */
  readonly threshold: ThresholdSettings;
  /** Requests in flight per tracking identifier and entity endpoint (3 for integrations since 2023.1). */
  threadLimit: number;
  /** The largest attachment accepted, in bytes. */
  attachmentMaxBytes: number;
  /** Attachment bytes accepted per 5 minutes per database; past it, uploads are refused for 5 minutes. */
  attachmentBytesPerWindow: number;
}

/**
 * A person in the facts.
 *
 * @category State
 */
export interface FactPerson {
  readonly id: number;
  readonly email: string;
  readonly name: string;
}

/**
 * Facts about the seeded data that tests, docs and connector options rely on.
 *
 * @category State
 */
export interface AutotaskFacts {
  /** The API-only user the sandbox's credentials belong to (a resource with `licenseType` 7). */
  readonly apiUser: { readonly resourceId: number; readonly username: string };
  /** What `zoneInformation` answers besides the URLs. */
  readonly zone: { readonly zoneName: string; readonly ci: number };
  /** The MSP's own company (id 0). */
  readonly ownCompany: { readonly id: number; readonly name: string };
  /** A customer company with contacts and tickets. */
  readonly company: { readonly id: number; readonly name: string };
  /**
   * A contact with a unique e-mail address who raised tickets both within the last 90 days and
   * before (the "my tickets of the last 90 days" story).
   */
  readonly knownRequester: FactPerson & { readonly companyId: number };
  /** An e-mail address two active contacts (of different companies) share: a lookup by it is ambiguous. */
  readonly duplicateEmail: { readonly email: string; readonly contactIds: readonly [number, number] };
  /** A contact found by its second address (`emailAddress2`), with its primary one. */
  readonly aliasContact: { readonly id: number; readonly alias: string; readonly email: string };
  /** An inactive contact (`isActive` 0). */
  readonly inactiveContact: FactPerson;
  /** An active agent (a resource with a service desk role). */
  readonly agent: FactPerson & { readonly userName: string; readonly roleId: number };
  /** An inactive agent. */
  readonly inactiveAgent: FactPerson;
  /** The default service desk queue. */
  readonly queue: { readonly id: number; readonly name: string };
  /** A completed ticket (status 5). */
  readonly completedTicket: { readonly id: number; readonly ticketNumber: string };
  /** A ticket that is not completed, of the known requester. */
  readonly openTicket: { readonly id: number; readonly ticketNumber: string };
  /** A ticket with an attachment. */
  readonly ticketWithAttachment: { readonly ticketId: number; readonly attachmentId: number };
  /** A ticket with a public note (`publish` 1) and an internal one (`publish` 2). */
  readonly ticketWithInternalNote: { readonly ticketId: number; readonly publicNoteId: number; readonly internalNoteId: number };
}

/**
 * The seeded data of the state: what the seed fills in before the facts are known.
 *
 * @category State
 */
export type SeededData = Pick<AutotaskState, 'seededUntil' | 'tables' | 'attachmentData' | 'ticketNumberSequences' | 'roles' | 'resourceRoles'>;

/**
 * The whole state of the Autotask simulator.
 *
 * @category State
 */
export interface AutotaskState {
  /** The instant the seeded history leads up to. */
  readonly seededUntil: Date;
  /** The clock of writes and limits, in epoch ms; a test replaces it to move time by hand. */
  clock: () => number;
  /** Waits `ms` (the usage latency); a test replaces it to record delays instead of waiting. */
  wait: (ms: number) => Promise<void>;
  /**
   * A test hook awaited inside the thread gate for every request (after authentication and the
   * hourly count): a test returns a promise it resolves later to keep requests in flight.
   */
  hold: ((request: SimRequest) => Promise<void> | void) | undefined;
  /** The records. */
  readonly tables: AutotaskTables;
  /** Attachment contents by attachment id. */
  readonly attachmentData: Map<number, Uint8Array>;
  /** Recent attachment uploads (for the bytes-per-5-minutes limit), oldest first. */
  readonly attachmentUploads: { at: number; bytes: number }[];
  /** When attachment uploads are blocked until (epoch ms), after the byte limit was passed. */
  attachmentsBlockedUntil: number;
  /** The last ticket number sequence per day (`20260105` → 42 for `T20260105.0042`). */
  readonly ticketNumberSequences: Map<string, number>;
  /** Service desk roles by id (name). */
  readonly roles: Map<number, string>;
  /** The roles each resource may be assigned tickets with. */
  readonly resourceRoles: Map<number, Set<number>>;
  /** Switches and limits. */
  readonly settings: AutotaskSettings;
  /** The hourly request count per database (its limit and window follow `settings.threshold`). */
  readonly hourly: WindowBudget;
  /** Requests in flight per tracking identifier and entity endpoint. */
  readonly threads: InFlightGate;
  /** Facts for tests. */
  readonly facts: AutotaskFacts;
}
