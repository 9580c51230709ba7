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
}

describe('jira.js', () => {
  it('works unchanged: myself, create, get, edit, transitions, comments, enhanced search, service desks, requests', async () => {
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
