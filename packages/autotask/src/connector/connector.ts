/**
 * {@link createAutotaskConnector}: Autotask PSA behind the shared `ItsmConnector` interface.
 *
 * @module
 */
import {
  CommentInputSchema,
  CreateTicketInputSchema,
  EmailSchema,
  FileInputSchema,
  Paginator,
  PersonInputSchema,
  RecordIdSchema,
  StatusInputSchema,
  TransitionOptionsSchema,
  UpdateTicketInputSchema,
  createChangeFeed,
  unsupported,
  type AccessReport,
  type Attachment,
  type CatalogItem,
  type Comment,
  type CommentVisibility,
  type ConnectorCapabilities,
  type ConnectorLimits,
  type ItsmConnector,
  type PriorityInput,
  type Ticket,
  type TicketType,
  type User,
} from '@itsm/core';
import {
  afterCreate,
  checkByteSize,
  checkLength,
  checkProviderFields,
  idempotencyKeyOf,
  idempotentWrite,
  normaliseName,
  parseChoicesQuery,
  parseSubmitOptions,
  type IdempotencyKey,
} from '@itsm/core/provider';
import * as z from 'zod/mini';
import type { AutotaskClient } from '../client.js';
import {
  AUTOTASK_DESCRIPTION_MAX_LENGTH,
  AUTOTASK_EXTERNAL_ID_MAX_LENGTH,
  AUTOTASK_NOTE_MAX_LENGTH,
  AUTOTASK_NOTE_TITLE_MAX_LENGTH,
  AUTOTASK_TITLE_MAX_LENGTH,
} from '../field-lengths.js';
import type { AutotaskLinks } from '../links.js';
import type { EntityPicklists, PicklistEntry } from '../picklists.js';
import { AUTOTASK, kit } from '../provider.js';
import { where } from '../query/filter.js';
import { concatenate } from '../query/pager.js';
import { MAX_ATTACHMENT_BYTES } from '../resources/ticket-attachments.js';
import type { AutotaskContact, AutotaskResource, AutotaskTicket } from '../schemas/entities.js';
import { autotaskAttachmentToAttachment } from './attachments.js';
import { autotaskNoteToComment, autotaskNoteVisibility } from './comments.js';
import { ConnectorContext } from './context.js';
import { externalIdOf, findTicketWithKey, IDEMPOTENCY_FIELD, lookupSince } from './idempotency.js';
import { resolveConnectorOptions, type AutotaskConnectorOptions } from './options.js';
import { assigneeResource, requesterContact, userByEmail, userById } from './people.js';
import { planTicketList } from './query.js';
import { PREFERRED_AUTOTASK_TICKET_TYPES } from './type-map.js';
import { autotaskContactToUser, autotaskResourceToUser, userRef } from './users.js';

/**
 * The Autotask connector: an `ItsmConnector` with the native client and its links.
 *
 * @category Connector
 */
export interface AutotaskConnector extends ItsmConnector {
  /** Always `autotask`. */
  readonly provider: typeof AUTOTASK;
  /** The native client, for everything the shared model does not cover. */
  readonly client: AutotaskClient;
  /**
   * Links: `ticket.url` opens a ticket in Autotask (for agents); `links.portalTicket(ticket.id)` and
   * `links.portalNewTicket()` open the client portal (for requesters, with the `portalUrl` option).
   */
  readonly links: AutotaskLinks;
  /**
   * Attachments, internal comments and user search; no catalog (Autotask PSA has none: its ticket
   * categories set field defaults, they are not request forms). A ticket's
   * idempotency key is kept in its `externalID` by the create itself (`createIdempotency: 'atomic'`);
   * ticket notes have no field for one (`commentIdempotency: 'none'`).
   */
  readonly capabilities: ConnectorCapabilities;
  /**
   * Autotask's sizes: ticket titles 255 characters, descriptions 8,000, notes (comments) 32,000,
   * attachments 6 MiB.
   */
  readonly limits: ConnectorLimits;
  /**
   * Checks the API user's setup of the access requirements (zone, credentials and tracking
   * identifier, thresholds, tickets and contacts readable, creates allowed, the connector's
   * configuration, statuses, unique contact emails, portal links), each with a fix. Never throws for
   * a failing check.
   */
  verifyAccess(): Promise<AccessReport>;
}

