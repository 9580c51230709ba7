import { describe, expect, it } from 'vitest';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 30 });

describe('direct links', () => {
  it('opens the login page for a request offering link, naming the offering it leads to', async () => {
    const { laptopOffering } = ctx.state.facts;
    const link = `/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=${laptopOffering.templateRecId}`;
    const reply = await ctx.call('GET', link, { auth: false });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^text\/html/);
    expect(reply.text).toContain(`Request Offering: ${laptopOffering.name} (${laptopOffering.templateRecId})`);
    const documented = await ctx.call('GET', `/Default.aspx?Scope=SelfService&CommandId=New&Tab=ServiceCatalog&Template=${laptopOffering.templateRecId}`, { auth: false });
    expect(documented.text).toContain(laptopOffering.name);
    // A cloud-style link without the prefix reaches the same page on a /HEAT tenant.
    const cloud = await ctx.call('GET', `/?Scope=SelfService&CommandId=NewServiceRequestByOfferingId&Tab=ServiceCatalog&Template=${laptopOffering.templateRecId}`, { auth: false, prefix: '' });
    expect(cloud.text).toContain(`Request Offering: ${laptopOffering.name}`);
  });

  it('names a ticket a record link opens, and nothing for a link to nothing', async () => {
    const { closedIncident } = ctx.state.facts;
    const reply = await ctx.call('GET', `/Default.aspx?Scope=SelfService&CommandId=Open&Tab=Incident%23&ItemId=${closedIncident.recId}`, { auth: false });
    expect(reply.text).toContain(`Incident ${closedIncident.recId}`);
    const nothing = await ctx.call('GET', '/Default.aspx?Template=FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', { auth: false });
    expect(nothing.text).not.toContain('After signing in');
  });
});
