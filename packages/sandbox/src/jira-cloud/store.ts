/**
 * The simulator's state: users, projects, issues (a JSM request is an issue of the service
 * project with a request type — one store serves both APIs), comments, attachments, the service
 * desk, and the switches tests use to change behaviour (rate limit, anonymous fallback, ...).
 *
 * Everything here is plain data that tests may read and arrange through `sb.state('jira-cloud')`.
 *
 * @module
 */
import type { WindowBudget } from '../window-budget.js';
import type { AdfDocument } from './adf.js';
import type { RoleName } from './catalog.js';

/**
 * A Jira account: a licensed user (agent, employee, the service account) or a portal-only customer.
 *
 * @category State
 */
export interface JiraUser {
  /** `5b10ac8d82e05b22cc7d4ef5`-style for Atlassian accounts, `qm:…` for portal-only customers. */
  readonly accountId: string;
  /** `atlassian` for licensed users, `customer` for portal-only customers, `app` for bots of apps. */
  readonly accountType: 'atlassian' | 'customer' | 'app';
  displayName: string;
  /** The e-mail address (always known to the simulator). */
  email: string;
  /** Whether the profile shows the address; when not, `emailAddress` is absent from every user JSON. */
  emailVisible: boolean;
  active: boolean;
  /** IANA time zone of the profile; dates are formatted and JQL dates read in it. */
  timeZone: string;
  locale: string;
  /** Group names. */
  groups: string[];
  /** What the user is in the seeded story (documentation for tests; permissions come from roles). */
  readonly kind: 'service-account' | 'agent' | 'admin' | 'limited' | 'employee' | 'customer';
  /** Whether the account holds the Jira administrators global permission. */
  admin: boolean;
}

/**
 * A project.
 *
 * @category State
 */
export interface Project {
  readonly id: string;
  readonly key: string;
  name: string;
  description: string;
  /** `service_desk` or `software`. */
  readonly typeKey: 'service_desk' | 'software' | 'business';
  leadAccountId: string;
  /** The workflow every issue type of the project uses. */
  readonly workflowId: string;
  /** The issue types the project offers. */
  readonly issueTypeIds: readonly string[];
  /** Role name → account ids in it. */
  readonly roles: Map<RoleName, Set<string>>;
  /** The next issue number (`KEY-n`). */
  nextNumber: number;
  /** The service desk of a service project. */
  readonly serviceDeskId?: string;
}

/**
 * A JSM service desk (one per service project).
 *
 * @category State
 */
export interface ServiceDesk {
  readonly id: string;
  readonly projectId: string;
  /** The portal id used in `/servicedesk/customer/portal/{portalId}/{key}`. */
  readonly portalId: string;
  /** Account ids of the desk's customers. */
  readonly customers: Set<string>;
}

/**
 * A visibility restriction of a comment.
 *
 * @category State
 */
export interface CommentVisibility {
  readonly type: 'role' | 'group';
  readonly value: string;
  readonly identifier?: string;
}

/**
 * An entity property (key and JSON value).
 *
 * @category State
 */
export interface EntityProperty {
  readonly key: string;
  value: unknown;
}

/**
 * A comment on an issue.
 *
 * @category State
 */
export interface IssueComment {
  readonly id: number;
  readonly issueId: number;
  readonly authorId: string;
  body: AdfDocument;
  readonly created: number;
  updated: number;
  updateAuthorId: string;
  visibility?: CommentVisibility | undefined;
  /** Whether JSM shows the comment to customers (false for internal notes). */
  jsdPublic: boolean;
  properties: EntityProperty[];
  /** The plain/wiki text a JSM client wrote (JSM answers it as written); absent for ADF comments. */
  source?: string | undefined;
}

/**
 * An attachment.
 *
 * @category State
 */
export interface Attachment {
  readonly id: number;
  readonly issueId: number;
  readonly filename: string;
  readonly mimeType: string;
  readonly content: Uint8Array;
  readonly created: number;
  readonly authorId: string;
}

/**
 * Time logged on an issue.
 *
 * @category State
 */
export interface Worklog {
  readonly id: number;
  readonly issueId: number;
  readonly authorId: string;
  updateAuthorId: string;
  /** The work description (ADF), or none. */
  comment: AdfDocument | null;
  /** When the work started (ms). */
  started: number;
  timeSpentSeconds: number;
  readonly created: number;
  updated: number;
  visibility?: CommentVisibility | undefined;
  properties: EntityProperty[];
}

