import { describe, expect, it } from 'vitest';
import { useIvantiSandbox } from './support/sandbox.js';

const ctx = useIvantiSandbox({ tickets: 30 });

describe('the /HEAT prefix', () => {
  it('serves the API under /HEAT by default, and the login page (200, HTML) without it', async () => {
    expect(ctx.state.settings.basePath).toBe('/HEAT');
    const withPrefix = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=1', { prefix: '/HEAT' });
    expect(withPrefix.status).toBe(200);
    const without = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=1', { prefix: '' });
    expect(without.status).toBe(200);
    expect(without.headers.get('content-type')).toMatch(/^text\/html/);
    expect(without.text).toContain('Ivanti Service Manager - Login');
    expect(without.json).toBeUndefined();
  });

  it('accepts the prefix in any case, as IIS does', async () => {
    const reply = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=1', { prefix: '/heat' });
    expect(reply.status).toBe(200);
  });

  it('answers a 404 HTML page under /HEAT on a tenant without the prefix', async () => {
    ctx.state.settings.basePath = '';
    const prefixed = await ctx.call('GET', '/api/odata/incidents/$metadata', { prefix: '/HEAT', headers: { accept: 'application/xml' } });
    expect(prefixed.status).toBe(404);
    expect(prefixed.headers.get('content-type')).toMatch(/^text\/html/);
    const plain = await ctx.call('GET', '/api/odata/incidents/$metadata', { prefix: '', headers: { accept: 'application/xml' } });
    expect(plain.status).toBe(200);
    expect(plain.text).toContain('<edmx:Edmx');
  });

  it('writes the prefix into @odata.context', async () => {
    const heat = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=1');
    expect(heat.body<{ '@odata.context': string }>()['@odata.context']).toBe(`${ctx.sb.url('ivanti')}/HEAT/api/odata/$metadata#incidents`);
    ctx.state.settings.basePath = '';
    const bare = await ctx.call('GET', '/api/odata/businessobject/incidents?$top=1');
    expect(bare.body<{ '@odata.context': string }>()['@odata.context']).toBe(`${ctx.sb.url('ivanti')}/api/odata/$metadata#incidents`);
  });

  it('supports the probe a client runs: $metadata as XML under each candidate, checking for CSDL', async () => {
    const probe = async (prefix: string) => {
      const reply = await ctx.call('GET', '/api/odata/incidents/$metadata', { prefix, headers: { accept: 'application/xml' } });
      return reply.status === 200 && reply.text.includes('<edmx:Edmx');
    };
    expect([await probe('/HEAT'), await probe('')]).toEqual([true, false]);
    ctx.state.settings.basePath = '';
    expect([await probe('/HEAT'), await probe('')]).toEqual([false, true]);
  });
});

describe('$metadata', () => {
  it('describes the graph: fields, relationships, quick actions and saved searches with their ActionIds', async () => {
    const reply = await ctx.call('GET', '/api/odata/incidents/$metadata', { headers: { accept: 'application/xml' } });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = reply.text;
    expect(xml).toContain('<Property Name="Symptom" Type="Edm.String"/>');
    expect(xml).toContain('<Property Name="LastModDateTime" Type="Edm.DateTimeOffset"/>');
    expect(xml).toContain('<NavigationProperty Name="IncidentContainsJournal" Type="Collection(MetaData.journal)"/>');
    const saved = /<Function Name="([^"]+)">[\s\S]*?<Parameter Name="ActionId"[\s\S]*?<PropertyValue Property="DefaultValue" String="([^"]+)"/.exec(xml);
    expect(saved?.[1]).toBe('My_Open_Incidents');
    expect(saved?.[2]).toMatch(/^[0-9a-f-]{36}$/);
    // Only the root carries relationships.
    expect(xml).toContain('<EntityType Name="journal">');
    expect(xml.split('<NavigationProperty').length - 1).toBe(4);
  });

  it('answers 500 when asked for JSON, as Ivanti fails to negotiate CSDL into JSON', async () => {
    const reply = await ctx.call('GET', '/api/odata/incidents/$metadata', { headers: { accept: 'application/json' } });
    expect(reply.status).toBe(500);
    expect(reply.body<{ code: string; message: string[] }>()).toMatchObject({ code: 'ISM_5000' });
    expect(reply.body<{ message: string[] }>().message[0]).toMatch(/^Unhandled system exception: \{&quot;error&quot;/);
  });

  it('invents an empty entity type for an unknown set, and 404s the obvious roots', async () => {
    const unknown = await ctx.call('GET', '/api/odata/nonexistents/$metadata', { headers: { accept: 'application/xml' } });
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('<EntityType Name="nonexistent"/>');
    for (const path of ['/api/odata/$metadata', '/api/odata/businessobject/$metadata']) {
      const reply = await ctx.call('GET', path, { headers: { accept: 'application/xml' } });
      expect(reply.status).toBe(404);
      expect(reply.body<{ code: string }>().code).toBe('ISM_4004');
    }
  });
});
