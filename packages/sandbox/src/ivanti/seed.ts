/**
 * The seeded Ivanti tenant, built deterministically from the sandbox seed (dates lead up to
 * `seededUntil`; the clock is never read):
 *
 * - five teams; the **service account** of the seed document (`HelpdeskBot` role, an analyst of
 *   the Service Desk team) and a `ReportViewer` integration account with its own key; twelve
 *   analysts; 120 employees across departments and offices, some managers and VIPs, a few Inactive,
 *   On Leave, New or Terminated, middle initials in some display names, and one rehired person whose
 *   old (Terminated) and new records share an e-mail address;
 * - the catalog (`seed-catalog.ts`);
 * - `tickets` tickets (default 600): 60 % incidents over the seven incident statuses, 40 % service
 *   requests over the eleven request statuses (every status present), raised over the 180 days
 *   before `seededUntil` by many requesters, with customer-visible and internal notes, e-mail
 *   journals, attachments, the answers of service requests raised from offerings, and a few
 *   incident ↔ request associations.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { companyDomain, companyName, helpdeskComment, helpdeskIssue, people, type HelpdeskTopic, type Person } from '../data.js';
import { Random } from '../random.js';
import { configOf, constraintsOf, evaluateExpression, LAYOUT_TYPES, templateParams, validationRows } from './catalog.js';
import { toSecond } from './dates.js';
import {
  CAUSE_CODES,
  INCIDENT_STATUSES,
  priorityOf,
  SERVICE_REQUEST_STATUSES,
  SOURCES,
  STATIC_PICKLISTS,
  type PicklistName,
} from './picklists.js';
import { BUSINESS_OBJECTS, type TableName } from './schema.js';
import { FINANCE_DEPARTMENT, OFFERING_BY_TOPIC, seedCatalog, type OfferingKey, type SeededCatalog } from './seed-catalog.js';
import type { IvantiApiKey, IvantiFacts, IvantiRole, IvantiSettings, IvantiState, PersonFact, PicklistEntry } from './store.js';
import { Table, type FieldValue, type Row } from './table.js';
import { buildRow } from './write.js';

/**
 * Tickets seeded when the sandbox gives no size.
 *
 * @category Seed data
 */
export const DEFAULT_TICKETS = 600;
/**
 * The role of the sandbox's API key.
 *
 * @category Seed data
 */
export const SERVICE_ROLE = 'HelpdeskBot';
/**
 * The role of the limited key.
 *
 * @category Seed data
 */
export const LIMITED_ROLE = 'ReportViewer';
/**
 * The team new tickets go to.
 *
 * @category Seed data
 */
export const DEFAULT_TEAM = 'Service Desk';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const TEAMS = ['Service Desk', 'Desktop Support', 'Network Operations', 'Identity Management', 'Application Support'] as const;
const DEPARTMENTS = ['Finance', 'Human Resources', 'Sales', 'Marketing', 'Engineering', 'Operations', 'Legal', 'Customer Support', 'Procurement'] as const;
const OFFICES = ['Amsterdam - Head Office', 'Austin - Building A', 'Berlin - Building B', 'London - Head Office', 'Singapore - Building A', 'Toronto - Building A'] as const;
const AGENT_TITLES = ['Service Desk Analyst', 'IT Support Engineer', 'Systems Administrator', 'Network Engineer'] as const;
const JOB_TITLES = ['Accountant', 'Account Manager', 'Business Analyst', 'Data Analyst', 'HR Generalist', 'Marketing Specialist', 'Office Manager', 'Paralegal', 'Product Manager', 'Sales Representative', 'Software Engineer'] as const;

const INCIDENT_TOPICS: readonly HelpdeskTopic[] = ['account_lockout', 'vpn', 'laptop', 'printer', 'email', 'network', 'hardware'];
const REQUEST_TOPICS: readonly HelpdeskTopic[] = ['password_reset', 'access_request', 'software', 'mobile', 'onboarding', 'offboarding'];

/** Where each topic's tickets go: category, service and team. */
const ROUTING: Readonly<Record<HelpdeskTopic, { category: string; service: string; team: string }>> = {
  password_reset: { category: 'Password Reset', service: 'Identity Management', team: 'Service Desk' },
  account_lockout: { category: 'Account Lockout', service: 'Identity Management', team: 'Service Desk' },
  vpn: { category: 'VPN', service: 'Network Service', team: 'Network Operations' },
  laptop: { category: 'Laptop', service: 'Desktop Service', team: 'Desktop Support' },
  printer: { category: 'Printing', service: 'Printing Service', team: 'Desktop Support' },
  access_request: { category: 'Access Request', service: 'Identity Management', team: 'Identity Management' },
  email: { category: 'Email', service: 'Email Service', team: 'Application Support' },
  software: { category: 'Software', service: 'Desktop Service', team: 'Desktop Support' },
  mobile: { category: 'Mobile Device', service: 'Mobile Service', team: 'Desktop Support' },
  network: { category: 'Network', service: 'Network Service', team: 'Network Operations' },
  hardware: { category: 'Hardware', service: 'Desktop Service', team: 'Desktop Support' },
  onboarding: { category: 'Onboarding', service: 'HR Services', team: 'Service Desk' },
  offboarding: { category: 'Offboarding', service: 'HR Services', team: 'Identity Management' },
};

