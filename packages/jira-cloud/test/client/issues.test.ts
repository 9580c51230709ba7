import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { jql, markdownToAdf, textToAdf } from '../../src/index.js';
import { BASIC, CATEGORY, SITE, client, failure, issueBody, route, useNock } from './support.js';

useNock();

describe('issues.get', () => {
  it('GETs the issue with fields, expand and properties as comma lists, and parses it', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1', [200, issueBody('HELP-1', '10001', {
      assignee: null,
      priority: { id: '2', name: 'High', iconUrl: `${SITE}/images/icons/priorities/high.svg` },
      description: textToAdf('Printer on fire'),
      customfield_10050: 'asset-42',
      created: '2025-01-17T12:34:00.000+0000',
    })]);
    const issue = await client().issues.get('HELP-1', {
      fields: ['summary', 'status', 'assignee', 'customfield_10050'],
      expand: ['renderedFields', 'names'],
      properties: ['itsm.externalId'],
    });
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.query).toEqual({
      fields: 'summary,status,assignee,customfield_10050',
      expand: 'renderedFields,names',
      properties: 'itsm.externalId',
    });
    expect(calls[0]?.headers.get('authorization')).toBe(BASIC);
    expect(issue.key).toBe('HELP-1');
    expect(issue.fields.status?.statusCategory.key).toBe('indeterminate');
    expect(issue.fields.assignee).toBeNull();
    expect(issue.fields.priority?.name).toBe('High');
    expect(issue.fields.description).toEqual(textToAdf('Printer on fire'));
    expect(issue.fields.customfield_10050).toBe('asset-42');
    expect(issue.expand).toMatch(/renderedFields/);
    expect(new Date(issue.fields.created ?? '').toISOString()).toBe('2025-01-17T12:34:00.000Z');
  });

  it('encodes the key as one path segment and refuses empty or dot keys before any request', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP%2F1%3Fx', [200, issueBody('HELP-1', '1')]);
    await client().issues.get('HELP/1?x');
    expect(calls[0]?.path).toBe('/rest/api/3/issue/HELP%2F1%3Fx');
    for (const key of ['', ' ', '..', '.']) {
      const error = await failure(client().issues.get(key));
      expect(error).toBeInstanceOf(InputError);
      expect(error).toMatchObject({ field: 'issueIdOrKey' });
    }
  });
});

