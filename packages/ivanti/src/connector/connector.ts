/**
 * {@link createIvantiConnector}: Ivanti incidents and service requests behind the shared
 * `ItsmConnector` interface.
 *
 * @module
 */
import {
  CommentInputSchema,
  CreateTicketInputSchema,
  EmailSchema,
  FileInputSchema,
  InputError,
  OutcomeUnknownError,
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
  type CheckedAnswer,
  type FormChoice,
  type FormField,
  type Comment,
  type CommentVisibility,
  type ConnectorCapabilities,
  type ConnectorLimits,
  type ItsmConnector,
  type PersonInput,
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
  type IdempotentWriteResult,
} from '@itsm/core/provider';
import * as z from 'zod/mini';
import type { IvantiClient } from '../client.js';
import { ClosedRecordError, PromptRequiredError } from '../error-classes.js';
import { IVANTI_SUBJECT_MAX_LENGTH, IVANTI_TEXT_MAX_LENGTH } from '../limits.js';
import { odata } from '../odata/builder.js';
import type { ODataFilter } from '../odata/filter.js';
import { checkRecId, isRecId } from '../odata/names.js';
import { IVANTI, kit } from '../provider.js';
import { checkFieldValues, type FieldValues } from '../resources/fields.js';
import type { Incident, ServiceRequest } from '../schemas/tickets.js';
import { attachmentRecordToAttachment, journalNoteToComment } from './activity.js';
import { catalogItems } from './catalog.js';
import { offeringToForm } from './catalog-form.js';
import { constraintValue, offeringAnswers, submitCandidates, submitHowToFind, type SeenRows, type SubmitCall } from './catalog-submit.js';
import { readOfferingParameter, type OfferingParameter } from '../catalog/offering-form.js';
import type { ValidationOption } from '../catalog/offering-answers.js';
import type { OfferingParameterRecord } from '../schemas/catalog.js';
import { ConnectorContext, type FoundTicket } from './context.js';
import {
  CLOCK_SKEW_MS,
  checkStorableKey,
  findNoteWithKey,
  findTicketWithKey,
  noteCandidates,
  noteHowToFind,
  ticketCandidates,
  ticketHowToFind,
  ticketLabel,
  withCandidates,
  type TicketCall,
} from './idempotency.js';
import { isTicketKind, TICKET_KINDS, type TicketKind } from './kinds.js';
import { mergeSorted, type SortedSource } from './merge.js';
import { resolveConnectorOptions, type IvantiConnectorOptions } from './options.js';
import { DEFAULT_IVANTI_PRIORITY_FIELDS } from './priority-map.js';
import { planTicketSearch } from './query.js';
import { parseTicketRef, ticketKey } from './ticket-ref.js';
import { planTransition } from './transition.js';
import { employeeByEmail, employeeIdOf, employeeToUser } from './users.js';

/**
 * The Ivanti connector: an `ItsmConnector` with the native client at hand.
 *
 * @category Connector
 */
export interface IvantiConnector extends ItsmConnector {
  /** Always `ivanti`. */
  readonly provider: typeof IVANTI;
  /** The native client, for everything the shared model does not cover. */
  readonly client: IvantiClient;
  /**
   * The catalog (request offerings, their forms, and raising a request from one), attachments,
   * internal comments (unpublished journal notes) and user search are supported. Idempotency keys
   * are kept (`atomic`) only in the custom fields the `idempotencyField` (incidents and service
   * requests, so tickets and catalog submits) and `noteIdempotencyField` options name: a stock
   * tenant has no field for them, so without those options they are `none`.
   */
  readonly capabilities: ConnectorCapabilities;
  /**
   * Ivanti's sizes: subjects 255 characters (the stock `Subject` field), descriptions and notes
   * 1,000,000 (the stock fields are unlimited; the bound keeps requests small), files
   * `attachmentMaxBytes` (10 MiB by default: a tenant setting).
   */
  readonly limits: ConnectorLimits;
  /**
   * Checks the service-account setup of the access requirements (the key, the records the role
   * reads, the request offerings and their links; with `verifyWrites`, status changes, notes and
   * attachments), each with a fix. Never throws for a failing check.
   */
  verifyAccess(): Promise<AccessReport>;
}

const CatalogOptionsSchema = z.strictObject({ forUser: z.optional(PersonInputSchema) });
const SearchTextSchema = z.string({ error: 'must be a string to search for' }).check(
  z.trim(),
  z.minLength(1, 'must be a non-empty string to search for'),
  z.maxLength(255, 'must be at most 255 characters'),
  z.refine((text) => !/[\u0000-\u001f\u007f]/.test(text), 'must not contain control characters'),
);

