import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken, searchAfterPage, type SearchAfterOptions } from '../src/search-after.js';
import { SimResponseError } from '../src/simulator.js';

interface Row {
  readonly id: number;
}

const byId = (token: string | undefined, limit: number, scope = 'all rows'): SearchAfterOptions<Row, number> => ({
  token,
  scope,
  limit,
  positionOf: (row) => row.id,
  isPosition: (position): position is number => typeof position === 'number',
  isAfter: (row, lastId) => row.id > lastId,
  invalidToken: () => ({ status: 400, body: { error: 'bad token' } }),
});

const rows = (...ids: number[]): Row[] => ids.map((id) => ({ id }));

function refusal(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    if (error instanceof SimResponseError) return error.response;
    throw error;
  }
  throw new Error('the page was not refused');
}

describe('page tokens', () => {
  it('round-trip a JSON position under the same scope, deterministically', () => {
    const token = encodePageToken(['High', 1700000000000, 'HD-12', null], 'project = HD');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodePageToken(['High', 1700000000000, 'HD-12', null], 'project = HD')).toBe(token);
    expect(decodePageToken(token, 'project = HD')).toEqual(['High', 1700000000000, 'HD-12', null]);
  });

  it('are refused under another scope, and when malformed', () => {
    const token = encodePageToken(5, 'a');
    expect(decodePageToken(token, 'b')).toBeUndefined();
    expect(decodePageToken('not a token', 'a')).toBeUndefined();
    expect(decodePageToken(Buffer.from('{"q":1}').toString('base64url'), 'a')).toBeUndefined();
    expect(decodePageToken(Buffer.from('[1,2]').toString('base64url'), 'a')).toBeUndefined();
  });

  it('carry only a hash of the scope', () => {
    const token = encodePageToken(1, 'summary ~ "secret plan"');
    expect(Buffer.from(token, 'base64url').toString('utf8')).not.toContain('secret');
  });
});