const INCIDENT_STATUS_WEIGHTS: Readonly<Record<(typeof INCIDENT_STATUSES)[number], number>> = {
  Logged: 10,
  Active: 20,
  'Waiting for Customer': 8,
  'Waiting for 3rd Party': 5,
  'Waiting for Resolution': 4,
  Resolved: 18,
  Closed: 35,
};
const REQUEST_STATUS_WEIGHTS: Readonly<Record<(typeof SERVICE_REQUEST_STATUSES)[number], number>> = {
  Draft: 2,
  Submitted: 10,
  Approved: 6,
  'Approval Rejected': 3,
  'In Procurement': 4,
  Active: 12,
  'Waiting for Customer': 5,
  'Waiting for 3rd Party': 3,
  Fulfilled: 15,
  Closed: 30,
  Cancelled: 5,
};
const DONE = new Set(['Resolved', 'Closed', 'Fulfilled', 'Cancelled', 'Approval Rejected']);

const RESOLUTIONS = [
  'Reset the password and confirmed the user can sign in.',
  'Replaced the faulty part; the device works again.',
  'Reinstalled the client software and cleared its cache.',
  'Reconfigured the VPN profile; the connection is stable now.',
  'Explained the steps to the user; no change needed.',
  'Granted the access; it took effect after sign-out and sign-in.',
  'Cleared the print queue and restarted the spooler.',
] as const;

/**
 * Attachment extensions the seeded tenant accepts (`.log`, `.json`, `.md`, `.yaml` are refused, as on many tenants).
 *
 * @category Seed data
 */
export const ALLOWED_EXTENSIONS = ['txt', 'pdf', 'png', 'jpg', 'jpeg', 'gif', 'bmp', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'csv', 'zip', 'msg', 'eml', 'rtf'];

/** The tenant's e-mail domain for a seed (the same in `credentials()` and `createState()`). */
export function tenantDomain(seed: string): string {
  return companyDomain(companyName(new Random(`${seed}/ivanti/tenant`)));
}

/** A REST API key shaped like Ivanti's Reference IDs (32 upper-case hexadecimal digits). */
export function apiKey(random: Random): string {
  return random.hex(32).toUpperCase();
}

/** The default behaviour switches. */
export function defaultSettings(): IvantiSettings {
  return {
    basePath: '/HEAT',
    lastModLagMs: 60_000,
    utcOffsetMinutes: 0,
    allowedExtensions: [...ALLOWED_EXTENSIONS],
    attachmentMaxBytes: 10 * 1024 * 1024,
    uploadSetsParentLink: false,
  };
}

/** A validation-list entry's RecId: stable for a seed, list and value. */
function entryRecId(seed: string, list: string, value: string): string {
  return createHash('sha1').update(`${seed}\u0000${list}\u0000${value}`).digest('hex').slice(0, 32).toUpperCase();
}

interface SeedContext {
  readonly random: Random;
  readonly seed: string;
  readonly tickets: number | undefined;
  readonly seededUntil: Date;
}

function roles(): Map<string, IvantiRole> {
  const all = new Set(Object.values(BUSINESS_OBJECTS).map((object) => object.table));
  const tickets = new Set<TableName>(['incidents', 'servicereqs', 'journals', 'attachments']);
  return new Map([
    [SERVICE_ROLE, { name: SERVICE_ROLE, read: all, create: tickets, update: tickets, delete: tickets, actions: true }],
    [
      LIMITED_ROLE,
      { name: LIMITED_ROLE, read: new Set<TableName>(['employees', 'incidents', 'journals', 'attachments', 'contacts', 'teams']), create: new Set(), update: new Set(), delete: new Set(), actions: false },
    ],
  ]);
}

