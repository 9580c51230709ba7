/**
 * The query language: every operator, groups, Autotask's silent-ignore of unknown operators, its
 * errors, case-insensitive names, IncludeFields, MaxRecords, UDFs and count.
 */
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../src/autotask/index.js';
import { api, search, type QueryPage } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();

const tickets = (): Ticket[] => [...at.state.tables.Tickets.rows()];

async function count(entity: string, filter: unknown[]): Promise<number> {
  const reply = await at.call('POST', api(`${entity}/query/count`), { json: { filter } });
  expect(reply.status, reply.text).toBe(200);
  return reply.body<{ queryCount: number }>().queryCount;
}

async function errorOf(entity: string, body: unknown): Promise<string> {
  const reply = await at.call('POST', api(`${entity}/query`), { json: body });
  expect(reply.status, reply.text).toBe(500);
  return reply.body<{ errors: string[] }>().errors[0] ?? '';
}

describe('filter is mandatory', () => {
  it('answers the null-filter 500 for a missing or empty filter, an empty body and a missing search', async () => {
    for (const body of [{}, { filter: [] }, { MaxRecords: 5 }]) expect(await errorOf('Tickets', body)).toBe('Value cannot be null.\r\nParameter name: filter');
    const empty = await at.call('POST', api('Tickets/query'), { headers: { 'content-type': 'application/json' } });
    expect(empty.status).toBe(500);
    const noSearch = await at.call('GET', api('Tickets/query'));
    expect(noSearch.status).toBe(500);
    expect(noSearch.json).toEqual({ errors: ['Value cannot be null.\r\nParameter name: filter'] });
  });

  it('returns every row for the idiomatic "all rows" filters', async () => {
    expect(await count('Tickets', [{ op: 'exist', field: 'id' }])).toBe(600);
    expect(await count('Tickets', [{ op: 'gte', field: 'id', value: 0 }])).toBe(600);
    expect(await count('Companies', [{ op: 'gte', field: 'id', value: 0 }])).toBe(at.state.tables.Companies.size);
  });
});

