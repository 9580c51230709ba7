/**
 * `comments.list()` and `attachments.list()`: every page of comments by `startAt`/`total`, mapped
 * with the issue id, UTC times and visibility; a missing ticket is a `NotFoundError` from both.
 */
import { NotFoundError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { createJiraConnector, textToAdf, type JiraConnectorOptions } from '../../src/index.js';
import { API_TOKEN, EMAIL, SITE, failure, issueBody, route, useNock } from '../client/support.js';

useNock();

function connector(options: Partial<JiraConnectorOptions> = {}) {
  return createJiraConnector({ baseUrl: SITE, email: EMAIL, apiToken: API_TOKEN, timeZone: 'UTC', projectKey: 'HELP', ...options } as JiraConnectorOptions);
}

const comment = (n: number) => ({
  id: String(20_000 + n),
  body: textToAdf(`Comment ${n}`),
  author: { accountId: 'acc-ann', displayName: 'Ann' },
  created: '2026-01-01T10:00:00.000+0100',
  ...(n % 2 ? { jsdPublic: false } : {}),
});

const NOT_FOUND = [404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} }] as const;

describe('comments.list', () => {
  it('reads every page by startAt until total, oldest first, with the issue id and UTC times', async () => {
    route('GET', '/rest/api/3/issue/HELP-1', [200, issueBody('HELP-1', '10001')]);
    const calls = route('GET', '/rest/api/3/issue/10001/comment', [
      [200, { startAt: 0, maxResults: 100, total: 150, comments: Array.from({ length: 100 }, (_, n) => comment(n)) }],
      [200, { startAt: 100, maxResults: 100, total: 150, comments: Array.from({ length: 50 }, (_, n) => comment(100 + n)) }],
    ]);
    const comments = await connector().comments.list('HELP-1').toArray({ limit: Infinity });
    expect(calls.map((call) => call.query)).toEqual([
      { startAt: '0', maxResults: '100', orderBy: 'created' },
      { startAt: '100', maxResults: '100', orderBy: 'created' },
    ]);
    expect(comments).toHaveLength(150);
    expect(new Set(comments.map((item) => item.id)).size).toBe(150);
    expect(comments[1]).toMatchObject({ id: '20001', ticketId: '10001', body: 'Comment 1', visibility: 'internal', createdAt: '2026-01-01T09:00:00.000Z' });
    expect(comments[0]?.visibility).toBe('public');
  });

  it('is a NotFoundError for a ticket that does not exist, by key or by id', async () => {
    route('GET', '/rest/api/3/issue/HELP-404', [...NOT_FOUND]);
    route('GET', '/rest/api/3/issue/404/comment', [...NOT_FOUND]);
    expect(await failure(connector().comments.list('HELP-404').toArray({ limit: 1 }))).toBeInstanceOf(NotFoundError);
    expect(await failure(connector().comments.list('404').toArray({ limit: 1 }))).toBeInstanceOf(NotFoundError);
  });
});

describe('attachments.list', () => {
  it('maps the issue\'s attachments with UTC times, and is a NotFoundError for a missing ticket', async () => {
    route('GET', '/rest/api/3/issue/HELP-1', [200, issueBody('HELP-1', '10001', {
      attachment: [{ id: '30000', filename: 'log.txt', size: 12, mimeType: 'text/plain', created: '2026-01-01T10:00:00.000+0100' }],
    })]);
    route('GET', '/rest/api/3/issue/HELP-404', [...NOT_FOUND]);
    expect(await connector().attachments.list('HELP-1').toArray({ limit: 10 })).toEqual([{
      provider: 'jira-cloud', id: '30000', ticketId: '10001', filename: 'log.txt', size: 12, contentType: 'text/plain',
      createdAt: '2026-01-01T09:00:00.000Z', raw: expect.objectContaining({ id: '30000' }),
    }]);
    expect(await failure(connector().attachments.list('HELP-404').toArray({ limit: 1 }))).toBeInstanceOf(NotFoundError);
  });
});