/** Builds the seeded state. */
export function seedState({ random, seed, tickets, seededUntil }: SeedContext): IvantiState {
  const until = toSecond(seededUntil.getTime());
  const domain = tenantDomain(seed);
  const tables = Object.fromEntries(
    [...new Set(Object.values(BUSINESS_OBJECTS).map((object) => object.table))].map((table) => {
      const indexed = Object.values(BUSINESS_OBJECTS)
        .filter((object) => object.table === table)
        .flatMap((object) => object.indexed);
      return [table, new Table([...new Set(indexed)])];
    }),
  ) as Record<TableName, Table>;

  const picklists = new Map<PicklistName, PicklistEntry[]>();
  for (const [name, values] of Object.entries(STATIC_PICKLISTS)) {
    picklists.set(name as PicklistName, values.map((value) => ({ recId: entryRecId(seed, name, value), value })));
  }
  const valid = (list: PicklistName, value: string | null): string | null => (value === null ? null : (picklists.get(list)?.find((entry) => entry.value === value)?.recId ?? null));
  const created = until - 400 * DAY;
  const stamps = (by: string, at: number): Record<string, FieldValue> => ({ CreatedBy: by, CreatedDateTime: at, LastModBy: by, LastModDateTime: at });

  // Teams.
  const teamEntries: PicklistEntry[] = [];
  for (const team of TEAMS) {
    const row = buildRow(BUSINESS_OBJECTS.standarduserteams, random.fork(`team/${team}`).hex(32).toUpperCase(), {
      Team: team,
      TeamEmail: `${team.toLowerCase().replace(/\s+/gu, '-')}@${domain}`,
      Department: 'IT',
      Description: `The ${team} team.`,
      ...stamps('InternalServices', created),
    });
    tables.teams.insert(row);
    teamEntries.push({ recId: row.RecId, value: team });
  }
  picklists.set('Team', teamEntries);

  // People.
  const peopleRandom = random.fork('people');
  const employees: Row[] = [];
  const addEmployee = (person: Person, extra: Record<string, FieldValue>, login = person.email.split('@')[0] ?? person.email): Row => {
    const drawn = peopleRandom.chance(0.2) ? peopleRandom.pick(['A', 'J', 'M', 'R', 'S']) : null;
    const middle = 'MiddleName' in extra ? (extra.MiddleName ?? null) : drawn;
    const row = buildRow(BUSINESS_OBJECTS.employees, peopleRandom.hex(32).toUpperCase(), {
      LoginID: login,
      PrimaryEmail: person.email,
      FirstName: person.firstName,
      MiddleName: middle,
      LastName: person.lastName,
      DisplayName: [person.firstName, middle, person.lastName].filter((part) => part !== null).join(' '),
      Status: 'Active',
      Disabled: false,
      Department: peopleRandom.pick(DEPARTMENTS),
      Team: null,
      Title: peopleRandom.pick(JOB_TITLES),
      Phone1: `+1 555 01${String(peopleRandom.int(0, 99)).padStart(2, '0')} ${String(peopleRandom.int(1000, 9999))}`,
      EmployeeLocation: peopleRandom.pick(OFFICES),
      ManagerEmail: null,
      IsManager: false,
      IsVIP: false,
      PrimaryRole: 'SelfService',
      IsLDAPUserAccountEnabled: true,
      ...stamps('InternalServices', created + peopleRandom.int(0, 30) * DAY),
      ...extra,
    });
    row.Status_Valid = valid('EmployeeStatus', String(row.Status));
    tables.employees.insert(row);
    tables.contacts.insert(
      buildRow(BUSINESS_OBJECTS.frs_compositecontract_contacts, row.RecId, {
        DisplayName: row.DisplayName,
        FirstName: row.FirstName,
        LastName: row.LastName,
        NetworkUserName: row.LoginID,
        PrimaryEmail: row.PrimaryEmail,
        EmployeeLocation: row.EmployeeLocation,
        Status: row.Status,
        ContactType: 'Employee',
        ...stamps('InternalServices', Number(row.CreatedDateTime)),
      }),
    );
    employees.push(row);
    return row;
  };

  const service = addEmployee(
    { firstName: 'Helpdesk', lastName: 'Bot', name: 'Helpdesk Bot', email: `helpdesk.bot@${domain}` },
    { Department: 'IT', Team: DEFAULT_TEAM, Title: 'Integration Service Account', PrimaryRole: SERVICE_ROLE, EmployeeLocation: OFFICES[0], MiddleName: null },
  );
  const reporting = addEmployee(
    { firstName: 'Reporting', lastName: 'Integration', name: 'Reporting Integration', email: `reporting.integration@${domain}` },
    { Department: 'IT', Title: 'Integration Service Account', PrimaryRole: LIMITED_ROLE, EmployeeLocation: OFFICES[0], MiddleName: null },
  );
  const staff = people(peopleRandom, 132, { domain });
  const agents = staff.slice(0, 12).map((person, index) =>
    addEmployee(person, { Department: 'IT', Team: TEAMS[index % TEAMS.length] ?? DEFAULT_TEAM, Title: peopleRandom.pick(AGENT_TITLES), PrimaryRole: 'ServiceDeskAnalyst' }),
  );
  const customers = staff.slice(12).map((person, index) => {
    const status = index % 40 === 7 ? 'Inactive' : index % 40 === 19 ? 'On Leave' : index % 40 === 33 ? 'New' : 'Active';
    return addEmployee(person, {
      Status: status,
      Disabled: status === 'Inactive',
      IsManager: index % 7 === 3,
      IsVIP: index % 23 === 5,
      Department: index === 1 ? FINANCE_DEPARTMENT : index === 0 ? 'Sales' : peopleRandom.pick(DEPARTMENTS),
    });
  });
  const managers = customers.filter((row) => row.IsManager === true);
  for (const row of customers) if (managers.length > 0) row.ManagerEmail = peopleRandom.pick(managers).PrimaryEmail ?? null;
  // A rehired person: the old record is kept, Terminated and disabled, with the same e-mail address.
  const rehired = customers[4] as Row;
  const leaver = addEmployee(
    { firstName: String(rehired.FirstName), lastName: String(rehired.LastName), name: `${String(rehired.FirstName)} ${String(rehired.LastName)}`, email: String(rehired.PrimaryEmail) },
    { Status: 'Terminated', Disabled: true, IsLDAPUserAccountEnabled: false, Department: rehired.Department ?? null, ...stamps('InternalServices', created - 300 * DAY) },
    `${String(rehired.LoginID)}.old`,
  );
  const active = customers.filter((row) => row.Status === 'Active');
  const knownRequester = customers[0] as Row;
  const financeEmployee = customers[1] as Row;

  // The catalog.
  const catalog = seedCatalog(random.fork('catalog'), created + 10 * DAY, String(service.LoginID));
  for (const row of catalog.templates) {
    row.Status_Valid = valid('TemplateStatus', String(row.Status));
    row.Service_Valid = valid('Service', String(row.Service));
    row.OwnerTeam_Valid = teamEntries.find((entry) => entry.value === row.OwnerTeam)?.recId ?? null;
    tables.servicereqtemplates.insert(row);
  }
  for (const row of catalog.params) tables.servicereqtemplateparams.insert(row);
  const offering = (key: OfferingKey) => {
    const found = catalog.offerings.get(key);
    if (found === undefined) throw new Error(`seed: no offering ${key}`);
    return found;
  };

  // Keys, roles and action ids.
  const keyRandom = random.fork('keys');
  const limitedKey = apiKey(keyRandom);
  const apiKeys = new Map<string, IvantiApiKey>([[limitedKey, { key: limitedKey, role: LIMITED_ROLE, employeeRecId: reporting.RecId }]]);
  const actionIds = new Map<string, string>();
  for (const object of Object.values(BUSINESS_OBJECTS)) {
    for (const name of [...object.quickActions.map((action) => action.name), ...object.savedSearches.map((search) => search.name)]) {
      actionIds.set(`${SERVICE_ROLE}|${object.entitySet}|${name}`, keyRandom.uuid());
    }
  }

  const fact = (row: Row): PersonFact => ({ recId: row.RecId, loginId: String(row.LoginID), email: String(row.PrimaryEmail), displayName: String(row.DisplayName) });
  const agent = agents[0] as Row;
  const laptop = offering('laptop');
  const finance = offering('finance');
  const draft = offering('vpnToken');
  const facts: IvantiFacts = {
    serviceAccount: { ...fact(service), role: SERVICE_ROLE },
    limitedKey: { ...fact(reporting), apiKey: limitedKey, role: LIMITED_ROLE },
    knownRequester: fact(knownRequester),
    ambiguousEmail: String(rehired.PrimaryEmail),
    inactiveEmployee: fact(leaver),
    agent: { ...fact(agent), team: String(agent.Team) },
    defaultTeam: DEFAULT_TEAM,
    defaultCategory: 'General Support',
    defaultCauseCode: 'Other',
    closedIncident: { recId: '', number: 0 },
    resolvedIncident: { recId: '', number: 0 },
    loggedIncident: { recId: '', number: 0 },
    incidentWithAttachment: { recId: '', attachmentRecId: '', filename: '' },
    incidentWithNotes: { recId: '' },
    serviceRequestWithParams: { recId: '', number: 0 },
    laptopOffering: laptop,
    financeOffering: { ...finance, department: FINANCE_DEPARTMENT },
    draftOffering: draft,
    financeEmployee: fact(financeEmployee),
  };

  const state: IvantiState = {
    seededUntil: new Date(until),
    clock: Date.now,
    settings: defaultSettings(),
    tables,
    picklists,
    validationLists: catalog.validationLists,
    subscriptions: catalog.subscriptions,
    files: new Map(),
    associations: new Set(),
    roles: roles(),
    apiKeys,
    serviceAccount: { role: SERVICE_ROLE, employeeRecId: service.RecId },
    actionIds,
    counters: { incident: 10001, serviceReq: 10001 },
    ids: random.fork('ids'),
    version: 0,
    queryCache: new Map(),
    facts,
  };

  const seeded = seedTickets(state, random.fork('tickets'), {
    count: tickets ?? DEFAULT_TICKETS,
    until,
    requesters: [...active, ...customers.filter((row) => row.Status !== 'Active')],
    knownRequester,
    agents: [service, ...agents],
    offerings: catalog.offerings,
    valid,
  });
  Object.assign(state.facts, seeded);
  return state;
}

