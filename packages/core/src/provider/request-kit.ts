/**
 * {@link createRequestKit}: the checks of caller input a provider's methods make before any
 * request, each throwing an `InputError` that names the field and the provider.
 *
 * @module
 */
import { InputError, parseInput, type ProviderId } from '@itsm/core';
import type * as z from 'zod/mini';
import { createPathTag, encodeSegment, type PathTag, type SegmentRules } from './path.js';

/**
 * Input checks bound to one provider: every `InputError` they throw names it. Make one per
 * provider package with {@link createRequestKit}, next to the provider id constant.
 *
 * @example
 * ```ts
 * const kit = createRequestKit('jira-cloud');
 * const issueIdOrKey = 'HELP-1';
 * const path = kit.path`/rest/api/3/issue/${{ issueIdOrKey }}`;
 * kit.knownKeys({ fields: ['summary'] }, ['fields', 'expand']);
 * const size = kit.pageSize(undefined, 50, 100); // 50
 * ```
 *
 * @category Resources
 */
export interface RequestKit {
  /** The provider every error names. */
  readonly provider: ProviderId;
  /** Builds a request path; each interpolated value is one checked, encoded segment. See {@link PathTag}. */
  readonly path: PathTag;
  /**
   * One checked, percent-encoded path segment.
   *
   * @param value - The id or key.
   * @param field - The argument's name, for the error.
   */
  segment(value: string | number, field: string): string;
  /**
   * An id or key for a query parameter or a body, checked like a path segment (not blank, no control
   * characters, not too long, a number only where the provider's ids may be numbers) and returned as
   * it is.
   *
   * @param value - The id or key.
   * @param field - The argument's name, for the error.
   */
  id(value: string, field: string): string;
  /**
   * The `InputError` for a bad field: its message is the field followed by `message`.
   *
   * @param field - The offending field (a dotted path such as `files.0.filename`).
   * @param message - What is wrong, after the field name, e.g. `must be a non-empty string`.
   */
  inputError(field: string, message: string): InputError;
  /**
   * Throws {@link RequestKit.inputError}.
   *
   * @param field - The offending field.
   * @param message - What is wrong, after the field name.
   */
  fail(field: string, message: string): never;
  /**
   * Refuses a key of an input object that the method would not read, so that a typo is an error
   * instead of being dropped. Keys set to `undefined` pass.
   *
   * @param input - The caller's object.
   * @param allowed - The keys the method reads.
   * @param root - The object's own name, prefixed to the key in the error (e.g. `options`); none by default.
   */
  knownKeys(input: object, allowed: readonly string[], root?: string): void;
  /**
   * Validates input with a zod schema (strict objects refuse unknown keys): the parsed value, or
   * an `InputError` naming the first bad field (prefixed by `root`), listing every problem.
   *
   * @param schema - The schema.
   * @param value - What the caller gave.
   * @param root - The argument's name, prefixed to field paths; empty for none.
   */
  parse<S extends z.core.$ZodType>(schema: S, value: unknown, root?: string): z.output<S>;
  /**
   * A comma-separated list parameter (`fields=a,b`), or `undefined` when empty.
   *
   * @param value - A list, or a string already comma-separated.
   * @param field - The option's name, for the error.
   */
  commaList(value: string | readonly string[] | undefined, field: string): string | undefined;
  /**
   * A page size: `fallback` when not given, else an integer from 1 to `max`.
   *
   * @param value - The size given, or `undefined`.
   * @param fallback - The default.
   * @param max - The largest the provider accepts.
   */
  pageSize(value: number | undefined, fallback: number, max: number): number;
  /**
   * An `InputError` that names no provider (one a shared piece such as the transport threw) as
   * this provider's; anything else unchanged. For `catch (error) { throw kit.attribute(error); }`.
   *
   * @param error - What was thrown.
   */
  attribute(error: unknown): unknown;
}

/**
 * The {@link RequestKit} of a provider.
 *
 * @param provider - The provider every error names.
 * @param rules - What the provider's ids may be in a path (numbers or not, the longest); see {@link SegmentRules}.
 * @category Resources
 */
export function createRequestKit(provider: ProviderId, rules: SegmentRules = {}): RequestKit {
  const inputError = (field: string, message: string) => new InputError(`${field} ${message}`, { provider, field });
  const fail = (field: string, message: string): never => {
    throw inputError(field, message);
  };
  return {
    provider,
    path: createPathTag(provider, rules),
    segment: (value, field) => encodeSegment(value, field, provider, rules),
    id(value, field) {
      encodeSegment(value, field, provider, rules);
      return value;
    },
    inputError,
    fail,
    knownKeys(input, allowed, root = '') {
      for (const [key, value] of Object.entries(input)) {
        if (value !== undefined && !allowed.includes(key)) {
          fail(root ? `${root}.${key}` : key, `is not a known field (known: ${allowed.join(', ')})`);
        }
      }
    },
    parse: (schema, value, root = '') => parseInput(schema, value, root, { provider }),
    commaList(value, field) {
      if (value === undefined) return undefined;
      if (typeof value === 'string') return value === '' ? undefined : value;
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
        fail(field, 'must be a string or a list of non-empty strings');
      }
      return value.length > 0 ? value.join(',') : undefined;
    },
    pageSize(value, fallback, max) {
      if (value === undefined) return fallback;
      if (!Number.isSafeInteger(value) || value < 1 || value > max) fail('pageSize', `must be an integer from 1 to ${max}`);
      return value;
    },
    attribute(error) {
      if (!(error instanceof InputError) || error.provider !== undefined) return error;
      return new InputError(error.message, { provider, field: error.field, issues: error.issues, cause: error });
    },
  };
}
