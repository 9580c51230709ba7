/**
 * `catalog.form()`, `choices()` and `submit()` against nock: every `jiraSchema` kind mapped onto
 * the model (fixtures shaped from the JSM spec's `RequestTypeFieldDTO`), the answers encoded into
 * `requestFieldValues` in Jira's field input formats with `raiseOnBehalfOf`, bad answers refused
 * before any request, files attached after the create, a lost answer reported with how to find it.
 */
import { CatalogFormSchema, IncompleteCreateError, InputError, OutcomeUnknownError } from '@itsm/core';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { createJiraConnector } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE, failure, issueBody, route, useNock } from '../client/support.js';

useNock();

const DESK = '/rest/servicedeskapi/servicedesk/1';

function connector() {
  return createJiraConnector({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, timeZone: 'UTC', projectKey: 'HELP', serviceDeskId: '1', requestTypeId: '1', lookupDelaysMs: [0] });
}

const custom = (name: string, customId: number, type: string, items?: string) => ({ type, ...(items === undefined ? {} : { items }), custom: `com.atlassian.jira.plugin.system.customfieldtypes:${name}`, customId });
const system = (name: string, type: string, items?: string) => ({ type, ...(items === undefined ? {} : { items }), system: name });
const value = (id: string, label: string, children: unknown[] = []) => ({ value: id, label, children });

function field(fieldId: string, name: string, jiraSchema: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { fieldId, name, description: '', required: false, visible: true, validValues: [], defaultValues: [], presetValues: [], jiraSchema, ...extra };
}

/** A request type's form with a field of every kind Jira has. */
const FIELDS = {
  canRaiseOnBehalfOf: true,
  canAddRequestParticipants: true,
  requestTypeFields: [
    field('summary', 'Who is starting?', system('summary', 'string'), { required: true }),
    field('description', 'Anything else?', system('description', 'string')),
    field('customfield_10040', 'Asset tag', custom('textfield', 10040, 'string'), { description: 'On the back of the device.' }),
    field('customfield_10041', 'Wiki page', custom('url', 10041, 'string')),
    field('customfield_10056', 'Access needed', custom('textarea', 10056, 'string')),
    field('customfield_10054', 'Extra monitors', custom('float', 10054, 'number'), { defaultValues: [value('1', '1')] }),
    field('customfield_10050', 'First working day', custom('datepicker', 10050, 'date'), { required: true }),
    field('customfield_10055', 'Welcome meeting', custom('datetime', 10055, 'datetime')),
    field('customfield_10030', 'Main device', custom('select', 10030, 'option'), { required: true, validValues: [value('10040', 'Laptop'), value('10041', 'Monitor')], defaultValues: [value('10040', 'Laptop')] }),
    field('customfield_10032', 'Desk', custom('radiobuttons', 10032, 'option'), { validValues: [value('10090', 'Hot desk'), value('10091', 'Fixed desk')] }),
    field('customfield_10033', 'Teams', custom('multiselect', 10033, 'array', 'option'), { validValues: [value('10095', 'Sales'), value('10096', 'Support')] }),
    field('customfield_10052', 'Software to install', custom('multicheckboxes', 10052, 'array', 'option'), { validValues: [value('10080', 'Microsoft 365'), value('10081', 'Slack')] }),
    field('customfield_10051', 'Office', custom('cascadingselect', 10051, 'option-with-child'), {
      required: true,
      validValues: [value('10060', 'Netherlands', [value('10064', 'Amsterdam'), value('10065', 'Rotterdam')]), value('10063', 'Remote')],
    }),
    field('customfield_10053', 'Line manager', custom('userpicker', 10053, 'user'), { required: true }),
    field('priority', 'Priority', system('priority', 'priority'), { validValues: [value('1', 'Highest'), value('3', 'Medium')] }),
    field('components', 'Components', system('components', 'array', 'component'), { validValues: [value('10000', 'Laptops')] }),
    field('duedate', 'Due date', system('duedate', 'date')),
    field('labels', 'Labels', system('labels', 'array', 'string')),
    field('attachment', 'Signed starter form', system('attachment', 'array', 'attachment')),
    field('customfield_10002', 'Organizations', custom('sd-customerorganization', 10002, 'array', 'sd-customerorganization'), { visible: false }),
  ],
};

