/**
 * Every public method of the native client refuses bad input before any request, with an
 * `InputError` naming the field and `jira-cloud`: bad ids (control characters, CR/LF, NUL, 1 MB,
 * numbers, null), keys it would not read, Jira's sizes, bad option types. A table per kind; a fetch
 * that counts proves nothing was sent.
 */
import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { JiraCloudClient, type JiraCloudClientOptions } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE } from './support.js';

let sent = 0;
const counting = (async () => {
  sent += 1;
  throw new Error('a request was sent');
}) as typeof fetch;

const jira = new JiraCloudClient({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, timeZone: 'UTC', fetch: counting });

/** Runs `call` and expects an InputError naming a field that matches `field`, with nothing sent. */
async function refused(name: string, call: () => unknown, field: RegExp): Promise<void> {
  const before = sent;
  let error: unknown;
  try {
    const result = call();
    if (result !== null && typeof result === 'object' && 'toArray' in result) await (result as { toArray(o: { limit: number }): Promise<unknown> }).toArray({ limit: 1 });
    else await result;
  } catch (caught) {
    error = caught;
  }
  expect(error, `${name}: expected an InputError, got ${String(error)}`).toBeInstanceOf(InputError);
  expect((error as InputError).field, name).toMatch(field);
  expect((error as InputError).provider, name).toBe('jira-cloud');
  expect(sent, `${name}: a request was sent`).toBe(before);
}

const BAD_IDS: readonly [string, unknown][] = [
  ['empty', ''],
  ['blank', '  '],
  ['CR/LF', 'HELP-1\r\nX-Injected: 1'],
  ['NUL', 'HELP\u00001'],
  ['a control character', 'HELP\u001b1'],
  ['1 MB', 'X'.repeat(1_000_000)],
  ['a number', 42],
  ['null', null],
  ['an object', {}],
];

const FILE = { filename: 'a.txt', content: 'hello' };

/** Every method argument that is an id or a key, with a call that puts a bad one there. */
const ID_ARGUMENTS: readonly [string, (id: string) => unknown][] = [
  ['issues.get', (id) => jira.issues.get(id)],
  ['issues.edit', (id) => jira.issues.edit(id, { fields: { summary: 'x' } })],
  ['issues.delete', (id) => jira.issues.delete(id)],
  ['issues.transitions', (id) => jira.issues.transitions(id)],
  ['issues.transition', (id) => jira.issues.transition(id, { transitionId: '11' })],
  ['issues.comments.list', (id) => jira.issues.comments.list(id)],
  ['issues.comments.add', (id) => jira.issues.comments.add(id, { body: 'x' })],
  ['issues.comments.update (issue)', (id) => jira.issues.comments.update(id, '1', { body: 'x' })],
  ['issues.comments.update (comment)', (id) => jira.issues.comments.update('HELP-1', id, { body: 'x' })],
  ['issues.comments.delete', (id) => jira.issues.comments.delete('HELP-1', id)],
  ['issues.comments.byIds', (id) => jira.issues.comments.byIds([id])],
  ['issues.attachments.add', (id) => jira.issues.attachments.add(id, FILE)],
  ['issues.attachments.get', (id) => jira.issues.attachments.get(id)],
  ['issues.attachments.download', (id) => jira.issues.attachments.download(id)],
  ['issues.properties.keys', (id) => jira.issues.properties.keys(id)],
  ['issues.properties.get (issue)', (id) => jira.issues.properties.get(id, 'acme.sync')],
  ['issues.properties.get (key)', (id) => jira.issues.properties.get('HELP-1', id)],
  ['issues.properties.set', (id) => jira.issues.properties.set(id, 'acme.sync', { a: 1 })],
  ['issues.properties.delete', (id) => jira.issues.properties.delete('HELP-1', id)],
  ['users.get', (id) => jira.users.get(id)],
  ['users.assignable', (id) => jira.users.assignable(id)],
  ['projects.get', (id) => jira.projects.get(id)],
  ['projects.statuses', (id) => jira.projects.statuses(id)],
  ['serviceDesk.desk', (id) => jira.serviceDesk.desk(id)],
  ['serviceDesk.requestTypes', (id) => jira.serviceDesk.requestTypes(id)],
  ['serviceDesk.requestTypeGroups', (id) => jira.serviceDesk.requestTypeGroups(id)],
  ['serviceDesk.requestTypeFields (desk)', (id) => jira.serviceDesk.requestTypeFields(id, '1')],
  ['serviceDesk.requestTypeFields (type)', (id) => jira.serviceDesk.requestTypeFields('1', id)],
  ['serviceDesk.customers.list', (id) => jira.serviceDesk.customers.list(id)],
  ['serviceDesk.customers.add (desk)', (id) => jira.serviceDesk.customers.add(id, ['acc-1'])],
  ['serviceDesk.customers.add (account)', (id) => jira.serviceDesk.customers.add('1', [id])],
  ['serviceDesk.requests.get', (id) => jira.serviceDesk.requests.get(id)],
  ['serviceDesk.requests.create (raiseOnBehalfOf)', (id) => jira.serviceDesk.requests.create({ serviceDeskId: '1', requestTypeId: '1', requestFieldValues: {}, raiseOnBehalfOf: id })],
  ['serviceDesk.requests.comments.list', (id) => jira.serviceDesk.requests.comments.list(id)],
  ['serviceDesk.requests.comments.add', (id) => jira.serviceDesk.requests.comments.add(id, { body: 'x', public: true })],
  ['serviceDesk.requests.transitions.list', (id) => jira.serviceDesk.requests.transitions.list(id)],
  ['serviceDesk.requests.transitions.perform', (id) => jira.serviceDesk.requests.transitions.perform(id, { transitionId: '1' })],
  ['browseUrl', (id) => jira.browseUrl(id)],
];

