/**
 * Fault injection: rules that make a simulator misbehave on purpose, to test how a client copes with
 * errors, rate limits, slow answers and dropped connections.
 *
 * Each request is checked against the active rules in the order they were injected; the first rule
 * that matches applies (one rule per request) and counts one use. What it does:
 * - `delayMs`: waits that long first, then does the rest (or answers normally);
 * - `reset: true`: destroys the connection without answering (the client sees `ECONNRESET`);
 * - `status`: answers with `status`, `headers` and `body` instead of the simulator (which never sees
 *   the request, so its state does not change);
 * - `headers` / `body` without `status`: the simulator answers, then its headers are merged with the
 *   rule's and its body replaced.
 *
 * @module
 */
import { SandboxError } from './errors.js';
import type { ProviderId } from './provider-id.js';
import type { SimBody, SimHeaders } from './simulator.js';

/**
 * A fault to inject; see the module description for how the fields combine.
 *
 * @category Sandbox
 */
export interface FaultRule {
  /** The provider whose requests it applies to; must be running in the sandbox. */
  readonly provider: ProviderId;
  /** Only requests with this method (any case); omitted = any method. */
  readonly method?: string;
  /**
   * Only requests with this path: an exact string compared with the path as sent (percent-encoded,
   * without the query, as in the request log), or a RegExp tested against it. Omitted = any path.
   */
  readonly path?: string | RegExp;
  /** Answer with this status (200–599) instead of the simulator. */
  readonly status?: number;
  /** Headers of the fault's answer, or headers merged into the simulator's answer. */
  readonly headers?: SimHeaders;
  /** Body of the fault's answer, or a body replacing the simulator's; see {@link SimBody}. */
  readonly body?: SimBody;
  /** Destroy the connection instead of answering. Cannot be combined with status, headers or body. */
  readonly reset?: true;
  /** Wait this many milliseconds before the rest. */
  readonly delayMs?: number;
  /** Apply to this many matching requests, then expire; omitted = every matching request until cleared. */
  readonly times?: number;
}

/**
 * A fault that was injected.
 *
 * @category Sandbox
 */
export interface FaultHandle {
  /** The rule as given. */
  readonly rule: Readonly<FaultRule>;
  /** How many requests it has applied to so far. */
  readonly hits: number;
  /** Whether it still applies: `false` once its `times` are used up, or after `remove()` or `clear()`. */
  readonly active: boolean;
  /** Stops it applying; harmless if it already stopped. */
  remove(): void;
}

/**
 * The sandbox's fault controls, `sandbox.faults`.
 *
 * @category Sandbox
 */
export interface Faults {
  /** Adds a rule after the existing ones; throws a {@link SandboxError} naming the field when it is invalid. */
  inject(rule: FaultRule): FaultHandle;
  /** Removes every rule. */
  clear(): void;
  /** The rules that still apply, in the order they are checked. */
  readonly active: readonly FaultHandle[];
}

const RULE_FIELDS = new Set(['provider', 'method', 'path', 'status', 'headers', 'body', 'reset', 'delayMs', 'times']);
const MAX_DELAY_MS = 2_147_483_647;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/u;

class Fault implements FaultHandle {
  readonly rule: Readonly<FaultRule>;
  hits = 0;
  #removed = false;
  readonly #method: string | undefined;
  /** A private copy of a RegExp path, without the flags that make `test()` stateful. */
  readonly #pattern: RegExp | undefined;

  constructor(rule: FaultRule) {
    this.rule = Object.freeze({ ...rule });
    this.#method = rule.method?.toUpperCase();
    this.#pattern = rule.path instanceof RegExp ? new RegExp(rule.path.source, rule.path.flags.replace(/[gy]/g, '')) : undefined;
  }

  get active(): boolean {
    return !this.#removed && (this.rule.times === undefined || this.hits < this.rule.times);
  }

  remove(): void {
    this.#removed = true;
  }

  matches(provider: ProviderId, method: string, path: string): boolean {
    if (!this.active || this.rule.provider !== provider) return false;
    if (this.#method !== undefined && this.#method !== method) return false;
    const pattern = this.rule.path;
    if (pattern === undefined) return true;
    if (typeof pattern === 'string') return pattern === path;
    return this.#pattern!.test(path);
  }
}

/** Holds the fault rules of one sandbox. Internal: the sandbox exposes it as {@link Faults}. */
export class FaultInjector implements Faults {
  #faults: Fault[] = [];
  readonly #providers: readonly ProviderId[];

