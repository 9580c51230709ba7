/** `sb.sample('ivanti')`: an employee found by e-mail, the oldest of their open incidents, an analyst. */
import { describe, expect, it } from 'vitest';
import { q, type Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 60 });

describe('the Ivanti sample', () => {
  it('names an employee found by e-mail, one of their open incidents, and an analyst', async () => {
    const sample = ctx.sb.sample('ivanti');
    const employees = (await ctx.call('GET', `/api/odata/businessobject/employees?$filter=${q(`PrimaryEmail eq '${sample.requesterEmail}'`)}`)).body<Page>().value;
    expect(employees.map((row) => row.DisplayName)).toEqual([sample.requesterName]);

    const incident = (await ctx.call('GET', `/api/odata/businessobject/incidents('${sample.ticketId}')`)).body<Record<string, unknown>>();
    expect(incident).toMatchObject({ IncidentNumber: Number(sample.ticketKey), ProfileLink_RecID: employees[0]?.RecId });
    expect(['Resolved', 'Closed']).not.toContain(incident.Status);

    const analysts = (await ctx.call('GET', `/api/odata/businessobject/employees?$filter=${q(`PrimaryEmail eq '${sample.agentEmail}'`)}`)).body<Page>().value;
    expect(analysts).toHaveLength(1);
    expect(ctx.sb.sample('ivanti')).toEqual(sample);
  });

  it('moves to another open incident when a test closes this one, and says when there is none', async () => {
    const first = ctx.sb.sample('ivanti');
    const { knownRequester } = ctx.state.facts;
    const table = ctx.state.tables.incidents;
    table.update(table.get(first.ticketId)!, { Status: 'Closed' });
    const next = ctx.sb.sample('ivanti');
    expect(next.ticketId).not.toBe(first.ticketId);
    for (const row of [...table.rows()]) if (row.ProfileLink_RecID === knownRequester.recId) table.update(row, { Status: 'Resolved' });
    expect(() => ctx.sb.sample('ivanti')).toThrow(`${knownRequester.displayName} has no open incident any more (resolved or deleted by a test?); sandbox.reset() brings the seeded ones back.`);
  });
});
