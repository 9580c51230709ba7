/**
 * Jira Service Management (`/rest/servicedeskapi`): service desks, request types and their fields,
 * requests (create with `raiseOnBehalfOf`, get, list the caller's own), request comments (plain
 * string bodies, `public` flag), customer transitions, status history, customers (list — an
 * experimental operation that needs `X-ExperimentalApi: opt-in` — add, remove, create).
 *
 * Requests are the platform's issues of the service project: one store serves both APIs. Lists are
 * JSM pages `{ size, start, limit, isLastPage, values, _links }`; errors are JSM's
 * `{ errorMessage, i18nErrorMessage }`; dates are `{ iso8601, jira, friendly, epochMillis }`.
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { booleanParam, isJsonObject } from '../../readers.js';
import type { SimRequest } from '../../simulator.js';
import { adfProblem, adfToText, textToAdf, textToHtml, type AdfDocument } from '../adf.js';
import { isAgent } from '../auth.js';
import { catalog, PRIORITIES, REQUEST_TYPE_GROUPS, REQUEST_TYPES, statusOf, type RequestTypeDef, type RequestTypeFieldDef } from '../catalog.js';
import { readRichValue, RICH_KINDS } from '../custom-field-input.js';
import { jsmDate } from '../dates.js';
import { EXPERIMENTAL_API, failJsm } from '../errors.js';
import { jsmReader } from '../http.js';
import { fieldSchema, jsmCategory, portalLink, requestTypeJson, richValueJson, zoneOf, type View } from '../serialize.js';
import { store, type Issue, type JiraState, type JiraUser } from '../store.js';
import { SERVICE_DESK_WORKFLOW, availableTransitions, workflowOf } from '../workflows.js';
import { addComment } from './comments.js';
import { authenticated, type JiraRouter } from './context.js';
import { openIssue } from './issues.js';
import { matchesUserQuery } from './users.js';
import { performTransition } from './transitions.js';
import { canManageCustomers, canUseDesk, deskJson, findDesk, findRequest, isDeskCustomer, jsmPage, jsmUser, paging, readAccountIds } from './jsm.js';
import { SERVER_VERSION } from './meta.js';
import { participantsOf } from './participants.js';
import { slaInformation } from './sla.js';

/** A request type of the desk (every desk of the site offers the same catalogue). */
function findRequestType(id: string): RequestTypeDef {
  const type = REQUEST_TYPES.find((candidate) => candidate.id === id);
  if (type === undefined) failJsm(404, 'Request type not found.', 'sd.request.type.not.found', [id]);
  return type;
}

function requireExperimental(request: SimRequest): void {
  if ((request.header('x-experimentalapi') ?? '').toLowerCase() !== 'opt-in') failJsm(412, EXPERIMENTAL_API, 'sd.api.experimental.optin.required');
}

/** The values a request type field accepts, as `validValues` lists them (options with their children, priorities). */
function validValuesOf(fieldId: string): Record<string, unknown>[] {
  if (fieldId === 'priority') return PRIORITIES.map((priority) => ({ value: priority.id, label: priority.name, children: [] }));
  const toValue = (option: { id: string; value: string; children?: readonly { id: string; value: string }[] }): Record<string, unknown> => ({
    value: option.id,
    label: option.value,
    children: (option.children ?? []).map(toValue),
  });
  return (catalog.customField(fieldId)?.options ?? []).map(toValue);
}

function fieldJson(field: RequestTypeFieldDef): Record<string, unknown> {
  const valid = validValuesOf(field.fieldId);
  const defaults = (field.defaultValues ?? []).map((value) => {
    const option = valid.find((candidate) => candidate.value === value);
    return { value, label: typeof option?.label === 'string' ? option.label : value, children: [] };
  });
  return {
    fieldId: field.fieldId,
    name: field.name,
    description: field.description,
    required: field.required,
    defaultValues: defaults,
    validValues: valid,
    presetValues: [],
    jiraSchema: fieldSchema(field.fieldId) ?? { type: 'string', system: field.fieldId },
    visible: true,
  };
}