/** Autotask's sizes, as the connector declares and checks them. */
const AUTOTASK_LIMITS: ConnectorLimits = Object.freeze({
  subject: AUTOTASK_TITLE_MAX_LENGTH,
  description: AUTOTASK_DESCRIPTION_MAX_LENGTH,
  comment: AUTOTASK_NOTE_MAX_LENGTH,
  attachmentBytes: MAX_ATTACHMENT_BYTES,
});

const CatalogOptionsSchema = z.strictObject({ forUser: z.optional(PersonInputSchema) });
const SearchTextSchema = z.string({ error: 'must be a string to search for' }).check(
  z.trim(),
  z.minLength(1, 'must be a non-empty string to search for'),
  z.maxLength(255, 'must be at most 255 characters'),
  z.refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'must not contain control characters'),
);

/** An id or key argument, checked: a string, one line, at most 255 characters. */
function idOf(value: unknown, field: string): string {
  return kit.parse(RecordIdSchema, value, field);
}

/** Checks a text against one of Autotask's field lengths. */
function checkText(value: string | null | undefined, field: string, max: number, what: string): void {
  checkLength(AUTOTASK, field, value, max, `Autotask's limit for ${what}`);
}

/** The first line of a note's body, as its title. */
function noteTitle(body: string): string {
  const line = body.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
  return line.length > AUTOTASK_NOTE_TITLE_MAX_LENGTH ? `${line.slice(0, AUTOTASK_NOTE_TITLE_MAX_LENGTH - 1)}…` : line;
}

/** The `UnsupportedError` of every catalog call: Autotask PSA has no service catalog. */
function noCatalog(): Error {
  return unsupported(
    AUTOTASK,
    'catalog',
    'Autotask PSA has no service catalog of request forms (its ticket categories set field defaults, they ask no questions): requesters raise tickets in the client portal (connector.links.portalNewTicket())',
  );
}

/**
 * Creates the Autotask connector.
 *
 * - **Tickets** are Autotask tickets: `id` is the numeric id, `key` the ticket number, `url` the
 *   ticket's page in Autotask. `create()` sets the requester's contact and company, the queue
 *   (`team`, else `queueId`), priority, type and, with `input.status`, the status at once.
 * - **Statuses** map through the tenant's status picklist by name (see `DEFAULT_AUTOTASK_STATUS_NAMES`)
 *   with your `statusMap`; `transition()` sets the status chosen for the category.
 * - **Comments** are ticket notes, public or internal by their `publish` value; **attachments** are
 *   ticket attachments (Base64, size-checked); **users** are contacts (`contact:<id>`, requesters)
 *   and resources (`resource:<id>`, agents).
 * - **`list({ requester, updatedSince })`** finds the contact by email (which must be unique) and
 *   queries their tickets: two requests for up to 500 tickets. Autotask cannot order a query, so a
 *   list reads every match, then orders them by last update.
 * - **`changes()`** queries `lastActivityDate` through the core change feed; **`verifyAccess()`**
 *   checks the API user's setup. There is no catalog.
 * - **Idempotency keys**: `tickets.create(input, { idempotencyKey })` writes the key into the
 *   ticket's `externalID` (hashed when longer than its 50 characters), returns the ticket that
 *   already has it instead of making a second one, and finds the ticket again when the create's
 *   answer is lost. Notes cannot carry a key: `comments.add()` refuses one, and a note whose answer
 *   was lost is an `OutcomeUnknownError` that says where to look. `providerFields.externalID` is
 *   therefore refused on create.
 * - **Limits**: titles over 255 characters, descriptions over 8,000, comments over 32,000 and files
 *   over 6 MiB are `InputError`s, before any request (see `limits`).
 *
 * @param options - The client's options (or a `client`), the queue, defaults and mappings.
 * @throws `InputError` naming the first bad option, before any request.
 * @example
 * ```ts
 * import { createAutotaskConnector } from '@itsm/autotask';
 *
 * const autotask = createAutotaskConnector({
 *   username: process.env.AUTOTASK_USERNAME!,
 *   secret: process.env.AUTOTASK_SECRET!,
 *   trackingId: process.env.AUTOTASK_TRACKING_ID!,
 *   portalUrl: 'https://acme.itclientportal.com',
 *   queueId: 29682833,
 * });
 * const since = new Date(Date.now() - 90 * 86_400_000);
 * for await (const ticket of autotask.tickets.list({ requester: 'ann.lee@acme.example', updatedSince: since })) {
 *   console.log(ticket.key, ticket.subject, ticket.status.category, autotask.links.portalTicket(ticket.id));
 * }
 * ```
 *
 * @category Connector
 */
