/**
 * `verifyAccess()` when the API user is set up wrong: each failure says what is wrong and how an
 * administrator fixes it, and the checks that need it are not run.
 */
import { startSandbox, type Sandbox } from '@itsm/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOTASK_ACCESS_CHECKS, createAutotaskConnector, createZoneCache, type AutotaskConnectorOptions } from '../../src/index.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ providers: ['autotask'] });
});
afterAll(() => sb.close());

async function report(overrides: Partial<AutotaskConnectorOptions>) {
  const connector = createAutotaskConnector({ ...sb.connectorOptions('autotask'), zoneCache: createZoneCache(), ...overrides } as AutotaskConnectorOptions);
  const result = await connector.verifyAccess();
  return { result, check: (id: string) => result.checks.find((check) => check.id === id) };
}

describe('verifyAccess()', { timeout: 30_000 }, () => {
  it('runs every check, in order', async () => {
    const { result } = await report({});
    expect(result.checks.map((check) => check.id)).toEqual([...AUTOTASK_ACCESS_CHECKS]);
    expect(result.checks.find((check) => check.id === 'statuses')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/No active status maps to closed/) });
  });

  it('a user name Autotask cannot place fails the zone check, and nothing else is checked', async () => {
    const { result, check } = await report({ username: 'nobody@nowhere.example' });
    expect(result.ok).toBe(false);
    expect(check('zone')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/Username \(Key\)/) });
    expect(check('credentials')).toMatchObject({ status: 'warn', detail: "Not checked: the API user's zone was not found." });
    expect(check('tickets')?.status).toBe('warn');
  });

  it('a wrong secret fails the credentials check, with how to generate a new one', async () => {
    const { check } = await report({ secret: 'not-the-secret' });
    expect(check('zone')?.status).toBe('pass');
    expect(check('credentials')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/Generate Secret/) });
    expect(JSON.stringify(check('credentials'))).not.toContain('not-the-secret');
  });

  it('a wrong tracking identifier fails the credentials check, naming the API Tracking Identifier section', async () => {
    const { check } = await report({ trackingId: 'NOTTHETRACKINGID' });
    expect(check('credentials')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/tracking identifier/), fix: expect.stringMatching(/API Tracking Identifier section/) });
  });

  it("a queue or default the tenant does not have fails the configuration check, listing the tenant's values", async () => {
    const { check } = await report({ queueId: 12345, defaults: { priority: 'Whenever' } });
    const configuration = check('configuration');
    expect(configuration?.status).toBe('fail');
    expect(configuration?.detail).toMatch(/queueId/);
    expect(configuration?.detail).toMatch(/defaults\.priority/);
    expect(configuration?.detail).toMatch(/Level I Support/);
  });

  it('without portalUrl, warns that client-portal links cannot be made', async () => {
    const { portalUrl: _portal, ...options } = sb.connectorOptions('autotask');
    const connector = createAutotaskConnector({ ...options, zoneCache: createZoneCache() });
    const portal = (await connector.verifyAccess()).checks.find((check) => check.id === 'portal');
    expect(portal).toMatchObject({ status: 'warn', fix: expect.stringMatching(/portalUrl/) });
  });

  it('a statusMap that maps a status to closed makes every category reachable, and an unknown key is named', async () => {
    const mapped = await report({ statusMap: { 'On Hold': 'closed' } });
    expect(mapped.check('statuses')?.status).toBe('pass');
    const unknown = await report({ statusMap: { 'On Hold': 'closed', Archived: 'closed' } });
    expect(unknown.check('statuses')).toMatchObject({ status: 'warn', detail: expect.stringMatching(/does not have: Archived/) });
  });
});