const REQUEST_TYPE = { id: '9', name: 'Set up a new starter', description: 'Accounts and equipment.', portalId: '1', groupIds: ['3'] };

function routeForm() {
  route('GET', `${DESK}/requesttype`, [200, { start: 0, limit: 100, size: 1, isLastPage: true, values: [REQUEST_TYPE] }]);
  return route('GET', `${DESK}/requesttype/9/field`, [200, FIELDS]);
}

const ANSWERS = {
  summary: 'Priya Patel',
  customfield_10050: '2026-09-07',
  customfield_10051: 'Netherlands',
  'customfield_10051:child': 'Rotterdam',
  customfield_10053: { id: 'acc-manager' },
  customfield_10030: 'Monitor',
  customfield_10052: ['Slack', '10080'],
  customfield_10033: ['Support'],
  customfield_10032: 'Fixed desk',
  customfield_10055: '2026-09-07T09:30:00+02:00',
  customfield_10056: 'The Finance share.\nAnd the sales mailbox.',
  description: 'Window seat.',
  priority: 'Highest',
  components: ['Laptops'],
  duedate: '2026-09-01',
  labels: ['onboarding'],
};

describe('catalog.form', () => {
  it('maps every field kind of a request type onto the model, and keeps the form a while', async () => {
    const calls = routeForm();
    const jira = connector();
    const form = await jira.catalog.form('9');
    expect(CatalogFormSchema.parse(form)).toBeTruthy();
    expect(form).toMatchObject({ provider: 'jira-cloud', itemId: '9', name: 'Set up a new starter', description: 'Accounts and equipment.', url: `${SITE}/servicedesk/customer/portal/1/create/9` });
    expect(form.fields.map((f) => [f.id, f.kind, f.nativeType])).toEqual([
      ['summary', 'text', 'string'],
      ['description', 'multiline', 'string'],
      ['customfield_10040', 'text', 'com.atlassian.jira.plugin.system.customfieldtypes:textfield'],
      ['customfield_10041', 'text', 'com.atlassian.jira.plugin.system.customfieldtypes:url'],
      ['customfield_10056', 'multiline', 'com.atlassian.jira.plugin.system.customfieldtypes:textarea'],
      ['customfield_10054', 'number', 'com.atlassian.jira.plugin.system.customfieldtypes:float'],
      ['customfield_10050', 'date', 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker'],
      ['customfield_10055', 'datetime', 'com.atlassian.jira.plugin.system.customfieldtypes:datetime'],
      ['customfield_10030', 'single_choice', 'com.atlassian.jira.plugin.system.customfieldtypes:select'],
      ['customfield_10032', 'single_choice', 'com.atlassian.jira.plugin.system.customfieldtypes:radiobuttons'],
      ['customfield_10033', 'multiple_choice', 'com.atlassian.jira.plugin.system.customfieldtypes:multiselect'],
      ['customfield_10052', 'multiple_choice', 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes'],
      ['customfield_10051', 'single_choice', 'com.atlassian.jira.plugin.system.customfieldtypes:cascadingselect'],
      ['customfield_10051:child', 'single_choice', 'com.atlassian.jira.plugin.system.customfieldtypes:cascadingselect:child'],
      ['customfield_10053', 'user', 'com.atlassian.jira.plugin.system.customfieldtypes:userpicker'],
      ['priority', 'single_choice', 'priority'],
      ['components', 'multiple_choice', 'array:component'],
      ['duedate', 'date', 'date'],
      ['labels', 'other', 'array:string'],
      ['attachment', 'attachment', 'array:attachment'],
      ['customfield_10002', 'other', 'com.atlassian.jira.plugin.system.customfieldtypes:sd-customerorganization'],
    ]);
    const byId = new Map(form.fields.map((f) => [f.id, f]));
    expect(byId.get('summary')).toMatchObject({ required: true, maxLength: 255, label: 'Who is starting?' });
    expect(byId.get('description')?.maxLength).toBe(32_767);
    expect(byId.get('customfield_10040')).toMatchObject({ maxLength: 255, help: 'On the back of the device.' });
    expect(byId.get('customfield_10041')?.maxLength).toBeUndefined();
    expect(byId.get('customfield_10054')?.default).toBe(1);
    expect(byId.get('customfield_10030')).toMatchObject({ required: true, default: '10040', choices: [{ id: '10040', label: 'Laptop' }, { id: '10041', label: 'Monitor' }] });
    expect(byId.get('customfield_10051')?.choices).toEqual([{ id: '10060', label: 'Netherlands' }, { id: '10063', label: 'Remote' }]);
    expect(byId.get('customfield_10051:child')).toMatchObject({ required: false, choicesOnDemand: true, dependsOn: ['customfield_10051'] });
    expect(byId.get('customfield_10053')).toMatchObject({ required: true, choicesOnDemand: true });
    expect(byId.get('customfield_10002')?.hidden).toBe(true);
    expect(byId.get('priority')?.raw).toEqual(FIELDS.requestTypeFields[14]);
    await jira.catalog.form('9');
    expect(calls).toHaveLength(1);
  });

  it('says which request type does not exist, and refuses a bad id before any request', async () => {
    route('GET', `${DESK}/requesttype`, [200, { start: 0, limit: 100, size: 1, isLastPage: true, values: [REQUEST_TYPE] }]);
    route('GET', `${DESK}/requesttype/77/field`, [200, FIELDS]);
    await expect(connector().catalog.form('77')).rejects.toMatchObject({ name: 'NotFoundError', message: expect.stringContaining('no request type 77') });
    expect(await failure(connector().catalog.form('9\n'))).toBeInstanceOf(InputError);
    const without = createJiraConnector({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, projectKey: 'HELP' });
    await expect(without.catalog.form('9')).rejects.toMatchObject({ name: 'UnsupportedError', capability: 'catalog' });
  });
});

describe('catalog.choices', () => {
  it('serves a cascading select\'s second level from the form, and looks people up by name', async () => {
    routeForm();
    const jira = connector();
    expect(await jira.catalog.choices('9', 'customfield_10051:child', { answers: { customfield_10051: 'netherlands' } }).toArray({ limit: 10 })).toEqual([
      { id: '10064', label: 'Amsterdam' },
      { id: '10065', label: 'Rotterdam' },
    ]);
    expect(await jira.catalog.choices('9', 'customfield_10051:child').toArray({ limit: 10 })).toEqual([]);
    expect(await jira.catalog.choices('9', 'customfield_10030', { search: 'mon' }).toArray({ limit: 10 })).toEqual([{ id: '10041', label: 'Monitor' }]);
    const people = route('GET', '/rest/api/3/user/search', [200, [{ accountId: 'acc-manager', displayName: 'Maria Lopez', emailAddress: 'maria@acme.example', active: true }]]);
    expect(await jira.catalog.choices('9', 'customfield_10053', { search: 'maria' }).toArray({ limit: 10 })).toEqual([{ id: 'acc-manager', label: 'Maria Lopez (maria@acme.example)' }]);
    expect(people[0]?.query).toMatchObject({ query: 'maria' });
    expect(await failure(jira.catalog.choices('9', 'customfield_10053').toArray({ limit: 1 }))).toMatchObject({ field: 'query.search' });
    expect(await failure(jira.catalog.choices('9', 'customfield_10050').toArray({ limit: 1 }))).toMatchObject({ field: 'fieldId' });
  });
});

describe('catalog.submit', () => {
  it('raises the request on the employee\'s behalf with every answer in Jira\'s input format, then keeps the key and attaches the files', async () => {
    routeForm();
    const before = route('POST', '/rest/api/3/search/jql', [200, { issues: [], isLast: true }]);
    const create = route('POST', '/rest/servicedeskapi/request', [201, { issueId: '10042', issueKey: 'HELP-42', requestTypeId: '9', serviceDeskId: '1' }]);
    const property = route('PUT', '/rest/api/3/issue/10042/properties/itsm.idempotency', [200, '']);
    const upload = route('POST', '/rest/api/3/issue/10042/attachments', [200, [{ id: '900', filename: 'form.pdf', size: 3, mimeType: 'application/pdf', created: '2026-09-01T10:00:00.000+0000' }]]);
    route('GET', '/rest/api/3/issue/10042', [200, issueBody('HELP-42', '10042', { reporter: { accountId: 'acc-ann', displayName: 'Ann Lee' }, created: '2026-09-01T10:00:00.000+0000', updated: '2026-09-01T10:00:00.000+0000', issuetype: { id: '10004', name: 'Service Request' } })]);
    const file = { filename: 'form.pdf', content: new Uint8Array([1, 2, 3]), contentType: 'application/pdf' };
    const ticket = await connector().catalog.submit('9', { ...ANSWERS, attachment: file }, { forUser: { id: 'acc-ann' }, idempotencyKey: 'chat-42' }).catch(async (error: unknown) => {
      throw error;
    });
    expect(ticket).toMatchObject({ provider: 'jira-cloud', id: '10042', key: 'HELP-42', requester: { id: 'acc-ann' } });
    expect(create[0]?.json()).toEqual({
      serviceDeskId: '1',
      requestTypeId: '9',
      raiseOnBehalfOf: 'acc-ann',
      requestFieldValues: {
        summary: 'Priya Patel',
        description: 'Window seat.',
        customfield_10056: 'The Finance share.\nAnd the sales mailbox.',
        customfield_10054: 1,
        customfield_10050: '2026-09-07',
        customfield_10055: '2026-09-07T07:30:00.000+0000',
        customfield_10030: { id: '10041' },
        customfield_10032: { id: '10091' },
        customfield_10033: [{ id: '10096' }],
        customfield_10052: [{ id: '10081' }, { id: '10080' }],
        customfield_10051: { id: '10060', child: { id: '10065' } },
        customfield_10053: { accountId: 'acc-manager' },
        priority: { id: '1' },
        components: [{ id: '10000' }],
        duedate: '2026-09-01',
        labels: ['onboarding'],
      },
    });
    expect(property[0]?.json()).toEqual({ key: 'chat-42' });
    expect(before[0]?.json()).toMatchObject({ properties: ['itsm.idempotency'] });
    expect(upload).toHaveLength(1);
  });

  it('names every bad answer at once, before any request but the form\'s', async () => {
    routeForm();
    const jira = connector();
    await jira.catalog.form('9');
    const error = await failure(jira.catalog.submit('9', { summary: 'Line one\nline two', customfield_10050: '7 September', customfield_10051: 'Belgium', customfield_10054: 'two', colour: 'red' }, { forUser: 'ann@acme.example' }));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((issue) => issue.path.join('.'))).toEqual([
      'answers.colour',
      'answers.summary',
      'answers.customfield_10054',
      'answers.customfield_10050',
      'answers.customfield_10051',
      'answers.customfield_10053',
    ]);
    expect((error as InputError).issues.find((issue) => issue.path[1] === 'customfield_10051')?.message).toBe('"Office" must be one of: Netherlands, Remote');
    expect(await failure(jira.catalog.submit('9', ANSWERS, { forUser: 'ann@acme.example', idempotencyKey: 'has space' }))).toMatchObject({ field: 'options.idempotencyKey' });
    expect(await failure(jira.catalog.submit('9', { ...ANSWERS, 'customfield_10051:child': 'London' }, { forUser: { id: 'acc-ann' } }))).toMatchObject({ field: 'answers.customfield_10051:child' });
  });

  it('says the request exists when attaching a file fails', async () => {
    routeForm();
    route('POST', '/rest/servicedeskapi/request', [201, { issueId: '10043', issueKey: 'HELP-43' }]);
    route('PUT', '/rest/api/3/issue/10043/properties/itsm.idempotency', [200, '']);
    route('POST', '/rest/api/3/issue/10043/attachments', [413, { errorMessages: ['too big'] }]);
    const error = await failure(connector().catalog.submit('9', { ...ANSWERS, attachment: [{ filename: 'a.txt', content: new Uint8Array([1]) }] }, { forUser: { id: 'acc-ann' } }));
    expect(error).toBeInstanceOf(IncompleteCreateError);
    expect(error).toMatchObject({ ticket: { id: '10043', key: 'HELP-43' }, step: 'attaching a.txt' });
  });

  it('never sends a submit twice: a lost answer says how to find the request', async () => {
    routeForm();
    route('POST', '/rest/api/3/search/jql', [200, { issues: [], isLast: true }]);
    nock(SITE).post('/rest/servicedeskapi/request').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const error = await failure(connector().catalog.submit('9', ANSWERS, { forUser: { id: 'acc-ann' }, idempotencyKey: 'chat-43' }));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ operation: 'catalog.submit', idempotencyKey: 'chat-43', outcome: 'unknown' });
    expect((error as OutcomeUnknownError).recovery).toMatch(/look for a "Set up a new starter" request in HELP among the issues found by the JQL project = "HELP" AND reporter = "acc-ann" AND created >= /);
  });
});
