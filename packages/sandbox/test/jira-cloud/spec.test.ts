/**
 * Spec validation (opt-in): every implemented operation's answer is checked against the response
 * schema of Atlassian's OpenAPI specs. Set `ITSM_SPECS_DIR` to the folder holding
 * `jira-platform.v3.json` and `jira-servicedesk.json`; without it the suite is skipped, so the repo
 * never needs the specs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiraCloudRouter } from '../../src/jira-cloud/simulator.js';
import { startSandbox, type Sandbox } from '../../src/sandbox.js';
import { doc, jira, type CallOptions, type Reply } from './support/http.js';
import { responseSchema, validate, type OpenApiDocument } from './support/json-schema.js';

const specsDir = process.env.ITSM_SPECS_DIR;

interface Case {
  /** The spec's path template and method. */
  readonly operation: readonly [method: string, path: string];
  /** The concrete request. */
  readonly request: (facts: Facts) => readonly [method: string, path: string, options?: CallOptions];
  readonly status: number;
}

interface Facts {
  readonly issueKey: string;
  readonly commentId: string;
  readonly attachmentId: string;
  readonly accountId: string;
  readonly hiddenAccountId: string;
  readonly requestKey: string;
  /** A second HELP issue, linked to `issueKey` by `linkId`. */
  readonly otherIssueKey: string;
  readonly linkId: string;
  /** Remote links of `issueKey`: one to read and update, one to delete by id, one (`globalId` `spec:gone`) to delete by global id. */
  readonly remoteLinkId: string;
  readonly doomedRemoteLinkId: string;
  /** Worklogs of `issueKey`: one to read and update, one to delete. */
  readonly worklogId: string;
  readonly doomedWorklogId: string;
  /** A changelog entry of `issueKey`. */
  readonly changelogId: number;
  readonly organizationId: string;
  readonly agentAccountId: string;
}

