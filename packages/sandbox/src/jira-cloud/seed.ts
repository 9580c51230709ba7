/**
 * The seeded Jira site, built deterministically from the sandbox seed:
 *
 * - a company (name and e-mail domain from the seed), the **service account** of the seed document
 *   (time zone `America/Danmarkshavn`, group `jira-servicedesk-users`, role *Service Desk Team* in
 *   HELP), a **limited account** (Viewer of ITOPS and a mere customer of the HELP desk, no agent
 *   role: for 403 and hidden-customer tests), a
 *   site admin, five agents and 40 employees/customers (some hide their e-mail address, four are not
 *   customers of the desk);
 * - the JSM project **HELP** (service desk `1`, eight request types) and the software project
 *   **ITOPS**;
 * - `tickets` issues (default 600; 80 % HELP, 20 % ITOPS) across every status, issue type and
 *   priority, created over the six months before `seededUntil`, with public and internal comments,
 *   attachments, sub-tasks and a changelog.
 *
 * @module
 */
import { companyDomain, companyName, helpdeskComment, helpdeskIssue, people, type HelpdeskTopic, type Person } from '../data.js';
import { Random } from '../random.js';
import { textToAdf } from './adf.js';
import { catalog, ISSUE_TYPE_ID, PRIORITIES, REQUEST_TYPES, ROLES, statusOf, type RoleName } from './catalog.js';
import { defaultRateLimit, requestWindow } from './rate-limit.js';
import { store, type Attachment, type ChangeItem, type Issue, type IssueComment, type JiraState, type JiraUser, type Organization, type Project } from './store.js';
import { SERVICE_DESK_WORKFLOW, SOFTWARE_WORKFLOW } from './workflows.js';

/**
 * Issues seeded when the sandbox gives no size.
 *
 * @category Seed data
 */
export const DEFAULT_TICKETS = 600;
/**
 * The service project's key.
 *
 * @category Seed data
 */
export const SERVICE_PROJECT_KEY = 'HELP';
/**
 * The software project's key.
 *
 * @category Seed data
 */
export const SOFTWARE_PROJECT_KEY = 'ITOPS';
/**
 * The service desk id of HELP.
 *
 * @category Seed data
 */
export const SERVICE_DESK_ID = '1';
/**
 * The service account's profile time zone (the seed document asks for it).
 *
 * @category Seed data
 */
export const SERVICE_ACCOUNT_TIME_ZONE = 'America/Danmarkshavn';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The company of the site: the same for a seed in `credentials()` and `createState()`. */
export function siteCompany(seed: string): { name: string; domain: string } {
  const name = companyName(new Random(`${seed}/jira-cloud/site`));
  return { name, domain: companyDomain(name) };
}

/** The service account's e-mail address for a seed. */
export function serviceAccountEmail(seed: string): string {
  return `itsm-bot@${siteCompany(seed).domain}`;
}

/** An API token shaped like Atlassian's (`ATATT3xFfGF0…`). */
export function apiToken(random: Random): string {
  return `ATATT3xFfGF0${random.hex(48).toUpperCase()}=${random.hex(8).toUpperCase()}`;
}

const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Chicago', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];

function atlassianId(random: Random): string {
  return random.chance(0.5) ? random.hex(24) : `712020:${random.uuid()}`;
}

function customerId(random: Random): string {
  return `qm:${random.uuid()}:${random.hex(23)}`;
}

interface SeedContext {
  readonly random: Random;
  readonly seed: string;
  readonly tickets: number | undefined;
  readonly seededUntil: Date;
}

