/**
 * A well-known client works against the simulator unchanged: jira.js 6 (the current release; its
 * `Version3Client` of v5 became `createCloudClient`, see its MIGRATION.md) with basic auth and
 * `host = sb.url('jira-cloud')`. jira.js validates every response against its own schemas (generated
 * from Atlassian's specs): the second run turns drift into a failure.
 */
import { createCloudClient, createServiceDeskClient } from 'jira.js';
import type { SchemaMismatchReport } from 'jira.js/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox.js';
import { doc } from './support/http.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'] });
});
beforeEach(() => sb.reset());
afterAll(() => sb.close());

/** The whole flow a bot runs, through jira.js's cloud and service-desk clients. */
async function flow(onSchemaMismatch?: (report: SchemaMismatchReport) => void): Promise<void> {
  const { email = '', apiToken = '' } = sb.credentials['jira-cloud'];
  const config = { host: sb.url('jira-cloud'), auth: { type: 'basic' as const, email, apiToken }, ...(onSchemaMismatch === undefined ? {} : { onSchemaMismatch }) };
  const jira = createCloudClient(config);
  const facts = sb.state('jira-cloud').facts;

  const me = await jira.myself.getCurrentUser();
  expect(me.accountId).toBe(facts.serviceAccount.accountId);
  expect(me.timeZone).toBe('America/Danmarkshavn');

  const created = await jira.issues.createIssue({
    fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'VPN drops every hour', description: doc('Since Monday.'), labels: ['vpn'] },
  });
  expect(created.key).toMatch(/^HELP-\d+$/);

  const fetched = await jira.issues.getIssue({ issueIdOrKey: created.key ?? '', expand: 'names' });
  expect(fetched.fields?.summary).toBe('VPN drops every hour');

  await jira.issues.editIssue({ issueIdOrKey: created.key ?? '', fields: { summary: 'VPN drops every 30 minutes' } });
  expect((await jira.issues.getIssue({ issueIdOrKey: created.key ?? '', fields: ['summary'] })).fields?.summary).toBe('VPN drops every 30 minutes');

  const { transitions = [] } = await jira.issues.getTransitions({ issueIdOrKey: created.key ?? '', expand: 'transitions.fields' });
  const resolve = transitions.find((transition) => transition.name === 'Resolve');
  expect(resolve?.fields?.assignee).toBeDefined();
  await jira.issues.doTransition({
    issueIdOrKey: created.key ?? '',
    transition: { id: resolve?.id ?? '' },
    fields: { resolution: { name: 'Done' }, assignee: { accountId: facts.serviceAccount.accountId } },
  });
  const resolved = await jira.issues.getIssue({ issueIdOrKey: created.key ?? '', fields: ['status', 'resolution', 'assignee'] });
  expect((resolved.fields?.status as { name?: string } | undefined)?.name).toBe('Resolved');

  const comment = await jira.issueComments.addComment({ issueIdOrKey: created.key ?? '', body: doc('Fixed by the new VPN profile.') });
  expect(comment.id).toBeDefined();
  const comments = await jira.issueComments.getComments({ issueIdOrKey: created.key ?? '' });
  expect(comments.total).toBe(1);

  const ids = new Set<string>();
  let nextPageToken: string | undefined;
  do {
    const page = await jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({ jql: 'project = HELP ORDER BY created DESC', fields: ['summary', 'status'], maxResults: 100, nextPageToken });
    for (const issue of page.issues ?? []) ids.add(issue.id ?? '');
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken !== undefined);
  const { count } = await jira.issueSearch.countIssues({ jql: 'project = HELP' });
  expect(ids.size).toBe(count);

  const desk = createServiceDeskClient(config);
  const desks = await desk.servicedesk.getServiceDesks();
  expect(desks.values?.map((value) => value.projectKey)).toEqual(['HELP']);
  const request = await desk.request.createCustomerRequest({
    serviceDeskId: facts.serviceDeskId,
    requestTypeId: facts.requestTypeId,
    requestFieldValues: { summary: 'Need a second monitor', description: 'For the new desk.' },
    raiseOnBehalfOf: facts.knownRequester.accountId,
  });
  expect(request.issueKey).toMatch(/^HELP-\d+$/);
  expect(request.reporter?.accountId).toBe(facts.knownRequester.accountId);

  await collaboration(jira, created.key ?? '');
  await serviceDeskExtras(desk, request.issueKey ?? '');
}

