/**
 * `catalog.list()`: the desk's request types page after page, with their group names and portal
 * links, hidden types left out, and its options checked.
 */
import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { createJiraConnector, type JiraConnectorOptions } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE, failure, route, useNock } from '../client/support.js';

useNock();

function connector(options: Partial<JiraConnectorOptions> = {}) {
  return createJiraConnector({
    baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, timeZone: 'UTC', projectKey: 'HELP', serviceDeskId: '1', ...options,
  } as JiraConnectorOptions);
}

const type = (id: number, groupIds: string[]) => ({ id: String(id), name: `Type ${id}`, description: `About ${id}`, portalId: '7', groupIds });

describe('catalog.list', () => {
  it('reads every page of request types and groups, and links each to its portal form', async () => {
    const types = route('GET', '/rest/servicedeskapi/servicedesk/1/requesttype', [
      [200, { start: 0, limit: 50, size: 50, isLastPage: false, values: Array.from({ length: 50 }, (_, n) => type(n, [n % 2 ? '11' : '10'])) }],
      [200, { start: 50, limit: 50, size: 2, isLastPage: true, values: [type(50, []), type(51, ['12'])] }],
    ]);
    const groups = route('GET', '/rest/servicedeskapi/servicedesk/1/requesttypegroup', [
      [200, { start: 0, limit: 50, size: 2, isLastPage: false, values: [{ id: '10', name: 'Hardware' }, { id: '11', name: 'Access' }] }],
      [200, { start: 2, limit: 50, size: 1, isLastPage: true, values: [{ id: '12', name: 'Other' }] }],
    ]);
    const items = await connector().catalog.list().toArray({ limit: Infinity });
    expect(types.map((call) => call.query)).toEqual([{ start: '0', limit: '50' }, { start: '50', limit: '50' }]);
    expect(groups.map((call) => call.query)).toEqual([{ start: '0', limit: '50' }, { start: '2', limit: '50' }]);
    expect(items).toHaveLength(51);
    expect(items.map((item) => item.id)).not.toContain('50');
    expect(items[0]).toMatchObject({
      provider: 'jira-cloud', id: '0', name: 'Type 0', description: 'About 0', category: 'Hardware',
      url: `${SITE}/servicedesk/customer/portal/7/create/0`,
    });
    expect(items[1]?.category).toBe('Access');
    expect(items.at(-1)).toMatchObject({ id: '51', category: 'Other' });
  });

  it('refuses an unknown option or a forUser that is not a person, instead of ignoring it', async () => {
    const unknown = await failure(connector().catalog.list({ forUsr: 'ann@example.com' } as never).toArray({ limit: 1 }));
    expect(unknown).toBeInstanceOf(InputError);
    expect((unknown as InputError).field).toBe('options.forUsr');
    const notPerson = await failure(connector().catalog.list({ forUser: 42 } as never).toArray({ limit: 1 }));
    expect((notPerson as InputError).field).toMatch(/^options\.forUser/);
  });
});
