/**
 * The searchable fields of the simulator's issues, described for the JQL engine
 * (`compileJql(query, { fields })`), and the search itself: compile, filter by what the caller can
 * browse, sort. Field values the caller cannot see (projects it cannot browse) are not offered, so
 * `project = HELP` from an account without access gets Jira's "The value 'HELP' does not exist for
 * the field 'project'."
 *
 * @module
 */
import { adfToText } from './adf.js';
import { browsableProjects } from './auth.js';
import { catalog, CUSTOM_FIELDS, ISSUE_TYPES, PRIORITIES, REQUEST_TYPES, RESOLUTIONS, STATUS_CATEGORIES, STATUSES, statusOf, type CustomFieldDef } from './catalog.js';
import { compileJql, JIRA_STATUS_CATEGORIES, parseJql, type CompiledJql, type FieldResolver, type JqlClause, type JqlField, type JqlOption, type JqlQuery } from './jql/index.js';
import { commentVisibleTo, emailVisibleTo, zoneOf, type View } from './serialize.js';
import { store, type Issue, type JiraUser } from './store.js';

function userOption(user: JiraUser, viewer: JiraUser | undefined): JqlOption {
  return emailVisibleTo(user, viewer) ? { name: user.displayName, key: user.email, id: user.accountId } : { name: user.displayName, id: user.accountId };
}

function customField(view: View, field: CustomFieldDef): JqlField<Issue> {
  if (field.kind === 'requestType') {
    return {
      type: 'option',
      get: (issue) => {
        const type = issue.requestTypeId === null ? undefined : catalog.requestType(issue.requestTypeId);
        return type === undefined ? undefined : { name: type.name, key: `${store.projectOf(view.state, issue).key.toLowerCase()}/${type.key}`, id: type.id };
      },
      options: () => REQUEST_TYPES.map((type) => ({ name: type.name, key: `help/${type.key}`, id: type.id })),
    };
  }
  if (field.kind === 'select') {
    const options = (field.options ?? []).map((option) => ({ name: option.value, id: option.id }));
    return { type: 'option', get: (issue) => options.find((option) => option.id === issue.customFields[field.id]), options: () => options };
  }
  return { type: 'text', get: (issue) => issue.customFields[field.id] };
}

