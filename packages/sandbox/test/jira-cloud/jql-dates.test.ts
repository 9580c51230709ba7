/**
 * Dates: literal formats, minute precision, the caller's time zone across DST changes (checked
 * against Intl), periods relative to an injected now, the startOf…/endOf… functions, date-only
 * fields, and Jira's messages for bad dates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJql } from '../../src/jira-cloud/jql/compile.js';
import { JqlError } from '../../src/jira-cloud/jql/errors.js';
import type { JqlField } from '../../src/jira-cloud/jql/fields.js';

interface Row {
  updated?: number;
  due?: string;
}

const fieldTable: Record<string, JqlField<Row>> = {
  updated: { type: 'datetime', get: (row) => (row.updated === undefined ? undefined : new Date(row.updated)) },
  created: { type: 'datetime', get: (row) => (row.updated === undefined ? undefined : new Date(row.updated).toISOString()) },
  duedate: { type: 'date', get: (row) => row.due },
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2024-03-05T12:00:30.000Z'); // a Tuesday

function compile(query: string, timeZone?: string, now = NOW) {
  return compileJql(query, { fields: (name) => fieldTable[name], now: () => new Date(now), timeZone });
}

/** Which of the instants `updated` a query matches. */
function matching(query: string, instants: readonly number[], timeZone?: string, now?: number): number[] {
  const jql = compile(query, timeZone, now);
  return instants.filter((updated) => jql.matches({ updated }));
}

const at = (iso: string) => Date.parse(iso);

/** The first instant (to the minute) `updated >= <function>` matches, found by scanning. */
function lowerBound(operand: string, timeZone: string): string {
  const jql = compile(`updated >= ${operand}`, timeZone);
  let low = NOW - 800 * 24 * HOUR;
  let high = NOW + 800 * 24 * HOUR;
  while (high - low > MINUTE) {
    const middle = Math.floor((low + high) / 2 / MINUTE) * MINUTE;
    if (jql.matches({ updated: middle })) high = middle;
    else low = middle;
  }
  return new Date(high).toISOString();
}

/** The last instant (to the minute) `updated <= <function>` matches. */
function upperBound(operand: string, timeZone: string): string {
  const jql = compile(`updated <= ${operand}`, timeZone);
  let low = NOW - 800 * 24 * HOUR;
  let high = NOW + 800 * 24 * HOUR;
  while (high - low > MINUTE) {
    const middle = Math.floor((low + high) / 2 / MINUTE) * MINUTE;
    if (jql.matches({ updated: middle })) low = middle;
    else high = middle;
  }
  return new Date(low).toISOString();
}

function message(query: string): string {
  try {
    compile(query);
  } catch (error) {
    if (error instanceof JqlError) return error.message;
    throw error;
  }
  throw new Error(`expected ${query} to be rejected`);
}

