// The "Set up a new starter" request type: its form as JSM describes it (dates, a cascading select,
// several choices, a person, a number, a date-time, priority, labels, an attachment), and requests
// raised with it, validated and stored as Jira does, for the platform API to read back.
import { describe, expect, it } from 'vitest';
import { useJiraSandbox } from './support/sandbox.js';

const ctx = useJiraSandbox({ tickets: 20 });

interface FieldJson {
  fieldId: string;
  name: string;
  required: boolean;
  jiraSchema: Record<string, unknown>;
  validValues: { value: string; label: string; children: { value: string; label: string }[] }[];
  defaultValues: { value: string; label: string }[];
}

function request(values: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return ctx.call('POST', '/rest/servicedeskapi/request', { json: { serviceDeskId: '1', requestTypeId: '9', requestFieldValues: values, ...extra } });
}

const VALID = {
  summary: 'Priya Patel',
  customfield_10050: '2026-09-07',
  customfield_10051: { id: '10061', child: { id: '10066' } },
  customfield_10030: { id: '10040' },
};

describe('the new-starter request type', () => {
  it('describes its fields with their Jira schema, choices (with a cascading level) and defaults', async () => {
    const meta = (await ctx.call('GET', '/rest/servicedeskapi/servicedesk/1/requesttype/9/field')).body<{ requestTypeFields: FieldJson[] }>();
    const byId = new Map(meta.requestTypeFields.map((field) => [field.fieldId, field]));
    expect(meta.requestTypeFields.map((field) => [field.fieldId, field.required])).toEqual([
      ['summary', true], ['customfield_10050', true], ['customfield_10051', true], ['customfield_10030', true], ['customfield_10052', false], ['customfield_10053', true],
      ['customfield_10054', false], ['customfield_10055', false], ['customfield_10056', false], ['priority', false], ['labels', false], ['attachment', false], ['description', false],
    ]);
    expect(byId.get('customfield_10050')?.jiraSchema).toEqual({ type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker', customId: 10050 });
    expect(byId.get('customfield_10052')?.jiraSchema).toMatchObject({ type: 'array', items: 'option' });
    expect(byId.get('customfield_10051')?.jiraSchema.type).toBe('option-with-child');
    expect(byId.get('customfield_10051')?.validValues[1]).toEqual({ value: '10061', label: 'United Kingdom', children: [{ value: '10066', label: 'London', children: [] }, { value: '10067', label: 'Manchester', children: [] }, { value: '10068', label: 'Edinburgh', children: [] }] });
    expect(byId.get('customfield_10030')?.defaultValues).toEqual([{ value: '10040', label: 'Laptop', children: [] }]);
    expect(byId.get('priority')?.validValues.map((value) => value.label)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(byId.get('attachment')?.jiraSchema).toEqual({ type: 'array', items: 'attachment', system: 'attachment' });
  });

  it('stores every kind of answer and shows it back in the request and in the issue', async () => {
    const { facts } = ctx.sb.state('jira-cloud');
    const reply = await request({
      ...VALID,
      customfield_10052: [{ value: 'Slack' }, { id: '10080' }],
      customfield_10053: { accountId: facts.agent.accountId },
      customfield_10054: 2,
      customfield_10055: '2026-09-07T09:30:00.000+0100',
      customfield_10056: 'The Finance share.',
      priority: { id: '2' },
      labels: ['onboarding', 'finance'],
    }, { raiseOnBehalfOf: facts.knownRequester.accountId });
    expect(reply.status).toBe(201);
    const created = reply.body<{ issueKey: string; requestFieldValues: { fieldId: string; value: unknown }[] }>();
    const values = Object.fromEntries(created.requestFieldValues.map((value) => [value.fieldId, value.value]));
    expect(values.customfield_10056).toBe('The Finance share.');
    expect(values.customfield_10054).toBe(2);
    expect(values.labels).toEqual(['onboarding', 'finance']);
    const issue = (await ctx.call('GET', `/rest/api/3/issue/${created.issueKey}?fields=customfield_10050,customfield_10051,customfield_10052,customfield_10053,customfield_10054,customfield_10055,customfield_10056,priority,labels,reporter`)).body<{ fields: Record<string, unknown> }>();
    expect(issue.fields).toMatchObject({
      customfield_10050: '2026-09-07',
      customfield_10051: { value: 'United Kingdom', id: '10061', child: { value: 'London', id: '10066' } },
      customfield_10052: [{ value: 'Slack', id: '10081' }, { value: 'Microsoft 365', id: '10080' }],
      customfield_10053: { accountId: facts.agent.accountId },
      customfield_10054: 2,
      customfield_10056: { type: 'doc' },
      priority: { id: '2' },
      labels: ['onboarding', 'finance'],
      reporter: { accountId: facts.knownRequester.accountId },
    });
    expect(Date.parse(issue.fields.customfield_10055 as string)).toBe(Date.parse('2026-09-07T08:30:00.000Z'));
  });

  it('refuses what Jira refuses, naming every problem at once', async () => {
    const reply = await request({
      summary: 'Two\nlines',
      customfield_10050: '2026-02-30',
      customfield_10051: { id: '10061', child: { id: '10064' } },
      customfield_10052: [],
      customfield_10053: { accountId: 'nobody' },
      customfield_10054: '2',
      customfield_10055: '2026-09-07T09:30:00Z',
      priority: { id: '99' },
      labels: ['two words'],
      attachment: ['temp123'],
      customfield_10040: 'not on this form',
    });
    expect(reply.status).toBe(400);
    const body = reply.body<{ errorMessage: string }>();
    for (const problem of [
      "The field 'customfield_10040' is not on the request type 'Set up a new starter'.",
      'Main device: This field is required.',
      "summary: The summary can't contain newlines.",
      'customfield_10050: Error parsing date string: 2026-02-30',
      "customfield_10051: Option value '10064' is not valid for parent option 'United Kingdom'",
      'customfield_10053: Specify a valid value for Line manager',
      'customfield_10054: Operation value must be a number',
      'customfield_10055: Error parsing datetime string: 2026-09-07T09:30:00Z',
      'priority: Specify a valid value for Priority.',
      'labels: The label must be a list of words without spaces.',
      'attachment: The temporary attachment ids are not valid.',
    ]) expect(body.errorMessage).toContain(problem);
  });

  it('takes the same values through the platform API, rich text as ADF', async () => {
    const created = await ctx.call('POST', '/rest/api/3/issue', {
      json: {
        fields: {
          project: { key: 'HELP' },
          issuetype: { id: '10004' },
          summary: 'Platform starter',
          customfield_10050: '2026-10-01',
          customfield_10051: { value: 'Remote' },
          customfield_10052: [{ value: 'Figma' }],
          customfield_10056: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Shares' }] }] },
        },
      },
    });
    expect(created.status).toBe(201);
    const key = created.body<{ key: string }>().key;
    const issue = (await ctx.call('GET', `/rest/api/3/issue/${key}?fields=customfield_10051,customfield_10052,customfield_10056`)).body<{ fields: Record<string, unknown> }>();
    expect(issue.fields).toMatchObject({ customfield_10051: { value: 'Remote' }, customfield_10052: [{ value: 'Figma' }], customfield_10056: { type: 'doc' } });
    const refused = await ctx.call('PUT', `/rest/api/3/issue/${key}`, { json: { fields: { customfield_10056: 'plain text', customfield_10054: 'many' } } });
    expect(refused.status).toBe(400);
    expect(refused.body<{ errors: Record<string, string> }>().errors).toMatchObject({ customfield_10054: 'Operation value must be a number', customfield_10056: expect.stringContaining('Atlassian Document') });
  });
});
