/**
 * An in-memory {@link ItsmConnector}: the reference implementation of the interface. It keeps
 * tickets, users, comments, attachments and catalog items in maps, follows every rule the
 * conformance kit checks, and is handy in a bot's own unit tests where no sandbox is wanted.
 *
 * @module
 */
import {
  AmbiguousMatchError,
  CommentInputSchema,
  ConnectionError,
  CreateTicketInputSchema,
  EmailSchema,
  FileInputSchema,
  InputError,
  NotFoundError,
  Paginator,
  RecordIdSchema,
  StatusInputSchema,
  TicketQuerySchema,
  TransitionOptionsSchema,
  UpdateTicketInputSchema,
  accessReport,
  checkFormAnswers,
  createChangeFeed,
  parseInput,
  resolvePersonInput,
  unsupported,
  type Attachment,
  type CatalogForm,
  type CatalogItem,
  type CheckedAnswer,
  type Comment,
  type ConnectorCapabilities,
  type ConnectorLimits,
  type IdempotencySupport,
  type ItsmConnector,
  type PersonInput,
  type PriorityLevel,
  type ProviderId,
  type StatusCategory,
  type Ticket,
  type User,
  type UserKind,
  type UserRef,
} from '@itsm/core';
import {
  afterCreate,
  checkByteSize,
  checkLength,
  choiceField,
  createFormCache,
  idempotencyKeyOf,
  idempotentWrite,
  parseChoicesQuery,
  parseSubmitOptions,
  searchChoices,
} from '@itsm/core/provider';
import * as z from 'zod/mini';
import { answerText, DEFAULT_MEMORY_CATALOG, memoryChoices, memoryForm, type MemoryCatalogSeed } from './memory-catalog.js';

export { DEFAULT_MEMORY_CATALOG, type MemoryCatalogSeed, type MemoryChoiceSeed, type MemoryFieldSeed } from './memory-catalog.js';

/**
 * A user to seed the in-memory connector with.
 *
 * @category Memory connector
 */
export interface MemoryUserSeed {
  /** Id; generated when omitted. */
  id?: string;
  name: string;
  email?: string;
  /** Default `employee`. */
  kind?: UserKind;
  /** Default `true`. */
  active?: boolean;
}

/**
 * Options of {@link createMemoryConnector}.
 *
 * @category Memory connector
 */
export interface MemoryConnectorOptions {
  /** Provider id of the records. Default `memory`. */
  provider?: ProviderId;
  /** Users; default a small directory with one shared (ambiguous) email. */
  users?: MemoryUserSeed[];
  /** Catalog items and their forms; default {@link DEFAULT_MEMORY_CATALOG}. */
  catalog?: MemoryCatalogSeed[];
  /**
   * Switch capabilities off to see how callers cope. All are on by default, and idempotency keys are
   * kept `atomic`ally; set `createIdempotency`, `commentIdempotency` or `submitIdempotency` to
   * `after-write` or `none` to behave like a provider that keeps them after the write, or not at all.
   */
  capabilities?: Partial<ConnectorCapabilities>;
  /** The sizes refused before writing. Default {@link DEFAULT_MEMORY_LIMITS}. */
  limits?: Partial<ConnectorLimits>;
  /**
   * The waits before each look-up of a record whose write's answer was lost (see `faults`), in ms.
   * Default `[0]`: the store has no index lag, so the first look-up finds it.
   */
  lookupDelaysMs?: readonly number[];
  /** Items per page of every list. Default 25. */
  pageSize?: number;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Prefix of the links in `url` fields. Default `https://itsm.memory.invalid`. */
  webUrl?: string;
}

/**
 * The writes whose answer {@link MemoryFaults.loseNextAnswer} can lose.
 *
 * @category Memory connector
 */
export type MemoryWrite = 'tickets.create' | 'comments.add' | 'catalog.submit';

/**
 * Faults of the in-memory connector, to test how a bot copes with them.
 *
 * @category Memory connector
 */
export interface MemoryFaults {
  /**
   * The next `write` is applied, but its answer is lost: the connector sees a connection reset
   * (`ConnectionError`, `outcome: 'unknown'`), as over HTTP, and recovers as its
   * `createIdempotency` / `commentIdempotency` / `submitIdempotency` allows.
   */
  loseNextAnswer(write: MemoryWrite): void;
  /** Removes the faults armed and not used yet. */
  clear(): void;
}