/**
 * A link from an issue to something outside Jira (a chat transcript, a wiki page), as the client wrote it.
 *
 * @category State
 */
export interface RemoteLink {
  readonly id: number;
  /** The caller's id of the linked object: a second create with it updates this link. */
  globalId: string | undefined;
  relationship: string | undefined;
  /** `RemoteIssueLinkRequest.application`, as given. */
  application: Readonly<Record<string, unknown>> | undefined;
  /** `RemoteObject`: `url` and `title` at least, the rest as given. */
  object: Readonly<Record<string, unknown>>;
}

/**
 * A link between two issues; the outward issue "blocks" (say) the inward one.
 *
 * @category State
 */
export interface IssueLink {
  readonly id: number;
  /** The id of the link type (Blocks, Relates, ...). */
  readonly typeId: string;
  readonly inwardIssueId: number;
  readonly outwardIssueId: number;
}

/**
 * A JSM organization: a group of customers that can be given access to service desks at once.
 *
 * @category State
 */
export interface Organization {
  readonly id: string;
  name: string;
  readonly created: number;
  /** Account ids of its members. */
  readonly members: Set<string>;
  /** The service desks it is added to (its members are customers there). */
  readonly serviceDeskIds: Set<string>;
}

/**
 * One field change of a changelog entry.
 *
 * @category State
 */
export interface ChangeItem {
  readonly field: string;
  readonly fieldId: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
}

/**
 * A changelog entry.
 *
 * @category State
 */
export interface ChangeHistory {
  readonly id: number;
  readonly authorId: string;
  readonly created: number;
  readonly items: readonly ChangeItem[];
}

/**
 * An issue (and, in the service project, the JSM request it is).
 *
 * @category State
 */
export interface Issue {
  readonly id: number;
  /** `HELP-42`. */
  key: string;
  readonly projectId: string;
  issueTypeId: string;
  summary: string;
  description: AdfDocument | null;
  statusId: string;
  resolutionId: string | null;
  resolutionDate: number | null;
  priorityId: string;
  reporterId: string | null;
  assigneeId: string | null;
  readonly creatorId: string;
  labels: string[];
  readonly created: number;
  updated: number;
  statusCategoryChanged: number;
  /** `YYYY-MM-DD` or null. */
  dueDate: string | null;
  /** The JSM request type id (service project only). */
  requestTypeId: string | null;
  /** Custom field values by field id: a string (text), an option id (select). */
  customFields: Record<string, string>;
  comments: IssueComment[];
  /** Attachment ids, oldest first. */
  attachmentIds: number[];
  changelog: ChangeHistory[];
  /** The parent issue of a sub-task. */
  parentId: number | null;
  properties: EntityProperty[];
  /** Account ids of the watchers (the creator and the reporter from the start, as Jira's autowatch does). */
  watchers: string[];
  /** Time logged, oldest first. */
  worklogs: Worklog[];
  /** Links to things outside Jira, oldest first. */
  remoteLinks: RemoteLink[];
  /** Account ids of the JSM request's participants (people it is shared with). */
  participants: string[];
}

/**
 * 429 behaviour, off by default; tests switch it on through the state.
 *
 * @category State
 */
export interface RateLimitSettings {
  /** Whether requests are counted and limited. */
  enabled: boolean;
  /** Requests allowed per window before answering 429. */
  budget: number;
  /** The window, in milliseconds. */
  windowMs: number;
  /** `Retry-After` seconds sent with the 429. */
  retryAfterSeconds: number;
  /** `RateLimit-Reason` sent with the 429. */
  reason: 'jira-burst-based' | 'jira-per-issue-on-write' | 'jira-quota-global-based' | 'jira-quota-tenant-based';
}

/**
 * Behaviour switches.
 *
 * @category State
 */
