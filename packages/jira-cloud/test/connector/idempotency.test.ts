/**
 * Against the Jira sandbox: creates whose answer is lost, the faults of the issue that reported it
 * (a reset before the server read the create, a broken body after it made the issue), and idempotency
 * keys given by the caller — for platform issues (the key rides on the create) and Jira Service
 * Management requests (the key is stored right after).
 */
import { IncompleteCreateError, OutcomeUnknownError, ResponseShapeError, type Ticket } from '@itsm/core';
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJiraConnector, type JiraConnector } from '../../src/index.js';

let sb: Sandbox;
let requester: string;

beforeAll(async () => {
  sb = await startSandbox({ providers: ['jira-cloud'], tickets: 20 });
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.reset();
  requester = sb.state('jira-cloud').facts.knownRequester.email;
});

/** A connector on the sandbox: JSM unless `platform`; quick look-ups after a lost answer. */
function connector(kind: 'platform' | 'jsm'): JiraConnector {
  const { serviceDeskId, requestTypeId, ...options } = sb.connectorOptions('jira-cloud');
  return createJiraConnector({ ...options, ...(kind === 'jsm' ? { serviceDeskId, requestTypeId } : {}), lookupDelaysMs: [0, 20, 40] });
}

const CREATE = { platform: '/rest/api/3/issue', jsm: '/rest/servicedeskapi/request' } as const;

/** The issues of the project whose summary is `subject`, from the simulator's state. */
function issuesWithSummary(subject: string): { id: number; key: string }[] {
  return [...sb.state('jira-cloud').issues.values()].filter((issue) => issue.summary === subject);
}

function requestsTo(method: string, path: string | RegExp): number {
  return sb.requests.filter((entry) => entry.method === method && (typeof path === 'string' ? entry.path === path : path.test(entry.path))).length;
}

describe('a platform create whose answer is lost', () => {
  it('is found again and returned when the server made the issue but its answer broke', async () => {
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: CREATE.platform, body: '{"id": "1', times: 1 });
    const ticket = await connector('platform').tickets.create({ subject: 'Broken answer', requester });
    expect(ticket.subject).toBe('Broken answer');
    expect(issuesWithSummary('Broken answer')).toEqual([expect.objectContaining({ key: ticket.key })]);
    expect(requestsTo('POST', CREATE.platform)).toBe(1);
  });

  it('gives an OutcomeUnknownError when the connection was reset before the server read it, and the same key then makes it once', async () => {
    const jira = connector('platform');
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: CREATE.platform, reset: true, times: 1 });
    const error = await jira.tickets.create({ subject: 'Reset', requester }, { idempotencyKey: 'chat-100' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ provider: 'jira-cloud', outcome: 'unknown', operation: 'tickets.create', idempotencyKey: 'chat-100', failure: { name: 'ConnectionError' } });
    expect((error as OutcomeUnknownError).recovery).toMatch(/after 3 look-ups .*same idempotencyKey/);
    expect(issuesWithSummary('Reset')).toEqual([]);
    const again = await jira.tickets.create({ subject: 'Reset', requester }, { idempotencyKey: 'chat-100' });
    const once = await jira.tickets.create({ subject: 'Reset', requester }, { idempotencyKey: 'chat-100' });
    expect(once.id).toBe(again.id);
    expect(issuesWithSummary('Reset')).toHaveLength(1);
    expect(requestsTo('POST', CREATE.platform)).toBe(2); // the reset one, which made nothing, and the one that made it
  });
});