interface TicketPlan {
  readonly count: number;
  readonly until: number;
  readonly requesters: readonly Row[];
  readonly knownRequester: Row;
  readonly agents: readonly Row[];
  readonly offerings: SeededCatalog['offerings'];
  readonly valid: (list: PicklistName, value: string | null) => string | null;
}

type SeededFacts = Pick<IvantiFacts, 'closedIncident' | 'resolvedIncident' | 'loggedIncident' | 'incidentWithAttachment' | 'incidentWithNotes' | 'serviceRequestWithParams'>;

function personOf(row: Row): Person {
  return { firstName: String(row.FirstName), lastName: String(row.LastName), name: String(row.DisplayName), email: String(row.PrimaryEmail) };
}

/** The statuses of `count` tickets: every status once first (when there is room), then by weight. */
function statusPlan<S extends string>(random: Random, count: number, weights: Readonly<Record<S, number>>): S[] {
  const statuses = Object.keys(weights) as S[];
  const choices = statuses.map((value) => ({ value, weight: weights[value] }));
  const plan = Array.from({ length: count }, (_, index) => (index < statuses.length ? (statuses[index] as S) : random.weighted(choices)));
  return random.shuffle(plan);
}

function seedTickets(state: IvantiState, random: Random, plan: TicketPlan): SeededFacts {
  const { count, until, valid } = plan;
  const incidentCount = count <= 1 ? count : Math.round(count * 0.6);
  const kinds = random.shuffle([...Array.from({ length: incidentCount }, () => 'incident' as const), ...Array.from({ length: count - incidentCount }, () => 'request' as const)]);
  const times = Array.from({ length: count }, () => toSecond(random.int(until - 180 * DAY, until - HOUR))).sort((a, b) => a - b);
  const incidentStatuses = statusPlan(random, incidentCount, INCIDENT_STATUS_WEIGHTS);
  const requestStatuses = statusPlan(random, count - incidentCount, REQUEST_STATUS_WEIGHTS);
  const teamAgents = (team: string): readonly Row[] => {
    const members = plan.agents.filter((row) => row.Team === team);
    return members.length > 0 ? members : plan.agents;
  };
  const journals: Row[] = [];
  const requestsWithTemplate: { row: Row; templateRecId: string; created: number }[] = [];
  const incidents: Row[] = [];
  const requests: Row[] = [];

  kinds.forEach((kind, index) => {
    const created = times[index] ?? until - DAY;
    const incident = kind === 'incident';
    const status = (incident ? incidentStatuses.shift() : requestStatuses.shift()) ?? 'Logged';
    const requester = index % 15 === 0 ? plan.knownRequester : random.pick(plan.requesters);
    const issue = helpdeskIssue(random, { topics: incident ? INCIDENT_TOPICS : REQUEST_TOPICS, requester: personOf(requester) });
    const routing = ROUTING[issue.topic];
    const early = status === 'Logged' || status === 'Draft' || status === 'Submitted';
    const uncategorised = incident && status === 'Logged' && random.chance(0.5);
    const owner = early ? null : random.pick(teamAgents(routing.team));
    const done = DONE.has(status) || status === 'Closed';
    const room = Math.max(0, until - MINUTE - created);
    const lastMod = toSecond(created + random.int(0, Math.min(room, early ? 2 * HOUR : 12 * DAY)));
    const resolvedAt = done ? toSecond(created + Math.floor((lastMod - created) * 0.8)) : null;
    const source = random.weighted(SOURCES.map((value) => ({ value, weight: value === 'Email' || value === 'Phone' || value === 'Self Service' ? 10 : 1 })));
    const creator = source === 'Self Service' ? String(requester.LoginID) : String(random.pick(plan.agents).LoginID);
    const urgency = random.pick(['Low', 'Medium', 'Medium', 'High']);
    const impact = random.pick(['Low', 'Medium', 'Medium', 'High']);
    const priority = priorityOf(urgency, impact);
    const resolver = owner ?? random.pick(plan.agents);
    const resolution = done && status !== 'Cancelled' && status !== 'Approval Rejected' ? random.pick(RESOLUTIONS) : null;
    const causeCode = incident && resolution !== null ? random.pick(CAUSE_CODES) : null;
    const number = incident ? state.counters.incident++ : state.counters.serviceReq++;
    const common: Record<string, FieldValue> = {
      Subject: issue.subject,
      Symptom: issue.description,
      Status: status,
      Status_Valid: valid(incident ? 'IncidentStatus' : 'ServiceReqStatus', status),
      Urgency: urgency,
      Urgency_Valid: valid('Urgency', urgency),
      Impact: impact,
      Impact_Valid: valid('Impact', impact),
      Priority: priority,
      Priority_Valid: valid('Priority', priority),
      Service: routing.service,
      Service_Valid: valid('Service', routing.service),
      Source: source,
      Source_Valid: valid('Source', source),
      ProfileLink: requester.RecId,
      ProfileLink_RecID: requester.RecId,
      ProfileLink_Category: 'Employee',
      ProfileFullName: requester.DisplayName ?? null,
      Email: requester.PrimaryEmail ?? null,
      Phone: requester.Phone1 ?? null,
      CustomerLocation: requester.EmployeeLocation ?? null,
      Owner: owner?.LoginID ?? null,
      Owner_Valid: owner?.RecId ?? null,
      OwnerEmail: owner?.PrimaryEmail ?? null,
      OwnerTeam: early && !incident ? 'Service Desk' : routing.team,
      OwnerTeam_Valid: state.picklists.get('Team')?.find((entry) => entry.value === (early && !incident ? 'Service Desk' : routing.team))?.recId ?? null,
      Resolution: resolution,
      ResolvedBy: resolvedAt === null ? null : (resolver.LoginID ?? null),
      ResolvedDateTime: resolvedAt,
      ClosedBy: status === 'Closed' || status === 'Cancelled' ? (resolver.LoginID ?? null) : null,
      ClosedDateTime: status === 'Closed' || status === 'Cancelled' ? lastMod : null,
      SocialTextHeader: `${incident ? 'Incident' : 'Service Request'} ${number}: ${issue.subject}`,
      CreatedBy: creator,
      CreatedDateTime: created,
      LastModBy: (owner ?? plan.agents[0])?.LoginID ?? creator,
      LastModDateTime: lastMod,
      IsInFinalState: false,
      ReadOnly: status === 'Closed' || status === 'Cancelled',
    };
    let row: Row;
    if (incident) {
      const category = uncategorised ? null : routing.category;
      row = buildRow(BUSINESS_OBJECTS.incidents, random.hex(32).toUpperCase(), {
        ...common,
        IncidentNumber: number,
        Category: category,
        Category_Valid: valid('IncidentCategory', category),
        TypeOfIncident: issue.topic === 'account_lockout' ? 'Request' : 'Failure',
        TypeOfIncident_Valid: valid('TypeOfIncident', issue.topic === 'account_lockout' ? 'Request' : 'Failure'),
        LoginId: requester.LoginID ?? null,
        IsVIP: requester.IsVIP === true,
        OwnerType: owner === null ? null : 'Employee',
        CauseCode: causeCode,
        CauseCode_Valid: valid('CauseCode', causeCode),
        FirstCallResolution: done && random.chance(0.2),
      });
      state.tables.incidents.insert(row);
      incidents.push(row);
    } else {
      const key = OFFERING_BY_TOPIC[issue.topic];
      const templateRecId = key === undefined ? undefined : plan.offerings.get(key)?.templateRecId;
      row = buildRow(BUSINESS_OBJECTS.servicereqs, random.hex(32).toUpperCase(), {
        ...common,
        ServiceReqNumber: number,
        ProfileLoginId: requester.LoginID ?? null,
        SvcReqTmplLink: templateRecId ?? null,
        SvcReqTmplLink_RecID: templateRecId ?? null,
        SvcReqTmplLink_Category: templateRecId === undefined ? null : 'ServiceReqTemplate',
        IsDraft: status === 'Draft',
        Cancelable: status === 'Draft' || status === 'Submitted' || status === 'Approved',
        IsEditable: status !== 'Closed' && status !== 'Cancelled',
      });
      state.tables.servicereqs.insert(row);
      requests.push(row);
      if (templateRecId !== undefined) requestsWithTemplate.push({ row, templateRecId, created });
    }
    seedJournals(state, random, row, incident, created, lastMod, requester, owner ?? plan.agents[0] ?? requester, journals);
    if (random.chance(0.08)) seedAttachment(state, random, row, incident, created, requester);
  });
  for (const journal of journals) state.tables.journals.insert(journal);

  for (const { row, templateRecId, created } of requestsWithTemplate) seedAnswers(state, random, row, templateRecId, created);
  for (let i = 0; i + 1 < Math.min(incidents.length, requests.length) && i < 40; i += 8) {
    state.associations.add(`${(incidents[i] as Row).RecId}|${(requests[i] as Row).RecId}`);
  }
  return pickFacts(state, random, plan, incidents, requests);
}

