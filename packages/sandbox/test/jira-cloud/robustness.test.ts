/**
 * Robustness: malformed bodies, queries and paths get Jira's 4xx answers, never a 500 (the sandbox
 * turns an exception in a handler into a 500, which no real Jira endpoint answers to bad input).
 */
import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 40 });

const ROUTES: [string, string][] = [
  ['POST', '/rest/api/3/issue'], ['PUT', '/rest/api/3/issue/HELP-1'], ['POST', '/rest/api/3/issue/HELP-1/transitions'],
  ['POST', '/rest/api/3/issue/HELP-1/comment'], ['PUT', '/rest/api/3/issue/HELP-1/comment/10000'], ['POST', '/rest/api/3/comment/list'],
  ['POST', '/rest/api/3/search/jql'], ['POST', '/rest/api/3/search/approximate-count'], ['POST', '/rest/api/3/jql/parse'],
  ['POST', '/rest/servicedeskapi/request'], ['POST', '/rest/servicedeskapi/request/HELP-1/comment'], ['POST', '/rest/servicedeskapi/request/HELP-1/transition'],
  ['POST', '/rest/servicedeskapi/servicedesk/1/customer'], ['DELETE', '/rest/servicedeskapi/servicedesk/1/customer'], ['POST', '/rest/servicedeskapi/customer'],
  ['POST', '/rest/api/3/issue/HELP-1/attachments'],
];
const BODIES: unknown[] = [
  null, [], 'x', 5, true, {},
  { fields: null }, { fields: [] }, { update: null }, { update: { labels: null } }, { update: { labels: [null, 5, { add: null }, { set: 'x' }] } },
  { update: { comment: [null, { add: null }, { add: { body: null } }, { add: { body: 'x', visibility: 'x' } }, { edit: {} }] } },
  { update: { summary: [{ set: 5 }], assignee: [{ set: 'x' }], description: [{ set: {} }] } },
  { fields: { project: 'HELP', issuetype: 'x', summary: 5, description: 'x', labels: 'x', assignee: 'x', reporter: 5, priority: [], duedate: 5, parent: 'x', resolution: 5, customfield_10010: {}, customfield_10020: 5, customfield_10040: {} } },
  { fields: { project: { key: 'HELP' }, issuetype: { id: '10001' }, summary: 'x', description: { type: 'doc', version: 1, content: [null] } } },
  { fields: { project: { key: 'HELP' }, issuetype: { id: {} }, summary: 'x', description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: 'x' }] } } },
  { fields: { project: { id: 5 }, issuetype: { name: 5 }, summary: 'x', parent: { key: 5 } } },
  { properties: null }, { properties: 'x' }, { properties: [null, { key: 5 }, { key: 'sd.public.comment', value: null }] },
  { transition: null }, { transition: 'x' }, { transition: { id: {} } }, { transition: { id: '61' }, fields: { resolution: null, assignee: 5 } }, { transition: { id: '61' }, fields: 'x' },
  { body: null }, { body: 5 }, { body: {} }, { body: { type: 'doc' } }, { body: { type: 'doc', version: 1, content: {} } }, { body: { type: 'doc', version: 1, content: [{ type: 'text' }] } },
  { body: { type: 'doc', version: 1, content: [] }, visibility: { type: 'role' } }, { body: { type: 'doc', version: 1, content: [] }, visibility: { type: 'group', value: 5 } },
  { body: 'x', public: 'false' }, { body: 'x', public: null },
  { jql: 5 }, { jql: 'project = HELP', fields: [null, 5, {}], expand: [1, null], properties: [1], reconcileIssues: 'x', maxResults: 'x' },
  { jql: 'project = HELP', fields: 'summary', expand: 5, maxResults: -1 }, { jql: 'project = HELP', maxResults: 0 }, { jql: 'project = HELP', maxResults: 1e20 },
  { jql: 'project = HELP', nextPageToken: 5 }, { jql: 'project = HELP', nextPageToken: '' }, { jql: 'project = HELP', nextPageToken: 'eyJvIjotMX0' },
  { jql: 'project = HELP', fieldsByKeys: 'x', failFast: 5 },
  { queries: null }, { queries: [5] }, { queries: ['', 'ORDER BY', '"', 'a = "\\', 'project = HELP ORDER BY summary'] },
  { ids: null }, { ids: 'x' }, { ids: [null, 'x', 1.5, -1, 1e30] },
  { serviceDeskId: null, requestTypeId: null }, { serviceDeskId: {}, requestTypeId: [] }, { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: null },
  { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: [] }, { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: {}, description: 5, customfield_10020: [] } },
  { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: 'x' }, raiseOnBehalfOf: {} }, { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: 'x' }, isAdfRequest: true },
  { serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: 'x', description: { type: 'doc' } }, isAdfRequest: true },
  { serviceDeskId: 1, requestTypeId: 1, requestFieldValues: { summary: 'x' }, requestParticipants: 'x' },
  { id: null }, { id: {} }, { id: '21', additionalComment: 'x' }, { id: '21', additionalComment: { body: 5 } },
  { accountIds: null }, { accountIds: 'x' }, { accountIds: [5, null] }, { email: 5, displayName: {} }, { email: 'a@b.co', displayName: 5 }, { email: 'a@b.co', fullName: 'x' },
];

