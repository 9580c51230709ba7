/**
 * Shared setup of the client's contract tests: a client against a nock'd site, a recorder of what
 * reached the server, and the checks that no secret leaks.
 */
import nock from 'nock';
import { assertNoSecret, createRouteRecorder, type RouteReply, type SeenRequest } from '@itsm/core/testing';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { JiraCloudClient, type JiraCloudClientOptions } from '../../src/index.js';

export { errorSurface, failure } from '@itsm/core/testing';

export const SITE = 'https://acme.atlassian.net';
export const EMAIL = 'helpdesk-bot@acme.example';
export const API_TOKEN = 'ATATT3xFfGF0-secret-token-9Qz81xYw';
export const BASIC = `Basic ${Buffer.from(`${EMAIL}:${API_TOKEN}`).toString('base64')}`;

/** A client with fast retries and a fixed time zone unless told otherwise. */
export function client(options: Partial<JiraCloudClientOptions> = {}): JiraCloudClient {
  return new JiraCloudClient({
    baseUrl: SITE,
    email: EMAIL,
    apiToken: API_TOKEN,
    retryDelay: { baseMs: 1, maxMs: 2 },
    ...options,
  });
}

/** What one request looked like when it reached the server. */
export type Seen = SeenRequest;

/** A reply: status, body, headers. */
export type Reply = RouteReply;

/**
 * Expects requests to `method pathname` on the site (or `options.origin`; any query), answering
 * them in order with `replies` (the last one repeats when `times` is larger), and records what arrived.
 */
export const route = createRouteRecorder(nock, SITE);

/** Fails when any form of the API token (or of the Basic credentials) shows. */
export function expectNoSecret(text: string): void {
  assertNoSecret(text, [API_TOKEN, BASIC.slice('Basic '.length)]);
}

/** nock on, real network off, every mock used. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}

/** A status category as Jira sends it. */
export const CATEGORY = {
  new: { self: `${SITE}/rest/api/3/statuscategory/2`, id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { self: `${SITE}/rest/api/3/statuscategory/4`, id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { self: `${SITE}/rest/api/3/statuscategory/3`, id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

/** An issue as Jira sends it. */
export function issueBody(key: string, id: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id,
    self: `${SITE}/rest/api/3/issue/${id}`,
    key,
    fields: {
      summary: `Summary of ${key}`,
      status: { self: `${SITE}/rest/api/3/status/3`, id: '3', name: 'In Progress', statusCategory: CATEGORY.indeterminate },
      ...fields,
    },
  };
}