export function createAutotaskConnector(options: AutotaskConnectorOptions): AutotaskConnector {
  const context = new ConnectorContext(resolveConnectorOptions(options));
  const { client } = context;
  const settings = context.options;
  const provider = AUTOTASK;

  const feed = createChangeFeed<Ticket>(
    {
      async *fetchUpdatedSince(since, { signal }) {
        const changed = client.tickets.query({ filter: where.gte('lastActivityDate', since), ...(signal === undefined ? {} : { signal }) });
        for await (const page of changed.pages(signal === undefined ? {} : { signal })) {
          for (const ticket of page.items) yield await context.toTicket(ticket);
        }
      },
    },
    {
      provider,
      scope: `${AUTOTASK}:${client.username.toLowerCase()}`,
      ...(settings.overlapMs === undefined ? {} : { overlapMs: settings.overlapMs }),
    },
  );

  async function get(idOrKey: string): Promise<Ticket> {
    return context.toTicket(await context.readTicket(idOf(idOrKey, 'idOrKey'), 'idOrKey'));
  }

  /** The ticket id of a checked id or number: an id as it is, a number through Autotask (which also checks it exists). */
  async function ticketId(value: string, field: string): Promise<number> {
    if (/^\d{1,15}$/.test(value)) return Number(value);
    return (await context.readTicket(value, field)).id;
  }

  /** The active value of a picklist whose label maps to a category, preferring a label. */
  function valueFor<C extends string>(entries: PicklistEntry[], mapped: (entry: PicklistEntry) => C, wanted: C, preferred: string | undefined): PicklistEntry | undefined {
    const candidates = entries.filter((entry) => entry.isActive && mapped(entry) === wanted);
    return candidates.find((entry) => preferred !== undefined && normaliseName(entry.label) === normaliseName(preferred)) ?? candidates[0];
  }

  function priorityValue(picklists: EntityPicklists, level: PriorityInput, field: string): number {
    const priorities = picklists.require('priority');
    const level_ = (entry: PicklistEntry) => context.priorityLevel({ id: entry.value, name: entry.label });
    const found = valueFor(priorities.active(), level_, level, undefined);
    if (found === undefined) {
      const known = priorities.active().map((entry) => `${entry.label} (${level_(entry)})`).join(', ');
      return kit.fail(field, `${level}: no active priority of this tenant maps to ${level} (${known}); map one with the priorityMap option`);
    }
    return Number(found.value);
  }

  function typeValue(picklists: EntityPicklists, type: TicketType, field: string): number {
    const types = picklists.require('ticketType');
    const type_ = (entry: PicklistEntry) => context.ticketType({ id: entry.value, name: entry.label });
    const found = valueFor(types.active(), type_, type, PREFERRED_AUTOTASK_TICKET_TYPES[type]);
    if (found === undefined) {
      const known = types.active().map((entry) => `${entry.label} (${type_(entry)})`).join(', ');
      return kit.fail(field, `${type}: no active ticket type of this tenant maps to ${type} (${known}); map one with the typeMap option`);
    }
    return Number(found.value);
  }

  function roleOf(resource: AutotaskResource, field: string): number {
    const role = resource.defaultServiceDeskRoleID;
    if (role === null || role === undefined) {
      return kit.fail(field, `resource:${resource.id} has no default service desk role, and Autotask assigns tickets to a resource with a role: give the resource a default role in Autotask, or set assignedResourceID and assignedResourceRoleID through providerFields`);
    }
    return role;
  }

  /**
   * Adds a note. Notes cannot carry an idempotency key (`commentIdempotency: 'none'`): a note whose
   * answer was lost is an `OutcomeUnknownError` saying where to look for it.
   */
  async function addNote(ticket: AutotaskTicket, body: string, visibility: CommentVisibility, key: IdempotencyKey): Promise<Comment> {
    const [noteType, publish] = await Promise.all([context.noteType(), context.publishValue(visibility, 'TicketNotes')]);
    const title = noteTitle(body);
    const startedAt = new Date();
    const { record: itemId } = await idempotentWrite({
      provider,
      operation: 'comments.add',
      support: 'none',
      key,
      write: async () => (await client.ticketNotes.create(ticket.id, { title, description: body, noteType, publish })).itemId,
      find: async () => undefined,
      howToFind:
        `look among the notes of ticket ${ticket.ticketNumber ?? ticket.id} (id ${ticket.id}) created at or after ` +
        `${lookupSince('recover', startedAt).toISOString()} for one titled "${title}"`,
      lookupDelaysMs: settings.lookupDelaysMs,
    });
    const note = await client.tickets.notes(ticket.id).get(itemId);
    return autotaskNoteToComment(note, visibility);
  }

  async function commentOf(note: Parameters<typeof autotaskNoteToComment>[0]): Promise<Comment> {
    const publish = (await client.picklists('TicketNotes')).get('publish');
    const internal = settings.publish.internal === undefined ? undefined : publish?.entry(settings.publish.internal)?.value;
    return autotaskNoteToComment(note, autotaskNoteVisibility(note.publish, publish, internal));
  }

  const connector: AutotaskConnector = {
    provider,
    client,
    links: client.links,
    capabilities: {
      catalog: false,
      attachments: true,
      internalComments: true,
      userSearch: true,
      createIdempotency: 'atomic',
      commentIdempotency: 'none',
      submitIdempotency: 'none',
    },
    limits: AUTOTASK_LIMITS,
    tickets: {
      get,
      async create(rawInput, rawOptions) {
        const input = kit.parse(CreateTicketInputSchema, rawInput, 'input');
        checkText(input.subject, 'input.subject', AUTOTASK_LIMITS.subject, 'ticket titles');
        checkText(input.description, 'input.description', AUTOTASK_LIMITS.description, 'ticket descriptions');
        const key = idempotencyKeyOf(provider, rawOptions, 'tickets.create');
        if (input.providerFields !== undefined && Object.hasOwn(input.providerFields, 'id')) kit.fail('input.providerFields.id', 'is given by Autotask to a new ticket');
        checkProviderFields(provider, input.providerFields, {
          title: 'input.subject',
          [IDEMPOTENCY_FIELD]: `options.idempotencyKey (a key of at most ${AUTOTASK_EXTERNAL_ID_MAX_LENGTH} characters is stored as it is)`,
          ...(input.description === undefined ? {} : { description: 'input.description' }),
          ...(input.requester === undefined ? {} : { contactID: 'input.requester', companyID: 'input.requester' }),
          ...(input.assignee === undefined ? {} : { assignedResourceID: 'input.assignee', assignedResourceRoleID: 'input.assignee' }),
          ...(input.priority === undefined ? {} : { priority: 'input.priority' }),
          ...(input.team === undefined ? {} : { queueID: 'input.team' }),
          ...(input.status === undefined ? {} : { status: 'input.status' }),
          ...(input.type === undefined ? {} : { ticketType: 'input.type' }),
        }, 'input');
        const picklists = await context.ticketPicklists();
        const contact: AutotaskContact | null = input.requester === undefined ? null : await requesterContact(context, input.requester, 'input.requester');
        const assignee = input.assignee === undefined ? null : await assigneeResource(context, input.assignee, 'input.assignee');
        const { defaults } = settings;
        const queues = picklists.require('queueID');
        const fields: Record<string, unknown> = {
          companyID: defaults.companyId ?? 0,
          ...(settings.queueId !== undefined ? { queueID: settings.queueId } : queues.defaultEntry ? { queueID: queues.defaultEntry.value } : {}),
        };
        for (const field of ['priority', 'ticketType', 'source', 'issueType', 'subIssueType'] as const) {
          const value = defaults[field];
          if (value !== undefined) fields[field] = picklists.require(field).require(value, `defaults.${field}`).value;
        }
        if (fields.priority === undefined && picklists.require('priority').defaultEntry) fields.priority = picklists.require('priority').defaultEntry?.value;
        Object.assign(fields, input.providerFields);
        fields.title = input.subject;
        if (input.description !== undefined && input.description.trim() !== '') fields.description = input.description;
        if (contact !== null) {
          fields.contactID = contact.id;
          fields.companyID = contact.companyID ?? fields.companyID;
        }
        if (assignee !== null) {
          fields.assignedResourceID = assignee.id;
          fields.assignedResourceRoleID = roleOf(assignee, 'input.assignee');
        }
        if (input.priority !== undefined) fields.priority = priorityValue(picklists, input.priority, 'input.priority');
        if (input.type !== undefined) fields.ticketType = typeValue(picklists, input.type, 'input.type');
        if (input.team !== undefined) fields.queueID = queues.require(input.team, 'input.team').value;
        if (input.status !== undefined) fields.status = (await context.statusFor(input.status)).value;
        else if (fields.status === undefined) fields.status = (picklists.require('status').defaultEntry ?? (await context.statusFor('open'))).value;
        if (fields.queueID === undefined && fields.assignedResourceID === undefined) {
          kit.fail('input.team', 'is needed: Autotask routes every ticket to a queue (or an assignee), and this tenant has no default queue; give input.team or the queueId option');
        }
        const externalId = await externalIdOf(key.key);
        fields[IDEMPOTENCY_FIELD] = externalId;
        const startedAt = new Date();
        const { record, how } = await idempotentWrite<{ id: number; ticket?: AutotaskTicket }>({
          provider,
          operation: 'tickets.create',
          support: 'atomic',
          key,
          write: async () => ({ id: (await client.tickets.create(fields)).itemId }),
          find: async (phase) => {
            const ticket = await findTicketWithKey(context, externalId, lookupSince(phase, startedAt));
            return ticket === undefined ? undefined : { id: ticket.id, ticket };
          },
          howToFind:
            `look for a ticket titled "${input.subject}" created at or after ${lookupSince('recover', startedAt).toISOString()} ` +
            `(its ${IDEMPOTENCY_FIELD} is ${externalId})`,
          lookupDelaysMs: settings.lookupDelaysMs,
        });
        if (how === 'existing' && record.ticket !== undefined) return context.toTicket(record.ticket);
        const requester = contact === null ? undefined : userRef(autotaskContactToUser(contact));
        const created = { id: String(record.id), key: record.ticket?.ticketNumber ?? String(record.id) };
        return afterCreate(provider, created, 'reading it back', async () => context.toTicket(record.ticket ?? (await client.tickets.get(record.id)), requester));
      },
      async update(idOrKey, rawPatch) {
        const value = idOf(idOrKey, 'idOrKey');
        const patch = kit.parse(UpdateTicketInputSchema, rawPatch, 'patch');
        checkText(patch.subject, 'patch.subject', AUTOTASK_LIMITS.subject, 'ticket titles');
        checkText(patch.description, 'patch.description', AUTOTASK_LIMITS.description, 'ticket descriptions');
        if (patch.providerFields !== undefined && Object.hasOwn(patch.providerFields, 'id')) kit.fail('patch.providerFields.id', 'cannot be changed');
        checkProviderFields(provider, patch.providerFields, {
          ...(patch.subject === undefined ? {} : { title: 'patch.subject' }),
          ...(patch.description === undefined ? {} : { description: 'patch.description' }),
          ...(patch.assignee === undefined ? {} : { assignedResourceID: 'patch.assignee', assignedResourceRoleID: 'patch.assignee' }),
          ...(patch.priority === undefined ? {} : { priority: 'patch.priority' }),
          ...(patch.team === undefined ? {} : { queueID: 'patch.team' }),
          ...(patch.type === undefined ? {} : { ticketType: 'patch.type' }),
        }, 'patch');
        const id = await ticketId(value, 'idOrKey');
        const picklists = await context.ticketPicklists();
        const fields: Record<string, unknown> = { ...patch.providerFields };
        if (patch.subject !== undefined) fields.title = patch.subject;
        if (patch.description !== undefined) fields.description = patch.description;
        if (patch.priority !== undefined) fields.priority = priorityValue(picklists, patch.priority, 'patch.priority');
        if (patch.type !== undefined) fields.ticketType = typeValue(picklists, patch.type, 'patch.type');
        if (patch.team === null) fields.queueID = null;
        else if (patch.team !== undefined) fields.queueID = picklists.require('queueID').require(patch.team, 'patch.team').value;
        if (patch.assignee === null) Object.assign(fields, { assignedResourceID: null, assignedResourceRoleID: null });
        else if (patch.assignee !== undefined) {
          const resource = await assigneeResource(context, patch.assignee, 'patch.assignee');
          Object.assign(fields, { assignedResourceID: resource?.id, assignedResourceRoleID: roleOf(resource as AutotaskResource, 'patch.assignee') });
        }
        await client.tickets.update(id, fields);
        return get(String(id));
      },
      list(query) {
        return Paginator.defer<Ticket>(async () => {
          const plan = await planTicketList(context, query);
          if (plan === null) return Paginator.of<Ticket>([]);
          const found = await client.tickets.query({ filter: plan.filter, ...(plan.pageSize === undefined ? {} : { maxRecords: plan.pageSize }) }).toArray({ limit: Infinity });
          const tickets = await Promise.all(found.map((ticket) => context.toTicket(ticket, plan.requester)));
          const direction = plan.order === 'updated_asc' ? 1 : -1;
          tickets.sort((a, b) => direction * (Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || Number(a.id) - Number(b.id)));
          return Paginator.of(tickets, { pageSize: plan.pageSize ?? Math.max(tickets.length, 1) });
        });
      },
      async transition(idOrKey, rawTo, rawOptions) {
        const value = idOf(idOrKey, 'idOrKey');
        const to = kit.parse(StatusInputSchema, rawTo, 'to');
        const opts = kit.parse(TransitionOptionsSchema, rawOptions ?? {}, 'options');
        checkText(opts.comment, 'options.comment', AUTOTASK_LIMITS.comment, 'notes');
        const ticket = await context.readTicket(value, 'idOrKey');
        const current = (await context.toTicket(ticket)).status.category;
        const fields: Record<string, unknown> = {};
        if (current !== to) fields.status = (await context.statusFor(to, current)).value;
        if (opts.resolution !== undefined && (to === 'resolved' || to === 'closed')) fields.resolution = opts.resolution;
        if (Object.keys(fields).length > 0) await client.tickets.update(ticket.id, fields);
        if (opts.comment !== undefined) {
          await addNote(ticket, opts.comment, opts.commentVisibility ?? 'public', idempotencyKeyOf(provider, undefined, 'comments.add'));
        }
        return get(String(ticket.id));
      },
      changes: (changesOptions) => feed.changes(changesOptions),
      watch: (watchOptions) => feed.watch(watchOptions),
    },
    comments: {
      list(ticketIdOrKey) {
        let value: string;
        try {
          value = idOf(ticketIdOrKey, 'ticketIdOrKey');
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.defer<Comment>(async () => {
          const id = await ticketId(value, 'ticketIdOrKey');
          return client.ticketNotes.query({ filter: where.eq('ticketID', id) }).map(commentOf);
        });
      },
      async add(ticketIdOrKey, rawComment, rawOptions) {
        const value = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const input = kit.parse(CommentInputSchema, rawComment, 'comment');
        checkText(input.body, 'comment.body', AUTOTASK_LIMITS.comment, 'notes');
        const key = idempotencyKeyOf(provider, rawOptions, 'comments.add');
        if (key.given) {
          throw unsupported(provider, 'idempotencyKey', 'Autotask ticket notes have no field to keep an idempotency key in; leave idempotencyKey out of comments.add()');
        }
        const ticket = await context.readTicket(value, 'ticketIdOrKey');
        return addNote(ticket, input.body, input.visibility, key);
      },
    },
    attachments: {
      list(ticketIdOrKey) {
        let value: string;
        try {
          value = idOf(ticketIdOrKey, 'ticketIdOrKey');
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.defer<Attachment>(async () => {
          const id = await ticketId(value, 'ticketIdOrKey');
          return client.ticketAttachments.list(id).map((attachment) => autotaskAttachmentToAttachment(attachment, id));
        });
      },
      async upload(ticketIdOrKey, rawFile) {
        const value = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const file = kit.parse(FileInputSchema, rawFile, 'file');
        checkByteSize(provider, 'file.content', file.content, AUTOTASK_LIMITS.attachmentBytes, "Autotask's limit for attachments sent through the API");
        const ticket = await context.readTicket(value, 'ticketIdOrKey');
        const publish = await context.publishValue('public', 'TicketAttachments');
        const { itemId } = await client.ticketAttachments.upload(ticket.id, {
          filename: file.filename,
          content: file.content,
          publish,
          ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
        });
        const [stored] = await client.ticketAttachments.query({ filter: [where.eq('ticketID', ticket.id), where.eq('id', itemId)] }).toArray({ limit: 1 });
        return autotaskAttachmentToAttachment(stored ?? { id: itemId, ticketID: ticket.id, fullPath: file.filename, fileSize: null, data: null }, ticket.id);
      },
      async download(ticketIdOrKey, attachmentId) {
        const value = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const attachment = kit.parse(z.pipe(RecordIdSchema, z.string().check(z.regex(/^\d{1,15}$/, 'must be a numeric attachment id'))), attachmentId, 'attachmentId');
        const id = await ticketId(value, 'ticketIdOrKey');
        return client.ticketAttachments.download(id, Number(attachment));
      },
    },
    users: {
      async get(id) {
        return userById(context, idOf(id, 'id'), 'id');
      },
      async findByEmail(email) {
        return userByEmail(context, kit.parse(EmailSchema, email, 'email'));
      },
      search(text): Paginator<User> {
        const parsed = SearchTextSchema.safeParse(text);
        if (!parsed.success) return Paginator.failing(kit.inputError('text', parsed.error.issues[0]?.message ?? 'must be a non-empty string to search for'));
        const words = parsed.data;
        const contacts = client.contacts.queryFetcher({
          filter: [where.eq('isActive', 1), where.or(where.contains('firstName', words), where.contains('lastName', words), where.contains('emailAddress', words))],
        });
        const resources = client.resources.queryFetcher({
          filter: [where.eq('isActive', true), where.or(where.contains('firstName', words), where.contains('lastName', words), where.contains('email', words))],
        });
        return concatenate<User>([
          { fetch: contacts as never, map: (contact: AutotaskContact) => autotaskContactToUser(contact) },
          { fetch: resources as never, map: (resource: AutotaskResource) => autotaskResourceToUser(resource) },
        ]);
      },
    },
    catalog: {
      list(catalogOptions): Paginator<CatalogItem> {
        try {
          kit.parse(CatalogOptionsSchema, catalogOptions ?? {}, 'options');
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.failing(noCatalog());
      },
      async form(itemId) {
        idOf(itemId, 'itemId');
        throw noCatalog();
      },
      choices(itemId, fieldId, query) {
        try {
          idOf(itemId, 'itemId');
          idOf(fieldId, 'fieldId');
          parseChoicesQuery(provider, query);
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.failing(noCatalog());
      },
      async submit(itemId, _answers, options) {
        idOf(itemId, 'itemId');
        parseSubmitOptions(provider, options);
        throw noCatalog();
      },
    },
    // The checks are loaded when asked for: they are a setup step, and the largest part of the connector.
    verifyAccess: async () => (await import('./verify.js')).verifyAutotaskAccess(context),
  };
  return connector;
}