/**
 * The in-memory connector, with the seed data it was built from.
 *
 * @category Memory connector
 */
export interface MemoryConnector extends ItsmConnector {
  /** Every user it knows, as seeded. */
  readonly users: ItsmConnector['users'] & { readonly all: readonly User[] };
  /** Faults to arm; see {@link MemoryFaults}. */
  readonly faults: MemoryFaults;
  /**
   * How many operations reached the store so far: the in-memory connector's requests. A call
   * refused for bad input reaches none.
   */
  readonly requests: number;
}

/**
 * The limits used when none are given: Jira's sizes, and 10 MiB per attachment.
 *
 * @category Memory connector
 */
export const DEFAULT_MEMORY_LIMITS: ConnectorLimits = Object.freeze({
  subject: 255,
  description: 32_767,
  comment: 32_767,
  attachmentBytes: 10 * 1024 * 1024,
});

/**
 * The directory used when no users are given.
 *
 * @category Memory connector
 */
export const DEFAULT_MEMORY_USERS: readonly MemoryUserSeed[] = [
  { id: 'u-ann', name: 'Ann Lee', email: 'ann.lee@example.com' },
  { id: 'u-bob', name: 'Bob Smith', email: 'bob.smith@example.com' },
  { id: 'u-eve', name: 'Eve Agent', email: 'eve.agent@example.com', kind: 'agent' },
  { id: 'u-front-1', name: 'Front Desk', email: 'frontdesk@example.com' },
  { id: 'u-front-2', name: 'Front Desk (night)', email: 'frontdesk@example.com' },
  { id: 'u-gone', name: 'Gone Person', email: 'gone@example.com', active: false },
];

const NATIVE_STATUS: Record<Exclude<StatusCategory, 'unknown'>, string> = {
  open: 'New',
  in_progress: 'In Progress',
  waiting_for_user: 'Waiting for User',
  resolved: 'Resolved',
  closed: 'Closed',
};

interface StoredComment {
  comment: Comment;
  /** The idempotency key the comment carries, if any. */
  marker: string | undefined;
}

interface StoredTicket {
  ticket: Ticket;
  /** The idempotency key the ticket carries, if any. */
  marker: string | undefined;
  comments: StoredComment[];
  attachments: { meta: Attachment; bytes: Uint8Array }[];
}

const SearchTextSchema = z.string({ error: 'must be a string to search for' }).check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.maxLength(255, 'must be at most 255 characters'),
  z.refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'must not contain control characters'),
);

const CatalogOptionsSchema = z.strictObject({ forUser: z.optional(z.string()) });

async function toBytes(content: Uint8Array | ArrayBuffer | Blob): Promise<Uint8Array> {
  if (content instanceof Uint8Array) return new Uint8Array(content);
  if (content instanceof ArrayBuffer) return new Uint8Array(content.slice(0));
  return new Uint8Array(await content.arrayBuffer());
}

/**
 * Creates an in-memory connector.
 *
 * @param options - Seed data, capabilities and clock.
 * @example
 * ```ts
 * import { createMemoryConnector } from '@itsm/core/testing';
 *
 * const connector = createMemoryConnector();
 * const ticket = await connector.tickets.create({ subject: 'Printer jam', requester: 'ann.lee@example.com' });
 * await connector.tickets.transition(ticket.id, 'resolved');
 * ```
 *
 * @category Memory connector
 */
