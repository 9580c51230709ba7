/**
 * Reads the `fields` and `update` of an issue create, edit or transition (`IssueUpdateDetails`) the
 * way Jira validates them: every problem is collected into `errors` (field id → Jira's message) and
 * answered at once with 400; v3 rich text must be ADF; a field that is not on the screen is
 * "cannot be set. It is not on the appropriate screen, or unknown."
 *
 * @module
 */
import { isJsonObject, type JsonObject } from '../readers.js';
import { adfProblem, type AdfDocument } from './adf.js';
import { canBrowse, canWork, hasRole, isAgent } from './auth.js';
import { catalog, CUSTOM_FIELDS, ISSUE_TYPES, PRIORITIES, REQUEST_TYPE_FIELD, REQUEST_TYPES, RESOLUTIONS, ROLES } from './catalog.js';
import { readRichValue, RICH_KINDS } from './custom-field-input.js';
import { failFields, failJira } from './errors.js';
import { store, type ChangeItem, type CommentVisibility, type Issue, type JiraState, type JiraUser, type Project } from './store.js';

/** What a request wants to change; `undefined` means "leave as is". */
export interface IssueChanges {
  projectId?: string;
  issueTypeId?: string;
  summary?: string;
  description?: AdfDocument | null;
  reporterId?: string | null;
  assigneeId?: string | null;
  priorityId?: string;
  labels?: string[];
  dueDate?: string | null;
  parentId?: number | null;
  requestTypeId?: string | null;
  resolutionId?: string | null;
  customFields?: Record<string, string | null>;
  /** Comments to add (from `update.comment`). */
  comments?: { body: AdfDocument; visibility?: CommentVisibility }[];
}

/** Where the input is used: the fields each context accepts differ. */
export type InputContext = 'create' | 'edit' | 'transition';

/** What the reader needs to know. */
export interface InputTarget {
  readonly state: JiraState;
  readonly caller: JiraUser;
  /** The project (for edit/transition: the issue's; for create: resolved from `fields.project`). */
  readonly project?: Project;
  /** The issue being edited or transitioned. */
  readonly issue?: Issue;
  /** Screen fields a transition accepts (assignee, resolution). */
  readonly screen?: readonly string[];
}

