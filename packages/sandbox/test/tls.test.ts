/**
 * The opt-in TLS listener: certificates made at start (a CA and a server certificate it signs),
 * `https://` URLs and links, and clients that trust `sandbox.ca` — and only those.
 */
import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandboxCertificates } from '../src/certificate.js';
import { SandboxError } from '../src/errors.js';
import { startSandbox, type Sandbox } from '../src/sandbox.js';

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** A GET over HTTPS with node:https, trusting `ca` (or the system's store when undefined). */
function get(url: string, headers: Record<string, string>, ca: string | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(url, { headers, ...(ca === undefined ? {} : { ca }) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    call.on('error', reject);
    call.end();
  });
}

describe('createSandboxCertificates', () => {
  it('makes a CA and a server certificate it signs, for 127.0.0.1, ::1 and localhost', () => {
    const { ca, cert, key } = createSandboxCertificates({ days: 2 });
    const authority = new X509Certificate(ca);
    const server = new X509Certificate(cert);
    expect(authority.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(authority.verify(authority.publicKey)).toBe(true);
    expect(server.verify(authority.publicKey)).toBe(true);
    expect(server.checkIssued(authority)).toBe(true);
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBe('::1');
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkHost('example.com')).toBeUndefined();
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(Date.parse(server.validTo) - Date.parse(server.validFrom)).toBe(2 * 24 * 60 * 60_000);
    expect(Date.parse(server.validFrom)).toBeLessThanOrEqual(Date.now());
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/u);
    expect(createSandboxCertificates().ca).not.toBe(ca);
  });
});

describe('startSandbox({ tls: true })', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ providers: ['jira-cloud'], tickets: 10, tls: true });
  });
  afterAll(() => sb.close());

  const auth = () => {
    const { email = '', apiToken = '' } = sb.credentials['jira-cloud'];
    return { authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}` };
  };

  it('serves https:// URLs, and self links that start with them, to a client that trusts sb.ca', async () => {
    expect(sb.url('jira-cloud')).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/u);
    expect(sb.ca).toMatch(/^-----BEGIN CERTIFICATE-----\n/u);
    const answer = await get(`${sb.url('jira-cloud')}/rest/api/3/project/HELP`, auth(), sb.ca);
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { self: string }).self).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/rest\/api\/3\/project\//u);
    expect(sb.connectorOptions('jira-cloud').baseUrl).toBe(sb.url('jira-cloud'));
  });

  it('is refused by a client that does not trust the CA', async () => {
    await expect(get(`${sb.url('jira-cloud')}/rest/api/3/myself`, auth(), undefined)).rejects.toThrow(/certificate/u);
    const other = createSandboxCertificates().ca;
    await expect(get(`${sb.url('jira-cloud')}/rest/api/3/myself`, auth(), other)).rejects.toThrow(/certificate/u);
  });

  it('logs requests and injects faults as over HTTP', async () => {
    sb.clearRequests();
    sb.faults.inject({ provider: 'jira-cloud', status: 503, times: 1 });
    expect((await get(`${sb.url('jira-cloud')}/rest/api/3/myself`, auth(), sb.ca)).status).toBe(503);
    expect((await get(`${sb.url('jira-cloud')}/rest/api/3/myself`, auth(), sb.ca)).status).toBe(200);
    sb.faults.inject({ provider: 'jira-cloud', reset: true, times: 1 });
    await expect(get(`${sb.url('jira-cloud')}/rest/api/3/myself`, auth(), sb.ca)).rejects.toThrow();
    expect(sb.requests.map((entry) => entry.status)).toEqual([503, 200, 0]);
  });

  it('is off by default, and the option must be a boolean', async () => {
    await using plain = await startSandbox({ providers: ['jira-cloud'], tickets: 5 });
    expect(plain.url('jira-cloud')).toMatch(/^http:\/\//u);
    expect(plain.ca).toBeUndefined();
    await expect(startSandbox({ providers: ['jira-cloud'], tls: 'yes' as unknown as boolean })).rejects.toThrow(SandboxError);
  });
});