function fieldValues(view: View, issue: Issue): Record<string, unknown>[] {
  const type = issue.requestTypeId === null ? undefined : catalog.requestType(issue.requestTypeId);
  if (type === undefined) return [];
  return type.fields.flatMap((field): Record<string, unknown>[] => {
    if (field.fieldId === 'summary') return [{ fieldId: 'summary', label: field.name, value: issue.summary }];
    if (field.fieldId === 'description') {
      const text = adfToText(issue.description);
      return issue.description === null ? [] : [{ fieldId: 'description', label: field.name, value: text, renderedValue: { html: textToHtml(text) } }];
    }
    if (field.fieldId === 'priority') {
      const priority = catalog.priority(issue.priorityId);
      return priority === undefined ? [] : [{ fieldId: 'priority', label: field.name, value: { self: `${view.url}/rest/api/3/priority/${priority.id}`, name: priority.name, id: priority.id } }];
    }
    if (field.fieldId === 'labels') return issue.labels.length === 0 ? [] : [{ fieldId: 'labels', label: field.name, value: [...issue.labels] }];
    const custom = catalog.customField(field.fieldId);
    const raw = issue.customFields[field.fieldId];
    if (custom === undefined || raw === undefined) return [];
    if (custom.kind === 'select') {
      const option = custom.options?.find((candidate) => candidate.id === raw);
      return option === undefined ? [] : [{ fieldId: field.fieldId, label: field.name, value: { self: `${view.url}/rest/api/3/customFieldOption/${option.id}`, value: option.value, id: option.id } }];
    }
    if (RICH_KINDS.has(custom.kind)) return [{ fieldId: field.fieldId, label: field.name, value: richValueJson(view, custom, raw, 'jsm') }];
    return [{ fieldId: field.fieldId, label: field.name, value: raw }];
  });
}

function statusHistory(view: View, issue: Issue): Record<string, unknown>[] {
  const zone = zoneOf(view);
  const history: Record<string, unknown>[] = [];
  const first = issue.changelog.flatMap((entry) => entry.items.filter((item) => item.fieldId === 'status')).at(0);
  const initial = first?.from ?? issue.statusId;
  const status = statusOf(initial);
  history.push({ status: status.name, statusCategory: jsmCategory(status), statusDate: jsmDate(issue.created, zone) });
  for (const entry of issue.changelog) {
    for (const item of entry.items) {
      if (item.fieldId !== 'status' || item.to === null) continue;
      const to = statusOf(item.to);
      history.push({ status: to.name, statusCategory: jsmCategory(to), statusDate: jsmDate(entry.created, zone) });
    }
  }
  return history.reverse();
}

function commentDto(view: View, issue: Issue, comment: Issue['comments'][number], expand: ReadonlySet<string>): Record<string, unknown> {
  const text = comment.source ?? adfToText(comment.body);
  return {
    id: String(comment.id),
    body: text,
    ...(expand.has('renderedBody') ? { renderedBody: { html: textToHtml(text) } } : {}),
    public: comment.jsdPublic,
    author: jsmUser(view, view.state.users.get(comment.authorId)),
    created: jsmDate(comment.created, zoneOf(view)),
    _links: { self: `${view.url}/rest/servicedeskapi/request/${issue.id}/comment/${comment.id}` },
  };
}

function expandList(request: SimRequest): Set<string> {
  return new Set(request.query.getAll('expand').flatMap((value) => value.split(',')).map((value) => value.trim()));
}

