/**
 * A `fetch` double for transport tests that need no network: each request is answered by a
 * handler, and every request is recorded (method, URL, headers, the time it was sent).
 */

/** A request as the fake fetch saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** `Date.now()` when it was sent (fake time under fake timers). */
  at: number;
}

/** Answers one request. */
export type FakeHandler = (request: Request, index: number) => Response | Promise<Response>;

/** A fake `fetch` and what it saw. */
export interface FakeFetch {
  fetch: typeof fetch;
  seen: SeenRequest[];
  /** Requests in flight now, and the most at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
}

/**
 * Makes a fake `fetch`.
 *
 * @param handler - Answers each request.
 */
export function fakeFetch(handler: FakeHandler): FakeFetch {
  const seen: SeenRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchImpl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const index = seen.length;
    seen.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: request.body ? await request.clone().text() : '',
      at: Date.now(),
    });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      return await handler(request, index);
    } finally {
      inFlight -= 1;
    }
  };
  const fetch = fetchImpl as typeof globalThis.fetch;
  return {
    fetch,
    seen,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** A JSON response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