describe('ids and keys', () => {
  for (const [name, call] of ID_ARGUMENTS) {
    it(`${name} refuses ${BAD_IDS.map(([what]) => what).join(', ')}`, async () => {
      for (const [what, id] of BAD_IDS) {
        if (name === 'issues.comments.byIds' && what === 'blank') continue; // digits only: covered by the others
        await refused(`${name} with ${what}`, () => call(id as string), /./);
      }
    });
  }
});

describe('keys a method would not read', () => {
  const cases: readonly [string, () => unknown, RegExp][] = [
    ['issues.create (NewIssue)', () => jira.issues.create({ project: 'HELP', issueType: 'Task', summary: 'x', summry: 'typo' } as never), /^summry$/],
    ['issues.create (payload)', () => jira.issues.create({ fields: { summary: 'x' }, transitions: {} } as never), /^transitions$/],
    ['issues.create (property)', () => jira.issues.create({ project: 'HELP', issueType: 'Task', summary: 'x', properties: [{ key: 'k', value: 1, vaule: 2 }] } as never), /^properties\.0\.vaule$/],
    ['issues.edit', () => jira.issues.edit('HELP-1', { fields: { summary: 'x' }, feilds: {} } as never), /^feilds$/],
    ['issues.transition', () => jira.issues.transition('HELP-1', { transitionId: '11', comentt: 'x' } as never), /^comentt$/],
    ['issues.transition (comment)', () => jira.issues.transition('HELP-1', { transitionId: '11', comment: { body: 'x', internal: true } } as never), /^comment\.internal$/],
    ['issues.comments.add', () => jira.issues.comments.add('HELP-1', { body: 'x', intrenal: true } as never), /^intrenal$/],
    ['issues.comments.add (visibility)', () => jira.issues.comments.add('HELP-1', { body: 'x', visibility: { type: 'role', value: 'Dev', group: 'x' } } as never), /^visibility\.group$/],
    ['issues.comments.update', () => jira.issues.comments.update('HELP-1', '1', { body: 'x', internal: true } as never), /^internal$/],
    ['issues.attachments.add', () => jira.issues.attachments.add('HELP-1', { ...FILE, mimeType: 'text/plain' } as never), /^files\.0\.mimeType$/],
    ['serviceDesk.requests.create', () => jira.serviceDesk.requests.create({ serviceDeskId: '1', requestTypeId: '1', requestFieldValues: {}, raiseOnBehalfof: 'acc-1' } as never), /^raiseOnBehalfof$/],
    ['serviceDesk.requests.comments.add', () => jira.serviceDesk.requests.comments.add('HELP-1', { body: 'x', public: true, internal: false } as never), /^internal$/],
    ['serviceDesk.requests.transitions.perform', () => jira.serviceDesk.requests.transitions.perform('HELP-1', { transitionId: '1', commment: 'x' } as never), /^commment$/],
    ['serviceDesk.customers.create', () => jira.serviceDesk.customers.create({ email: 'a@b.co', displayName: 'A', fullName: 'A' } as never), /^fullName$/],
    ['issues.get options', () => jira.issues.get('HELP-1', { feilds: ['summary'] } as never), /feilds$/],
    ['issues.search options', () => jira.issues.search({ jql: 'project = HELP', maxresults: 5 } as never), /maxresults$/],
    ['issues.comments.list options', () => jira.issues.comments.list('HELP-1', { pagesize: 5 } as never), /pagesize$/],
    ['issues.comments.byIds options', () => jira.issues.comments.byIds(['1'], { expnd: ['properties'] } as never), /expnd$/],
    ['request options', () => jira.request('GET', '/rest/api/3/myself', { tiemout: 5 } as never), /tiemout$/],
  ];
  for (const [name, call, field] of cases) {
    it(`${name} refuses it`, async () => {
      await refused(name, call, field);
    });
  }
});

