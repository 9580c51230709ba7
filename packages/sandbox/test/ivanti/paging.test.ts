import { describe, expect, it } from 'vitest';
import { NO_INSTANCES } from '../../src/ivanti/routes/related.js';
import { q, type Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 400 });

type Record_ = Record<string, unknown> & { RecId: string };

describe('paging', () => {
  it('answers 25 rows by default, with @odata.count unasked, newest change first', async () => {
    const reply = await ctx.call('GET', '/api/odata/businessobject/incidents');
    const page = reply.body<Page<Record_>>();
    expect(page.value).toHaveLength(25);
    expect(page['@odata.count']).toBe(ctx.state.tables.incidents.size);
    const stamps = page.value.map((row) => Date.parse(String(row.LastModDateTime)));
    expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);
  });

  it('accepts $top up to 100 and answers 101 with 400 ISM_4000', async () => {
    expect((await ctx.call('GET', '/api/odata/businessobject/incidents?$top=100')).body<Page>().value).toHaveLength(100);
    const over = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=101');
    expect(over.status).toBe(400);
    expect(over.body()).toEqual({
      code: 'ISM_4000',
      description: 'Invalid Request Payload',
      message: ["The limit of '100' for Top query has been exceeded. The value from the incoming request is '101'."],
      help: '',
    });
    expect((await ctx.call('GET', '/api/odata/businessobject/incidents?$top=ten')).status).toBe(400);
    expect((await ctx.call('GET', '/api/odata/businessobject/incidents?$skip=-1')).status).toBe(400);
  });

  it('reads every row exactly once with $top/$skip and an explicit $orderby, ending on a short page', async () => {
    const total = ctx.state.tables.incidents.size;
    const seen: string[] = [];
    let pages = 0;
    for (let skip = 0; ; skip += 30) {
      const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$select=RecId&$orderby=${q('IncidentNumber asc')}&$top=30&$skip=${skip}`);
      if (reply.text === '') break;
      const page = reply.body<Page<Record_>>();
      pages += 1;
      seen.push(...page.value.map((row) => row.RecId));
      if (page.value.length < 30) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 30));
  });

  it('sorts by several clauses in either direction', async () => {
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$top=100&$orderby=${q('Status desc, IncidentNumber ASC')}`);
    const rows = reply.body<Page<Record_>>().value;
    for (let i = 1; i < rows.length; i += 1) {
      const [a, b] = [rows[i - 1] as Record_, rows[i] as Record_];
      const order = String(b.Status).toLowerCase().localeCompare(String(a.Status).toLowerCase());
      expect(order <= 0).toBe(true);
      if (order === 0) expect(Number(b.IncidentNumber)).toBeGreaterThan(Number(a.IncidentNumber));
    }
  });

  it('projects with $select on a collection, and answers a single record with $select by its context alone', async () => {
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$top=2&$select=${q('RecId, Subject')}`);
    const page = reply.body<Page>();
    expect(page['@odata.context']).toBe(`${ctx.sb.url('ivanti')}/HEAT/api/odata/$metadata#incidents(RecId,Subject)`);
    expect(Object.keys(page.value[0] ?? {})).toEqual(['RecId', 'Subject']);
    const one = await ctx.call('GET', `/api/odata/businessobject/incidents('${ctx.state.facts.closedIncident.recId}')?$select=Subject`);
    expect(one.body()).toEqual({ '@odata.context': `${ctx.sb.url('ivanti')}/HEAT/api/odata/$metadata#incidents/$entity` });
  });
});

describe('the three "no rows" answers', () => {
  it('an entity set with nothing to show: 200 and an empty body', async () => {
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$filter=${q("Status eq 'Nonexistent'")}`);
    expect([reply.status, reply.text]).toEqual([200, '']);
    const past = await ctx.call('GET', '/api/odata/businessobject/incidents?$skip=100000');
    expect([past.status, past.text]).toEqual([200, '']);
  });

  it('a relationship without records: 200 {"value":"No instances found."}', async () => {
    const created = await ctx.call('POST', '/api/odata/businessobject/incidents', {
      json: { Subject: 'Lonely', Symptom: 'No notes yet', ProfileLink_RecID: ctx.state.facts.knownRequester.recId, ProfileLink_Category: 'Employee' },
    });
    const recId = created.body<Record_>().RecId;
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents('${recId}')/IncidentContainsJournal`);
    expect(reply.status).toBe(200);
    expect(reply.body()).toEqual({ value: NO_INSTANCES });
    expect(reply.body<{ value: string }>().value).toHaveLength(19);
  });

  it('a misspelt $orderby (field or direction): 204', async () => {
    for (const order of ['CreatedDate asc', 'NotAFieldAtAll asc', 'CreatedDateTime bogus', 'createddatetime asc']) {
      const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$orderby=${q(order)}`);
      expect(reply.status, order).toBe(204);
      expect(reply.text).toBe('');
    }
  });

  it('a saved search that matches nothing: 204', async () => {
    const actionId = ctx.state.actionIds.get('HelpdeskBot|incidents|Unassigned_Incidents') ?? '';
    for (const row of ctx.state.tables.incidents.rows()) {
      if (row.Owner === null) ctx.state.tables.incidents.update(row, { Status: 'Closed' });
    }
    ctx.state.version += 1;
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents/Unassigned_Incidents?ActionId=${actionId}`);
    expect([reply.status, reply.text]).toEqual([204, '']);
  });
});

describe('errors of the query options', () => {
  it('answers an empty $orderby or $select with 500 ISM_5000', async () => {
    const order = await ctx.call('GET', '/api/odata/businessobject/incidents?$orderby=');
    expect(order.status).toBe(500);
    expect(order.body<{ code: string; message: string[] }>()).toMatchObject({ code: 'ISM_5000', message: ["The parameter 'orderby' cannot be empty. Provide a valid orderby value and try again"] });
    const select = await ctx.call('GET', '/api/odata/businessobject/incidents?$select=');
    expect(select.body<{ code: string; message: string[] }>()).toMatchObject({ code: 'ISM_5000', message: ['The Select value cannot be empty. Provide a valid Select value and try again'] });
  });

  it('answers an unknown entity set with 404 ISM_4004, in any case of the name for known ones', async () => {
    const unknown = await ctx.call('GET', '/api/odata/businessobject/incident');
    expect(unknown.status).toBe(404);
    expect(unknown.body<{ code: string }>().code).toBe('ISM_4004');
    for (const name of ['Incidents', 'INCIDENTS', 'ServiceReqTemplates', 'journal__Notess']) {
      expect((await ctx.call('GET', `/api/odata/businessobject/${name}?$top=1`)).status, name).toBe(200);
    }
  });

  it('answers a missing record with 400 "Invalid key", not 404', async () => {
    const reply = await ctx.call('GET', "/api/odata/businessobject/incidents('00000000000000000000000000000000')");
    expect(reply.status).toBe(400);
    expect(reply.body()).toEqual({ code: 'ISM_4000', description: 'Invalid Request Payload', message: ['Invalid key'], help: '' });
    const blank = await ctx.call('GET', "/api/odata/businessobject/incidents('')");
    expect(blank.body<{ message: string[] }>().message).toEqual(['Invalid Business Object Key']);
  });

  it('answers an unknown method with ASP.NET\'s 405', async () => {
    const reply = await ctx.call('PUT', '/api/rest/search/fulltext', { json: {} });
    expect(reply.status).toBe(405);
    expect(reply.body()).toEqual({ Message: "The requested resource does not support http method 'PUT'." });
  });
});