export interface JiraSettings {
  /**
   * Jira answers a request with wrong credentials to an endpoint that allows anonymous access
   * (search, approximate count, server info) with **200** and an anonymous (empty) result, plus
   * `X-Seraph-LoginReason: AUTHENTICATED_FAILED`. On by default; off makes every wrong credential a 401.
   */
  anonymousFallbackOnBadCredentials: boolean;
  /** Whether service desk agents may create customers and add them to the desk (JSM "customer access" setting). */
  agentsCanManageCustomers: boolean;
  /** Whether attachments are enabled (`/rest/api/3/attachment/meta`). */
  attachmentsEnabled: boolean;
  /** The largest attachment accepted, in bytes; larger ones get 413. */
  attachmentUploadLimit: number;
  /**
   * Whether `GET /rest/api/3/user/email` answers. Jira Cloud serves it only to Connect and Forge
   * apps Atlassian approved and answers 400 to everyone else, an API-token client included; off by
   * default, so the simulator does the same. On, it hands out any account's address.
   */
  userEmailApiApproved: boolean;
}

/**
 * Facts about the seeded data that tests and connector options rely on.
 *
 * @category State
 */
export interface JiraFacts {
  /** The service account (the credentials the sandbox hands out). */
  readonly serviceAccount: { readonly accountId: string; readonly email: string; readonly displayName: string };
  /**
   * A second, less privileged account: Viewer of ITOPS (browse, no edits) and a customer of the HELP
   * desk without the Service Desk Team role (cannot browse HELP issues or see the desk's customers).
   */
  readonly limitedAccount: { readonly accountId: string; readonly email: string; readonly apiToken: string; readonly displayName: string };
  /** The JSM project key and the software project key. */
  readonly serviceProjectKey: string;
  readonly softwareProjectKey: string;
  /** The service desk id of the JSM project. */
  readonly serviceDeskId: string;
  /** The default request type (`Get IT help`). */
  readonly requestTypeId: string;
  /** A customer of the desk with a visible e-mail who has raised requests. */
  readonly knownRequester: { readonly accountId: string; readonly email: string; readonly displayName: string };
  /** A customer of the desk whose profile hides the e-mail address. */
  readonly hiddenEmailUser: { readonly accountId: string; readonly email: string; readonly displayName: string };
  /** An employee who is not (yet) a customer of the desk. */
  readonly nonCustomer: { readonly accountId: string; readonly email: string; readonly displayName: string };
  /** An agent of the desk other than the service account. */
  readonly agent: { readonly accountId: string; readonly email: string; readonly displayName: string };
  /** An ITOPS issue with sub-tasks (deleting it needs `deleteSubtasks=true`). */
  readonly issueWithSubtasks: string;
  /** A HELP issue with at least one attachment. */
  readonly issueWithAttachment: string;
  /** A HELP issue with both public and internal comments. */
  readonly issueWithInternalComment: string;
  /** A HELP issue raised by {@link JiraFacts.knownRequester}, open (not in a done status) when seeded. */
  readonly requesterTicket: string;
}

/**
 * The whole state of the Jira Cloud simulator.
 *
 * @category State
 */
export interface JiraState {
  /** The instant the seeded history leads up to. */
  readonly seededUntil: Date;
  /** Accounts by account id. */
  readonly users: Map<string, JiraUser>;
  /** API tokens of accounts other than the sandbox's service account: e-mail (lower-case) → token. */
  readonly apiTokens: Map<string, string>;
  /** Projects by id. */
  readonly projects: Map<string, Project>;
  /** Service desks by id. */
  readonly serviceDesks: Map<string, ServiceDesk>;
  /** Issues by id, in creation order. */
  readonly issues: Map<number, Issue>;
  /** Upper-case issue key → issue id (old keys stay, as Jira redirects moved keys). */
  readonly issueKeys: Map<string, number>;
  /** Attachments by id. */
  readonly attachments: Map<number, Attachment>;
  /** Comment id → issue id. */
  readonly commentIssue: Map<number, number>;
  /** Issue links by id. */
  readonly issueLinks: Map<number, IssueLink>;
  /** JSM organizations by id. */
  readonly organizations: Map<string, Organization>;
  /** Id counters. */
  readonly counters: {
    issueId: number;
    commentId: number;
    attachmentId: number;
    historyId: number;
    requestId: number;
    linkId: number;
    remoteLinkId: number;
    worklogId: number;
    organizationId: number;
  };
  /** Behaviour switches. */
  readonly settings: JiraSettings;
  /** 429 behaviour (off by default). */
  readonly rateLimit: RateLimitSettings;
  /** The request counter behind `rateLimit` (a fixed window; its limit and window follow `rateLimit` on each request). */
  readonly requestWindow: WindowBudget;
  /** Facts for tests. */
  readonly facts: JiraFacts;
}

