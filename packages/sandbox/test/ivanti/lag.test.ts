import { describe, expect, it } from 'vitest';
import { q, type Page } from './support/http.js';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 30 });

type Json = Record<string, unknown> & { RecId: string };

const NOW = Date.parse('2026-03-02T10:00:00Z');

async function create(): Promise<Json> {
  const reply = await ctx.call('POST', '/api/odata/businessobject/incidents', { json: { Subject: 'Lag', Symptom: 'x', ProfileLink_RecID: ctx.state.facts.knownRequester.recId } });
  return reply.body();
}

describe('LastModDateTime lags behind the write', () => {
  it('stamps writes a minute early by default, to the second', async () => {
    expect(ctx.state.settings.lastModLagMs).toBe(60_000);
    ctx.state.clock = () => NOW + 700;
    const incident = await create();
    expect(incident.CreatedDateTime).toBe('2026-03-02T09:59:00Z');
    expect(incident.LastModDateTime).toBe('2026-03-02T09:59:00Z');
  });

  it('makes a poller without an overlap miss a write, and one with an overlap find it', async () => {
    ctx.state.settings.lastModLagMs = 180_000;
    ctx.state.clock = () => NOW;
    const lastPoll = new Date(NOW - 60_000).toISOString();
    const incident = await create();
    const since = async (iso: string) => {
      const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$top=100&$select=RecId,LastModDateTime&$filter=${q(`LastModDateTime gt ${iso}`)}&$orderby=${q('LastModDateTime asc')}`);
      return reply.text === '' ? [] : reply.body<Page<Json>>().value.map((row) => row.RecId);
    };
    expect(await since(lastPoll)).not.toContain(incident.RecId);
    expect(await since(new Date(NOW - 60_000 - 300_000).toISOString())).toContain(incident.RecId);
  });

  it('stamps exactly when the lag is 0, and an update moves LastModDateTime but not CreatedDateTime', async () => {
    ctx.state.settings.lastModLagMs = 0;
    ctx.state.clock = () => NOW;
    const incident = await create();
    expect(incident.LastModDateTime).toBe('2026-03-02T10:00:00Z');
    ctx.state.clock = () => NOW + 90_000;
    const updated = await ctx.call('PATCH', `/api/odata/businessobject/incidents('${incident.RecId}')`, { json: { Subject: 'Later' } });
    expect(updated.body<Json>()).toMatchObject({ CreatedDateTime: '2026-03-02T10:00:00Z', LastModDateTime: '2026-03-02T10:01:30Z' });
  });

  it('writes dates in the tenant offset', async () => {
    ctx.state.settings.lastModLagMs = 0;
    ctx.state.settings.utcOffsetMinutes = -420;
    ctx.state.clock = () => NOW;
    const incident = await create();
    expect(incident.CreatedDateTime).toBe('2026-03-02T03:00:00-07:00');
    const reply = await ctx.call('GET', `/api/odata/businessobject/incidents?$filter=${q(`CreatedDateTime ge 2026-03-02T03:00:00-07:00`)}`);
    expect(reply.body<Page<Json>>().value.map((row) => row.RecId)).toEqual([incident.RecId]);
  });
});
