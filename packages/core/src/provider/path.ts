/**
 * Request paths built from caller values: each value one percent-encoded path segment that can
 * never climb out of the path it is put in.
 *
 * @module
 */
import { InputError, MAX_ID_LENGTH, type ProviderId } from '@itsm/core';

/**
 * What a path segment may be, beyond the rules every segment follows.
 *
 * @category Resources
 */
export interface SegmentRules {
  /**
   * Whether a number is accepted (a non-negative integer, sent as its digits). Default `true`; a
   * provider whose ids are strings says `false`, so that `get(42)` is an `InputError`, not a guess.
   */
  numbers?: boolean | undefined;
  /** The longest value, in characters. Default `MAX_ID_LENGTH` (255). */
  maxLength?: number | undefined;
}

/**
 * A value put into a path: an id or key, or `{ name: value }`, which also names the argument in
 * the error when the value is refused (`${{ issueIdOrKey }}` names `issueIdOrKey`).
 *
 * @category Resources
 */
export type PathValue = string | number | Readonly<Record<string, string | number>>;

/**
 * A tagged template that builds a request path: the literal parts are kept as written, each
 * interpolated value becomes one path segment (see {@link encodeSegment}). The server decodes the
 * segment before reading it, so a value that lands inside the provider's own syntax (an OData key
 * literal `('…')`) must also have its form checked by the provider.
 *
 * @example
 * ```ts
 * declare const path: PathTag;
 * const issueIdOrKey = 'HELP/1';
 * path`/rest/api/3/issue/${{ issueIdOrKey }}/comment`; // '/rest/api/3/issue/HELP%2F1/comment'
 * ```
 *
 * @category Resources
 */
export type PathTag = (strings: TemplateStringsArray, ...values: PathValue[]) => string;

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why a value cannot be a path segment, or `undefined` when it can.
 *
 * @param value - The id or key.
 */
function segmentProblem(value: unknown, rules: SegmentRules): string | undefined {
  const numbers = rules.numbers ?? true;
  const maxLength = rules.maxLength ?? MAX_ID_LENGTH;
  if (typeof value === 'number') {
    if (!numbers) return 'must be a string (an id or key), not a number';
    return Number.isSafeInteger(value) && value >= 0 ? undefined : 'must be a non-negative integer or a non-empty string';
  }
  if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string';
  if (value === '.' || value === '..') return `must not be ${JSON.stringify(value)}`;
  if (CONTROL.test(value)) return 'must not contain control characters (line breaks, NUL, ...)';
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  return undefined;
}

/**
 * One path segment from an id or key, percent-encoded (`/`, `?`, `#` and `%` included). Refused,
 * with an `InputError` naming `field`: an empty or blank string, `.` and `..` (which would
 * climb out of the path), control characters, a string longer than `rules.maxLength`, numbers that
 * are not non-negative integers, and any number when `rules.numbers` is `false`.
 *
 * @param value - The id or key.
 * @param field - The argument's name, for the error.
 * @param provider - The provider, set on the error.
 * @param rules - Whether numbers are accepted, and the longest value.
 * @throws `InputError` naming `field`.
 * @example
 * ```ts
 * encodeSegment('HELP/1?x', 'issueIdOrKey', 'jira-cloud'); // 'HELP%2F1%3Fx'
 * ```
 *
 * @category Resources
 */
export function encodeSegment(value: string | number, field: string, provider?: ProviderId, rules: SegmentRules = {}): string {
  const problem = segmentProblem(value, rules);
  if (problem !== undefined) throw new InputError(`${field} ${problem}`, { provider, field });
  return encodeURIComponent(String(value));
}

/**
 * The name and value of an interpolation: `{ name: value }` gives its name, a bare value is `path`.
 * An object with other than one key is a mistake in the provider's code, not in the caller's input.
 */
function named(value: PathValue): [string, unknown] {
  if (typeof value !== 'object' || value === null) return ['path', value];
  const entries = Object.entries(value);
  if (entries.length !== 1) throw new TypeError('a path value must be a value or { name: value } with one key');
  return entries[0] as [string, unknown];
}

/**
 * A {@link PathTag} whose errors name `provider`.
 *
 * @param provider - The provider, set on every `InputError`.
 * @param rules - Whether numbers are accepted, and the longest value; see {@link SegmentRules}.
 * @example
 * ```ts
 * const path = createPathTag('jira-cloud');
 * const issueIdOrKey = 'HELP-1';
 * path`/rest/api/3/issue/${{ issueIdOrKey }}`; // '/rest/api/3/issue/HELP-1'
 * path`/rest/api/3/issue/${{ issueIdOrKey: '..' }}`; // throws InputError naming issueIdOrKey
 * ```
 *
 * @category Resources
 */
export function createPathTag(provider?: ProviderId, rules: SegmentRules = {}): PathTag {
  return (strings, ...values) => {
    let path = strings[0] ?? '';
    values.forEach((value, index) => {
      const [field, raw] = named(value);
      path += encodeSegment(raw as string | number, field, provider, rules) + (strings[index + 1] ?? '');
    });
    return path;
  };
}