/** The lists of an issue that start empty (or, for watchers, from the creator and reporter). */
type IssueLists = 'comments' | 'attachmentIds' | 'changelog' | 'properties' | 'watchers' | 'worklogs' | 'remoteLinks' | 'participants';

/** A new issue's data: all but what the store assigns (id, key, project) and the lists that start empty. */
export type NewIssue = Omit<Issue, 'id' | 'key' | 'projectId' | IssueLists> & {
  readonly properties?: EntityProperty[];
  readonly participants?: string[];
};

/** Finders and small helpers over a {@link JiraState}. */
export const store = {
  /** A new issue of the project: takes the next issue id and the next key (`HELP-42`); not yet indexed (see {@link store.addIssue}). */
  newIssue(state: JiraState, project: Project, fields: NewIssue): Issue {
    const id = state.counters.issueId;
    state.counters.issueId += 1;
    const key = `${project.key}-${project.nextNumber}`;
    project.nextNumber += 1;
    const watchers = [...new Set([fields.creatorId, fields.reporterId].filter((accountId): accountId is string => accountId !== null))];
    return {
      id,
      key,
      projectId: project.id,
      comments: [],
      attachmentIds: [],
      changelog: [],
      worklogs: [],
      remoteLinks: [],
      ...fields,
      properties: fields.properties ?? [],
      participants: fields.participants ?? [],
      watchers,
    };
  },
  /** An issue by id (`"10042"`) or key (`"HELP-7"`, any case). */
  issue(state: JiraState, idOrKey: string): Issue | undefined {
    if (/^\d+$/u.test(idOrKey)) return state.issues.get(Number(idOrKey));
    const id = state.issueKeys.get(idOrKey.toUpperCase());
    return id === undefined ? undefined : state.issues.get(id);
  },
  /** A project by id or key (any case). */
  project(state: JiraState, idOrKey: string): Project | undefined {
    const byId = state.projects.get(idOrKey);
    if (byId !== undefined) return byId;
    const upper = idOrKey.toUpperCase();
    return [...state.projects.values()].find((project) => project.key === upper);
  },
  /** The project of an issue. */
  projectOf(state: JiraState, issue: Issue): Project {
    const project = state.projects.get(issue.projectId);
    if (project === undefined) throw new Error(`issue ${issue.key} has no project`);
    return project;
  },
  /** A user by account id. */
  user(state: JiraState, accountId: string | null | undefined): JiraUser | undefined {
    return accountId === null || accountId === undefined ? undefined : state.users.get(accountId);
  },
  /** A user by e-mail address (any case), visible or not. */
  userByEmail(state: JiraState, email: string): JiraUser | undefined {
    const lower = email.toLowerCase();
    return [...state.users.values()].find((user) => user.email.toLowerCase() === lower);
  },
  /** The service desk of a project, if it is a service project. */
  serviceDeskOf(state: JiraState, project: Project): ServiceDesk | undefined {
    return project.serviceDeskId === undefined ? undefined : state.serviceDesks.get(project.serviceDeskId);
  },
  /** The issue links an issue is an end of, oldest first. */
  linksOf(state: JiraState, issue: Issue): IssueLink[] {
    return [...state.issueLinks.values()].filter((link) => link.inwardIssueId === issue.id || link.outwardIssueId === issue.id);
  },
  /** The sub-tasks of an issue. */
  subtasks(state: JiraState, issue: Issue): Issue[] {
    return [...state.issues.values()].filter((candidate) => candidate.parentId === issue.id);
  },
  /** Adds an issue to the indexes. */
  addIssue(state: JiraState, issue: Issue): void {
    state.issues.set(issue.id, issue);
    state.issueKeys.set(issue.key.toUpperCase(), issue.id);
    for (const comment of issue.comments) state.commentIssue.set(comment.id, issue.id);
  },
  /** Removes an issue, its comments, attachments and links from the indexes. */
  removeIssue(state: JiraState, issue: Issue): void {
    state.issues.delete(issue.id);
    for (const [id, link] of state.issueLinks) if (link.inwardIssueId === issue.id || link.outwardIssueId === issue.id) state.issueLinks.delete(id);
    for (const [key, id] of state.issueKeys) if (id === issue.id) state.issueKeys.delete(key);
    for (const comment of issue.comments) state.commentIssue.delete(comment.id);
    for (const attachmentId of issue.attachmentIds) state.attachments.delete(attachmentId);
  },
};
