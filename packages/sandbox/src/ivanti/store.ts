/**
 * The Ivanti simulator's state: one indexed store per business object, the validation lists,
 * the request offerings' subscriptions and validation lists, attachment bytes, roles and API keys,
 * the switches tests flip, and `facts` about the seed. Everything is plain data that tests may read
 * and arrange through `sb.state('ivanti')`; writes that bypass the routes should call
 * {@link store.touch} so cached query results are dropped.
 *
 * @module
 */
import type { Random } from '../random.js';
import { toSecond } from './dates.js';
import type { PicklistName } from './picklists.js';
import type { BusinessObjectDef, TableName } from './schema.js';
import type { Row, Table } from './table.js';

/**
 * Behaviour switches.
 *
 * @category State
 */
export interface IvantiSettings {
  /**
   * The path prefix of this tenant: `'/HEAT'` (the usual case, and the default) or `''`. Requests
   * under the other form get what a real tenant answers there: without `/HEAT` on a `/HEAT`
   * tenant, the **200** HTML login page; with `/HEAT` on a tenant without it, a 404 HTML page.
   */
  basePath: '/HEAT' | '';
  /**
   * How far `LastModDateTime` (and a new record's `CreatedDateTime`) lags behind the moment the
   * write becomes visible, in milliseconds: the stamp is `clock() - lastModLagMs`, so a poller that
   * asked `LastModDateTime gt <its last poll>` just before the write misses it unless it overlaps its
   * windows. Default 60 000 (Ivanti stamps 1 to 3 minutes late); 0 for exact stamps.
   */
  lastModLagMs: number;
  /** The tenant's UTC offset in minutes, used to write dates (`+02:00`; 0 writes `Z`). Default 0. */
  utcOffsetMinutes: number;
  /** File extensions (lower case, no dot) an upload may have; others are refused with HTTP 300. */
  allowedExtensions: string[];
  /** The largest file accepted, in bytes; larger ones are refused with HTTP 300. */
  attachmentMaxBytes: number;
  /**
   * Whether `POST /api/rest/Attachment` fills the new attachment's `ParentLink_*` from its
   * `ObjectID`/`objectType`. Off by default: as measured on a live tenant, the upload leaves the
   * pair empty and the client links the file with a PATCH of `ParentLink_RecID` and
   * `ParentLink_Category: 'Incident#'`. (Another source says the upload sets the pair itself.)
   */
  uploadSetsParentLink: boolean;
}

/**
 * What a role may do, per store.
 *
 * @category State
 */
export interface IvantiRole {
  /** The role's internal name (`HelpdeskBot`). */
  readonly name: string;
  /** Stores it reads; an unreadable entity set answers as if it had no rows. */
  readonly read: ReadonlySet<TableName>;
  /** Stores it creates in. */
  readonly create: ReadonlySet<TableName>;
  /** Stores it updates. */
  readonly update: ReadonlySet<TableName>;
  /** Stores it deletes from. */
  readonly delete: ReadonlySet<TableName>;
  /** Whether it sees and runs quick actions and saved searches (they are role-scoped). */
  readonly actions: boolean;
}

/**
 * A REST API key: the role it acts in and the employee it acts on behalf of.
 *
 * @category State
 */
export interface IvantiApiKey {
  /** The key (its Reference ID). */
  readonly key: string;
  /** The role name. */
  readonly role: string;
  /** The RecId of the "On Behalf Of" employee. */
  readonly employeeRecId: string;
}

/**
 * One entry of a validation list.
 *
 * @category State
 */
export interface PicklistEntry {
  /** The entry's RecId (what `<Field>_Valid` holds). */
  readonly recId: string;
  /** The value. */
  readonly value: string;
}

/**
 * One row of a request offering's validation list.
 *
 * @category State
 */
export interface ValidationListEntry {
  /** The RecId (what `par-<id>-recId` carries). */
  readonly recId: string;
  /** The stored value. */
  readonly value: string;
  /** The label shown. */
  readonly label: string;
  /** Values of the constraint fields a dependent list filters on (`{ DeviceType: 'Laptop' }`). */
  readonly constraints?: Readonly<Record<string, string>>;
}

/**
 * A validation list behind request-offering parameters.
 *
 * @category State
 */
