// Paging through the SDK delivers every row once, whatever the page size, the number of rows, and
// the way Ivanti says "no rows" at the end (an empty body, a 204, or an empty list), and never trusts
// @odata.count (here often wrong). The tenant is a fake fetch that pages a list with $top/$skip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IvantiClient } from '../src/index.js';

const TENANT = 'https://tenant.ivanticloud.com';

function recId(index: number): string {
  return index.toString(16).toUpperCase().padStart(32, '0');
}

function fakeTenant(total: number, emptyAnswer: 'body' | '204' | 'list', countOffset: number): typeof fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const top = Number(url.searchParams.get('$top'));
    const skip = Number(url.searchParams.get('$skip'));
    if (!(top >= 1 && top <= 100)) return new Response(JSON.stringify({ code: 'ISM_4000', message: ['Invalid Request Payload'] }), { status: 400 });
    const value = Array.from({ length: Math.max(0, Math.min(top, total - skip)) }, (_, index) => ({ RecId: recId(skip + index) }));
    if (value.length === 0 && emptyAnswer === '204') return new Response(null, { status: 204 });
    if (value.length === 0 && emptyAnswer === 'body') return new Response('', { status: 200 });
    return Response.json({ '@odata.count': Math.max(0, total + countOffset), value });
  };
}

describe('paging (property)', { timeout: 120_000 }, () => {
  it('delivers each row once, across page sizes and end encodings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 320 }),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom('body' as const, '204' as const, 'list' as const),
        fc.integer({ min: -50, max: 50 }),
        async (total, pageSize, emptyAnswer, countOffset) => {
          const ivanti = new IvantiClient({ baseUrl: TENANT, apiKey: 'key', probe: false, fetch: fakeTenant(total, emptyAnswer, countOffset) });
          const rows = await ivanti.incidents.list({ pageSize }).toArray({ limit: Infinity });
          expect(rows.map((row) => row.RecId)).toEqual(Array.from({ length: total }, (_, index) => recId(index)));
        },
      ),
      { numRuns: 40 },
    );
  });
});
