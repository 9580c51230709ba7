import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { client, failure, route, useNock } from './support.js';

useNock();

function user(accountId: string, displayName: string, emailAddress?: string | null, extra: Record<string, unknown> = {}) {
  return {
    self: `https://acme.atlassian.net/rest/api/3/user?accountId=${accountId}`,
    accountId,
    accountType: 'atlassian',
    displayName,
    active: true,
    ...(emailAddress === undefined ? {} : { emailAddress }),
    ...extra,
  };
}

describe('users.get and users.search', () => {
  it('gets a user by accountId; a hidden email is null', async () => {
    const calls = route('GET', '/rest/api/3/user', [200, user('acc-1', 'Ada', null, { timeZone: 'Europe/London', locale: 'en_GB' })]);
    const found = await client().users.get('acc-1');
    expect(calls[0]?.query).toEqual({ accountId: 'acc-1' });
    expect(found).toMatchObject({ accountId: 'acc-1', displayName: 'Ada', emailAddress: null, timeZone: 'Europe/London' });
  });

  it('searches with startAt/maxResults and stops at a short page', async () => {
    const calls = route('GET', '/rest/api/3/user/search', [
      [200, [user('a1', 'Ada 1'), user('a2', 'Ada 2')]],
      [200, [user('a3', 'Ada 3'), user('a4', 'Ada 4')]],
      [200, [user('a5', 'Ada 5')]],
    ]);
    const users = await client().users.search('ada', { pageSize: 2 }).toArray({ limit: Infinity });
    expect(users.map((item) => item.accountId)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(calls.map((call) => call.query)).toEqual([
      { query: 'ada', startAt: '0', maxResults: '2' },
      { query: 'ada', startAt: '2', maxResults: '2' },
      { query: 'ada', startAt: '4', maxResults: '2' },
    ]);
  });

  it('refuses a blank query and a bad page size', async () => {
    expect(() => client().users.search(' ')).toThrow(InputError);
    expect(() => client().users.search('a', { pageSize: 0 })).toThrow(/pageSize/);
    await expect(client().users.get('')).rejects.toMatchObject({ field: 'accountId' });
  });

  it('assignable users: project and query, paging until an empty page (Jira filters after paging)', async () => {
    const calls = route('GET', '/rest/api/3/user/assignable/search', [
      [200, [user('a1', 'Agent 1')]],
      [200, [user('a2', 'Agent 2')]],
      [200, []],
    ]);
    const users = await client().users.assignable('HELP', 'age', { pageSize: 2 }).toArray({ limit: 50 });
    expect(users.map((item) => item.accountId)).toEqual(['a1', 'a2']);
    expect(calls.map((call) => call.query)).toEqual([
      { project: 'HELP', query: 'age', startAt: '0', maxResults: '2' },
      { project: 'HELP', query: 'age', startAt: '1', maxResults: '2' },
      { project: 'HELP', query: 'age', startAt: '2', maxResults: '2' },
    ]);
  });
});

describe('users.findByEmail', () => {
  it('found: one user shows the address (case-insensitive), even among prefix matches', async () => {
    const calls = route('GET', '/rest/api/3/user/search', [200, [
      user('a1', 'Ada Lovelace', 'Ada@Example.com'),
      user('a2', 'Ada L.', 'ada@example.com.au'),
    ]]);
    const result = await client().users.findByEmail('ada@example.com');
    expect(calls[0]?.query).toEqual({ query: 'ada@example.com', maxResults: '100' });
    expect(result).toMatchObject({ status: 'found', emailHidden: false, user: { accountId: 'a1' } });
    expect(result.matches.map((item) => item.accountId)).toEqual(['a1']);
  });

  it('hidden: no visible match but users with hidden emails came back — the caller cannot tell', async () => {
    route('GET', '/rest/api/3/user/search', [200, [
      user('a1', 'Ada Lovelace'),
      user('bot', 'Automation', undefined, { accountType: 'app' }),
      user('a3', 'Other', 'other@example.com'),
    ]]);
    const result = await client().users.findByEmail('ada@example.com');
    expect(result.status).toBe('hidden');
    expect(result.emailHidden).toBe(true);
    expect(result.user).toBeNull();
    expect(result.candidates.map((item) => item.accountId)).toEqual(['a1']);
  });

  it('not-found: nothing came back, or only users showing other addresses', async () => {
    route('GET', '/rest/api/3/user/search', [[200, []], [200, [user('a3', 'Other', 'ada@example.org')]]]);
    for (let i = 0; i < 2; i++) {
      const result = await client().users.findByEmail('ada@example.com');
      expect(result).toMatchObject({ status: 'not-found', user: null, emailHidden: false, matches: [], candidates: [] });
    }
  });

  it('ambiguous: several users show the address', async () => {
    route('GET', '/rest/api/3/user/search', [200, [user('a1', 'Ada', 'ada@example.com'), user('a2', 'Ada (old)', 'ADA@example.com')]]);
    const result = await client().users.findByEmail('ada@example.com');
    expect(result).toMatchObject({ status: 'ambiguous', user: null, emailHidden: false });
    expect(result.matches).toHaveLength(2);
  });

  it('refuses something that is not an email', async () => {
    const error = await failure(client().users.findByEmail('ada'));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'email' });
  });
});