describe('malformed input', () => {
  it('answers malformed bodies with 4xx, never 500', { timeout: 60_000 }, async () => {
    const failures: string[] = [];
    for (const [method, path] of ROUTES) {
      for (const body of BODIES) {
        const reply = await ctx.call(method, path, { json: body, headers: { 'x-experimentalapi': 'opt-in' } });
        if (reply.status >= 500) failures.push(`${method} ${path} ${JSON.stringify(body)} -> ${reply.status} ${reply.text.slice(0, 200)}`);
      }
      for (const raw of ['', '{', 'nul', '\u0000', '{"a":1}{']) {
        const reply = await ctx.call(method, path, { body: raw, headers: { 'content-type': 'application/json' } });
        if (reply.status >= 500) failures.push(`${method} ${path} raw ${JSON.stringify(raw)} -> ${reply.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed queries, paths and ranges with 4xx, never 500', async () => {
    const failures: string[] = [];
    const gets = [
      '/rest/api/3/search/jql?jql=project%3DHELP&maxResults=abc', '/rest/api/3/search/jql?jql=project%3DHELP&maxResults=-5', '/rest/api/3/search/jql?jql=project%3DHELP&maxResults=0',
      '/rest/api/3/search/jql?jql=project%3DHELP&maxResults=99999999999999999999', '/rest/api/3/search/jql?jql=project%3DHELP&nextPageToken=%00', '/rest/api/3/search/jql?jql=project%3DHELP&fields=-&expand=,,,&properties=a,b',
      '/rest/api/3/search/jql?jql=project%3DHELP&reconcileIssues=a,1e99', '/rest/api/3/search/jql?jql=%22', '/rest/api/3/search/jql?jql=project%20%3D%20HELP%20ORDER%20BY%20summary', '/rest/api/3/search/jql?jql=created%20%3E%20%222025%2F13%2F45%22',
      '/rest/api/3/search/jql?jql=updated%20%3E%3D%20-99999999999d',
      '/rest/api/3/issue/HELP-1?fields=,&expand=,', '/rest/api/3/issue/%E0%A4%A', '/rest/api/3/issue/99999999999999999999999', '/rest/api/3/issue/-1', '/rest/api/3/issue/HELP-1/comment?startAt=-1&maxResults=-1',
      '/rest/api/3/issue/HELP-1/comment?startAt=abc', '/rest/api/3/issue/HELP-1/comment?orderBy=', '/rest/api/3/issue/HELP-1/comment/abc', '/rest/api/3/issue/HELP-1/transitions?expand=transitions.fields&transitionId=',
      '/rest/api/3/user?accountId=', '/rest/api/3/user/search?query=', '/rest/api/3/user/search?query=a&startAt=-3&maxResults=-3', '/rest/api/3/user/assignable/search?project=NOPE', '/rest/api/3/user/assignable/search?issueKey=NOPE-1',
      '/rest/api/3/user/assignable/search?project=HELP&maxResults=-1', '/rest/api/3/users/search?startAt=-1', '/rest/api/3/project/search?startAt=-1&maxResults=-1', '/rest/api/3/project/%25', '/rest/api/3/status/%25',
      '/rest/api/3/attachment/content/abc', '/rest/api/3/attachment/content/10000?redirect=false', '/rest/api/3/attachment/thumbnail/99999999999999999999', '/rest/api/3/attachment/abc', '/media/file/abc/binary',
      '/rest/servicedeskapi/servicedesk?start=-1&limit=-1', '/rest/servicedeskapi/servicedesk?start=abc', '/rest/servicedeskapi/servicedesk/abc', '/rest/servicedeskapi/servicedesk/1/requesttype?searchQuery=&groupId=x',
      '/rest/servicedeskapi/servicedesk/1/requesttype/abc', '/rest/servicedeskapi/servicedesk/1/requesttype/1/field', '/rest/servicedeskapi/request?requestStatus=X&serviceDeskId=abc', '/rest/servicedeskapi/request/NOPE-1',
      '/rest/servicedeskapi/request/HELP-1?expand=,,status,comment,attachment,participant,sla,action,requestType,serviceDesk', '/rest/servicedeskapi/request/HELP-1/comment?public=x&internal=y&start=-4', '/rest/servicedeskapi/request/HELP-1/comment/abc',
      '/rest/servicedeskapi/request/HELP-1/status?limit=0', '/rest/servicedeskapi/request/HELP-1/transition', '/rest/servicedeskapi/servicedesk/1/customer?query=%25', '/rest/servicedeskapi/requesttype?start=5',
    ];
    for (const path of gets) {
      const reply = await ctx.call('GET', path, { headers: { 'x-experimentalapi': 'opt-in' } });
      if (reply.status >= 500) failures.push(`GET ${path} -> ${reply.status} ${reply.text.slice(0, 200)}`);
    }
    const attachments = await ctx.call('POST', '/rest/api/3/issue/HELP-1/attachments', { body: 'garbage', headers: { 'content-type': 'multipart/form-data; boundary=xyz', 'x-atlassian-token': 'no-check' } });
    if (attachments.status >= 500) failures.push(`attachments garbage -> ${attachments.status}`);
    const range = await ctx.call('GET', `/rest/api/3/attachment/content/${[...ctx.state.attachments.keys()][0]}?redirect=false`, { headers: { range: 'bytes=-' } });
    if (range.status >= 500) failures.push(`range -> ${range.status}`);
    expect(failures).toEqual([]);
  });
});