describe('idempotency keys given by the caller', () => {
  it('look for the key before writing (one search), and never make a second ticket', async () => {
    const jira = connector('platform');
    sb.clearRequests();
    const first = await jira.tickets.create({ subject: 'Keyed', requester }, { idempotencyKey: 'job-7' });
    const searchesBefore = requestsTo('POST', '/rest/api/3/search/jql');
    expect(searchesBefore).toBe(1);
    const second: Ticket = await jira.tickets.create({ subject: 'Keyed, changed', requester, status: 'resolved' }, { idempotencyKey: 'job-7' });
    expect(second.id).toBe(first.id);
    expect(second.status.category).toBe('open'); // returned as it is, nothing repeated
    expect(requestsTo('POST', CREATE.platform)).toBe(1);
    expect(sb.state('jira-cloud').issues.get(Number(first.id))?.properties).toContainEqual({ key: 'itsm.idempotency', value: { key: 'job-7' } });
  });

  it('are stored right after a Jira Service Management request, and recognised from then on', async () => {
    const jira = connector('jsm');
    const first = await jira.tickets.create({ subject: 'Keyed request', requester }, { idempotencyKey: 'job-8' });
    const second = await jira.tickets.create({ subject: 'Keyed request', requester }, { idempotencyKey: 'job-8' });
    expect(second.id).toBe(first.id);
    expect(requestsTo('POST', CREATE.jsm)).toBe(1);
    expect(requestsTo('PUT', /^\/rest\/api\/3\/issue\/\d+\/properties\/itsm\.idempotency$/)).toBe(1);
  });

  it('do not make a second comment', async () => {
    const jira = connector('jsm');
    const ticket = await jira.tickets.create({ subject: 'Commented', requester });
    const first = await jira.comments.add(ticket.id, { body: 'On it', visibility: 'internal' }, { idempotencyKey: 'note-1' });
    const second = await jira.comments.add(ticket.key, { body: 'On it', visibility: 'internal' }, { idempotencyKey: 'note-1' });
    expect(second).toMatchObject({ id: first.id, visibility: 'internal' });
    expect(sb.state('jira-cloud').issues.get(Number(ticket.id))?.comments.filter((comment) => comment.properties.some((p) => p.key === 'itsm.idempotency'))).toHaveLength(1);
  });
});

describe('a Jira Service Management create whose answer is lost', () => {
  it('says the request may exist and how to find it, since requests cannot carry the key', async () => {
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: CREATE.jsm, reset: true, times: 1 });
    const error = await connector('jsm').tickets.create({ subject: 'Lost request', requester }, { idempotencyKey: 'job-9' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    const recovery = (error as OutcomeUnknownError).recovery;
    expect(recovery).toContain('only after the create answered');
    expect(recovery).toMatch(/summary "Lost request" among those found by the JQL project = "?HELP"? AND reporter = "[^"]+" AND created >= "\d{4}-\d{2}-\d{2} \d{2}:\d{2}"/);
    expect(requestsTo('POST', '/rest/api/3/search/jql')).toBe(1); // the look-up for the key given, before the write; none after
  });

  it('keeps the error of an answer that broke after the request was made: it says the request exists', async () => {
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: CREATE.jsm, body: '{"issueId": ', times: 1 });
    const error = await connector('jsm').tickets.create({ subject: 'Broken request answer', requester }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ResponseShapeError);
    expect(error).toMatchObject({ outcome: 'applied' });
    expect(issuesWithSummary('Broken request answer')).toHaveLength(1);
  });

  it('says the request exists when storing its key fails', async () => {
    sb.faults.inject({ provider: 'jira-cloud', method: 'PUT', path: /\/properties\/itsm\.idempotency$/, status: 403, body: { errorMessages: ['no'] } });
    const error = await connector('jsm').tickets.create({ subject: 'Unkeyed', requester }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IncompleteCreateError);
    expect((error as IncompleteCreateError).step).toBe('recording its idempotency key (issue property itsm.idempotency)');
    expect(issuesWithSummary('Unkeyed')).toHaveLength(1);
  });
});

describe('a comment whose answer is lost', () => {
  it('is found again among the issue’s comments and returned', async () => {
    const jira = connector('platform');
    const ticket = await jira.tickets.create({ subject: 'Lost comment', requester });
    sb.faults.inject({ provider: 'jira-cloud', method: 'POST', path: /\/rest\/api\/3\/issue\/[^/]+\/comment$/, body: '<html>', times: 1 });
    const comment = await jira.comments.add(ticket.id, { body: 'Restarted the VPN gateway' });
    expect(comment.body).toBe('Restarted the VPN gateway');
    expect(sb.state('jira-cloud').issues.get(Number(ticket.id))?.comments).toHaveLength(1);
  });
});

describe('the lookupDelaysMs option', () => {
  it('is checked', () => {
    const options = sb.connectorOptions('jira-cloud');
    for (const lookupDelaysMs of [[], [-1], [60_001], Array(21).fill(0), ['1']]) {
      expect(() => createJiraConnector({ ...options, lookupDelaysMs: lookupDelaysMs as number[] })).toThrow(
        expect.objectContaining({ name: 'InputError', field: expect.stringMatching(/^lookupDelaysMs/), provider: 'jira-cloud' }),
      );
    }
  });
});