/** The field resolver for one caller. */
export function issueFieldResolver(view: View): FieldResolver<Issue> {
  const { state, viewer } = view;
  const users = () => [...state.users.values()].map((user) => userOption(user, viewer));
  const userField = (read: (issue: Issue) => string | null): JqlField<Issue> => ({
    type: 'user',
    get: (issue) => {
      const user = store.user(state, read(issue));
      return user === undefined ? undefined : userOption(user, viewer);
    },
    options: users,
  });
  // Comments restricted to a role or group the caller is not in are not searched for it either.
  const commentTexts = (issue: Issue) => issue.comments.filter((comment) => commentVisibleTo(view, issue, comment)).map((comment) => adfToText(comment.body));
  const statusOption = (id: string) => {
    const status = statusOf(id);
    return { name: status.name, id: status.id };
  };
  const fields: Record<string, JqlField<Issue>> = {
    project: {
      type: 'option',
      get: (issue) => {
        const project = store.projectOf(state, issue);
        return { name: project.name, key: project.key, id: project.id };
      },
      options: () => browsableProjects(state, viewer).map((project) => ({ name: project.name, key: project.key, id: project.id })),
    },
    issuekey: {
      type: 'key',
      get: (issue) => ({ name: issue.key, id: String(issue.id) }),
      // An issue the caller cannot browse "does not exist", as in Jira: JQL does not confirm it either.
      options: () => browsableIssues(view).map((issue) => ({ name: issue.key, id: String(issue.id) })),
    },
    summary: { type: 'text', get: (issue) => issue.summary },
    description: { type: 'text', get: (issue) => adfToText(issue.description) },
    comment: { type: 'text', get: (issue) => commentTexts(issue) },
    text: { type: 'text', get: (issue) => [issue.summary, adfToText(issue.description), ...commentTexts(issue)] },
    status: { type: 'option', get: (issue) => statusOption(issue.statusId), options: () => STATUSES.map((status) => statusOption(status.id)) },
    statuscategory: {
      type: 'option',
      get: (issue) => {
        const category = STATUS_CATEGORIES[statusOf(issue.statusId).category];
        return JIRA_STATUS_CATEGORIES.find((option) => option.id === category.id);
      },
      options: () => JIRA_STATUS_CATEGORIES,
    },
    issuetype: {
      type: 'option',
      get: (issue) => {
        const type = catalog.issueType(issue.issueTypeId);
        return type === undefined ? undefined : { name: type.name, id: type.id };
      },
      options: () => ISSUE_TYPES.map((type) => ({ name: type.name, id: type.id })),
    },
    priority: {
      type: 'option',
      get: (issue) => {
        const priority = catalog.priority(issue.priorityId);
        return priority === undefined ? undefined : { name: priority.name, id: priority.id, rank: priority.rank };
      },
      options: () => PRIORITIES.map((priority) => ({ name: priority.name, id: priority.id, rank: priority.rank })),
    },
    resolution: {
      type: 'option',
      get: (issue) => {
        const resolution = issue.resolutionId === null ? undefined : catalog.resolution(issue.resolutionId);
        return resolution === undefined ? undefined : { name: resolution.name, id: resolution.id };
      },
      options: () => RESOLUTIONS.map((resolution) => ({ name: resolution.name, id: resolution.id })),
    },
    assignee: userField((issue) => issue.assigneeId),
    reporter: userField((issue) => issue.reporterId),
    creator: userField((issue) => issue.creatorId),
    labels: { type: 'string', get: (issue) => issue.labels },
    created: { type: 'datetime', get: (issue) => issue.created },
    updated: { type: 'datetime', get: (issue) => issue.updated },
    resolved: { type: 'datetime', get: (issue) => issue.resolutionDate ?? undefined },
    statuscategorychangeddate: { type: 'datetime', get: (issue) => issue.statusCategoryChanged },
    duedate: { type: 'date', get: (issue) => issue.dueDate ?? undefined },
    parent: {
      type: 'key',
      get: (issue) => {
        const parent = issue.parentId === null ? undefined : state.issues.get(issue.parentId);
        return parent === undefined ? undefined : { name: parent.key, id: String(parent.id) };
      },
    },
  };
  for (const field of CUSTOM_FIELDS) {
    const described = customField(view, field);
    fields[`cf[${field.numericId}]`] = described;
    fields[field.name.toLowerCase()] = described;
  }
  return (name) => fields[name];
}

/**
 * `resolution = Unresolved` (and `!=`, `IN (…, Unresolved)`): Jira's special value for "no
 * resolution", rewritten to `EMPTY` before compiling.
 */
function rewriteUnresolved(clause: JqlClause): JqlClause {
  switch (clause.kind) {
    case 'and':
    case 'or':
      return { kind: clause.kind, clauses: clause.clauses.map(rewriteUnresolved) };
    case 'not':
      return { kind: 'not', clause: rewriteUnresolved(clause.clause) };
    case 'terminal': {
      if (clause.field.name.toLowerCase() !== 'resolution') return clause;
      const isUnresolved = (operand: { kind: string; value?: string }) => operand.kind === 'value' && operand.value?.toLowerCase() === 'unresolved';
      const { operand } = clause;
      if (isUnresolved(operand)) {
        if (clause.operator === '=') return { ...clause, operator: 'is', operand: { kind: 'empty' } };
        if (clause.operator === '!=') return { ...clause, operator: 'is not', operand: { kind: 'empty' } };
      }
      if (operand.kind === 'list') {
        return { ...clause, operand: { kind: 'list', values: operand.values.map((value) => (isUnresolved(value) ? { kind: 'empty' as const } : value)) } };
      }
      return clause;
    }
  }
}

/** Compiles a query for a caller (Jira's 400 comes out as a `JqlError`). */
export function compileIssueQuery(view: View, jql: string, now: Date = new Date()): CompiledJql<Issue> {
  const parsed: JqlQuery = parseJql(jql);
  const query: JqlQuery = parsed.where === undefined ? parsed : { ...parsed, where: rewriteUnresolved(parsed.where) };
  return compileJql(query, { fields: issueFieldResolver(view), now: () => now, currentUser: view.viewer?.accountId, timeZone: zoneOf(view) });
}

/** The issues the caller can browse. */
export function browsableIssues(view: View): Issue[] {
  const projects = new Set(browsableProjects(view.state, view.viewer).map((project) => project.id));
  return [...view.state.issues.values()].filter((issue) => projects.has(issue.projectId));
}