/** Notes and attachments asked for per request. */
const PAGE = 100;

/** An id or key argument, checked (a string without control characters, at most 255 characters). */
function idOf(value: unknown, field: string): string {
  return kit.parse(RecordIdSchema, value, field);
}

/** Checks a text against one of Ivanti's sizes. */
function checkText(value: string | null | undefined, field: string, max: number, what: string): void {
  checkLength(IVANTI, field, value, max, `Ivanti's limit for ${what}`);
}

/** Compares tickets by last update, then id. */
function byUpdate(a: Ticket, b: Ticket): number {
  return Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Creates the Ivanti connector.
 *
 * - **Tickets** are incidents and service requests (`type` tells them apart): `id` is the RecId,
 *   `key` is `INC-<number>` or `SR-<number>` (the two kinds number themselves separately), `url`
 *   opens the record in Self Service. `create()` makes an incident unless the input (or the `type`
 *   option) says `service_request`; `input.status` creates, then transitions.
 * - **Statuses** map per kind, with your `statusMap` on top; `transition()` writes the target status
 *   with what Ivanti's rules want (Category and Owner for Active; Resolution and CauseCode to
 *   resolve or close an incident), from the options or your `default…` settings. A closed ticket is final:
 *   updates and transitions out of it are refused (`ClosedRecordError`).
 * - **Comments** are journal notes: `public` ones are published to the customer (`PublishToWeb`).
 *   **Attachments**, **users** (employees) and the **catalog** (request offerings, with direct
 *   links; `forUser` gives those available to that employee) are supported.
 * - **`changes()`** polls `LastModDateTime ge <since>` on both kinds through the core change feed,
 *   whose overlap covers Ivanti's late stamps; **`verifyAccess()`** checks the service account.
 *
 * @param options - The client's options (or a `client`) and the connector's settings.
 * @throws `InputError` naming the first bad option, before any request.
 * @example
 * ```ts
 * import { createIvantiConnector } from '@itsm/ivanti';
 *
 * const ivanti = createIvantiConnector({
 *   baseUrl: 'https://tenant.ivanticloud.com',
 *   apiKey: process.env.IVANTI_API_KEY!,
 *   serviceAccount: 'svc-helpdesk-bot',
 *   defaultCategory: 'General Support',
 *   defaultCauseCode: 'Other',
 * });
 * const ticket = await ivanti.tickets.create({ subject: 'VPN drops every hour', requester: 'ann@acme.com' });
 * await ivanti.comments.add(ticket.id, { body: 'Looking into it.', visibility: 'internal' });
 * await ivanti.tickets.transition(ticket.id, 'resolved', { comment: 'Fixed the idle timeout.' });
 * ```
 *
 * @category Connector
 */