describe('issues.create', () => {
  it('turns a NewIssue into Jira fields, the description into ADF, and is not retried', async () => {
    const calls = route('POST', '/rest/api/3/issue', [201, { id: '10002', key: 'HELP-2', self: `${SITE}/rest/api/3/issue/10002` }]);
    const created = await client().issues.create({
      project: 'HELP',
      issueType: '10004',
      summary: 'Laptop does not boot',
      description: 'Black screen since this morning.\nTried twice.',
      priority: 'High',
      labels: ['helpdesk-bot'],
      assignee: null,
      reporter: '5b10a2844c20165700ede21g',
      parent: 'HELP-1',
      components: ['Hardware'],
      dueDate: '2025-05-11',
      customFields: { customfield_10051: { value: 'red' } },
      properties: [{ key: 'itsm.externalId', value: 'chat-42' }],
    });
    expect(created).toEqual({ id: '10002', key: 'HELP-2', self: `${SITE}/rest/api/3/issue/10002` });
    expect(calls[0]?.headers.get('content-type')).toBe('application/json');
    expect(calls[0]?.json()).toEqual({
      fields: {
        project: { key: 'HELP' },
        issuetype: { id: '10004' },
        summary: 'Laptop does not boot',
        description: {
          type: 'doc',
          version: 1,
          content: [{
            type: 'paragraph',
            content: [{ type: 'text', text: 'Black screen since this morning.' }, { type: 'hardBreak' }, { type: 'text', text: 'Tried twice.' }],
          }],
        },
        priority: { name: 'High' },
        labels: ['helpdesk-bot'],
        assignee: null,
        reporter: { accountId: '5b10a2844c20165700ede21g' },
        parent: { key: 'HELP-1' },
        components: [{ name: 'Hardware' }],
        duedate: '2025-05-11',
        customfield_10051: { value: 'red' },
      },
      properties: [{ key: 'itsm.externalId', value: 'chat-42' }],
    });
  });

  it('converts a Markdown description with descriptionFormat: markdown, and accepts ids by digits', async () => {
    const calls = route('POST', '/rest/api/3/issue', [201, { id: '1', key: 'HELP-3' }]);
    await client().issues.create({ project: '10000', issueType: 'Task', summary: 'x', description: '**bold** move', descriptionFormat: 'markdown' });
    expect(calls[0]?.json()).toEqual({
      fields: { project: { id: '10000' }, issuetype: { name: 'Task' }, summary: 'x', description: await markdownToAdf('**bold** move') },
    });
  });

  it('sends a raw { fields, update } payload as it is', async () => {
    const calls = route('POST', '/rest/api/3/issue', [201, { id: '1', key: 'HELP-4' }]);
    const payload = { fields: { project: { key: 'HELP' }, issuetype: { id: '1' }, summary: 'raw' }, update: { labels: [{ add: 'x' }] } };
    await client().issues.create(payload);
    expect(calls[0]?.json()).toEqual(payload);
  });

  it.each([
    [{ issueType: 'Task', summary: 'x' }, 'project'],
    [{ project: 'HELP', summary: 'x' }, 'issueType'],
    [{ project: 'HELP', issueType: 'Task', summary: '' }, 'summary'],
    [{ project: 'HELP', issueType: 'Task', summary: 'a\nb' }, 'summary'],
    [{ project: 'HELP', issueType: 'Task', summary: 'x'.repeat(256) }, 'summary'],
    [{ project: 'HELP', issueType: 'Task', summary: 'x', description: '  ' }, 'description'],
    [{ project: 'HELP', issueType: 'Task', summary: 'x', labels: ['two words'] }, 'labels'],
    [{ project: 'HELP', issueType: 'Task', summary: 'x', dueDate: '11/05/2025' }, 'dueDate'],
    [{ project: 'HELP', issueType: 'Task', summary: 'x', descriptionFormat: 'html', description: 'x' }, 'format'],
    [{ project: 'HELP', issueType: 'Task', summary: 'x', descripton: 'typo' }, 'descripton'],
    [{ project: 'HELP', issueType: 'Task', summary: 'x', duedate: '2025-05-11' }, 'duedate'],
    [{ fields: { project: { key: 'HELP' }, issuetype: { id: '1' }, summary: 'raw' }, transition: { id: '5' } }, 'transition'],
  ])('refuses %j before any request (InputError on %s)', async (input, field) => {
    const error = await failure(client().issues.create(input as never));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field });
  });
});

describe('issues.edit and issues.delete', () => {
  it('PUTs fields and update, with notifyUsers=false when asked', async () => {
    const calls = route('PUT', '/rest/api/3/issue/HELP-1', [204]);
    await client().issues.edit('HELP-1', { fields: { summary: 'VPN down (Berlin)' }, update: { labels: [{ add: 'vpn' }] } }, { notifyUsers: false });
    expect(calls[0]?.query).toEqual({ notifyUsers: 'false' });
    expect(calls[0]?.json()).toEqual({ fields: { summary: 'VPN down (Berlin)' }, update: { labels: [{ add: 'vpn' }] } });
  });

  it('refuses an empty payload and a field in both fields and update', async () => {
    await expect(client().issues.edit('HELP-1', {})).rejects.toMatchObject({ field: 'payload' });
    await expect(client().issues.edit('HELP-1', { fields: { labels: [] }, update: { labels: [{ add: 'x' }] } }))
      .rejects.toMatchObject({ field: 'update.labels' });
    await expect(client().issues.edit('HELP-1', { fields: { summary: 'x' }, historyMetadata: { type: 'bot' } } as never))
      .rejects.toMatchObject({ field: 'historyMetadata' });
  });

  it('DELETEs with deleteSubtasks', async () => {
    const calls = route('DELETE', '/rest/api/3/issue/HELP-1', [[204], [204]]);
    await client().issues.delete('HELP-1', { deleteSubtasks: true });
    await client().issues.delete('HELP-1');
    expect(calls.map((call) => call.search)).toEqual(['?deleteSubtasks=true', '']);
  });
});