/** A request as JSM's `CustomerRequestDTO`. */
export function requestJson(view: View, issue: Issue, expand: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const project = store.projectOf(view.state, issue);
  const desk = store.serviceDeskOf(view.state, project);
  const type = issue.requestTypeId === null ? undefined : catalog.requestType(issue.requestTypeId);
  const status = statusOf(issue.statusId);
  const zone = zoneOf(view);
  const json: Record<string, unknown> = {
    _expands: ['participant', 'status', 'sla', 'requestType', 'serviceDesk', 'attachment', 'action', 'comment'],
    issueId: String(issue.id),
    issueKey: issue.key,
    summary: issue.summary,
    requestTypeId: issue.requestTypeId ?? '',
    serviceDeskId: desk?.id ?? '',
    createdDate: jsmDate(issue.created, zone),
    ...(issue.reporterId === null ? {} : { reporter: jsmUser(view, view.state.users.get(issue.reporterId)) }),
    requestFieldValues: fieldValues(view, issue),
    currentStatus: { status: status.name, statusCategory: jsmCategory(status), statusDate: jsmDate(issue.statusCategoryChanged, zone) },
    _links: {
      jiraRest: `${view.url}/rest/api/2/issue/${issue.id}`,
      web: portalLink(view, issue),
      agent: `${view.url}/browse/${issue.key}`,
      self: `${view.url}/rest/servicedeskapi/request/${issue.id}`,
    },
  };
  const path = `/request/${issue.id}`;
  if (expand.has('serviceDesk') && desk !== undefined) json.serviceDesk = deskJson(view, desk);
  if (expand.has('requestType') && type !== undefined && desk !== undefined) json.requestType = requestTypeJson(view, type, desk.id, desk.portalId);
  if (expand.has('status')) json.status = jsmPage(view, `${path}/status`, statusHistory(view, issue), 0, 50);
  if (expand.has('participant')) json.participants = jsmPage(view, `${path}/participant`, participantsOf(view, issue), 0, 50);
  if (expand.has('sla')) json.sla = jsmPage(view, `${path}/sla`, slaInformation(view, issue), 0, 50);
  if (expand.has('action')) {
    json.actions = { addAttachment: { allowed: true }, addComment: { allowed: true }, addParticipant: { allowed: true }, removeParticipant: { allowed: true } };
  }
  if (expand.has('comment')) {
    const comments = issue.comments.filter((comment) => comment.visibility === undefined && (comment.jsdPublic || isAgent(project, view.viewer)));
    json.comments = jsmPage(view, `${path}/comment`, comments.map((comment) => commentDto(view, issue, comment, expand)), 0, 50);
  }
  if (expand.has('attachment')) {
    const attachments = issue.attachmentIds.map((id) => view.state.attachments.get(id)).filter((attachment) => attachment !== undefined);
    json.attachments = jsmPage(
      view,
      `${path}/attachment`,
      attachments.map((attachment) => ({
        filename: attachment.filename,
        author: jsmUser(view, view.state.users.get(attachment.authorId)),
        created: jsmDate(attachment.created, zone),
        size: attachment.content.byteLength,
        mimeType: attachment.mimeType,
        _links: { jiraRest: `${view.url}/rest/api/2/attachment/${attachment.id}`, content: `${view.url}/rest/servicedeskapi/request/${issue.id}/attachment/${attachment.id}`, self: `${view.url}/rest/servicedeskapi/request/${issue.id}/attachment/${attachment.id}` },
      })),
      0,
      50,
    );
  }
  return json;
}

/** What a request's `requestFieldValues` set. */
interface RequestFields {
  summary: string;
  description: AdfDocument | null;
  priorityId: string | undefined;
  labels: string[];
  customFields: Record<string, string>;
}

/**
 * Reads `requestFieldValues` against the request type's form, in the platform's field input
 * formats (an option also by its id or value as text); throws JSM's 400 listing the problems.
 */
