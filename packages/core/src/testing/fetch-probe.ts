/**
 * {@link createFetchProbe}: a `fetch` to give a client in tests, which counts the requests it sends
 * and can lose the answer of a chosen request after the service processed it — the fault behind
 * "a create whose answer was lost", which a fault injected at the server cannot make (it answers
 * instead of the service, so nothing is created).
 *
 * @module
 */

/**
 * Which requests a probe rule applies to.
 *
 * @category Contract tests
 */
export interface FetchMatch {
  /** HTTP method, any case. Omitted: any. */
  method?: string | undefined;
  /** The URL's path: exact, or a `RegExp` tested against it. Omitted: any. */
  path?: string | RegExp | undefined;
}

/**
 * A request the probe saw.
 *
 * @category Contract tests
 */
export interface ProbedRequest {
  /** HTTP method, upper case. */
  method: string;
  /** The URL's path. */
  path: string;
  /** The status answered, or `undefined` when no answer came (or the probe lost it). */
  status: number | undefined;
  /** Whether the probe lost its answer. */
  lost: boolean;
}

/**
 * A counting, answer-losing `fetch`; see {@link createFetchProbe}.
 *
 * @category Contract tests
 */
export interface FetchProbe {
  /** The `fetch` to give the client (its `fetch` option). */
  readonly fetch: typeof fetch;
  /** Every request sent through it, oldest first. */
  readonly requests: readonly ProbedRequest[];
  /**
   * Loses the answer of the next request that matches: it is sent, the service processes it and
   * answers, and the probe reads the whole answer, then throws the `TypeError('fetch failed')` of a
   * connection reset (`ECONNRESET`) instead of returning it.
   *
   * @param match - Which request.
   */
  loseNextAnswer(match: FetchMatch): void;
  /** Removes the armed rules not used yet. */
  clear(): void;
}

function matches(rule: FetchMatch, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

/** The error `fetch` throws for a connection reset, as undici does. */
function connectionReset(): TypeError {
  const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', errno: -104, syscall: 'read' });
  return new TypeError('fetch failed', { cause: reset });
}

/**
 * Makes a {@link FetchProbe} over a real `fetch`.
 *
 * @param inner - The `fetch` that sends. Default: the global `fetch`, looked up at each request.
 * @example
 * ```ts
 * import { createFetchProbe } from '@itsm/core/testing';
 *
 * const probe = createFetchProbe();
 * const options = { baseUrl: 'http://127.0.0.1:4010', fetch: probe.fetch }; // plus the client's own
 * probe.loseNextAnswer({ method: 'POST', path: '/rest/api/3/issue' });
 * // the next create is made, but the client sees a connection reset
 * console.log(probe.requests.length);
 * ```
 *
 * @category Contract tests
 */
export function createFetchProbe(inner?: typeof fetch): FetchProbe {
  const requests: ProbedRequest[] = [];
  const rules: FetchMatch[] = [];
  const probeFetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const method = request.method.toUpperCase();
    const path = new URL(request.url).pathname;
    const seen: ProbedRequest = { method, path, status: undefined, lost: false };
    requests.push(seen);
    const index = rules.findIndex((rule) => matches(rule, method, path));
    const lose = index !== -1;
    if (lose) rules.splice(index, 1);
    const response = await (inner ?? globalThis.fetch)(request);
    seen.status = response.status;
    if (!lose) return response;
    await response.arrayBuffer(); // the service has answered: whatever it did is done
    seen.lost = true;
    seen.status = undefined;
    throw connectionReset();
  };
  return {
    fetch: probeFetch as typeof fetch,
    requests,
    loseNextAnswer(match) {
      rules.push({ ...match });
    },
    clear() {
      rules.length = 0;
    },
  };
}
