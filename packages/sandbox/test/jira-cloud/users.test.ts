import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 20 });

interface UserJson {
  accountId: string;
  accountType: string;
  displayName: string;
  emailAddress?: string;
}

const search = async (query: string, auth?: { email: string; apiToken: string }) =>
  (await ctx.call('GET', `/rest/api/3/user/search?query=${encodeURIComponent(query)}`, auth === undefined ? {} : { auth })).body<UserJson[]>();

describe('users', () => {
  it('finds a user by a visible e-mail address, with emailAddress', async () => {
    const { email, accountId } = ctx.state.facts.knownRequester;
    const found = await search(email);
    expect(found.map((user) => [user.accountId, user.emailAddress])).toEqual([[accountId, email]]);
  });

  it('does not match a hidden e-mail address, and leaves emailAddress out of that user\'s JSON', async () => {
    const hidden = ctx.state.facts.hiddenEmailUser;
    expect(await search(hidden.email)).toEqual([]);
    const byName = await search(hidden.displayName);
    const user = byName.find((candidate) => candidate.accountId === hidden.accountId);
    expect(user).toBeDefined();
    expect(user).not.toHaveProperty('emailAddress');
    const direct = (await ctx.call('GET', `/rest/api/3/user?accountId=${encodeURIComponent(hidden.accountId)}`)).body<UserJson>();
    expect(direct).not.toHaveProperty('emailAddress');
    expect(direct.displayName).toBe(hidden.displayName);
  });

  it('hides portal-only customers from an account without the Service Desk Team role', async () => {
    const customer = [...ctx.state.users.values()].find((user) => user.accountType === 'customer' && user.emailVisible);
    if (customer === undefined) throw new Error('the seed has no portal-only customer');
    expect((await search(customer.email)).map((user) => user.accountId)).toEqual([customer.accountId]);
    expect(await search(customer.email, ctx.limited)).toEqual([]);
    expect((await ctx.call('GET', `/rest/api/3/user?accountId=${encodeURIComponent(customer.accountId)}`, { auth: ctx.limited })).status).toBe(404);
  });

  it('answers an anonymous user search with an empty list and requires query or accountId', async () => {
    expect((await ctx.call('GET', '/rest/api/3/user/search?query=a', { auth: false })).body()).toEqual([]);
    expect((await ctx.call('GET', '/rest/api/3/user/search')).status).toBe(400);
  });

  it('lists assignable users of a project: agents for HELP, members for ITOPS', async () => {
    const help = (await ctx.call('GET', '/rest/api/3/user/assignable/search?project=HELP')).body<UserJson[]>();
    expect(help.map((user) => user.accountId)).toContain(ctx.state.facts.serviceAccount.accountId);
    expect(help.map((user) => user.accountId)).not.toContain(ctx.state.facts.knownRequester.accountId);
    expect(help.every((user) => user.accountType === 'atlassian')).toBe(true);
    expect((await ctx.call('GET', '/rest/api/3/user/assignable/search?project=NOPE')).status).toBe(404);
  });

  it('pages all users with /users/search', async () => {
    const first = (await ctx.call('GET', '/rest/api/3/users/search?maxResults=10')).body<UserJson[]>();
    const second = (await ctx.call('GET', '/rest/api/3/users/search?startAt=10&maxResults=10')).body<UserJson[]>();
    expect(first).toHaveLength(10);
    expect(new Set([...first, ...second].map((user) => user.accountId)).size).toBe(20);
  });
});
