/**
 * Shared setup of the client's contract tests: a client against a nock'd site, a recorder of what
 * reached the server, and the checks that no secret leaks.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { JiraCloudClient, type JiraCloudClientOptions } from '../../src/index.js';

export { errorSurface } from '@itsm/core/testing';

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
export interface Seen {
  method: string;
  path: string;
  /** Query parameters (last value wins). */
  query: Record<string, string>;
  /** The raw search string, with its `?`. */
  search: string;
  headers: Headers;
  text: string;
  json(): unknown;
}

/** A reply: status, body, headers. */
export type Reply = [number, unknown?, Record<string, string>?];

/**
 * Expects requests to `method pathname` on `origin` (any query), answering them in order with
 * `replies` (the last one repeats when `times` is larger), and records what arrived.
 */
export function route(
  method: string,
  pathname: string,
  replies: Reply | Reply[] | ((seen: Seen, index: number) => Reply),
  options: { times?: number; origin?: string } = {},
): Seen[] {
  const calls: Seen[] = [];
  const list = typeof replies === 'function' ? undefined : Array.isArray(replies[0]) ? (replies as Reply[]) : [replies as Reply];
  const times = options.times ?? list?.length ?? 1;
  nock(options.origin ?? SITE)
    .intercept((path) => path.split('?')[0] === pathname, method)
    .times(times)
    .reply(async (request: Request) => {
      const url = new URL(request.url);
      const text = await request.text();
      const seen: Seen = {
        method: request.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        search: url.search,
        headers: request.headers,
        text,
        json: () => JSON.parse(text),
      };
      const index = calls.length;
      calls.push(seen);
      const reply = typeof replies === 'function' ? replies(seen, index) : (list?.[Math.min(index, (list?.length ?? 1) - 1)] as Reply);
      const [status, body, headers] = reply;
      return [status, body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body), {
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      }];
    });
  return calls;
}

/** The rejection of a promise that must fail. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}


/** Fails when any form of the API token shows. */
export function expectNoSecret(text: string): void {
  for (const form of [API_TOKEN, encodeURIComponent(API_TOKEN), Buffer.from(API_TOKEN).toString('base64'), BASIC.slice(6)]) {
    expect(text).not.toContain(form);
  }
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
