/**
 * What the parts of the conformance suite share: the fixture (once `setup` ran), the suite's stamp,
 * and helpers every part uses.
 *
 * @internal
 * @module
 */
import { expect } from 'vitest';
import type { FormAnswers, ItsmConnector, Ticket } from '@itsm/core';

/**
 * The writes whose answer a fixture can lose.
 *
 * @category Conformance
 */
export type LosableWrite = 'tickets.create' | 'comments.add' | 'catalog.submit';

/**
 * A catalog item the suite reads and submits, with answers that fit its form.
 *
 * @category Conformance
 */
export interface CatalogFormFixture {
  /** The catalog item's id. */
  itemId: string;
  /**
   * Answers that fit the item's form, as a bot would give them. The form must have a required field
   * (without a default) and a text, number, date or tick-box field: the suite breaks those to check
   * that bad answers are refused.
   */
  answers: FormAnswers;
  /** The employee the suite raises requests for. Default: the fixture's `requesterEmail`. */
  forUser?: string;
}

/**
 * What the suite needs to know about the data behind the connector.
 *
 * @category Conformance
 */
export interface ConformanceFixture {
  /** The connector under test. */
  connector: ItsmConnector;
  /** Email of an existing, active user who can be a ticket's requester. */
  requesterEmail: string;
  /**
   * An email address that two or more users share. Omit it where the provider enforces unique
   * emails; the ambiguity test then checks nothing and says so in its name.
   */
  ambiguousEmail?: string;
  /** A ticket id that does not exist. */
  missingTicketId: string;
  /** A user id that does not exist. */
  missingUserId: string;
  /** The catalog item whose form the suite reads and submits. Required when `capabilities.catalog` is true. */
  catalogForm?: CatalogFormFixture;
  /**
   * Arms a fault: the connector's next `write` reaches the service and is applied, but its answer is
   * lost (the connector sees a connection reset). With `createFetchProbe()` from `@itsm/core/testing`
   * given as the client's `fetch`, it is `probe.loseNextAnswer({ method: 'POST', path })` with the
   * path of the provider's create (or comment, or catalog submit) endpoint; the in-memory connector has
   * `connector.faults.loseNextAnswer(write)`.
   */
  loseNextAnswer(write: LosableWrite): void;
  /**
   * How many requests the connector has sent so far (`probe.requests.length` of a fetch probe;
   * `connector.requests` of the in-memory connector). The suite checks that bad input sends none.
   */
  requestCount(): number;
}

/** The suite's shared state and helpers, for its parts. */
export interface SuiteContext {
  /** The fixture `setup` returned. */
  readonly fixture: ConformanceFixture;
  /** The connector under test. */
  readonly connector: ItsmConnector;
  /** A prefix unique to this run, put in every subject the suite writes. */
  readonly stamp: string;
  /** How long a new write may take to show in lists, in ms. */
  readonly settleMs: number;
}

/**
 * Expects `promise` to reject with an instance of `errorClass`, and returns the error.
 *
 * @param promise - The call.
 * @param errorClass - The class expected.
 */
export async function expectRejection<E>(promise: Promise<unknown>, errorClass: abstract new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(errorClass);
    return error as E;
  }
  throw new Error(`expected a ${errorClass.name}, but the call succeeded`);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `count()` reaches at least `atLeast` or `settleMs` pass, and returns the last count:
 * lists show a new record only once the provider's search index has it.
 *
 * @param count - Counts the records of interest.
 * @param atLeast - The count to wait for.
 * @param settleMs - The longest wait.
 */
export async function settledCount(count: () => Promise<number>, atLeast: number, settleMs: number): Promise<number> {
  const deadline = Date.now() + settleMs;
  for (;;) {
    const seen = await count();
    if (seen >= atLeast || Date.now() > deadline) return seen;
    await sleep(250);
  }
}

/**
 * The tickets of a requester updated since `since` whose subject is `subject`.
 *
 * @param connector - The connector.
 * @param requesterEmail - The requester.
 * @param subject - The exact subject.
 * @param since - A lower bound of their last update.
 */
export async function ticketsWithSubject(connector: ItsmConnector, requesterEmail: string, subject: string, since: Date): Promise<Ticket[]> {
  const tickets = await connector.tickets.list({ requester: requesterEmail, updatedSince: since }).toArray({ limit: 1_000 });
  return tickets.filter((ticket) => ticket.subject === subject);
}
