/**
 * {@link createJiraConnector}: Jira Cloud and Jira Service Management behind the shared
 * `ItsmConnector` interface.
 *
 * @module
 */
import {
  CommentInputSchema,
  CreateTicketInputSchema,
  FileInputSchema,
  Paginator,
  PersonInputSchema,
  RecordIdSchema,
  StatusInputSchema,
  TransitionOptionsSchema,
  UpdateTicketInputSchema,
  checkFormAnswers,
  createChangeFeed,
  unsupported,
  type AccessReport,
  type CatalogForm,
  type CatalogItem,
  type FormChoice,
  type Comment,
  type CommentVisibility,
  type ConnectorCapabilities,
  type ConnectorLimits,
  type ItsmConnector,
  type Ticket,
  type User,
} from '@itsm/core';
import {
  afterCreate,
  checkByteSize,
  checkLength,
  checkProviderFields,
  choiceField,
  createFormCache,
  idempotencyKeyOf,
  idempotentWrite,
  parseChoicesQuery,
  parseSubmitOptions,
  searchChoices,
  type IdempotencyKey,
} from '@itsm/core/provider';
import * as z from 'zod/mini';
import { textToAdf } from '../adf/index.js';
import { jqlLowerBound } from '../jql/date.js';
import type { JiraCloudClient } from '../client.js';
import { JIRA_ATTACHMENT_MAX_BYTES, JIRA_SUMMARY_MAX_LENGTH, JIRA_TEXT_MAX_LENGTH } from '../limits.js';
import { checkSummary } from '../new-issue.js';
import { JIRA_CLOUD, kit } from '../provider.js';
import { jiraAttachmentToAttachment } from './attachments.js';
import { catalogItems } from './catalog.js';
import { cascadeChildren, CHILD_SUFFIX, requestTypeToForm } from './catalog-form.js';
import { encodeRequestAnswers } from './catalog-submit.js';
import { jiraCommentToComment } from './comments.js';
import { ConnectorContext } from './context.js';
import { platformIssueType, requestTypeFor } from './create-target.js';
import { candidatesJql, findCommentWithKey, findIssueWithKey, idempotencyProperty, IDEMPOTENCY_PROPERTY, lookupSince } from './idempotency.js';
import { changeFeedScope } from './feed-scope.js';
import { resolveConnectorOptions, type JiraConnectorOptions } from './options.js';
import { DEFAULT_JIRA_PRIORITY_NAMES } from './priority-map.js';
import { planTicketSearch } from './query.js';
import { searchIssues, ticketSearch, toTicket } from './search.js';
import { TICKET_FIELDS } from './ticket.js';
import { planTransition } from './transition.js';
import { accountByEmail, accountIdOf, checkEmail, jiraUserToUser } from './users.js';

/**
 * The Jira connector: an `ItsmConnector` with the native client and the project at hand.
 *
 * @category Connector
 */
export interface JiraConnector extends ItsmConnector {
  /** Always `jira-cloud`. */
  readonly provider: typeof JIRA_CLOUD;
  /** The native client, for everything the shared model does not cover. */
  readonly client: JiraCloudClient;
  /** The project the connector works in. */
  readonly projectKey: string;
  /**
   * What it can do: the `catalog` only with a `serviceDeskId` (it is the desk's request types);
   * attachments, internal comments (in service projects) and user search always. Idempotency keys
   * are kept in the `itsm.idempotency` property: set by the create of a platform issue (`atomic`),
   * right after the create of a Jira Service Management request (`after-write`: requests cannot
   * carry properties), and by the create of a comment (`atomic`). `catalog.submit()` raises a
   * request, so its keys are kept `after-write`.
   */
  readonly capabilities: ConnectorCapabilities;
  /** Jira's sizes: summaries 255 characters, descriptions and comments 32,767, files 2 GiB. */
  readonly limits: ConnectorLimits;
  /**
   * Checks the service-account setup of the access requirements (credentials, UTC-like profile time
   * zone, project, service desk, Jira Service Management access, customers, the Resolve / In
   * Progress / Reopen transitions and the Assignee field on the resolve screen), each with a fix.
   * Never throws for a failing check.
   */
  verifyAccess(): Promise<AccessReport>;
}

