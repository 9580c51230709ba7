// Paging against a fake Autotask query endpoint, for random data, page sizes, paging modes and
// writes between pages: no record that matched throughout is lost, none is returned twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AutotaskClient, createZoneCache, where, type PagingMode } from '../src/index.js';

const ORIGIN = 'https://webservices5.autotask.net';
const BASE = `${ORIGIN}/ATServicesRest/V1.0`;

/** A write made between two pages: a new record (ids only grow), a deletion, or a change of status. */
type Write = { kind: 'insert' } | { kind: 'delete'; pick: number } | { kind: 'status'; pick: number; status: number };

interface Scenario {
  statuses: number[];
  pageSize: number;
  paging: PagingMode;
  writes: Write[][];
}

/**
 * An in-memory Autotask: records by ascending id; `status` filters; pages of `maxRecords` after an
 * id cursor, carried by `nextPageUrl` (which must be POSTed with the same body) or by `id gt`.
 */
function fakeAutotask(scenario: Scenario) {
  const records = new Map<number, number>(scenario.statuses.map((status, index) => [(index + 1) * 3, status]));
  let nextId = scenario.statuses.length * 3 + 3;
  let page = 0;
  /** Every id that ever existed: a record inserted and deleted between pages may still be seen. */
  const existed = new Set(records.keys());
  const apply = (writes: Write[]) => {
    for (const write of writes) {
      const ids = [...records.keys()];
      if (write.kind === 'insert') {
        records.set((nextId += 2), 1);
        existed.add(nextId);
      }
      else if (ids.length > 0) {
        const id = ids[write.pick % ids.length] as number;
        if (write.kind === 'delete') records.delete(id);
        else records.set(id, write.status);
      }
    }
  };
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const body = (await request.json()) as { filter: { op: string; field: string; value: number }[]; maxRecords?: number };
    if (page > 0) apply(scenario.writes[page - 1] ?? []);
    page += 1;
    let after = url.searchParams.has('paging') ? Number(url.searchParams.get('paging')) : -1;
    let wantedStatus: number | undefined;
    for (const node of body.filter) {
      if (node.field === 'id' && node.op === 'gt') after = Math.max(after, node.value);
      if (node.field === 'status' && node.op === 'eq') wantedStatus = node.value;
    }
    const size = body.maxRecords ?? 500;
    const matches = [...records.entries()].filter(([id, status]) => id > after && (wantedStatus === undefined || status === wantedStatus)).sort(([a], [b]) => a - b);
    const items = matches.slice(0, size).map(([id, status]) => ({ id, status }));
    const last = items.at(-1)?.id;
    const nextPageUrl = matches.length > size && last !== undefined ? `${BASE}/Tickets/query/next?paging=${last}` : null;
    return new Response(JSON.stringify({ items, pageDetails: { count: items.length, requestCount: size, prevPageUrl: null, nextPageUrl } }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, records, existed };
}

const write: fc.Arbitrary<Write> = fc.oneof(
  fc.constant<Write>({ kind: 'insert' }),
  fc.nat().map((pick): Write => ({ kind: 'delete', pick })),
  fc.tuple(fc.nat(), fc.constantFrom(1, 5)).map(([pick, status]): Write => ({ kind: 'status', pick, status })),
);

const scenario: fc.Arbitrary<Scenario> = fc.record({
  statuses: fc.array(fc.constantFrom(1, 5), { maxLength: 1_200 }),
  pageSize: fc.integer({ min: 1, max: 500 }),
  paging: fc.constantFrom<PagingMode>('auto', 'next-page-url', 'id'),
  writes: fc.array(fc.array(write, { maxLength: 5 }), { maxLength: 6 }),
});

describe('paging (property)', () => {
  it('returns every record that matched throughout exactly once, whatever the page size and the writes between pages', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (generated) => {
        const server = fakeAutotask(generated);
        const initial = new Map(server.records);
        const client = new AutotaskClient({
          username: 'paging@acme.example',
          secret: 'secret-value',
          trackingId: 'TRACKING',
          baseUrl: `${ORIGIN}/ATServicesRest`,
          fetch: server.fetch as typeof fetch,
          zoneCache: createZoneCache(),
          limits: { readThresholds: false, hourlyRequests: false },
        });
        const seen = (await client.tickets.query({ filter: where.eq('status', 1), maxRecords: generated.pageSize, paging: generated.paging }).toArray({ limit: Infinity })).map((ticket) => ticket.id);
        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual([...seen].sort((a, b) => a - b));
        for (const [id, status] of initial) {
          // Matched from the first page to the last: present and status 1 at the end, status 1 at the start.
          if (status === 1 && server.records.get(id) === 1) expect(seen).toContain(id);
        }
        for (const id of seen) expect(server.existed.has(id)).toBe(true);
      }),
      { numRuns: 150, examples: [[{ statuses: [1, 1], pageSize: 1, paging: 'auto', writes: [[{ kind: 'insert' }], [{ kind: 'insert' }], [{ kind: 'delete', pick: 399354670 }]] }]] },
    );
  });
});
