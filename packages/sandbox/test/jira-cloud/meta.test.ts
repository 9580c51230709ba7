import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 10 });

describe('site metadata', () => {
  it('serves serverInfo as a Cloud deployment', async () => {
    const info = (await ctx.call('GET', '/rest/api/3/serverInfo')).body<{ deploymentType: string; baseUrl: string }>();
    expect(info).toMatchObject({ deploymentType: 'Cloud', baseUrl: ctx.sb.url('jira-cloud') });
  });

  it('describes the projects and their per-workflow statuses', async () => {
    const help = (await ctx.call('GET', '/rest/api/3/project/HELP')).body<{ key: string; projectTypeKey: string; issueTypes: { name: string }[]; roles: Record<string, string> }>();
    expect(help).toMatchObject({ key: 'HELP', projectTypeKey: 'service_desk' });
    expect(help.issueTypes.map((type) => type.name)).toEqual(['Service Request', 'Incident', 'Problem', 'Change']);
    expect(Object.keys(help.roles)).toContain('Service Desk Team');
    const statuses = (await ctx.call('GET', '/rest/api/3/project/HELP/statuses')).body<{ statuses: { name: string; statusCategory: { key: string } }[] }[]>();
    const names = statuses[0]?.statuses.map((status) => status.name);
    expect(names).toEqual(expect.arrayContaining(['Waiting for support', 'Waiting for customer', 'In Progress', 'Resolved', 'Closed']));
    expect(new Set(statuses[0]?.statuses.map((status) => status.statusCategory.key))).toEqual(new Set(['new', 'indeterminate', 'done']));
    const itops = (await ctx.call('GET', '/rest/api/3/project/ITOPS/statuses')).body<{ statuses: { name: string }[] }[]>();
    expect(itops[0]?.statuses.map((status) => status.name)).toEqual(['To Do', 'In Progress', 'In Review', 'Done']);
    const missing = await ctx.call('GET', '/rest/api/3/project/NOPE');
    expect([missing.status, missing.body()]).toEqual([404, { errorMessages: ["No project could be found with key 'NOPE'."], errors: {} }]);
  });

  it('lists status categories, priorities, issue types and fields including JSM\'s Request Type', async () => {
    const categories = (await ctx.call('GET', '/rest/api/3/statuscategory')).body<{ id: number; key: string }[]>();
    expect(categories.map((category) => [category.id, category.key])).toEqual([[1, 'undefined'], [2, 'new'], [4, 'indeterminate'], [3, 'done']]);
    const priorities = (await ctx.call('GET', '/rest/api/3/priority')).body<{ name: string }[]>();
    expect(priorities.map((priority) => priority.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    const types = (await ctx.call('GET', '/rest/api/3/issuetype')).body<{ name: string }[]>();
    expect(types.map((type) => type.name)).toEqual(expect.arrayContaining(['Incident', 'Service Request', 'Problem', 'Change', 'Task']));
    const fields = (await ctx.call('GET', '/rest/api/3/field')).body<{ id: string; name: string; custom: boolean; clauseNames: string[]; schema?: { custom?: string } }[]>();
    expect(fields.find((field) => field.id === 'customfield_10010')).toMatchObject({
      name: 'Request Type',
      custom: true,
      clauseNames: ['cf[10010]', 'Request Type'],
      schema: { custom: 'com.atlassian.servicedesk:vp-origin' },
    });
  });
});