function readRequestFields(state: JiraState, type: RequestTypeDef, values: Record<string, unknown>, adf: boolean): RequestFields {
  const problems: string[] = [];
  const allowed = new Map(type.fields.map((field) => [field.fieldId, field]));
  for (const fieldId of Object.keys(values)) {
    if (!allowed.has(fieldId)) problems.push(`The field '${fieldId}' is not on the request type '${type.name}'.`);
  }
  for (const field of type.fields) {
    const value = values[field.fieldId];
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
    if (field.required && empty) problems.push(`${field.name}: This field is required.`);
  }
  let summary = '';
  let description: AdfDocument | null = null;
  let priorityId: string | undefined;
  let labels: string[] = [];
  const customFields: Record<string, string> = {};
  for (const [fieldId, value] of Object.entries(values)) {
    if (value === undefined || value === null || !allowed.has(fieldId)) continue;
    if (fieldId === 'summary') {
      if (typeof value !== 'string') problems.push('summary: The value must be a string.');
      else if (/[\r\n]/.test(value)) problems.push("summary: The summary can't contain newlines.");
      else if (value.length > 255) problems.push('summary: Summary must be less than 255 characters.');
      else summary = value;
    } else if (fieldId === 'priority') {
      const wanted = isJsonObject(value) ? (typeof value.id === 'string' ? value.id : typeof value.name === 'string' ? value.name : undefined) : undefined;
      const priority = PRIORITIES.find((candidate) => candidate.id === wanted || candidate.name === wanted);
      if (priority === undefined) problems.push(`priority: Specify a valid value for ${allowed.get(fieldId)?.name ?? 'Priority'}.`);
      else priorityId = priority.id;
    } else if (fieldId === 'labels') {
      if (!Array.isArray(value) || value.some((label) => typeof label !== 'string' || label === '' || /\s/.test(label) || label.length > 255)) {
        problems.push('labels: The label must be a list of words without spaces.');
      } else labels = [...new Set(value as string[])];
    } else if (fieldId === 'attachment') {
      problems.push('attachment: The temporary attachment ids are not valid. Attach files with attachTemporaryFile first.');
    } else if (fieldId === 'description') {
      if (adf && isJsonObject(value)) {
        if (adfProblem(value) !== undefined) problems.push('description: The value is not a valid Atlassian Document.');
        else description = value as unknown as AdfDocument;
      } else if (typeof value !== 'string') problems.push('description: The value must be a string (set isAdfRequest to send a document).');
      else description = value === '' ? null : textToAdf(value);
    } else {
      const custom = catalog.customField(fieldId);
      if (custom !== undefined && RICH_KINDS.has(custom.kind)) {
        const read = readRichValue(state, custom, value, 'text');
        if ('problem' in read) problems.push(`${fieldId}: ${read.problem}`);
        else customFields[fieldId] = read.value;
      } else if (custom?.kind === 'text') {
        if (typeof value !== 'string') problems.push(`${fieldId}: The value must be a string.`);
        else if (value.length > 255) problems.push(`${fieldId}: The entered text is too long. It exceeds the allowed limit of 255 characters.`);
        else customFields[fieldId] = value;
      } else if (custom?.kind === 'select') {
        const wanted = isJsonObject(value) ? (typeof value.id === 'string' ? value.id : typeof value.value === 'string' ? value.value : undefined) : typeof value === 'string' ? value : undefined;
        const option = custom.options?.find((candidate) => candidate.id === wanted || candidate.value === wanted);
        if (option === undefined) problems.push(`${fieldId}: Specify a valid option.`);
        else customFields[fieldId] = option.id;
      }
    }
  }
  if (problems.length > 0) {
    failJsm(400, `Your request could not be created. Please check the fields have been correctly filled in. ${problems.join(' ')}`, 'sd.validation.request.creation.failure.required.field', problems);
  }
  return { summary, description, priorityId, labels, customFields };
}

function customerAccountId(email: string): string {
  const hex = createHash('sha256').update(email.toLowerCase()).digest('hex');
  return `qm:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}:${hex.slice(32, 55)}`;
}

/** The `requestParticipants` of a new request: account ids of existing, active users (agents only may add them). */
function readParticipants(view: View, value: unknown, agent: boolean): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
    return failJsm(400, 'requestParticipants must be a list of account ids.', 'sd.request.participants.invalid');
  }
  if (value.length > 0 && !agent) failJsm(403, 'You do not have permission to add request participants.', 'sd.request.participants.no.permission');
  const unknown = (value as string[]).filter((id) => view.state.users.get(id)?.active !== true);
  if (unknown.length > 0) failJsm(400, `The following accounts do not exist: ${unknown.join(', ')}`, 'sd.request.participants.error.accounts.not.found', unknown);
  return [...new Set(value as string[])];
}

/** JSM's `SoftwareInfoDTO` of the simulated site. */
export const JSM_VERSION = { version: '10.6.0', buildChangeSet: '8a7b8bd3b6cba65aeb4a8f1dfd4bf8ba21b2d3c7', buildDate: Date.UTC(2025, 11, 10) } as const;