export interface ValidationList {
  /** Its RecId (a parameter's `ValidationList_RecID`). */
  readonly recId: string;
  /** Its name. */
  readonly name: string;
  /** Its rows; for `source: 'employees'` the rows come from the active employees instead. */
  readonly entries: readonly ValidationListEntry[];
  /** `employees` for a user picker: rows are the active employees (RecId, display name, e-mail). */
  readonly source?: 'employees';
}

/**
 * Who may request an offering through one subscription.
 *
 * @category State
 */
export type SubscriptionAudience =
  | {
      /** Every employee. */
      readonly kind: 'everyone';
    }
  | {
      /** The employees of one department. */
      readonly kind: 'department';
      /** The department (`Finance`). */
      readonly department: string;
    }
  | {
      /** Employees with `IsManager: true`. */
      readonly kind: 'managers';
    };

/**
 * A request offering's subscription: the id a submit takes (not the offering's RecId).
 *
 * @category State
 */
export interface Subscription {
  /** The subscription id (`strSubscriptionId`). */
  readonly subscriptionId: string;
  /** The offering's RecId (`strRecId`). */
  readonly templateRecId: string;
  /** Who it is for. */
  readonly audience: SubscriptionAudience;
}

/**
 * An attachment's bytes.
 *
 * @category State
 */
export interface StoredFile {
  /** The content. */
  readonly content: Uint8Array;
  /** The RecId the upload named as its object (kept even when the upload leaves `ParentLink_*` empty). */
  readonly uploadedFor: string;
}

/**
 * Facts about a seeded person.
 *
 * @category State
 */
export interface PersonFact {
  /** Employee RecId. */
  readonly recId: string;
  /** `LoginID`. */
  readonly loginId: string;
  /** `PrimaryEmail`. */
  readonly email: string;
  /** `DisplayName`. */
  readonly displayName: string;
}

/**
 * Facts about a seeded request offering.
 *
 * @category State
 */
export interface OfferingFact {
  /** The offering's RecId (`ServiceReqTemplates.RecId`, `strRecId`): its form's `ParentLink_RecID`. */
  readonly templateRecId: string;
  /** The subscription id a submit takes. */
  readonly subscriptionId: string;
  /** The name. */
  readonly name: string;
}

/**
 * Facts about the seeded data that tests, docs and connector options rely on.
 *
 * @category State
 */
export interface IvantiFacts {
  /** The API key's "On Behalf Of" employee (the service account) and its role. */
  readonly serviceAccount: PersonFact & { readonly role: string };
  /**
   * A second API key whose role (`ReportViewer`) reads employees, incidents, journals and
   * attachments but not service requests or the catalog (those sets answer as if empty), and may
   * write nothing (every write is refused with "Role ReportViewer does not have rights to …").
   */
  readonly limitedKey: PersonFact & { readonly apiKey: string; readonly role: string };
  /** An active customer with incidents and service requests of several statuses, notes and attachments. */
  readonly knownRequester: PersonFact;
  /**
   * An e-mail address two employee records share: a rehired person's old (Terminated, disabled)
   * and new (Active) records, as directories keep them.
   */
  readonly ambiguousEmail: string;
  /** An employee whose `Status` is `Terminated` (and `Disabled`). */
  readonly inactiveEmployee: PersonFact;
  /** An analyst of the `Service Desk` team (a valid `Owner`). */
  readonly agent: PersonFact & { readonly team: string };
  /** The team, category and cause code connector options default to. */
  readonly defaultTeam: string;
  /** A category valid for incidents (needed to move an incident to `Active`). */
  readonly defaultCategory: string;
  /** A cause code (needed with a resolution to resolve or close an incident). */
  readonly defaultCauseCode: string;
  /** A `Closed` incident (read-only: DELETE refused, PATCH still accepted). */
  readonly closedIncident: { readonly recId: string; readonly number: number };
  /** A `Resolved` incident (has `Resolution` and `CauseCode`). */
  readonly resolvedIncident: { readonly recId: string; readonly number: number };
  /** A `Logged` incident without category or owner (moving it to `Active` needs both). */
  readonly loggedIncident: { readonly recId: string; readonly number: number };
  /** An incident with at least one attachment, and that attachment. */
  readonly incidentWithAttachment: { readonly recId: string; readonly attachmentRecId: string; readonly filename: string };
  /** An incident with a customer-visible note (`PublishToWeb: true`) and an internal one. */
  readonly incidentWithNotes: { readonly recId: string };
  /** A service request created from an offering, with its stored parameters. */
  readonly serviceRequestWithParams: { readonly recId: string; readonly number: number };
  /** The laptop offering: required fields, a dependent list (model by device type), a user picker, dates, a multi-select, a pattern, a conditional field. */
  readonly laptopOffering: OfferingFact;
  /** An offering only the Finance department may request. */
  readonly financeOffering: OfferingFact & { readonly department: string };
  /** An offering in `Draft`: not in any catalog answer, its subscription refused. */
  readonly draftOffering: OfferingFact;
  /** An employee of the Finance department (sees the Finance offering) and one outside it. */
  readonly financeEmployee: PersonFact;
}

