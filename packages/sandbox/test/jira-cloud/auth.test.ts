import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 60 });

describe('basic auth', () => {
  it('accepts the sandbox credentials and answers as the service account, in America/Danmarkshavn', async () => {
    const reply = await ctx.call('GET', '/rest/api/3/myself');
    expect(reply.status).toBe(200);
    const me = reply.body<{ accountId: string; emailAddress: string; timeZone: string; accountType: string; displayName: string }>();
    expect(me).toMatchObject({ accountId: ctx.state.facts.serviceAccount.accountId, emailAddress: ctx.sb.credentials['jira-cloud'].email, timeZone: 'America/Danmarkshavn', accountType: 'atlassian' });
    expect(reply.headers.get('x-arequestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a wrong token with 401, Jira\'s text and X-Seraph-LoginReason: AUTHENTICATED_FAILED', async () => {
    const reply = await ctx.call('GET', '/rest/api/3/myself', { auth: { email: ctx.sb.credentials['jira-cloud'].email ?? '', apiToken: 'wrong' } });
    expect(reply.status).toBe(401);
    expect(reply.text).toBe('Client must be authenticated to access this resource.');
    expect(reply.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    expect(reply.headers.get('x-arequestid')).not.toBeNull();
  });

  it('answers missing credentials with 401 and no login reason', async () => {
    const reply = await ctx.call('GET', '/rest/api/3/issue/HELP-1', { auth: false });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('x-seraph-loginreason')).toBeNull();
    const jsm = await ctx.call('GET', '/rest/servicedeskapi/servicedesk', { auth: false });
    expect(jsm.status).toBe(401);
  });

  it('reproduces the silent failure: a wrong token on search is a 200 with an empty, anonymous result', async () => {
    const bad = { email: ctx.sb.credentials['jira-cloud'].email ?? '', apiToken: 'expired-token' };
    const search = await ctx.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = HELP')}`, { auth: bad });
    expect(search.status).toBe(200);
    expect(search.body()).toEqual({ issues: [], isLast: true });
    expect(search.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
    const count = await ctx.call('POST', '/rest/api/3/search/approximate-count', { auth: bad, json: { jql: 'project = HELP' } });
    expect([count.status, count.body(), count.headers.get('x-seraph-loginreason')]).toEqual([200, { count: 0 }, 'AUTHENTICATED_FAILED']);
  });

  it('flags every anonymous answer to refused credentials with the login reason, not only search', async () => {
    const bad = { email: ctx.sb.credentials['jira-cloud'].email ?? '', apiToken: 'expired-token' };
    const users = await ctx.call('GET', '/rest/api/3/user/search?query=a', { auth: bad });
    expect([users.status, users.body(), users.headers.get('x-seraph-loginreason')]).toEqual([200, [], 'AUTHENTICATED_FAILED']);
    const info = await ctx.call('GET', '/rest/api/3/serverInfo', { auth: bad });
    expect([info.status, info.headers.get('x-seraph-loginreason')]).toEqual([200, 'AUTHENTICATED_FAILED']);
    const good = await ctx.call('GET', '/rest/api/3/user/search?query=a');
    expect(good.headers.get('x-seraph-loginreason')).toBeNull();
  });

  it('makes the silent failure a 401 when the state switches the fallback off', async () => {
    ctx.state.settings.anonymousFallbackOnBadCredentials = false;
    const reply = await ctx.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = HELP')}`, { auth: { email: 'nobody@example.com', apiToken: 'x' } });
    expect(reply.status).toBe(401);
  });

  it('accepts the limited account with its own token', async () => {
    const reply = await ctx.call('GET', '/rest/api/3/myself', { auth: ctx.limited });
    expect(reply.status).toBe(200);
    expect(reply.body<{ accountId: string }>().accountId).toBe(ctx.state.facts.limitedAccount.accountId);
  });

  it('lets a fault inject the login-reason header on an otherwise good answer', async () => {
    ctx.sb.faults.inject({ provider: 'jira-cloud', path: '/rest/api/3/myself', headers: { 'x-seraph-loginreason': 'AUTHENTICATED_FAILED' } });
    const reply = await ctx.call('GET', '/rest/api/3/myself');
    expect([reply.status, reply.headers.get('x-seraph-loginreason')]).toEqual([200, 'AUTHENTICATED_FAILED']);
  });

  it('answers an unknown REST path with a platform 404 body', async () => {
    const reply = await ctx.call('GET', '/rest/api/3/nonsense');
    expect(reply.status).toBe(404);
    expect(reply.body<{ errorMessages: string[] }>().errorMessages[0]).toContain('/rest/api/3/nonsense');
  });
});
