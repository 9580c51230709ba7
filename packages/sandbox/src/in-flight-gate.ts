/**
 * A limit on the requests being handled at the same time, per key: Autotask's "3 threads per
 * tracking identifier and entity endpoint", where the 4th concurrent request is answered with the
 * thread-limit error at once — refused, never queued.
 *
 * A request holds a place from {@link InFlightGate.tryEnter} (or the start of
 * {@link InFlightGate.run}) until it leaves; `run` leaves when the task settles, whether it answered
 * or threw, so a middleware wraps the inner layers in it. Keep the gate in the simulator's state, so
 * that `sandbox.reset()` starts it empty.
 *
 * A simulator whose handlers answer synchronously never has two requests in flight; a request is in
 * flight across the awaits of its pipeline, e.g. a latency the simulator adds, or a hold a test controls.
 *
 * @example
 * ```ts
 * // in createState: threads: new InFlightGate({ limit: 3 })
 * const threadLimit: Middleware<AutotaskState, AutotaskCredentials> = (request, { state }, next) =>
 *   state.threads.run(`${request.header('apiintegrationcode')}|${entityOf(request.path)}`, () => next(), ({ limit }) => ({
 *     status: 429,
 *     body: { errors: [`Thread Threshold Exceeded — The Autotask API thread threshold of ${limit} threads has been exceeded.`] },
 *   }));
 * ```
 *
 * @module
 */

/**
 * Options of {@link InFlightGate}.
 *
 * @category Simulator framework
 */
export interface InFlightGateOptions {
  /** How many requests per key may be in flight at once: a whole number, 0 or more. */
  readonly limit: number;
}

/**
 * A place held in an {@link InFlightGate}, from {@link InFlightGate.tryEnter}.
 *
 * @category Simulator framework
 */
export interface InFlightPass {
  /** The key the place is held under. */
  readonly key: string;
  /** Gives the place back; calling it again does nothing. */
  leave(): void;
}

/**
 * Why {@link InFlightGate.run} refused a request: what its `refuse` callback gets.
 *
 * @category Simulator framework
 */
export interface InFlightRefusal {
  /** The key. */
  readonly key: string;
  /** The requests in flight under the key (at least the limit). */
  readonly inFlight: number;
  /** The gate's limit. */
  readonly limit: number;
}

/**
 * A per-key limit on concurrent requests; see the module description.
 *
 * @category Simulator framework
 */
export class InFlightGate {
  readonly #inFlight = new Map<string, number>();
  #limit = 0;

  /** Creates an empty gate; throws a `RangeError` for a bad limit. */
  constructor(options: InFlightGateOptions) {
    this.limit = options.limit;
  }

  /** How many requests per key may be in flight at once. Changing it applies to the next entry; places held stay held. */
  get limit(): number {
    return this.#limit;
  }

  set limit(value: number) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`InFlightGate: limit must be a whole number, 0 or more (got ${value})`);
    this.#limit = value;
  }

  /** The requests in flight under `key`. */
  inFlight(key: string): number {
    return this.#inFlight.get(key) ?? 0;
  }

  /** Takes a place under `key`, or returns `undefined` when the key is at its limit. */
  tryEnter(key: string): InFlightPass | undefined {
    const count = this.inFlight(key);
    if (count >= this.#limit) return undefined;
    this.#inFlight.set(key, count + 1);
    let left = false;
    return {
      key,
      leave: () => {
        if (left) return;
        left = true;
        const remaining = this.inFlight(key) - 1;
        if (remaining > 0) this.#inFlight.set(key, remaining);
        else this.#inFlight.delete(key);
      },
    };
  }

  /**
   * Runs `task` holding a place under `key`, and gives the place back when it settles (answered or
   * thrown); when the key is at its limit, answers with `refuse` instead, without running `task`.
   */
  async run<T>(key: string, task: () => T | Promise<T>, refuse: (refusal: InFlightRefusal) => T | Promise<T>): Promise<T> {
    const pass = this.tryEnter(key);
    if (pass === undefined) return refuse({ key, inFlight: this.inFlight(key), limit: this.#limit });
    try {
      return await task();
    } finally {
      pass.leave();
    }
  }
}