describe('operators', () => {
  it('compares numbers: eq noteq gt gte lt lte in notIn', async () => {
    const all = tickets();
    const cases: [unknown, (t: Ticket) => boolean][] = [
      [{ op: 'eq', field: 'status', value: 5 }, (t) => t.status === 5],
      [{ op: 'noteq', field: 'status', value: 5 }, (t) => t.status !== 5],
      [{ op: 'gt', field: 'priority', value: 2 }, (t) => t.priority > 2],
      [{ op: 'gte', field: 'priority', value: 2 }, (t) => t.priority >= 2],
      [{ op: 'lt', field: 'priority', value: '2' }, (t) => t.priority < 2],
      [{ op: 'lte', field: 'priority', value: 2 }, (t) => t.priority <= 2],
      [{ op: 'in', field: 'status', value: [1, 8, 7] }, (t) => [1, 8, 7].includes(t.status)],
      [{ op: 'notIn', field: 'status', value: [1, 5] }, (t) => ![1, 5].includes(t.status)],
    ];
    for (const [filter, expected] of cases) expect(await count('Tickets', [filter]), JSON.stringify(filter)).toBe(all.filter(expected).length);
  });

  it('matches text case-insensitively: eq beginsWith endsWith contains', async () => {
    const all = tickets();
    const lower = (t: Ticket) => t.title.toLowerCase();
    expect(await count('Tickets', [{ op: 'contains', field: 'title', value: 'VPN' }])).toBe(all.filter((t) => lower(t).includes('vpn')).length);
    expect(await count('Tickets', [{ op: 'beginsWith', field: 'title', value: 'password' }])).toBe(all.filter((t) => lower(t).startsWith('password')).length);
    expect(await count('Tickets', [{ op: 'endsWith', field: 'title', value: 'JAMMED' }])).toBe(all.filter((t) => lower(t).endsWith('jammed')).length);
    const { knownRequester } = at.state.facts;
    expect(await count('Contacts', [{ op: 'eq', field: 'emailAddress', value: knownRequester.email.toUpperCase() }])).toBe(1);
  });

  it('tests presence with exist and notExist, and applies SQL null rules to noteq and notIn', async () => {
    const all = tickets();
    const assigned = all.filter((t) => t.assignedResourceID !== undefined);
    expect(await count('Tickets', [{ op: 'exist', field: 'assignedResourceID' }])).toBe(assigned.length);
    expect(await count('Tickets', [{ op: 'notExist', field: 'assignedResourceID' }])).toBe(all.length - assigned.length);
    const agent = at.state.facts.agent.id;
    expect(await count('Tickets', [{ op: 'noteq', field: 'assignedResourceID', value: agent }])).toBe(assigned.filter((t) => t.assignedResourceID !== agent).length);
    expect(await count('Tickets', [{ op: 'notIn', field: 'assignedResourceID', value: [agent] }])).toBe(assigned.filter((t) => t.assignedResourceID !== agent).length);
  });

  it('compares dates as UTC instants, with or without an offset', async () => {
    const all = tickets();
    const cut = Date.UTC(2025, 9, 1);
    const expected = all.filter((t) => t.lastActivityDate > cut).length;
    expect(await count('Tickets', [{ op: 'gt', field: 'lastActivityDate', value: '2025-10-01T00:00:00' }])).toBe(expected);
    expect(await count('Tickets', [{ op: 'gt', field: 'lastActivityDate', value: '2025-10-01T02:00:00+02:00' }])).toBe(expected);
    expect(await count('Tickets', [{ op: 'gt', field: 'LastActivityDate', value: '2025-10-01' }])).toBe(expected);
  });

  it('groups with and/or, nested (Datto\'s Postman example)', async () => {
    const contacts = [...at.state.tables.Contacts.rows()];
    const [a, b] = contacts as [(typeof contacts)[0], (typeof contacts)[0]];
    const filter = [
      { op: 'eq', field: 'IsActive', value: true },
      {
        op: 'or',
        items: [
          { op: 'eq', field: 'lastname', value: a.lastName },
          { op: 'and', items: [{ op: 'eq', field: 'firstname', value: b.firstName }, { op: 'eq', field: 'lastname', value: b.lastName }] },
        ],
      },
    ];
    const expected = contacts.filter((c) => c.isActive === 1 && (c.lastName === a.lastName || (c.firstName === b.firstName && c.lastName === b.lastName))).length;
    expect(await count('Contacts', filter)).toBe(expected);
  });

  it('reads boolean fields from literal true/false only', async () => {
    expect(await count('Tickets', [{ op: 'eq', field: 'isVisibleToComanaged', value: false }])).toBe(600);
    expect(await errorOf('Tickets', { filter: [{ op: 'eq', field: 'isVisibleToComanaged', value: 'no' }] })).toMatch(/not valid for isVisibleToComanaged/u);
  });

  it('refuses a comparison without a value and a number field compared with text', async () => {
    expect(await errorOf('Tickets', { filter: [{ op: 'eq', field: 'status' }] })).toMatch(/Value cannot be null/u);
    expect(await errorOf('Tickets', { filter: [{ op: 'eq', field: 'status', value: 'open' }] })).toMatch(/not valid for status/u);
  });
});

describe('Autotask quirks', () => {
  it('silently ignores an unknown operator: the condition is dropped and rows come back unfiltered', async () => {
    expect(await count('Tickets', [{ op: 'ne', field: 'status', value: 5 }])).toBe(600);
    const open = tickets().filter((t) => t.status !== 5).length;
    expect(await count('Tickets', [{ op: 'ne', field: 'status', value: 5 }, { op: 'noteq', field: 'status', value: 5 }])).toBe(open);
    expect(await count('Tickets', [{ op: 'or', items: [{ op: 'isnull', field: 'status' }, { op: 'eq', field: 'status', value: 5 }] }])).toBe(600 - open);
  });

  it('answers 500 "Unable to find X in the Ticket Entity" for an unknown field, also in IncludeFields', async () => {
    expect(await errorOf('Tickets', { filter: [{ op: 'eq', field: 'projectName', value: 1 }] })).toBe('Unable to find projectName in the Ticket Entity');
    expect(await errorOf('Tickets', { filter: [{ op: 'exist', field: 'id' }], IncludeFields: ['id', 'nope'] })).toBe('Unable to find nope in the Ticket Entity');
    expect(await errorOf('Contacts', { filter: [{ op: 'eq', field: 'email', value: 'x' }] })).toBe('Unable to find email in the Contact Entity');
  });

  it('refuses a field that cannot be queried', async () => {
    expect(await errorOf('Tickets', { filter: [{ op: 'eq', field: 'creatorType', value: 1 }] })).toMatch(/creatorType/u);
  });

  it('refuses more than 500 OR conditions', async () => {
    const ids = Array.from({ length: 501 }, (_, index) => 7001 + index);
    const message = "Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions.";
    expect(await errorOf('Tickets', { filter: [{ op: 'or', items: ids.map((id) => ({ op: 'eq', field: 'id', value: id })) }] })).toBe(message);
    expect(await errorOf('Tickets', { filter: [{ op: 'in', field: 'id', value: ids }] })).toBe(message);
    expect(await count('Tickets', [{ op: 'in', field: 'id', value: ids.slice(0, 500) }])).toBe(500);
  });

  it('reads property, field and operator names in any case', async () => {
    const reply = await at.call('POST', api('Tickets/query'), { json: { Filter: [{ Op: 'EQ', Field: 'STATUS', Value: 5 }], MAXRECORDS: 3, includefields: ['ID', 'Status'] } });
    expect(reply.status).toBe(200);
    const page = reply.body<QueryPage>();
    expect(page.items).toHaveLength(3);
    expect(page.items[0]).toEqual({ id: expect.any(Number), status: 5, userDefinedFields: [] });
    expect(page.pageDetails.requestCount).toBe(3);
  });
});