/** Builds the seeded state. */
export function seedState({ random, seed, tickets, seededUntil }: SeedContext): JiraState {
  const company = siteCompany(seed);
  const until = seededUntil.getTime();
  const users = new Map<string, JiraUser>();
  const apiTokens = new Map<string, string>();
  const userRandom = random.fork('users');
  const add = (user: JiraUser): JiraUser => {
    users.set(user.accountId, user);
    return user;
  };
  const fromPerson = (person: Person, kind: JiraUser['kind'], extra: Partial<JiraUser> = {}): JiraUser =>
    add({
      accountId: kind === 'customer' ? customerId(userRandom) : atlassianId(userRandom),
      accountType: kind === 'customer' ? 'customer' : 'atlassian',
      displayName: person.name,
      email: person.email,
      emailVisible: true,
      active: true,
      timeZone: userRandom.pick(ZONES),
      locale: 'en_US',
      groups: [],
      kind,
      admin: false,
      ...extra,
    });

  const serviceAccount = add({
    accountId: atlassianId(userRandom),
    accountType: 'atlassian',
    displayName: 'ITSM Service Account',
    email: serviceAccountEmail(seed),
    emailVisible: true,
    active: true,
    timeZone: SERVICE_ACCOUNT_TIME_ZONE,
    locale: 'en_US',
    groups: ['jira-servicedesk-users'],
    kind: 'service-account',
    admin: false,
  });
  const limited = add({
    accountId: atlassianId(userRandom),
    accountType: 'atlassian',
    displayName: 'Reporting Integration',
    email: `reporting-bot@${company.domain}`,
    emailVisible: true,
    active: true,
    timeZone: 'Europe/Berlin',
    locale: 'en_US',
    groups: ['jira-software-users'],
    kind: 'limited',
    admin: false,
  });
  const limitedToken = apiToken(userRandom);
  apiTokens.set(limited.email.toLowerCase(), limitedToken);

  const staff = people(userRandom, 46, { domain: company.domain });
  const [adminPerson, ...rest] = staff as [Person, ...Person[]];
  const admin = fromPerson(adminPerson, 'admin', { admin: true, groups: ['site-admins', 'jira-admins', 'jira-servicedesk-users', 'jira-software-users'] });
  const agents = rest.slice(0, 5).map((person) => fromPerson(person, 'agent', { groups: ['jira-servicedesk-users', 'jira-software-users'] }));
  const employees = rest.slice(5).map((person, index) =>
    fromPerson(person, index % 3 === 2 ? 'customer' : 'employee', { emailVisible: index % 6 !== 4 }),
  );
  // Four employees are not customers of the desk yet (to add them); all others are.
  const nonCustomers = new Set(employees.filter((user, index) => index >= employees.length - 4 && user.emailVisible).map((user) => user.accountId));
  const customers = employees.filter((user) => !nonCustomers.has(user.accountId));
  const knownRequester = customers.find((user) => user.emailVisible) ?? customers[0];
  const hiddenEmailUser = customers.find((user) => !user.emailVisible) ?? customers[1];
  const nonCustomer = employees.find((user) => nonCustomers.has(user.accountId));
  if (knownRequester === undefined || hiddenEmailUser === undefined || nonCustomer === undefined) throw new Error('seed: not enough people');

  const helpRoles = new Map<RoleName, Set<string>>([
    [ROLES.administrators.name, new Set([admin.accountId])],
    [ROLES.serviceDeskTeam.name, new Set([serviceAccount.accountId, ...agents.map((agent) => agent.accountId)])],
    [ROLES.serviceDeskCustomers.name, new Set([limited.accountId, ...customers.map((user) => user.accountId)])],
  ]);
  const itopsRoles = new Map<RoleName, Set<string>>([
    [ROLES.administrators.name, new Set([admin.accountId])],
    [ROLES.member.name, new Set([serviceAccount.accountId, ...agents.map((agent) => agent.accountId)])],
    [ROLES.viewer.name, new Set([limited.accountId])],
  ]);
  const help: Project = {
    id: '10000',
    key: SERVICE_PROJECT_KEY,
    name: 'IT Help Desk',
    description: `IT support for everyone at ${company.name}.`,
    typeKey: 'service_desk',
    leadAccountId: admin.accountId,
    workflowId: SERVICE_DESK_WORKFLOW.id,
    issueTypeIds: [ISSUE_TYPE_ID.serviceRequest, ISSUE_TYPE_ID.incident, ISSUE_TYPE_ID.problem, ISSUE_TYPE_ID.change],
    roles: helpRoles,
    nextNumber: 1,
    serviceDeskId: SERVICE_DESK_ID,
  };
  const itops: Project = {
    id: '10001',
    key: SOFTWARE_PROJECT_KEY,
    name: 'IT Operations',
    description: 'Infrastructure and operations work of the IT team.',
    typeKey: 'software',
    leadAccountId: agents[0]?.accountId ?? admin.accountId,
    workflowId: SOFTWARE_WORKFLOW.id,
    issueTypeIds: [ISSUE_TYPE_ID.task, ISSUE_TYPE_ID.bug, ISSUE_TYPE_ID.subtask],
    roles: itopsRoles,
    nextNumber: 1,
  };

  const rateLimit = defaultRateLimit();
  const state: JiraState = {
    seededUntil: new Date(until),
    users,
    apiTokens,
    projects: new Map([
      [help.id, help],
      [itops.id, itops],
    ]),
    serviceDesks: new Map([[SERVICE_DESK_ID, { id: SERVICE_DESK_ID, projectId: help.id, portalId: '1', customers: new Set([limited.accountId, ...customers.map((user) => user.accountId)]) }]]),
    issues: new Map(),
    issueKeys: new Map(),
    attachments: new Map(),
    commentIssue: new Map(),
    issueLinks: new Map(),
    organizations: seedOrganizations(customers, until),
    counters: { issueId: 10000, commentId: 10000, attachmentId: 10000, historyId: 10000, requestId: 0, linkId: 10000, remoteLinkId: 10000, worklogId: 10000, organizationId: 3 },
    settings: { anonymousFallbackOnBadCredentials: true, agentsCanManageCustomers: true, attachmentsEnabled: true, attachmentUploadLimit: 10 * 1024 * 1024, userEmailApiApproved: false },
    rateLimit,
    requestWindow: requestWindow(rateLimit),
    facts: {
      serviceAccount: { accountId: serviceAccount.accountId, email: serviceAccount.email, displayName: serviceAccount.displayName },
      limitedAccount: { accountId: limited.accountId, email: limited.email, apiToken: limitedToken, displayName: limited.displayName },
      serviceProjectKey: SERVICE_PROJECT_KEY,
      softwareProjectKey: SOFTWARE_PROJECT_KEY,
      serviceDeskId: SERVICE_DESK_ID,
      requestTypeId: '1',
      knownRequester: person(knownRequester),
      hiddenEmailUser: person(hiddenEmailUser),
      nonCustomer: person(nonCustomer),
      agent: person(agents[0] ?? admin),
      issueWithSubtasks: '',
      issueWithAttachment: '',
      issueWithInternalComment: '',
      requesterTicket: '',
    },
  };

  seedIssues(state, random.fork('issues'), {
    count: tickets ?? DEFAULT_TICKETS,
    until,
    help,
    itops,
    agents: [serviceAccount, ...agents],
    requesters: customers,
    knownRequester,
  });
  return state;
}

