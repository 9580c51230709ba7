/**
 * The native client's collaboration methods against the Jira sandbox: what a helpdesk bot does
 * around a ticket — add the requester as a watcher, link the chat transcript, relate a duplicate,
 * log its time, read the changelog, share the request with a colleague.
 */
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { JiraCloudClient } from '../../src/index.js';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'], tickets: 30 });
});
afterAll(() => sb.close());

it('watchers, remote links, issue links, worklogs, changelog and participants round-trip through the simulator', { timeout: 30_000 }, async () => {
  const { baseUrl, email, apiToken } = sb.connectorOptions('jira-cloud');
  const jira = new JiraCloudClient({ baseUrl, email, apiToken });
  const facts = sb.state('jira-cloud').facts;
  const request = await jira.serviceDesk.requests.create({
    serviceDeskId: facts.serviceDeskId,
    requestTypeId: facts.requestTypeId,
    requestFieldValues: { summary: 'VPN drops every hour' },
    raiseOnBehalfOf: facts.knownRequester.accountId,
  });
  const key = request.issueKey;

  await jira.issues.watchers.add(key, facts.knownRequester.accountId);
  expect((await jira.issues.watchers.list(key)).watchers.map((watcher) => watcher.accountId)).toContain(facts.knownRequester.accountId);

  const link = { globalId: 'chat:4711', url: 'https://chat.example.com/t/4711', title: 'Chat with the requester', relationship: 'chat transcript' };
  const first = await jira.issues.remoteLinks.upsert(key, link);
  const again = await jira.issues.remoteLinks.upsert(key, { ...link, resolved: true });
  expect(again.id).toBe(first.id);
  expect(await jira.issues.remoteLinks.list(key, { globalId: 'chat:4711' })).toMatchObject([{ object: { status: { resolved: true } } }]);

  const other = await jira.issues.create({ project: 'HELP', issueType: 'Incident', summary: 'VPN down for everyone' });
  await jira.issues.links.create({ type: 'Duplicate', inwardIssue: other.key, outwardIssue: key, comment: 'Part of the VPN outage.' });
  const issue = await jira.issues.get(key, { fields: ['issuelinks'] });
  const links = (issue.fields as { issuelinks?: { id: string }[] }).issuelinks ?? [];
  expect((await jira.issues.links.get(links[0]?.id ?? '')).inwardIssue?.key).toBe(other.key);

  const worklog = await jira.issues.worklogs.add(key, { timeSpent: '15m', comment: 'Reset the VPN profile.' });
  await jira.issues.worklogs.update(key, worklog.id, { timeSpent: '20m' });
  expect((await jira.issues.worklogs.list(key).toArray({ limit: 10 })).map((entry) => entry.timeSpentSeconds)).toEqual([1200]);

  const changelog = await jira.issues.changelog(key).toArray({ limit: Infinity });
  expect(changelog.flatMap((entry) => entry.items.map((item) => item.field))).toContain('timespent');

  await jira.serviceDesk.requests.participants.add(key, [facts.agent.accountId]);
  expect((await jira.serviceDesk.requests.participants.list(key).toArray({ limit: 10 })).map((user) => user.accountId)).toEqual([facts.agent.accountId]);
  expect(await jira.serviceDesk.requests.participants.remove(key, [facts.agent.accountId])).toEqual([]);
});
