import { describe, expect, it, vi } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox.js';
import { doc, jira } from './support/http.js';

/** A fixed instant, so that two sandboxes started at different moments seed the same history. */
const SEEDED_UNTIL = '2026-01-01T00:00:00.000Z';
const DAY = 86_400_000;

async function snapshot(seed: string, arrange?: (sb: Sandbox) => Promise<void>) {
  await using sb = await startSandbox({ providers: ['jira-cloud'], seed, tickets: 50, seededUntil: SEEDED_UNTIL });
  if (arrange !== undefined) await arrange(sb);
  const call = jira(sb);
  const issues = await call('POST', '/rest/api/3/search/jql', { json: { jql: 'project in (HELP, ITOPS) ORDER BY key ASC', fields: ['*all'], maxResults: 100 } });
  const text = issues.text.replaceAll(sb.url('jira-cloud'), 'SITE');
  const { settings, rateLimit, counters } = sb.state('jira-cloud');
  const requestId = issues.headers.get('x-arequestid');
  return { credentials: sb.credentials['jira-cloud'], facts: sb.state('jira-cloud').facts, options: { ...sb.connectorOptions('jira-cloud'), baseUrl: 'SITE' }, text, settings, rateLimit, counters, requestId };
}

describe('determinism', () => {
  it('gives the same credentials, facts and issues for the same seed, and different ones for another seed', async () => {
    const [a, b, c] = await Promise.all([snapshot('alpha'), snapshot('alpha'), snapshot('beta')]);
    expect(b).toEqual(a);
    expect(c.credentials).not.toEqual(a.credentials);
    expect(c.text).not.toEqual(a.text);
    expect(a.options).toMatchObject({ projectKey: 'HELP', serviceDeskId: '1', requestTypeId: '1', email: a.credentials.email, apiToken: a.credentials.apiToken });
  });

  it('leaves nothing behind after reset(): writes, new customers, switches and counters are all gone', async () => {
    const clean = await snapshot('gamma');
    const reused = await snapshot('gamma', async (sb) => {
      const call = jira(sb);
      const created = await call('POST', '/rest/api/3/issue', { json: { fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'Left over?' } } });
      expect(created.status).toBe(201);
      expect((await call('POST', '/rest/api/3/issue/HELP-1/comment', { json: { body: doc('left over?') } })).status).toBe(201);
      expect((await call('POST', `/rest/api/3/issue/${created.body<{ key: string }>().key}/transitions`, { json: { transition: { id: '61' }, fields: { resolution: { name: 'Done' } } } })).status).toBe(204);
      expect((await call('POST', '/rest/servicedeskapi/customer', { json: { email: 'left.over@outside.example', displayName: 'Left Over' } })).status).toBe(201);
      expect((await call('DELETE', '/rest/api/3/issue/ITOPS-1?deleteSubtasks=true')).status).toBe(204);
      const state = sb.state('jira-cloud');
      state.settings.anonymousFallbackOnBadCredentials = false;
      Object.assign(state.rateLimit, { enabled: true, budget: 1000 });
      await sb.reset();
    });
    expect(reused).toEqual(clean);
  });

  it('seeds every status, issue type and priority, and reset() brings the seed back', async () => {
    await using sb = await startSandbox({ providers: ['jira-cloud'], seededUntil: SEEDED_UNTIL });
    const state = sb.state('jira-cloud');
    const issues = [...state.issues.values()];
    expect(new Set(issues.map((issue) => issue.statusId)).size).toBe(12);
    expect(new Set(issues.map((issue) => issue.issueTypeId)).size).toBe(7);
    expect(new Set(issues.map((issue) => issue.priorityId)).size).toBe(5);
    expect(new Set(issues.map((issue) => issue.reporterId)).size).toBeGreaterThan(20);
    expect(issues.some((issue) => issue.comments.some((comment) => !comment.jsdPublic))).toBe(true);
    expect(Math.max(...issues.map((issue) => issue.updated))).toBeLessThan(Date.parse(SEEDED_UNTIL));
    await jira(sb)('DELETE', '/rest/api/3/issue/HELP-1');
    expect(sb.state('jira-cloud').issues.size).toBe(599);
    await sb.reset();
    expect(sb.state('jira-cloud').issues.size).toBe(600);
  });
});

describe('seededUntil', () => {
  /** What a seeded issue is, apart from when: key, summary, status, people, comments. */
  const shape = (sb: Sandbox) =>
    [...sb.state('jira-cloud').issues.values()].map((issue) => [issue.key, issue.summary, issue.statusId, issue.reporterId, issue.assigneeId, issue.comments.length]);
  const times = (sb: Sandbox) => [...sb.state('jira-cloud').issues.values()].map((issue) => [issue.created, issue.updated]);

  it('is the moment the sandbox starts by default: the history leads up to now, so "the last 90 days" has tickets', async () => {
    const before = Date.now();
    await using sb = await startSandbox({ providers: ['jira-cloud'], tickets: 100 });
    const after = Date.now();
    const until = sb.seededUntil.getTime();
    expect(until).toBeGreaterThanOrEqual(before);
    expect(until).toBeLessThanOrEqual(after);
    const issues = [...sb.state('jira-cloud').issues.values()];
    expect(Math.max(...issues.map((issue) => issue.updated))).toBeLessThan(until);
    expect(Math.max(...issues.map((issue) => issue.updated))).toBeGreaterThan(until - 7 * DAY);
    expect(Math.min(...issues.map((issue) => issue.created))).toBeGreaterThanOrEqual(until - 180 * DAY);
    expect(issues.filter((issue) => issue.updated >= until - 90 * DAY).length).toBeGreaterThan(20);
    expect(sb.state('jira-cloud').seededUntil.getTime()).toBe(until);
  });

  it('follows the clock it is given, so a fixed clock gives the same data', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-06-15T12:00:00Z'));
      await using first = await startSandbox({ providers: ['jira-cloud'], tickets: 30 });
      await using second = await startSandbox({ providers: ['jira-cloud'], tickets: 30 });
      expect(first.seededUntil.toISOString()).toBe('2030-06-15T12:00:00.000Z');
      expect(times(second)).toEqual(times(first));
      expect(shape(second)).toEqual(shape(first));
    } finally {
      vi.useRealTimers();
    }
  });

  it('moves the same world in time: another instant gives the same records, shifted', async () => {
    await using early = await startSandbox({ providers: ['jira-cloud'], tickets: 40, seededUntil: SEEDED_UNTIL });
    await using late = await startSandbox({ providers: ['jira-cloud'], tickets: 40, seededUntil: new Date(Date.parse(SEEDED_UNTIL) + 30 * DAY) });
    expect(shape(late)).toEqual(shape(early));
    expect(times(late)).toEqual(times(early).map(([created, updated]) => [created! + 30 * DAY, updated! + 30 * DAY]));
  });

  it('stays the same across reset()', async () => {
    await using sb = await startSandbox({ providers: ['jira-cloud'], tickets: 30 });
    const until = sb.seededUntil.getTime();
    const before = times(sb);
    await sb.reset();
    expect(sb.seededUntil.getTime()).toBe(until);
    expect(times(sb)).toEqual(before);
  });
});