/**
 * Two organizations of the desk's customers, added to the desk: Finance (every fourth customer) and
 * Field Sales (every fifth). Picked by position, so the random draws of the rest of the seed stay as they were.
 */
function seedOrganizations(customers: readonly JiraUser[], until: number): Map<string, Organization> {
  const organization = (id: string, name: string, every: number): Organization => ({
    id,
    name,
    created: until - 400 * DAY,
    members: new Set(customers.filter((_user, index) => index % every === every - 1).map((user) => user.accountId)),
    serviceDeskIds: new Set([SERVICE_DESK_ID]),
  });
  return new Map([organization('1', 'Finance', 4), organization('2', 'Field Sales', 5)].map((org) => [org.id, org]));
}

function person(user: JiraUser): { accountId: string; email: string; displayName: string } {
  return { accountId: user.accountId, email: user.email, displayName: user.displayName };
}

interface IssuePlan {
  readonly count: number;
  readonly until: number;
  readonly help: Project;
  readonly itops: Project;
  readonly agents: readonly JiraUser[];
  readonly requesters: readonly JiraUser[];
  readonly knownRequester: JiraUser;
}

const REQUEST_TYPE_BY_TOPIC: Readonly<Record<HelpdeskTopic, string>> = {
  password_reset: '4',
  account_lockout: '4',
  vpn: '2',
  laptop: '6',
  printer: '2',
  access_request: '5',
  email: '2',
  software: '1',
  mobile: '3',
  network: '2',
  hardware: '6',
  onboarding: '1',
  offboarding: '1',
};

