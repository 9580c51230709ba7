import { InputError, ResponseShapeError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { where, type QueryPageEnvelope } from '../../src/index.js';
import { API, ZONE, api, failure, fixedClient, page, route, type Reply, type Seen, useNock } from './support.js';

useNock();

/** Ids 1..count, the tickets a query matches. */
const ids = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

/**
 * A query endpoint over `count` records with Autotask's paging: pages of `requestCount` by
 * ascending id; `nextPageUrl` on `origin` carries the last id; the next page must be POSTed with the
 * body of the first.
 */
function pagedQuery(count: number, options: { origin?: string; pageSize?: number; firstTimes?: number; nextTimes?: number } = {}) {
  const all = ids(count);
  const first: { body?: unknown } = {};
  const answer = (seen: Seen): Reply => {
    const body = seen.json() as { maxRecords?: number; filter: { op: string; field: string; value: number }[] };
    const size = body.maxRecords ?? options.pageSize ?? 500;
    let after = Number(seen.query.paging ?? 0);
    const idFilter = body.filter.find((node) => node.field === 'id' && node.op === 'gt');
    if (idFilter) after = Math.max(after, idFilter.value);
    if (seen.query.paging !== undefined) expect(body).toEqual(first.body);
    else if (!idFilter) first.body = body;
    const items = all.filter((id) => id > after).slice(0, size).map((id) => ({ id, title: `Ticket ${id}` }));
    const last = items.at(-1)?.id;
    const more = last !== undefined && last < count;
    return [200, page(items, more ? `${options.origin ?? ZONE}${API}/Tickets/query/next?paging=${last}` : null, size)];
  };
  return {
    first: api('POST', '/Tickets/query', answer, { times: options.firstTimes ?? 1 }),
    next: options.nextTimes === 0 ? [] : api('POST', '/Tickets/query/next', answer, { times: options.nextTimes ?? Math.ceil(count / (options.pageSize ?? 500)) - 1 }),
  };
}

describe('queries', () => {
  it('sends the filter, fields and page size as a QueryModel, with id among the fields', async () => {
    const calls = api('POST', '/Tickets/query', [200, page([{ id: 4, title: 'x' }])]);
    const found = await fixedClient()
      .tickets.query({ filter: [where.eq('status', 5), where.or(where.beginsWith('title', 'VPN'), where.notExist('dueDateTime'))], includeFields: ['title'], maxRecords: 50 })
      .toArray({ limit: 10 });
    expect(found).toEqual([{ id: 4, title: 'x' }]);
    expect(calls[0]?.json()).toEqual({
      filter: [
        { op: 'eq', field: 'status', value: 5 },
        { op: 'or', items: [{ op: 'beginsWith', field: 'title', value: 'VPN' }, { op: 'notExist', field: 'dueDateTime' }] },
      ],
      includeFields: ['id', 'title'],
      maxRecords: 50,
    });
  });

  it('a query matching 1,203 tickets returns exactly 1,203, each once, POSTing each next page with the same body', async () => {
    const { first, next } = pagedQuery(1_203);
    const pages: QueryPageEnvelope[] = [];
    const seen: number[] = [];
    for await (const result of fixedClient().tickets.query({ filter: where.noteq('status', 5) }).pages()) {
      pages.push(result.envelope as QueryPageEnvelope);
      seen.push(...result.items.map((ticket) => ticket.id));
    }
    expect(seen).toHaveLength(1_203);
    expect(new Set(seen).size).toBe(1_203);
    expect(seen).toEqual(ids(1_203));
    expect([first.length, next.length]).toEqual([1, 2]);
    expect(pages.map((envelope) => envelope.pagedBy)).toEqual(['first-page', 'next-page-url', 'next-page-url']);
    expect(next.every((call) => call.method === 'POST')).toBe(true);
  });

  it('pages by id when asked, and reaches the same end', async () => {
    const { first, next } = pagedQuery(1_203, { pageSize: 500, firstTimes: 3, nextTimes: 0 });
    const seen = await fixedClient().tickets.query({ filter: where.noteq('status', 5), paging: 'id' }).toArray({ limit: Infinity });
    expect(seen.map((ticket) => ticket.id)).toEqual(ids(1_203));
    expect(next).toHaveLength(0);
    expect(first.map((call) => (call.json() as { filter: unknown[] }).filter.at(-1))).toEqual([
      { op: 'noteq', field: 'status', value: 5 },
      { op: 'gt', field: 'id', value: 500 },
      { op: 'gt', field: 'id', value: 1_000 },
    ]);
  });

  it('never sends the credentials to another origin: auto goes on by id, next-page-url says why it stops', async () => {
    const { first, next } = pagedQuery(1_203, { origin: 'https://evil.example.com', firstTimes: 3, nextTimes: 0 });
    const seen = await fixedClient().tickets.query({ filter: where.noteq('status', 5) }).toArray({ limit: Infinity });
    expect(seen).toHaveLength(1_203);
    expect(next).toHaveLength(0);
    expect(first).toHaveLength(3);

    pagedQuery(1_203, { origin: 'https://evil.example.com', nextTimes: 0 });
    const error = await failure(fixedClient().tickets.query({ filter: where.noteq('status', 5), paging: 'next-page-url' }).toArray({ limit: Infinity }));
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect((error as Error).message).toMatch(/points at https:\/\/evil\.example\.com, not at the zone's origin https:\/\/webservices5\.autotask\.net/);
  });

  it('goes on by id when the next-page URL is refused (405), without losing or repeating a record', async () => {
    const all = ids(1_100);
    const calls = api('POST', '/Tickets/query', (seen) => {
      const filter = (seen.json() as { filter: { op: string; field: string; value: number }[] }).filter;
      const after = filter.find((node) => node.op === 'gt')?.value ?? 0;
      const items = all.filter((id) => id > after).slice(0, 500).map((id) => ({ id }));
      const last = items.at(-1)?.id ?? 0;
      return [200, page(items, last < 1_100 ? `${ZONE}${API}/Tickets/query/next?paging=${last}` : null)];
    }, { times: 3 });
    const refused = api('POST', '/Tickets/query/next', [405, { Message: "The requested resource does not support http method 'POST'." }]);
    const seen = await fixedClient().tickets.query({ filter: where.exist('id') }).toArray({ limit: Infinity });
    expect(seen.map((ticket) => ticket.id)).toEqual(all);
    expect([calls.length, refused.length]).toEqual([3, 1]);
  });

  it('splits a long top-level in list into queries that fit, and merges them', async () => {
    const wanted = ids(1_200);
    const calls = api('POST', '/Tickets/query', (seen) => {
      const filter = (seen.json() as { filter: { op: string; field: string; value: number[] }[] }).filter;
      const list = filter.find((node) => node.op === 'in')?.value ?? [];
      return [200, page(list.filter((id) => id % 2 === 0).map((id) => ({ id })))];
    }, { times: 3 });
    const found = await fixedClient().tickets.query({ filter: [where.in('id', [...wanted, 4, 6]), where.eq('status', 1)] }).toArray({ limit: Infinity });
    expect(found.map((ticket) => ticket.id)).toEqual(wanted.filter((id) => id % 2 === 0));
    const lists = calls.map((call) => (call.json() as { filter: { value: unknown }[] }).filter[0]?.value as number[]);
    expect(lists.map((list) => list.length)).toEqual([500, 500, 200]);
    expect(calls.every((call) => (call.json() as { filter: unknown[] }).filter[1] !== undefined)).toBe(true);
  });

  it('counts a split query by adding up its parts', async () => {
    const calls = api('POST', '/Tickets/query/count', (seen) => [200, { queryCount: ((seen.json() as { filter: { value: number[] }[] }).filter[0]?.value ?? []).length }], { times: 3 });
    expect(await fixedClient().tickets.count({ filter: where.in('id', ids(1_001)) })).toBe(1_001);
    expect(calls).toHaveLength(3);
  });

  it('refuses what Autotask would silently ignore, before any request', () => {
    const tickets = fixedClient().tickets;
    const refusals: [unknown, RegExp][] = [
      [[], /at least one condition/],
      [{ op: 'ne', field: 'status', value: 5 }, /"ne" is not an Autotask operator \(use noteq\)/],
      [{ op: 'isNull', field: 'dueDateTime' }, /use notExist/],
      [{ op: 'or', items: [] }, /empty or group/],
      [{ op: 'eq', field: 'status' }, /must not be null or missing/],
      [{ op: 'eq', field: 'status', value: null }, /must not be null/],
      [{ op: 'exist', field: 'id', value: 1 }, /must not be given with exist/],
      [{ op: 'in', field: 'id', value: [] }, /non-empty list/],
      [{ op: 'eq', field: 'status', value: [1, 2] }, /use in for a list/],
      [{ op: 'eq', field: 'status", "op": "or', value: 1 }, /not an Autotask field name/],
      [{ op: 'eq', field: 'status', value: 1, extra: true }, /filter\.0\.extra is not a known field/],
      [[where.udf.eq('A', 1), where.udf.eq('B', 2)], /one user-defined field at a time/],
      [where.or(...ids(501).map((id) => where.eq('id', id))), /501 OR conditions/],
    ];
    for (const [filter, message] of refusals) {
      expect(() => tickets.query({ filter: filter as never }), String(message)).toThrow(message);
      expect(() => tickets.query({ filter: filter as never })).toThrow(InputError);
    }
    expect(() => tickets.query({ filter: where.all(), maxRecords: 501 })).toThrow(/maxRecords must be an integer from 1 to 500/);
    expect(() => tickets.query({ filter: where.all(), includeFields: ['id;drop'] })).toThrow(/includeFields/);
    expect(() => tickets.query({ filter: where.all(), paging: 'offset' as never })).toThrow(/paging/);
    expect(() => tickets.query({ filter: where.all(), tiemout: 5 } as never)).toThrow(/tiemout/);
  });

  it('retries a query on a transient failure (a read-only POST), but never a create', async () => {
    const query = api('POST', '/Tickets/query', [[503, ''], [200, page([{ id: 1 }])]]);
    expect(await fixedClient().tickets.query({ filter: where.all() }).toArray({ limit: 1 })).toHaveLength(1);
    expect(query).toHaveLength(2);
    const create = api('POST', '/Tickets', [503, '']);
    const error = await failure(fixedClient({ maxRetries: 3 }).tickets.create({ title: 'x' }));
    expect(error).toMatchObject({ name: 'ServerError', outcome: 'unknown' });
    expect(create).toHaveLength(1);
  });

  it('follows a next-page URL spelled in another case, as a read-only POST', async () => {
    const calls = route('POST', '/atservicesrest/v1.0/tickets/query/next', [[500, ''], [200, page([{ id: 2 }])]]);
    api('POST', '/Tickets/query', [200, page([{ id: 1 }], `${ZONE}/atservicesrest/v1.0/tickets/query/next?paging=1`)]);
    expect((await fixedClient().tickets.query({ filter: where.all() }).toArray({ limit: 10 })).map((ticket) => ticket.id)).toEqual([1, 2]);
    expect(calls).toHaveLength(2);
  });
});
