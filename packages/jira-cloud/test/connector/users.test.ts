/**
 * `users.findByEmail()` across platform users and the desk's customers: every page of customers is
 * read (an exact match is never cut off), case does not matter, two accounts are ambiguous.
 */
import { AmbiguousMatchError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { createJiraConnector, type JiraConnectorOptions } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE, failure, route, useNock } from '../client/support.js';

useNock();

function connector(options: Partial<JiraConnectorOptions> = {}) {
  return createJiraConnector({
    baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, timeZone: 'UTC', projectKey: 'HELP', serviceDeskId: '1', ...options,
  } as JiraConnectorOptions);
}

const customer = (n: number, email: string) => ({ accountId: `qm:${n}`, displayName: `Customer ${n}`, emailAddress: email, accountType: 'customer' });

/** Customers of desk 1 whose email contains the query, `perPage` at a time, the exact address last. */
function customerPages(total: number, exact: ReturnType<typeof customer>[], perPage = 50) {
  const all = [...Array.from({ length: total }, (_, n) => customer(n, `x${n}.ann@example.com`)), ...exact];
  const pages = Math.ceil(all.length / perPage);
  return route('GET', '/rest/servicedeskapi/servicedesk/1/customer', (seen) => {
    const start = Number(seen.query.start ?? 0);
    const limit = Number(seen.query.limit ?? perPage);
    const values = all.slice(start, start + Math.min(limit, perPage));
    return [200, { start, limit, size: values.length, values, isLastPage: start + values.length >= all.length }];
  }, { times: pages });
}

describe('users.findByEmail', () => {
  it('reads every page of customers, so an exact match after many similar addresses is found', async () => {
    route('GET', '/rest/api/3/user/search', [200, []]);
    const calls = customerPages(230, [customer(999, 'Ann@Example.com')]);
    const user = await connector().users.findByEmail('ann@example.com');
    expect(user).toMatchObject({ id: 'qm:999', email: 'Ann@Example.com', kind: 'customer' });
    expect(calls.length).toBeGreaterThan(4);
  });

  it('sees two accounts with the address across pages as ambiguous', async () => {
    route('GET', '/rest/api/3/user/search', [200, [{ accountId: 'acc-ann', displayName: 'Ann', emailAddress: 'ann@example.com', accountType: 'atlassian' }]]);
    customerPages(210, [customer(998, 'ANN@example.com')]);
    const error = await failure(connector().users.findByEmail('ann@example.com'));
    expect(error).toBeInstanceOf(AmbiguousMatchError);
    expect((error as AmbiguousMatchError).matchIds).toEqual(['acc-ann', 'qm:998']);
  });
});