/**
 * The whole state of the Ivanti simulator.
 *
 * @category State
 */
export interface IvantiState {
  /** The instant the seeded history leads up to. */
  readonly seededUntil: Date;
  /** The clock of writes (milliseconds); a test replaces it to move time by hand. */
  clock: () => number;
  /** Behaviour switches. */
  readonly settings: IvantiSettings;
  /** The stores, by name. */
  readonly tables: Readonly<Record<TableName, Table>>;
  /** The static validation lists (`Team` included; `Owner` is read from the analysts). */
  readonly picklists: ReadonlyMap<PicklistName, readonly PicklistEntry[]>;
  /** Validation lists behind offering parameters, by RecId. */
  readonly validationLists: ReadonlyMap<string, ValidationList>;
  /** Offering subscriptions, by subscription id. */
  readonly subscriptions: ReadonlyMap<string, Subscription>;
  /** Attachment bytes, by attachment RecId. */
  readonly files: Map<string, StoredFile>;
  /** Incident ↔ service request associations, as `INCIDENTRECID|SERVICEREQRECID`. */
  readonly associations: Set<string>;
  /** Roles, by name. */
  readonly roles: ReadonlyMap<string, IvantiRole>;
  /** API keys other than the sandbox's own, by key. */
  readonly apiKeys: ReadonlyMap<string, IvantiApiKey>;
  /** The role and employee of the sandbox's own key. */
  readonly serviceAccount: { readonly role: string; readonly employeeRecId: string };
  /** Quick-action and saved-search ActionIds, per role: `role|entitySet|name` → GUID. */
  readonly actionIds: ReadonlyMap<string, string>;
  /** The next ticket numbers (incidents and service requests count separately, as tenants do). */
  readonly counters: { incident: number; serviceReq: number };
  /** The source of new RecIds (seeded, so a run is repeatable). */
  readonly ids: Random;
  /** Bumped by every write; cached query results of an older version are discarded. */
  version: number;
  /** Sorted query results, by query, for paging through one result without sorting it again. */
  readonly queryCache: Map<string, { readonly version: number; readonly recIds: readonly string[] }>;
  /** Facts for tests. */
  readonly facts: IvantiFacts;
}

/**
 * Finders and small helpers over an {@link IvantiState}.
 *
 * @category State
 */
export const store = {
  /** The store of a business object. */
  table(state: IvantiState, object: BusinessObjectDef): Table {
    return state.tables[object.table];
  },
  /** Whether a row belongs to the object (a view such as `journal__notess` holds only its `JournalType`). */
  belongs(object: BusinessObjectDef, row: Row): boolean {
    return object.view === undefined || row[object.view.field] === object.view.value;
  },
  /** A row of the object by RecId (any case), or `undefined`. */
  row(state: IvantiState, object: BusinessObjectDef, recId: string): Row | undefined {
    const row = state.tables[object.table].get(recId);
    return row !== undefined && store.belongs(object, row) ? row : undefined;
  },
  /** A new RecId: 32 upper-case hexadecimal digits. */
  newRecId(state: IvantiState): string {
    return state.ids.hex(32).toUpperCase();
  },
  /** The stamp of a write made now: the clock minus the lag, to the second. */
  stamp(state: IvantiState): number {
    return toSecond(state.clock() - state.settings.lastModLagMs);
  },
  /** Marks the state changed (drops cached query results). */
  touch(state: IvantiState): void {
    state.version += 1;
  },
  /** The employee with a `LoginID` (any case). */
  employeeByLogin(state: IvantiState, loginId: string): Row | undefined {
    const [recId] = state.tables.employees.lookup('LoginID', loginId) ?? [];
    return recId === undefined ? undefined : state.tables.employees.get(recId);
  },
  /** The analysts: employees in a team (valid `Owner` values). */
  isAnalyst(employee: Row): boolean {
    return typeof employee.Team === 'string' && employee.Team !== '';
  },
};
