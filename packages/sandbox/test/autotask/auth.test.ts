/**
 * Authentication as Autotask checks it: user name (500 zone message), secret (401), integration code
 * (500), header names in any case, impersonation.
 */
import { describe, expect, it } from 'vitest';
import { api } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();
const path = api('Companies/0');

describe('authentication', () => {
  it('accepts the three headers in any case', async () => {
    const { username = '', secret = '', trackingId = '' } = at.sb.credentials.autotask;
    const reply = await at.call('GET', path, { headers: { UserName: undefined, Secret: undefined, ApiIntegrationCode: undefined, username, SECRET: secret, ApiIntegrationcode: trackingId } });
    expect(reply.status).toBe(200);
    expect(reply.body<{ item: { id: number } }>().item.id).toBe(0);
  });

  it('answers 401 without a user name', async () => {
    const reply = await at.call('GET', path, { headers: { UserName: undefined } });
    expect(reply.status).toBe(401);
  });

  it('answers 500 "Zone information could not be determined" for an unknown user name', async () => {
    const reply = await at.call('GET', path, { headers: { UserName: 'someone@else.example' } });
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual({ errors: ['Zone information could not be determined'] });
  });

  it('answers 401 with an empty body for a wrong or missing secret', async () => {
    for (const secret of ['wrong', undefined]) {
      const reply = await at.call('GET', path, { headers: { Secret: secret } });
      expect(reply.status).toBe(401);
      expect(reply.text).toBe('');
    }
  });

  it('answers 500 "IntegrationCode is invalid." for a wrong or missing integration code', async () => {
    for (const code of ['NOPE', undefined]) {
      const reply = await at.call('GET', path, { headers: { ApiIntegrationCode: code } });
      expect(reply.status).toBe(500);
      expect(reply.json).toEqual({ errors: ['IntegrationCode is invalid.'] });
    }
  });

  it('checks the user name before the secret, and the secret before the integration code', async () => {
    expect((await at.call('GET', path, { headers: { UserName: 'x@y.example', Secret: 'wrong', ApiIntegrationCode: 'NOPE' } })).status).toBe(500);
    expect((await at.call('GET', path, { headers: { Secret: 'wrong', ApiIntegrationCode: 'NOPE' } })).status).toBe(401);
  });

  it('does not count refused requests against the hourly threshold', async () => {
    await at.call('GET', path, { headers: { Secret: 'wrong' } });
    expect(at.state.hourly.peek('database').used).toBe(0);
  });
});

describe('impersonation', () => {
  const ticket = (queueID: number) => ({ companyID: at.state.facts.company.id, title: 'Impersonated', status: 1, priority: 2, queueID });

  it('makes the impersonated resource the creator, with the API user as impersonator', async () => {
    const { agent, apiUser, queue } = at.state.facts;
    const created = await at.call('POST', api('Tickets'), { json: ticket(queue.id), headers: { ImpersonationResourceId: String(agent.id) } });
    expect(created.status).toBe(200);
    const { itemId } = created.body<{ itemId: number }>();
    const stored = at.state.tables.Tickets.get(itemId);
    expect(stored?.creatorResourceID).toBe(agent.id);
    expect(stored?.impersonatorCreatorResourceID).toBe(apiUser.resourceId);
  });

  it('refuses an unknown, inactive or API-only resource', async () => {
    const { inactiveAgent, apiUser, queue } = at.state.facts;
    for (const id of ['123', String(inactiveAgent.id), String(apiUser.resourceId), 'abc']) {
      const reply = await at.call('POST', api('Tickets'), { json: ticket(queue.id), headers: { ImpersonationResourceId: id } });
      expect(reply.status, id).toBe(500);
      expect(reply.body<{ errors: string[] }>().errors[0]).toMatch(/ImpersonationResourceId/u);
    }
  });
});
