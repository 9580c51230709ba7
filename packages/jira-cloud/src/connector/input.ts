/**
 * Validation of caller input with the core schemas, as `jira-cloud` errors.
 *
 * @internal
 * @module
 */
import { InputError, parseInput } from '@itsm/core';
import type { z } from 'zod';

/**
 * `parseInput`, with the `InputError` marked as coming from `jira-cloud`.
 *
 * @param schema - The schema.
 * @param value - What the caller gave.
 * @param root - The argument's name, prefixed to field paths (`input`, `query`, ...).
 * @throws `InputError` naming the first bad field.
 */
export function parseJiraInput<S extends z.ZodType>(schema: S, value: unknown, root: string): z.output<S> {
  try {
    return parseInput(schema, value, root);
  } catch (error) {
    if (error instanceof InputError && error.provider === undefined) {
      throw new InputError(error.message, { provider: 'jira-cloud', field: error.field, issues: error.issues });
    }
    throw error;
  }
}