export function createMemoryConnector(options: MemoryConnectorOptions = {}): MemoryConnector {
  const provider = options.provider ?? 'memory';
  const pageSize = options.pageSize ?? 25;
  const clock = options.now ?? (() => new Date());
  const webUrl = options.webUrl ?? 'https://itsm.memory.invalid';
  const capabilities: ConnectorCapabilities = {
    catalog: true,
    attachments: true,
    internalComments: true,
    userSearch: true,
    createIdempotency: 'atomic',
    commentIdempotency: 'atomic',
    submitIdempotency: 'atomic',
    ...options.capabilities,
  };
  const limits: ConnectorLimits = { ...DEFAULT_MEMORY_LIMITS, ...options.limits };
  const lookupDelaysMs = options.lookupDelaysMs ?? [0];
  const lostAnswers: MemoryWrite[] = [];
  let requests = 0;

  const users: User[] = (options.users ?? DEFAULT_MEMORY_USERS).map((seed, index) => ({
    provider,
    id: seed.id ?? `u-${index + 1}`,
    ...(seed.email === undefined ? {} : { email: seed.email }),
    name: seed.name,
    active: seed.active ?? true,
    kind: seed.kind ?? 'employee',
    raw: { ...seed },
  }));
  const catalogSeeds = options.catalog ?? DEFAULT_MEMORY_CATALOG;
  const catalogItems: CatalogItem[] = catalogSeeds.map((seed, index) => ({
    provider,
    id: `c-${index + 1}`,
    name: seed.name,
    ...(seed.description === undefined ? {} : { description: seed.description }),
    ...(seed.category === undefined ? {} : { category: seed.category }),
    url: `${webUrl}/catalog/${index + 1}`,
    raw: structuredClone(seed),
  }));
  /** The item of an id and its seed, or a `NotFoundError` (a request: it reaches the store). */
  function catalogEntry(itemId: string): { item: CatalogItem; seed: MemoryCatalogSeed } {
    touch();
    const index = catalogItems.findIndex((item) => item.id === itemId);
    const item = catalogItems[index];
    const seed = catalogSeeds[index];
    if (item === undefined || seed === undefined) throw notFound('catalog item', itemId);
    return { item, seed };
  }
  const forms = createFormCache(async (itemId) => {
    const { item, seed } = catalogEntry(itemId);
    return memoryForm(provider, item, seed);
  });
  /** The choices of a field for the answers so far (a request: it reaches the store). */
  function choicesOf(form: CatalogForm, fieldId: string, parentChoice: string | undefined) {
    const { seed } = catalogEntry(form.itemId);
    return memoryChoices(seed, fieldId, parentChoice);
  }
  const tickets = new Map<string, StoredTicket>();
  let nextTicket = 1;
  let nextComment = 1;
  let nextAttachment = 1;
  let lastStamp = 0;

  /** A timestamp strictly later than the previous one, so each write is a distinct version. */
  function stamp(): string {
    lastStamp = Math.max(clock().getTime(), lastStamp + 1);
    return new Date(lastStamp).toISOString();
  }

  function notFound(kind: string, id: string): NotFoundError {
    return new NotFoundError(`${kind} ${id} does not exist`, {
      provider,
      status: 404,
      method: 'GET',
      url: `memory://${kind}/${encodeURIComponent(id)}`,
      messages: [`${kind} ${id} does not exist`],
    });
  }

  /** Counts an operation that reached the store. */
  function touch(): void {
    requests += 1;
  }

  /** An id argument, checked. */
  function idOf(value: unknown, field: string): string {
    return parseInput(RecordIdSchema, value, field, { provider });
  }

  function stored(idOrKey: string): StoredTicket {
    touch();
    const found = tickets.get(idOrKey) ?? [...tickets.values()].find((entry) => entry.ticket.key === idOrKey);
    if (!found) throw notFound('ticket', idOrKey);
    return found;
  }

  /** Throws the connection reset of a lost answer when one is armed for `write`. */
  function loseAnswerOf(write: MemoryWrite): void {
    const index = lostAnswers.indexOf(write);
    if (index === -1) return;
    lostAnswers.splice(index, 1);
    throw new ConnectionError(`${write}: the connection was reset before the answer arrived`, {
      provider,
      method: 'POST',
      url: `memory://${write}`,
      code: 'ECONNRESET',
      outcome: 'unknown',
    });
  }

  function usersByEmail(email: string): User[] {
    touch();
    const wanted = email.trim().toLowerCase();
    return users.filter((user) => user.email?.toLowerCase() === wanted);
  }

  function refOf(user: User): UserRef {
    return { id: user.id, name: user.name, ...(user.email === undefined ? {} : { email: user.email }) };
  }

  function resolvePerson(person: PersonInput, field: string): UserRef {
    const lookup = resolvePersonInput(person);
    touch();
    const matches = 'email' in lookup ? usersByEmail(lookup.email) : users.filter((user) => user.id === lookup.id);
    const value = 'email' in lookup ? lookup.email : lookup.id;
    if (matches.length === 0) throw new InputError(`${field}: no user matches ${value}`, { provider, field });
    if (matches.length > 1) {
      throw new AmbiguousMatchError(`${field}: ${matches.length} users match ${value}`, {
        provider,
        query: value,
        matchIds: matches.map((user) => user.id),
      });
    }
    return refOf(matches[0]!);
  }

  function matchesPerson(ref: UserRef | undefined, person: PersonInput): boolean {
    if (!ref) return false;
    const lookup = resolvePersonInput(person);
    return 'email' in lookup ? ref.email?.toLowerCase() === lookup.email.toLowerCase() : ref.id === lookup.id;
  }

  function priorityOf(level: Exclude<PriorityLevel, 'unknown'>): Ticket['priority'] {
    return { level, native: { name: level[0]!.toUpperCase() + level.slice(1) } };
  }

  function setStatus(entry: StoredTicket, to: Exclude<StatusCategory, 'unknown'>, at: string): void {
    const reopening = to === 'open' && ['resolved', 'closed'].includes(entry.ticket.status.category);
    entry.ticket.status = { category: to, native: { name: reopening ? 'Reopened' : NATIVE_STATUS[to] } };
    entry.ticket.updatedAt = at;
    if (to === 'resolved' || to === 'closed') entry.ticket.resolvedAt ??= at;
    else delete entry.ticket.resolvedAt;
  }

  function snapshot(entry: StoredTicket): Ticket {
    return structuredClone(entry.ticket);
  }

  /**
   * Pages over a snapshot taken when the first page is asked for, so that edits made while a caller
   * pages (which re-sort a list by update time) neither drop nor repeat an item.
   */
  function paginate<T>(snapshot: () => T[], size = pageSize): Paginator<T> {
    const snapshots = new Map<string, T[]>();
    let nextSnapshot = 0;
    return new Paginator<T>(async (cursor) => {
      touch();
      const [id, offset] = cursor === undefined ? [String(nextSnapshot++), 0] : [cursor.split(':')[0]!, Number(cursor.split(':')[1])];
      if (cursor === undefined) snapshots.set(id, snapshot());
      const all = snapshots.get(id);
      if (!all || !Number.isInteger(offset)) throw new InputError(`cursor: ${cursor} is not a cursor of this list`, { provider, field: 'cursor' });
      const end = offset + size;
      if (end >= all.length) snapshots.delete(id);
      return { items: all.slice(offset, end), nextCursor: end < all.length ? `${id}:${end}` : undefined };
    });
  }

  function addComment(entry: StoredTicket, body: string, visibility: Comment['visibility'], marker?: string): StoredComment {
    const at = stamp();
    const comment: Comment = {
      provider,
      id: String(nextComment++),
      ticketId: entry.ticket.id,
      body,
      visibility,
      createdAt: at,
      raw: { body, visibility },
    };
    const added: StoredComment = { comment, marker };
    entry.comments.push(added);
    entry.ticket.updatedAt = at;
    return added;
  }

  /** Stores an idempotency key with a record after its write, as `after-write` providers do. */
  function mark(record: { marker: string | undefined }, key: string, raw: unknown): void {
    record.marker = key;
    (raw as { idempotencyKey?: string }).idempotencyKey = key;
  }

  const feed = createChangeFeed<Ticket>(
    {
      async *fetchUpdatedSince(since) {
        const changed = [...tickets.values()]
          .map((entry) => entry.ticket)
          .filter((ticket) => Date.parse(ticket.updatedAt) >= since.getTime())
          .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.id.localeCompare(b.id));
        for (const ticket of changed) yield structuredClone(ticket);
      },
    },
    { now: clock, provider },
  );

  const connector: MemoryConnector = {
    provider,
    capabilities,
    limits,
    faults: {
      loseNextAnswer(write) {
        if (write !== 'tickets.create' && write !== 'comments.add' && write !== 'catalog.submit') {
          throw new InputError("write must be 'tickets.create', 'comments.add' or 'catalog.submit'", { provider, field: 'write' });
        }
        lostAnswers.push(write);
      },
      clear() {
        lostAnswers.length = 0;
      },
    },
    get requests() {
      return requests;
    },
    tickets: {
      async get(idOrKey) {
        return snapshot(stored(idOf(idOrKey, 'idOrKey')));
      },
      async create(rawInput, rawOptions) {
        const input = parseInput(CreateTicketInputSchema, rawInput, 'input', { provider });
        checkLength(provider, 'input.subject', input.subject, limits.subject, 'the limit for subjects');
        checkLength(provider, 'input.description', input.description, limits.description, 'the limit for descriptions');
        const key = idempotencyKeyOf(provider, rawOptions, 'tickets.create');
        const requester = input.requester === undefined ? undefined : resolvePerson(input.requester, 'input.requester');
        const assignee = input.assignee === undefined ? undefined : resolvePerson(input.assignee, 'input.assignee');
        const support = capabilities.createIdempotency;
        const startedAt = new Date(stamp());
        const { record, how } = await idempotentWrite<StoredTicket>({
          provider,
          operation: 'tickets.create',
          support,
          key,
          lookupDelaysMs,
          async write() {
            touch();
            const at = stamp();
            const id = String(nextTicket++);
            const ticket: Ticket = {
              provider,
              id,
              key: `MEM-${id}`,
              url: `${webUrl}/tickets/${id}`,
              type: input.type ?? 'incident',
              subject: input.subject,
              ...(input.description === undefined ? {} : { description: input.description }),
              status: { category: 'open', native: { name: NATIVE_STATUS.open } },
              ...(input.priority === undefined ? {} : { priority: priorityOf(input.priority) }),
              ...(requester ? { requester } : {}),
              ...(assignee ? { assignee } : {}),
              ...(input.team === undefined ? {} : { team: { name: input.team } }),
              createdAt: at,
              updatedAt: at,
              customFields: { ...input.providerFields },
              raw: { input: structuredClone(rawInput) },
            };
            const entry: StoredTicket = { ticket, marker: undefined, comments: [], attachments: [] };
            if (support === 'atomic') mark(entry, key.key, ticket.raw);
            tickets.set(id, entry);
            loseAnswerOf('tickets.create');
            if (support === 'after-write') mark(entry, key.key, ticket.raw);
            return entry;
          },
          async find() {
            touch();
            return [...tickets.values()].find((entry) => entry.marker === key.key);
          },
          howToFind: `look for a ticket with the subject "${input.subject}" created at or after ${startedAt.toISOString()}`,
        });
        if (how === 'existing') return snapshot(record);
        if (input.status && input.status !== 'open') setStatus(record, input.status, stamp());
        return snapshot(record);
      },
      async update(idOrKey, rawPatch) {
        const id = idOf(idOrKey, 'idOrKey');
        const patch = parseInput(UpdateTicketInputSchema, rawPatch, 'patch', { provider });
        checkLength(provider, 'patch.subject', patch.subject, limits.subject, 'the limit for subjects');
        checkLength(provider, 'patch.description', patch.description, limits.description, 'the limit for descriptions');
        const entry = stored(id);
        const assignee =
          patch.assignee === undefined || patch.assignee === null ? patch.assignee : resolvePerson(patch.assignee, 'patch.assignee');
        const ticket = entry.ticket;
        if (patch.subject !== undefined) ticket.subject = patch.subject;
        if (patch.description === null) delete ticket.description;
        else if (patch.description !== undefined) ticket.description = patch.description;
        if (patch.type !== undefined) ticket.type = patch.type;
        if (patch.priority !== undefined) ticket.priority = priorityOf(patch.priority);
        if (assignee === null) delete ticket.assignee;
        else if (assignee !== undefined) ticket.assignee = assignee;
        if (patch.team === null) delete ticket.team;
        else if (patch.team !== undefined) ticket.team = { name: patch.team };
        if (patch.providerFields) Object.assign(ticket.customFields, patch.providerFields);
        ticket.updatedAt = stamp();
        return snapshot(entry);
      },
      list(rawQuery = {}) {
        let pageSizeAsked: number | undefined;
        if (typeof rawQuery === 'object' && rawQuery !== null && typeof rawQuery.pageSize === 'number') pageSizeAsked = rawQuery.pageSize;
        let query: z.output<typeof TicketQuerySchema>;
        try {
          query = parseInput(TicketQuerySchema, rawQuery, 'query', { provider });
        } catch (error) {
          return Paginator.failing(error);
        }
        return paginate(() => {
          const q = query;
          const types = q.type === undefined ? undefined : Array.isArray(q.type) ? q.type : [q.type];
          const since = q.updatedSince === undefined ? undefined : new Date(q.updatedSince).getTime();
          const all = [...tickets.values()]
            .map((entry) => entry.ticket)
            .filter((ticket) => q.requester === undefined || matchesPerson(ticket.requester, q.requester))
            .filter((ticket) => q.assignee === undefined || matchesPerson(ticket.assignee, q.assignee))
            .filter((ticket) => q.categories === undefined || q.categories.includes(ticket.status.category as never))
            .filter((ticket) => types === undefined || types.includes(ticket.type))
            .filter((ticket) => since === undefined || Date.parse(ticket.updatedAt) >= since)
            .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || Number(a.id) - Number(b.id));
          if (q.order !== 'updated_asc') all.reverse();
          return all.map((ticket) => structuredClone(ticket));
        }, pageSizeAsked ?? pageSize);
      },
      async transition(idOrKey, to, rawOptions = {}) {
        const id = idOf(idOrKey, 'idOrKey');
        const category = parseInput(StatusInputSchema, to, 'to', { provider });
        const opts = parseInput(TransitionOptionsSchema, rawOptions, 'options', { provider });
        checkLength(provider, 'options.comment', opts.comment, limits.comment, 'the limit for comments');
        const visibility = opts.commentVisibility ?? 'public';
        if (opts.comment && visibility === 'internal' && !capabilities.internalComments) {
          throw unsupported(provider, 'internalComments');
        }
        const entry = stored(id);
        if (entry.ticket.status.category !== category) setStatus(entry, category, stamp());
        if (opts.comment) addComment(entry, opts.comment, visibility);
        return snapshot(entry);
      },
      changes: (opts) => feed.changes(opts),
      watch: (opts) => feed.watch(opts),
    },
    comments: {
      list(ticketIdOrKey) {
        let id: string;
        try {
          id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        } catch (error) {
          return Paginator.failing(error);
        }
        return paginate(() => stored(id).comments.map((item) => structuredClone(item.comment)));
      },
      async add(ticketIdOrKey, rawComment, rawOptions) {
        const id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const comment = parseInput(CommentInputSchema, rawComment, 'comment', { provider });
        checkLength(provider, 'comment.body', comment.body, limits.comment, 'the limit for comments');
        const key = idempotencyKeyOf(provider, rawOptions, 'comments.add');
        if (comment.visibility === 'internal' && !capabilities.internalComments) {
          throw unsupported(provider, 'internalComments');
        }
        const entry = stored(id);
        const support = capabilities.commentIdempotency;
        const startedAt = new Date(stamp());
        const { record } = await idempotentWrite<StoredComment>({
          provider,
          operation: 'comments.add',
          support,
          key,
          lookupDelaysMs,
          async write() {
            touch();
            const added = addComment(entry, comment.body, comment.visibility);
            if (support === 'atomic') mark(added, key.key, added.comment.raw);
            loseAnswerOf('comments.add');
            if (support === 'after-write') mark(added, key.key, added.comment.raw);
            return added;
          },
          async find() {
            touch();
            return entry.comments.find((item) => item.marker === key.key);
          },
          howToFind: `look among the comments of ${entry.ticket.key} added at or after ${startedAt.toISOString()}`,
        });
        return structuredClone(record.comment);
      },
    },
    attachments: {
      list(ticketIdOrKey) {
        if (!capabilities.attachments) return failing(unsupported(provider, 'attachments'));
        let id: string;
        try {
          id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        } catch (error) {
          return Paginator.failing(error);
        }
        return paginate(() => stored(id).attachments.map((item) => structuredClone(item.meta)));
      },
      async upload(ticketIdOrKey, rawFile) {
        if (!capabilities.attachments) throw unsupported(provider, 'attachments');
        const id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const file = parseInput(FileInputSchema, rawFile, 'file', { provider });
        checkByteSize(provider, 'file.content', file.content, limits.attachmentBytes, 'the limit for attachments');
        const entry = stored(id);
        const bytes = await toBytes(file.content);
        const meta: Attachment = {
          provider,
          id: String(nextAttachment++),
          ticketId: entry.ticket.id,
          filename: file.filename,
          size: bytes.byteLength,
          contentType: file.contentType ?? 'application/octet-stream',
          createdAt: stamp(),
          raw: { filename: file.filename },
        };
        entry.attachments.push({ meta, bytes });
        entry.ticket.updatedAt = meta.createdAt!;
        return structuredClone(meta);
      },
      async download(ticketIdOrKey, attachmentId) {
        if (!capabilities.attachments) throw unsupported(provider, 'attachments');
        const id = idOf(ticketIdOrKey, 'ticketIdOrKey');
        const wanted = idOf(attachmentId, 'attachmentId');
        const found = stored(id).attachments.find((item) => item.meta.id === wanted);
        if (!found) throw notFound('attachment', wanted);
        return new Uint8Array(found.bytes);
      },
    },
    users: {
      all: users,
      async get(rawId) {
        const id = idOf(rawId, 'id');
        touch();
        const user = users.find((candidate) => candidate.id === id);
        if (!user) throw notFound('user', id);
        return structuredClone(user);
      },
      async findByEmail(rawEmail) {
        const email = parseInput(EmailSchema, rawEmail, 'email', { provider });
        const matches = usersByEmail(email);
        if (matches.length > 1) {
          throw new AmbiguousMatchError(`${matches.length} users have the email ${email}`, {
            provider,
            query: email,
            matchIds: matches.map((user) => user.id),
          });
        }
        return matches[0] ? structuredClone(matches[0]) : null;
      },
      search(text) {
        if (!capabilities.userSearch) return failing(unsupported(provider, 'userSearch'));
        const parsed = SearchTextSchema.safeParse(text);
        if (!parsed.success) return Paginator.failing(new InputError(`text ${parsed.error.issues[0]?.message ?? 'is invalid'}`, { provider, field: 'text' }));
        const needle = parsed.data.toLowerCase();
        return paginate(() =>
          users
            .filter((user) => `${user.name} ${user.email ?? ''}`.toLowerCase().includes(needle))
            .map((user) => structuredClone(user)),
        );
      },
    },
    catalog: {
      list(rawOptions) {
        try {
          parseInput(CatalogOptionsSchema, rawOptions ?? {}, 'options', { provider });
        } catch (error) {
          return Paginator.failing(error);
        }
        if (!capabilities.catalog) return failing(unsupported(provider, 'catalog'));
        return paginate(() => catalogItems.map((item) => structuredClone(item)));
      },
      async form(rawItemId) {
        const itemId = idOf(rawItemId, 'itemId');
        if (!capabilities.catalog) throw unsupported(provider, 'catalog');
        return structuredClone(await forms.get(itemId));
      },
      choices(rawItemId, rawFieldId, rawQuery) {
        let itemId: string;
        let fieldId: string;
        let query: ReturnType<typeof parseChoicesQuery>;
        try {
          itemId = idOf(rawItemId, 'itemId');
          fieldId = idOf(rawFieldId, 'fieldId');
          query = parseChoicesQuery(provider, rawQuery);
        } catch (error) {
          return Paginator.failing(error);
        }
        if (!capabilities.catalog) return failing(unsupported(provider, 'catalog'));
        return Paginator.defer(async () => {
          const form = await forms.get(itemId);
          const field = choiceField(provider, form, fieldId);
          if (field.kind === 'user') {
            return paginate(() => searchChoices(users.filter((user) => user.active).map((user) => ({ id: user.id, label: user.email === undefined ? user.name : `${user.name} (${user.email})` })), query.search));
          }
          if (!field.choicesOnDemand) return paginate(() => searchChoices(field.choices ?? [], query.search));
          const [parentId] = field.dependsOn ?? [];
          const parent = form.fields.find((candidate) => candidate.id === parentId);
          const answer = parentId === undefined ? undefined : query.answers[parentId];
          const parentChoice = typeof answer === 'string' ? (parent?.choices?.find((choice) => choice.id === answer || choice.label.toLowerCase() === answer.toLowerCase())?.id ?? answer) : undefined;
          return paginate(() => searchChoices(choicesOf(form, field.id, parentChoice), query.search));
        });
      },
      async submit(rawItemId, rawAnswers, rawOptions) {
        const itemId = idOf(rawItemId, 'itemId');
        const { forUser, key } = parseSubmitOptions(provider, rawOptions);
        if (!capabilities.catalog) throw unsupported(provider, 'catalog');
        const form = await forms.get(itemId);
        const answers = await checkFormAnswers(form, rawAnswers, {
          provider,
          choices: async (field, checked) => {
            const [parentId] = field.dependsOn ?? [];
            const parent = parentId === undefined ? undefined : checked.get(parentId);
            return choicesOf(form, field.id, parent?.kind === 'single_choice' ? parent.value.id : undefined);
          },
        });
        for (const answer of answers) {
          if (answer.kind === 'attachment' && !capabilities.attachments) throw unsupported(provider, 'attachments', `${answer.field.label} answers with files, and attachments are switched off`);
          if (answer.kind === 'attachment') for (const file of answer.value) checkByteSize(provider, `answers.${answer.field.id}`, file.content, limits.attachmentBytes, 'the limit for attachments');
          if (answer.kind === 'user') resolvePerson(answer.value, `answers.${answer.field.id}`);
        }
        const requester = resolvePerson(forUser, 'options.forUser');
        const support = capabilities.submitIdempotency;
        const startedAt = new Date(stamp());
        const description = answers.map((answer) => `${answer.field.label}: ${answerText(answer)}`).join('\n');
        const { record, how } = await idempotentWrite<StoredTicket>({
          provider,
          operation: 'catalog.submit',
          support,
          key,
          lookupDelaysMs,
          async write() {
            touch();
            const at = stamp();
            const id = String(nextTicket++);
            const ticket: Ticket = {
              provider,
              id,
              key: `MEM-${id}`,
              url: `${webUrl}/tickets/${id}`,
              type: 'service_request',
              subject: form.name,
              ...(description === '' ? {} : { description }),
              status: { category: 'open', native: { name: NATIVE_STATUS.open } },
              requester,
              createdAt: at,
              updatedAt: at,
              customFields: Object.fromEntries(answers.filter((answer) => answer.kind !== 'attachment').map((answer) => [answer.field.id, storedAnswer(answer)])),
              raw: { catalogItemId: itemId, answers: structuredClone(rawAnswers) },
            };
            const entry: StoredTicket = { ticket, marker: undefined, comments: [], attachments: [] };
            if (support === 'atomic') mark(entry, key.key, ticket.raw);
            tickets.set(id, entry);
            loseAnswerOf('catalog.submit');
            if (support === 'after-write') mark(entry, key.key, ticket.raw);
            return entry;
          },
          async find() {
            touch();
            return [...tickets.values()].find((entry) => entry.marker === key.key);
          },
          howToFind: `look for a ticket with the subject "${form.name}" for ${requester.name ?? requester.id} created at or after ${startedAt.toISOString()}`,
        });
        if (how !== 'existing') {
          for (const answer of answers) {
            if (answer.kind !== 'attachment') continue;
            for (const file of answer.value) {
              await afterCreate(provider, record.ticket, `attaching ${file.filename}`, () => connector.attachments.upload(record.ticket.id, file));
            }
          }
        }
        return snapshot(record);
      },
    },
    async verifyAccess() {
      touch();
      const active = users.filter((user) => user.active);
      return accessReport(provider, [
        { id: 'store', title: 'The in-memory store is reachable', status: 'pass' },
        active.length > 0
          ? { id: 'users', title: 'Users exist to raise tickets for', status: 'pass', detail: `${active.length} active users` }
          : { id: 'users', title: 'Users exist to raise tickets for', status: 'warn', detail: 'no active users', fix: 'Seed at least one active user.' },
      ]);
    },
  };
  return connector;
}

/** A checked answer as the in-memory ticket keeps it in `customFields`: a choice by its id. */
function storedAnswer(answer: CheckedAnswer): unknown {
  if (answer.kind === 'single_choice') return answer.value.id;
  if (answer.kind === 'multiple_choice') return answer.value.map((choice) => choice.id);
  return structuredClone(answer.value);
}

/** A paginator whose first page fails with the given error. */
function failing<T>(error: Error): Paginator<T> {
  return new Paginator<T>(async () => {
    throw error;
  });
}
