import { describe, expect, it } from 'vitest';
import { sandboxCloudId } from '../../src/jira-cloud/index.js';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 20 });

describe('the api.atlassian.com gateway (scoped tokens)', () => {
  it('tells the site\'s cloud id at /_edge/tenant_info, without credentials', async () => {
    const reply = await ctx.call('GET', '/_edge/tenant_info', { auth: false });
    expect(reply.status).toBe(200);
    expect(reply.body()).toEqual({ cloudId: sandboxCloudId(ctx.sb.seed) });
  });

  it('serves the site\'s API under /ex/jira/{cloudId}, with the same auth', async () => {
    const cloudId = sandboxCloudId(ctx.sb.seed);
    const me = await ctx.call('GET', `/ex/jira/${cloudId}/rest/api/3/myself`);
    expect(me.status).toBe(200);
    expect(me.body<{ accountId: string }>().accountId).toBe(ctx.state.facts.serviceAccount.accountId);
    const desks = await ctx.call('GET', `/ex/jira/${cloudId}/rest/servicedeskapi/servicedesk`);
    expect(desks.status).toBe(200);
    const anonymous = await ctx.call('GET', `/ex/jira/${cloudId}/rest/api/3/issue/HELP-1`, { auth: false });
    expect(anonymous.status).toBe(401);
  });

  it('answers 404 for another cloud id', async () => {
    const reply = await ctx.call('GET', '/ex/jira/00000000-0000-4000-a000-000000000000/rest/api/3/myself');
    expect(reply.status).toBe(404);
  });

  it('derives the cloud id from the seed', () => {
    expect(sandboxCloudId('a')).toBe(sandboxCloudId('a'));
    expect(sandboxCloudId('a')).not.toBe(sandboxCloudId('b'));
    expect(sandboxCloudId('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