/** What a bot does around a ticket: watchers, remote links, issue links, worklogs, the changelog, the v2 markup routes. */
async function collaboration(jira: ReturnType<typeof createCloudClient>, key: string): Promise<void> {
  const facts = sb.state('jira-cloud').facts;
  const me = facts.serviceAccount.accountId;

  await jira.issueWatchers.removeWatcher({ issueIdOrKey: key, accountId: me });
  await jira.issueWatchers.addWatcher({ issueIdOrKey: key, body: me as unknown as Record<string, unknown> });
  const watchers = await jira.issueWatchers.getIssueWatchers({ issueIdOrKey: key });
  expect(watchers.isWatching).toBe(true);
  expect(watchers.watchers?.map((watcher) => watcher.accountId)).toContain(me);

  const remote = await jira.issueRemoteLinks.createOrUpdateRemoteIssueLink({
    issueIdOrKey: key,
    globalId: 'chat:4711',
    relationship: 'chat transcript',
    object: { url: 'https://chat.example.com/t/4711', title: 'Chat with the requester' },
  });
  expect(remote.id).toBeDefined();
  const links = await jira.issueRemoteLinks.getRemoteIssueLinks({ issueIdOrKey: key });
  expect(JSON.stringify(links)).toContain('chat:4711');
  await jira.issueRemoteLinks.deleteRemoteIssueLinkByGlobalId({ issueIdOrKey: key, globalId: 'chat:4711' });
  expect(await jira.issueRemoteLinks.getRemoteIssueLinks({ issueIdOrKey: key })).toEqual([]);

  const other = await jira.issues.createIssue({ fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'VPN down in Berlin' } });
  const types = await jira.issueLinkTypes.getIssueLinkTypes();
  const relates = types.issueLinkTypes?.find((type) => type.name === 'Relates');
  await jira.issueLinks.linkIssues({ type: { name: relates?.name }, inwardIssue: { key: other.key }, outwardIssue: { key } });
  const linked = await jira.issues.getIssue({ issueIdOrKey: key, fields: ['issuelinks'] });
  const issueLinks = (linked.fields as { issuelinks?: { id?: string; inwardIssue?: { key?: string } }[] }).issuelinks ?? [];
  expect(issueLinks.map((link) => link.inwardIssue?.key)).toEqual([other.key]);
  expect((await jira.issueLinks.getIssueLink({ linkId: issueLinks[0]?.id ?? '' })).type?.name).toBe('Relates');

  const worklog = await jira.issueWorklogs.addWorklog({ issueIdOrKey: key, timeSpent: '1h 30m', comment: doc('Reset the VPN profile.') });
  expect(worklog.timeSpentSeconds).toBe(5400);
  const worklogs = await jira.issueWorklogs.getIssueWorklog({ issueIdOrKey: key });
  expect(worklogs.total).toBe(1);
  await jira.issueWorklogs.updateWorklog({ issueIdOrKey: key, id: worklog.id ?? '', body: { timeSpent: '2h' } });
  const markup = await jira.issueWorklogs.addWorklog({ issueIdOrKey: key, timeSpent: '5m', comment: 'h4. Follow-up *call*' });
  expect(JSON.stringify(markup.comment)).toContain('heading');

  const changelog = await jira.issues.getChangeLogs({ issueIdOrKey: key });
  expect(changelog.values?.some((history) => history.items?.some((item) => item.field === 'summary'))).toBe(true);
  expect(changelog.total).toBe(changelog.values?.length);

  const comment = await jira.issueComments.addComment({ issueIdOrKey: key, body: 'h2. Update\n\n*bold* and _italic_' });
  expect(JSON.stringify(comment.body)).toContain('heading');
  const described = await jira.issues.createIssue({ fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'Markup', description: 'h2. Described' } });
  const fetchedMarkup = await jira.issues.getIssue({ issueIdOrKey: described.key ?? '', fields: ['description'] });
  expect(JSON.stringify((fetchedMarkup.fields as { description?: unknown }).description)).toContain('heading');
}

