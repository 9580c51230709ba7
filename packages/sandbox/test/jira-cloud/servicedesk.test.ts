import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 60 });
const experimental = { 'x-experimentalapi': 'opt-in' };

interface JsmPage<T> {
  size: number;
  start: number;
  limit: number;
  isLastPage: boolean;
  values: T[];
  _links: { base: string; context: string; self: string; next?: string; prev?: string };
}

interface RequestJson {
  issueId: string;
  issueKey: string;
  requestTypeId: string;
  serviceDeskId: string;
  reporter: { accountId: string; emailAddress?: string };
  requestFieldValues: { fieldId: string; value: unknown }[];
  currentStatus: { status: string; statusCategory: string };
  _links: { web: string; agent: string; self: string; jiraRest: string };
}

function create(extra: Record<string, unknown> = {}, values: Record<string, unknown> = {}) {
  return ctx.call('POST', '/rest/servicedeskapi/request', {
    json: { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: 'Need Visio', description: 'For the *org chart*.', ...values }, ...extra },
  });
}

describe('service desks and request types', () => {
  it('lists desks in a JSM page', async () => {
    const page = (await ctx.call('GET', '/rest/servicedeskapi/servicedesk')).body<JsmPage<{ id: string; projectKey: string }>>();
    expect(page).toMatchObject({ size: 1, start: 0, limit: 50, isLastPage: true, values: [{ id: '1', projectKey: 'HELP' }] });
    expect(page._links.base).toBe(`${ctx.sb.url('jira-cloud')}/rest/servicedeskapi`);
  });

  it('pages request types with start/limit and _links.next', async () => {
    const first = (await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/requesttype?limit=3')).body<JsmPage<{ id: string; name: string }>>();
    expect(first).toMatchObject({ size: 3, start: 0, limit: 3, isLastPage: false });
    expect(first._links.next).toContain('start=3');
    const names: string[] = [];
    for (let start = 0; ; start += 3) {
      const page = (await ctx.call('GET', `/rest/servicedeskapi/servicedesk/1/requesttype?start=${start}&limit=3`)).body<JsmPage<{ name: string }>>();
      names.push(...page.values.map((value) => value.name));
      if (page.isLastPage) break;
    }
    expect(names).toEqual(expect.arrayContaining(['Get IT help', 'Request new hardware', 'Reset password', 'Request access']));
    expect((await ctx.call('GET', '/rest/servicedeskapi/servicedesk/HELP/requesttype')).status).toBe(200);
  });

  it('describes a request type\'s fields with valid values', async () => {
    const meta = (await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/requesttype/3/field')).body<{
      canRaiseOnBehalfOf: boolean;
      requestTypeFields: { fieldId: string; required: boolean; validValues: { value: string; label: string }[] }[];
    }>();
    expect(meta.canRaiseOnBehalfOf).toBe(true);
    expect(meta.requestTypeFields.map((field) => [field.fieldId, field.required])).toEqual([['summary', true], ['customfield_10030', true], ['description', false]]);
    expect(meta.requestTypeFields[1]?.validValues).toContainEqual({ value: '10040', label: 'Laptop', children: [] });
  });

  it('answers JSM\'s 404 for an unknown desk', async () => {
    const reply = await ctx.call('GET', '/rest/servicedeskapi/servicedesk/77');
    expect(reply.status).toBe(404);
    expect(reply.body()).toEqual({ errorMessage: 'The Service Desk you are trying to view does not exist.', i18nErrorMessage: { i18nKey: 'sd.agent.servicedesk.error.servicedesk.missing', parameters: [] } });
  });
});

describe('requests', () => {
  it('creates a request on behalf of a customer (by e-mail) with a portal link; it is the same issue on the platform', async () => {
    const requester = ctx.state.facts.knownRequester;
    const reply = await create({ raiseOnBehalfOf: requester.email });
    expect(reply.status).toBe(201);
    const request = reply.body<RequestJson>();
    expect(request).toMatchObject({ requestTypeId: '1', serviceDeskId: '1', reporter: { accountId: requester.accountId }, currentStatus: { status: 'Waiting for support', statusCategory: 'NEW' } });
    expect(request._links.web).toBe(`${ctx.sb.url('jira-cloud')}/servicedesk/customer/portal/1/${request.issueKey}`);
    expect(request.requestFieldValues.find((value) => value.fieldId === 'description')?.value).toBe('For the *org chart*.');
    const issue = (await ctx.call('GET', `/rest/api/3/issue/${request.issueKey}?fields=reporter,creator,issuetype,customfield_10010`)).body<{ fields: Record<string, { accountId?: string; name?: string; requestType?: { id: string } }> }>();
    expect(issue.fields.reporter?.accountId).toBe(requester.accountId);
    expect(issue.fields.creator?.accountId).toBe(ctx.state.facts.serviceAccount.accountId);
    expect(issue.fields.issuetype?.name).toBe('Service Request');
    expect(issue.fields.customfield_10010?.requestType?.id).toBe('1');
    const read = (await ctx.call('GET', `/rest/servicedeskapi/request/${request.issueKey}?expand=requestType,status`)).body<RequestJson & { requestType: { name: string } }>();
    expect(read.requestType.name).toBe('Get IT help');
  });

  it('raises on behalf of an accountId; refuses a non-customer until they are added to the desk', async () => {
    const outsider = ctx.state.facts.nonCustomer;
    const refused = await create({ raiseOnBehalfOf: outsider.accountId });
    expect(refused.status).toBe(400);
    expect(refused.body()).toMatchObject({ errorMessage: expect.stringContaining('not a customer'), i18nErrorMessage: { i18nKey: expect.any(String) } });
    expect((await ctx.call('POST', '/rest/servicedeskapi/servicedesk/1/customer', { json: { accountIds: [outsider.accountId] } })).status).toBe(204);
    const accepted = await create({ raiseOnBehalfOf: outsider.accountId });
    expect(accepted.status).toBe(201);
  });

  it('validates request fields with JSM\'s error body', async () => {
    const reply = await ctx.call('POST', '/rest/servicedeskapi/request', { json: { serviceDeskId: '1', requestTypeId: '3', requestFieldValues: { summary: 'Laptop', customfield_10030: { id: '999' }, priority: { id: '1' } } } });
    expect(reply.status).toBe(400);
    const body = reply.body<{ errorMessage: string; i18nErrorMessage: { i18nKey: string; parameters: string[] } }>();
    expect(body.errorMessage).toMatch(/^Your request could not be created\. Please check the fields have been correctly filled in\./u);
    expect(body.i18nErrorMessage.i18nKey).toBe('sd.validation.request.creation.failure.required.field');
    expect(body.i18nErrorMessage.parameters).toHaveLength(2);
  });

  it('performs customer transitions and keeps a status history', async () => {
    const key = (await create()).body<RequestJson>().issueKey;
    const list = (await ctx.call('GET', `/rest/servicedeskapi/request/${key}/transition`)).body<JsmPage<{ id: string; name: string }>>();
    expect(list.values.map((value) => value.name)).toEqual(['Resolve', 'Cancel request']);
    const resolve = list.values.find((value) => value.name === 'Resolve');
    expect((await ctx.call('POST', `/rest/servicedeskapi/request/${key}/transition`, { json: { id: resolve?.id, additionalComment: { body: 'Solved, thanks' } } })).status).toBe(204);
    const request = (await ctx.call('GET', `/rest/servicedeskapi/request/${key}`)).body<RequestJson>();
    expect(request.currentStatus).toMatchObject({ status: 'Resolved', statusCategory: 'DONE' });
    const history = (await ctx.call('GET', `/rest/servicedeskapi/request/${key}/status`)).body<JsmPage<{ status: string }>>();
    expect(history.values.map((value) => value.status)).toEqual(['Resolved', 'Waiting for support']);
    expect((await ctx.call('POST', `/rest/servicedeskapi/request/${key}/transition`, { json: { id: '61' } })).status).toBe(400);
  });
});

describe('customers', () => {
  it('needs X-ExperimentalApi: opt-in to list a desk\'s customers', async () => {
    const refused = await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/customer');
    expect(refused.status).toBe(412);
    expect(refused.body<{ errorMessage: string }>().errorMessage).toContain("You must set the header 'X-ExperimentalApi: opt-in'");
    // Authentication comes first: without credentials it is Jira's 401, header or not.
    expect((await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/customer', { auth: false })).status).toBe(401);
    const page = (await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/customer?limit=100', { headers: experimental })).body<JsmPage<{ accountId: string; emailAddress?: string }>>();
    const ids = page.values.map((value) => value.accountId);
    expect(ids).toContain(ctx.state.facts.knownRequester.accountId);
    expect(ids).not.toContain(ctx.state.facts.nonCustomer.accountId);
    expect(page.values.find((value) => value.accountId === ctx.state.facts.hiddenEmailUser.accountId)).not.toHaveProperty('emailAddress');
  });

  it('hides the customers from an account without the Service Desk Team role (403)', async () => {
    const reply = await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/customer', { auth: ctx.limited, headers: experimental });
    expect(reply.status).toBe(403);
    expect(reply.body()).toMatchObject({ errorMessage: expect.any(String), i18nErrorMessage: { i18nKey: expect.any(String) } });
  });

  it('creates a customer (201), refuses a duplicate, and adds them to the desk', async () => {
    const created = await ctx.call('POST', '/rest/servicedeskapi/customer', { json: { email: 'new.person@outside.example', displayName: 'New Person' } });
    expect(created.status).toBe(201);
    const customer = created.body<{ accountId: string; emailAddress: string; displayName: string }>();
    expect(customer).toMatchObject({ emailAddress: 'new.person@outside.example', displayName: 'New Person' });
    expect(customer.accountId).toMatch(/^qm:/u);
    expect((await ctx.call('POST', '/rest/servicedeskapi/customer', { json: { email: 'new.person@outside.example', displayName: 'Again' } })).status).toBe(400);
    expect((await ctx.call('POST', '/rest/servicedeskapi/customer?strictConflictStatusCode=true', { json: { email: 'new.person@outside.example', displayName: 'Again' } })).status).toBe(409);
    await ctx.call('POST', '/rest/servicedeskapi/servicedesk/1/customer', { json: { accountIds: [customer.accountId] } });
    const search = (await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/customer?query=new.person', { headers: experimental })).body<JsmPage<{ accountId: string }>>();
    expect(search.values.map((value) => value.accountId)).toEqual([customer.accountId]);
    expect((await ctx.call('POST', '/rest/servicedeskapi/customer', { auth: ctx.limited, json: { email: 'x@outside.example', displayName: 'X' } })).status).toBe(403);
  });
});