/** Adds the Service Management routes. */
export function serviceDeskRoutes(router: JiraRouter): void {
  const base = '/rest/servicedeskapi';
  router
    .get(`${base}/info`, (_request, context) => {
      const view: View = { state: context.state, url: context.url, viewer: undefined };
      return {
        status: 200,
        body: {
          version: JSM_VERSION.version,
          platformVersion: SERVER_VERSION.version,
          buildDate: jsmDate(JSM_VERSION.buildDate, zoneOf(view)),
          buildChangeSet: JSM_VERSION.buildChangeSet,
          isLicensedForUse: true,
          _links: { self: `${context.url}/rest/servicedeskapi/info` },
        },
      };
    })
    .get(`${base}/servicedesk`, (request, context) => {
      const { view } = authenticated(request, context);
      const { start, limit } = paging(request);
      const desks = [...context.state.serviceDesks.values()].filter((desk) => {
        const project = context.state.projects.get(desk.projectId);
        return project !== undefined && canUseDesk(view, desk, project);
      });
      return { status: 200, body: jsmPage(view, '/servicedesk', desks.map((desk) => deskJson(view, desk)), start, limit) };
    })
    .get(`${base}/servicedesk/:serviceDeskId`, (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: deskJson(view, findDesk(view, context.params.serviceDeskId).desk) };
    })
    .get(`${base}/servicedesk/:serviceDeskId/requesttype`, (request, context) => {
      const { view } = authenticated(request, context);
      const { desk } = findDesk(view, context.params.serviceDeskId);
      const { start, limit } = paging(request);
      const search = request.query.get('searchQuery')?.toLowerCase();
      const groupId = request.query.get('groupId');
      const types = REQUEST_TYPES.filter(
        (type) =>
          (search === undefined || type.name.toLowerCase().includes(search) || type.description.toLowerCase().includes(search)) &&
          (groupId === null || type.groupIds.includes(groupId)) &&
          (search === undefined || type.groupIds.length > 0 || booleanParam(request, 'includeHiddenRequestTypesInSearch', false)),
      );
      const extra: Record<string, string> = {};
      if (search !== undefined) extra.searchQuery = search;
      return { status: 200, body: jsmPage(view, `/servicedesk/${desk.id}/requesttype`, types.map((type) => requestTypeJson(view, type, desk.id, desk.portalId)), start, limit, extra) };
    })
    .get(`${base}/servicedesk/:serviceDeskId/requesttypegroup`, (request, context) => {
      const { view } = authenticated(request, context);
      const { desk } = findDesk(view, context.params.serviceDeskId);
      const { start, limit } = paging(request);
      return { status: 200, body: jsmPage(view, `/servicedesk/${desk.id}/requesttypegroup`, REQUEST_TYPE_GROUPS.map((group) => ({ id: group.id, name: group.name })), start, limit) };
    })
    .get(`${base}/servicedesk/:serviceDeskId/requesttype/:requestTypeId`, (request, context) => {
      const { view } = authenticated(request, context);
      const { desk } = findDesk(view, context.params.serviceDeskId);
      return { status: 200, body: requestTypeJson(view, findRequestType(context.params.requestTypeId), desk.id, desk.portalId) };
    })
    .get(`${base}/servicedesk/:serviceDeskId/requesttype/:requestTypeId/field`, (request, context) => {
      const { view } = authenticated(request, context);
      const { project } = findDesk(view, context.params.serviceDeskId);
      const type = findRequestType(context.params.requestTypeId);
      const agent = isAgent(project, view.viewer);
      return { status: 200, body: { requestTypeFields: type.fields.map(fieldJson), canRaiseOnBehalfOf: agent, canAddRequestParticipants: true } };
    })
    .get(`${base}/requesttype`, (request, context) => {
      const { view } = authenticated(request, context);
      requireExperimental(request);
      const { start, limit } = paging(request);
      const desks = [...context.state.serviceDesks.values()].filter((desk) => {
        const project = context.state.projects.get(desk.projectId);
        return project !== undefined && canUseDesk(view, desk, project);
      });
      const types = desks.flatMap((desk) => REQUEST_TYPES.map((type) => requestTypeJson(view, type, desk.id, desk.portalId)));
      return { status: 200, body: jsmPage(view, '/requesttype', types, start, limit) };
    })
    .post(`${base}/request`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const body = jsmReader.jsonObject(request);
      const deskId = typeof body.serviceDeskId === 'string' || typeof body.serviceDeskId === 'number' ? String(body.serviceDeskId) : '';
      const typeId = typeof body.requestTypeId === 'string' || typeof body.requestTypeId === 'number' ? String(body.requestTypeId) : '';
      const { desk, project } = findDesk(view, deskId);
      const type = findRequestType(typeId);
      const agent = isAgent(project, user) || user.admin;
      let reporter = user;
      if (body.raiseOnBehalfOf !== undefined && body.raiseOnBehalfOf !== null) {
        if (!agent) failJsm(403, 'You do not have permission to raise requests on behalf of other customers.', 'sd.request.create.error.raise.on.behalf.no.permission');
        const ref = String(body.raiseOnBehalfOf);
        const found = context.state.users.get(ref) ?? (ref.includes('@') ? store.userByEmail(context.state, ref) : undefined);
        if (found === undefined) failJsm(400, `The user '${ref}' does not exist.`, 'sd.request.create.error.user.not.found', [ref]);
        if (!isDeskCustomer(view, desk, found.accountId) && !isAgent(project, found)) {
          failJsm(400, `The user '${ref}' is not a customer of this service desk.`, 'sd.request.create.error.reporter.not.customer', [ref]);
        }
        reporter = found;
      } else if (!agent && !isDeskCustomer(view, desk, user.accountId)) {
        failJsm(403, 'You do not have permission to create requests in this service desk.', 'sd.request.create.error.no.permission');
      }
      if (!isJsonObject(body.requestFieldValues)) {
        failJsm(400, 'Your request could not be created. Please check the fields have been correctly filled in. requestFieldValues is required.', 'sd.validation.request.creation.failure.required.field', ['requestFieldValues']);
      }
      const fields = readRequestFields(context.state, type, body.requestFieldValues, body.isAdfRequest === true);
      const participants = readParticipants(view, body.requestParticipants, agent);
      const issue = openIssue(context.state, project, user, Date.now(), {
        issueTypeId: type.issueTypeId,
        summary: fields.summary,
        description: fields.description,
        priorityId: fields.priorityId ?? '3',
        reporterId: reporter.accountId,
        assigneeId: null,
        labels: fields.labels,
        dueDate: null,
        requestTypeId: type.id,
        customFields: fields.customFields,
        parentId: null,
        participants,
      });
      return { status: 201, body: requestJson(view, issue) };
    })
    .get(`${base}/request`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const { start, limit } = paging(request);
      const statusFilter = request.query.get('requestStatus') ?? 'ALL_REQUESTS';
      const deskId = request.query.get('serviceDeskId');
      const typeId = request.query.get('requestTypeId');
      const term = request.query.get('searchTerm')?.toLowerCase();
      const mine = [...context.state.issues.values()]
        .filter((issue) => issue.requestTypeId !== null && (issue.reporterId === user.accountId || issue.participants.includes(user.accountId)))
        .filter((issue) => {
          const done = statusOf(issue.statusId).category === 'done';
          if (statusFilter === 'OPEN_REQUESTS' && done) return false;
          if (statusFilter === 'CLOSED_REQUESTS' && !done) return false;
          const project = store.projectOf(context.state, issue);
          if (deskId !== null && project.serviceDeskId !== deskId) return false;
          if (typeId !== null && issue.requestTypeId !== typeId) return false;
          return term === undefined || issue.summary.toLowerCase().includes(term);
        })
        .sort((a, b) => b.updated - a.updated);
      return { status: 200, body: jsmPage(view, '/request', mine.map((issue) => requestJson(view, issue)), start, limit) };
    })
    .get(`${base}/request/:issueIdOrKey`, (request, context) => {
      const { view } = authenticated(request, context);
      return { status: 200, body: requestJson(view, findRequest(view, context.params.issueIdOrKey), expandList(request)) };
    })
    .get(`${base}/request/:issueIdOrKey/status`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = findRequest(view, context.params.issueIdOrKey);
      const { start, limit } = paging(request);
      return { status: 200, body: jsmPage(view, `/request/${issue.id}/status`, statusHistory(view, issue), start, limit) };
    })
    .get(`${base}/request/:issueIdOrKey/comment`, (request, context) => {
      const { view } = authenticated(request, context);
      const { start, limit } = paging(request);
      const issue = findRequest(view, context.params.issueIdOrKey);
      const path = `/request/${issue.id}/comment`;
      const agent = isAgent(store.projectOf(context.state, issue), view.viewer);
      const wantPublic = booleanParam(request, 'public', true);
      const wantInternal = booleanParam(request, 'internal', true) && agent;
      const expand = expandList(request);
      const comments = issue.comments.filter((comment) => comment.visibility === undefined && (comment.jsdPublic ? wantPublic : wantInternal));
      return { status: 200, body: jsmPage(view, path, comments.map((comment) => commentDto(view, issue, comment, expand)), start, limit) };
    })
    .post(`${base}/request/:issueIdOrKey/comment`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = findRequest(view, context.params.issueIdOrKey);
      const body = jsmReader.jsonObject(request);
      if (typeof body.body !== 'string' || body.body.trim() === '') {
        failJsm(400, 'The comment body must be a non-empty string.', 'sd.comment.body.required');
      }
      const isPublic = readFlag(body.public, true, 'public');
      const agent = isAgent(store.projectOf(context.state, issue), user);
      if (!isPublic && !agent) failJsm(400, 'Customers can only add public comments.', 'sd.comment.error.customer.internal');
      const comment = addComment(view, issue, user, { body: textToAdf(body.body), internal: !isPublic, properties: [], source: body.body });
      return { status: 201, body: commentDto(view, issue, comment, expandList(request)) };
    })
    .get(`${base}/request/:issueIdOrKey/comment/:commentId`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = findRequest(view, context.params.issueIdOrKey);
      const agent = isAgent(store.projectOf(context.state, issue), view.viewer);
      const comment = issue.comments.find((candidate) => String(candidate.id) === context.params.commentId && candidate.visibility === undefined && (candidate.jsdPublic || agent));
      if (comment === undefined) failJsm(404, 'The comment does not exist.', 'sd.comment.error.not.found', [context.params.commentId]);
      return { status: 200, body: commentDto(view, issue, comment, expandList(request)) };
    })
    .get(`${base}/request/:issueIdOrKey/transition`, (request, context) => {
      const { view } = authenticated(request, context);
      const issue = findRequest(view, context.params.issueIdOrKey);
      const { start, limit } = paging(request);
      const transitions = customerTransitions(view, issue).map((transition) => ({ id: transition.id, name: transition.name }));
      return { status: 200, body: jsmPage(view, `/request/${issue.id}/transition`, transitions, start, limit) };
    })
    .post(`${base}/request/:issueIdOrKey/transition`, (request, context) => {
      const { user, view } = authenticated(request, context);
      const issue = findRequest(view, context.params.issueIdOrKey);
      const body = jsmReader.jsonObject(request);
      const id = typeof body.id === 'string' || typeof body.id === 'number' ? String(body.id) : '';
      const transition = customerTransitions(view, issue).find((candidate) => candidate.id === id);
      if (transition === undefined) failJsm(400, `The transition with id '${id}' is not valid for this request.`, 'sd.customer.transition.error.invalid', [id]);
      const now = Date.now();
      const done = statusOf(transition.to).category === 'done';
      performTransition(context.state, issue, transition, user, now, done && transition.setsResolution === undefined ? '10000' : undefined);
      const comment = isJsonObject(body.additionalComment) ? body.additionalComment.body : undefined;
      if (typeof comment === 'string' && comment.trim() !== '') addComment(view, issue, user, { body: textToAdf(comment), internal: false, properties: [], source: comment });
      return { status: 204 };
    })
    .get(`${base}/servicedesk/:serviceDeskId/customer`, (request, context) => {
      const { view } = authenticated(request, context);
      requireExperimental(request);
      const { desk, project } = findDesk(view, context.params.serviceDeskId);
      if (!isAgent(project, view.viewer) && view.viewer?.admin !== true) {
        failJsm(403, "You don't have permission to view the customers of this service desk.", 'sd.customers.error.no.permission');
      }
      const { start, limit } = paging(request);
      const query = request.query.get('query');
      const customers = [...desk.customers]
        .map((id) => context.state.users.get(id))
        .filter((user): user is JiraUser => user !== undefined)
        .filter((user) => query === null || query === '' || matchesUserQuery(view, user, query));
      const extra: Record<string, string> = query === null ? {} : { query };
      return { status: 200, body: jsmPage(view, `/servicedesk/${desk.id}/customer`, customers.map((user) => jsmUser(view, user)), start, limit, extra) };
    })
    .post(`${base}/servicedesk/:serviceDeskId/customer`, (request, context) => {
      const { view } = authenticated(request, context);
      const { desk, project } = findDesk(view, context.params.serviceDeskId);
      if (!canManageCustomers(view, project)) failJsm(403, 'You do not have permission to add customers to this service desk.', 'sd.customers.error.no.permission');
      const ids = readAccountIds(jsmReader.jsonObject(request));
      const unknown = ids.filter((id) => !context.state.users.has(id));
      if (unknown.length > 0) failJsm(400, `The following accounts do not exist: ${unknown.join(', ')}`, 'sd.customers.error.accounts.not.found', unknown);
      for (const id of ids) {
        desk.customers.add(id);
        project.roles.get('Service Desk Customers')?.add(id);
      }
      return { status: 204 };
    })
    .delete(`${base}/servicedesk/:serviceDeskId/customer`, (request, context) => {
      const { view } = authenticated(request, context);
      requireExperimental(request);
      const { desk, project } = findDesk(view, context.params.serviceDeskId);
      if (!canManageCustomers(view, project)) failJsm(403, 'You do not have permission to remove customers from this service desk.', 'sd.customers.error.no.permission');
      for (const id of readAccountIds(jsmReader.jsonObject(request))) {
        desk.customers.delete(id);
        project.roles.get('Service Desk Customers')?.delete(id);
      }
      return { status: 204 };
    })
    .post(`${base}/customer`, (request, context) => {
      const { view } = authenticated(request, context);
      const allowed = view.viewer?.admin === true || [...context.state.projects.values()].some((project) => project.typeKey === 'service_desk' && canManageCustomers(view, project));
      if (!allowed) failJsm(403, 'You do not have permission to create customers.', 'sd.customers.error.no.permission');
      const body = jsmReader.jsonObject(request);
      const email = typeof body.email === 'string' ? body.email.trim() : '';
      const displayName = typeof body.displayName === 'string' ? body.displayName : typeof body.fullName === 'string' ? body.fullName : '';
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/u.test(email)) failJsm(400, 'Enter a valid email address.', 'sd.customer.email.invalid', [email]);
      if (displayName.trim() === '') failJsm(400, 'Enter a display name.', 'sd.customer.displayname.required');
      if (store.userByEmail(context.state, email) !== undefined) {
        const strict = booleanParam(request, 'strictConflictStatusCode', false);
        failJsm(strict ? 409 : 400, 'An account already exists for this email.', 'sd.customer.email.exists', [email]);
      }
      const user: JiraUser = {
        accountId: customerAccountId(email),
        accountType: 'customer',
        displayName,
        email,
        emailVisible: true,
        active: true,
        timeZone: 'UTC',
        locale: 'en_US',
        groups: [],
        kind: 'customer',
        admin: false,
      };
      context.state.users.set(user.accountId, user);
      return { status: 201, body: jsmUser(view, user) };
    });
}

/**
 * A boolean of a JSM body as Jira's JSON reader takes it: `true`/`false`, or those words as strings;
 * absent or `null` is the default; anything else is a 400.
 */
function readFlag(value: unknown, fallback: boolean, name: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return failJsm(400, `Cannot deserialize value of type \`boolean\` from ${JSON.stringify(value)} for '${name}': only "true" or "false" are recognized.`, 'sd.request.body.invalid', [name]);
}

/** The customer transitions available on a request now. */
function customerTransitions(view: View, issue: Issue) {
  const project = store.projectOf(view.state, issue);
  const workflow = project.workflowId === SERVICE_DESK_WORKFLOW.id ? SERVICE_DESK_WORKFLOW : workflowOf(project.workflowId);
  return availableTransitions(workflow, issue.statusId).filter((transition) => transition.customer);
}
