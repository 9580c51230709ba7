/**
 * `@itsm/core/conformance`: the conformance kit, a vitest suite of the behaviours every
 * {@link ItsmConnector} must have. Provider packages run it against their connector and a sandbox;
 * authors of other connectors run it against theirs.
 *
 * ESM only, and for vitest only: the suite registers itself with vitest's `describe`/`it`, and vitest
 * cannot be loaded with `require()`. What works without vitest (the in-memory connector, the
 * error-surface probe) is in `@itsm/core/testing`.
 *
 * @packageDocumentation
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccessReportSchema,
  AmbiguousMatchError,
  AttachmentSchema,
  CatalogItemSchema,
  CommentSchema,
  InputError,
  NotFoundError,
  TicketSchema,
  UnsupportedError,
  UserSchema,
  type ItsmConnector,
  type StatusCategory,
  type Ticket,
} from '@itsm/core';
import { describeBadInput } from './bad-input.js';
import { describeCatalogForms } from './catalog-forms.js';
import { expectRejection, sleep, type ConformanceFixture, type SuiteContext } from './context.js';
import { describeIdempotency } from './idempotency.js';

export type { CatalogFormFixture, ConformanceFixture, LosableWrite } from './context.js';

/**
 * Options of {@link describeConnectorConformance}.
 *
 * @category Conformance
 */
export interface ConformanceOptions {
  /** Name of the suite, e.g. `jira-cloud connector`. */
  name: string;
  /** Builds the connector and its data (e.g. starts a sandbox). Runs once before the suite. */
  setup: () => Promise<ConformanceFixture>;
  /** Releases what `setup` made (e.g. closes the sandbox). */
  teardown?: () => Promise<void>;
  /**
   * How long `changes()` and lists may take to show a new update (search indexes lag), in
   * milliseconds. Default 10 000.
   */
  changesSettleMs?: number;
  /** Per-test timeout in milliseconds. Default 30 000. */
  testTimeoutMs?: number;
  /**
   * Status categories the fixture's workflow has no status for, such as `closed` in an Autotask
   * tenant whose only done status is Complete. The workflow test leaves them out of its path and
   * expects `transition()` to each of them to throw `UnsupportedError`. Default: none (every
   * category must be reachable).
   */
  unreachableCategories?: readonly StatusCategory[];
}

const FORWARD_PATH: StatusCategory[] = ['in_progress', 'waiting_for_user', 'in_progress', 'resolved', 'open', 'resolved', 'closed'];

/**
 * Registers the conformance suite with vitest. Call it at the top level of a test file.
 *
 * @param options - How to build the connector and what data it has.
 * @example
 * ```ts
 * import { describeConnectorConformance } from '@itsm/core/conformance';
 * import { createFetchProbe } from '@itsm/core/testing';
 * import { startSandbox } from '@itsm/sandbox';
 * import { createJiraConnector } from '@itsm/jira-cloud';
 *
 * let sandbox: Awaited<ReturnType<typeof startSandbox>>;
 * describeConnectorConformance({
 *   name: 'jira-cloud connector',
 *   setup: async () => {
 *     sandbox = await startSandbox({ providers: ['jira-cloud'] });
 *     const probe = createFetchProbe();
 *     return {
 *       connector: createJiraConnector({ ...sandbox.connectorOptions('jira-cloud'), fetch: probe.fetch }),
 *       requesterEmail: 'ann.lee@example.com',
 *       ambiguousEmail: 'shared@example.com',
 *       missingTicketId: 'HELP-999999',
 *       missingUserId: 'no-such-user',
 *       catalogForm: { itemId: '3', answers: { summary: 'A new laptop', customfield_10030: 'Laptop' } },
 *       loseNextAnswer: (write) => probe.loseNextAnswer(write === 'comments.add'
 *         ? { method: 'POST', path: /^\/rest\/api\/3\/issue\/[^/]+\/comment$/ }
 *         : { method: 'POST', path: '/rest/servicedeskapi/request' }),
 *       requestCount: () => probe.requests.length,
 *     };
 *   },
 *   teardown: () => sandbox.close(),
 * });
 * ```
 *
 * @category Conformance
 */
