/**
 * ApiResource: a resource method is a path, its options and a schema; the caller's call options
 * are applied, an unknown one is refused before any request, and every error names the provider.
 * Also exercises the nock route recorder of `@itsm/core/testing`.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError, ResponseShapeError } from '../../src/errors.js';
import { createTransport } from '../../src/http/index.js';
import { ApiResource } from '../../src/provider/api-resource.js';
import type { CallOptions } from '../../src/provider/call-options.js';
import { offsetPaginator } from '../../src/provider/offset-paging.js';
import { createRouteRecorder } from '../../src/testing/http-routes.js';
import { failure } from '../../src/testing/failure.js';
import type { Paginator } from '../../src/paginate.js';
import { useNock } from '../http/support.js';

const ORIGIN = 'https://tenant.example';
const route = createRouteRecorder(nock, ORIGIN);

useNock();

const IncidentSchema = z.looseObject({ RecId: z.string(), Subject: z.string() });
const PageSchema = z.looseObject({ value: z.array(IncidentSchema), '@odata.count': z.number().optional() });

interface GetOptions extends CallOptions {
  select?: readonly string[] | undefined;
}

interface ListOptions extends CallOptions {
  pageSize?: number | undefined;
}

class Incidents extends ApiResource {
  async get(recId: string, options: GetOptions = {}) {
    const { select, ...call } = options;
    const query = { $select: this.kit.commaList(select, 'select') };
    return this.send('GET', this.path`/api/odata/businessobject/incidents('${{ recId }}')`, { query, schema: IncidentSchema }, call);
  }

  async remove(recId: string, options?: CallOptions): Promise<void> {
    await this.send('DELETE', this.path`/api/odata/businessobject/incidents('${{ recId }}')`, {}, options);
  }

  async download(recId: string, options?: CallOptions): Promise<Uint8Array> {
    return this.send('GET', this.path`/attachments/${{ recId }}`, { responseType: 'bytes', headers: { accept: '*/*' } }, options);
  }

  list(options: ListOptions = {}): Paginator<z.output<typeof IncidentSchema>, z.output<typeof PageSchema>> {
    const { pageSize, ...rest } = options;
    const size = this.kit.pageSize(pageSize, 100, 100);
    const call = this.callOptions(rest);
    return offsetPaginator(async (start, signal) => {
      const body = await this.send('GET', '/api/odata/businessobject/incidents', { query: { $top: size, $skip: start }, schema: PageSchema, signal }, call);
      return { items: body.value, start, envelope: body };
    }, { pageSize: size });
  }
}

const incidents = () => new Incidents(createTransport({ provider: 'ivanti', baseUrl: ORIGIN, retryDelay: { baseMs: 1, maxMs: 2 } }));

describe('ApiResource', () => {
  it('sends the path, query and schema of the method, with the caller headers under its own', async () => {
    const calls = route('GET', "/api/odata/businessobject/incidents('ABC%2F1')", [200, { RecId: 'ABC', Subject: 'VPN' }]);
    const incident = await incidents().get('ABC/1', { select: ['RecId', 'Subject'], headers: { 'x-trace': 't1' } });
    expect(incident).toEqual({ RecId: 'ABC', Subject: 'VPN' });
    expect(calls[0]?.query).toEqual({ $select: 'RecId,Subject' });
    expect(calls[0]?.headers.get('x-trace')).toBe('t1');
  });

  it('lets the method headers win over the caller', async () => {
    const calls = route('GET', '/attachments/9', [200, 'bytes', { 'content-type': 'application/octet-stream' }]);
    const bytes = await incidents().download('9', { headers: { accept: 'text/html' } });
    expect(new TextDecoder().decode(bytes)).toBe('bytes');
    expect(calls[0]?.headers.get('accept')).toBe('*/*');
  });

  it('refuses an unknown option and a bad segment before any request, naming the provider', async () => {
    const unknown = await failure(incidents().get('ABC', { selcet: ['x'] } as never));
    expect(unknown).toBeInstanceOf(InputError);
    expect(unknown).toMatchObject({ field: 'selcet', provider: 'ivanti' });
    expect(await failure(incidents().get(' '))).toMatchObject({ field: 'recId', provider: 'ivanti' });
    expect(() => incidents().list({ pagesize: 5 } as never)).toThrow(InputError);
  });

  it('names the provider on an InputError of the transport (a bad call option)', async () => {
    const error = await failure(incidents().remove('ABC', { timeout: -1 }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ field: 'options.timeout', provider: 'ivanti' });
  });

  it('returns nothing for a method without schema, and validates a schema', async () => {
    route('DELETE', "/api/odata/businessobject/incidents('ABC')", [204]);
    await expect(incidents().remove('ABC')).resolves.toBeUndefined();
    route('GET', "/api/odata/businessobject/incidents('ABC')", [200, { RecId: 1 }]);
    expect(await failure(incidents().get('ABC'))).toBeInstanceOf(ResponseShapeError);
  });

  it('combines the caller signal with the paginator signal', async () => {
    const controller = new AbortController();
    controller.abort(new Error('caller stopped'));
    await expect(incidents().list({ signal: controller.signal }).toArray({ limit: 1 })).rejects.toThrow('caller stopped');
  });

  it('pages with the call options and hands out each page envelope', async () => {
    const row = (n: number) => ({ RecId: `R${n}`, Subject: `S${n}` });
    const calls = route('GET', '/api/odata/businessobject/incidents', [
      [200, { '@odata.count': 3, value: [row(1), row(2)] }],
      [200, { '@odata.count': 3, value: [row(3)] }],
    ]);
    const pages = [];
    for await (const page of incidents().list({ pageSize: 2, maxRetries: 0 }).pages()) pages.push(page);
    expect(pages.map((page) => page.items.map((item) => item.RecId))).toEqual([['R1', 'R2'], ['R3']]);
    expect(pages.map((page) => page.envelope?.['@odata.count'])).toEqual([3, 3]);
    expect(calls.map((call) => call.query)).toEqual([{ $top: '2', $skip: '0' }, { $top: '2', $skip: '2' }]);
  });
});