/** JSM: the product info, organizations, participants, SLAs and customer transitions. */
async function serviceDeskExtras(desk: ReturnType<typeof createServiceDeskClient>, key: string): Promise<void> {
  const facts = sb.state('jira-cloud').facts;
  expect((await desk.info.getInfo()).version).toBeDefined();

  const organizations = await desk.organization.getOrganizations({ limit: 10 });
  expect(organizations.values?.map((organization) => organization.name)).toContain('Finance');
  const created = await desk.organization.createOrganization({ name: 'Warehouse' });
  await desk.organization.addUsersToOrganization({ organizationId: Number(created.id), body: { accountIds: [facts.nonCustomer.accountId] } });
  const members = await desk.organization.getUsersInOrganization({ organizationId: Number(created.id) });
  expect(members.values?.map((user) => user.accountId)).toEqual([facts.nonCustomer.accountId]);
  await desk.organization.addOrganization({ serviceDeskId: facts.serviceDeskId, body: { organizationId: Number(created.id) } });
  const onDesk = await desk.organization.getServiceDeskOrganizations({ serviceDeskId: facts.serviceDeskId });
  expect(onDesk.values?.map((organization) => organization.name)).toContain('Warehouse');

  const participants = await desk.request.addRequestParticipants({ issueIdOrKey: key, accountIds: [facts.agent.accountId] });
  expect(participants.values?.map((user) => user.accountId)).toEqual([facts.agent.accountId]);
  const slas = await desk.request.getSlaInformation({ issueIdOrKey: key });
  expect(slas.values?.map((sla) => sla.name)).toEqual(['Time to first response', 'Time to resolution']);

  const transitions = await desk.request.getCustomerTransitions({ issueIdOrKey: key });
  const cancel = transitions.values?.find((transition) => transition.name === 'Cancel request');
  await desk.request.performCustomerTransition({ issueIdOrKey: key, id: cancel?.id ?? '', additionalComment: { body: 'Not needed any more.' } });
  expect((await desk.request.getCustomerRequestStatus({ issueIdOrKey: key })).values?.[0]?.status).toBe('Canceled');
}

describe('jira.js', () => {
  it('works unchanged: myself, create, get, edit, transitions, comments, enhanced search, service desks, requests, watchers, remote links, issue links, worklogs, changelogs, markup, organizations, participants, SLAs', async () => {
    await flow();
  });

  it('reports no schema drift for any of those responses', async () => {
    const reports: SchemaMismatchReport[] = [];
    await flow((report) => reports.push(report));
    expect(reports.map((report) => `${report.endpoint}: ${JSON.stringify(report.issues)}`)).toEqual([]);
  });

  it('would notice drift: a reshaped /myself is reported', async () => {
    const reports: SchemaMismatchReport[] = [];
    const { email = '', apiToken = '' } = sb.credentials['jira-cloud'];
    const jira = createCloudClient({ host: sb.url('jira-cloud'), auth: { type: 'basic', email, apiToken }, onSchemaMismatch: (report) => reports.push(report) });
    sb.faults.inject({ provider: 'jira-cloud', path: '/rest/api/3/myself', body: { accountId: 42, active: 'yes' } });
    await jira.myself.getCurrentUser();
    expect(reports).not.toEqual([]);
  });
});