/** Comments asked for per page. */
const COMMENT_PAGE_SIZE = 100;
const CatalogOptionsSchema = z.strictObject({ forUser: z.optional(PersonInputSchema) });
const SearchTextSchema = z.string({ error: 'must be a string to search for' }).check(
  z.trim(),
  z.minLength(1, 'must be a non-empty string to search for'),
  z.maxLength(255, 'must be at most 255 characters'),
  z.refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'must not contain control characters'),
);

/** Jira's sizes, as the connector declares and checks them. */
const JIRA_LIMITS: ConnectorLimits = Object.freeze({
  subject: JIRA_SUMMARY_MAX_LENGTH,
  description: JIRA_TEXT_MAX_LENGTH,
  comment: JIRA_TEXT_MAX_LENGTH,
  attachmentBytes: JIRA_ATTACHMENT_MAX_BYTES,
});

/** An id or key argument, checked. */
function idOf(value: unknown, field: string): string {
  return kit.parse(RecordIdSchema, value, field);
}

/** Checks a text against one of Jira's limits. */
function checkText(value: string | null | undefined, field: string, max: number, what: string): void {
  checkLength(JIRA_CLOUD, field, value, max, `Jira's limit for ${what}`);
}

/**
 * Creates the Jira connector.
 *
 * - **Tickets** are the project's issues. With `serviceDeskId` and `requestTypeId`, `create()`
 *   raises a Jira Service Management request on behalf of the requester (so it has a request type
 *   and shows on the customer portal); otherwise it creates a platform issue with the requester as
 *   reporter. `input.status` creates, then transitions. Priority and assignee of a request are set
 *   by an edit right after, since request type forms rarely carry them. A create is never retried;
 *   when a step after it fails, the error is thrown and the ticket exists.
 * - **Statuses** map through Jira's status category with name overrides ("Waiting for customer" is
 *   `waiting_for_user`, "Closed" is `closed`, ...) and your `statusMap`; `transition()` picks the
 *   workflow transition by its target's category and fills its screen (resolution, the bot as
 *   assignee). See {@link planTransition}.
 * - **Comments** are platform comments; internal ones carry the `sd.public.comment` property
 *   (service projects only). **Attachments**, **users** (platform users and the desk's customers)
 *   and the **catalog** (the desk's request types, with portal links) are supported.
 * - **`changes()`** polls `updated >= <since, in the account's time zone> ORDER BY updated ASC`
 *   through the core change feed; **`verifyAccess()`** checks the service-account setup.
 *
 * @param options - The client's options (or a `client`), the project key and the mappings.
 * @throws `InputError` naming the first bad option, before any request.
 * @example
 * ```ts
 * import { createJiraConnector } from '@itsm/jira-cloud';
 *
 * const jira = createJiraConnector({
 *   baseUrl: 'https://acme.atlassian.net',
 *   email: 'helpdesk-bot@acme.com',
 *   apiToken: process.env.JIRA_API_TOKEN!,
 *   projectKey: 'HELP',
 *   serviceDeskId: '1',
 *   requestTypeId: '1',
 * });
 * const ticket = await jira.tickets.create({ subject: 'VPN drops every hour', requester: 'ann@acme.com' });
 * await jira.comments.add(ticket.id, { body: 'Looking into it.', visibility: 'internal' });
 * await jira.tickets.transition(ticket.id, 'resolved', { comment: 'Fixed the idle timeout.' });
 * ```
 *
 * @category Connector
 */