describe('issues.search', () => {
  it('POSTs /rest/api/3/search/jql and follows nextPageToken over 3 pages without loss or duplicates', async () => {
    const pages = [
      { issues: [issueBody('HELP-1', '1'), issueBody('HELP-2', '2')], nextPageToken: 'tok-2', isLast: false },
      { issues: [issueBody('HELP-3', '3'), issueBody('HELP-4', '4')], nextPageToken: 'tok-3', isLast: false },
      { issues: [issueBody('HELP-5', '5')], isLast: true },
    ];
    const calls = route('POST', '/rest/api/3/search/jql', (_seen, index) => [200, pages[index]], { times: 3 });
    const since = new Date('2025-06-01T09:30:45Z');
    const keys: string[] = [];
    for await (const issue of client().issues.search({
      jql: jql`project = ${'HELP'} AND updated >= ${since} ORDER BY updated ASC`,
      fields: ['summary', 'status'],
      expand: ['names'],
      maxResults: 2,
      reconcileIssues: [10001, '10002'],
    })) {
      keys.push(issue.key);
    }
    expect(keys).toEqual(['HELP-1', 'HELP-2', 'HELP-3', 'HELP-4', 'HELP-5']);
    const first = {
      jql: 'project = "HELP" AND updated >= "2025-06-01 09:30" ORDER BY updated ASC',
      fields: ['summary', 'status'],
      expand: 'names',
      maxResults: 2,
      reconcileIssues: [10001, 10002],
    };
    expect(calls.map((call) => call.json())).toEqual([first, { ...first, nextPageToken: 'tok-2' }, { ...first, nextPageToken: 'tok-3' }]);
    expect(calls.every((call) => call.search === '')).toBe(true);
  });

  it('asks for *navigable fields by default and stops when nextPageToken is absent', async () => {
    const calls = route('POST', '/rest/api/3/search/jql', [200, { issues: [issueBody('HELP-1', '1'), { id: '9', key: 'HELP-9' }] }]);
    const issues = await client().issues.search({ jql: 'assignee = currentUser()' }).toArray({ limit: 100 });
    expect(issues).toHaveLength(2);
    expect(issues[1]?.fields).toEqual({});
    expect(calls[0]?.json()).toEqual({ jql: 'assignee = currentUser()', fields: ['*navigable'] });
  });

  it('stops at isLast even when a token is sent, and fetches nothing beyond take(n)', async () => {
    const calls = route('POST', '/rest/api/3/search/jql', [200, { issues: [issueBody('HELP-1', '1'), issueBody('HELP-2', '2')], nextPageToken: 'stale', isLast: true }]);
    await expect(client().issues.search({ jql: 'project = HELP' }).toArray({ limit: 10 })).resolves.toHaveLength(2);
    expect(calls).toHaveLength(1);
    const more = route('POST', '/rest/api/3/search/jql', [200, { issues: [issueBody('HELP-1', '1'), issueBody('HELP-2', '2')], nextPageToken: 'next' }]);
    await expect(client().issues.search({ jql: 'project = HELP' }).take(2).toArray({ limit: 10 })).resolves.toHaveLength(2);
    expect(more).toHaveLength(1);
  });

  it('refuses a blank query and reconcileIssues that are keys, before any request', () => {
    expect(() => client().issues.search({ jql: '  ' })).toThrow(InputError);
    expect(() => client().issues.search({ jql: 'project = HELP', reconcileIssues: ['HELP-1'] })).toThrow(/numeric issue id/);
    expect(() => client().issues.search({ jql: 'project = HELP', reconcileIssues: Array.from({ length: 51 }, (_, i) => i) })).toThrow(InputError);
  });

  it('approximateCount POSTs the JQL and returns the count', async () => {
    const calls = route('POST', '/rest/api/3/search/approximate-count', [200, { count: 153 }]);
    await expect(client().issues.approximateCount(jql`project = ${'HELP'}`)).resolves.toBe(153);
    expect(calls[0]?.json()).toEqual({ jql: 'project = "HELP"' });
  });
});

