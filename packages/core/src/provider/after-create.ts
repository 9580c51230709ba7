/**
 * {@link afterCreate}: a step after a ticket was created that, if it fails, must say so.
 *
 * @module
 */
import { IncompleteCreateError, type ProviderId, type Ticket } from '@itsm/core';

/**
 * Runs a step after a ticket was created (moving it to `input.status`, setting what the create call
 * cannot carry, reading it back). When the step fails, the failure is wrapped in an
 * `IncompleteCreateError` that carries the ticket, so that nobody creates it again.
 *
 * @param provider - The provider, set on the error.
 * @param ticket - The ticket as created: at least its id and key.
 * @param step - The step, completing "… was created, but <step> failed", e.g. `moving it to resolved`.
 * @param run - The step.
 * @returns What the step returned.
 * @throws `IncompleteCreateError` when the step fails; its `cause` is the step's error.
 * @example
 * ```ts
 * declare function transition(id: string): Promise<void>;
 * const created = { id: '10001', key: 'HELP-7' };
 * await afterCreate('jira-cloud', created, 'moving it to resolved', () => transition(created.id));
 * ```
 *
 * @category Idempotency
 */
export async function afterCreate<T>(
  provider: ProviderId,
  ticket: Pick<Ticket, 'id' | 'key'> & Partial<Ticket>,
  step: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (failure) {
    throw new IncompleteCreateError({ provider, ticket, step, failure });
  }
}