describe('searchAfterPage', () => {
  it('pages through a sorted list', () => {
    const all = rows(1, 2, 3, 4, 5);
    const first = searchAfterPage(all, byId(undefined, 2));
    expect(first.items).toEqual(rows(1, 2));
    expect(first.isLast).toBe(false);
    const second = searchAfterPage(all, byId(first.nextToken, 2));
    expect(second.items).toEqual(rows(3, 4));
    const third = searchAfterPage(all, byId(second.nextToken, 2));
    expect(third).toEqual({ items: rows(5), isLast: true, nextToken: undefined });
  });

  it('ends exactly on a full last page without an empty extra page', () => {
    expect(searchAfterPage(rows(1, 2), byId(undefined, 2))).toEqual({ items: rows(1, 2), isLast: true, nextToken: undefined });
    expect(searchAfterPage([], byId(undefined, 2))).toEqual({ items: [], isLast: true, nextToken: undefined });
  });

  it('uses a page of at least one item', () => {
    expect(searchAfterPage(rows(1, 2), byId(undefined, 0)).items).toEqual(rows(1));
  });

  it('resumes after the last item even when items before it were removed or added', () => {
    const first = searchAfterPage(rows(10, 20, 30, 40), byId(undefined, 2));
    // 10 and 20 are deleted, 15 is inserted before the cursor, 25 after it.
    const second = searchAfterPage(rows(15, 25, 30, 40), byId(first.nextToken, 2));
    expect(second.items).toEqual(rows(25, 30));
  });

  it('answers the invalidToken response for a token of another scope, a malformed one, or a position of another shape', () => {
    const expected = { status: 400, body: { error: 'bad token' } };
    const token = searchAfterPage(rows(1, 2, 3), byId(undefined, 1)).nextToken;
    expect(refusal(() => searchAfterPage(rows(1, 2, 3), byId(token, 1, 'another query')))).toEqual(expected);
    expect(refusal(() => searchAfterPage(rows(1, 2, 3), byId('garbage', 1)))).toEqual(expected);
    expect(refusal(() => searchAfterPage(rows(1, 2, 3), byId(encodePageToken('x', 'all rows'), 1)))).toEqual(expected);
    // isPosition is checked even when no item is left to compare with.
    expect(refusal(() => searchAfterPage([], byId(encodePageToken('x', 'all rows'), 1)))).toEqual(expected);
  });

  it('answers invalidToken when isAfter cannot compare the position with an item', () => {
    const options: SearchAfterOptions<Row, readonly number[]> = {
      token: encodePageToken([1, 2], 'q'),
      scope: 'q',
      limit: 5,
      positionOf: (row) => [row.id],
      isPosition: (position): position is readonly number[] => Array.isArray(position),
      isAfter: (row, position) => (position.length === 1 ? row.id > (position[0] ?? 0) : undefined),
      invalidToken: () => ({ status: 400 }),
    };
    expect(refusal(() => searchAfterPage(rows(1, 2), options))).toEqual({ status: 400 });
    expect(searchAfterPage(rows(1, 2), { ...options, token: encodePageToken([1], 'q') }).items).toEqual(rows(2));
  });

  it('never loses or repeats an item that stays in the list while others come and go between pages', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 200 })), { maxLength: 40 }),
        (initial, limit, changes) => {
          let ids = [...initial].sort((a, b) => a - b);
          const stable = new Set(initial.filter((id) => id % 3 === 0)); // never removed
          const seen: number[] = [];
          let token: string | undefined;
          let step = 0;
          for (;;) {
            const page = searchAfterPage(rows(...ids), byId(token, limit));
            seen.push(...page.items.map((row) => row.id));
            if (page.nextToken === undefined) break;
            token = page.nextToken;
            // Between pages: one insert or removal (of an id that is not stable).
            const change = changes[step];
            step += 1;
            if (change !== undefined) {
              const [insert, id] = change;
              if (insert && !ids.includes(id)) ids = [...ids, id].sort((a, b) => a - b);
              if (!insert && !stable.has(id)) ids = ids.filter((other) => other !== id);
            }
          }
          expect(new Set(seen).size).toBe(seen.length); // ids only ever move forward: nothing twice
          for (const id of stable) expect(seen).toContain(id);
          expect(seen).toEqual([...seen].sort((a, b) => a - b));
        },
      ),
    );
  });

  it('finds the same page with `ordered` (a binary search) as by testing every item, duplicates and empty lists included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 50 }),
        fc.integer({ min: -1, max: 61 }),
        fc.integer({ min: 1, max: 9 }),
        (values, lastId, limit) => {
          const sorted = rows(...[...values].sort((a, b) => a - b));
          const token = encodePageToken(lastId, 'all rows');
          let calls = 0;
          const counted: SearchAfterOptions<Row, number> = {
            ...byId(token, limit),
            isAfter: (row, last) => {
              calls += 1;
              return row.id > last;
            },
          };
          const linear = searchAfterPage(sorted, byId(token, limit));
          const ordered = searchAfterPage(sorted, { ...counted, ordered: true });
          expect(ordered).toEqual(linear);
          expect(calls).toBeLessThanOrEqual(Math.ceil(Math.log2(sorted.length + 1)));
        },
      ),
    );
  });

  it('refuses with `ordered` what it refuses without: a position isAfter cannot compare', () => {
    const options: SearchAfterOptions<Row, number[]> = {
      token: encodePageToken([1, 2], 'q'),
      scope: 'q',
      limit: 1,
      positionOf: (row) => [row.id],
      isPosition: (position): position is number[] => Array.isArray(position),
      isAfter: (row, position) => (position.length === 1 ? row.id > (position[0] ?? 0) : undefined),
      invalidToken: () => ({ status: 400 }),
      ordered: true,
    };
    expect(refusal(() => searchAfterPage(rows(1, 2, 3), options))).toEqual({ status: 400 });
    expect(searchAfterPage(rows(1, 2, 3), { ...options, token: encodePageToken([1], 'q') })).toEqual({ items: rows(2), isLast: false, nextToken: encodePageToken([2], 'q') });
    // As without `ordered`: an empty list has nothing to compare, so any position of the right shape passes.
    expect(searchAfterPage([], options)).toEqual({ items: [], isLast: true, nextToken: undefined });
  });
});