function seedJournals(state: IvantiState, random: Random, ticket: Row, incident: boolean, created: number, lastMod: number, requester: Row, agent: Row, into: Row[]): void {
  const parent = incident ? 'Incident' : 'ServiceReq';
  const number = incident ? ticket.IncidentNumber : ticket.ServiceReqNumber;
  const noteCount = random.weighted([
    { value: 0, weight: 3 },
    { value: 1, weight: 4 },
    { value: 2, weight: 3 },
    { value: 3, weight: 1 },
  ]);
  const span = Math.max(MINUTE, lastMod - created);
  for (let i = 0; i < noteCount; i += 1) {
    const fromAgent = random.chance(0.65);
    const at = toSecond(created + Math.floor((span * (i + 1)) / (noteCount + 1)));
    const body = helpdeskComment(random, fromAgent ? 'agent' : 'requester');
    const author = fromAgent ? agent : requester;
    const category = fromAgent ? random.pick(['Memo', 'Customer Follow-up', 'Status Update', 'Called Customer'] as const) : 'Customer Notes';
    into.push(
      buildRow(BUSINESS_OBJECTS.journals, random.hex(32).toUpperCase(), {
        Subject: fromAgent ? random.pick(['Update', 'Working on it', 'Question for you', 'Internal note']) : 'Reply from customer',
        NotesBody: body,
        DisplayText: body,
        Category: category,
        Category_Valid: state.picklists.get('JournalCategory')?.find((entry) => entry.value === category)?.recId ?? null,
        Source: fromAgent ? 'Other' : 'Self Service',
        Source_Valid: state.picklists.get('JournalSource')?.find((entry) => entry.value === (fromAgent ? 'Other' : 'Self Service'))?.recId ?? null,
        JournalType: 'Notes',
        ParentLink: ticket.RecId,
        ParentLink_RecID: ticket.RecId,
        ParentLink_Category: parent,
        PublishToWeb: fromAgent ? random.chance(0.6) : true,
        IsUnRead: false,
        ReadOnly: false,
        CreatedBy: String(author.LoginID),
        CreatedDateTime: at,
        LastModBy: String(author.LoginID),
        LastModDateTime: at,
      }),
    );
  }
  if (random.chance(0.3)) {
    into.push(
      buildRow(BUSINESS_OBJECTS.journals, random.hex(32).toUpperCase(), {
        Subject: `${incident ? 'Incident' : 'Service Request'}# ${String(number)} is assigned to your group`,
        NotesBody: null,
        DisplayText: `${incident ? 'Incident' : 'Service Request'}# ${String(number)} is assigned to your group`,
        Category: null,
        Source: null,
        JournalType: 'Email',
        ParentLink: ticket.RecId,
        ParentLink_RecID: ticket.RecId,
        ParentLink_Category: parent,
        PublishToWeb: false,
        IsUnRead: false,
        ReadOnly: true,
        CreatedBy: 'InternalServices',
        CreatedDateTime: toSecond(created + MINUTE),
        LastModBy: 'InternalServices',
        LastModDateTime: toSecond(created + MINUTE),
      }),
    );
  }
}

