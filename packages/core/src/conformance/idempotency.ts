/**
 * The reliability part of the conformance suite: idempotency keys and writes whose answer was lost.
 * A create (or a comment) whose answer is lost yields the record or a typed outcome-unknown error,
 * never a duplicate; the same key never makes a second record. What is asked depends on what the
 * connector declares in `capabilities.createIdempotency` and `commentIdempotency`.
 *
 * @module
 */
import { describe, expect, it } from 'vitest';
import { ItsmError, OutcomeUnknownError, TicketSchema, UnsupportedError, type Comment, type Ticket } from '@itsm/core';
import { expectRejection, settledCount, ticketsWithSubject, type SuiteContext } from './context.js';

/**
 * Registers the idempotency tests.
 *
 * @param suite - The suite's shared state.
 */
export function describeIdempotency(suite: SuiteContext): void {
  /** Creates a ticket for the fixture's requester, with options. */
  function create(subject: string, options?: { idempotencyKey?: string }): Promise<Ticket> {
    return suite.connector.tickets.create({ subject: `${suite.stamp} ${subject}`, requester: suite.fixture.requesterEmail }, options);
  }

  /** How many tickets have this subject: once the lists had time to show a new one, or (`now`) as they are. */
  function countTickets(subject: string, since: Date, when: 'settled' | 'now' = 'settled'): Promise<number> {
    const { connector, fixture, stamp, settleMs } = suite;
    const count = async () => (await ticketsWithSubject(connector, fixture.requesterEmail, `${stamp} ${subject}`, since)).length;
    return when === 'now' ? count() : settledCount(count, 1, settleMs);
  }

  /** How many comments of a ticket have this body. */
  async function countComments(ticketId: string, body: string): Promise<number> {
    const comments: Comment[] = await suite.connector.comments.list(ticketId).toArray({ limit: 1_000 });
    return comments.filter((comment) => comment.body.trim() === body).length;
  }

  /** Checks an error of a write whose answer was lost: outcome unknown, with the key and what to do. */
  function expectOutcomeUnknown(error: unknown, key: string | undefined): void {
    expect(error, 'a lost answer must give an OutcomeUnknownError').toBeInstanceOf(OutcomeUnknownError);
    const unknown = error as OutcomeUnknownError;
    expect(unknown.outcome).toBe('unknown');
    expect(unknown.provider).toBe(suite.connector.provider);
    expect(unknown.recovery.length).toBeGreaterThan(0);
    if (key !== undefined) expect(unknown.idempotencyKey).toBe(key);
  }

  describe('idempotency and lost answers', () => {
    it('declares how it keeps idempotency keys', () => {
      for (const key of ['createIdempotency', 'commentIdempotency', 'submitIdempotency'] as const) {
        expect(['atomic', 'after-write', 'none']).toContain(suite.connector.capabilities[key]);
      }
    });

    it('never makes a second ticket for the same idempotency key', async () => {
      const key = `${suite.stamp}-same-ticket`;
      if (suite.connector.capabilities.createIdempotency === 'none') {
        await expectRejection(create('same key', { idempotencyKey: key }), UnsupportedError);
        return;
      }
      const since = new Date(Date.now() - 60_000);
      const first = await create('same key', { idempotencyKey: key });
      const second = await create('same key, sent again', { idempotencyKey: key });
      expect(second.id).toBe(first.id);
      expect(TicketSchema.parse(second)).toBeTruthy();
      expect(await countTickets('same key', since)).toBe(1);
      expect(await countTickets('same key, sent again', since, 'now')).toBe(0);
    });

    it('never adds a second comment for the same idempotency key', async () => {
      const ticket = await create('same comment key');
      const key = `${suite.stamp}-same-comment`;
      if (suite.connector.capabilities.commentIdempotency === 'none') {
        await expectRejection(suite.connector.comments.add(ticket.id, { body: 'Once' }, { idempotencyKey: key }), UnsupportedError);
        return;
      }
      const first = await suite.connector.comments.add(ticket.id, { body: 'Once' }, { idempotencyKey: key });
      const second = await suite.connector.comments.add(ticket.id, { body: 'Once, again' }, { idempotencyKey: key });
      expect(second.id).toBe(first.id);
      expect(await countComments(ticket.id, 'Once')).toBe(1);
      expect(await countComments(ticket.id, 'Once, again')).toBe(0);
    });

    it('a create whose answer is lost gives the ticket or an outcome-unknown error, never a duplicate', async () => {
      const support = suite.connector.capabilities.createIdempotency;
      const key = support === 'none' ? undefined : `${suite.stamp}-lost-create`;
      const since = new Date(Date.now() - 60_000);
      suite.fixture.loseNextAnswer('tickets.create');
      const result = await create('lost answer', key === undefined ? undefined : { idempotencyKey: key }).then(
        (ticket) => ({ ticket }),
        (error: unknown) => ({ error }),
      );
      if (support === 'atomic') {
        expect('ticket' in result, `the lost answer was not recovered: ${'error' in result ? String(result.error) : ''}`).toBe(true);
        const ticket = (result as { ticket: Ticket }).ticket;
        expect(ticket.subject).toBe(`${suite.stamp} lost answer`);
        const again = await create('lost answer', { idempotencyKey: key as string });
        expect(again.id).toBe(ticket.id);
      } else {
        expect('error' in result, 'the answer was lost, yet the call gave a ticket it could not have read').toBe(true);
        expectOutcomeUnknown((result as { error: unknown }).error, key);
      }
      expect(await countTickets('lost answer', since)).toBe(1);
    });

    it('a create without a key whose answer is lost is recovered where keys are kept with the write', async () => {
      const since = new Date(Date.now() - 60_000);
      suite.fixture.loseNextAnswer('tickets.create');
      const result = await create('lost answer, no key').then((ticket) => ({ ticket }), (error: unknown) => ({ error }));
      if (suite.connector.capabilities.createIdempotency === 'atomic') {
        expect('ticket' in result, `the lost answer was not recovered: ${'error' in result ? String(result.error) : ''}`).toBe(true);
      } else {
        expect('error' in result).toBe(true);
        expect((result as { error: unknown }).error).toBeInstanceOf(ItsmError);
        expect(((result as { error: ItsmError }).error).outcome).toBe('unknown');
      }
      expect(await countTickets('lost answer, no key', since)).toBe(1);
    });

    it('a comment whose answer is lost gives the comment or an outcome-unknown error, never a duplicate', async () => {
      const support = suite.connector.capabilities.commentIdempotency;
      const ticket = await create('lost comment answer');
      const key = support === 'none' ? undefined : `${suite.stamp}-lost-comment`;
      suite.fixture.loseNextAnswer('comments.add');
      const result = await suite.connector.comments
        .add(ticket.id, { body: 'Lost answer' }, key === undefined ? undefined : { idempotencyKey: key })
        .then((comment) => ({ comment }), (error: unknown) => ({ error }));
      if (support === 'atomic') {
        expect('comment' in result, `the lost answer was not recovered: ${'error' in result ? String(result.error) : ''}`).toBe(true);
        const again = await suite.connector.comments.add(ticket.id, { body: 'Lost answer' }, { idempotencyKey: key as string });
        expect(again.id).toBe((result as { comment: Comment }).comment.id);
      } else {
        expect('error' in result).toBe(true);
        expectOutcomeUnknown((result as { error: unknown }).error, key);
      }
      expect(await countComments(ticket.id, 'Lost answer')).toBe(1);
    });
  });
}