const platform: readonly Case[] = [
  { operation: ['GET', '/rest/api/3/myself'], request: () => ['GET', '/rest/api/3/myself?expand=groups,applicationRoles'], status: 200 },
  { operation: ['GET', '/rest/api/3/myself'], request: () => ['GET', '/rest/api/3/myself'], status: 200 },
  { operation: ['GET', '/rest/api/3/serverInfo'], request: () => ['GET', '/rest/api/3/serverInfo'], status: 200 },
  {
    operation: ['POST', '/rest/api/3/issue'],
    request: () => ['POST', '/rest/api/3/issue', { json: { fields: { project: { key: 'HELP' }, issuetype: { name: 'Incident' }, summary: 'Spec check', description: doc('x') } } }],
    status: 201,
  },
  { operation: ['POST', '/rest/api/3/issue'], request: () => ['POST', '/rest/api/3/issue', { json: { fields: { project: { key: 'HELP' } } } }], status: 400 },
  {
    operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}'],
    request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}?expand=names,schema,renderedFields,transitions,changelog`],
    status: 200,
  },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/transitions'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/transitions?expand=transitions.fields`], status: 200 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/comment?expand=renderedBody`], status: 200 },
  {
    operation: ['POST', '/rest/api/3/issue/{issueIdOrKey}/comment'],
    request: (facts) => [
      'POST',
      `/rest/api/3/issue/${facts.issueKey}/comment`,
      { json: { body: doc('internal'), visibility: { type: 'role', value: 'Service Desk Team' }, properties: [{ key: 'sd.public.comment', value: { internal: true } }] } },
    ],
    status: 201,
  },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/comment/${facts.commentId}`], status: 200 },
  {
    operation: ['PUT', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}'],
    request: (facts) => ['PUT', `/rest/api/3/issue/${facts.issueKey}/comment/${facts.commentId}`, { json: { body: doc('edited') } }],
    status: 200,
  },
  {
    operation: ['POST', '/rest/api/3/issue/{issueIdOrKey}/attachments'],
    request: (facts) => {
      const form = new FormData();
      form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'hello.txt');
      return ['POST', `/rest/api/3/issue/${facts.issueKey}/attachments`, { body: form, headers: { 'x-atlassian-token': 'no-check' } }];
    },
    status: 200,
  },
  {
    operation: ['PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
    request: (facts) => ['PUT', `/rest/api/3/issue/${facts.issueKey}/properties/itsm.spec`, { json: { key: 'spec-check' } }],
    status: 201,
  },
  {
    operation: ['PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
    request: (facts) => ['PUT', `/rest/api/3/issue/${facts.issueKey}/properties/itsm.spec`, { json: { key: 'spec-check, again' } }],
    status: 200,
  },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/properties`], status: 200 },
  {
    operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
    request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/properties/itsm.spec`],
    status: 200,
  },
  {
    operation: ['POST', '/rest/api/3/comment/list'],
    request: (facts) => ['POST', '/rest/api/3/comment/list?expand=properties,renderedBody', { json: { ids: [Number(facts.commentId)] } }],
    status: 200,
  },
  { operation: ['GET', '/rest/api/3/attachment/{id}'], request: (facts) => ['GET', `/rest/api/3/attachment/${facts.attachmentId}`], status: 200 },
  { operation: ['GET', '/rest/api/3/attachment/meta'], request: () => ['GET', '/rest/api/3/attachment/meta'], status: 200 },
  {
    operation: ['GET', '/rest/api/3/search/jql'],
    request: () => ['GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = HELP ORDER BY created DESC')}&fields=*all&expand=names,schema,renderedFields,transitions,changelog&maxResults=20`],
    status: 200,
  },
  { operation: ['GET', '/rest/api/3/search/jql'], request: () => ['GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = ITOPS')}&maxResults=5000`], status: 200 },
  {
    operation: ['POST', '/rest/api/3/search/jql'],
    request: () => ['POST', '/rest/api/3/search/jql', { json: { jql: 'project = HELP AND statusCategory != Done', fields: ['summary', 'status', 'assignee', 'customfield_10010'], maxResults: 30 } }],
    status: 200,
  },
  { operation: ['POST', '/rest/api/3/search/approximate-count'], request: () => ['POST', '/rest/api/3/search/approximate-count', { json: { jql: 'project = HELP' } }], status: 200 },
  { operation: ['POST', '/rest/api/3/jql/parse'], request: () => ['POST', '/rest/api/3/jql/parse', { json: { queries: ['project = HELP', 'project = NOPE', 'summary ='] } }], status: 200 },
  { operation: ['GET', '/rest/api/3/user'], request: (facts) => ['GET', `/rest/api/3/user?accountId=${encodeURIComponent(facts.accountId)}&expand=groups`], status: 200 },
  { operation: ['GET', '/rest/api/3/user/search'], request: () => ['GET', '/rest/api/3/user/search?query=a'], status: 200 },
  { operation: ['GET', '/rest/api/3/users/search'], request: () => ['GET', '/rest/api/3/users/search?maxResults=100'], status: 200 },
  { operation: ['GET', '/rest/api/3/user/assignable/search'], request: () => ['GET', '/rest/api/3/user/assignable/search?project=HELP'], status: 200 },
  { operation: ['GET', '/rest/api/3/project/{projectIdOrKey}'], request: () => ['GET', '/rest/api/3/project/HELP'], status: 200 },
  { operation: ['GET', '/rest/api/3/project/{projectIdOrKey}/statuses'], request: () => ['GET', '/rest/api/3/project/ITOPS/statuses'], status: 200 },
  { operation: ['GET', '/rest/api/3/project/search'], request: () => ['GET', '/rest/api/3/project/search'], status: 200 },
  { operation: ['GET', '/rest/api/3/status'], request: () => ['GET', '/rest/api/3/status'], status: 200 },
  { operation: ['GET', '/rest/api/3/statuscategory'], request: () => ['GET', '/rest/api/3/statuscategory'], status: 200 },
  { operation: ['GET', '/rest/api/3/priority'], request: () => ['GET', '/rest/api/3/priority'], status: 200 },
  { operation: ['GET', '/rest/api/3/resolution'], request: () => ['GET', '/rest/api/3/resolution'], status: 200 },
  { operation: ['GET', '/rest/api/3/issuetype'], request: () => ['GET', '/rest/api/3/issuetype'], status: 200 },
  { operation: ['GET', '/rest/api/3/field'], request: () => ['GET', '/rest/api/3/field'], status: 200 },
  { operation: ['GET', '/rest/api/3/priority/search'], request: () => ['GET', '/rest/api/3/priority/search?maxResults=2'], status: 200 },
  { operation: ['GET', '/rest/api/3/issue/picker'], request: (facts) => ['GET', `/rest/api/3/issue/picker?query=${facts.issueKey}&currentJQL=${encodeURIComponent('project = HELP')}`], status: 200 },
  { operation: ['GET', '/rest/api/3/project/search'], request: () => ['GET', '/rest/api/3/project/search?orderBy=-name&maxResults=1&query=i'], status: 200 },
  { operation: ['POST', '/rest/api/3/issue/bulk'], request: () => ['POST', '/rest/api/3/issue/bulk', { json: { issueUpdates: [{ fields: { project: { key: 'ITOPS' }, issuetype: { name: 'Task' }, summary: 'Bulk' } }, { fields: {} }] } }], status: 201 },
  { operation: ['POST', '/rest/api/3/issue/bulk'], request: () => ['POST', '/rest/api/3/issue/bulk', { json: { issueUpdates: [{ fields: {} }] } }], status: 400 },
  { operation: ['GET', '/rest/api/3/issueLinkType'], request: () => ['GET', '/rest/api/3/issueLinkType'], status: 200 },
  { operation: ['GET', '/rest/api/3/issueLinkType/{issueLinkTypeId}'], request: () => ['GET', '/rest/api/3/issueLinkType/10003'], status: 200 },
  {
    operation: ['POST', '/rest/api/3/issueLink'],
    request: (facts) => ['POST', '/rest/api/3/issueLink', { json: { type: { name: 'Duplicate' }, inwardIssue: { key: facts.otherIssueKey }, outwardIssue: { key: facts.issueKey } } }],
    status: 201,
  },
  { operation: ['GET', '/rest/api/3/issueLink/{linkId}'], request: (facts) => ['GET', `/rest/api/3/issueLink/${facts.linkId}`], status: 200 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}?fields=issuelinks,watches,worklog,timetracking,timespent,progress`], status: 200 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/remotelink'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/remotelink`], status: 200 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/remotelink'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/remotelink?globalId=spec%3Akeep`], status: 200 },
  {
    operation: ['POST', '/rest/api/3/issue/{issueIdOrKey}/remotelink'],
    request: (facts) => ['POST', `/rest/api/3/issue/${facts.issueKey}/remotelink`, { json: { globalId: 'spec:new', relationship: 'chat', object: { url: 'https://chat.example.com/1', title: 'Chat' } } }],
    status: 201,
  },
  {
    operation: ['POST', '/rest/api/3/issue/{issueIdOrKey}/remotelink'],
    request: (facts) => ['POST', `/rest/api/3/issue/${facts.issueKey}/remotelink`, { json: { globalId: 'spec:new', object: { url: 'https://chat.example.com/1', title: 'Chat (closed)' } } }],
    status: 200,
  },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/remotelink/{linkId}'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/remotelink/${facts.remoteLinkId}`], status: 200 },
  {
    operation: ['PUT', '/rest/api/3/issue/{issueIdOrKey}/remotelink/{linkId}'],
    request: (facts) => ['PUT', `/rest/api/3/issue/${facts.issueKey}/remotelink/${facts.remoteLinkId}`, { json: { object: { url: 'https://wiki.example.com/2', title: 'Runbook v2' } } }],
    status: 204,
  },
  { operation: ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/remotelink/{linkId}'], request: (facts) => ['DELETE', `/rest/api/3/issue/${facts.issueKey}/remotelink/${facts.doomedRemoteLinkId}`], status: 204 },
  { operation: ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/remotelink'], request: (facts) => ['DELETE', `/rest/api/3/issue/${facts.issueKey}/remotelink?globalId=spec%3Agone`], status: 204 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/watchers'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/watchers`], status: 200 },
  { operation: ['POST', '/rest/api/3/issue/{issueIdOrKey}/watchers'], request: (facts) => ['POST', `/rest/api/3/issue/${facts.issueKey}/watchers`, { json: facts.agentAccountId }], status: 204 },
  { operation: ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/watchers'], request: (facts) => ['DELETE', `/rest/api/3/issue/${facts.issueKey}/watchers?accountId=${facts.agentAccountId}`], status: 204 },
  { operation: ['POST', '/rest/api/3/issue/watching'], request: () => ['POST', '/rest/api/3/issue/watching', { json: { issueIds: ['10000', '10001'] } }], status: 200 },
  { operation: ['GET', '/rest/api/3/label'], request: () => ['GET', '/rest/api/3/label?maxResults=3'], status: 200 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/properties`], status: 200 },
  { operation: ['PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'], request: (facts) => ['PUT', `/rest/api/3/issue/${facts.issueKey}/properties/spec.new`, { json: { a: [1] } }], status: 201 },
  { operation: ['PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'], request: (facts) => ['PUT', `/rest/api/3/issue/${facts.issueKey}/properties/spec.new`, { json: 'b' }], status: 200 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/properties/spec.new`], status: 200 },
  { operation: ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'], request: (facts) => ['DELETE', `/rest/api/3/issue/${facts.issueKey}/properties/spec.new`], status: 204 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/worklog'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/worklog?expand=properties`], status: 200 },
  {
    operation: ['POST', '/rest/api/3/issue/{issueIdOrKey}/worklog'],
    request: (facts) => ['POST', `/rest/api/3/issue/${facts.issueKey}/worklog`, { json: { timeSpent: '45m', comment: doc('Spec check'), properties: [{ key: 'bot', value: true }] } }],
    status: 201,
  },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/worklog/${facts.worklogId}`], status: 200 },
  { operation: ['PUT', '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}'], request: (facts) => ['PUT', `/rest/api/3/issue/${facts.issueKey}/worklog/${facts.worklogId}`, { json: { timeSpentSeconds: 3600 } }], status: 200 },
  { operation: ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}'], request: (facts) => ['DELETE', `/rest/api/3/issue/${facts.issueKey}/worklog/${facts.doomedWorklogId}`], status: 204 },
  { operation: ['POST', '/rest/api/3/worklog/list'], request: (facts) => ['POST', '/rest/api/3/worklog/list', { json: { ids: [Number(facts.worklogId)] } }], status: 200 },
  { operation: ['GET', '/rest/api/3/issue/{issueIdOrKey}/changelog'], request: (facts) => ['GET', `/rest/api/3/issue/${facts.issueKey}/changelog?maxResults=2`], status: 200 },
  { operation: ['POST', '/rest/api/3/issue/{issueIdOrKey}/changelog/list'], request: (facts) => ['POST', `/rest/api/3/issue/${facts.issueKey}/changelog/list`, { json: { changelogIds: [facts.changelogId] } }], status: 200 },
  { operation: ['GET', '/rest/api/3/user/email'], request: (facts) => ['GET', `/rest/api/3/user/email?accountId=${facts.accountId}`], status: 400 },
  { operation: ['GET', '/rest/api/3/user/viewissue/search'], request: (facts) => ['GET', `/rest/api/3/user/viewissue/search?issueKey=${facts.issueKey}&query=a`], status: 200 },
  { operation: ['GET', '/rest/api/3/project/{projectIdOrKey}'], request: () => ['GET', '/rest/api/3/project/help'], status: 404 },
  { operation: ['DELETE', '/rest/api/3/issueLink/{linkId}'], request: (facts) => ['DELETE', `/rest/api/3/issueLink/${facts.linkId}`], status: 204 },
];

const experimental = { 'x-experimentalapi': 'opt-in' };
const serviceDesk: readonly Case[] = [
  { operation: ['GET', '/rest/servicedeskapi/servicedesk'], request: () => ['GET', '/rest/servicedeskapi/servicedesk'], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/1'], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/99'], status: 404 },
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/1/requesttype?limit=3'], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/1/requesttype/3'], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}/field'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/1/requesttype/3/field'], status: 200 },
  // The new-starter form: every kind of field (cascading valid values, defaults, arrays).
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype/{requestTypeId}/field'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/1/requesttype/9/field'], status: 200 },
  {
    operation: ['POST', '/rest/servicedeskapi/request'],
    request: (facts) => [
      'POST',
      '/rest/servicedeskapi/request',
      { json: { serviceDeskId: '1', requestTypeId: '9', requestFieldValues: { summary: 'Priya', customfield_10050: '2026-09-07', customfield_10051: { id: '10063' }, customfield_10030: { id: '10040' }, customfield_10052: [{ id: '10081' }], customfield_10053: { accountId: facts.hiddenAccountId }, customfield_10054: 2, labels: ['onboarding'] } } },
    ],
    status: 201,
  },
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttypegroup'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/1/requesttypegroup'], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/requesttype'], request: () => ['GET', '/rest/servicedeskapi/requesttype', { headers: experimental }], status: 200 },
  {
    operation: ['POST', '/rest/servicedeskapi/request'],
    request: (facts) => [
      'POST',
      '/rest/servicedeskapi/request',
      { json: { serviceDeskId: '1', requestTypeId: '3', requestFieldValues: { summary: 'New monitor', description: 'Mine *flickers*', customfield_10030: { id: '10041' } }, raiseOnBehalfOf: facts.hiddenAccountId } },
    ],
    status: 201,
  },
  { operation: ['POST', '/rest/servicedeskapi/request'], request: () => ['POST', '/rest/servicedeskapi/request', { json: { serviceDeskId: '1', requestTypeId: '3', requestFieldValues: {} } }], status: 400 },
  { operation: ['GET', '/rest/servicedeskapi/request'], request: () => ['GET', '/rest/servicedeskapi/request'], status: 200 },
  {
    operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}'],
    request: (facts) => ['GET', `/rest/servicedeskapi/request/${facts.requestKey}?expand=serviceDesk,requestType,status,participant,sla,action,comment,attachment`],
    status: 200,
  },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}'], request: () => ['GET', '/rest/servicedeskapi/request/HELP-99999'], status: 404 },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/status'], request: (facts) => ['GET', `/rest/servicedeskapi/request/${facts.requestKey}/status`], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/comment'], request: (facts) => ['GET', `/rest/servicedeskapi/request/${facts.requestKey}/comment?expand=renderedBody`], status: 200 },
  {
    operation: ['POST', '/rest/servicedeskapi/request/{issueIdOrKey}/comment'],
    request: (facts) => ['POST', `/rest/servicedeskapi/request/${facts.requestKey}/comment`, { json: { body: 'Looking into it', public: false } }],
    status: 201,
  },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/transition'], request: (facts) => ['GET', `/rest/servicedeskapi/request/${facts.requestKey}/transition`], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/1/customer?limit=10', { headers: experimental }], status: 200 },
  {
    operation: ['POST', '/rest/servicedeskapi/customer'],
    request: () => ['POST', '/rest/servicedeskapi/customer', { json: { email: 'spec.check@customer.example', displayName: 'Spec Check' } }],
    status: 201,
  },
  { operation: ['POST', '/rest/servicedeskapi/customer'], request: () => ['POST', '/rest/servicedeskapi/customer', { json: { email: 'not-an-email', displayName: 'X' } }], status: 400 },
  { operation: ['GET', '/rest/servicedeskapi/info'], request: () => ['GET', '/rest/servicedeskapi/info'], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/comment'], request: () => ['GET', '/rest/servicedeskapi/request/HELP-99999/comment'], status: 404 },
  {
    operation: ['POST', '/rest/servicedeskapi/request/{issueIdOrKey}/participant'],
    request: (facts) => ['POST', `/rest/servicedeskapi/request/${facts.requestKey}/participant`, { json: { accountIds: [facts.agentAccountId] } }],
    status: 200,
  },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/participant'], request: (facts) => ['GET', `/rest/servicedeskapi/request/${facts.requestKey}/participant`], status: 200 },
  {
    operation: ['DELETE', '/rest/servicedeskapi/request/{issueIdOrKey}/participant'],
    request: (facts) => ['DELETE', `/rest/servicedeskapi/request/${facts.requestKey}/participant`, { json: { accountIds: [facts.agentAccountId] } }],
    status: 200,
  },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/sla'], request: (facts) => ['GET', `/rest/servicedeskapi/request/${facts.requestKey}/sla`], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/sla/{slaMetricId}'], request: (facts) => ['GET', `/rest/servicedeskapi/request/${facts.requestKey}/sla/2`], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}'], request: (facts) => ['GET', `/rest/servicedeskapi/request/${facts.requestKey}?expand=participant,sla`], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/organization'], request: () => ['GET', '/rest/servicedeskapi/organization?limit=1'], status: 200 },
  { operation: ['POST', '/rest/servicedeskapi/organization'], request: () => ['POST', '/rest/servicedeskapi/organization', { json: { name: 'Spec Org' } }], status: 201 },
  { operation: ['POST', '/rest/servicedeskapi/organization'], request: () => ['POST', '/rest/servicedeskapi/organization', { json: { name: '' } }], status: 400 },
  { operation: ['GET', '/rest/servicedeskapi/organization/{organizationId}'], request: (facts) => ['GET', `/rest/servicedeskapi/organization/${facts.organizationId}`], status: 200 },
  { operation: ['GET', '/rest/servicedeskapi/organization/{organizationId}'], request: () => ['GET', '/rest/servicedeskapi/organization/999'], status: 404 },
  {
    operation: ['POST', '/rest/servicedeskapi/organization/{organizationId}/user'],
    request: (facts) => ['POST', `/rest/servicedeskapi/organization/${facts.organizationId}/user`, { json: { accountIds: [facts.accountId] } }],
    status: 204,
  },
  { operation: ['GET', '/rest/servicedeskapi/organization/{organizationId}/user'], request: (facts) => ['GET', `/rest/servicedeskapi/organization/${facts.organizationId}/user`], status: 200 },
  {
    operation: ['DELETE', '/rest/servicedeskapi/organization/{organizationId}/user'],
    request: (facts) => ['DELETE', `/rest/servicedeskapi/organization/${facts.organizationId}/user`, { json: { accountIds: [facts.accountId] } }],
    status: 204,
  },
  { operation: ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization'], request: () => ['GET', '/rest/servicedeskapi/servicedesk/1/organization'], status: 200 },
  {
    operation: ['POST', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization'],
    request: (facts) => ['POST', '/rest/servicedeskapi/servicedesk/1/organization', { json: { organizationId: Number(facts.organizationId) } }],
    status: 204,
  },
  {
    operation: ['DELETE', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization'],
    request: (facts) => ['DELETE', '/rest/servicedeskapi/servicedesk/1/organization', { json: { organizationId: Number(facts.organizationId) } }],
    status: 204,
  },
  { operation: ['DELETE', '/rest/servicedeskapi/organization/{organizationId}'], request: (facts) => ['DELETE', `/rest/servicedeskapi/organization/${facts.organizationId}`], status: 403 },
  {
    operation: ['POST', '/rest/servicedeskapi/request/{issueIdOrKey}/transition'],
    request: (facts) => ['POST', `/rest/servicedeskapi/request/${facts.requestKey}/transition`, { json: { id: '61', additionalComment: { body: 'Solved, thanks.' } } }],
    status: 204,
  },
];

describe.skipIf(specsDir === undefined)('responses conform to the OpenAPI specs', () => {
  let sb: Sandbox;
  let facts: Facts;
  const specs: Record<'platform' | 'serviceDesk', OpenApiDocument> = { platform: { paths: {} }, serviceDesk: { paths: {} } };

  beforeAll(async () => {
    const dir = specsDir ?? '';
    specs.platform = JSON.parse(readFileSync(join(dir, 'jira-platform.v3.json'), 'utf8')) as OpenApiDocument;
    specs.serviceDesk = JSON.parse(readFileSync(join(dir, 'jira-servicedesk.json'), 'utf8')) as OpenApiDocument;
    sb = await startSandbox({ providers: ['jira-cloud'], tickets: 120 });
    const state = sb.state('jira-cloud');
    const issue = state.issues.get([...state.issueKeys.values()].find((id) => state.issues.get(id)?.key === state.facts.issueWithAttachment) ?? 0);
    const withComment = [...state.issues.values()].find((candidate) => candidate.key.startsWith('HELP-') && candidate.comments.some((comment) => comment.jsdPublic));
    if (issue === undefined || withComment === undefined) throw new Error('seed lacks the issues this suite needs');
    const other = [...state.issues.values()].find((candidate) => candidate.key.startsWith('HELP-') && candidate !== withComment);
    if (other === undefined) throw new Error('seed lacks a second HELP issue');
    const call = jira(sb);
    const key = withComment.key;
    await call('POST', '/rest/api/3/issueLink', { json: { type: { name: 'Relates' }, inwardIssue: { key: other.key }, outwardIssue: { key } } });
    const remote = async (globalId: string) =>
      String((await call('POST', `/rest/api/3/issue/${key}/remotelink`, { json: { globalId, application: { name: 'Wiki' }, object: { url: `https://wiki.example.com/${globalId}`, title: globalId, icon: { url16x16: 'https://wiki.example.com/i.png' } } } })).body<{ id: number }>().id);
    const worklog = async () => (await call('POST', `/rest/api/3/issue/${key}/worklog`, { json: { timeSpent: '1h', comment: doc('Setup') } })).body<{ id: string }>().id;
    const organization = (await call('POST', '/rest/servicedeskapi/organization', { json: { name: 'Spec Setup Org' } })).body<{ id: string }>().id;
    facts = {
      issueKey: key,
      commentId: String(withComment.comments.find((comment) => comment.jsdPublic)?.id),
      attachmentId: String(issue.attachmentIds[0]),
      accountId: state.facts.knownRequester.accountId,
      hiddenAccountId: state.facts.hiddenEmailUser.accountId,
      requestKey: state.facts.issueWithInternalComment,
      otherIssueKey: other.key,
      linkId: String([...state.issueLinks.keys()][0]),
      remoteLinkId: await remote('spec:keep'),
      doomedRemoteLinkId: await remote('spec:doomed'),
      worklogId: await worklog(),
      doomedWorklogId: await worklog(),
      changelogId: withComment.changelog[0]?.id ?? 0,
      organizationId: organization,
      agentAccountId: state.facts.agent.accountId,
    };
    await remote('spec:gone');
  });
  afterAll(() => sb?.close());

  const check = async (spec: 'platform' | 'serviceDesk', entry: Case): Promise<Reply> => {
    const call = jira(sb);
    const [method, path, options] = entry.request(facts);
    const reply = await call(method, path, options);
    expect(reply.status, `${method} ${path}: ${reply.text.slice(0, 300)}`).toBe(entry.status);
    const schema = responseSchema(specs[spec], entry.operation[1], entry.operation[0], entry.status);
    if (schema === undefined) {
      // The spec describes no body for this status (most platform error answers): Jira's ErrorCollection it is.
      const fallback = specs.platform.components?.schemas?.ErrorCollection;
      if (entry.status >= 400 && spec === 'platform' && fallback !== undefined) expect(validate(specs.platform, fallback, reply.json)).toEqual([]);
      return reply;
    }
    expect(validate(specs[spec], schema, reply.json), `${method} ${path}`).toEqual([]);
    return reply;
  };

  it.each(platform.map((entry) => [`${entry.operation[0]} ${entry.operation[1]} → ${entry.status}`, entry] as const))('platform %s', async (_name, entry) => {
    await check('platform', entry);
  });

  it.each(serviceDesk.map((entry) => [`${entry.operation[0]} ${entry.operation[1]} → ${entry.status}`, entry] as const))('service management %s', async (_name, entry) => {
    await check('serviceDesk', entry);
  });

  it('answers no literal path of the specs from a {param} route (an operation is served, or an unknown route)', () => {
    const swallowed: string[] = [];
    for (const spec of Object.values(specs)) {
      for (const [template, operations] of Object.entries(spec.paths)) {
        for (const method of Object.keys(operations).filter((name) => ['get', 'post', 'put', 'patch', 'delete'].includes(name))) {
          const pattern = jiraCloudRouter.resolve(method.toUpperCase(), template.replace(/\{[^}]+\}/gu, 'x1'));
          const ours = pattern?.split('/') ?? [];
          if (template.split('/').some((segment, index) => !segment.startsWith('{') && ours[index]?.startsWith(':') === true)) swallowed.push(`${method.toUpperCase()} ${template} -> ${pattern}`);
        }
      }
    }
    expect(swallowed).toEqual([]);
  });

  it('validates a whole page of seeded issues with every field (all statuses, types and custom fields)', async () => {
    const call = jira(sb);
    const schema = responseSchema(specs.platform, '/rest/api/3/search/jql', 'POST', 200);
    let nextPageToken: string | undefined;
    let pages = 0;
    do {
      const reply = await call('POST', '/rest/api/3/search/jql', { json: { jql: 'created IS NOT EMPTY ORDER BY key ASC', fields: ['*all'], expand: 'names,transitions', maxResults: 100, nextPageToken } });
      expect(reply.status).toBe(200);
      expect(validate(specs.platform, schema ?? {}, reply.json)).toEqual([]);
      nextPageToken = reply.body<{ nextPageToken?: string }>().nextPageToken;
      pages += 1;
    } while (nextPageToken !== undefined && pages < 5);
    expect(pages).toBeGreaterThan(1);
  });
});