  /** Creates an injector accepting rules for `providers`. */
  constructor(providers: readonly ProviderId[]) {
    this.#providers = providers;
  }

  inject(rule: FaultRule): FaultHandle {
    validateRule(rule, this.#providers);
    const fault = new Fault(rule);
    this.#faults.push(fault);
    return fault;
  }

  clear(): void {
    for (const fault of this.#faults) fault.remove();
    this.#faults = [];
  }

  get active(): readonly FaultHandle[] {
    return this.#faults.filter((fault) => fault.active);
  }

  /** The first active rule matching the request, after counting the use; `undefined` when none does. */
  take(provider: ProviderId, method: string, path: string): Readonly<FaultRule> | undefined {
    const fault = this.#faults.find((candidate) => candidate.matches(provider, method, path));
    if (fault === undefined) return undefined;
    fault.hits += 1;
    if (!fault.active) this.#faults = this.#faults.filter((candidate) => candidate !== fault);
    return fault.rule;
  }
}

function invalid(field: string, problem: string, ...got: [] | [unknown]): never {
  const suffix = got.length === 0 ? '' : ` (got ${describe(got[0])})`;
  throw new SandboxError(`Invalid fault rule: "${field}" ${problem}${suffix}.`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof RegExp) return String(value);
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'an array' : 'an object';
  return String(value);
}

/** Throws a {@link SandboxError} naming the first invalid field of `rule`. */
export function validateRule(rule: FaultRule, providers: readonly ProviderId[]): void {
  if (typeof rule !== 'object' || rule === null) throw new SandboxError('Invalid fault rule: expected an object.');
  for (const key of Object.keys(rule)) {
    if (!RULE_FIELDS.has(key)) invalid(key, `is not a fault field (known: ${[...RULE_FIELDS].join(', ')})`);
  }
  if (typeof rule.provider !== 'string') invalid('provider', 'is required', rule.provider);
  if (!providers.includes(rule.provider)) {
    invalid('provider', `is not running in this sandbox (running: ${providers.join(', ') || 'none'})`, rule.provider);
  }
  if (rule.method !== undefined && (typeof rule.method !== 'string' || !TOKEN.test(rule.method))) {
    invalid('method', 'must be an HTTP method such as "GET"', rule.method);
  }
  if (rule.path !== undefined && !(rule.path instanceof RegExp) && (typeof rule.path !== 'string' || !rule.path.startsWith('/'))) {
    invalid('path', 'must be a RegExp or a path starting with "/"', rule.path);
  }
  if (rule.status !== undefined && (!Number.isInteger(rule.status) || rule.status < 200 || rule.status > 599)) {
    invalid('status', 'must be an integer from 200 to 599', rule.status);
  }
  if (rule.headers !== undefined) validateHeaders(rule.headers);
  if (rule.body !== undefined && !isBody(rule.body)) invalid('body', 'must be a string, a Uint8Array or a JSON value', rule.body);
  if (rule.reset !== undefined && rule.reset !== true) invalid('reset', 'must be true when given', rule.reset);
  if (rule.delayMs !== undefined && (typeof rule.delayMs !== 'number' || !Number.isFinite(rule.delayMs) || rule.delayMs < 0 || rule.delayMs > MAX_DELAY_MS)) {
    invalid('delayMs', `must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`, rule.delayMs);
  }
  if (rule.times !== undefined && (!Number.isSafeInteger(rule.times) || rule.times < 1)) {
    invalid('times', 'must be a positive integer', rule.times);
  }
  if (rule.reset === true) {
    for (const field of ['status', 'headers', 'body'] as const) {
      if (rule[field] !== undefined) invalid(field, 'cannot be combined with "reset" (a reset connection has no answer)');
    }
  }
  if (rule.status === undefined && rule.headers === undefined && rule.body === undefined && rule.reset === undefined && rule.delayMs === undefined) {
    throw new SandboxError('Invalid fault rule: it does nothing; give at least one of "status", "headers", "body", "reset" or "delayMs".');
  }
}

function validateHeaders(headers: unknown): void {
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) invalid('headers', 'must be an object', headers);
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) invalid(`headers.${name}`, 'is not a valid header name');
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    if (!values.every((item) => typeof item === 'string' && !/[\r\n]/u.test(item))) {
      invalid(`headers.${name}`, 'must be a string or an array of strings without line breaks', value);
    }
  }
}

function isBody(body: unknown): boolean {
  return ['string', 'number', 'boolean', 'object'].includes(typeof body);
}