const LABELS_BY_TOPIC: Readonly<Record<HelpdeskTopic, string>> = {
  password_reset: 'password',
  account_lockout: 'password',
  vpn: 'vpn',
  laptop: 'hardware',
  printer: 'printer',
  access_request: 'access',
  email: 'email',
  software: 'software',
  mobile: 'mobile',
  network: 'network',
  hardware: 'hardware',
  onboarding: 'onboarding',
  offboarding: 'offboarding',
};

const OPS_TASKS = [
  'Rotate the TLS certificate of the VPN gateway',
  'Patch Windows servers ({month} cycle)',
  'Replace failing disk in NAS-02',
  'Upgrade the wiki to the latest LTS release',
  'Decommission printer {printer}',
  'Investigate nightly backup job failures',
  'Set up monitoring for {app}',
  'Renew the {app} licence',
  'Migrate file share {share} to SharePoint',
  'Review firewall rules for {site}',
  'Roll out MFA to the {team} team',
  'Image 10 laptops for new starters',
  'Clean up stale accounts in the directory',
  'Document the on-call runbook for {app}',
  'Update the endpoint protection policy',
];
const OPS_FILL: Readonly<Record<string, readonly string[]>> = {
  month: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  printer: ['PRN-2F-EAST', 'PRN-3F-WEST', 'PRN-RECEPTION'],
  app: ['Salesforce', 'Workday', 'the HR portal', 'Zoom', 'Slack'],
  share: ['Finance', 'Projects', 'Marketing Assets'],
  site: ['head office', 'the warehouse', 'the Berlin office'],
  team: ['Finance', 'Sales', 'Operations'],
};

function opsSummary(random: Random): string {
  return random.pick(OPS_TASKS).replace(/\{(\w+)\}/gu, (match, name: string) => {
    const words = OPS_FILL[name];
    return words === undefined ? match : random.pick(words);
  });
}

/** A tiny valid PNG (1×1), or a text log whose lines lead up to `before` (epoch milliseconds). */
function attachmentFile(random: Random, before: number): { filename: string; mimeType: string; content: Uint8Array } {
  if (random.chance(0.5)) {
    const count = random.int(3, 8);
    const lines = Array.from({ length: count }, (_, index) => {
      const at = new Date(before - (count - index) * 9 * 60_000 - random.int(0, 59) * 1000);
      return `${at.toISOString().slice(0, 19).replace('T', ' ')} ERROR ${random.pick(['VPN tunnel dropped', 'Sync failed', 'Printer offline', 'Authentication timeout'])}`;
    });
    return { filename: random.pick(['error-log.txt', 'vpn-client.log', 'details.txt']), mimeType: 'text/plain', content: new TextEncoder().encode(`${lines.join('\n')}\n`) };
  }
  const png = Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  return { filename: random.pick(['screenshot.png', 'error.png', 'photo.png']), mimeType: 'image/png', content: png };
}

function seedIssues(state: JiraState, random: Random, plan: IssuePlan): void {
  const { count, until, help, itops } = plan;
  const helpCount = count <= 1 ? count : Math.max(1, Math.round(count * 0.8));
  const projects = random.shuffle([...Array.from({ length: helpCount }, () => help), ...Array.from({ length: count - helpCount }, () => itops)]);
  const times = Array.from({ length: count }, () => random.int(until - 180 * DAY, until - HOUR)).sort((a, b) => a - b);
  const parents: Issue[] = [];

  for (const [index, project] of projects.entries()) {
    const created = times[index] ?? until - DAY;
    const issue = project === help ? helpIssue(state, random, plan, created) : opsIssue(state, random, plan, created, parents);
    if (issue.issueTypeId === ISSUE_TYPE_ID.task && parents.length < 12) parents.push(issue);
    store.addIssue(state, issue);
  }
  coverStatuses(state, random, help);
  coverStatuses(state, random, itops);
  recordFacts(state, random, plan);
}

function pickStatus(random: Random, statuses: readonly string[], done: readonly string[], ageDays: number): string {
  if (ageDays > 30 && random.chance(0.7)) return random.pick(done);
  return random.pick(statuses);
}

