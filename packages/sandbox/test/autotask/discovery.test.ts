/**
 * Zone and version discovery, and the web pages links point at: answered without authentication.
 */
import { describe, expect, it } from 'vitest';
import { api } from './support/http.js';
import { useAutotaskSandbox } from './support/sandbox.js';

const at = useAutotaskSandbox();
const noAuth = { headers: { UserName: undefined, Secret: undefined, ApiIntegrationCode: undefined } };

describe('zoneInformation', () => {
  it('answers the zone of the API user without authentication, pointing the client at the sandbox', async () => {
    const user = encodeURIComponent(at.sb.credentials.autotask.username ?? '');
    const reply = await at.call('GET', `${api('zoneInformation')}?user=${user}`, noAuth);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ zoneName: 'Sandbox', url: `${at.sb.url('autotask')}/ATServicesRest/`, webUrl: `${at.sb.url('autotask')}/`, ci: at.state.facts.zone.ci });
  });

  it('accepts the path and the user name in any case (apigrate asks for /v1.0/zoneInformation)', async () => {
    const user = (at.sb.credentials.autotask.username ?? '').toLowerCase();
    const reply = await at.call('GET', `/atservicesrest/v1.0/ZONEINFORMATION?user=${encodeURIComponent(user)}`, noAuth);
    expect(reply.status).toBe(200);
  });

  it('answers 500 "Zone information could not be determined" for an unknown or missing user', async () => {
    for (const query of ['?user=nobody%40example.com', '']) {
      const reply = await at.call('GET', `${api('zoneInformation')}${query}`, noAuth);
      expect(reply.status).toBe(500);
      expect(reply.json).toEqual({ errors: ['Zone information could not be determined'] });
    }
  });

  it('is not counted against the hourly threshold and not thread-limited', async () => {
    at.state.settings.threadLimit = 0;
    const user = encodeURIComponent(at.sb.credentials.autotask.username ?? '');
    const reply = await at.call('GET', `${api('zoneInformation')}?user=${user}`, noAuth);
    expect(reply.status).toBe(200);
    expect(at.state.hourly.peek('database').used).toBe(0);
  });

  it('lists V1.0 and V2.0 in versioninformation, but V2.0 serves nothing', async () => {
    expect((await at.call('GET', '/ATServicesRest/versioninformation', noAuth)).json).toEqual({ apiVersions: ['V1.0', 'V2.0'] });
    const v2 = await at.call('GET', `/ATServicesRest/V2.0/zoneInformation?user=${encodeURIComponent(at.sb.credentials.autotask.username ?? '')}`, noAuth);
    expect(v2.status).toBe(404);
    expect(v2.headers.get('content-type')).toMatch(/text\/html/u);
  });
});

describe('web pages', () => {
  it('serves ExecuteCommand ticket links by id and by number, 404 for an unknown ticket', async () => {
    const { openTicket } = at.state.facts;
    const byId = await at.call('GET', `/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=${openTicket.id}`, noAuth);
    expect(byId.status).toBe(200);
    expect(byId.text).toContain(openTicket.ticketNumber);
    const byNumber = await at.call('GET', `/Autotask/AutotaskExtend/ExecuteCommand.aspx?code=OpenTicketDetail&ticketNumber=${openTicket.ticketNumber}`, noAuth);
    expect(byNumber.status).toBe(200);
    expect((await at.call('GET', '/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=1', noAuth)).status).toBe(404);
    expect((await at.call('GET', '/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=NewTicket&AccountID=174', noAuth)).status).toBe(200);
    expect((await at.call('GET', '/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=Nope', noAuth)).status).toBe(404);
  });

  it('serves the client portal pages', async () => {
    const { openTicket } = at.state.facts;
    const detail = await at.call('GET', `/ClientPortal/ServiceTickets/ServiceTicketDetail.aspx?ticketId=${openTicket.id}`, noAuth);
    expect(detail.status).toBe(200);
    expect(detail.headers.get('content-type')).toMatch(/text\/html/u);
    expect((await at.call('GET', '/ClientPortal/ServiceTickets/ServiceTicketDetail.aspx?ticketId=99', noAuth)).status).toBe(404);
    expect((await at.call('GET', '/ClientPortal/ServiceTickets/NewTicket.aspx', noAuth)).status).toBe(200);
  });
});
