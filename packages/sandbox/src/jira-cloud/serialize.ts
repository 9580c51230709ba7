/**
 * Store → API JSON: users, statuses, priorities, issue types, projects, issues (with `fields`,
 * `expand`), comments, attachments, transitions. Shapes follow the platform OpenAPI spec's schemas
 * (`User`, `UserDetails`, `StatusDetails`, `IssueBean`, `Comment`, `Attachment`, `IssueTransition`,
 * ...); dates are written in the caller's profile time zone.
 *
 * @module
 */
import { adfToHtml, textToAdf } from './adf.js';
import {
  catalog,
  CUSTOM_FIELDS,
  RESOLUTIONS,
  STATUS_CATEGORIES,
  statusOf,
  type CustomFieldDef,
  type IssueLinkTypeDef,
  type IssueTypeDef,
  type PriorityDef,
  type RequestTypeDef,
  type ResolutionDef,
  type StatusCategoryDef,
  type StatusDef,
} from './catalog.js';
import { jiraDateTime, jsmDate } from './dates.js';
import { canBrowse, rolesOf } from './auth.js';
import { formatDuration } from './duration.js';
import {
  store,
  type Attachment,
  type ChangeHistory,
  type CommentVisibility,
  type Issue,
  type IssueComment,
  type IssueLink,
  type JiraState,
  type JiraUser,
  type Project,
  type Worklog,
} from './store.js';
import { availableTransitions, isGlobal, workflowOf, type TransitionDef } from './workflows.js';

/** Who is looking and where the site is: what every serializer needs. */
export interface View {
  /** The state. */
  readonly state: JiraState;
  /** The site's base URL (bare origin). */
  readonly url: string;
  /** The caller; `undefined` when anonymous. */
  readonly viewer: JiraUser | undefined;
}

/** The time zone dates are written in: the caller's profile zone (UTC when anonymous). */
export function zoneOf(view: View): string {
  return view.viewer?.timeZone ?? 'UTC';
}

/** A date-time in the caller's zone, or `null`. */
export function dateTime(view: View, ms: number | null): string | null {
  return ms === null ? null : jiraDateTime(ms, zoneOf(view));
}

/** The four avatar URLs of an account. */
export function avatarUrls(url: string, kind: 'user' | 'project' | 'issuetype', id: string): Record<'16x16' | '24x24' | '32x32' | '48x48', string> {
  const base = `${url}/rest/api/3/universal_avatar/view/type/${kind}/avatar/${encodeURIComponent(id)}`;
  return { '48x48': `${base}?size=large`, '24x24': `${base}?size=small`, '16x16': `${base}?size=xsmall`, '32x32': `${base}?size=medium` };
}

/** Whether the viewer may see the user's e-mail address (their own always; others' only when the profile shows it). */
export function emailVisibleTo(user: JiraUser, viewer: JiraUser | undefined): boolean {
  return user.emailVisible || viewer?.accountId === user.accountId;
}

