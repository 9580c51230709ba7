// A bot that turns each chat message into one ticket, however often it is retried: the create carries
// an idempotency key made from the message id, so a retry after a timeout, a reset connection or a
// crash returns the ticket the first attempt made instead of making a second one. docs/errors.md
// shows the same function; examples/test/safe-create.test.ts runs it against the sandbox.
import { ItsmError, OutcomeUnknownError, RateLimitError, type ItsmConnector, type Ticket } from '@itsm/core';
import { setTimeout as sleep } from 'node:timers/promises';

/** A chat message that asks for help. */
export interface ChatRequest {
  /** The chat system's id of the message: stable across retries and restarts. */
  messageId: string;
  /** The person who wrote it. */
  email: string;
  /** What they asked. */
  text: string;
}

/** Options of {@link raiseTicketOnce}. */
export interface RaiseOptions {
  /** How many times to try in all. Default 5. */
  attempts?: number;
  /** Waits between attempts (tests pass a fake). Default: a real wait. */
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * Whether a failed create may be sent again with the same idempotency key: when nothing was applied
 * and the cause may pass (a rate limit, a refused connection), or when the outcome is unknown and the
 * connector keeps keys with the create itself, so the key finds what the first attempt made.
 */
export function safeToRetry(connector: ItsmConnector, error: unknown): boolean {
  if (!(error instanceof ItsmError)) return false; // a bug: let it through
  if (error.outcome === 'unknown') return error instanceof OutcomeUnknownError && connector.capabilities.createIdempotency === 'atomic';
  if (error.outcome !== 'not_applied') return false; // applied: the ticket exists
  return error instanceof RateLimitError || error.name === 'ConnectionError' || error.name === 'BudgetExceededError';
}

/** Raises the ticket of a chat message, once, retrying what is safe to retry. */
export async function raiseTicketOnce(connector: ItsmConnector, chat: ChatRequest, options: RaiseOptions = {}): Promise<Ticket> {
  const { attempts = 5, wait = sleep } = options;
  const idempotencyKey = `chat-${chat.messageId}`; // the same key on every attempt, in every process
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await connector.tickets.create({ subject: chat.text, requester: chat.email }, { idempotencyKey });
    } catch (error) {
      if (attempt >= attempts || !safeToRetry(connector, error)) throw error;
      await wait(error instanceof RateLimitError && error.retryAfterMs !== undefined ? error.retryAfterMs : 1_000 * 2 ** attempt);
    }
  }
}
