import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES, SERVICE_REQUEST_STATUSES } from '../../src/ivanti/picklists.js';
import { startSandbox, type Sandbox } from '../../src/sandbox.js';
import { ivanti, type Page } from './support/http.js';

async function snapshot(seed: string, arrange?: (sb: Sandbox) => Promise<void>) {
  // A fixed end of the seeded history: two sandboxes started a moment apart seed the same data.
  await using sb = await startSandbox({ providers: ['ivanti'], seed, tickets: 50, seededUntil: '2026-01-01T00:00:00Z' });
  if (arrange !== undefined) await arrange(sb);
  const call = ivanti(sb);
  const incidents = await call('GET', '/api/odata/businessobject/incidents?$top=100&$orderby=IncidentNumber');
  const requests = await call('GET', '/api/odata/businessobject/servicereqs?$top=100&$orderby=ServiceReqNumber');
  const metadata = await call('GET', '/api/odata/incidents/$metadata', { headers: { accept: 'application/xml' } });
  const state = sb.state('ivanti');
  const strip = (text: string) => text.replaceAll(sb.url('ivanti'), 'SITE');
  return {
    credentials: sb.credentials.ivanti,
    facts: state.facts,
    settings: state.settings,
    counters: state.counters,
    options: { ...sb.connectorOptions('ivanti'), baseUrl: 'SITE' },
    incidents: strip(incidents.text),
    requests: strip(requests.text),
    metadata: metadata.text,
  };
}

describe('the seed', () => {
  it('is the same for the same seed and different for another', { timeout: 60_000 }, async () => {
    const [a, b, c] = await Promise.all([snapshot('alpha'), snapshot('alpha'), snapshot('beta')]);
    expect(b).toEqual(a);
    expect(c.credentials).not.toEqual(a.credentials);
    expect(c.incidents).not.toEqual(a.incidents);
    expect(a.options).toEqual({
      baseUrl: 'SITE',
      apiKey: a.credentials.apiKey,
      defaultTeam: 'Service Desk',
      defaultCategory: 'General Support',
      defaultOwner: a.facts.serviceAccount.loginId,
      defaultCauseCode: 'Other',
      idempotencyField: 'IdempotencyKey',
      noteIdempotencyField: 'IdempotencyKey',
    });
  });

  it('leaves nothing behind after reset(): writes, switches and counters are all gone', { timeout: 60_000 }, async () => {
    const clean = await snapshot('gamma');
    const reused = await snapshot('gamma', async (sb) => {
      const call = ivanti(sb);
      const state = sb.state('ivanti');
      const created = await call('POST', '/api/odata/businessobject/incidents', { json: { Subject: 'Left over?', Symptom: 'x', ProfileLink_RecID: state.facts.knownRequester.recId } });
      expect(created.status).toBe(201);
      expect((await call('DELETE', `/api/odata/businessobject/incidents('${state.facts.loggedIncident.recId}')`)).status).toBe(204);
      state.settings.basePath = '';
      state.settings.lastModLagMs = 0;
      await sb.reset();
    });
    expect(reused).toEqual(clean);
  });

  it('seeds 600 tickets by default: both types, every status, many requesters, notes, e-mails, attachments and answers', { timeout: 60_000 }, async () => {
    await using sb = await startSandbox({ providers: ['ivanti'] });
    const state = sb.state('ivanti');
    const incidents = [...state.tables.incidents.rows()];
    const requests = [...state.tables.servicereqs.rows()];
    expect(incidents.length + requests.length).toBe(600);
    expect(incidents.length).toBe(360);
    expect(new Set(incidents.map((row) => row.Status))).toEqual(new Set(INCIDENT_STATUSES));
    expect(new Set(requests.map((row) => row.Status))).toEqual(new Set(SERVICE_REQUEST_STATUSES));
    expect(new Set([...incidents, ...requests].map((row) => row.ProfileLink_RecID)).size).toBeGreaterThan(50);
    const journals = [...state.tables.journals.rows()];
    expect(journals.some((row) => row.JournalType === 'Email')).toBe(true);
    expect(journals.some((row) => row.PublishToWeb === true) && journals.some((row) => row.JournalType === 'Notes' && row.PublishToWeb === false)).toBe(true);
    expect(state.tables.attachments.size).toBeGreaterThan(20);
    expect(state.tables.servicereqparams.size).toBeGreaterThan(200);
    expect(Math.max(...incidents.map((row) => Number(row.LastModDateTime)))).toBeLessThan(state.seededUntil.getTime());
    const mine = [...incidents, ...requests].filter((row) => row.ProfileLink_RecID === state.facts.knownRequester.recId);
    expect(new Set(mine.map((row) => row.Status)).size).toBeGreaterThan(4);
    expect(state.facts.closedIncident.recId).not.toBe('');
    expect(state.facts.serviceRequestWithParams.recId).not.toBe('');
    const people = [...state.tables.employees.rows()];
    expect(new Set(people.map((row) => String(row.PrimaryEmail).toLowerCase())).size).toBe(people.length - 1);
    expect(new Set(people.map((row) => row.Status))).toEqual(new Set(['Active', 'Inactive', 'On Leave', 'New', 'Terminated']));
  });

  it('scales to 10,000 tickets, and an indexed query reads only its rows', { timeout: 120_000 }, async () => {
    await using sb = await startSandbox({ providers: ['ivanti'], tickets: 10_000 });
    const state = sb.state('ivanti');
    expect(state.tables.incidents.size + state.tables.servicereqs.size).toBe(10_000);
    const { knownRequester } = state.facts;
    expect(state.tables.incidents.lookup('ProfileLink_RecID', knownRequester.recId)?.size).toBeGreaterThan(100);
    const reply = await ivanti(sb)('GET', `/api/odata/businessobject/incidents?$top=100&$filter=ProfileLink_RecID eq '${knownRequester.recId}'`);
    expect(reply.body<Page>().value).toHaveLength(100);
  });
});
