/**
 * What happens to one request inside the sandbox: the first matching fault rule (delay, reset,
 * replacement answer), then the simulator, then the fault's header and body overrides. A simulator
 * that throws gets a 500 with the message; one that throws {@link SimResponseError} gets its answer.
 *
 * @module
 */
import { setTimeout as delay } from 'node:timers/promises';
import { errorMessage } from './errors.js';
import type { FaultInjector } from './faults.js';
import type { ProviderId } from './provider-id.js';
import { encodeResponse, overrideResponse } from './response.js';
import { internalError, type Dispatch, type Outcome } from './server.js';
import { SimResponseError, type AnySimulator, type SimRequest, type SimResponse } from './simulator.js';

/** A running simulator: its definition and what the sandbox keeps for it. */
export interface ProviderRuntime {
  /** The provider id. */
  readonly provider: ProviderId;
  /** The simulator. */
  readonly simulator: AnySimulator;
  /** The credentials it accepts. */
  readonly credentials: object;
  /** The sandbox seed. */
  readonly seed: string;
  /** Its base URL, known once its server listens. */
  url: string;
  /** Its current state, replaced on reset. */
  state: unknown;
}

/**
 * The fault delays in progress across a sandbox, so that `reset()` can cut them short: a request
 * delayed before a reset must not reach the simulator's new state afterwards.
 */
export class FaultDelays {
  readonly #pending = new Set<AbortController>();

  /** Waits `ms`; rejects early when `signal` aborts or {@link abortAll} is called. */
  async wait(ms: number, signal: AbortSignal): Promise<void> {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    this.#pending.add(controller);
    try {
      await delay(ms, undefined, { signal: controller.signal });
    } finally {
      this.#pending.delete(controller);
      signal.removeEventListener('abort', abort);
    }
  }

  /** Aborts every delay in progress. */
  abortAll(): void {
    for (const controller of this.#pending) controller.abort();
  }
}

/** Creates the dispatcher of one provider's server. */
export function createDispatcher(runtime: ProviderRuntime, faults: FaultInjector, delays: FaultDelays): Dispatch {
  return async (request, signal) => {
    const rule = faults.take(runtime.provider, request.method, request.path);
    if (rule?.delayMs !== undefined && rule.delayMs > 0) {
      try {
        await delays.wait(rule.delayMs, signal);
      } catch {
        return { kind: 'reset', fault: true }; // the sandbox is closing or resetting, or the client went away
      }
    }
    if (rule?.reset === true) return { kind: 'reset', fault: true };
    if (rule?.status !== undefined) {
      return respond({ status: rule.status, headers: rule.headers ?? {}, body: rule.body }, true);
    }
    const answer = await runSimulator(runtime, request);
    if (answer.error !== undefined) return { kind: 'respond', response: internalError(answer.error), fault: rule !== undefined, error: answer.error };
    const response = rule === undefined ? answer.response : overrideResponse(answer.response, rule);
    return respond(response, rule !== undefined);
  };
}

async function runSimulator(runtime: ProviderRuntime, request: SimRequest): Promise<{ response: SimResponse; error?: undefined } | { error: string }> {
  try {
    const response = await runtime.simulator.handle(request, {
      provider: runtime.provider,
      url: runtime.url,
      state: runtime.state,
      credentials: runtime.credentials,
      seed: runtime.seed,
    });
    if (typeof response !== 'object' || response === null) {
      return { error: `the ${runtime.provider} simulator returned ${String(response)} instead of a response for ${request.method} ${request.path}` };
    }
    return { response };
  } catch (error) {
    if (error instanceof SimResponseError) return { response: error.response };
    const message = errorMessage(error);
    return { error: `the ${runtime.provider} simulator failed on ${request.method} ${request.path}: ${message}` };
  }
}

function respond(response: SimResponse, fault: boolean): Outcome {
  try {
    return { kind: 'respond', response: encodeResponse(response), fault };
  } catch (error) {
    const message = `cannot send the response: ${errorMessage(error)}`;
    return { kind: 'respond', response: internalError(message), fault, error: message };
  }
}