const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));

function seedAttachment(state: IvantiState, random: Random, ticket: Row, incident: boolean, created: number, requester: Row): Row {
  const text = random.chance(0.5);
  const content = text
    ? new TextEncoder().encode(`${Array.from({ length: random.int(3, 8) }, (_, index) => `2025-11-${String(10 + index).padStart(2, '0')} 09:${String(random.int(10, 59))}:00 ERROR ${random.pick(['VPN tunnel dropped', 'Sync failed', 'Printer offline', 'Authentication timeout'])}`).join('\n')}\n`)
    : PNG;
  const name = text ? random.pick(['error-details.txt', 'vpn-client.txt', 'steps.txt']) : random.pick(['screenshot.png', 'error.png', 'photo.png']);
  const at = toSecond(created + 5 * MINUTE);
  const row = buildRow(BUSINESS_OBJECTS.attachments, random.hex(32).toUpperCase(), {
    ATTACHNAME: name,
    ATTACHSIZE: content.byteLength,
    ATTACHTYPE: text ? 'text/plain' : 'image/png',
    ParentLink: ticket.RecId,
    ParentLink_RecID: ticket.RecId,
    ParentLink_Category: incident ? 'Incident' : 'ServiceReq',
    CreatedBy: String(requester.LoginID),
    CreatedDateTime: at,
    LastModBy: String(requester.LoginID),
    LastModDateTime: at,
  });
  state.tables.attachments.insert(row);
  state.files.set(row.RecId, { content, uploadedFor: ticket.RecId });
  return row;
}