/** The wall-clock time Intl shows for an instant, written as a JQL literal. */
function wallClock(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

describe('date literals', () => {
  const instants = [at('2024-03-01T22:59:00Z'), at('2024-03-01T23:00:00Z'), at('2024-03-02T00:00:00Z'), at('2024-03-02T05:30:00Z')];

  it('reads a date without a time as the start of that day, in UTC by default', () => {
    expect(matching('updated >= "2024-03-02"', instants)).toEqual(instants.slice(2));
    expect(matching('updated >= "2024/03/02"', instants)).toEqual(instants.slice(2));
    expect(matching('updated >= 2024-03-02', instants)).toEqual(instants.slice(2));
    expect(matching('updated < "2024-3-2"', instants)).toEqual(instants.slice(0, 2));
  });

  it("reads it in the caller's time zone", () => {
    expect(matching('updated >= "2024-03-02"', instants, 'Europe/Amsterdam')).toEqual(instants.slice(1));
    expect(matching('updated >= "2024-03-02"', instants, 'America/New_York')).toEqual(instants.slice(3));
    expect(matching('updated >= "2024-03-02"', instants, 'America/Danmarkshavn')).toEqual(instants.slice(2));
    expect(matching('updated >= "2024-03-02 04:30"', instants, 'Asia/Kolkata')).toEqual(instants.slice(1));
  });

  it('compares to the minute', () => {
    const record = [at('2024-03-05T10:15:30.500Z')];
    expect(matching('updated = "2024-03-05 10:15"', record)).toEqual(record);
    expect(matching('updated >= "2024/03/05 10:15"', record)).toEqual(record);
    expect(matching('updated <= "2024-03-05 10:15"', record)).toEqual(record);
    expect(matching('updated > "2024-03-05 10:15"', record)).toEqual([]);
    expect(matching('updated >= "2024-03-05 10:16"', record)).toEqual([]);
    expect(matching('updated < "2024-03-05 10:16"', record)).toEqual(record);
    expect(matching('updated != "2024-03-05 10:15"', record)).toEqual([]);
  });

  it('moves a wall time skipped by DST forward by the gap (Europe/Amsterdam, 31 March 2024)', () => {
    const around = [at('2024-03-31T00:59:00Z'), at('2024-03-31T01:29:00Z'), at('2024-03-31T01:30:00Z'), at('2024-03-31T01:31:00Z')];
    // 02:30 does not exist that night; it is read as 03:30 CEST, 01:30 UTC, which Intl shows as 03:30
    expect(matching('updated >= "2024-03-31 02:30"', around, 'Europe/Amsterdam')).toEqual(around.slice(2));
    expect(wallClock(at('2024-03-31T01:30:00Z'), 'Europe/Amsterdam')).toBe('2024-03-31 03:30');
    expect(matching('updated >= "2024-03-31 03:30"', around, 'Europe/Amsterdam')).toEqual(around.slice(2));
    expect(matching('updated <= "2024-03-31 01:59"', around, 'Europe/Amsterdam')).toEqual(around.slice(0, 1));
    expect(matching('updated >= "2024-03-10 02:30"', [at('2024-03-10T07:29:00Z'), at('2024-03-10T07:30:00Z')], 'America/New_York')).toEqual([at('2024-03-10T07:30:00Z')]);
  });

  it('reads a wall time that happens twice as the earlier instant (Europe/Amsterdam, 27 October 2024)', () => {
    const around = [at('2024-10-27T00:29:00Z'), at('2024-10-27T00:30:00Z'), at('2024-10-27T01:30:00Z')];
    expect(wallClock(around[1] as number, 'Europe/Amsterdam')).toBe(wallClock(around[2] as number, 'Europe/Amsterdam'));
    expect(matching('updated = "2024-10-27 02:30"', around, 'Europe/Amsterdam')).toEqual([around[1]]);
    expect(matching('updated >= "2024-10-27 02:30"', around, 'Europe/Amsterdam')).toEqual(around.slice(1));
  });

  it('finds any instant by the wall-clock time Intl shows for it, in any zone', () => {
    const zones = ['UTC', 'Europe/Amsterdam', 'America/New_York', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Danmarkshavn'];
    fc.assert(
      fc.property(fc.integer({ min: at('2000-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') }), fc.constantFrom(...zones), (ms, zone) => {
        const literal = wallClock(ms, zone);
        const jql = compile(`updated = "${literal}"`, zone);
        if (jql.matches({ updated: ms })) return;
        // Otherwise the wall time must happen twice and the query must have taken the earlier one.
        const earlier = [30, 60].map((minutes) => ms - minutes * MINUTE).find((candidate) => wallClock(candidate, zone) === literal);
        expect(earlier).toBeDefined();
        expect(jql.matches({ updated: earlier as number })).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts epoch milliseconds', () => {
    expect(matching('updated < 1709640000000', [at('2024-03-05T11:59:00Z'), at('2024-03-05T12:00:00Z')])).toEqual([at('2024-03-05T11:59:00Z')]);
  });

  it.each([
    ['17/FAKE/09'],
    ['2010/02/35'],
    ['09/1/1'],
    ['14/May/09'],
    ['2024-01-31 25:00'],
    ['2024-13-01'],
    ['2024/01-31'],
    ['2024-01-31T10:00'],
    ['yesterday'],
    [''],
    ['4w 2y'],
  ])('rejects the date %j', (value) => {
    expect(message(`created <= "${value}"`)).toBe(
      `Date value '${value}' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    );
  });
});

describe('periods relative to now', () => {
  it.each([
    ['-5m', '2024-03-05T11:55:00.000Z'],
    ['-2h', '2024-03-05T10:00:00.000Z'],
    ['-1d', '2024-03-04T12:00:00.000Z'],
    ['-1w', '2024-02-27T12:00:00.000Z'],
    ['"-4w 2d"', '2024-02-04T12:00:00.000Z'],
    ['"-1d 6h"', '2024-03-04T06:00:00.000Z'],
    ['1d', '2024-03-06T12:00:00.000Z'],
    ['"+2h"', '2024-03-05T14:00:00.000Z'],
    ['now()', '2024-03-05T12:00:00.000Z'],
  ])('updated >= %s starts at %s', (operand, start) => {
    expect(lowerBound(operand, 'UTC')).toBe(start);
  });

  it('does not depend on the time zone', () => {
    expect(lowerBound('-2h', 'Pacific/Chatham')).toBe('2024-03-05T10:00:00.000Z');
    expect(lowerBound('-1d', 'America/New_York')).toBe('2024-03-04T12:00:00.000Z');
  });

  it('reads the clock once per compile', () => {
    let calls = 0;
    const jql = compileJql('updated >= -1h AND updated <= now()', {
      fields: (name) => fieldTable[name],
      now: () => new Date(NOW + calls++ * HOUR),
    });
    expect(calls).toBe(1);
    expect(jql.matches({ updated: NOW - 30 * MINUTE })).toBe(true);
  });
});

describe('date functions', () => {
  it.each([
    ['startOfDay()', 'Europe/Amsterdam', '2024-03-04T23:00:00.000Z'],
    ['startOfDay(-1)', 'Europe/Amsterdam', '2024-03-03T23:00:00.000Z'],
    ['startOfDay("-1d")', 'Europe/Amsterdam', '2024-03-03T23:00:00.000Z'],
    ['startOfDay("+1")', 'Europe/Amsterdam', '2024-03-05T23:00:00.000Z'],
    ['startOfDay("+9h")', 'Europe/Amsterdam', '2024-03-05T08:00:00.000Z'],
    ['startOfDay()', 'America/New_York', '2024-03-05T05:00:00.000Z'],
    ['startOfDay()', 'UTC', '2024-03-05T00:00:00.000Z'],
    ['startOfWeek()', 'Europe/Amsterdam', '2024-03-02T23:00:00.000Z'],
    ['startOfWeek("+1d")', 'Europe/Amsterdam', '2024-03-03T23:00:00.000Z'],
    ['startOfWeek(-1)', 'UTC', '2024-02-25T00:00:00.000Z'],
    ['startOfMonth()', 'Europe/Amsterdam', '2024-02-29T23:00:00.000Z'],
    ['startOfMonth(-1M)', 'Europe/Amsterdam', '2024-01-31T23:00:00.000Z'],
    ['startOfMonth("+14d")', 'Europe/Amsterdam', '2024-03-14T23:00:00.000Z'],
    ['startOfYear()', 'Europe/Amsterdam', '2023-12-31T23:00:00.000Z'],
    ['startOfYear(1)', 'UTC', '2025-01-01T00:00:00.000Z'],
    ['STARTOFDAY()', 'UTC', '2024-03-05T00:00:00.000Z'],
  ])('updated >= %s in %s starts at %s', (operand, zone, start) => {
    expect(lowerBound(operand, zone)).toBe(start);
  });

  it.each([
    ['endOfDay()', 'Europe/Amsterdam', '2024-03-05T22:59:00.000Z'],
    ['endOfDay(-1)', 'UTC', '2024-03-04T23:59:00.000Z'],
    ['endOfWeek()', 'UTC', '2024-03-09T23:59:00.000Z'],
    // March ends in summer time (CEST, UTC+2)
    ['endOfMonth()', 'Europe/Amsterdam', '2024-03-31T21:59:00.000Z'],
    ['endOfMonth(-1M)', 'UTC', '2024-02-29T23:59:00.000Z'],
    ['endOfYear(-1)', 'Europe/Amsterdam', '2023-12-31T22:59:00.000Z'],
  ])('updated <= %s in %s ends at %s', (operand, zone, end) => {
    expect(upperBound(operand, zone)).toBe(end);
  });
});

describe('date-only fields', () => {
  const rows: Row[] = [{ due: '2024-03-05' }, { due: '2024-03-06' }, { due: '2024-03-10' }, {}];
  const due = (query: string, timeZone?: string, now?: number) => {
    const jql = compile(query, timeZone, now);
    return rows.filter((row) => jql.matches(row)).map((row) => row.due ?? 'none');
  };

  it('compares days', () => {
    expect(due('due <= "2024-03-06"')).toEqual(['2024-03-05', '2024-03-06']);
    expect(due('duedate = "2024/03/10"')).toEqual(['2024-03-10']);
    expect(due('due > "2024-03-05"')).toEqual(['2024-03-06', '2024-03-10']);
    expect(due('due is empty')).toEqual(['none']);
    expect(due('due != "2024-03-05"')).toEqual(['2024-03-06', '2024-03-10']);
  });

  it("reads now() and periods as days in the caller's zone", () => {
    const lateEvening = at('2024-03-05T23:30:00Z');
    expect(due('due = now()', 'UTC', lateEvening)).toEqual(['2024-03-05']);
    expect(due('due = now()', 'Europe/Amsterdam', lateEvening)).toEqual(['2024-03-06']);
    expect(due('due <= 1d', 'UTC', lateEvening)).toEqual(['2024-03-05', '2024-03-06']);
    expect(due('due < startOfDay()', 'UTC', at('2024-03-07T08:00:00Z'))).toEqual(['2024-03-05', '2024-03-06']);
  });

  it('rejects a time of day', () => {
    expect(message('due = "2024-03-06 10:00"')).toBe(
      "Date value '2024-03-06 10:00' for field 'due' is invalid. Valid formats include: 'YYYY/MM/DD', 'YYYY-MM-DD', or a period format e.g. '-5d', '4w 2d'.",
    );
  });
});