export function describeConnectorConformance(options: ConformanceOptions): void {
  const settleMs = options.changesSettleMs ?? 10_000;
  const timeout = options.testTimeoutMs ?? 30_000;

  describe(options.name, { timeout }, () => {
    let fixture: ConformanceFixture;
    let connector: ItsmConnector;
    /** The requester's id: tickets are compared by it, since a provider may hide emails. */
    let requesterId: string;
    const stamp = `conformance-${Date.now().toString(36)}`;

    const suite: SuiteContext = {
      get fixture() {
        return fixture;
      },
      get connector() {
        return connector;
      },
      stamp,
      settleMs,
    };

    beforeAll(async () => {
      fixture = await options.setup();
      connector = fixture.connector;
      const requester = await connector.users.findByEmail(fixture.requesterEmail);
      if (!requester) throw new Error(`the fixture's requesterEmail ${fixture.requesterEmail} matches no user`);
      requesterId = requester.id;
    }, timeout);

    afterAll(async () => {
      await options.teardown?.();
    }, timeout);

    async function createTicket(subject: string): Promise<Ticket> {
      return connector.tickets.create({
        subject: `${stamp} ${subject}`,
        description: `Created by the conformance suite.\nSecond line.`,
        requester: fixture.requesterEmail,
      });
    }

    it('declares its provider and capabilities', () => {
      expect(typeof connector.provider).toBe('string');
      for (const key of ['catalog', 'attachments', 'internalComments', 'userSearch'] as const) {
        expect(typeof connector.capabilities[key]).toBe('boolean');
      }
    });

    describe('tickets', () => {
      it('creates a ticket that fits the model and reads it back by id and by key', async () => {
        const created = await createTicket('create and get');
        expect(TicketSchema.parse(created)).toBeTruthy();
        expect(created.provider).toBe(connector.provider);
        expect(created.subject).toBe(`${stamp} create and get`);
        expect(created.description ?? '').toContain('Created by the conformance suite.');
        expect(created.requester?.id).toBe(requesterId);
        expect(created.status.category).toBe('open');
        expect(created.raw).toBeDefined();
        const byId = await connector.tickets.get(created.id);
        const byKey = await connector.tickets.get(created.key);
        expect(byId.id).toBe(created.id);
        expect(byKey.id).toBe(created.id);
        expect(byId.subject).toBe(created.subject);
      });

      it('creates an already-solved ticket when the input asks for a status', async () => {
        const solved = await connector.tickets.create({
          subject: `${stamp} solved by the bot`,
          requester: fixture.requesterEmail,
          status: 'resolved',
        });
        expect(solved.status.category).toBe('resolved');
        expect((await connector.tickets.get(solved.id)).status.category).toBe('resolved');
      });

      it('rejects bad input with an InputError naming the field', async () => {
        const error = await expectRejection(connector.tickets.create({ subject: '' }), InputError);
        expect(error.field).toMatch(/subject$/);
        const unknown = await expectRejection(
          connector.tickets.create({ subject: 'x', sujbect: 'typo' } as unknown as { subject: string }),
          InputError,
        );
        expect(unknown.field).toMatch(/sujbect$/);
      });

      it('updates the fields given and keeps the others', async () => {
        const created = await createTicket('update me');
        const updated = await connector.tickets.update(created.id, { subject: `${stamp} updated`, priority: 'high' });
        expect(updated.subject).toBe(`${stamp} updated`);
        expect(updated.priority?.level).toBe('high');
        expect(updated.requester?.id).toBe(created.requester?.id);
        const reread = await connector.tickets.get(created.id);
        expect(reread.subject).toBe(`${stamp} updated`);
        expect(Date.parse(reread.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
        await expectRejection(connector.tickets.update(created.id, {}), InputError);
      });

      it('lists tickets with filters that all hold', async () => {
        const created = await createTicket('list me');
        const since = new Date(Date.parse(created.createdAt) - 60_000);
        const mine = await connector.tickets
          .list({ requester: fixture.requesterEmail, categories: ['open'], updatedSince: since })
          .toArray({ limit: 500 });
        expect(mine.map((ticket) => ticket.id)).toContain(created.id);
        for (const ticket of mine) {
          expect(TicketSchema.parse(ticket)).toBeTruthy();
          expect(ticket.requester?.id).toBe(requesterId);
          expect(ticket.status.category).toBe('open');
          expect(Date.parse(ticket.updatedAt)).toBeGreaterThanOrEqual(since.getTime());
        }
        const resolvedOnly = await connector.tickets.list({ categories: ['resolved', 'closed'] }).take(50).toArray({ limit: 50 });
        for (const ticket of resolvedOnly) expect(['resolved', 'closed']).toContain(ticket.status.category);
        const incidents = await connector.tickets.list({ type: 'incident' }).take(20).toArray({ limit: 20 });
        for (const ticket of incidents) expect(ticket.type).toBe('incident');
      });

      it('rejects a bad query with an InputError naming the field', async () => {
        const error = await expectRejection(
          connector.tickets.list({ categories: ['pending' as never] }).toArray({ limit: 1 }),
          InputError,
        );
        expect(error.field).toMatch(/categories/);
      });

      it('moves a ticket through every category, reopening it on the way', async () => {
        const unreachable = options.unreachableCategories ?? [];
        const path = FORWARD_PATH.filter((category) => !unreachable.includes(category));
        const ticket = await createTicket('workflow');
        for (const category of path) {
          const moved = await connector.tickets.transition(ticket.id, category);
          expect(moved.status.category, `after transition to ${category}`).toBe(category);
          expect(moved.status.native.name.length).toBeGreaterThan(0);
        }
        const last = await connector.tickets.get(ticket.id);
        expect(last.status.category).toBe(path.at(-1));
        for (const category of unreachable) {
          await expectRejection(connector.tickets.transition(ticket.id, category), UnsupportedError);
        }
        expect((await connector.tickets.get(ticket.id)).status.category).toBe(path.at(-1));
      });

      it('treats a transition to the current category as a no-op', async () => {
        const ticket = await createTicket('no-op transition');
        const same = await connector.tickets.transition(ticket.id, 'open');
        expect(same.status.category).toBe('open');
      });

      it('throws NotFoundError for a ticket that does not exist', async () => {
        await expectRejection(connector.tickets.get(fixture.missingTicketId), NotFoundError);
        await expectRejection(connector.tickets.update(fixture.missingTicketId, { subject: 'x' }), NotFoundError);
        await expectRejection(connector.comments.add(fixture.missingTicketId, { body: 'x' }), NotFoundError);
      });
    });

    describe('comments', () => {
      it('adds public and internal comments and lists them with their visibility', async () => {
        const ticket = await createTicket('comments');
        const visible = await connector.comments.add(ticket.id, { body: 'Public reply' });
        expect(CommentSchema.parse(visible)).toBeTruthy();
        expect(visible.visibility).toBe('public');
        expect(visible.body).toContain('Public reply');
        if (connector.capabilities.internalComments) {
          const hidden = await connector.comments.add(ticket.id, { body: 'Internal note', visibility: 'internal' });
          expect(hidden.visibility).toBe('internal');
        } else {
          await expectRejection(connector.comments.add(ticket.id, { body: 'Internal note', visibility: 'internal' }), UnsupportedError);
        }
        const listed = await connector.comments.list(ticket.id).toArray({ limit: 100 });
        const byBody = new Map(listed.map((comment) => [comment.body.trim(), comment]));
        expect(byBody.get('Public reply')?.visibility).toBe('public');
        if (connector.capabilities.internalComments) expect(byBody.get('Internal note')?.visibility).toBe('internal');
        await expectRejection(connector.comments.add(ticket.id, { body: '' }), InputError);
      });
    });

    describe('changes()', () => {
      it('returns every new ticket version once and never again', async () => {
        const start = new Date(Date.now() - 1_000);
        const delivered = new Set<string>();
        const pull = async (cursor: string): Promise<{ cursor: string; tickets: Ticket[] }> => {
          const result = await connector.tickets.changes({ cursor });
          for (const ticket of result.tickets) {
            const version = `${ticket.id}@${ticket.updatedAt}`;
            expect(delivered.has(version), `version ${version} delivered twice`).toBe(false);
            delivered.add(version);
          }
          return result;
        };
        let { cursor } = await connector.tickets.changes({ since: start });
        const ticket = await createTicket('changes');
        const updated = await connector.tickets.update(ticket.id, { subject: `${stamp} changes, updated` });
        const deadline = Date.now() + settleMs;
        while (!delivered.has(`${updated.id}@${updated.updatedAt}`)) {
          if (Date.now() > deadline) throw new Error(`changes() did not return ${updated.key}@${updated.updatedAt} within ${settleMs} ms`);
          ({ cursor } = await pull(cursor));
          if (!delivered.has(`${updated.id}@${updated.updatedAt}`)) await sleep(250);
        }
        const again = await pull(cursor);
        expect(again.tickets.map((t) => `${t.id}@${t.updatedAt}`)).not.toContain(`${updated.id}@${updated.updatedAt}`);
      });

      it('hands out changes in batches of at most `limit`, without loss or duplicates', async () => {
        let { cursor } = await connector.tickets.changes({ since: new Date(Date.now() - 1_000) });
        const first = await createTicket('batch one');
        const second = await createTicket('batch two');
        const wanted = new Set([first.id, second.id]);
        const delivered: string[] = [];
        const deadline = Date.now() + settleMs;
        while ([...wanted].some((id) => !delivered.includes(id))) {
          if (Date.now() > deadline) throw new Error(`changes({ limit: 1 }) did not return ${first.key} and ${second.key} within ${settleMs} ms`);
          const batch = await connector.tickets.changes({ cursor, limit: 1 });
          expect(batch.tickets.length).toBeLessThanOrEqual(1);
          delivered.push(...batch.tickets.map((ticket) => `${ticket.id}`));
          cursor = batch.cursor;
          if (batch.tickets.length === 0) await sleep(250);
        }
        const ours = delivered.filter((id) => wanted.has(id));
        expect(ours.sort()).toEqual([...wanted].sort());
      });

      it('rejects a cursor it did not issue', async () => {
        const error = await expectRejection(connector.tickets.changes({ cursor: 'not-a-cursor' }), InputError);
        expect(error.field).toMatch(/cursor/);
      });
    });

    describe('users', () => {
      it('finds the user behind an email, case-insensitively, and reads them by id', async () => {
        const user = await connector.users.findByEmail(fixture.requesterEmail.toUpperCase());
        expect(user).not.toBeNull();
        expect(UserSchema.parse(user)).toBeTruthy();
        expect(user?.email?.toLowerCase()).toBe(fixture.requesterEmail.toLowerCase());
        const again = await connector.users.get(user!.id);
        expect(again.id).toBe(user!.id);
      });

      it('returns null for an email nobody has', async () => {
        expect(await connector.users.findByEmail(`nobody-${stamp}@example.invalid`)).toBeNull();
      });

      it('throws AmbiguousMatchError when several users share an email', async () => {
        if (!fixture.ambiguousEmail) return; // the provider enforces unique emails
        const error = await expectRejection(connector.users.findByEmail(fixture.ambiguousEmail), AmbiguousMatchError);
        expect(error.matchIds.length).toBeGreaterThan(1);
      });

      it('rejects a malformed email with an InputError', async () => {
        await expectRejection(connector.users.findByEmail('not an email'), InputError);
      });

      it('throws NotFoundError for a user that does not exist', async () => {
        await expectRejection(connector.users.get(fixture.missingUserId), NotFoundError);
      });

      it('searches users by name, or says it cannot', async () => {
        const user = await connector.users.findByEmail(fixture.requesterEmail);
        const word = (user?.name ?? '').split(/\s+/)[0] ?? '';
        const search = connector.users.search(word).toArray({ limit: 100 });
        if (!connector.capabilities.userSearch) {
          await expectRejection(search, UnsupportedError);
          return;
        }
        expect((await search).map((found) => found.id)).toContain(user?.id);
      });
    });

    describe('attachments', () => {
      it('uploads, lists and downloads a file, or says it cannot', async () => {
        const ticket = await createTicket('attachments');
        const content = new TextEncoder().encode(`hello from ${stamp}\n`);
        const upload = connector.attachments.upload(ticket.id, { filename: 'hello.txt', content, contentType: 'text/plain' });
        if (!connector.capabilities.attachments) {
          await expectRejection(upload, UnsupportedError);
          return;
        }
        const attachment = await upload;
        expect(AttachmentSchema.parse(attachment)).toBeTruthy();
        expect(attachment.filename).toBe('hello.txt');
        const listed = await connector.attachments.list(ticket.id).toArray({ limit: 50 });
        expect(listed.map((item) => item.id)).toContain(attachment.id);
        const bytes = await connector.attachments.download(ticket.id, attachment.id);
        expect(new TextDecoder().decode(bytes)).toBe(new TextDecoder().decode(content));
      });
    });

    describe('catalog', () => {
      it('lists catalog items with links, or says it cannot', async () => {
        const listing = connector.catalog.list().toArray({ limit: 200 });
        if (!connector.capabilities.catalog) {
          await expectRejection(listing, UnsupportedError);
          return;
        }
        const items = await listing;
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) expect(CatalogItemSchema.parse(item)).toBeTruthy();
      });
    });

    describeCatalogForms(suite);
    describeBadInput(suite);
    describeIdempotency(suite);

    it('reports on its access with checks that fit the model', async () => {
      const report = await connector.verifyAccess();
      expect(AccessReportSchema.parse(report)).toBeTruthy();
      expect(report.provider).toBe(connector.provider);
      expect(report.checks.length).toBeGreaterThan(0);
      for (const check of report.checks) {
        if (check.status !== 'pass') expect(check.fix, `check ${check.id} needs a fix`).toBeTruthy();
      }
    });
  });
}