/** Plausible answers to an offering's form for a seeded request. */
function seedAnswers(state: IvantiState, random: Random, request: Row, templateRecId: string, created: number): void {
  const answers = new Map<string, string>();
  for (const param of templateParams(state, templateRecId)) {
    const type = String(param.DisplayType);
    if (LAYOUT_TYPES.has(type)) continue;
    if (!evaluateExpression(param.VisibilityExpression, answers)) continue;
    const required = evaluateExpression(param.RequiredExpression, answers);
    if (!required && !random.chance(0.5)) continue;
    const answer = sampleAnswer(state, random, param, type, answers, created);
    if (answer === undefined) continue;
    answers.set(String(param.Name), answer.value);
    state.tables.servicereqparams.insert(
      buildRow(BUSINESS_OBJECTS.servicereqparams, random.hex(32).toUpperCase(), {
        ParameterName: param.Name,
        DisplayName: param.DisplayName,
        ParameterValue: answer.value,
        ParameterValueRecId: answer.recId,
        SequenceNum: param.SequenceNum,
        SvcReqTmplParamLink: param.RecId,
        SvcReqTmplParamLink_RecID: param.RecId,
        SvcReqTmplParamLink_Category: 'ServiceReqTemplateParam',
        ParentLink: request.RecId,
        ParentLink_RecID: request.RecId,
        ParentLink_Category: 'ServiceReq',
        CreatedBy: request.CreatedBy,
        CreatedDateTime: created,
        LastModBy: request.CreatedBy,
        LastModDateTime: created,
      }),
    );
  }
}

