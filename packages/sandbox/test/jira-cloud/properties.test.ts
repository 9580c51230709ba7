/**
 * Issue properties: set (201 new, 200 replaced), read, list, delete; Jira's limits and permissions;
 * properties given at create time; the search's `properties` parameter; comment properties read
 * back through `comment/list`. What the connector's idempotency keys rely on.
 */
import { describe, expect, it } from 'vitest';
import { doc } from './support/http.js';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 40 });
const PROPERTY = '/rest/api/3/issue/HELP-1/properties/acme.sync';

describe('issue properties', () => {
  it('sets (201, then 200), reads, lists and deletes a property, without changing the issue', async () => {
    const before = ctx.state.issues.get([...ctx.state.issues.values()].find((issue) => issue.key === 'HELP-1')!.id)!.updated;
    expect((await ctx.call('PUT', PROPERTY, { json: { externalId: 'CRM-1' } })).status).toBe(201);
    expect((await ctx.call('PUT', PROPERTY, { json: { externalId: 'CRM-2' } })).status).toBe(200);
    expect((await ctx.call('GET', PROPERTY)).json).toEqual({ key: 'acme.sync', value: { externalId: 'CRM-2' } });
    const keys = (await ctx.call('GET', '/rest/api/3/issue/HELP-1/properties')).body<{ keys: { key: string; self: string }[] }>().keys;
    expect(keys.map((entry) => entry.key)).toContain('acme.sync');
    expect(keys.find((entry) => entry.key === 'acme.sync')?.self).toMatch(/\/rest\/api\/3\/issue\/\d+\/properties\/acme\.sync$/);
    expect([...ctx.state.issues.values()].find((issue) => issue.key === 'HELP-1')?.updated).toBe(before);
    expect((await ctx.call('DELETE', PROPERTY)).status).toBe(204);
    expect((await ctx.call('GET', PROPERTY)).status).toBe(404);
    expect((await ctx.call('DELETE', PROPERTY)).status).toBe(404);
  });

  it("refuses a key over 255 characters, a value over 32,768 bytes and an empty body with Jira's 400", async () => {
    expect((await ctx.call('PUT', `/rest/api/3/issue/HELP-1/properties/${'k'.repeat(256)}`, { json: { a: 1 } })).status).toBe(400);
    expect((await ctx.call('PUT', PROPERTY, { json: { text: 'x'.repeat(33_000) } })).status).toBe(400);
    expect((await ctx.call('PUT', PROPERTY, { body: '', headers: { 'content-type': 'application/json' } })).status).toBe(400);
  });

  it('needs Edit issues to write (403) and Browse to read (404)', async () => {
    expect((await ctx.call('PUT', '/rest/api/3/issue/ITOPS-1/properties/acme.sync', { auth: ctx.limited, json: { a: 1 } })).status).toBe(403);
    expect((await ctx.call('GET', '/rest/api/3/issue/NOPE-1/properties/acme.sync')).status).toBe(404);
    expect((await ctx.call('GET', '/rest/api/3/issue/HELP-1/properties', { auth: false })).status).toBe(401);
  });

  it('keeps properties given at create time and returns them from a search that asks for them', async () => {
    const created = await ctx.call('POST', '/rest/api/3/issue', {
      json: {
        fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'With a key' },
        properties: [{ key: 'itsm.idempotency', value: { key: 'job-42' } }],
      },
    });
    const { key } = created.body<{ key: string }>();
    expect((await ctx.call('GET', `/rest/api/3/issue/${key}/properties/itsm.idempotency`)).json).toEqual({ key: 'itsm.idempotency', value: { key: 'job-42' } });
    const search = await ctx.call('POST', '/rest/api/3/search/jql', {
      json: { jql: `key = ${key}`, fields: ['created'], properties: ['itsm.idempotency', 'absent'] },
    });
    const [issue] = search.body<{ issues: { key: string; properties?: Record<string, unknown> }[] }>().issues;
    expect(issue?.properties).toEqual({ 'itsm.idempotency': { key: 'job-42' } });
  });

  it('reads comment properties back through comment/list with expand=properties', async () => {
    const added = await ctx.call('POST', '/rest/api/3/issue/HELP-1/comment', {
      json: { body: doc('Looking into it'), properties: [{ key: 'itsm.idempotency', value: { key: 'chat-7' } }] },
    });
    const { id } = added.body<{ id: string }>();
    const listed = await ctx.call('POST', '/rest/api/3/comment/list?expand=properties', { json: { ids: [Number(id)] } });
    const [comment] = listed.body<{ values: { id: string; properties?: { key: string; value: unknown }[] }[] }>().values;
    expect(comment?.properties).toEqual([{ key: 'itsm.idempotency', value: { key: 'chat-7' } }]);
  });
});
