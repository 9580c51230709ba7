/**
 * Service Management: `/info`, organizations, request participants and SLA information.
 */
import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 40 });

interface Page<T> {
  values: T[];
  size: number;
  isLastPage: boolean;
}

const requestOf = (predicate: (issue: ReturnType<typeof issues>[number]) => boolean = () => true) => {
  const found = issues().find((issue) => issue.requestTypeId !== null && predicate(issue));
  if (found === undefined) throw new Error('no request');
  return found;
};
const issues = () => [...ctx.state.issues.values()];

describe('GET /rest/servicedeskapi/info', () => {
  it('tells the version, for anyone', async () => {
    const info = await ctx.call('GET', '/rest/servicedeskapi/info', { auth: false });
    expect(info.status).toBe(200);
    expect(info.body()).toMatchObject({ version: expect.any(String), platformVersion: expect.any(String), isLicensedForUse: true, buildDate: { epochMillis: expect.any(Number) } });
  });
});

describe('organizations', () => {
  it('lists the seeded organizations and their members, and filters by member', async () => {
    const page = (await ctx.call('GET', '/rest/servicedeskapi/organization')).body<Page<{ id: string; name: string }>>();
    expect(page.values.map((org) => org.name)).toEqual(['Field Sales', 'Finance']);
    const finance = page.values.find((org) => org.name === 'Finance');
    const members = (await ctx.call('GET', `/rest/servicedeskapi/organization/${finance?.id}/user`)).body<Page<{ accountId: string }>>();
    expect(members.values.length).toBeGreaterThan(0);
    const member = members.values[0]?.accountId;
    const mine = (await ctx.call('GET', `/rest/servicedeskapi/organization?accountId=${member}`)).body<Page<{ name: string }>>();
    expect(mine.values.map((org) => org.name)).toContain('Finance');
    const onDesk = (await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/organization')).body<Page<{ name: string }>>();
    expect(onDesk.values.map((org) => org.name)).toEqual(['Field Sales', 'Finance']);
  });

  it('creates an organization, adds members, adds it to the desk (its members become customers), then removes it', async () => {
    const created = await ctx.call('POST', '/rest/servicedeskapi/organization', { json: { name: 'Warehouse' } });
    expect(created.status).toBe(201);
    const org = created.body<{ id: string; name: string }>();
    expect((await ctx.call('GET', `/rest/servicedeskapi/organization/${org.id}`)).body()).toMatchObject({ id: org.id, name: 'Warehouse' });

    const { nonCustomer } = ctx.state.facts;
    const raise = () =>
      ctx.call('POST', '/rest/servicedeskapi/request', { json: { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: 'Forklift login' }, raiseOnBehalfOf: nonCustomer.accountId } });
    expect((await raise()).status).toBe(400);
    expect((await ctx.call('POST', `/rest/servicedeskapi/organization/${org.id}/user`, { json: { accountIds: [nonCustomer.accountId] } })).status).toBe(204);
    expect((await ctx.call('POST', '/rest/servicedeskapi/servicedesk/1/organization', { json: { organizationId: Number(org.id) } })).status).toBe(204);
    expect((await raise()).status).toBe(201);

    expect((await ctx.call('DELETE', '/rest/servicedeskapi/servicedesk/1/organization', { json: { organizationId: Number(org.id) } })).status).toBe(204);
    expect((await raise()).status).toBe(400);
    expect((await ctx.call('DELETE', `/rest/servicedeskapi/organization/${org.id}/user`, { json: { accountIds: [nonCustomer.accountId] } })).status).toBe(204);
    expect((await ctx.call('GET', `/rest/servicedeskapi/organization/${org.id}/user`)).body<Page<unknown>>().values).toEqual([]);
  });

  it('checks names, ids, accounts and permissions', async () => {
    expect((await ctx.call('POST', '/rest/servicedeskapi/organization', { json: { name: 'finance' } })).status).toBe(400);
    expect((await ctx.call('POST', '/rest/servicedeskapi/organization', { json: { name: ' ' } })).status).toBe(400);
    expect((await ctx.call('GET', '/rest/servicedeskapi/organization/99999999')).status).toBe(404);
    expect((await ctx.call('POST', '/rest/servicedeskapi/organization/1/user', { json: { accountIds: ['nobody'] } })).status).toBe(400);
    expect((await ctx.call('POST', '/rest/servicedeskapi/servicedesk/1/organization', { json: { organizationId: 'x' } })).status).toBe(400);
    // Deleting an organization needs a Jira administrator; the service account is not one.
    expect((await ctx.call('DELETE', '/rest/servicedeskapi/organization/1')).status).toBe(403);
    ctx.state.settings.agentsCanManageCustomers = false;
    expect((await ctx.call('POST', '/rest/servicedeskapi/organization', { json: { name: 'Legal' } })).status).toBe(403);
    // A customer lists only its own organizations, and may not look up someone's, nor read members.
    const customer = ctx.state.facts.limitedAccount;
    expect((await ctx.call('GET', '/rest/servicedeskapi/organization', { auth: ctx.limited })).body<Page<unknown>>().values).toEqual([]);
    ctx.state.organizations.get('2')?.members.add(customer.accountId);
    expect((await ctx.call('GET', '/rest/servicedeskapi/organization', { auth: ctx.limited })).body<Page<{ name: string }>>().values.map((org) => org.name)).toEqual(['Field Sales']);
    expect((await ctx.call('GET', `/rest/servicedeskapi/organization?accountId=${customer.accountId}`, { auth: ctx.limited })).status).toBe(403);
    expect((await ctx.call('GET', '/rest/servicedeskapi/organization/1/user', { auth: ctx.limited })).status).toBe(403);
  });
});