function helpIssue(state: JiraState, random: Random, plan: IssuePlan, created: number): Issue {
  const requester = random.chance(0.08) ? plan.knownRequester : random.pick(plan.requesters);
  const content = helpdeskIssue(random, { requester: { firstName: requester.displayName.split(' ')[0] ?? '', lastName: '', name: requester.displayName, email: requester.email } });
  let issueTypeId: string = content.kind === 'incident' ? ISSUE_TYPE_ID.incident : ISSUE_TYPE_ID.serviceRequest;
  let requestTypeId = REQUEST_TYPE_BY_TOPIC[content.topic];
  if (content.topic === 'laptop' && content.kind === 'service_request') requestTypeId = '3';
  const roll = random.next();
  if (roll < 0.08) {
    issueTypeId = ISSUE_TYPE_ID.problem;
    requestTypeId = '8';
  } else if (roll < 0.14) {
    issueTypeId = ISSUE_TYPE_ID.change;
    requestTypeId = '7';
  } else {
    const requestType = REQUEST_TYPES.find((type) => type.id === requestTypeId);
    if (requestType !== undefined) issueTypeId = requestType.issueTypeId;
  }
  const workflow = SERVICE_DESK_WORKFLOW;
  const ageDays = (plan.until - created) / DAY;
  const statusId = pickStatus(random, workflow.statuses, ['5', '6', '5', '6', '10005'], ageDays);
  const updated = Math.min(plan.until - 60_000, created + random.int(10 * 60_000, 20 * DAY));
  const done = statusOf(statusId).category === 'done';
  const assignee = statusId === '10001' && random.chance(0.6) ? null : random.pick(plan.agents);
  const customFields: Record<string, string> = {};
  if (issueTypeId === ISSUE_TYPE_ID.incident && random.chance(0.6)) {
    customFields.customfield_10020 = random.pick(['10020', '10021', '10022', '10023']);
    customFields.customfield_10021 = random.pick(['10030', '10031', '10032', '10033']);
  }
  if (requestTypeId === '3') customFields.customfield_10030 = random.pick(['10040', '10041', '10042', '10043', '10044', '10045']);
  if (requestTypeId === '5' && random.chance(0.7)) customFields.customfield_10031 = random.pick(['10050', '10051', '10052', '10053', '10054', '10055']);
  if (requestTypeId === '6' && random.chance(0.5)) customFields.customfield_10040 = `IT-${random.int(10000, 99999)}`;
  const labels: string[] = [];
  if (random.chance(0.3)) labels.push(LABELS_BY_TOPIC[content.topic]);
  if (random.chance(0.08)) labels.push('vip');
  const creatorId = random.chance(0.1) ? random.pick(plan.agents).accountId : requester.accountId;
  const issue = store.newIssue(state, storeProject(state, SERVICE_PROJECT_KEY), {
    issueTypeId,
    summary: content.subject,
    description: random.chance(0.95) ? textToAdf(content.description) : null,
    statusId,
    resolutionId: done ? (statusId === '10005' ? '10001' : random.pick(['10000', '10000', '10000', '10002', '10004'])) : null,
    resolutionDate: done ? updated : null,
    priorityId: random.weighted([
      { value: '1', weight: 5 },
      { value: '2', weight: 15 },
      { value: '3', weight: 50 },
      { value: '4', weight: 20 },
      { value: '5', weight: 10 },
    ]),
    reporterId: requester.accountId,
    assigneeId: assignee?.accountId ?? null,
    creatorId,
    labels,
    created,
    updated,
    statusCategoryChanged: updated,
    dueDate: random.chance(0.15) ? new Date(created + random.int(3, 14) * DAY).toISOString().slice(0, 10) : null,
    requestTypeId,
    customFields,
    parentId: null,
  });
  addStatusHistory(state, issue, workflow.initialStatus, assignee ?? random.pick(plan.agents));
  addComments(state, random, issue, assignee ?? random.pick(plan.agents), requester, true);
  if (random.chance(0.1)) addAttachment(state, random, issue, requester.accountId);
  return issue;
}