describe('issues.transitions and issues.transition', () => {
  const transitions = {
    expand: 'transitions',
    transitions: [
      {
        id: '711', name: 'Resolve', hasScreen: true, isGlobal: false, isInitial: false, isAvailable: true, isConditional: false, isLooped: false,
        to: { self: `${SITE}/rest/api/3/status/5`, description: '', iconUrl: `${SITE}/x.png`, name: 'Resolved', id: '5', statusCategory: CATEGORY.done },
        fields: {
          resolution: {
            required: true, schema: { type: 'resolution', system: 'resolution' }, name: 'Resolution', key: 'resolution',
            operations: ['set'], allowedValues: [{ id: '10000', name: 'Done' }],
          },
          assignee: { required: false, schema: { type: 'user', system: 'assignee' }, name: 'Assignee', key: 'assignee', operations: ['set'] },
        },
      },
      {
        id: '21', name: 'Start progress', hasScreen: false, isGlobal: true,
        to: { self: `${SITE}/rest/api/3/status/3`, name: 'In Progress', id: '3', statusCategory: CATEGORY.indeterminate },
        fields: {},
      },
    ],
  };

  it('lists transitions with target status category and screen fields (expand=transitions.fields)', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1/transitions', [200, transitions]);
    const list = await client().issues.transitions('HELP-1', { expandFields: true, includeUnavailable: true });
    expect(calls[0]?.query).toEqual({ expand: 'transitions.fields', includeUnavailableTransitions: 'true' });
    expect(list.map((t) => [t.id, t.to.name, t.to.statusCategory.key])).toEqual([['711', 'Resolved', 'done'], ['21', 'In Progress', 'indeterminate']]);
    const resolve = list[0];
    expect(resolve?.fields?.resolution).toMatchObject({ required: true, allowedValues: [{ id: '10000', name: 'Done' }] });
    expect(Object.entries(resolve?.fields ?? {}).filter(([, field]) => field.required).map(([id]) => id)).toEqual(['resolution']);
  });

  it('sends no expand by default', async () => {
    const calls = route('GET', '/rest/api/3/issue/HELP-1/transitions', [200, { transitions: [] }]);
    await expect(client().issues.transitions('HELP-1')).resolves.toEqual([]);
    expect(calls[0]?.search).toBe('');
  });

  it('POSTs the transition with fields, update and the comment as ADF, and is not retried', async () => {
    const calls = route('POST', '/rest/api/3/issue/HELP-1/transitions', [[503, ''], [204]]);
    await expect(client({ maxRetries: 2 }).issues.transition('HELP-1', {
      transitionId: '711',
      fields: { resolution: { name: 'Done' }, assignee: { accountId: 'acc-1' } },
      update: { labels: [{ add: 'resolved-by-bot' }] },
      comment: 'Fixed by restarting the spooler.',
    })).rejects.toMatchObject({ status: 503 });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.json()).toEqual({
      transition: { id: '711' },
      fields: { resolution: { name: 'Done' }, assignee: { accountId: 'acc-1' } },
      update: {
        labels: [{ add: 'resolved-by-bot' }],
        comment: [{ add: { body: textToAdf('Fixed by restarting the spooler.') } }],
      },
    });
    await client().issues.transition('HELP-1', { transitionId: '21', comment: { body: '_started_', format: 'markdown', visibility: { type: 'role', value: 'Service Desk Team' } } });
    expect(calls[1]?.json()).toEqual({
      transition: { id: '21' },
      update: { comment: [{ add: { body: await markdownToAdf('_started_'), visibility: { type: 'role', value: 'Service Desk Team' } } }] },
    });
  });

  it('refuses a transition without a numeric id', async () => {
    await expect(client().issues.transition('HELP-1', { transitionId: 'Resolve' })).rejects.toMatchObject({ field: 'transitionId' });
  });

  it('refuses a key it would not send instead of dropping it', async () => {
    await expect(client().issues.transition('HELP-1', { transitionId: '5', resolution: { name: 'Done' } } as never))
      .rejects.toMatchObject({ field: 'resolution' });
  });
});
