/**
 * Against the Jira sandbox: a 429 with Retry-After is waited out (or surfaces as a RateLimitError
 * with the wait and the reason), and an account whose profile is not on UTC still gets exact
 * searches and change feeds, since JQL dates are written in its zone.
 */
import { RateLimitError } from '@itsm/core';
import { startSandbox, type jiraCloud, type Sandbox } from '@itsm/sandbox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createJiraConnector } from '../../src/index.js';

let sb: Sandbox;
let facts: jiraCloud.JiraFacts;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'] });
  facts = sb.state('jira-cloud').facts;
});
afterEach(() => sb.reset());
afterAll(() => sb.close());

describe('rate limits', { timeout: 30_000 }, () => {
  it('waits as long as Retry-After says, then succeeds', async () => {
    const jira = createJiraConnector({ ...sb.connectorOptions('jira-cloud'), retryDelay: { baseMs: 1, maxMs: 2 } });
    const key = facts.issueWithAttachment;
    sb.faults.inject({ provider: 'jira-cloud', method: 'GET', path: /^\/rest\/api\/3\/issue\//, status: 429, headers: { 'retry-after': '1', 'ratelimit-reason': 'jira-burst-based' }, body: { errorMessages: ['Rate limit exceeded'] }, times: 1 });
    sb.clearRequests();
    const started = Date.now();
    const ticket = await jira.tickets.get(key);
    expect(ticket.key).toBe(key);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sb.requests.filter((entry) => entry.path.startsWith('/rest/api/3/issue/')).map((entry) => entry.status)).toEqual([429, 200]);
  });

  it('surfaces a RateLimitError with the wait and the reason when retries run out', async () => {
    const jira = createJiraConnector({ ...sb.connectorOptions('jira-cloud'), maxRetries: 0 });
    Object.assign(sb.state('jira-cloud').rateLimit, { enabled: true, budget: 0, windowMs: 60_000, retryAfterSeconds: 7, reason: 'jira-quota-tenant-based' });
    const error = await jira.tickets.list().toArray({ limit: 1 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7_000, reason: 'jira-quota-tenant-based' });
  });

  it('never retries a create that hit the limit', async () => {
    const jira = createJiraConnector({ ...sb.connectorOptions('jira-cloud'), retryDelay: { baseMs: 1, maxMs: 2 } });
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: '/rest/servicedeskapi/request', status: 429, headers: { 'retry-after': '1' }, times: 1 });
    sb.clearRequests();
    await expect(jira.tickets.create({ subject: 'Once only', requester: facts.knownRequester.email })).rejects.toBeInstanceOf(RateLimitError);
    expect(sb.requests.filter((entry) => entry.method === 'POST' && entry.path === '/rest/servicedeskapi/request')).toHaveLength(1);
  });
});

describe('an account whose profile is not on UTC', { timeout: 30_000 }, () => {
  it('searches and follows changes exactly, with UTC timestamps', async () => {
    // Honolulu is UTC-10 all year: a date written in UTC would be read ten hours late and miss everything recent.
    const account = sb.state('jira-cloud').users.get(facts.serviceAccount.accountId);
    if (account === undefined) throw new Error('no service account');
    account.timeZone = 'Pacific/Honolulu';
    const jira = createJiraConnector(sb.connectorOptions('jira-cloud'));
    const { cursor } = await jira.tickets.changes({ since: new Date() });
    const ticket = await jira.tickets.create({ subject: 'Time zone check', requester: facts.knownRequester.email });
    expect(ticket.createdAt).toMatch(/Z$/);
    expect((ticket.raw as { fields: { created: string } }).fields.created).toMatch(/-1000$/);
    expect(Math.abs(Date.parse(ticket.createdAt) - Date.now())).toBeLessThan(60_000);

    const since = new Date(Date.parse(ticket.updatedAt) - 20_000);
    const recent = await jira.tickets.list({ updatedSince: since }).toArray({ limit: 50 });
    expect(recent.map((found) => found.id)).toContain(ticket.id);
    const after = await jira.tickets.list({ updatedSince: new Date(Date.parse(ticket.updatedAt) + 1) }).toArray({ limit: 50 });
    expect(after.map((found) => found.id)).not.toContain(ticket.id);

    const changed = await jira.tickets.changes({ cursor });
    expect(changed.tickets.map((found) => found.id)).toContain(ticket.id);
  });
});