function opsIssue(state: JiraState, random: Random, plan: IssuePlan, created: number, parents: readonly Issue[]): Issue {
  const reporter = random.pick(plan.agents);
  const asSubtask = parents.length > 0 && random.chance(0.2);
  const parent = asSubtask ? random.pick(parents) : undefined;
  const workflow = SOFTWARE_WORKFLOW;
  const statusId = pickStatus(random, workflow.statuses, ['10008'], (plan.until - created) / DAY);
  const updated = Math.min(plan.until - 60_000, created + random.int(30 * 60_000, 25 * DAY));
  const done = statusId === '10008';
  const issue = store.newIssue(state, storeProject(state, SOFTWARE_PROJECT_KEY), {
    issueTypeId: parent !== undefined ? ISSUE_TYPE_ID.subtask : random.chance(0.3) ? ISSUE_TYPE_ID.bug : ISSUE_TYPE_ID.task,
    summary: parent !== undefined ? `${random.pick(['Prepare', 'Test', 'Document', 'Schedule'])}: ${parent.summary}` : opsSummary(random),
    description: random.chance(0.8) ? textToAdf(`${random.pick(['Planned work.', 'Follow-up from an incident.', 'Requested by the IT manager.'])} ${random.pick(['See the runbook.', 'Coordinate with the network team.', 'Needs a maintenance window.'])}`) : null,
    statusId,
    resolutionId: done ? '10000' : null,
    resolutionDate: done ? updated : null,
    priorityId: random.pick(PRIORITIES).id,
    reporterId: reporter.accountId,
    assigneeId: random.chance(0.8) ? random.pick(plan.agents).accountId : null,
    creatorId: reporter.accountId,
    labels: random.chance(0.3) ? [random.pick(['maintenance', 'security', 'infrastructure'])] : [],
    created,
    updated,
    statusCategoryChanged: updated,
    dueDate: random.chance(0.3) ? new Date(created + random.int(5, 30) * DAY).toISOString().slice(0, 10) : null,
    requestTypeId: null,
    customFields: {},
    parentId: parent?.id ?? null,
  });
  addStatusHistory(state, issue, workflow.initialStatus, reporter);
  addComments(state, random, issue, reporter, reporter, false);
  return issue;
}

function storeProject(state: JiraState, key: string): Project {
  const project = store.project(state, key);
  if (project === undefined) throw new Error(`seed: no project ${key}`);
  return project;
}

function addStatusHistory(state: JiraState, issue: Issue, initialStatus: string, author: JiraUser): void {
  if (issue.statusId === initialStatus) return;
  const from = statusOf(initialStatus);
  const to = statusOf(issue.statusId);
  const items: ChangeItem[] = [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name }];
  if (issue.resolutionId !== null) {
    items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: issue.resolutionId, toString: catalog.resolution(issue.resolutionId)?.name ?? null });
  }
  issue.changelog.push({ id: state.counters.historyId, authorId: author.accountId, created: issue.statusCategoryChanged, items });
  state.counters.historyId += 1;
}

function addComments(state: JiraState, random: Random, issue: Issue, agent: JiraUser, requester: JiraUser, jsm: boolean): void {
  const count = random.weighted([
    { value: 0, weight: 35 },
    { value: 1, weight: 25 },
    { value: 2, weight: 20 },
    { value: 3, weight: 12 },
    { value: 4, weight: 8 },
  ]);
  const times = Array.from({ length: count }, () => random.int(issue.created + 60_000, Math.max(issue.created + 60_000, issue.updated))).sort((a, b) => a - b);
  for (const [index, time] of times.entries()) {
    const byAgent = !jsm || index % 2 === 0;
    const internal = jsm && byAgent && random.chance(0.3);
    const author = byAgent ? agent : requester;
    const comment: IssueComment = {
      id: state.counters.commentId,
      issueId: issue.id,
      authorId: author.accountId,
      body: textToAdf(helpdeskComment(random, byAgent ? 'agent' : 'requester')),
      created: time,
      updated: time,
      updateAuthorId: author.accountId,
      jsdPublic: !internal,
      properties: internal ? [{ key: 'sd.public.comment', value: { internal: true } }] : [],
    };
    state.counters.commentId += 1;
    issue.comments.push(comment);
  }
}

function addAttachment(state: JiraState, random: Random, issue: Issue, authorId: string): Attachment {
  const file = attachmentFile(random, issue.created);
  const attachment: Attachment = {
    id: state.counters.attachmentId,
    issueId: issue.id,
    ...file,
    created: random.int(issue.created, Math.max(issue.created, issue.updated)),
    authorId,
  };
  state.counters.attachmentId += 1;
  state.attachments.set(attachment.id, attachment);
  issue.attachmentIds.push(attachment.id);
  return attachment;
}