describe("Jira's sizes", () => {
  const long = (length: number) => 'x'.repeat(length);
  const hugeBlob = () => {
    const blob = new Blob([]);
    Object.defineProperty(blob, 'size', { value: 2 * 1024 ** 3 + 1 });
    return blob;
  };
  const adf = (text: string) => ({ type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });
  const cases: readonly [string, () => unknown, RegExp][] = [
    ['a summary of 256 characters', () => jira.issues.create({ project: 'HELP', issueType: 'Task', summary: long(256) }), /^summary$/],
    ['a summary with NUL', () => jira.issues.create({ project: 'HELP', issueType: 'Task', summary: 'a\u0000b' }), /^summary$/],
    ['a raw payload summary of 256 characters', () => jira.issues.create({ fields: { project: { key: 'HELP' }, summary: long(256) } }), /^fields\.summary$/],
    ['a description of 32,768 characters', () => jira.issues.create({ project: 'HELP', issueType: 'Task', summary: 'x', description: long(32_768) }), /^description$/],
    ['a comment of 32,768 characters', () => jira.issues.comments.add('HELP-1', { body: long(32_768) }), /^body$/],
    ['an ADF comment whose text has 32,768 characters', () => jira.issues.comments.add('HELP-1', { body: adf(long(32_768)) }), /^body$/],
    ['a comment with NUL', () => jira.issues.comments.add('HELP-1', { body: 'a\u0000b' }), /^body$/],
    ['a JSM comment of 32,768 characters', () => jira.serviceDesk.requests.comments.add('HELP-1', { body: long(32_768), public: true }), /^body$/],
    ['a JSM request summary of 256 characters', () => jira.serviceDesk.requests.create({ serviceDeskId: '1', requestTypeId: '1', requestFieldValues: { summary: long(256) } }), /^requestFieldValues\.summary$/],
    ['a file over 2 GiB', () => jira.issues.attachments.add('HELP-1', { filename: 'big.bin', content: hugeBlob() }), /^files\.0\.content$/],
    ['a property value over 32,768 bytes', () => jira.issues.properties.set('HELP-1', 'acme.sync', { text: long(33_000) }), /^value$/],
    ['a 40 MB JSON body', () => jira.request('POST', '/rest/api/3/issue', { json: { fields: { description: long(40_000_000) } } }), /^options\.json$/],
  ];
  for (const [name, call, field] of cases) {
    it(`refuses ${name}`, async () => {
      await refused(name, call, field);
    });
  }
});

describe('client options', () => {
  const base: JiraCloudClientOptions = { baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN };
  const cases: readonly [string, Record<string, unknown>, RegExp][] = [
    ['an API token with CR/LF', { apiToken: `${API_TOKEN}\r\nX-Injected: 1` }, /^apiToken$/],
    ['an API token with NUL', { apiToken: `${API_TOKEN}\u0000` }, /^apiToken$/],
    ['an email with a line break', { email: 'bot@acme.example\nX: 1' }, /^email$/],
    ['a header value with CR/LF', { headers: { 'X-Trace': 'a\r\nb' } }, /^headers\.X-Trace$/],
    ['a userAgent with CR/LF', { userAgent: 'bot\r\nX: 1' }, /^userAgent$/],
    ['a fetch that is not a function', { fetch: 'fetch' }, /^fetch$/],
    ['an onRequest that is not a function', { onRequest: 'x' }, /^onRequest$/],
    ['a maxBodyBytes of 0', { maxBodyBytes: 0 }, /^maxBodyBytes$/],
  ];
  for (const [name, options, field] of cases) {
    it(`refuses ${name} when the client is made`, () => {
      let error: unknown;
      try {
        new JiraCloudClient({ ...base, ...options } as JiraCloudClientOptions);
      } catch (caught) {
        error = caught;
      }
      expect(error, name).toBeInstanceOf(InputError);
      expect((error as InputError).field).toMatch(field);
      expect((error as InputError).provider).toBe('jira-cloud');
      expect((error as Error).message).not.toContain(API_TOKEN);
    });
  }
});