function sampleAnswer(state: IvantiState, random: Random, param: Row, type: string, answers: ReadonlyMap<string, string>, created: number): { value: string; recId: string | null } | undefined {
  const day = (offsetDays: number): string => new Date(toSecond(created + offsetDays * DAY)).toISOString().slice(0, 10);
  switch (type) {
    case 'combo':
    case 'list': {
      const constraints = new Map(constraintsOf(param).map((constraint) => [constraint.ConstraintFieldName, answers.get(constraint.FormFieldName) ?? '']));
      const rows = validationRows(state, param, constraints);
      if (rows.length === 0) return undefined;
      const chosen = type === 'list' ? random.sample(rows, random.int(1, Math.min(2, rows.length))) : [random.pick(rows)];
      return { value: chosen.map((row) => row.value).join('~^'), recId: chosen.map((row) => row.recId).join('~^') };
    }
    case 'checkbox':
      return { value: random.chance(0.3) ? 'true' : 'false', recId: null };
    case 'number': {
      const config = configOf(param);
      const max = typeof config.maxValue === 'number' ? Math.min(config.maxValue, 3) : 3;
      return { value: String(random.int(1, max)), recId: null };
    }
    case 'date':
      return { value: `${day(random.int(3, 30))}T00:00:00Z`, recId: null };
    case 'datetime':
      return { value: `${day(random.int(1, 14))}T${String(random.int(8, 17)).padStart(2, '0')}:00:00Z`, recId: null };
    default: {
      const name = String(param.Name);
      if (name === 'CostCenter') return { value: `CC-${String(random.int(1000, 9999))}`, recId: null };
      if (name === 'ExistingNumber') return { value: `+44 20 7946 ${String(random.int(1000, 9999))}`, recId: null };
      if (name === 'FirstName' || name === 'LastName') return { value: random.pick(name === 'FirstName' ? ['Nadia', 'Lars', 'Priya', 'Tomás'] : ['Okafor', 'Lindqvist', 'Rao', 'Ferreira']), recId: null };
      if (name === 'Version') return { value: random.pick(['2024', '11.2', 'latest']), recId: null };
      return { value: random.pick(['Needed for the quarterly close.', 'My current one is five years old and very slow.', 'Agreed with my manager last week.', 'Required for the new project.']), recId: null };
    }
  }
}

function pickFacts(state: IvantiState, random: Random, plan: TicketPlan, incidents: readonly Row[], requests: readonly Row[]): SeededFacts {
  const first = (rows: readonly Row[], test: (row: Row) => boolean): Row | undefined => rows.find(test);
  const number = (row: Row | undefined, field: string) => ({ recId: row?.RecId ?? '', number: Number(row?.[field] ?? 0) });
  const mine = incidents.filter((row) => row.ProfileLink_RecID === plan.knownRequester.RecId);
  const showcase = mine.find((row) => row.Status === 'Active') ?? mine[0] ?? incidents[0];
  let incidentWithAttachment: SeededFacts['incidentWithAttachment'] = { recId: '', attachmentRecId: '', filename: '' };
  let incidentWithNotes = { recId: '' };
  if (showcase !== undefined) {
    const attachment = seedAttachment(state, random, showcase, true, Number(showcase.CreatedDateTime), plan.knownRequester);
    incidentWithAttachment = { recId: showcase.RecId, attachmentRecId: attachment.RecId, filename: String(attachment.ATTACHNAME) };
    const notes: Row[] = [];
    seedJournals(state, random, showcase, true, Number(showcase.CreatedDateTime), Number(showcase.LastModDateTime), plan.knownRequester, plan.agents[1] ?? plan.knownRequester, notes);
    const at = Number(showcase.LastModDateTime);
    for (const visible of [true, false]) {
      notes.push(
        buildRow(BUSINESS_OBJECTS.journals, random.hex(32).toUpperCase(), {
          Subject: visible ? 'We are on it' : 'Internal: check the VPN gateway logs',
          NotesBody: visible ? 'Thanks for reporting this. An engineer is looking into it.' : 'Same symptom as on two other tickets this week; likely the gateway.',
          DisplayText: visible ? 'We are on it' : 'Internal: check the VPN gateway logs',
          Category: 'Memo',
          Category_Valid: state.picklists.get('JournalCategory')?.find((entry) => entry.value === 'Memo')?.recId ?? null,
          Source: 'Other',
          JournalType: 'Notes',
          ParentLink: showcase.RecId,
          ParentLink_RecID: showcase.RecId,
          ParentLink_Category: 'Incident',
          PublishToWeb: visible,
          IsUnRead: false,
          ReadOnly: false,
          CreatedBy: String(plan.agents[1]?.LoginID ?? 'InternalServices'),
          CreatedDateTime: at,
          LastModBy: String(plan.agents[1]?.LoginID ?? 'InternalServices'),
          LastModDateTime: at,
        }),
      );
    }
    for (const note of notes) state.tables.journals.insert(note);
    incidentWithNotes = { recId: showcase.RecId };
  }
  const logged = first(incidents, (row) => row.Status === 'Logged' && row.Category === null && row.Owner === null) ?? first(incidents, (row) => row.Status === 'Logged');
  if (logged !== undefined && logged.Category !== null) {
    state.tables.incidents.update(logged, { Category: null, Category_Valid: null, Owner: null, Owner_Valid: null, OwnerEmail: null, OwnerType: null });
  }
  const withParams = first(requests, (row) => (state.tables.servicereqparams.lookup('ParentLink_RecID', row.RecId)?.size ?? 0) > 0);
  return {
    closedIncident: number(first(incidents, (row) => row.Status === 'Closed'), 'IncidentNumber'),
    resolvedIncident: number(first(incidents, (row) => row.Status === 'Resolved'), 'IncidentNumber'),
    loggedIncident: number(logged, 'IncidentNumber'),
    incidentWithAttachment,
    incidentWithNotes,
    serviceRequestWithParams: number(withParams, 'ServiceReqNumber'),
  };
}
