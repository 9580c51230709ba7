/**
 * Paging by `nextPageUrl`: POST-started queries follow it with POST and the same body (a GET is
 * Web API's 405), GET-started ones with GET; each record comes back exactly once, also while records
 * change between pages; `prevPageUrl` goes back; a token only works for its own query.
 */
import { describe, expect, it } from 'vitest';
import { api, search, type QueryPage } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox({ tickets: 1_203 });
const all = { filter: [{ op: 'exist', field: 'id' }] };

async function follow(method: 'GET' | 'POST', first: string, body: unknown): Promise<{ ids: number[]; pages: QueryPage[] }> {
  const ids: number[] = [];
  const pages: QueryPage[] = [];
  let url: string | null = first;
  while (url !== null) {
    const reply = await at.call(method, url, method === 'POST' ? { json: body } : {});
    expect(reply.status, reply.text).toBe(200);
    const page = reply.body<QueryPage>();
    pages.push(page);
    ids.push(...page.items.map((item) => item.id as number));
    url = page.pageDetails.nextPageUrl;
    expect(pages.length).toBeLessThan(10);
  }
  return { ids, pages };
}

describe('nextPageUrl', () => {
  it('returns 1,203 tickets exactly once in three POSTed pages, by ascending id', async () => {
    const { ids, pages } = await follow('POST', api('Tickets/query'), all);
    expect(pages.map((page) => page.pageDetails.count)).toEqual([500, 500, 203]);
    expect(ids).toHaveLength(1_203);
    expect(new Set(ids).size).toBe(1_203);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const next = pages[0]?.pageDetails.nextPageUrl ?? '';
    expect(next.startsWith(`${at.sb.url('autotask')}/ATServicesRest/V1.0/Tickets/query/next?paging=`)).toBe(true);
    expect(next).not.toContain('search=');
  });

  it('follows a GET-started query with GET (the URL carries the search)', async () => {
    const { ids, pages } = await follow('GET', search('Tickets', all), undefined);
    expect(ids).toHaveLength(1_203);
    expect(new Set(ids).size).toBe(1_203);
    expect(pages[0]?.pageDetails.nextPageUrl).toContain('&search=');
  });

  it('answers 405 with Message to a GET on a POST-started nextPageUrl', async () => {
    const first = (await at.call('POST', api('Tickets/query'), { json: all })).body<QueryPage>();
    const reply = await at.call('GET', first.pageDetails.nextPageUrl ?? '');
    expect(reply.status).toBe(405);
    expect(reply.json).toEqual({ Message: "The requested resource does not support http method 'GET'." });
  });

  it('pages a filtered query with a small MaxRecords and gives the same rows as count says', async () => {
    const body = { filter: [{ op: 'noteq', field: 'status', value: 5 }], MaxRecords: 37 };
    const { ids, pages } = await follow('POST', api('Tickets/query'), body);
    const counted = (await at.call('POST', api('Tickets/query/count'), { json: body })).body<{ queryCount: number }>().queryCount;
    expect(ids).toHaveLength(counted);
    expect(new Set(ids).size).toBe(counted);
    expect(pages.every((page) => page.pageDetails.requestCount === 37)).toBe(true);
  });

  it('keeps pages consistent while records change between them', async () => {
    const body = { filter: [{ op: 'noteq', field: 'status', value: 5 }], MaxRecords: 100 };
    const table = at.state.tables.Tickets;
    const before = new Set([...table.rows()].filter((t) => t.status !== 5).map((t) => t.id));
    const first = (await at.call('POST', api('Tickets/query'), { json: body })).body<QueryPage>();
    const seen = first.items.map((item) => item.id as number);
    // Between pages: a returned ticket is completed, a later one too, and a completed ticket reopens.
    const laterOpen = [...before].filter((id) => id > (seen.at(-1) ?? 0));
    const completedLater = laterOpen[5] as number;
    table.update(seen[0] as number, { status: 5 });
    table.update(completedLater, { status: 5 });
    const reopened = [...table.rows()].find((t) => t.status === 5 && t.id > (seen.at(-1) ?? 0) && t.id !== completedLater)?.id as number;
    table.update(reopened, { status: 8 });
    const { ids } = await follow('POST', first.pageDetails.nextPageUrl ?? '', body);
    const returned = [...seen, ...ids];
    expect(new Set(returned).size).toBe(returned.length);
    for (const id of before) if (id !== completedLater) expect(returned).toContain(id);
    expect(returned).not.toContain(completedLater);
    expect(returned).toContain(reopened);
  });

  it('goes back with prevPageUrl', async () => {
    const first = (await at.call('POST', api('Tickets/query'), { json: { ...all, MaxRecords: 50 } })).body<QueryPage>();
    const second = (await at.call('POST', first.pageDetails.nextPageUrl ?? '', { json: { ...all, MaxRecords: 50 } })).body<QueryPage>();
    expect(second.pageDetails.prevPageUrl).not.toBeNull();
    const back = (await at.call('POST', second.pageDetails.prevPageUrl ?? '', { json: { ...all, MaxRecords: 50 } })).body<QueryPage>();
    expect(back.items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
    expect(back.pageDetails.prevPageUrl).toBeNull();
  });

  it('refuses a paging token with another query', async () => {
    const first = (await at.call('POST', api('Tickets/query'), { json: all })).body<QueryPage>();
    const reply = await at.call('POST', first.pageDetails.nextPageUrl ?? '', { json: { filter: [{ op: 'eq', field: 'status', value: 1 }] } });
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({ errors: ['The paging information is invalid for this query.'] });
    const garbage = await at.call('POST', `${api('Tickets/query/next')}?paging=abc`, { json: all });
    expect(garbage.status).toBe(500);
  });

  it('pages a child collection with GET', async () => {
    const ticket = at.state.facts.ticketWithInternalNote.ticketId;
    const reply = await at.call('GET', api(`Tickets/${ticket}/Notes`));
    const page = reply.body<QueryPage>();
    expect(page.items.map((item) => item.id)).toEqual(expect.arrayContaining([at.state.facts.ticketWithInternalNote.publicNoteId, at.state.facts.ticketWithInternalNote.internalNoteId]));
    expect(page.pageDetails.nextPageUrl).toBeNull();
  });
});
