/**
 * Request readers: JSON bodies, JSON query parameters and integer query parameters, read strictly,
 * answering a bad input with the provider's own error. A simulator creates its readers once with an
 * error factory that turns each {@link RequestProblem} into the provider's error response (its
 * status, body shape and wording); the readers throw it as a {@link SimResponseError}.
 *
 * @example
 * ```ts
 * // Ivanti answers every bad input with 400 ISM_4000.
 * const read = createRequestReaders((problem) => ({
 *   status: 400,
 *   body: { code: 'ISM_4000', description: 'Invalid Request Payload', message: [problem.message], help: '' },
 * }));
 * const top = read.integer(request, '$top', 25, { min: 1, max: 100 }); // `$top=101` → that 400
 * const incident = read.jsonObject(request);                            // empty or non-object body → that 400
 * ```
 *
 * @module
 */
import { SimResponseError, type SimRequest, type SimResponse } from './simulator.js';

/**
 * A JSON object: what {@link RequestReaders.jsonObject} returns.
 *
 * @category Simulator framework
 */
export type JsonObject = Record<string, unknown>;

/**
 * Whether a value is a plain JSON object (not `null`, not an array).
 *
 * @category Simulator framework
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What is wrong with a request, for an error factory to word in the provider's terms. Every problem
 * has a default English `message`; the other fields say where and what.
 *
 * @category Simulator framework
 */
export type RequestProblem =
  | {
      /** The body is empty (or only white space) where JSON is required. */
      readonly kind: 'empty-body';
      /** A default message. */
      readonly message: string;
    }
  | {
      /** The body, or the query parameter `parameter`, is not JSON. */
      readonly kind: 'malformed-json';
      /** A default message. */
      readonly message: string;
      /** The JSON parser's message. */
      readonly detail: string;
      /** The query parameter, when the JSON came from one; `undefined` for the body. */
      readonly parameter: string | undefined;
    }
  | {
      /** The body, or the query parameter `parameter`, is JSON but not an object. */
      readonly kind: 'not-an-object';
      /** A default message. */
      readonly message: string;
      /** The query parameter, when the JSON came from one; `undefined` for the body. */
      readonly parameter: string | undefined;
    }
  | {
      /** A required query parameter is missing or empty. */
      readonly kind: 'missing-parameter';
      /** A default message. */
      readonly message: string;
      /** The parameter's name. */
      readonly parameter: string;
    }
  | {
      /** A query parameter is not an integer. */
      readonly kind: 'not-an-integer';
      /** A default message. */
      readonly message: string;
      /** The parameter's name. */
      readonly parameter: string;
      /** The value as sent. */
      readonly value: string;
    }
  | {
      /** An integer query parameter is outside its allowed range. */
      readonly kind: 'out-of-range';
      /** A default message. */
      readonly message: string;
      /** The parameter's name. */
      readonly parameter: string;
      /** The value. */
      readonly value: number;
      /** The smallest allowed value, if any. */
      readonly min: number | undefined;
      /** The largest allowed value, if any. */
      readonly max: number | undefined;
    };

/**
 * Turns a {@link RequestProblem} into the provider's error response.
 *
 * @category Simulator framework
 */
export type RequestErrorFactory = (problem: RequestProblem) => SimResponse;

/**
 * The allowed range of an integer parameter; both ends inclusive and optional.
 *
 * @category Simulator framework
 */
export interface IntegerRange {
  /** The smallest allowed value. */
  readonly min?: number;
  /** The largest allowed value. */
  readonly max?: number;
}

/**
 * Strict readers bound to one error factory; each throws the factory's response as a {@link SimResponseError}.
 *
 * @category Simulator framework
 */
export interface RequestReaders {
  /** The body parsed as JSON, any value; an empty body or malformed JSON is a problem. */
  json(request: SimRequest): unknown;
  /** The body as a JSON object; an empty body, malformed JSON or another JSON value is a problem. */
  jsonObject(request: SimRequest): JsonObject;
  /**
   * The query parameter `name` parsed as a JSON object, e.g. Autotask's
   * `GET /Tickets/query?search={"filter":[...]}`; a missing or empty parameter, malformed JSON or
   * another JSON value is a problem.
   */
  jsonObjectParam(request: SimRequest, name: string): JsonObject;
  /**
   * The query parameter `name` as an integer: `fallback` when it is absent or empty, a problem when
   * it is not an integer (decimal digits, an optional leading minus, surrounding spaces allowed) or outside `range`.
   */
  integer(request: SimRequest, name: string, fallback: number, range?: IntegerRange): number;
}

/**
 * Creates the readers of a simulator; `onProblem` words each problem as the provider would.
 *
 * @category Simulator framework
 */
export function createRequestReaders(onProblem: RequestErrorFactory): RequestReaders {
  const fail = (problem: RequestProblem): never => {
    throw new SimResponseError(onProblem(problem), problem.message);
  };
  const parse = (text: string, parameter: string | undefined): unknown => {
    try {
      return JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const where = parameter === undefined ? 'The request body' : `The '${parameter}' parameter`;
      return fail({ kind: 'malformed-json', message: `${where} is not valid JSON: ${detail}`, detail, parameter });
    }
  };
  const object = (value: unknown, parameter: string | undefined): JsonObject => {
    if (isJsonObject(value)) return value;
    const where = parameter === undefined ? 'The request body' : `The '${parameter}' parameter`;
    return fail({ kind: 'not-an-object', message: `${where} must be a JSON object.`, parameter });
  };
  const json = (request: SimRequest): unknown => {
    const text = request.text();
    if (text.trim() === '') return fail({ kind: 'empty-body', message: 'The request body is empty; a JSON value is required.' });
    return parse(text, undefined);
  };
  return {
    json,
    jsonObject: (request) => object(json(request), undefined),
    jsonObjectParam: (request, name) => {
      const text = request.query.get(name);
      if (text === null || text.trim() === '') return fail({ kind: 'missing-parameter', message: `The '${name}' parameter is required.`, parameter: name });
      return object(parse(text, name), name);
    },
    integer: (request, name, fallback, range = {}) => {
      const text = request.query.get(name);
      if (text === null || text === '') return fallback;
      if (!/^-?\d+$/u.test(text.trim())) {
        return fail({ kind: 'not-an-integer', message: `The '${name}' parameter must be an integer (got '${text}').`, parameter: name, value: text });
      }
      const value = Number(text);
      const { min, max } = range;
      if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
        const bounds = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
        return fail({ kind: 'out-of-range', message: `The '${name}' parameter must be ${bounds} (got ${value}).`, parameter: name, value, min, max });
      }
      return value;
    },
  };
}

/**
 * The values of a query parameter given as a comma list and/or repeated (`fields=a,b&fields=c`), trimmed, empty ones dropped; `undefined` when absent.
 *
 * @category Simulator framework
 */
export function listParam(request: SimRequest, name: string): string[] | undefined {
  const values = request.query.getAll(name);
  if (values.length === 0) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}

/**
 * A boolean query parameter (`true`/`false`, any case); `fallback` when absent or anything else.
 *
 * @category Simulator framework
 */
export function booleanParam(request: SimRequest, name: string, fallback: boolean): boolean {
  const value = request.query.get(name);
  if (value === null) return fallback;
  if (/^true$/iu.test(value)) return true;
  if (/^false$/iu.test(value)) return false;
  return fallback;
}
