/**
 * Request gates: what the transport waits for before each attempt of a request. A gate lets the
 * attempt through by resolving with a release function, which the transport calls once the attempt
 * is over (its response read, or its failure known). Gates compose: the transport passes them in
 * order and releases them in reverse. The SDK ships two: a keyed concurrency limit
 * ({@link createConcurrencyGate}) and a rolling-window budget ({@link createBudgetGate}).
 *
 * @module
 */
import type { ProviderId } from '../model.js';

/**
 * What a gate sees of the attempt it is asked to let through.
 *
 * @category Throttling
 */
export interface GateRequest {
  /** The provider of the transport. */
  readonly provider: ProviderId;
  /** HTTP method, upper case. */
  readonly method: string;
  /**
   * The endpoint: the request's path relative to the base URL, without the query, starting with `/`
   * (`/Tickets/query` for `https://host/ATServicesRest/V1.0/Tickets/query?x=1`).
   */
  readonly path: string;
  /** 1 for the first attempt of a call, 2 for its first retry, and so on. */
  readonly attempt: number;
  /** The call's own concurrency key (the `concurrencyKey` request option), when it gave one. */
  readonly key: string | undefined;
}

/**
 * Ends an attempt's pass through a gate. Calling it again does nothing.
 *
 * @category Throttling
 */
export type GateRelease = () => void;

/**
 * Waits until an attempt may be sent, then resolves with the function that ends its pass. It must
 * reject with the signal's reason (and hold nothing) when `signal` aborts first, and may reject with
 * an `ItsmError` (such as `BudgetExceededError`) to refuse the attempt.
 *
 * @example
 * ```ts
 * // A gate that logs each attempt and lets it through at once.
 * const logging: RequestGate = async (request) => {
 *   console.log(request.method, request.path, 'attempt', request.attempt);
 *   return () => {};
 * };
 * createTransport({ provider: 'autotask', baseUrl, gates: [logging] });
 * ```
 *
 * @category Throttling
 */
export type RequestGate = (request: GateRequest, signal: AbortSignal) => Promise<GateRelease>;

/**
 * Waits for one gate, but no longer than the signal allows: a gate that ignores the signal still
 * cannot hold the call, and a pass it grants after the abort is given back at once.
 */
function passGate(gate: RequestGate, request: GateRequest, signal: AbortSignal): Promise<GateRelease> {
  signal.throwIfAborted();
  const pending = gate(request, signal);
  return new Promise<GateRelease>((resolve, reject) => {
    const onAbort = () => {
      pending.then((release) => release(), () => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(
      (release) => {
        signal.removeEventListener('abort', onAbort);
        resolve(release);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Passes an attempt through every gate in order, releasing what it already holds when a gate refuses
 * or the signal aborts. Resolves with one release for all of them (in reverse order).
 *
 * @param gates - The gates, in the order they are entered.
 * @param request - The attempt.
 * @param signal - Aborts the waits.
 * @category Throttling
 */
export async function enterGates(gates: readonly RequestGate[], request: GateRequest, signal: AbortSignal): Promise<GateRelease> {
  const held: GateRelease[] = [];
  const releaseAll = () => {
    while (held.length > 0) held.pop()?.();
  };
  try {
    for (const gate of gates) held.push(await passGate(gate, request, signal));
  } catch (error) {
    releaseAll();
    throw error;
  }
  return releaseAll;
}