/** Jira's message for a field that is not on the screen of the operation (or that the caller may not set). */
export const NOT_ON_SCREEN = (field: string): string => `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
const EDITABLE = new Set(['summary', 'description', 'reporter', 'assignee', 'priority', 'labels', 'duedate', 'parent', ...CUSTOM_FIELDS.map((field) => field.id)]);

function idOrName(value: unknown): { id?: string; name?: string; key?: string; accountId?: string; value?: string } | undefined {
  if (!isJsonObject(value)) return undefined;
  const read = (name: string) => (typeof value[name] === 'string' ? (value[name] as string) : typeof value[name] === 'number' ? String(value[name]) : undefined);
  return { id: read('id'), name: read('name'), key: read('key'), accountId: read('accountId'), value: read('value') };
}

/** Whether the user can be assigned issues of the project. */
export function isAssignable(project: Project, user: JiraUser): boolean {
  if (!user.active || user.accountType !== 'atlassian') return false;
  if (project.typeKey === 'service_desk') return isAgent(project, user);
  return canWork(project, user);
}

/** Reads `fields` and `update` into changes; throws Jira's 400 with every field error. */
export function readIssueInput(body: JsonObject, context: InputContext, target: InputTarget): IssueChanges {
  // No prototype: a field named "__proto__" must land in the errors like any other unknown field.
  const errors: Record<string, string> = Object.create(null) as Record<string, string>;
  const changes: IssueChanges = {};
  const fields = body.fields === undefined ? {} : body.fields;
  const update = body.update === undefined ? {} : body.update;
  if (!isJsonObject(fields)) failJira(400, ["Can not deserialize instance of java.util.LinkedHashMap out of the 'fields' value"]);
  if (!isJsonObject(update)) failJira(400, ["Can not deserialize instance of java.util.LinkedHashMap out of the 'update' value"]);
  for (const name of Object.keys(update)) {
    if (name in fields) errors[name] = `Field '${name}' cannot be set in both 'fields' and 'update'.`;
  }

  let project = target.project;
  if (context === 'create') {
    const ref = idOrName(fields.project);
    const found = ref === undefined ? undefined : store.project(target.state, ref.id ?? ref.key ?? '');
    if (found === undefined || !canBrowse(found, target.caller)) errors.project = 'Specify a valid project ID or key';
    else {
      project = found;
      changes.projectId = found.id;
    }
    const typeRef = idOrName(fields.issuetype);
    if (typeRef === undefined) errors.issuetype = 'Specify an issue type';
    else {
      const type = ISSUE_TYPES.find((candidate) => candidate.id === typeRef.id || (typeRef.id === undefined && candidate.name.toLowerCase() === typeRef.name?.toLowerCase()));
      if (type === undefined || (project !== undefined && !project.issueTypeIds.includes(type.id))) errors.issuetype = 'The issue type selected is invalid.';
      else changes.issueTypeId = type.id;
    }
    if (typeof fields.summary !== 'string' || fields.summary.trim() === '') errors.summary = 'You must specify a summary of the issue.';
  }

  for (const [name, value] of Object.entries(fields)) {
    if (name === 'project' || name === 'issuetype') {
      if (context !== 'create') errors[name] = NOT_ON_SCREEN(name);
      continue;
    }
    const allowed = context === 'transition' ? (target.screen ?? []).includes(name) : EDITABLE.has(name) && (context === 'create' || name !== 'parent');
    if (!allowed) {
      errors[name] = NOT_ON_SCREEN(name);
      continue;
    }
    readField(name, value, { ...target, project }, changes, errors);
  }

  for (const [name, operations] of Object.entries(update)) {
    if (!Array.isArray(operations)) {
      errors[name] = `Field '${name}': the update operations must be an array.`;
      continue;
    }
    for (const operation of operations) readOperation(name, operation, { ...target, project }, changes, errors);
  }
  if (Object.keys(errors).length > 0) failFields(errors);
  return changes;
}

function readUserRef(value: unknown, state: JiraState): { user: JiraUser | null } | { invalid: string } {
  if (value === null) return { user: null };
  const ref = idOrName(value);
  const accountId = ref?.accountId ?? ref?.id;
  if (accountId === undefined) return { invalid: 'accountId' };
  if (accountId === '-1') return { user: null };
  const user = state.users.get(accountId);
  return user === undefined ? { invalid: accountId } : { user };
}

function readField(name: string, value: unknown, input: InputTarget, changes: IssueChanges, errors: Record<string, string>): void {
  const { state, project } = input;
  switch (name) {
    case 'summary':
      if (typeof value !== 'string' || value.trim() === '') errors.summary = 'You must specify a summary of the issue.';
      else if (value.length > 255) errors.summary = 'Summary must be less than 255 characters.';
      else changes.summary = value;
      return;
    case 'description': {
      if (value === null) {
        changes.description = null;
        return;
      }
      const problem = adfProblem(value);
      if (problem !== undefined) errors.description = problem;
      else changes.description = value as AdfDocument;
      return;
    }
    case 'reporter': {
      const result = readUserRef(value, state);
      if ('invalid' in result) errors.reporter = `Specified reporter is not a user.`;
      else changes.reporterId = result.user?.accountId ?? null;
      return;
    }
    case 'assignee': {
      const result = readUserRef(value, state);
      if ('invalid' in result) errors.assignee = `User '${result.invalid}' does not exist.`;
      else if (result.user !== null && project !== undefined && !isAssignable(project, result.user)) errors.assignee = `User '${result.user.accountId}' cannot be assigned issues.`;
      else changes.assigneeId = result.user?.accountId ?? null;
      return;
    }
    case 'priority': {
      const ref = idOrName(value);
      const priority = PRIORITIES.find((candidate) => candidate.id === ref?.id || (ref?.id === undefined && candidate.name.toLowerCase() === ref?.name?.toLowerCase()));
      if (priority === undefined) errors.priority = 'The priority selected is invalid.';
      else changes.priorityId = priority.id;
      return;
    }
    case 'labels':
      if (!Array.isArray(value) || !value.every((label) => typeof label === 'string')) errors.labels = 'Labels must be an array of strings.';
      else {
        const bad = value.find((label: string) => /\s/u.test(label));
        if (bad !== undefined) errors.labels = `The label '${bad}' contains spaces which is invalid.`;
        else changes.labels = [...new Set(value as string[])];
      }
      return;
    case 'duedate':
      if (value === null) changes.dueDate = null;
      else if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(value) || Number.isNaN(Date.parse(value))) errors.duedate = "Error parsing date string: " + String(value);
      else changes.dueDate = value;
      return;
    case 'parent': {
      const ref = idOrName(value);
      const parent = ref === undefined ? undefined : store.issue(state, ref.key ?? ref.id ?? '');
      if (parent === undefined || parent.projectId !== project?.id) errors.parent = 'Could not find issue by id or key.';
      else changes.parentId = parent.id;
      return;
    }
    case 'resolution': {
      const ref = idOrName(value);
      const resolution = RESOLUTIONS.find((candidate) => candidate.id === ref?.id || (ref?.id === undefined && candidate.name.toLowerCase() === ref?.name?.toLowerCase()));
      if (resolution === undefined) errors.resolution = `Could not find valid 'id' or 'name' in resolution object.`;
      else changes.resolutionId = resolution.id;
      return;
    }
    default:
      readCustomField(name, value, input, changes, errors);
  }
}

function readCustomField(name: string, value: unknown, input: InputTarget, changes: IssueChanges, errors: Record<string, string>): void {
  const field = catalog.customField(name);
  if (field === undefined) {
    errors[name] = NOT_ON_SCREEN(name);
    return;
  }
  if (field.id === REQUEST_TYPE_FIELD) {
    if (input.project?.typeKey !== 'service_desk') {
      errors[name] = NOT_ON_SCREEN(name);
      return;
    }
    if (value === null) {
      changes.requestTypeId = null;
      return;
    }
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    const slug = text?.includes('/') === true ? text.split('/')[1] : text;
    const type = REQUEST_TYPES.find((candidate) => candidate.id === text || candidate.key === slug);
    if (type === undefined) errors[name] = `The request type '${String(text)}' does not exist.`;
    else changes.requestTypeId = type.id;
    return;
  }
  changes.customFields ??= {};
  if (value === null) {
    changes.customFields[name] = null;
    return;
  }
  if (RICH_KINDS.has(field.kind)) {
    const read = readRichValue(input.state, field, value, 'adf');
    if ('problem' in read) errors[name] = read.problem;
    else changes.customFields[name] = read.value;
    return;
  }
  if (field.kind === 'text') {
    if (typeof value !== 'string') errors[name] = 'Operation value must be a string';
    else if (value.length > 255) errors[name] = 'The entered text is too long. It exceeds the allowed limit of 255 characters.';
    else changes.customFields[name] = value;
    return;
  }
  const ref = idOrName(value);
  if (ref === undefined || (ref.id === undefined && ref.value === undefined)) {
    errors[name] = "Could not find valid 'id' or 'value' in the Parent Option object.";
    return;
  }
  const option = field.options?.find((candidate) => (ref.id !== undefined ? candidate.id === ref.id : candidate.value === ref.value));
  if (option === undefined) errors[name] = ref.id !== undefined ? `Option id '${ref.id}' is not valid` : `Option value '${ref.value ?? ''}' is not valid`;
  else changes.customFields[name] = option.id;
}

function readOperation(name: string, operation: unknown, input: InputTarget, changes: IssueChanges, errors: Record<string, string>): void {
  if (!isJsonObject(operation)) {
    errors[name] = `Field '${name}': an update operation must be an object such as {"set": ...}.`;
    return;
  }
  const [verb, value] = Object.entries(operation)[0] ?? [];
  if (name === 'comment') {
    if (verb !== 'add' || !isJsonObject(value)) {
      errors.comment = 'Only the add operation is supported for comments.';
      return;
    }
    const problem = adfProblem(value.body);
    if (problem !== undefined) {
      errors.comment = problem;
      return;
    }
    const visibility = readVisibility(value.visibility, input, errors);
    changes.comments ??= [];
    changes.comments.push({ body: value.body as AdfDocument, ...(visibility === undefined ? {} : { visibility }) });
    return;
  }
  if (name === 'labels') {
    const current = changes.labels ?? [...(input.issue?.labels ?? [])];
    const given = verb === 'set' && Array.isArray(value) && value.every((label) => typeof label === 'string') ? (value as string[]) : typeof value === 'string' ? [value] : undefined;
    const spaced = given?.find((label) => /\s/u.test(label) || label === '');
    if (given === undefined || !['set', 'add', 'remove'].includes(String(verb)) || (verb !== 'set' && typeof value !== 'string')) {
      errors.labels = `The operation '${String(verb)}' is not supported for labels.`;
    } else if (spaced !== undefined) errors.labels = `The label '${spaced}' contains spaces which is invalid.`;
    else if (verb === 'set') changes.labels = [...new Set(given)];
    else if (verb === 'add') changes.labels = current.includes(value as string) ? current : [...current, value as string];
    else changes.labels = current.filter((label) => label !== value);
    return;
  }
  if (verb !== 'set') {
    errors[name] = `Field '${name}' does not support the '${String(verb)}' operation.`;
    return;
  }
  const allowed = input.screen === undefined ? EDITABLE.has(name) : input.screen.includes(name);
  if (!allowed) {
    errors[name] = NOT_ON_SCREEN(name);
    return;
  }
  readField(name, value, input, changes, errors);
}

/** Reads a comment `visibility`: the caller must hold the role or be in the group. */
export function readVisibility(value: unknown, input: Pick<InputTarget, 'caller' | 'project'>, errors: Record<string, string>): CommentVisibility | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value) || (value.type !== 'role' && value.type !== 'group')) {
    errors.commentLevel = 'Visibility type must be either "role" or "group".';
    return undefined;
  }
  const name = typeof value.value === 'string' ? value.value : typeof value.identifier === 'string' ? value.identifier : '';
  if (value.type === 'role') {
    const role = Object.values(ROLES).find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (role === undefined || input.project === undefined || !hasRole(input.project, input.caller, role.name)) {
      errors.commentLevel = `You are currently not a member of the project role: ${name}.`;
      return undefined;
    }
    return { type: 'role', value: role.name, identifier: role.name };
  }
  if (!input.caller.groups.includes(name)) {
    errors.commentLevel = `You are currently not a member of the group: ${name}.`;
    return undefined;
  }
  return { type: 'group', value: name, identifier: name };
}

/** Applies changes to an issue, recording a changelog entry; returns whether anything changed. */
export function applyChanges(state: JiraState, issue: Issue, changes: IssueChanges, author: JiraUser, now: number): boolean {
  const items: ChangeItem[] = [];
  const record = (field: string, fieldId: string, from: string | null, fromString: string | null, to: string | null, toString: string | null) => {
    if (from !== to || fromString !== toString) items.push({ field, fieldtype: fieldId.startsWith('customfield_') ? 'custom' : 'jira', fieldId, from, fromString, to, toString });
  };
  const name = (accountId: string | null) => (accountId === null ? null : (state.users.get(accountId)?.displayName ?? null));
  if (changes.summary !== undefined) {
    record('summary', 'summary', null, issue.summary, null, changes.summary);
    issue.summary = changes.summary;
  }
  if (changes.description !== undefined) {
    record('description', 'description', null, issue.description === null ? null : '(document)', null, changes.description === null ? null : '(document)');
    issue.description = changes.description;
  }
  if (changes.issueTypeId !== undefined && changes.issueTypeId !== issue.issueTypeId) {
    record('issuetype', 'issuetype', issue.issueTypeId, catalog.issueType(issue.issueTypeId)?.name ?? null, changes.issueTypeId, catalog.issueType(changes.issueTypeId)?.name ?? null);
    issue.issueTypeId = changes.issueTypeId;
  }
  if (changes.reporterId !== undefined) {
    record('reporter', 'reporter', issue.reporterId, name(issue.reporterId), changes.reporterId, name(changes.reporterId));
    issue.reporterId = changes.reporterId;
  }
  if (changes.assigneeId !== undefined) {
    record('assignee', 'assignee', issue.assigneeId, name(issue.assigneeId), changes.assigneeId, name(changes.assigneeId));
    issue.assigneeId = changes.assigneeId;
  }
  if (changes.priorityId !== undefined) {
    record('priority', 'priority', issue.priorityId, catalog.priority(issue.priorityId)?.name ?? null, changes.priorityId, catalog.priority(changes.priorityId)?.name ?? null);
    issue.priorityId = changes.priorityId;
  }
  if (changes.labels !== undefined) {
    record('labels', 'labels', null, issue.labels.join(' '), null, changes.labels.join(' '));
    issue.labels = changes.labels;
  }
  if (changes.dueDate !== undefined) {
    record('duedate', 'duedate', issue.dueDate, issue.dueDate, changes.dueDate, changes.dueDate);
    issue.dueDate = changes.dueDate;
  }
  if (changes.parentId !== undefined) issue.parentId = changes.parentId;
  if (changes.requestTypeId !== undefined) {
    record('Request Type', REQUEST_TYPE_FIELD, issue.requestTypeId, null, changes.requestTypeId, null);
    issue.requestTypeId = changes.requestTypeId;
  }
  if (changes.resolutionId !== undefined) {
    record('resolution', 'resolution', issue.resolutionId, issue.resolutionId === null ? null : (catalog.resolution(issue.resolutionId)?.name ?? null), changes.resolutionId, changes.resolutionId === null ? null : (catalog.resolution(changes.resolutionId)?.name ?? null));
    issue.resolutionId = changes.resolutionId;
    issue.resolutionDate = changes.resolutionId === null ? null : now;
  }
  for (const [fieldId, value] of Object.entries(changes.customFields ?? {})) {
    const before = issue.customFields[fieldId] ?? null;
    record(catalog.customField(fieldId)?.name ?? fieldId, fieldId, before, before, value, value);
    if (value === null) delete issue.customFields[fieldId];
    else issue.customFields[fieldId] = value;
  }
  for (const comment of changes.comments ?? []) {
    const id = state.counters.commentId;
    state.counters.commentId += 1;
    issue.comments.push({ id, issueId: issue.id, authorId: author.accountId, body: comment.body, created: now, updated: now, updateAuthorId: author.accountId, visibility: comment.visibility, jsdPublic: true, properties: [] });
    state.commentIssue.set(id, issue.id);
  }
  const changed = items.length > 0 || (changes.comments?.length ?? 0) > 0;
  if (items.length > 0) {
    issue.changelog.push({ id: state.counters.historyId, authorId: author.accountId, created: now, items });
    state.counters.historyId += 1;
  }
  if (changed) issue.updated = now;
  return changed;
}

/** Jira's message when a sub-task type is created without a parent, or a parent is given for a standard type. */
export function checkHierarchy(changes: IssueChanges): void {
  const type = changes.issueTypeId === undefined ? undefined : catalog.issueType(changes.issueTypeId);
  if (type?.subtask === true && changes.parentId === undefined) failFields({ parent: 'Parent is required for a sub-task.' });
  if (type !== undefined && !type.subtask && changes.parentId !== undefined && changes.parentId !== null) {
    failFields({ parent: 'Given parent issue does not belong to appropriate hierarchy.' });
  }
}
