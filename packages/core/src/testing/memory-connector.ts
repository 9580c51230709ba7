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
  CreateTicketInputSchema,
  FileInputSchema,
  InputError,
  NotFoundError,
  Paginator,
  StatusCategorySchema,
  TicketQuerySchema,
  TransitionOptionsSchema,
  UpdateTicketInputSchema,
  accessReport,
  createChangeFeed,
  parseInput,
  resolvePersonInput,
  unsupported,
  type Attachment,
  type CatalogItem,
  type Comment,
  type ConnectorCapabilities,
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
import { z } from 'zod';

/** A user to seed the in-memory connector with. */
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

/** A catalog item to seed the in-memory connector with. */
export interface MemoryCatalogSeed {
  name: string;
  description?: string;
  category?: string;
}

/** Options of {@link createMemoryConnector}. */
export interface MemoryConnectorOptions {
  /** Provider id of the records. Default `memory`. */
  provider?: ProviderId;
  /** Users; default a small directory with one shared (ambiguous) email. */
  users?: MemoryUserSeed[];
  /** Catalog items; default a few common requests. */
  catalog?: MemoryCatalogSeed[];
  /** Switch capabilities off to see how callers cope. All are on by default. */
  capabilities?: Partial<ConnectorCapabilities>;
  /** Items per page of every list. Default 25. */
  pageSize?: number;
  /** The clock. Default `() => new Date()`. */
  now?: () => Date;
  /** Prefix of the links in `url` fields. Default `https://itsm.memory.invalid`. */
  webUrl?: string;
}

/** The in-memory connector, with the seed data it was built from. */
export interface MemoryConnector extends ItsmConnector {
  /** Every user it knows, as seeded. */
  readonly users: ItsmConnector['users'] & { readonly all: readonly User[] };
}

/** The directory used when no users are given. */
export const DEFAULT_MEMORY_USERS: readonly MemoryUserSeed[] = [
  { id: 'u-ann', name: 'Ann Lee', email: 'ann.lee@example.com' },
  { id: 'u-bob', name: 'Bob Smith', email: 'bob.smith@example.com' },
  { id: 'u-eve', name: 'Eve Agent', email: 'eve.agent@example.com', kind: 'agent' },
  { id: 'u-front-1', name: 'Front Desk', email: 'frontdesk@example.com' },
  { id: 'u-front-2', name: 'Front Desk (night)', email: 'frontdesk@example.com' },
  { id: 'u-gone', name: 'Gone Person', email: 'gone@example.com', active: false },
];

const DEFAULT_CATALOG: readonly MemoryCatalogSeed[] = [
  { name: 'New laptop', description: 'Request a laptop for a new or existing employee.', category: 'Hardware' },
  { name: 'Software installation', description: 'Ask for licensed software.', category: 'Software' },
  { name: 'Access to a shared mailbox', category: 'Access' },
];

const NATIVE_STATUS: Record<Exclude<StatusCategory, 'unknown'>, string> = {
  open: 'New',
  in_progress: 'In Progress',
  waiting_for_user: 'Waiting for User',
  resolved: 'Resolved',
  closed: 'Closed',
};

const EmailSchema = z.string().trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address');

