import { describe, expect, it } from 'vitest';
import { WEB, ZONE, client, fixedClient, useNock, zoneRoute } from './support.js';

useNock();

describe('links', () => {
  it('open tickets, contacts and companies in the zone\'s web UI through ExecuteCommand', async () => {
    zoneRoute();
    const links = client().links;
    const base = `${WEB}/Autotask/AutotaskExtend/ExecuteCommand.aspx`;
    expect(await links.ticket(29684321)).toBe(`${base}?Code=OpenTicketDetail&TicketID=29684321`);
    expect(await links.ticketByNumber('T20260105.0042')).toBe(`${base}?Code=OpenTicketDetail&TicketNumber=T20260105.0042`);
    expect(await links.newTicket()).toBe(`${base}?Code=NewTicket`);
    expect(await links.newTicket({ companyId: 174 })).toBe(`${base}?Code=NewTicket&AccountID=174`);
    expect(await links.contact(5)).toBe(`${base}?Code=OpenContact&ContactID=5`);
    expect(await links.company(0)).toBe(`${base}?Code=OpenAccount&AccountID=0`);
    await expect(links.ticket('1 OR 1=1')).rejects.toMatchObject({ field: 'ticketId' });
  });

  it('open the client portal\'s ticket and new-ticket pages on the portal origin', () => {
    const links = fixedClient({ portalUrl: 'https://acme.itclientportal.com/' }).links;
    expect(links.hasPortal).toBe(true);
    expect(links.portalTicket(29684321)).toBe('https://acme.itclientportal.com/ClientPortal/ServiceTickets/ServiceTicketDetail.aspx?ticketId=29684321');
    expect(links.portalNewTicket()).toBe('https://acme.itclientportal.com/ClientPortal/ServiceTickets/NewTicket.aspx');
    const none = fixedClient().links;
    expect(none.hasPortal).toBe(false);
    expect(() => none.portalNewTicket()).toThrow(/portalUrl is not set/);
  });

  it('derive the web UI from a webservicesN base URL', async () => {
    expect(await fixedClient({ baseUrl: 'https://webservices14.autotask.net/ATServicesRest' }).links.ticket(1)).toMatch(/^https:\/\/ww14\.autotask\.net\//);
    expect(ZONE).toMatch(/webservices5/);
  });
});
