/**
 * A probe for "no secret in any error": everything an error can show a log or a user.
 *
 * @module
 */
import { inspect } from 'node:util';
import { ItsmError } from '@itsm/core';

/**
 * Everything an error can show, as one string: `String(error)`, `JSON.stringify`, `toJSON()`,
 * `util.inspect` (with hidden properties), message and stack, down its `cause` chain. Assert that a
 * credential appears nowhere in it.
 *
 * @param error - What a call rejected with.
 * @example
 * ```ts
 * const error = await client.myself().catch((e: unknown) => e);
 * expect(errorSurface(error)).not.toContain(apiToken);
 * ```
 *
 * @category Contract tests
 */
export function errorSurface(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(String(current), JSON.stringify(current) ?? '', inspect(current, { depth: 10, showHidden: true }));
    if (current instanceof ItsmError) parts.push(JSON.stringify(current.toJSON()));
    if (current instanceof Error) {
      parts.push(current.message, current.stack ?? '');
      current = current.cause;
    } else {
      current = undefined;
    }
  }
  return parts.join('\n');
}