interface StoredTicket {
  ticket: Ticket;
  comments: Comment[];
  attachments: { meta: Attachment; bytes: Uint8Array }[];
}

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
    ...options.capabilities,
  };

  const users: User[] = (options.users ?? DEFAULT_MEMORY_USERS).map((seed, index) => ({
    provider,
    id: seed.id ?? `u-${index + 1}`,
    ...(seed.email === undefined ? {} : { email: seed.email }),
    name: seed.name,
    active: seed.active ?? true,
    kind: seed.kind ?? 'employee',
    raw: { ...seed },
  }));
  const catalogItems: CatalogItem[] = (options.catalog ?? DEFAULT_CATALOG).map((seed, index) => ({
    provider,
    id: `c-${index + 1}`,
    name: seed.name,
    ...(seed.description === undefined ? {} : { description: seed.description }),
    ...(seed.category === undefined ? {} : { category: seed.category }),
    url: `${webUrl}/catalog/${index + 1}`,
    raw: { ...seed },
  }));
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

  function stored(idOrKey: string): StoredTicket {
    const found = tickets.get(idOrKey) ?? [...tickets.values()].find((entry) => entry.ticket.key === idOrKey);
    if (!found) throw notFound('ticket', idOrKey);
    return found;
  }

  function usersByEmail(email: string): User[] {
    const wanted = email.trim().toLowerCase();
    return users.filter((user) => user.email?.toLowerCase() === wanted);
  }

  function refOf(user: User): UserRef {
    return { id: user.id, name: user.name, ...(user.email === undefined ? {} : { email: user.email }) };
  }

  function resolvePerson(person: PersonInput, field: string): UserRef {
    const lookup = resolvePersonInput(person);
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
      const [id, offset] = cursor === undefined ? [String(nextSnapshot++), 0] : [cursor.split(':')[0]!, Number(cursor.split(':')[1])];
      if (cursor === undefined) snapshots.set(id, snapshot());
      const all = snapshots.get(id);
      if (!all || !Number.isInteger(offset)) throw new InputError(`cursor: ${cursor} is not a cursor of this list`, { provider, field: 'cursor' });
      const end = offset + size;
      if (end >= all.length) snapshots.delete(id);
      return { items: all.slice(offset, end), nextCursor: end < all.length ? `${id}:${end}` : undefined };
    });
  }

  function addComment(entry: StoredTicket, body: string, visibility: Comment['visibility']): Comment {
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
    entry.comments.push(comment);
    entry.ticket.updatedAt = at;
    return structuredClone(comment);
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
    tickets: {
      async get(idOrKey) {
        return snapshot(stored(idOrKey));
      },
      async create(rawInput) {
        const input = parseInput(CreateTicketInputSchema, rawInput, 'input');
        const requester = input.requester === undefined ? undefined : resolvePerson(input.requester, 'input.requester');
        const assignee = input.assignee === undefined ? undefined : resolvePerson(input.assignee, 'input.assignee');
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
        const entry: StoredTicket = { ticket, comments: [], attachments: [] };
        tickets.set(id, entry);
        if (input.status && input.status !== 'open') setStatus(entry, input.status, stamp());
        return snapshot(entry);
      },
      async update(idOrKey, rawPatch) {
        const patch = parseInput(UpdateTicketInputSchema, rawPatch, 'patch');
        const entry = stored(idOrKey);
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
        return paginate(() => {
          const q = parseInput(TicketQuerySchema, rawQuery, 'query');
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
        const category = parseInput(StatusCategorySchema.exclude(['unknown']), to, 'to');
        const opts = parseInput(TransitionOptionsSchema, rawOptions, 'options');
        const visibility = opts.commentVisibility ?? 'public';
        if (opts.comment && visibility === 'internal' && !capabilities.internalComments) {
          throw unsupported(provider, 'internalComments');
        }
        const entry = stored(idOrKey);
        if (entry.ticket.status.category !== category) setStatus(entry, category, stamp());
        if (opts.comment) addComment(entry, opts.comment, visibility);
        return snapshot(entry);
      },
      changes: (opts) => feed.changes(opts),
      watch: (opts) => feed.watch(opts),
    },
    comments: {
      list(ticketIdOrKey) {
        return paginate(() => stored(ticketIdOrKey).comments.map((comment) => structuredClone(comment)));
      },
      async add(ticketIdOrKey, rawComment) {
        const comment = parseInput(CommentInputSchema, rawComment, 'comment');
        if (comment.visibility === 'internal' && !capabilities.internalComments) {
          throw unsupported(provider, 'internalComments');
        }
        return addComment(stored(ticketIdOrKey), comment.body, comment.visibility);
      },
    },
    attachments: {
      list(ticketIdOrKey) {
        if (!capabilities.attachments) return failing(unsupported(provider, 'attachments'));
        return paginate(() => stored(ticketIdOrKey).attachments.map((item) => structuredClone(item.meta)));
      },
      async upload(ticketIdOrKey, rawFile) {
        if (!capabilities.attachments) throw unsupported(provider, 'attachments');
        const file = parseInput(FileInputSchema, rawFile, 'file');
        const entry = stored(ticketIdOrKey);
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
        const found = stored(ticketIdOrKey).attachments.find((item) => item.meta.id === attachmentId);
        if (!found) throw notFound('attachment', attachmentId);
        return new Uint8Array(found.bytes);
      },
    },
    users: {
      all: users,
      async get(id) {
        const user = users.find((candidate) => candidate.id === id);
        if (!user) throw notFound('user', id);
        return structuredClone(user);
      },
      async findByEmail(rawEmail) {
        const email = parseInput(EmailSchema, rawEmail, 'email');
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
        const needle = text.trim().toLowerCase();
        return paginate(() =>
          users
            .filter((user) => `${user.name} ${user.email ?? ''}`.toLowerCase().includes(needle))
            .map((user) => structuredClone(user)),
        );
      },
    },
    catalog: {
      list() {
        if (!capabilities.catalog) return failing(unsupported(provider, 'catalog'));
        return paginate(() => catalogItems.map((item) => structuredClone(item)));
      },
    },
    async verifyAccess() {
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

/** A paginator whose first page fails with the given error. */
function failing<T>(error: Error): Paginator<T> {
  return new Paginator<T>(async () => {
    throw error;
  });
}
