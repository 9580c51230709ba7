import { InputError } from '@itsm/core';
import { describe, expect, it } from 'vitest';
import { AutotaskClient, type AutotaskClientOptions } from '../../src/index.js';
import { SECRET, TRACKING_ID, USERNAME } from './support.js';

const valid: AutotaskClientOptions = { username: USERNAME, secret: SECRET, trackingId: TRACKING_ID };

function refusal(options: Record<string, unknown>): InputError {
  try {
    new AutotaskClient(options as unknown as AutotaskClientOptions);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('client options', () => {
  it('are checked before any request, naming the option and the provider', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...valid, username: ' ' }, 'username', /is required/],
      [{ ...valid, secret: undefined }, 'secret', /is required/],
      [{ ...valid, secret: `${SECRET}\n` }, 'secret', /white space/],
      [{ ...valid, trackingId: 'A B' }, 'trackingId', /white space/],
      [{ ...valid, baseUrl: 'http://webservices5.autotask.net/ATServicesRest' }, 'baseUrl', /https/],
      [{ ...valid, baseUrl: `https://${USERNAME.replace('@', ':x@')}webservices5.autotask.net` }, 'baseUrl', /credentials/],
      [{ ...valid, portalUrl: 'https://portal.example.com/ClientPortal' }, 'portalUrl', /bare origin/],
      [{ ...valid, zoneLookupUrl: 'not a url' }, 'zoneLookupUrl', /absolute URL/],
      [{ ...valid, impersonationResourceId: 'x' }, 'impersonationResourceId', /number/],
      [{ ...valid, limits: { threadsPerEndpoint: 0 } }, 'limits.threadsPerEndpoint', /./],
      [{ ...valid, limits: { thread: 3 } }, 'limits.thread', /not a known field/],
      [{ ...valid, limits: { budgetStore: {} } }, 'limits.budgetStore', /BudgetStore/],
      [{ ...valid, zoneCache: new Map() }, 'zoneCache', /ZoneCache/],
      [{ ...valid, apiKey: 'x' }, 'apiKey', /not a known option/],
      [{ ...valid, auth: () => undefined }, 'auth', /set by AutotaskClient/],
      [{ ...valid, readOnlyPosts: [] }, 'readOnlyPosts', /set by AutotaskClient/],
      [{ ...valid, timeout: -1 }, 'timeout', /positive/],
    ];
    for (const [options, field, message] of cases) {
      const error = refusal(options);
      expect(error.field, field).toBe(field);
      expect(error.provider).toBe('autotask');
      expect(error.message, field).toMatch(message);
      expect(error.message).not.toContain(SECRET);
    }
  });

  it('accept the transport options the client passes on', () => {
    expect(() => new AutotaskClient({ ...valid, timeout: 5_000, maxRetries: 1, userAgent: 'bot/1', gates: [], headers: { 'X-Trace': '1' } })).not.toThrow();
  });
});
