import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { JiraCloudClient, type JiraCloudClientOptions } from '../../src/index.js';
import { API_TOKEN, BASIC, EMAIL, SITE, client, errorSurface, expectNoSecret, route, useNock } from './support.js';

useNock();

function inputError(options: Partial<JiraCloudClientOptions> & Record<string, unknown>): InputError {
  try {
    new JiraCloudClient({ email: EMAIL, apiToken: API_TOKEN, baseUrl: SITE, ...options } as JiraCloudClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('client options', () => {
  it.each([
    [{ email: undefined }, 'email'],
    [{ email: '  ' }, 'email'],
    [{ email: 'not-an-email' }, 'email'],
    [{ email: 'a:b@example.com' }, 'email'],
    [{ apiToken: '' }, 'apiToken'],
    [{ apiToken: undefined }, 'apiToken'],
    [{ baseUrl: undefined }, 'baseUrl'],
    [{ baseUrl: 'acme.atlassian.net' }, 'baseUrl'],
    [{ baseUrl: 'http://acme.atlassian.net' }, 'baseUrl'],
    [{ baseUrl: 'ftp://acme.atlassian.net' }, 'baseUrl'],
    [{ baseUrl: 'https://user:pw@acme.atlassian.net' }, 'baseUrl'],
    [{ baseUrl: 'https://acme.atlassian.net/rest/api/3' }, 'baseUrl'],
    [{ baseUrl: 'https://acme.atlassian.net/?x=1' }, 'baseUrl'],
    [{ cloudId: '../admin' }, 'cloudId'],
    [{ cloudId: 'abc', gatewayUrl: 'http://api.atlassian.com' }, 'gatewayUrl'],
    [{ gatewayUrl: 'https://gateway.example' }, 'gatewayUrl'],
    [{ timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    [{ auth: () => undefined }, 'auth'],
    [{ describeError: () => undefined }, 'describeError'],
    [{ timeout: -1 }, 'timeout'],
  ])('refuses %j with an InputError naming %s', (options, field) => {
    const error = inputError(options as Record<string, unknown>);
    expect(error.field).toBe(field);
    expect(error.provider).toBe('jira-cloud');
  });

  it('never shows the token in an option error', () => {
    const error = inputError({ baseUrl: 'not a url' });
    expect(error.message).not.toContain(API_TOKEN);
  });

  it('never echoes a URL option that holds the token or other credentials', () => {
    for (const field of ['baseUrl', 'gatewayUrl'] as const) {
      const extra = field === 'gatewayUrl' ? { cloudId: 'abc' } : {};
      for (const value of [API_TOKEN, `${EMAIL}:${API_TOKEN}@acme.atlassian.net`, `bot:pass-word-1@acme.atlassian.net`]) {
        const error = inputError({ ...extra, [field]: value });
        expect(error.field).toBe(field);
        expectNoSecret(errorSurface(error));
        expect(errorSurface(error)).not.toContain('pass-word-1');
      }
    }
  });

  it('refuses a token with white space around it, without showing it', () => {
    const error = inputError({ apiToken: `${API_TOKEN}\n` });
    expect(error.field).toBe('apiToken');
    expect(error.message).toContain('line break');
    expectNoSecret(errorSurface(error));
  });

  it('names an unknown option instead of ignoring it', () => {
    expect(inputError({ timout: 5_000 }).field).toBe('timout');
    expect(inputError({ apitoken: API_TOKEN }).field).toBe('apitoken');
    expectNoSecret(errorSurface(inputError({ apitoken: API_TOKEN })));
  });

  it('accepts http only for loopback hosts (local simulators)', async () => {
    for (const baseUrl of ['http://localhost:8080', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'http://jira.localhost']) {
      expect(client({ baseUrl }).baseUrl).toBe(baseUrl);
    }
    route('GET', '/rest/api/3/myself', [200, { accountId: 'a', displayName: 'Bot', active: true, timeZone: 'UTC' }], {
      origin: 'http://localhost:8080',
    });
    await expect(client({ baseUrl: 'http://localhost:8080/' }).myself()).resolves.toMatchObject({ accountId: 'a' });
  });

  it('with cloudId, talks to https://api.atlassian.com/ex/jira/{cloudId} with the same Basic auth', async () => {
    const cloudId = '11223344-a1b2-3b33-c444-def123456789';
    const calls = route('GET', `/ex/jira/${cloudId}/rest/api/3/myself`, [200, {
      accountId: 'svc-1', displayName: 'Service account', active: true, timeZone: 'America/Danmarkshavn',
    }], { origin: 'https://api.atlassian.com' });
    const jira = client({ baseUrl: undefined, cloudId });
    expect(jira.baseUrl).toBe(`https://api.atlassian.com/ex/jira/${cloudId}`);
    await expect(jira.myself()).resolves.toMatchObject({ accountId: 'svc-1' });
    expect(calls[0]?.headers.get('authorization')).toBe(BASIC);
  });

  it('with cloudId and baseUrl, requests go through the gateway and links use the site', async () => {
    route('GET', '/ex/jira/abc/rest/api/3/myself', [200, { accountId: 'a', displayName: 'Bot', active: true, timeZone: 'UTC' }], {
      origin: 'https://api.atlassian.com',
    });
    const jira = client({ cloudId: 'abc' });
    await jira.myself();
    await expect(jira.browseUrl('HELP-1')).resolves.toBe(`${SITE}/browse/HELP-1`);
  });

  it('a gatewayUrl points cloudId requests at a simulator', async () => {
    route('GET', '/ex/jira/abc/rest/api/3/myself', [200, { accountId: 'a', displayName: 'Bot', active: true, timeZone: 'UTC' }], {
      origin: 'http://127.0.0.1:9999',
    });
    const jira = client({ baseUrl: undefined, cloudId: 'abc', gatewayUrl: 'http://127.0.0.1:9999' });
    await expect(jira.myself()).resolves.toMatchObject({ accountId: 'a' });
  });

  it('sends the Basic header built from UTF-8 bytes, and the configured headers and user agent', async () => {
    const calls = route('GET', '/rest/api/3/myself', [200, { accountId: 'a', displayName: 'B', active: true, timeZone: 'UTC' }]);
    await client({ email: 'bøt@acme.example', userAgent: 'helpdesk-bot/1.0', headers: { 'x-extra': 'yes' } }).myself();
    expect(calls[0]?.headers.get('authorization')).toBe(`Basic ${Buffer.from(`bøt@acme.example:${API_TOKEN}`, 'utf8').toString('base64')}`);
    expect(calls[0]?.headers.get('user-agent')).toBe('helpdesk-bot/1.0');
    expect(calls[0]?.headers.get('x-extra')).toBe('yes');
    expect(calls[0]?.headers.get('accept')).toBe('application/json');
  });
});