describe('request participants', () => {
  it('adds and removes participants, answering the list after each change; participants see the request', async () => {
    const request = requestOf();
    const path = `/rest/servicedeskapi/request/${request.key}/participant`;
    expect((await ctx.call('GET', path)).body<Page<unknown>>().values).toEqual([]);
    const participant = [...ctx.state.users.values()].find((user) => user.accountId === ctx.state.facts.limitedAccount.accountId);
    expect((await ctx.call('GET', `/rest/servicedeskapi/request/${request.key}`, { auth: ctx.limited })).status).toBe(404);
    const added = await ctx.call('POST', path, { json: { accountIds: [participant?.accountId] } });
    expect(added.body<Page<{ accountId: string }>>().values.map((user) => user.accountId)).toEqual([participant?.accountId]);
    expect((await ctx.call('GET', `/rest/servicedeskapi/request/${request.key}`, { auth: ctx.limited })).status).toBe(200);
    const expanded = (await ctx.call('GET', `/rest/servicedeskapi/request/${request.key}?expand=participant`)).body<{ participants: Page<{ accountId: string }> }>();
    expect(expanded.participants.values.map((user) => user.accountId)).toEqual([participant?.accountId]);
    const removed = await ctx.call('DELETE', path, { json: { accountIds: [participant?.accountId] } });
    expect(removed.body<Page<unknown>>().values).toEqual([]);
  });

  it('takes requestParticipants when raising a request, and refuses unknown accounts', async () => {
    const { agent, knownRequester } = ctx.state.facts;
    const created = await ctx.call('POST', '/rest/servicedeskapi/request', {
      json: { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: 'Shared' }, raiseOnBehalfOf: knownRequester.accountId, requestParticipants: [agent.accountId] },
    });
    const key = created.body<{ issueKey: string }>().issueKey;
    expect((await ctx.call('GET', `/rest/servicedeskapi/request/${key}/participant`)).body<Page<{ accountId: string }>>().values.map((user) => user.accountId)).toEqual([agent.accountId]);
    expect((await ctx.call('POST', `/rest/servicedeskapi/request/${key}/participant`, { json: { accountIds: ['nobody'] } })).status).toBe(400);
    expect((await ctx.call('POST', `/rest/servicedeskapi/request/${key}/participant`, { json: { accountIds: [] } })).status).toBe(400);
    expect((await ctx.call('GET', '/rest/servicedeskapi/request/HELP-99999/participant')).status).toBe(404);
  });
});

describe('SLA information', () => {
  interface Sla {
    id: string;
    name: string;
    completedCycles: { breached: boolean; stopTime: { epochMillis: number }; elapsedTime: { millis: number } }[];
    ongoingCycle?: { breached: boolean; remainingTime: { millis: number; friendly: string }; goalDuration: { millis: number } };
  }

  it('runs both metrics on a new request, stops first response at an agent\'s public reply and resolution at the resolution', async () => {
    const { knownRequester } = ctx.state.facts;
    const key = (await ctx.call('POST', '/rest/servicedeskapi/request', { json: { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: 'SLA' }, raiseOnBehalfOf: knownRequester.accountId } })).body<{ issueKey: string }>().issueKey;
    const slas = async () => (await ctx.call('GET', `/rest/servicedeskapi/request/${key}/sla`)).body<Page<Sla>>().values;
    const fresh = await slas();
    expect(fresh.map((sla) => sla.name)).toEqual(['Time to first response', 'Time to resolution']);
    expect(fresh.every((sla) => sla.ongoingCycle?.breached === false && sla.completedCycles.length === 0)).toBe(true);
    expect(fresh[0]?.ongoingCycle?.goalDuration.millis).toBe(4 * 3600_000);

    await ctx.call('POST', `/rest/servicedeskapi/request/${key}/comment`, { json: { body: 'On it', public: true } });
    const responded = await slas();
    expect(responded[0]?.ongoingCycle).toBeUndefined();
    expect(responded[0]?.completedCycles[0]?.breached).toBe(false);
    expect(responded[1]?.ongoingCycle).toBeDefined();
    expect((await ctx.call('GET', `/rest/servicedeskapi/request/${key}/sla/1`)).body<Sla>().completedCycles).toHaveLength(1);
    expect((await ctx.call('GET', `/rest/servicedeskapi/request/${key}/sla/9`)).status).toBe(404);
  });

  it('reports a breach with a negative remaining time, and shows SLAs to agents only', async () => {
    const open = requestOf((issue) => issue.resolutionDate === null);
    // The same request, raised 30 hours ago and not answered yet.
    const request = { ...open, created: Date.now() - 30 * 3600_000, comments: [] };
    ctx.state.issues.set(request.id, request);
    const slas = (await ctx.call('GET', `/rest/servicedeskapi/request/${request.key}/sla`)).body<Page<Sla>>().values;
    expect(slas.every((sla) => sla.ongoingCycle?.breached === true)).toBe(true);
    expect(slas[0]?.ongoingCycle?.remainingTime.millis).toBeLessThan(0);
    expect(slas[0]?.ongoingCycle?.remainingTime.friendly).toMatch(/^-\d+h \d+m$/u);
    const expanded = (await ctx.call('GET', `/rest/servicedeskapi/request/${request.key}?expand=sla`)).body<{ sla: Page<Sla> }>();
    expect(expanded.sla.values).toHaveLength(2);
    const reporter = ctx.state.users.get(request.reporterId ?? '');
    ctx.state.apiTokens.set(reporter?.email.toLowerCase() ?? '', 'reporter-token');
    const asReporter = await ctx.call('GET', `/rest/servicedeskapi/request/${request.key}/sla`, { auth: { email: reporter?.email ?? '', apiToken: 'reporter-token' } });
    expect(asReporter.status).toBe(403);
  });
});
