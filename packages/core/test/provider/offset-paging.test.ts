/**
 * Offset paging: the next offset counts the items received; a page ends the list when it is empty,
 * says it is the last, reaches the total, or (by the end rule) is short.
 */
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { nextOffset, offsetPaginator, type OffsetPage } from '../../src/provider/offset-paging.js';

describe('nextOffset', () => {
  it.each<[OffsetPage<number>, 'short-page' | 'empty-page', number | undefined]>([
    [{ items: [1, 2], start: 0 }, 'short-page', 2],
    [{ items: [1], start: 0 }, 'short-page', undefined],
    [{ items: [1], start: 0 }, 'empty-page', 1],
    [{ items: [], start: 4 }, 'empty-page', undefined],
    [{ items: [1, 2], start: 0, total: 2 }, 'short-page', undefined],
    [{ items: [1], start: 0, total: 5 }, 'short-page', 1],
    [{ items: [1, 2], start: 0, isLast: true }, 'short-page', undefined],
    [{ items: [1], start: 0, isLast: false }, 'short-page', 1],
  ])('%j (%s) -> %s', (page, rule, expected) => {
    expect(nextOffset(page, 2, rule)).toBe(expected);
  });
});

describe('offsetPaginator', () => {
  it('asks for each offset once, and stops on a short page (OData $top/$skip)', async () => {
    const data = Array.from({ length: 5 }, (_, n) => n);
    const starts: number[] = [];
    const paginator = offsetPaginator(async (start) => {
      starts.push(start);
      return { items: data.slice(start, start + 2), start, envelope: { count: data.length } };
    }, { pageSize: 2 });
    expect(await paginator.toArray({ limit: Infinity })).toEqual(data);
    expect(starts).toEqual([0, 2, 4]);
    const envelopes = [];
    for await (const page of paginator.pages()) envelopes.push(page.envelope);
    expect(envelopes).toEqual([{ count: 5 }, { count: 5 }, { count: 5 }]);
  });

  it('goes past short pages until an empty one with the empty-page rule', async () => {
    const pages = [[1], [2, 3], []];
    const starts: number[] = [];
    const paginator = offsetPaginator(async (start) => {
      starts.push(start);
      return { items: pages[starts.length - 1] ?? [], start };
    }, { pageSize: 3, end: 'empty-page' });
    expect(await paginator.toArray({ limit: Infinity })).toEqual([1, 2, 3]);
    expect(starts).toEqual([0, 1, 3]);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => offsetPaginator(async (start) => ({ items: [], start }), { pageSize: 0 })).toThrow(InputError);
  });
});
