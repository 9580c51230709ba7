import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPage, type OffsetPage } from '../src/offset-page.js';

const letters = ['a', 'b', 'c', 'd', 'e'];

describe('offsetPage', () => {
  it('slices a page and tells what comes before and after', () => {
    expect(offsetPage(letters, 0, 2)).toEqual({ items: ['a', 'b'], offset: 0, limit: 2, total: 5, isLast: false, nextOffset: 2, previousOffset: undefined });
    expect(offsetPage(letters, 2, 2)).toEqual({ items: ['c', 'd'], offset: 2, limit: 2, total: 5, isLast: false, nextOffset: 4, previousOffset: 0 });
    expect(offsetPage(letters, 4, 2)).toEqual({ items: ['e'], offset: 4, limit: 2, total: 5, isLast: true, nextOffset: undefined, previousOffset: 2 });
    expect(offsetPage(letters, 3, 2)).toMatchObject({ items: ['d', 'e'], isLast: true, nextOffset: undefined, previousOffset: 1 });
  });

  it('gives an empty last page past the end and for an empty list', () => {
    expect(offsetPage(letters, 9, 2)).toEqual({ items: [], offset: 9, limit: 2, total: 5, isLast: true, nextOffset: undefined, previousOffset: 7 });
    expect(offsetPage([], 0, 10)).toEqual({ items: [], offset: 0, limit: 10, total: 0, isLast: true, nextOffset: undefined, previousOffset: undefined });
  });

  it('counts a negative offset or limit as 0', () => {
    expect(offsetPage(letters, -3, 2)).toMatchObject({ items: ['a', 'b'], offset: 0, previousOffset: undefined });
    expect(offsetPage(letters, 1, -1)).toMatchObject({ items: [], limit: 0, isLast: false, nextOffset: 1 });
  });

  it('following nextOffset from any start reads every item after it exactly once, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 60 }), fc.nat(70), fc.integer({ min: 1, max: 15 }), (all, start, limit) => {
        const read: number[] = [];
        let offset: number | undefined = start;
        while (offset !== undefined) {
          const page: OffsetPage<number> = offsetPage(all, offset, limit);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          read.push(...page.items);
          offset = page.nextOffset;
        }
        expect(read).toEqual(all.slice(start));
      }),
    );
  });
});