export function createIvantiConnector(options: IvantiConnectorOptions): IvantiConnector {
  const context = new ConnectorContext(resolveConnectorOptions(options));
  const { client } = context;
  const settings = context.options;
  const provider = IVANTI;
  let ownerLogin: Promise<string | undefined> | undefined;

  const limits: ConnectorLimits = Object.freeze({
    subject: IVANTI_SUBJECT_MAX_LENGTH,
    description: IVANTI_TEXT_MAX_LENGTH,
    comment: IVANTI_TEXT_MAX_LENGTH,
    attachmentBytes: settings.attachmentMaxBytes,
  });

  /** Reads a ticket by id or key. */
  async function find(idOrKey: string, field: string): Promise<FoundTicket> {
    return context.find(parseTicketRef(idOf(idOrKey, field), field));
  }

  /** Refuses an idempotency key the caller gave where no field keeps it: before any request. */
  function refuseKey(key: IdempotencyKey, field: string | undefined, operation: string, option: string, objects: string): void {
    if (field === undefined && key.given) {
      throw unsupported(provider, 'idempotencyKey', `${operation} keeps an idempotency key only in a custom field of ${objects}, which a stock Ivanti tenant does not have: ask your administrator to add a text field of 255 characters and name it in the connector's ${option} option, or leave idempotencyKey out`);
    }
    if (field !== undefined && key.given) checkStorableKey(key.key);
  }

  /** The login the bot owns tickets as: `defaultOwner`, else the service account's login. */
  function owner(): Promise<string | undefined> {
    ownerLogin ??= (async () => {
      if (settings.defaultOwner !== undefined) return settings.defaultOwner;
      const account = settings.serviceAccount;
      if (account === undefined) return undefined;
      if (!EmailSchema.safeParse(account).success) return account;
      return (await employeeByEmail(client, account))?.LoginID ?? undefined;
    })().catch((error: unknown) => {
      ownerLogin = undefined;
      throw error;
    });
    return ownerLogin;
  }

  /** The login ID of the person a `PersonInput` names (`Owner` holds logins). */
  async function loginOf(person: PersonInput, field: string): Promise<string> {
    const recId = (await employeeIdOf(client, person, field)) as string;
    const employee = await client.employees.get(recId);
    if (!employee.LoginID) kit.fail(field, `names employee ${recId}, who has no LoginID and so cannot own tickets`);
    return employee.LoginID;
  }

  /** A sorted source of one kind's tickets for a filter. */
  function source(kind: TicketKind, filter: ODataFilter | undefined, direction: 'asc' | 'desc'): SortedSource<Ticket> {
    return async (start, size, signal) => {
      const records = await context
        .resource(kind)
        .list({ ...(filter === undefined ? {} : { filter }), orderBy: [`LastModDateTime ${direction}`, `RecId ${direction}`], pageSize: size, skip: start, signal })
        .toArray({ limit: size });
      return Promise.all(records.map((record) => context.toTicket(record, kind)));
    };
  }

  function ticketList(plan: () => Promise<Awaited<ReturnType<typeof planTicketSearch>>>): Paginator<Ticket> {
    return Paginator.defer(async () => {
      const search = await plan();
      if (search.kinds.length === 0) return Paginator.of<Ticket>([]);
      const compare = search.direction === 'asc' ? byUpdate : (a: Ticket, b: Ticket) => byUpdate(b, a);
      return mergeSorted(search.kinds.map(({ kind, filter }) => source(kind, filter, search.direction)), compare, search.pageSize);
    });
  }

  const feed = createChangeFeed<Ticket>(
    {
      ascending: true,
      fetchUpdatedSince(since, { signal }) {
        const filter = odata.ge('LastModDateTime', since);
        const kinds: TicketKind[] = ['incident', 'service_request'];
        const merged = mergeSorted(kinds.map((kind) => source(kind, filter, 'asc')), byUpdate, PAGE);
        return { [Symbol.asyncIterator]: () => iterate(merged, signal) };
      },
    },
    {
      provider,
      scope: `${IVANTI}:${client.tenantUrl}`,
      latenessMs: settings.latenessMs,
      ...(settings.overlapMs === undefined ? {} : { overlapMs: settings.overlapMs }),
    },
  );

  /** Offering forms, read once and kept a few minutes. */
  const forms = createFormCache(async (itemId): Promise<CatalogForm> => {
    const offeringForm = await client.requestOfferings.form(itemId);
    return offeringToForm(offeringForm, await client.requestOfferings.directLink(offeringForm.offering.RecId));
  });

  /** The parameter behind a form field (its record is the field's `raw`). */
  function parameterOf(field: FormField): OfferingParameter {
    return readOfferingParameter(field.raw as OfferingParameterRecord);
  }

  /** A validation list's rows as choices, remembering each row (its value is what Ivanti stores). */
  async function listChoices(form: CatalogForm, field: FormField, answers: ReadonlyMap<string, string>, search: string | undefined, seen?: SeenRows): Promise<FormChoice[]> {
    const rows = await client.requestOfferings.validationList(parameterOf(field), { answers, ...(search === undefined ? {} : { query: search }) });
    for (const row of rows) seen?.set(row.recId.toUpperCase(), row);
    return rows.map((row) => ({ id: row.recId, label: row.label }));
  }

  /**
   * The values a dependent list is filtered by, from the answers a caller gave (by parameter name):
   * a choice answered by its id (a row's RecId) is read back as the row's value, which is what
   * Ivanti filters by; any other answer as its text.
   */
  async function givenConstraints(form: CatalogForm, field: FormField, answers: Readonly<Record<string, unknown>>): Promise<Map<string, string>> {
    const values = new Map<string, string>();
    for (const name of field.dependsOn ?? []) {
      const answer = answers[name];
      const texts = (Array.isArray(answer) ? answer : [answer]).filter((item): item is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof item)).map(String);
      if (texts.length === 0) continue;
      const parent = form.fields.find((candidate) => candidate.id === name);
      if (parent?.choicesOnDemand === true && texts.some(isRecId)) {
        const rows = new Map<string, ValidationOption>();
        await listChoices(form, parent, await givenConstraints(form, parent, answers), undefined, rows);
        values.set(name, texts.map((text) => rows.get(text.toUpperCase())?.value ?? text).join('~^'));
      } else {
        values.set(name, texts.join('~^'));
      }
    }
    return values;
  }

  /** Adds a note to a ticket with an idempotency key (kept in `noteIdempotencyField`, when set); see `idempotentWrite`. */
  async function addNote(found: FoundTicket, body: string, visibility: CommentVisibility, key: IdempotencyKey): Promise<Comment> {
    const { kind, record } = found;
    const field = settings.noteIdempotencyField;
    const since = new Date(Date.now() - CLOCK_SKEW_MS - settings.latenessMs);
    const number = (record as Record<string, unknown>)[TICKET_KINDS[kind].numberField];
    const name = typeof number === 'number' || typeof number === 'string' ? ticketKey(kind, number) : `${TICKET_KINDS[kind].noun} ${record.RecId}`;
    const support = field === undefined ? 'none' : 'atomic';
    try {
      const { record: note } = await idempotentWrite({
        provider,
        operation: 'comments.add',
        support,
        key,
        write: () =>
          client.journalNotes.add(
            { category: TICKET_KINDS[kind].category, recId: record.RecId },
            { body, publishToWeb: visibility === 'public', ...(field === undefined ? {} : { fields: { [field]: key.key } }) },
          ),
        find: async () => (field === undefined ? undefined : findNoteWithKey(context, record.RecId, field, key.key)),
        howToFind: noteHowToFind(name, body, since),
        lookupDelaysMs: settings.lookupDelaysMs,
      });
      return journalNoteToComment(note, record.RecId);
    } catch (error) {
      if (support !== 'none' || !(error instanceof OutcomeUnknownError)) throw error;
      throw await withCandidates(error, async () =>
        (await noteCandidates(context, record.RecId, body, since)).map((note) => `note ${note.RecId} (created ${note.CreatedDateTime ?? 'at an unknown time'})`),
      );
    }
  }

  async function transition(found: FoundTicket, to: z.output<typeof StatusInputSchema>, resolution: string | undefined, comment: string | undefined): Promise<FoundTicket> {
    const { kind, record } = found;
    const current = context.statusCategory(kind, record.Status);
    if (current === to) return found;
    if (record.ReadOnly === true || current === 'closed') {
      throw new ClosedRecordError(
        `${TICKET_KINDS[kind].noun} ${record.RecId} is ${record.Status ?? 'closed'}: Ivanti treats a closed ticket as final, so it cannot move to ${to}`,
        { provider, businessObject: TICKET_KINDS[kind].entitySet, recId: record.RecId, status: record.Status ?? undefined },
      );
    }
    const fields = planTransition(kind, record, to, {
      targets: settings.targets[kind],
      category: settings.defaultCategory,
      owner: await owner(),
      causeCode: settings.defaultCauseCode,
      defaultResolution: settings.defaultResolution,
      resolution,
      comment,
    });
    try {
      const updated = await context.resource(kind).update(record.RecId, fields, { allowClosed: true });
      return { kind, record: updated };
    } catch (error) {
      if (!(error instanceof PromptRequiredError)) throw error;
      const missing = error.fields.length > 0 ? error.fields.join(', ') : 'values it prompts for';
      const advice = kind === 'incident' && to !== 'open' && to !== 'in_progress'
        ? 'Set the connector\'s defaultCauseCode (and pass options.resolution) so the transition writes them, or move the ticket with the tenant\'s quick action (client.incidents.quickAction).'
        : 'Set the prompted fields through update({ providerFields }) first, or move the ticket with the tenant\'s quick action (client.businessObject(...).quickAction).';
      throw new PromptRequiredError(`Moving ${TICKET_KINDS[kind].noun} ${record.RecId} to ${fields.Status} needs ${missing}, which Ivanti asks for through a prompt. ${advice}`, {
        provider,
        status: error.status,
        method: error.method,
        url: error.url,
        body: error.body,
        messages: error.messages,
        fieldErrors: error.fieldErrors,
        outcome: 'not_applied',
        cause: error,
      });
    }
  }

  const connector: IvantiConnector = {
    provider,
    client,
    capabilities: {
      catalog: true,
      attachments: true,
      internalComments: true,
      userSearch: true,
      createIdempotency: settings.idempotencyField === undefined ? 'none' : 'atomic',
      commentIdempotency: settings.noteIdempotencyField === undefined ? 'none' : 'atomic',
      submitIdempotency: settings.idempotencyField === undefined ? 'none' : 'atomic',
    },
    limits,
    tickets: {
      async get(idOrKey) {
        const { kind, record } = await find(idOrKey, 'idOrKey');
        return context.toTicket(record, kind);
      },
      async create(rawInput, rawOptions) {
        const input = kit.parse(CreateTicketInputSchema, rawInput, 'input');
        checkText(input.subject, 'input.subject', limits.subject, 'subjects');
        checkText(input.description, 'input.description', limits.description, 'descriptions');
        const key = idempotencyKeyOf(provider, rawOptions, 'tickets.create');
        const keyField = settings.idempotencyField;
        refuseKey(key, keyField, 'tickets.create', 'idempotencyField', 'Incident and ServiceReq');
        const type = input.type ?? settings.type;
        if (!isTicketKind(type)) throw unsupported(provider, `type ${type}`, 'the connector creates incidents and service requests only');
        checkProviderFields(provider, input.providerFields, {
          ...(keyField === undefined ? {} : { [keyField]: 'options.idempotencyKey (the idempotencyField option)' }),
          Subject: 'input.subject',
          Status: 'input.status (created, then transitioned)',
          ...(input.description === undefined ? {} : { Symptom: 'input.description' }),
          ...(input.requester === undefined ? {} : { ProfileLink_RecID: 'input.requester', ProfileLink_Category: 'input.requester', ProfileLink: 'input.requester' }),
          ...(input.assignee === undefined ? {} : { Owner: 'input.assignee', Owner_Valid: 'input.assignee' }),
          ...(input.priority === undefined ? {} : { Urgency: 'input.priority', Impact: 'input.priority', Priority: 'input.priority' }),
          ...(input.team === undefined ? {} : { OwnerTeam: 'input.team' }),
        }, 'input');
        const requester = input.requester === undefined ? undefined : ((await employeeIdOf(client, input.requester, 'input.requester')) as string);
        const assignee = input.assignee === undefined ? undefined : await loginOf(input.assignee, 'input.assignee');
        const team = input.team ?? settings.defaultTeam;
        const fields: Record<string, FieldValues[string]> = {
          ...(type === 'incident' ? settings.defaults.incident : settings.defaults.serviceRequest),
          ...checkFieldValues(input.providerFields, 'input.providerFields'),
          Subject: input.subject,
          // Ivanti requires a description ("Required field … Description"): the subject stands in for a missing one.
          Symptom: input.description !== undefined && input.description.trim() !== '' ? input.description : input.subject,
          ...(requester === undefined ? {} : { ProfileLink_RecID: requester, ProfileLink_Category: 'Employee' }),
          ...(assignee === undefined ? {} : { Owner: assignee }),
          ...(input.priority === undefined ? {} : DEFAULT_IVANTI_PRIORITY_FIELDS[input.priority]),
          ...(team === undefined ? {} : { OwnerTeam: team }),
          ...(keyField === undefined ? {} : { [keyField]: key.key }),
        };
        const call: TicketCall = { kind: type, subject: input.subject, requester, since: new Date(Date.now() - CLOCK_SKEW_MS - settings.latenessMs) };
        const support = keyField === undefined ? 'none' : 'atomic';
        let written: IdempotentWriteResult<Incident | ServiceRequest>;
        try {
          written = await idempotentWrite({
            provider,
            operation: 'tickets.create',
            support,
            key,
            write: () => context.resource(type).create(fields),
            find: async () => (keyField === undefined ? undefined : findTicketWithKey(context, type, keyField, key.key)),
            howToFind: ticketHowToFind(call),
            lookupDelaysMs: settings.lookupDelaysMs,
          });
        } catch (error) {
          if (support !== 'none' || !(error instanceof OutcomeUnknownError)) throw error;
          throw await withCandidates(error, async () => (await ticketCandidates(context, call)).map((found) => ticketLabel(type, found)));
        }
        const { record, how } = written;
        const created = await context.toTicket(record, type);
        const status = input.status;
        // A ticket that already had the key is returned as it is: the first call ran its steps.
        if (status === undefined || how === 'existing') return created;
        return afterCreate(provider, created, `moving it to ${status}`, async () => {
          const moved = await transition({ kind: type, record }, status, undefined, undefined);
          return context.toTicket(moved.record, moved.kind);
        });
      },
      async update(idOrKey, rawPatch) {
        const ref = parseTicketRef(idOf(idOrKey, 'idOrKey'), 'idOrKey');
        const patch = kit.parse(UpdateTicketInputSchema, rawPatch, 'patch');
        if (patch.subject !== undefined) checkText(patch.subject, 'patch.subject', limits.subject, 'subjects');
        checkText(patch.description, 'patch.description', limits.description, 'descriptions');
        checkProviderFields(provider, patch.providerFields, {
          Status: 'tickets.transition()',
          ...(patch.subject === undefined ? {} : { Subject: 'patch.subject' }),
          ...(patch.description === undefined ? {} : { Symptom: 'patch.description' }),
          ...(patch.assignee === undefined ? {} : { Owner: 'patch.assignee', Owner_Valid: 'patch.assignee' }),
          ...(patch.priority === undefined ? {} : { Urgency: 'patch.priority', Impact: 'patch.priority', Priority: 'patch.priority' }),
          ...(patch.team === undefined ? {} : { OwnerTeam: 'patch.team' }),
        }, 'patch');
        const { kind, record } = await context.find(ref);
        if (patch.type !== undefined && patch.type !== kind) {
          throw unsupported(provider, 'changeType', `an Ivanti ${TICKET_KINDS[kind].noun} cannot become another kind of record; create a new ticket instead`);
        }
        const fields: Record<string, FieldValues[string]> = { ...checkFieldValues(patch.providerFields, 'patch.providerFields') };
        if (patch.subject !== undefined) fields.Subject = patch.subject;
        if (patch.description !== undefined) fields.Symptom = patch.description;
        if (patch.priority !== undefined) Object.assign(fields, DEFAULT_IVANTI_PRIORITY_FIELDS[patch.priority]);
        if (patch.team !== undefined) fields.OwnerTeam = patch.team;
        if (patch.assignee === null) fields.Owner = null;
        else if (patch.assignee !== undefined) fields.Owner = await loginOf(patch.assignee, 'patch.assignee');
        if (Object.keys(fields).length === 0) return context.toTicket(record, kind);
        if (record.ReadOnly === true || context.statusCategory(kind, record.Status) === 'closed') {
          throw new ClosedRecordError(
            `${TICKET_KINDS[kind].noun} ${record.RecId} is ${record.Status ?? 'closed'}: Ivanti treats a closed ticket as final, yet would store this update, so the connector refuses it`,
            { provider, businessObject: TICKET_KINDS[kind].entitySet, recId: record.RecId, status: record.Status ?? undefined },
          );
        }
        const updated = await context.resource(kind).update(record.RecId, fields, { allowClosed: true });
        return context.toTicket(updated, kind);
      },
      list(query) {
        return ticketList(() => planTicketSearch(context, query));
      },
      async transition(idOrKey, to, rawOptions) {
        const id = idOf(idOrKey, 'idOrKey');
        const category = kit.parse(StatusInputSchema, to, 'to');
        const opts = kit.parse(TransitionOptionsSchema, rawOptions ?? {}, 'options');
        checkText(opts.comment, 'options.comment', limits.comment, 'notes');
        const found = await find(id, 'idOrKey');
        const moved = await transition(found, category, opts.resolution, opts.comment);
        if (opts.comment !== undefined) {
          await addNote(moved, opts.comment, opts.commentVisibility ?? 'public', idempotencyKeyOf(provider, undefined, 'comments.add'));
        }
        return context.toTicket(moved.record, moved.kind);
      },
      changes: (changesOptions) => feed.changes(changesOptions),
      watch: (watchOptions) => feed.watch(watchOptions),
    },
    comments: {
      list(ticketIdOrKey) {
        let ref: ReturnType<typeof parseTicketRef>;
        try {
          ref = parseTicketRef(idOf(ticketIdOrKey, 'ticketIdOrKey'), 'ticketIdOrKey');
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.defer<Comment>(async () => {
          const { record } = await context.find(ref);
          return client.journalNotes.forRecord(record.RecId, { pageSize: PAGE }).map((note) => journalNoteToComment(note, record.RecId));
        });
      },
      async add(ticketIdOrKey, rawComment, rawOptions) {
        const id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const input = kit.parse(CommentInputSchema, rawComment, 'comment');
        checkText(input.body, 'comment.body', limits.comment, 'notes');
        const key = idempotencyKeyOf(provider, rawOptions, 'comments.add');
        refuseKey(key, settings.noteIdempotencyField, 'comments.add', 'noteIdempotencyField', 'Journal (Notes)');
        return addNote(await find(id, 'ticketIdOrKey'), input.body, input.visibility, key);
      },
    },
    attachments: {
      list(ticketIdOrKey) {
        let ref: ReturnType<typeof parseTicketRef>;
        try {
          ref = parseTicketRef(idOf(ticketIdOrKey, 'ticketIdOrKey'), 'ticketIdOrKey');
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.defer(async () => {
          const { record } = await context.find(ref);
          return client.attachments.forRecord(record.RecId, { pageSize: PAGE }).map((file) => attachmentRecordToAttachment(file, record.RecId));
        });
      },
      async upload(ticketIdOrKey, rawFile) {
        const id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const file = kit.parse(FileInputSchema, rawFile, 'file');
        checkByteSize(provider, 'file.content', file.content, limits.attachmentBytes, "the tenant's attachment size limit (the attachmentMaxBytes option)");
        const { kind, record } = await find(id, 'ticketIdOrKey');
        const [stored] = await client.attachments.upload(
          { category: TICKET_KINDS[kind].category, recId: record.RecId },
          { filename: file.filename, content: file.content, ...(file.contentType === undefined ? {} : { contentType: file.contentType }) },
        );
        if (stored === undefined) throw await context.notFound(`Ivanti attached nothing to ${record.RecId}`, '/api/rest/Attachment');
        return attachmentRecordToAttachment(stored, record.RecId);
      },
      async download(ticketIdOrKey, attachmentId) {
        const id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const wanted = checkRecId(idOf(attachmentId, 'attachmentId'), 'attachmentId');
        const { record } = await find(id, 'ticketIdOrKey');
        const file = await client.attachments.get(wanted);
        if (file.ParentLink_RecID?.toUpperCase() !== record.RecId.toUpperCase()) {
          throw await context.notFound(`ticket ${record.RecId} has no attachment ${wanted}`, `/api/odata/businessobject/attachments('${wanted}')`);
        }
        return client.attachments.download(wanted);
      },
    },
    users: {
      async get(id) {
        return employeeToUser(await client.employees.get(checkRecId(idOf(id, 'id'), 'id')));
      },
      async findByEmail(email) {
        const address = kit.parse(EmailSchema, email, 'email');
        const employee = await employeeByEmail(client, address);
        return employee === null ? null : employeeToUser(employee);
      },
      search(text): Paginator<User> {
        const parsed = SearchTextSchema.safeParse(text);
        if (!parsed.success) return Paginator.failing(kit.inputError('text', parsed.error.issues[0]?.message ?? 'must be a non-empty string to search for'));
        return client.employees.list({ search: parsed.data, orderBy: ['DisplayName asc', 'RecId asc'] }).map(employeeToUser);
      },
    },
    catalog: {
      /**
       * The published request offerings, each with its direct link; with `forUser` (an e-mail or an
       * employee RecId), only the offerings available to that employee (none for an unknown e-mail).
       */
      list(rawOptions): Paginator<CatalogItem> {
        let parsed: z.output<typeof CatalogOptionsSchema>;
        try {
          parsed = kit.parse(CatalogOptionsSchema, rawOptions ?? {}, 'options');
        } catch (error) {
          return Paginator.failing(error);
        }
        return catalogItems(context, parsed.forUser);
      },
      /**
       * The offering's form: its parameters (`ServiceReqTemplateParams`) as the model's fields, in
       * form order, layout elements left out; choices are read on demand. Kept five minutes.
       */
      async form(rawItemId) {
        const itemId = checkRecId(idOf(rawItemId, 'itemId'), 'itemId').toUpperCase(); // RecIds ignore case: one form per offering
        return structuredClone(await forms.get(itemId));
      },
      /**
       * The rows of a choice's validation list (`POST …/ServiceRequest/{paramRecId}/ValidationList`):
       * a dependent list narrowed by the answers (values, by parameter name) it depends on, and
       * empty until they are given; `search` narrows it further.
       */
      choices(rawItemId, rawFieldId, rawQuery): Paginator<FormChoice> {
        let itemId: string;
        let fieldId: string;
        let query: ReturnType<typeof parseChoicesQuery>;
        try {
          itemId = checkRecId(idOf(rawItemId, 'itemId'), 'itemId').toUpperCase(); // RecIds ignore case: one form per offering
          fieldId = idOf(rawFieldId, 'fieldId');
          query = parseChoicesQuery(provider, rawQuery);
        } catch (error) {
          return Paginator.failing(error);
        }
        return Paginator.defer(async () => {
          const form = await forms.get(itemId);
          const field = choiceField(provider, form, fieldId);
          const choices = await listChoices(form, field, await givenConstraints(form, field, query.answers), query.search);
          return Paginator.of(searchChoices(choices, query.search));
        });
      },
      /**
       * Raises a service request from the offering for the employee (`POST /api/rest/ServiceRequest/new`
       * through `serviceRequests.submit()`), with the answers checked against the form first (the
       * choices against their validation lists). Ivanti's refusal (`IsSuccess: false`) is a
       * `ValidationError` with its text. With `idempotencyField`, the key is written into the new
       * request (`atomic`); without, a lost answer is an `OutcomeUnknownError` naming the requests
       * that fit the call.
       */
      async submit(rawItemId, rawAnswers, rawOptions) {
        const itemId = checkRecId(idOf(rawItemId, 'itemId'), 'itemId').toUpperCase(); // RecIds ignore case: one form per offering
        const { forUser, key } = parseSubmitOptions(provider, rawOptions);
        const keyField = settings.idempotencyField;
        refuseKey(key, keyField, 'catalog.submit', 'idempotencyField', 'ServiceReq');
        const form = await forms.get(itemId);
        const seen: SeenRows = new Map();
        const answers = await checkFormAnswers(form, rawAnswers, {
          provider,
          choices: (field, checked) => {
            const constraints = new Map<string, string>();
            for (const [name, answer] of checked) constraints.set(name, constraintValue(answer, seen));
            return listChoices(form, field, constraints, undefined, seen);
          },
        });
        const requester = (await employeeIdOf(client, forUser, 'options.forUser')) as string;
        const native = await offeringAnswers(answers, seen, async (field, answer: Extract<CheckedAnswer, { kind: 'user' }>) => {
          const employee = (await employeeIdOf(client, answer.value, `answers.${field.id}`)) as string;
          const rows = await client.requestOfferings.validationList(parameterOf(field));
          const row = rows.find((candidate) => candidate.recId.toUpperCase() === employee.toUpperCase());
          if (row === undefined) kit.fail(`answers.${field.id}`, `"${field.label}" cannot be ${'email' in answer.value ? answer.value.email : answer.value.id}: that employee is not among its choices`);
          return { value: row.value, recId: row.recId };
        });
        const call: SubmitCall = { offering: itemId, name: form.name, requester, since: new Date(Date.now() - CLOCK_SKEW_MS - settings.latenessMs) };
        const support = keyField === undefined ? 'none' : 'atomic';
        let written: IdempotentWriteResult<{ recId: string }>;
        try {
          written = await idempotentWrite({
            provider,
            operation: 'catalog.submit',
            support,
            key,
            write: async () => {
              try {
                const made = await client.serviceRequests.submit({ offering: itemId, requester, answers: native, ...(keyField === undefined ? {} : { fields: { [keyField]: key.key } }) });
                return { recId: made.recId };
              } catch (error) {
                if (error instanceof InputError && error.field === 'request.offering') {
                  throw new InputError(`itemId: ${form.name} ${error.message.replace(/^request\.offering: is /, 'is ')}`, { provider, field: 'itemId', cause: error });
                }
                throw error;
              }
            },
            find: async () => {
              if (keyField === undefined) return undefined;
              const found = await findTicketWithKey(context, 'service_request', keyField, key.key);
              return found === undefined ? undefined : { recId: found.RecId };
            },
            howToFind: submitHowToFind(call),
            lookupDelaysMs: settings.lookupDelaysMs,
          });
        } catch (error) {
          if (support !== 'none' || !(error instanceof OutcomeUnknownError)) throw error;
          throw await withCandidates(error, async () => (await submitCandidates(context, call)).map((found) => ticketLabel('service_request', found)));
        }
        const made = written.record;
        context.remember(made.recId, 'service_request');
        return afterCreate(provider, { id: made.recId, key: made.recId }, 'reading it back', async () => {
          const { kind, record } = await context.find(parseTicketRef(made.recId, 'recId'));
          return context.toTicket(record, kind);
        });
      },
    },
    // The checks are loaded when asked for: they are a setup step, and the largest part of the connector.
    verifyAccess: async () => (await import('./verify.js')).verifyIvantiAccess(context),
  };
  return connector;
}

/** Iterates a paginator's items, passing a signal on. */
async function* iterate<T>(paginator: Paginator<T>, signal: AbortSignal | undefined): AsyncIterator<T> {
  for await (const page of paginator.pages(signal === undefined ? {} : { signal })) yield* page.items;
}
