import { describe, expect, it } from 'vitest';
import type { Row } from '../../src/ivanti/table.js';
import { q, type Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 300 });

type Incident = Record<string, unknown> & { RecId: string };

/** Every incident a filter returns (paging through), by RecId. */
async function filtered(filter: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let skip = 0; ; skip += 100) {
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$select=RecId&$top=100&$skip=${skip}&$filter=${q(filter)}`);
    expect(reply.status, `${filter}: ${reply.text}`).toBe(200);
    if (reply.text === '') return ids;
    const page = reply.body<Page<Incident>>();
    for (const row of page.value) ids.add(row.RecId);
    if (page.value.length < 100) return ids;
  }
}

function incidents(): Row[] {
  return [...ctx.state.tables.incidents.rows()];
}

function ids(rows: Iterable<Row>): Set<string> {
  return new Set([...rows].map((row) => row.RecId));
}

const P = (n: string) => `Priority eq '${n}'`;

describe("Ivanti's $filter dialect", () => {
  it('reads eq, ne, lt, le, gt, ge, and, or as OData says', async () => {
    expect(await filtered("Status eq 'Active'")).toEqual(ids(incidents().filter((row) => row.Status === 'Active')));
    expect(await filtered("Status ne 'Closed' and Priority le '2'")).toEqual(ids(incidents().filter((row) => row.Status !== 'Closed' && String(row.Priority) <= '2')));
    expect(await filtered('IncidentNumber ge 10100 and IncidentNumber lt 10110')).toEqual(
      ids(incidents().filter((row) => Number(row.IncidentNumber) >= 10100 && Number(row.IncidentNumber) < 10110)),
    );
  });

  it('compares strings without regard to case', async () => {
    const { displayName } = ctx.state.facts.knownRequester;
    const [first, ...rest] = displayName.split(' ');
    const employees = await ctx.call('GET', `/api/odata/businessobject/employees?$filter=${q(`FirstName eq '${(first ?? '').toLowerCase()}' and LastName eq '${rest.at(-1)?.toUpperCase() ?? ''}'`)}`);
    expect(employees.body<Page>().value.map((row) => row.DisplayName)).toContain(displayName);
  });

  it("silently drops functions — contains(), startswith(), year() — and returns every row", async () => {
    const all = ids(incidents());
    expect(await filtered("contains(Subject,'printer')")).toEqual(all);
    expect(await filtered("startswith(Subject,'VPN')")).toEqual(all);
    expect(await filtered('year(CreatedDateTime) eq 2025')).toEqual(all);
    // Only the call is dropped, with the operator that joins it.
    expect(await filtered("Status eq 'Active' and contains(Subject,'printer')")).toEqual(ids(incidents().filter((row) => row.Status === 'Active')));
  });

  it('never honours not: `not (…)` is dropped, a bare `not A` is a 400', async () => {
    expect(await filtered("not (Status eq 'Closed')")).toEqual(ids(incidents()));
    expect(await filtered("Status eq 'Active' and not (Priority eq '1')")).toEqual(ids(incidents().filter((row) => row.Status === 'Active')));
    const bare = await ctx.call('GET', `/api/odata/businessobject/incidents?$filter=${q("not Status eq 'Closed'")}`);
    expect(bare.status).toBe(400);
    expect(bare.body()).toEqual({ code: 'ISM_4000', description: 'Invalid Request Payload', message: ['Invalid Filter Value. Provide a valid Filter value and try again'], help: '' });
  });

  it('honours parentheses only at the very start', async () => {
    const rows = incidents();
    const p12 = (row: Row) => row.Priority === '1' || row.Priority === '2';
    const correct = ids(rows.filter((row) => p12(row) && row.Status === 'Active'));
    expect(await filtered(`(${P('1')} or ${P('2')}) and Status eq 'Active'`)).toEqual(correct);
    expect(await filtered(`((${P('1')} or ${P('2')}) and Status eq 'Active')`)).toEqual(correct);
    // Anywhere else the group is dropped: this reads as `Status eq 'Active'`.
    const misread = await filtered(`Status eq 'Active' and (${P('1')} or ${P('2')})`);
    expect(misread).toEqual(ids(rows.filter((row) => row.Status === 'Active')));
    expect(misread.size).toBeGreaterThan(correct.size);
  });

  it('misreads an `and` after an `or`: every operator of the sequence becomes `and`', async () => {
    expect(await filtered(`Status eq 'Logged' or Status eq 'Active' and ${P('1')}`)).toEqual(new Set());
    expect(await filtered(`(Status eq 'Logged' and ${P('3')}) or (Status eq 'Active' and ${P('3')})`)).toEqual(
      ids(incidents().filter((row) => row.Status === 'Logged' && row.Priority === '3')),
    );
    // `and` before `or` keeps the usual precedence.
    expect(await filtered(`Status eq 'Active' and ${P('1')} or ${P('2')}`)).toEqual(ids(incidents().filter((row) => (row.Status === 'Active' && row.Priority === '1') || row.Priority === '2')));
  });

  it("reads doubled quotes, '$NULL', bare dates and bare numbers", async () => {
    const obrien = incidents().find((row) => String(row.ProfileFullName).includes("'"));
    if (obrien !== undefined) {
      const name = String(obrien.ProfileFullName).replaceAll("'", "''");
      expect(await filtered(`ProfileFullName eq '${name}'`)).toEqual(ids(incidents().filter((row) => row.ProfileFullName === obrien.ProfileFullName)));
    }
    expect(await filtered("Owner eq '$NULL'")).toEqual(ids(incidents().filter((row) => row.Owner === null)));
    expect(await filtered("Owner ne '$NULL'")).toEqual(ids(incidents().filter((row) => row.Owner !== null)));
    const since = Date.parse('2025-11-01T00:00:00Z');
    expect(await filtered('CreatedDateTime gt 2025-11-01')).toEqual(ids(incidents().filter((row) => Number(row.CreatedDateTime) > since)));
    expect(await filtered('CreatedDateTime gt 2025-11-01T00:00:00.000Z')).toEqual(ids(incidents().filter((row) => Number(row.CreatedDateTime) > since)));
    expect(await filtered('IsVIP eq true')).toEqual(ids(incidents().filter((row) => row.IsVIP === true)));
  });

  it('skips empty fields in any comparison but $NULL, as SQL does', async () => {
    const someone = ctx.state.facts.agent.loginId;
    expect(await filtered(`Owner ne '${someone}'`)).toEqual(ids(incidents().filter((row) => row.Owner !== null && row.Owner !== someone)));
  });

  it.each([
    ["substringof('printer',Subject)", 'Invalid Filter Value. Provide a valid Filter value and try again'],
    ["CreatedDateTime gt datetime'2025-01-01T00:00:00'", "Invalid Filter Value for the field 'CreatedDateTime'. Provide a valid Filter value and try again"],
    ["Subject eq 'unterminated", 'Invalid Filter Value. Provide a valid Filter value and try again'],
    ["Status eq 'Active')", 'Invalid Filter Value. Provide a valid Filter value and try again'],
    ["IncidentNumber eq 'abc'", 'Invalid Filter Value. Provide a valid Filter value and try again'],
    ["Sujbect eq 'x'", "Could not find a property named 'Sujbect' on type 'MetaData.incident'."],
    ["status eq 'Active'", "Could not find a property named 'status' on type 'MetaData.incident'."],
  ])('refuses %s with 400 ISM_4000', async (filter, message) => {
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$filter=${q(filter)}`);
    expect(reply.status).toBe(400);
    expect(reply.body()).toEqual({ code: 'ISM_4000', description: 'Invalid Request Payload', message: [message], help: '' });
  });

  it('answers a filter that matches nothing with 200 and an empty body', async () => {
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$filter=${q("Subject eq 'no such subject'")}`);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(reply.headers.get('content-length')).toBe('0');
  });
});

describe('$search', () => {
  it('matches words by prefix on tickets, ANDs words, widens with or, and finds nothing for a quoted phrase', async () => {
    const search = async (text: string) => {
      const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$top=100&$select=RecId,Subject&$search=${q(text)}`);
      return reply.text === '' ? [] : reply.body<Page<Incident>>().value;
    };
    const vpn = await search('vpn');
    expect(vpn.length).toBeGreaterThan(0);
    expect((await search('vp')).length).toBe(vpn.length);
    expect(await search('pn')).toEqual([]);
    const printer = await search('printer');
    const both = await search('vpn printer');
    const either = await search('vpn or printer');
    expect(either.length).toBeGreaterThanOrEqual(Math.max(vpn.length, printer.length));
    expect(both.length).toBeLessThanOrEqual(Math.min(vpn.length, printer.length));
    expect(await search('"vpn keeps"')).toEqual([]);
    expect(await search('vpn AND printer')).toEqual([]);
    const blank = await ctx.call('GET', '/api/odata/businessobject/incidents?$search=%20');
    expect(blank.status).toBe(400);
  });

  it('matches anywhere in the text fields of people', async () => {
    const { knownRequester } = ctx.state.facts;
    const lastName = knownRequester.displayName.split(' ').at(-1) ?? '';
    const part = lastName.slice(1, 4);
    const reply = await ctx.call('GET', `/api/odata/businessobject/employees?$top=100&$search=${q(part)}`);
    expect(reply.body<Page>().value.map((row) => row.RecId)).toContain(knownRequester.recId);
    const byEmail = await ctx.call('GET', `/api/odata/businessobject/employees?$search=${q(knownRequester.email)}`);
    expect(byEmail.body<Page>().value.map((row) => row.RecId)).toEqual([knownRequester.recId]);
  });

  it('answers the full-text endpoint with data, metaData and totalRows', async () => {
    const reply = await ctx.call('POST', '/api/rest/search/fulltext', { json: { Text: 'printer', ObjectType: 'Incident', Top: 5, Skip: 0 } });
    expect(reply.status).toBe(200);
    const body = reply.body<{ data: Record<string, unknown>[]; metaData: { FieldRef: string }[]; totalRows: number; keyRef: string; searchText: string }>();
    expect(body.keyRef).toBe('RecId');
    expect(body.metaData.map((column) => column.FieldRef)).toEqual(['IncidentNumber', 'Subject', 'Status', 'RecId']);
    expect(body.data.length).toBeLessThanOrEqual(5);
    expect(body.totalRows).toBeGreaterThanOrEqual(body.data.length);
    const blank = await ctx.call('POST', '/api/rest/search/fulltext', { json: { Text: ' ', ObjectType: 'Incident' } });
    expect(blank.body()).toEqual({ code: 'ISM_4000', description: 'Invalid Request Payload', message: ['Search keyword cannot be blank, provide a keyword and try again'], help: '' });
  });
});