describe('IncludeFields, MaxRecords, UDFs', () => {
  it('returns only the included fields, and only the included UDFs', async () => {
    const reply = await at.call('GET', search('Tickets', { filter: [{ op: 'exist', field: 'id' }], IncludeFields: ['ticketNumber', 'id', 'Root Cause'], MaxRecords: 1 }));
    const [item] = reply.body<QueryPage>().items;
    expect(Object.keys(item ?? {})).toEqual(['id', 'ticketNumber', 'userDefinedFields']);
    expect(item?.userDefinedFields).toEqual([{ name: 'Root Cause', value: null }]);
  });

  it('accepts MaxRecords from 1 to 500', async () => {
    for (const max of [0, 501, 2.5]) {
      const reply = await at.call('POST', api('Tickets/query'), { json: { filter: [{ op: 'exist', field: 'id' }], MaxRecords: max } });
      expect(reply.status, String(max)).toBe(500);
    }
    const page = (await at.call('POST', api('Tickets/query'), { json: { filter: [{ op: 'exist', field: 'id' }] } })).body<QueryPage>();
    expect(page.items).toHaveLength(500);
    expect(page.pageDetails).toMatchObject({ count: 500, requestCount: 500, prevPageUrl: null });
  });

  it('queries one user-defined field by name with udf: true', async () => {
    const table = at.state.tables.Tickets;
    const expected = [...table.rows()].filter((t) => table.udfValues(t.id).get('Root Cause') === '2').length;
    expect(expected).toBeGreaterThan(0);
    expect(await count('Tickets', [{ op: 'eq', field: 'root cause', udf: true, value: '2' }])).toBe(expected);
    const two = [{ op: 'exist', field: 'Root Cause', udf: true }, { op: 'exist', field: 'External Reference', udf: true }];
    expect(await errorOf('Tickets', { filter: two })).toMatch(/one user-defined field/u);
  });
});

describe('count', () => {
  it('counts with GET and POST', async () => {
    const completed = tickets().filter((t) => t.status === 5).length;
    const filter = { filter: [{ op: 'eq', field: 'status', value: 5 }] };
    expect((await at.call('GET', search('Tickets', filter, 'query/count'))).json).toEqual({ queryCount: completed });
    expect((await at.call('POST', api('Tickets/query/count'), { json: filter })).json).toEqual({ queryCount: completed });
  });
});

describe('attachments queries', () => {
  it('must filter on ticketID and never return data', async () => {
    expect(await errorOf('TicketAttachments', { filter: [{ op: 'exist', field: 'id' }] })).toMatch(/ticketID/u);
    const { ticketWithAttachment } = at.state.facts;
    const reply = await at.call('POST', api('TicketAttachments/query'), { json: { filter: [{ op: 'eq', field: 'ticketID', value: ticketWithAttachment.ticketId }] } });
    const page = reply.body<QueryPage>();
    expect(page.items.map((item) => item.id)).toContain(ticketWithAttachment.attachmentId);
    expect(page.items.every((item) => item.data === null)).toBe(true);
  });
});