/** A user as `UserDetails` (issue fields, comment authors): `emailAddress` only when visible. */
export function userDetails(view: View, user: JiraUser | undefined): Record<string, unknown> | null {
  if (user === undefined) return null;
  return {
    self: `${view.url}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...(emailVisibleTo(user, view.viewer) ? { emailAddress: user.email } : {}),
    avatarUrls: avatarUrls(view.url, 'user', user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

/** A user as `User` in lists (user searches, a project's lead, an attachment's author): no group or role collections. */
export function userBean(view: View, user: JiraUser): Record<string, unknown> {
  return {
    self: `${view.url}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: user.accountType,
    ...(emailVisibleTo(user, view.viewer) ? { emailAddress: user.email } : {}),
    avatarUrls: avatarUrls(view.url, 'user', user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: user.locale,
  };
}

/** The application roles a user's groups give (`jira-servicedesk`, `jira-software`). */
function applicationRolesOf(user: JiraUser): string[] {
  return user.groups.flatMap((name) => (name === 'jira-servicedesk-users' ? ['jira-servicedesk'] : name === 'jira-software-users' ? ['jira-software'] : []));
}

/**
 * A user as `User` from `/myself` and `/user`: with `groups` and `applicationRoles` always there,
 * collapsed (`{ size, items: [] }`) unless expanded — as the spec's examples of both show.
 */
export function userWithCollections(view: View, user: JiraUser, expand: ReadonlySet<string>): Record<string, unknown> {
  const roles = applicationRolesOf(user);
  const groups = user.groups.map((name) => ({ name, groupId: groupId(name), self: `${view.url}/rest/api/3/group?groupId=${groupId(name)}` }));
  return {
    ...userBean(view, user),
    groups: { size: groups.length, items: expand.has('groups') ? groups : [] },
    applicationRoles: {
      size: roles.length,
      items: expand.has('applicationRoles') ? roles.map((key) => ({ key, name: key === 'jira-servicedesk' ? 'Jira Service Management' : 'Jira Software' })) : [],
    },
    expand: 'groups,applicationRoles',
  };
}

/** A stable fake group id (UUID-shaped) for a group name. */
export function groupId(name: string): string {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const hex = (hash.toString(16).padStart(8, '0') + 'a3c51f9e7d2b4c60aa1b2c3d').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A status category as `StatusCategory`. */
export function statusCategoryJson(view: View, category: StatusCategoryDef): Record<string, unknown> {
  return { self: `${view.url}/rest/api/3/statuscategory/${category.id}`, id: category.id, key: category.key, colorName: category.colorName, name: category.name };
}

/** A status as `StatusDetails`. */
export function statusJson(view: View, status: StatusDef): Record<string, unknown> {
  return {
    self: `${view.url}/rest/api/3/status/${status.id}`,
    description: status.description,
    iconUrl: `${view.url}/images/icons/statuses/generic.png`,
    name: status.name,
    untranslatedName: status.name,
    id: status.id,
    statusCategory: statusCategoryJson(view, STATUS_CATEGORIES[status.category]),
  };
}

/** A priority as `Priority`. */
export function priorityJson(view: View, priority: PriorityDef): Record<string, unknown> {
  return {
    self: `${view.url}/rest/api/3/priority/${priority.id}`,
    statusColor: priority.statusColor,
    description: priority.description,
    iconUrl: `${view.url}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
    isDefault: priority.isDefault,
  };
}

/** A resolution as `Resolution`. */
export function resolutionJson(view: View, resolution: ResolutionDef): Record<string, unknown> {
  return { self: `${view.url}/rest/api/3/resolution/${resolution.id}`, id: resolution.id, description: resolution.description, name: resolution.name };
}

/** An issue type as `IssueTypeDetails`. */
export function issueTypeJson(view: View, type: IssueTypeDef): Record<string, unknown> {
  return {
    self: `${view.url}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${view.url}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
  };
}

/** The short project object of issue fields. */
export function projectRef(view: View, project: Project): Record<string, unknown> {
  return {
    self: `${view.url}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.typeKey,
    simplified: false,
    avatarUrls: avatarUrls(view.url, 'project', project.id),
  };
}

/** A project as `Project`. */
export function projectJson(view: View, project: Project): Record<string, unknown> {
  const lead = view.state.users.get(project.leadAccountId);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${view.url}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    description: project.description,
    ...(lead === undefined ? {} : { lead: userBean(view, lead) }),
    components: [],
    issueTypes: project.issueTypeIds.map((id) => catalog.issueType(id)).filter((type) => type !== undefined).map((type) => issueTypeJson(view, type)),
    assigneeType: 'UNASSIGNED',
    versions: [],
    name: project.name,
    roles: Object.fromEntries([...project.roles.keys()].map((role) => [role, `${view.url}/rest/api/3/project/${project.id}/role/${roleId(role)}`])),
    avatarUrls: avatarUrls(view.url, 'project', project.id),
    projectTypeKey: project.typeKey,
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
  };
}

function roleId(name: string): number {
  return { Administrators: 10002, 'Service Desk Team': 10003, 'Service Desk Customers': 10004, Member: 10005, Viewer: 10006 }[name] ?? 10000;
}

/** A select option value of a custom field. */
function optionJson(view: View, field: CustomFieldDef, optionId: string): Record<string, unknown> | null {
  const option = field.options?.find((candidate) => candidate.id === optionId);
  return option === undefined ? null : { self: `${view.url}/rest/api/3/customFieldOption/${option.id}`, value: option.value, id: option.id };
}

/** The request type as JSM's `RequestTypeDTO`. */
export function requestTypeJson(view: View, type: RequestTypeDef, serviceDeskId: string, portalId: string): Record<string, unknown> {
  return {
    _links: { self: `${view.url}/rest/servicedeskapi/servicedesk/${serviceDeskId}/requesttype/${type.id}` },
    id: type.id,
    name: type.name,
    description: type.description,
    helpText: type.helpText,
    issueTypeId: type.issueTypeId,
    serviceDeskId,
    portalId,
    groupIds: [...type.groupIds],
    icon: {
      id: type.iconId,
      _links: {
        iconUrls: Object.fromEntries(
          ['48x48', '24x24', '16x16', '32x32'].map((size) => [size, `${view.url}/rest/api/2/universal_avatar/view/type/SD_REQTYPE/avatar/${type.iconId}?size=${size}`]),
        ),
      },
    },
    canCreateRequest: true,
    restrictionStatus: 'OPEN',
  };
}

/** The JSM status category of a status (`NEW`, `INDETERMINATE`, `DONE`, `UNDEFINED`). */
export function jsmCategory(status: StatusDef): string {
  return status.category.toUpperCase();
}

/** The web link of a request in the customer portal. */
export function portalLink(view: View, issue: Issue): string | undefined {
  const project = store.projectOf(view.state, issue);
  const desk = store.serviceDeskOf(view.state, project);
  return desk === undefined ? undefined : `${view.url}/servicedesk/customer/portal/${desk.portalId}/${issue.key}`;
}

/** The value of the Request Type custom field of an issue, as Jira shows it in issue fields. */
export function requestTypeFieldValue(view: View, issue: Issue): Record<string, unknown> | null {
  const type = issue.requestTypeId === null ? undefined : catalog.requestType(issue.requestTypeId);
  const project = store.projectOf(view.state, issue);
  const desk = store.serviceDeskOf(view.state, project);
  if (type === undefined || desk === undefined) return null;
  const status = statusOf(issue.statusId);
  return {
    _links: {
      jiraRest: `${view.url}/rest/api/2/issue/${issue.id}`,
      web: portalLink(view, issue),
      agent: `${view.url}/browse/${issue.key}`,
      self: `${view.url}/rest/servicedeskapi/request/${issue.id}`,
    },
    requestType: requestTypeJson(view, type, desk.id, desk.portalId),
    currentStatus: { status: status.name, statusCategory: jsmCategory(status), statusDate: jsmDate(issue.statusCategoryChanged, zoneOf(view)) },
  };
}

/** A custom field's value on an issue, as issue fields show it (`null` when empty). */
export function customFieldValue(view: View, issue: Issue, field: CustomFieldDef): unknown {
  if (field.kind === 'requestType') return requestTypeFieldValue(view, issue);
  const raw = issue.customFields[field.id];
  if (raw === undefined) return null;
  if (field.kind === 'select') return optionJson(view, field, raw);
  return field.kind === 'text' ? raw : richValueJson(view, field, raw, 'platform');
}

/**
 * A stored value of a custom field of a richer kind (see `custom-field-input.ts`) as Jira writes it:
 * in issue fields (`platform`: rich text as ADF) or in a customer request's `requestFieldValues`
 * (`jsm`: rich text as text).
 */
export function richValueJson(view: View, field: CustomFieldDef, stored: string, where: 'platform' | 'jsm'): unknown {
  const options = field.options ?? [];
  const option = (found: { id: string; value: string }) => ({ self: `${view.url}/rest/api/3/customFieldOption/${found.id}`, value: found.value, id: found.id });
  switch (field.kind) {
    case 'textarea':
      return where === 'platform' ? textToAdf(stored) : stored;
    case 'number':
      return Number(stored);
    case 'datetime':
      return dateTime(view, Date.parse(stored));
    case 'multiselect':
      return stored.split(',').flatMap((id) => {
        const found = options.find((candidate) => candidate.id === id);
        return found === undefined ? [] : [option(found)];
      });
    case 'cascade': {
      const [parentId, childId] = stored.split('/');
      const parent = options.find((candidate) => candidate.id === parentId);
      if (parent === undefined) return null;
      const child = parent.children?.find((candidate) => candidate.id === childId);
      return { ...option(parent), ...(child === undefined ? {} : { child: option(child) }) };
    }
    case 'user':
      return userDetails(view, view.state.users.get(stored));
    default:
      return stored;
  }
}

/** Whether the viewer may see something restricted to a role or group (a comment, a worklog). */
export function visibleTo(view: View, issue: Issue, restriction: CommentVisibility | undefined): boolean {
  if (restriction === undefined) return true;
  const viewer = view.viewer;
  if (viewer === undefined) return false;
  if (restriction.type === 'group') return viewer.groups.includes(restriction.value);
  return (rolesOf(store.projectOf(view.state, issue), viewer) as string[]).includes(restriction.value);
}

/** Whether the viewer may see a comment (visibility restrictions by role or group). */
export function commentVisibleTo(view: View, issue: Issue, comment: IssueComment): boolean {
  return visibleTo(view, issue, comment.visibility);
}

/** A visibility restriction as `Visibility`. */
export function visibilityJson(visibility: CommentVisibility): Record<string, unknown> {
  return { type: visibility.type, value: visibility.value, identifier: visibility.identifier ?? visibility.value };
}

/** The seconds logged on an issue. */
export function timeSpentSeconds(issue: Issue): number {
  return issue.worklogs.reduce((sum, worklog) => sum + worklog.timeSpentSeconds, 0);
}

/** A worklog as `Worklog`; `properties` when expanded. */
export function worklogJson(view: View, issue: Issue, worklog: Worklog, expand: ReadonlySet<string> = new Set()): Record<string, unknown> {
  return {
    self: `${view.url}/rest/api/3/issue/${issue.id}/worklog/${worklog.id}`,
    author: userDetails(view, view.state.users.get(worklog.authorId)),
    updateAuthor: userDetails(view, view.state.users.get(worklog.updateAuthorId)),
    ...(worklog.comment === null ? {} : { comment: worklog.comment }),
    created: dateTime(view, worklog.created),
    updated: dateTime(view, worklog.updated),
    started: dateTime(view, worklog.started),
    timeSpent: formatDuration(worklog.timeSpentSeconds),
    timeSpentSeconds: worklog.timeSpentSeconds,
    id: String(worklog.id),
    issueId: String(issue.id),
    ...(worklog.visibility === undefined ? {} : { visibility: visibilityJson(worklog.visibility) }),
    ...(expand.has('properties') ? { properties: worklog.properties.map((property) => ({ key: property.key, value: property.value })) } : {}),
  };
}

/** An issue link type as `IssueLinkType`. */
export function issueLinkTypeJson(view: View, type: IssueLinkTypeDef): Record<string, unknown> {
  return { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${view.url}/rest/api/3/issueLinkType/${type.id}` };
}

/**
 * An issue link as `IssueLink`: both ends (`GET /issueLink/{id}`), or, seen from one of its issues
 * (the `issuelinks` field), only the other end — `inwardIssue` on the outward issue and
 * `outwardIssue` on the inward one. `undefined` when the viewer cannot browse an end it would show.
 */
export function issueLinkJson(view: View, link: IssueLink, from?: Issue): Record<string, unknown> | undefined {
  const type = catalog.issueLinkType(link.typeId);
  const inward = view.state.issues.get(link.inwardIssueId);
  const outward = view.state.issues.get(link.outwardIssueId);
  if (type === undefined || inward === undefined || outward === undefined) return undefined;
  const visible = (issue: Issue) => canBrowse(store.projectOf(view.state, issue), view.viewer);
  const json: Record<string, unknown> = { id: String(link.id), self: `${view.url}/rest/api/3/issueLink/${link.id}`, type: issueLinkTypeJson(view, type) };
  if (from === undefined || from.id === link.outwardIssueId) {
    if (!visible(inward)) return undefined;
    json.inwardIssue = linkedIssueJson(view, inward);
  }
  if (from === undefined || from.id === link.inwardIssueId) {
    if (!visible(outward)) return undefined;
    json.outwardIssue = linkedIssueJson(view, outward);
  }
  return json;
}

/** A comment as `Comment`; `renderedBody` and `properties` when expanded. */
export function commentJson(view: View, issue: Issue, comment: IssueComment, expand: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const json: Record<string, unknown> = {
    self: `${view.url}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: String(comment.id),
    author: userDetails(view, view.state.users.get(comment.authorId)),
    body: comment.body,
    updateAuthor: userDetails(view, view.state.users.get(comment.updateAuthorId)),
    created: dateTime(view, comment.created),
    updated: dateTime(view, comment.updated),
    jsdPublic: comment.jsdPublic,
  };
  if (comment.visibility !== undefined) json.visibility = visibilityJson(comment.visibility);
  if (expand.has('renderedBody')) json.renderedBody = adfToHtml(comment.body);
  if (expand.has('properties')) json.properties = comment.properties.map((property) => ({ key: property.key, value: property.value }));
  return json;
}

/** An attachment as `Attachment` (issue fields, upload answer). */
export function attachmentJson(view: View, attachment: Attachment): Record<string, unknown> {
  return {
    self: `${view.url}/rest/api/3/attachment/${attachment.id}`,
    id: String(attachment.id),
    filename: attachment.filename,
    author: userDetails(view, view.state.users.get(attachment.authorId)),
    created: dateTime(view, attachment.created),
    size: attachment.content.byteLength,
    mimeType: attachment.mimeType,
    content: `${view.url}/rest/api/3/attachment/content/${attachment.id}`,
    ...(attachment.mimeType.startsWith('image/') ? { thumbnail: `${view.url}/rest/api/3/attachment/thumbnail/${attachment.id}` } : {}),
  };
}

/** An attachment as `AttachmentMetadata` (`GET /attachment/{id}`: numeric id, full author). */
export function attachmentMetadataJson(view: View, attachment: Attachment): Record<string, unknown> {
  const author = view.state.users.get(attachment.authorId);
  return {
    id: attachment.id,
    self: `${view.url}/rest/api/3/attachment/${attachment.id}`,
    filename: attachment.filename,
    ...(author === undefined ? {} : { author: userBean(view, author) }),
    created: dateTime(view, attachment.created),
    size: attachment.content.byteLength,
    mimeType: attachment.mimeType,
    properties: {},
    content: `${view.url}/rest/api/3/attachment/content/${attachment.id}`,
    ...(attachment.mimeType.startsWith('image/') ? { thumbnail: `${view.url}/rest/api/3/attachment/thumbnail/${attachment.id}` } : {}),
  };
}

/** Screen-field metadata of a transition (`expand=transitions.fields`). */
function transitionFields(view: View, issue: Issue, transition: TransitionDef): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const field of transition.screen) {
    const required = transition.required.includes(field);
    if (field === 'assignee') {
      fields.assignee = {
        required,
        schema: { type: 'user', system: 'assignee' },
        name: 'Assignee',
        key: 'assignee',
        autoCompleteUrl: `${view.url}/rest/api/3/user/assignable/search?issueKey=${issue.key}&query=`,
        hasDefaultValue: false,
        operations: ['set'],
      };
    } else {
      fields.resolution = {
        required,
        schema: { type: 'resolution', system: 'resolution' },
        name: 'Resolution',
        key: 'resolution',
        hasDefaultValue: false,
        operations: ['set'],
        allowedValues: RESOLUTIONS.map((resolution) => resolutionJson(view, resolution)),
      };
    }
  }
  return fields;
}

/** A transition as `IssueTransition`. */
export function transitionJson(view: View, issue: Issue, transition: TransitionDef, withFields: boolean): Record<string, unknown> {
  return {
    id: transition.id,
    name: transition.name,
    to: statusJson(view, statusOf(transition.to)),
    hasScreen: transition.screen.length > 0,
    isGlobal: isGlobal(transition),
    isInitial: false,
    isAvailable: true,
    isConditional: false,
    isLooped: false,
    ...(withFields ? { fields: transitionFields(view, issue, transition) } : {}),
  };
}

/** The transitions available on an issue now. */
export function issueTransitions(view: View, issue: Issue): TransitionDef[] {
  const project = store.projectOf(view.state, issue);
  return availableTransitions(workflowOf(project.workflowId), issue.statusId);
}

/** The system fields of an issue, in the order Jira lists them; `*navigable` leaves out the non-navigable ones. */
export const SYSTEM_FIELDS = [
  'statuscategorychangedate', 'issuetype', 'parent', 'timespent', 'project', 'fixVersions', 'aggregatetimespent', 'resolution',
  'resolutiondate', 'workratio', 'watches', 'lastViewed', 'created', 'priority', 'labels', 'aggregatetimeoriginalestimate',
  'timeestimate', 'versions', 'issuelinks', 'assignee', 'updated', 'status', 'components', 'timeoriginalestimate', 'description',
  'timetracking', 'security', 'aggregatetimeestimate', 'attachment', 'summary', 'creator', 'subtasks', 'reporter',
  'aggregateprogress', 'environment', 'duedate', 'progress', 'votes', 'comment', 'worklog',
] as const;

const NON_NAVIGABLE = new Set(['comment', 'attachment', 'worklog', 'timetracking']);

/** Every field id of an issue: system fields, then custom fields. */
export const ALL_FIELD_IDS: readonly string[] = [...SYSTEM_FIELDS, ...CUSTOM_FIELDS.map((field) => field.id)];

/** The names of the fields (for `expand=names` and `/rest/api/3/field`). */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  statuscategorychangedate: 'Status Category Changed',
  issuetype: 'Issue Type',
  parent: 'Parent',
  timespent: 'Time Spent',
  project: 'Project',
  fixVersions: 'Fix versions',
  aggregatetimespent: 'Σ Time Spent',
  resolution: 'Resolution',
  resolutiondate: 'Resolved',
  workratio: 'Work Ratio',
  watches: 'Watchers',
  lastViewed: 'Last Viewed',
  created: 'Created',
  priority: 'Priority',
  labels: 'Labels',
  aggregatetimeoriginalestimate: 'Σ Original Estimate',
  timeestimate: 'Remaining Estimate',
  versions: 'Affects versions',
  issuelinks: 'Linked Issues',
  assignee: 'Assignee',
  updated: 'Updated',
  status: 'Status',
  components: 'Components',
  timeoriginalestimate: 'Original estimate',
  description: 'Description',
  timetracking: 'Time tracking',
  security: 'Security Level',
  aggregatetimeestimate: 'Σ Remaining Estimate',
  attachment: 'Attachment',
  summary: 'Summary',
  creator: 'Creator',
  subtasks: 'Sub-tasks',
  reporter: 'Reporter',
  aggregateprogress: 'Σ Progress',
  environment: 'Environment',
  duedate: 'Due date',
  progress: 'Progress',
  votes: 'Votes',
  comment: 'Comment',
  worklog: 'Log Work',
  ...Object.fromEntries(CUSTOM_FIELDS.map((field) => [field.id, field.name])),
};

/** The schema type of each system field (`[array, item type]` for lists). */
const SYSTEM_FIELD_TYPES: Readonly<Record<string, string | readonly ['array', string]>> = {
  statuscategorychangedate: 'datetime',
  issuetype: 'issuetype',
  parent: 'issuelink',
  timespent: 'number',
  project: 'project',
  fixVersions: ['array', 'version'],
  aggregatetimespent: 'number',
  resolution: 'resolution',
  resolutiondate: 'datetime',
  workratio: 'number',
  watches: 'watches',
  lastViewed: 'datetime',
  created: 'datetime',
  priority: 'priority',
  labels: ['array', 'string'],
  aggregatetimeoriginalestimate: 'number',
  timeestimate: 'number',
  versions: ['array', 'version'],
  issuelinks: ['array', 'issuelinks'],
  assignee: 'user',
  updated: 'datetime',
  status: 'status',
  components: ['array', 'component'],
  timeoriginalestimate: 'number',
  description: 'string',
  timetracking: 'timetracking',
  security: 'securitylevel',
  aggregatetimeestimate: 'number',
  attachment: ['array', 'attachment'],
  summary: 'string',
  creator: 'user',
  subtasks: ['array', 'issuelinks'],
  reporter: 'user',
  aggregateprogress: 'progress',
  environment: 'string',
  duedate: 'date',
  progress: 'progress',
  votes: 'votes',
  comment: 'comments-page',
  worklog: ['array', 'worklog'],
};

/** The `JsonTypeBean` schema of a field (for `expand=schema` and `/rest/api/3/field`). */
export function fieldSchema(fieldId: string): Record<string, unknown> | undefined {
  const custom = catalog.customField(fieldId);
  if (custom !== undefined) return { type: custom.schemaType, ...(custom.items === undefined ? {} : { items: custom.items }), custom: custom.customType, customId: custom.numericId };
  const type = SYSTEM_FIELD_TYPES[fieldId];
  if (type === undefined) return undefined;
  return typeof type === 'string' ? { type, system: fieldId } : { type: type[0], items: type[1], system: fieldId };
}

/** Which fields a `fields` parameter asks for. */
export interface FieldSelection {
  /** Whether the field is wanted. */
  includes(fieldId: string): boolean;
  /** Whether nothing but `id`/`key` is wanted (search then answers with ids only). */
  readonly idsOnly: boolean;
}

/**
 * Reads a `fields` parameter: `*all`, `*navigable`, field ids, `-field` to leave one out. `fallback`
 * applies when the parameter is absent or empty (`*all` for GET issue, `id` for search).
 */
export function selectFields(tokens: readonly string[] | undefined, fallback: '*all' | 'id'): FieldSelection {
  const list = tokens === undefined || tokens.length === 0 ? [fallback] : tokens;
  const wanted = new Set<string>();
  const excluded = new Set<string>();
  let all = false;
  let navigable = false;
  for (const token of list) {
    if (token === '*all') all = true;
    else if (token === '*navigable') navigable = true;
    else if (token.startsWith('-')) excluded.add(normaliseFieldId(token.slice(1)));
    else wanted.add(normaliseFieldId(token));
  }
  const includes = (fieldId: string) =>
    !excluded.has(fieldId) && (all || wanted.has(fieldId) || (navigable && !NON_NAVIGABLE.has(fieldId)));
  const idsOnly = !all && !navigable && [...wanted].every((field) => field === 'id' || field === 'key');
  return { includes, idsOnly };
}

/** Field ids as clients write them: `cf[10010]` → `customfield_10010`. */
export function normaliseFieldId(token: string): string {
  const match = /^cf\[(\d+)\]$/iu.exec(token.trim());
  return match === null ? token.trim() : `customfield_${match[1]}`;
}

/** Options of {@link issueJson}. */
export interface IssueJsonOptions {
  /** The fields to include. */
  readonly fields: FieldSelection;
  /** `expand` values: `renderedFields`, `names`, `schema`, `transitions`, `transitions.fields`, `changelog`. */
  readonly expand: ReadonlySet<string>;
}

/** The value of one system field of an issue. */
function systemFieldValue(view: View, issue: Issue, fieldId: string): unknown {
  const { state, url } = view;
  const issueSelf = `${url}/rest/api/3/issue/${issue.id}`;
  switch (fieldId) {
    case 'statuscategorychangedate':
      return dateTime(view, issue.statusCategoryChanged);
    case 'issuetype': {
      const type = catalog.issueType(issue.issueTypeId);
      return type === undefined ? null : issueTypeJson(view, type);
    }
    case 'parent': {
      const parent = issue.parentId === null ? undefined : state.issues.get(issue.parentId);
      return parent === undefined ? undefined : linkedIssueJson(view, parent);
    }
    case 'project':
      return projectRef(view, store.projectOf(state, issue));
    case 'fixVersions':
    case 'versions':
    case 'components':
      return [];
    case 'issuelinks':
      return store.linksOf(state, issue).flatMap((link) => {
        const json = issueLinkJson(view, link, issue);
        return json === undefined ? [] : [json];
      });
    case 'timespent':
    case 'aggregatetimespent': {
      const spent = timeSpentSeconds(issue);
      return spent === 0 ? null : spent;
    }
    case 'resolution': {
      const resolution = issue.resolutionId === null ? undefined : catalog.resolution(issue.resolutionId);
      return resolution === undefined ? null : resolutionJson(view, resolution);
    }
    case 'resolutiondate':
      return dateTime(view, issue.resolutionDate);
    case 'workratio':
      return -1;
    case 'watches':
      return { self: `${issueSelf}/watchers`, watchCount: issue.watchers.length, isWatching: view.viewer !== undefined && issue.watchers.includes(view.viewer.accountId) };
    case 'created':
      return dateTime(view, issue.created);
    case 'updated':
      return dateTime(view, issue.updated);
    case 'priority': {
      const priority = catalog.priority(issue.priorityId);
      return priority === undefined ? null : priorityJson(view, priority);
    }
    case 'labels':
      return [...issue.labels];
    case 'assignee':
      return userDetails(view, store.user(state, issue.assigneeId));
    case 'reporter':
      return userDetails(view, store.user(state, issue.reporterId));
    case 'creator':
      return userDetails(view, store.user(state, issue.creatorId));
    case 'status':
      return statusJson(view, statusOf(issue.statusId));
    case 'description':
      return issue.description;
    case 'timetracking': {
      const spent = timeSpentSeconds(issue);
      return spent === 0 ? {} : { timeSpent: formatDuration(spent), timeSpentSeconds: spent };
    }
    case 'attachment':
      return issue.attachmentIds.map((id) => state.attachments.get(id)).filter((attachment) => attachment !== undefined).map((attachment) => attachmentJson(view, attachment));
    case 'summary':
      return issue.summary;
    case 'subtasks':
      return store.subtasks(state, issue).map((subtask) => linkedIssueJson(view, subtask));
    case 'aggregateprogress':
    case 'progress': {
      const spent = timeSpentSeconds(issue);
      return spent === 0 ? { progress: 0, total: 0 } : { progress: spent, total: spent, percent: 100 };
    }
    case 'duedate':
      return issue.dueDate;
    case 'votes':
      return { self: `${issueSelf}/votes`, votes: 0, hasVoted: false };
    case 'comment': {
      const comments = issue.comments.filter((comment) => commentVisibleTo(view, issue, comment)).map((comment) => commentJson(view, issue, comment));
      return { comments, self: `${issueSelf}/comment`, maxResults: comments.length, total: comments.length, startAt: 0 };
    }
    case 'worklog': {
      const worklogs = issue.worklogs.filter((worklog) => visibleTo(view, issue, worklog.visibility));
      return { startAt: 0, maxResults: 20, total: worklogs.length, worklogs: worklogs.slice(0, 20).map((worklog) => worklogJson(view, issue, worklog)) };
    }
    default:
      return null;
  }
}

/** A parent or sub-task reference (`LinkedIssue`-like: id, key, self, a few fields). */
export function linkedIssueJson(view: View, issue: Issue): Record<string, unknown> {
  const type = catalog.issueType(issue.issueTypeId);
  const priority = catalog.priority(issue.priorityId);
  return {
    id: String(issue.id),
    key: issue.key,
    self: `${view.url}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      status: statusJson(view, statusOf(issue.statusId)),
      ...(priority === undefined ? {} : { priority: priorityJson(view, priority) }),
      ...(type === undefined ? {} : { issuetype: issueTypeJson(view, type) }),
    },
  };
}

/** An issue as `IssueBean`. */
export function issueJson(view: View, issue: Issue, options: IssueJsonOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const fieldId of ALL_FIELD_IDS) {
    if (!options.fields.includes(fieldId)) continue;
    const custom = catalog.customField(fieldId);
    const value = custom === undefined ? systemFieldValue(view, issue, fieldId) : customFieldValue(view, issue, custom);
    if (value !== undefined) fields[fieldId] = value;
  }
  const json: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: String(issue.id),
    self: `${view.url}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
  const { expand } = options;
  if (expand.has('renderedFields')) json.renderedFields = renderedFields(view, issue, fields);
  if (expand.has('names')) json.names = Object.fromEntries(Object.keys(fields).map((id) => [id, FIELD_NAMES[id] ?? id]));
  if (expand.has('schema')) {
    json.schema = Object.fromEntries(Object.keys(fields).flatMap((id) => {
      const schema = fieldSchema(id);
      return schema === undefined ? [] : [[id, schema]];
    }));
  }
  if (expand.has('transitions') || expand.has('transitions.fields')) {
    json.transitions = issueTransitions(view, issue).map((transition) => transitionJson(view, issue, transition, expand.has('transitions.fields')));
  }
  if (expand.has('changelog')) json.changelog = changelogJson(view, issue);
  return json;
}

function renderedFields(view: View, issue: Issue, fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const rendered: Record<string, unknown> = {};
  for (const fieldId of Object.keys(fields)) {
    if (fieldId === 'description') rendered.description = issue.description === null ? null : adfToHtml(issue.description);
    else if (fieldId === 'comment') {
      const comments = issue.comments.filter((comment) => commentVisibleTo(view, issue, comment)).map((comment) => ({ ...commentJson(view, issue, comment), body: adfToHtml(comment.body) }));
      rendered.comment = { comments, maxResults: comments.length, total: comments.length, startAt: 0 };
    } else if (fieldId === 'created' || fieldId === 'updated' || fieldId === 'resolutiondate') {
      const ms = fieldId === 'created' ? issue.created : fieldId === 'updated' ? issue.updated : issue.resolutionDate;
      rendered[fieldId] = ms === null ? null : jsmDate(ms, zoneOf(view)).friendly;
    } else if (fieldId === 'duedate') rendered.duedate = issue.dueDate;
    else rendered[fieldId] = null;
  }
  return rendered;
}

/** A changelog entry as `Changelog`. */
export function historyJson(view: View, history: ChangeHistory): Record<string, unknown> {
  return {
    id: String(history.id),
    author: userDetails(view, view.state.users.get(history.authorId)),
    created: dateTime(view, history.created),
    // Jira sends `null` for an empty side of a change; the spec's ChangeDetails has no nullable
    // strings (and spec-generated clients reject null), so empty sides are left out instead.
    items: history.items.map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== null))),
  };
}

/** The changelog page of an issue (`expand=changelog`, `PageOfChangelogs`). */
export function changelogJson(view: View, issue: Issue): Record<string, unknown> {
  return {
    startAt: 0,
    maxResults: issue.changelog.length,
    total: issue.changelog.length,
    histories: issue.changelog.map((history) => historyJson(view, history)),
  };
}