/** Makes sure every status of the project's workflow has at least one issue. */
function coverStatuses(state: JiraState, random: Random, project: Project): void {
  const workflow = project.workflowId === SERVICE_DESK_WORKFLOW.id ? SERVICE_DESK_WORKFLOW : SOFTWARE_WORKFLOW;
  const issues = [...state.issues.values()].filter((issue) => issue.projectId === project.id);
  const used = new Set(issues.map((issue) => issue.statusId));
  const missing = workflow.statuses.filter((status) => !used.has(status));
  const counts = new Map<string, number>();
  for (const issue of issues) counts.set(issue.statusId, (counts.get(issue.statusId) ?? 0) + 1);
  for (const statusId of missing) {
    const donor = random.shuffle(issues).find((issue) => (counts.get(issue.statusId) ?? 0) > 1);
    if (donor === undefined) return;
    counts.set(donor.statusId, (counts.get(donor.statusId) ?? 0) - 1);
    counts.set(statusId, 1);
    donor.statusId = statusId;
    donor.changelog = [];
    const author = store.user(state, donor.assigneeId) ?? store.user(state, donor.reporterId);
    const done = statusOf(statusId).category === 'done';
    donor.resolutionId = done ? (statusId === '10005' ? '10001' : '10000') : null;
    donor.resolutionDate = done ? donor.updated : null;
    if (author !== undefined) addStatusHistory(state, donor, workflow.initialStatus, author);
  }
}

function recordFacts(state: JiraState, random: Random, plan: IssuePlan): void {
  const issues = [...state.issues.values()];
  const helpIssues = issues.filter((issue) => issue.projectId === plan.help.id);
  let withAttachment = helpIssues.find((issue) => issue.attachmentIds.length > 0);
  if (withAttachment === undefined && helpIssues[0] !== undefined) {
    withAttachment = helpIssues[0];
    addAttachment(state, random, withAttachment, withAttachment.reporterId ?? plan.knownRequester.accountId);
  }
  const mixed = (issue: Issue) => issue.comments.some((comment) => comment.jsdPublic) && issue.comments.some((comment) => !comment.jsdPublic);
  let withInternal = helpIssues.find(mixed);
  if (withInternal === undefined && helpIssues[0] !== undefined) {
    withInternal = helpIssues[0];
    const agent = plan.agents[0];
    if (agent !== undefined) {
      for (const internal of [false, true]) {
        const comment: IssueComment = {
          id: state.counters.commentId,
          issueId: withInternal.id,
          authorId: agent.accountId,
          body: textToAdf(helpdeskComment(random, 'agent')),
          created: withInternal.updated,
          updated: withInternal.updated,
          updateAuthorId: agent.accountId,
          jsdPublic: !internal,
          properties: internal ? [{ key: 'sd.public.comment', value: { internal: true } }] : [],
        };
        state.counters.commentId += 1;
        withInternal.comments.push(comment);
        state.commentIssue.set(comment.id, withInternal.id);
      }
    }
  }
  const parent = issues.find((issue) => issues.some((child) => child.parentId === issue.id));
  Object.assign(state.facts, {
    issueWithAttachment: withAttachment?.key ?? '',
    issueWithInternalComment: withInternal?.key ?? '',
    issueWithSubtasks: parent?.key ?? '',
    requesterTicket: requesterTicket(helpIssues, plan.knownRequester)?.key ?? '',
  });
}

/**
 * The newest open HELP issue the known requester raised. When the seed gave them none (a tiny
 * `tickets` count), the newest open HELP issue (or else the newest one) becomes theirs.
 */
function requesterTicket(helpIssues: readonly Issue[], requester: JiraUser): Issue | undefined {
  const newestFirst = [...helpIssues].sort((a, b) => b.created - a.created);
  const open = newestFirst.filter((issue) => statusOf(issue.statusId).category !== 'done');
  const theirs = open.find((issue) => issue.reporterId === requester.accountId);
  if (theirs !== undefined) return theirs;
  const adopted = open[0] ?? newestFirst[0];
  if (adopted !== undefined) adopted.reporterId = requester.accountId;
  return adopted;
}
