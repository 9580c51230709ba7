/**
 * Builds the {@link SimRequest} a simulator sees. The sandbox's server uses it for every request; a
 * simulator's own unit tests can use it to call `handle()` without HTTP.
 *
 * @module
 */
import type { SimRequest } from './simulator.js';

/**
 * The parts of a request given to {@link createSimRequest}.
 *
 * @category Simulator framework
 */
export interface SimRequestInit {
  /** The method; any case (it is upper-cased). Default `'GET'`. */
  readonly method?: string;
  /** The path with an optional query string: `'/notes?limit=10'`. Must start with `/`. */
  readonly target: string;
  /** Headers; names in any case (they are lower-cased). */
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The body: bytes, or a string encoded as UTF-8. Default: empty. */
  readonly body?: Uint8Array | string;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/**
 * Creates a {@link SimRequest} from its parts.
 *
 * @category Simulator framework
 */
export function createSimRequest(init: SimRequestInit): SimRequest {
  if (!init.target.startsWith('/')) throw new TypeError(`createSimRequest: target must start with "/" (got ${JSON.stringify(init.target)})`);
  const queryStart = init.target.indexOf('?');
  const path = queryStart === -1 ? init.target : init.target.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : init.target.slice(queryStart + 1));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  const body = typeof init.body === 'string' ? encoder.encode(init.body) : (init.body ?? new Uint8Array(0));
  return {
    method: (init.method ?? 'GET').toUpperCase(),
    path,
    query,
    headers,
    body,
    header: (name) => headers[name.toLowerCase()],
    text: () => decoder.decode(body),
    json: () => JSON.parse(decoder.decode(body)) as unknown,
  };
}