export function createJiraConnector(options: JiraConnectorOptions): JiraConnector {
  const context = new ConnectorContext(resolveConnectorOptions(options));
  const { client } = context;
  const settings = context.options;
  const provider = JIRA_CLOUD;
  const jsm = settings.serviceDeskId !== undefined && settings.requestTypeId !== undefined;

  const feed = createChangeFeed<Ticket>(
    {
      ascending: true,
      async *fetchUpdatedSince(since, { signal }) {
        const q = await client.jqlTag();
        const query = q`project = ${settings.projectKey} AND updated >= ${jqlLowerBound(since, q.timeZone)} ORDER BY updated ASC, key ASC`;
        for await (const page of searchIssues(context, query).pages({ signal })) {
          for (const issue of page.items) yield await toTicket(context, issue);
        }
      },
    },
    {
      provider,
      scope: ({ signal }) => changeFeedScope(client, settings.projectKey, signal),
      ...(settings.overlapMs === undefined ? {} : { overlapMs: settings.overlapMs }),
    },
  );

  async function get(idOrKey: string): Promise<Ticket> {
    const id = idOf(idOrKey, 'idOrKey');
    return toTicket(context, await client.issues.get(id, { fields: [...TICKET_FIELDS] }));
  }

  /** The issue of an id or key, with its id and key (through Jira, which also checks it exists; an id alone needs no request). */
  async function issueRef(id: string): Promise<{ id: string; key: string }> {
    if (/^\d+$/.test(id)) return { id, key: id };
    const issue = await client.issues.get(id, { fields: ['status'] });
    return { id: issue.id, key: issue.key };
  }

  /** Refuses an internal comment outside a service project. */
  async function checkVisibility(visibility: CommentVisibility): Promise<void> {
    if (visibility !== 'internal') return;
    const project = await context.projectInfo();
    if (project.projectTypeKey !== 'service_desk') {
      throw unsupported(provider, 'internalComments', `project ${settings.projectKey} is not a Jira Service Management project, and Jira has internal comments only there`);
    }
  }

  /** The service desk of the catalog, or the `UnsupportedError` of a connector without one. */
  function catalogDesk(): string {
    const deskId = settings.serviceDeskId;
    if (deskId === undefined) throw unsupported(provider, 'catalog', 'set the serviceDeskId option: the catalog is the request types of a Jira Service Management desk');
    return deskId;
  }

  /** Request type forms, read once and kept a few minutes. */
  const forms = createFormCache(async (itemId): Promise<CatalogForm> => {
    const deskId = catalogDesk();
    const [types, meta] = await Promise.all([context.requestTypes(), client.serviceDesk.requestTypeFields(deskId, itemId)]);
    const type = types.find((candidate) => candidate.id === itemId);
    if (type === undefined) throw context.notFound(`service desk ${deskId} has no request type ${itemId}`, `${client.baseUrl}/rest/servicedeskapi/servicedesk/${deskId}/requesttype/${itemId}`);
    return requestTypeToForm(type, meta);
  });

  /** The Jira field behind a form field (a cascading select's, for its second level). */
  function jiraFieldOf(form: CatalogForm, fieldId: string) {
    const base = fieldId.endsWith(CHILD_SUFFIX) ? fieldId.slice(0, -CHILD_SUFFIX.length) : fieldId;
    const field = form.fields.find((candidate) => candidate.id === base);
    return field?.raw as Parameters<typeof cascadeChildren>[0] | undefined;
  }

  /** Adds a comment carrying an idempotency key; see `idempotentWrite`. */
  async function addComment(id: string, body: string, visibility: CommentVisibility, key: IdempotencyKey): Promise<Comment> {
    await checkVisibility(visibility);
    const issue = await issueRef(id);
    const startedAt = new Date();
    const { record } = await idempotentWrite({
      provider,
      operation: 'comments.add',
      support: 'atomic',
      key,
      write: () => client.issues.comments.add(issue.id, { body, internal: visibility === 'internal', properties: [idempotencyProperty(key.key)] }),
      find: (phase) => findCommentWithKey(context, issue.id, key.key, lookupSince(phase, startedAt)),
      howToFind: `look among the comments of ${issue.key} added at or after ${new Date(startedAt.getTime() - 60_000).toISOString()}`,
      lookupDelaysMs: settings.lookupDelaysMs,
    });
    return jiraCommentToComment(record, issue.id);
  }

  const connector: JiraConnector = {
    provider,
    client,
    projectKey: settings.projectKey,
    capabilities: {
      catalog: settings.serviceDeskId !== undefined,
      attachments: true,
      internalComments: true,
      userSearch: true,
      createIdempotency: jsm ? 'after-write' : 'atomic',
      commentIdempotency: 'atomic',
      submitIdempotency: 'after-write',
    },
    limits: JIRA_LIMITS,
    tickets: {
      get,
      async create(rawInput, rawOptions) {
        const input = kit.parse(CreateTicketInputSchema, rawInput, 'input');
        checkSummary(input.subject, 'input.subject');
        checkText(input.description, 'input.description', JIRA_LIMITS.description, 'descriptions');
        const key = idempotencyKeyOf(provider, rawOptions, 'tickets.create');
        checkProviderFields(provider, input.providerFields, {
          project: 'the projectKey option',
          issuetype: 'input.type',
          summary: 'input.subject',
          ...(input.description === undefined ? {} : { description: 'input.description' }),
          ...(input.requester === undefined ? {} : { reporter: 'input.requester' }),
          ...(input.assignee === undefined ? {} : { assignee: 'input.assignee' }),
          ...(input.priority === undefined ? {} : { priority: 'input.priority' }),
        }, 'input');
        if (input.team !== undefined) {
          throw unsupported(provider, 'team', 'Jira has no team field; set the field your site uses (e.g. a customfield) through providerFields');
        }
        const requester = input.requester === undefined ? undefined : ((await accountIdOf(context, input.requester, 'input.requester')) as string);
        const assignee = input.assignee === undefined ? undefined : ((await accountIdOf(context, input.assignee, 'input.assignee')) as string);
        const priority = input.priority === undefined ? undefined : DEFAULT_JIRA_PRIORITY_NAMES[input.priority];
        // Jira makes the caller the reporter when no requester is given: look for the key among the issues they reported.
        const reporter = requester ?? (await context.myself()).accountId;
        const startedAt = new Date();
        let created: { id: string; key: string } = { id: '', key: '' };
        /** A step after the create: if it fails, the error says the ticket exists, so nobody creates it again. */
        const then = <T>(step: string, run: () => Promise<T>): Promise<T> => afterCreate(provider, created, step, run);
        const write = async (): Promise<{ id: string; key: string }> => {
          if (jsm) {
            const requestTypeId = await requestTypeFor(context, input.type);
            const values: Record<string, unknown> = { ...input.providerFields, summary: input.subject };
            const adf = input.description !== undefined && input.description.trim() !== '';
            if (adf) values.description = textToAdf(input.description ?? '');
            const request = await client.serviceDesk.requests.create({
              serviceDeskId: settings.serviceDeskId as string,
              requestTypeId,
              requestFieldValues: values,
              ...(requester === undefined ? {} : { raiseOnBehalfOf: requester }),
              ...(adf ? { isAdfRequest: true } : {}),
            });
            created = { id: request.issueId, key: request.issueKey };
            // Requests cannot carry properties: the key is stored right after, and a failure says the ticket exists.
            await then(`recording its idempotency key (issue property ${IDEMPOTENCY_PROPERTY})`, () =>
              client.issues.properties.set(created.id, IDEMPOTENCY_PROPERTY, idempotencyProperty(key.key).value));
            return created;
          }
          const issueType = await platformIssueType(context, input.type);
          const issue = await client.issues.create({
            project: settings.projectKey,
            issueType: issueType.id,
            summary: input.subject,
            ...(input.description === undefined || input.description.trim() === '' ? {} : { description: input.description }),
            ...(requester === undefined ? {} : { reporter: requester }),
            ...(assignee === undefined ? {} : { assignee }),
            ...(priority === undefined ? {} : { priority }),
            ...(input.providerFields === undefined ? {} : { customFields: input.providerFields }),
            properties: [idempotencyProperty(key.key)],
          });
          return { id: issue.id, key: issue.key };
        };
        const where = (phase: 'before' | 'recover') => ({ reporter, since: lookupSince(phase, startedAt) });
        const { record, how } = await idempotentWrite({
          provider,
          operation: 'tickets.create',
          support: jsm ? 'after-write' : 'atomic',
          key,
          write,
          find: async (phase) => {
            const issue = await findIssueWithKey(context, key.key, where(phase));
            return issue === undefined ? undefined : { id: issue.id, key: issue.key };
          },
          howToFind: `look for an issue in ${settings.projectKey} with the summary "${input.subject}" among those found by the JQL ${await candidatesJql(context, where('recover'))}`,
          lookupDelaysMs: settings.lookupDelaysMs,
        });
        created = record;
        if (how === 'existing') return get(created.id);
        if (jsm) {
          const fields: Record<string, unknown> = {};
          if (priority !== undefined) fields.priority = { name: priority };
          if (assignee !== undefined) fields.assignee = { accountId: assignee };
          if (Object.keys(fields).length > 0) {
            await then('setting its priority and assignee', () => client.issues.edit(created.id, { fields }));
          }
        }
        const status = input.status;
        if (status !== undefined) return then(`moving it to ${status}`, () => connector.tickets.transition(created.id, status));
        return then('reading it back', () => get(created.id));
      },
      async update(idOrKey, rawPatch) {
        const id = idOf(idOrKey, 'idOrKey');
        const patch = kit.parse(UpdateTicketInputSchema, rawPatch, 'patch');
        if (patch.subject !== undefined) checkSummary(patch.subject, 'patch.subject');
        checkText(patch.description, 'patch.description', JIRA_LIMITS.description, 'descriptions');
        checkProviderFields(provider, patch.providerFields, {
          ...(patch.subject === undefined ? {} : { summary: 'patch.subject' }),
          ...(patch.description === undefined ? {} : { description: 'patch.description' }),
          ...(patch.assignee === undefined ? {} : { assignee: 'patch.assignee' }),
          ...(patch.priority === undefined ? {} : { priority: 'patch.priority' }),
        }, 'patch');
        if (patch.type !== undefined) {
          throw unsupported(provider, 'changeType', "Jira changes an issue's type only by moving the issue (Move in the web UI), which the REST edit cannot do");
        }
        if (patch.team !== undefined && patch.team !== null) {
          throw unsupported(provider, 'team', 'Jira has no team field; set the field your site uses through providerFields');
        }
        const fields: Record<string, unknown> = { ...patch.providerFields };
        if (patch.subject !== undefined) fields.summary = patch.subject;
        if (patch.description === null) fields.description = null;
        else if (patch.description !== undefined) fields.description = textToAdf(patch.description);
        if (patch.priority !== undefined) fields.priority = { name: DEFAULT_JIRA_PRIORITY_NAMES[patch.priority] };
        if (patch.assignee === null) fields.assignee = null;
        else if (patch.assignee !== undefined) fields.assignee = { accountId: await accountIdOf(context, patch.assignee, 'patch.assignee') };
        if (Object.keys(fields).length > 0) await client.issues.edit(id, { fields });
        return get(id);
      },
      list(query) {
        return ticketSearch(context, () => planTicketSearch(context, query));
      },
      async transition(idOrKey, to, rawOptions) {
        const id = idOf(idOrKey, 'idOrKey');
        const category = kit.parse(StatusInputSchema, to, 'to');
        const opts = kit.parse(TransitionOptionsSchema, rawOptions ?? {}, 'options');
        checkText(opts.comment, 'options.comment', JIRA_LIMITS.comment, 'comments');
        if (opts.comment !== undefined && opts.commentVisibility === 'internal' && (await context.projectInfo()).projectTypeKey !== 'service_desk') {
          throw unsupported(provider, 'internalComments', `project ${settings.projectKey} is not a Jira Service Management project, and Jira has internal comments only there`);
        }
        const issue = await client.issues.get(id, { fields: ['status', 'assignee'] });
        const current = issue.fields.status;
        if (current === undefined || context.statusCategory(current) !== category) {
          const [transitions, me] = await Promise.all([client.issues.transitions(issue.id, { expandFields: true }), context.myself()]);
          const plan = planTransition(transitions, category, {
            issueKey: issue.key,
            current: current ?? { name: 'unknown' },
            assigned: issue.fields.assignee !== null && issue.fields.assignee !== undefined,
            statusCategory: context.statusCategory,
            resolution: opts.resolution,
            defaultResolution: settings.resolution,
            assigneeAccountId: me.accountId,
          });
          await client.issues.transition(issue.id, {
            transitionId: plan.transition.id,
            ...(Object.keys(plan.fields).length > 0 ? { fields: plan.fields } : {}),
          });
        }
        if (opts.comment !== undefined) {
          await addComment(issue.id, opts.comment, opts.commentVisibility ?? 'public', idempotencyKeyOf(provider, undefined, 'comments.add'));
        }
        return get(issue.id);
      },
      changes: (changesOptions) => feed.changes(changesOptions),
      watch: (watchOptions) => feed.watch(watchOptions),
    },
    comments: {
      list(ticketIdOrKey) {
        let ticketId: string;
        try {
          ticketId = idOf(ticketIdOrKey, 'ticketIdOrKey');
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.defer<Comment>(async () => {
          const { id } = await issueRef(ticketId);
          return client.issues.comments.list(id, { pageSize: COMMENT_PAGE_SIZE, orderBy: 'created' }).map((comment) => jiraCommentToComment(comment, id));
        });
      },
      async add(ticketIdOrKey, rawComment, rawOptions) {
        const id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const input = kit.parse(CommentInputSchema, rawComment, 'comment');
        checkText(input.body, 'comment.body', JIRA_LIMITS.comment, 'comments');
        const key = idempotencyKeyOf(provider, rawOptions, 'comments.add');
        return addComment(id, input.body, input.visibility, key);
      },
    },
    attachments: {
      list(ticketIdOrKey) {
        let id: string;
        try {
          id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        } catch (error) {
          return Paginator.failing(error);
        }
        return new Paginator(async () => {
          const issue = await client.issues.get(id, { fields: ['attachment'] });
          return { items: (issue.fields.attachment ?? []).map((attachment) => jiraAttachmentToAttachment(attachment, issue.id)) };
        });
      },
      async upload(ticketIdOrKey, rawFile) {
        const ticketId = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const file = kit.parse(FileInputSchema, rawFile, 'file');
        checkByteSize(provider, 'file.content', file.content, JIRA_LIMITS.attachmentBytes, 'the most one Jira upload carries');
        const { id } = await issueRef(ticketId);
        const [attachment] = await client.issues.attachments.add(id, {
          filename: file.filename,
          content: file.content,
          ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
        });
        if (attachment === undefined) throw context.notFound(`Jira attached nothing to ${ticketIdOrKey}`, `${client.baseUrl}/rest/api/3/issue/${id}/attachments`);
        return jiraAttachmentToAttachment(attachment, id);
      },
      async download(ticketIdOrKey, attachmentId) {
        const id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const wanted = idOf(attachmentId, 'attachmentId');
        const issue = await client.issues.get(id, { fields: ['attachment'] });
        if (!(issue.fields.attachment ?? []).some((attachment) => attachment.id === wanted)) {
          throw context.notFound(`${issue.key} has no attachment ${wanted}`, `${client.baseUrl}/rest/api/3/issue/${issue.id}?fields=attachment`);
        }
        return client.issues.attachments.download(wanted);
      },
    },
    users: {
      async get(id) {
        const accountId = idOf(id, 'id');
        return jiraUserToUser(await client.users.get(accountId));
      },
      async findByEmail(email) {
        const user = await accountByEmail(context, checkEmail(email, 'email'));
        return user === null ? null : jiraUserToUser(user);
      },
      search(text): Paginator<User> {
        const parsed = SearchTextSchema.safeParse(text);
        if (!parsed.success) return Paginator.failing(kit.inputError('text', parsed.error.issues[0]?.message ?? 'must be a non-empty string to search for'));
        return client.users.search(parsed.data).map(jiraUserToUser);
      },
    },
    catalog: {
      /**
       * The desk's request types that the portal shows (those in at least one request type group),
       * each with the portal page to raise it. `forUser` is checked (an email or an id) but does not
       * narrow the list: Jira tells which request types the calling account may raise, not which
       * another person may. Any other option is an `InputError`.
       */
      list(options): Paginator<CatalogItem> {
        try {
          kit.parse(CatalogOptionsSchema, options ?? {}, 'options');
        } catch (error) {
          return Paginator.failing(error);
        }
        const deskId = settings.serviceDeskId;
        if (deskId === undefined) {
          return Paginator.failing(unsupported(provider, 'catalog', 'set the serviceDeskId option: the catalog is the request types of a Jira Service Management desk'));
        }
        return catalogItems(context, deskId);
      },
      /**
       * The request type's form: its fields (`/servicedesk/{id}/requesttype/{id}/field`) as the
       * model's fields, a cascading select as two (`<id>` and `<id>:child`). Kept five minutes.
       */
      async form(rawItemId) {
        const itemId = idOf(rawItemId, 'itemId');
        catalogDesk();
        return structuredClone(await forms.get(itemId));
      },
      /**
       * The choices of a field: the form's `validValues`; a cascading select's second level under
       * the first's answer; people (user pickers) found by `search`, which they need.
       */
      choices(rawItemId, rawFieldId, rawQuery): Paginator<FormChoice> {
        let itemId: string;
        let fieldId: string;
        let query: ReturnType<typeof parseChoicesQuery>;
        try {
          itemId = idOf(rawItemId, 'itemId');
          fieldId = idOf(rawFieldId, 'fieldId');
          query = parseChoicesQuery(provider, rawQuery);
          catalogDesk();
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.defer(async () => {
          const form = await forms.get(itemId);
          const field = choiceField(provider, form, fieldId);
          if (field.kind === 'user') {
            if (query.search === undefined) throw kit.inputError('query.search', `"${field.label}" is a person: give search, a name or an email, to look people up`);
            return client.users.search(query.search).map((user): FormChoice => ({ id: user.accountId, label: user.emailAddress ? `${user.displayName ?? user.accountId} (${user.emailAddress})` : (user.displayName ?? user.accountId) }));
          }
          if (!field.id.endsWith(CHILD_SUFFIX)) return Paginator.of(searchChoices(field.choices ?? [], query.search));
          const parentId = field.id.slice(0, -CHILD_SUFFIX.length);
          const parent = query.answers[parentId];
          const jiraField = jiraFieldOf(form, fieldId);
          const children = jiraField === undefined ? [] : cascadeChildren(jiraField, typeof parent === 'string' ? parent : undefined);
          return Paginator.of(searchChoices(children, query.search));
        });
      },
      /**
       * Raises a request of the type on the employee's behalf (`POST /rest/servicedeskapi/request`
       * with `raiseOnBehalfOf`), with the answers checked against the form and sent in Jira's field
       * input formats; files answered are attached to the ticket right after. The idempotency key
       * is stored right after the create (`after-write`).
       */
      async submit(rawItemId, rawAnswers, rawOptions) {
        const itemId = idOf(rawItemId, 'itemId');
        const { forUser, key } = parseSubmitOptions(provider, rawOptions);
        const deskId = catalogDesk();
        const form = await forms.get(itemId);
        const answers = await checkFormAnswers(form, rawAnswers, {
          provider,
          choices: async (field, checked) => {
            const parent = checked.get(field.dependsOn?.[0] ?? '');
            const jiraField = jiraFieldOf(form, field.id);
            return jiraField === undefined ? [] : cascadeChildren(jiraField, parent?.kind === 'single_choice' ? parent.value.id : undefined);
          },
        });
        for (const answer of answers) {
          if (answer.kind !== 'attachment') continue;
          for (const file of answer.value) checkByteSize(provider, `answers.${answer.field.id}`, file.content, JIRA_LIMITS.attachmentBytes, 'the most one Jira upload carries');
        }
        const requester = (await accountIdOf(context, forUser, 'options.forUser')) as string;
        const { values, files } = await encodeRequestAnswers(answers, async (person, field) => (await accountIdOf(context, person, field)) as string);
        const startedAt = new Date();
        let created: { id: string; key: string } = { id: '', key: '' };
        const where = (phase: 'before' | 'recover') => ({ reporter: requester, since: lookupSince(phase, startedAt) });
        const { record, how } = await idempotentWrite({
          provider,
          operation: 'catalog.submit',
          support: 'after-write',
          key,
          write: async () => {
            const request = await client.serviceDesk.requests.create({ serviceDeskId: deskId, requestTypeId: itemId, requestFieldValues: values, raiseOnBehalfOf: requester });
            created = { id: request.issueId, key: request.issueKey };
            await afterCreate(provider, created, `recording its idempotency key (issue property ${IDEMPOTENCY_PROPERTY})`, () =>
              client.issues.properties.set(created.id, IDEMPOTENCY_PROPERTY, idempotencyProperty(key.key).value));
            return created;
          },
          find: async (phase) => {
            const issue = await findIssueWithKey(context, key.key, where(phase));
            return issue === undefined ? undefined : { id: issue.id, key: issue.key };
          },
          howToFind: `look for a "${form.name}" request in ${settings.projectKey} among the issues found by the JQL ${await candidatesJql(context, where('recover'))}`,
          lookupDelaysMs: settings.lookupDelaysMs,
        });
        created = record;
        if (how !== 'existing') {
          for (const { files: answered } of files) {
            for (const file of answered) {
              await afterCreate(provider, created, `attaching ${file.filename}`, () => connector.attachments.upload(created.id, file));
            }
          }
        }
        return afterCreate(provider, created, 'reading it back', () => get(created.id));
      },
    },
    // The checks are loaded when asked for: they are a setup step, and the largest part of the connector.
    verifyAccess: async () => (await import('./verify.js')).verifyJiraAccess(context),
  };
  return connector;
}
