/**
 * The SDK's schemas are `zod/mini`, which loads no locale: without zod's English messages passed
 * with each check, a wrong type would read "Invalid input". This file imports no classic zod (which
 * would configure English for the whole process and hide the problem).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { CreateTicketInputSchema, InputError, parseInput, TicketQuerySchema } from '../src/index.js';
import { safeParseInEnglish } from '../src/schema-messages.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe("zod's English messages without classic zod", () => {
  afterEach(() => {
    z.config({ localeError: undefined, customError: undefined });
  });

  it('name the expected and the received type', () => {
    expect(messageOf(() => parseInput(CreateTicketInputSchema, { subject: 42 }, 'input'))).toBe('input.subject: Invalid input: expected string, received number');
    expect(messageOf(() => parseInput(TicketQuerySchema, { pageSize: 1.5 }, 'query'))).toBe('query.pageSize: Invalid input: expected int, received number');
  });

  it('name the options of an enum and the bounds of a number', () => {
    expect(messageOf(() => parseInput(TicketQuerySchema, { order: 'newest' }, 'query'))).toBe(
      'query.order: Invalid option: expected one of "updated_desc"|"updated_asc"',
    );
    expect(messageOf(() => parseInput(TicketQuerySchema, { pageSize: 5000 }, 'query'))).toBe('query.pageSize: Too big: expected number to be <=1000');
  });

  it("stay English whatever locale the application configured, and the schemas' own messages come first", () => {
    z.config(z.locales.de());
    expect(z.string().safeParse(1).error?.issues[0]?.message).not.toContain('expected string');
    expect(safeParseInEnglish(z.string(), 1).error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
    expect(messageOf(() => parseInput(CreateTicketInputSchema, { subject: ' ' }, 'input'))).toBe('input.subject: must not be empty');
  });
});
