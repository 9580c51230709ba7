/**
 * The sandbox's TLS certificates, made at start without network access: a throwaway certificate
 * authority and a server certificate it signs for `127.0.0.1`, `::1` and `localhost`, both on
 * ECDSA P-256 keys from `crypto.generateKeyPairSync`, written as X.509 v3 with the small DER
 * encoder of `der.ts`. A client trusts the sandbox by trusting the CA (`sandbox.ca`) — the server
 * certificate is what it sees, as with a real site.
 *
 * Node has no certificate builder; libraries that have one (`selfsigned`, `@peculiar/x509`) bring a
 * dozen dependencies (ASN.1 schemas, a DI container that needs `reflect-metadata`), more than the
 * ~150 lines these two certificates take.
 *
 * @module
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIPv4 } from 'node:net';
import {
  bitString,
  boolean,
  explicit,
  implicit,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  time,
  unsignedInteger,
  utf8String,
  type Der,
} from './der.js';

/** PEM key and certificates of the sandbox's TLS listener. */
export interface SandboxCertificates {
  /** The certificate authority, PEM: what a client trusts. */
  readonly ca: string;
  /** The server certificate, PEM, signed by the CA. */
  readonly cert: string;
  /** The server's private key, PEM (PKCS #8). */
  readonly key: string;
}

/** Options of {@link createSandboxCertificates}. */
export interface CertificateOptions {
  /** The hosts and IP addresses the server certificate is for. Default `127.0.0.1`, `::1`, `localhost`. */
  readonly hosts?: readonly string[];
  /** The first instant the certificates are valid (default: an hour ago, for clocks that lag). */
  readonly notBefore?: Date;
  /** How long they are valid, in days (default 30). */
  readonly days?: number;
}

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  subjectAltName: '2.5.29.17',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

interface KeyPair {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
}

function name(commonName: string): Der {
  return sequence(set(sequence(objectIdentifier(OID.organization), utf8String('@itsm/sandbox'))), set(sequence(objectIdentifier(OID.commonName), utf8String(commonName))));
}

function extension(oid: string, critical: boolean, value: Der): Der {
  return critical ? sequence(objectIdentifier(oid), boolean(true), octetString(value)) : sequence(objectIdentifier(oid), octetString(value));
}

/** The key identifier of a public key: the SHA-1 of its `subjectPublicKey` bits (RFC 5280, 4.2.1.2, method 1). */
function keyIdentifier(publicKey: KeyObject): Buffer {
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  // For a P-256 key the SPKI ends with the 65-byte uncompressed point.
  return createHash('sha1').update(spki.subarray(spki.length - 65)).digest();
}

/** A subjectAltName entry: an IP address (`[7]`) or a DNS name (`[2]`). */
function altName(host: string): Der {
  if (isIPv4(host)) return implicit(7, Buffer.from(host.split('.').map(Number)));
  if (host.includes(':')) return implicit(7, ipv6Bytes(host));
  return implicit(2, Buffer.from(host, 'ascii'));
}

function ipv6Bytes(address: string): Buffer {
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return Buffer.from(groups.flatMap((group) => [Number.parseInt(group, 16) >> 8, Number.parseInt(group, 16) & 0xff]));
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/gu) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

interface CertificateSpec {
  readonly subject: string;
  readonly issuer: string;
  readonly keys: KeyPair;
  readonly signer: KeyPair;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: readonly Der[];
}

function certificate(spec: CertificateSpec): Buffer {
  const algorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])),
    algorithm,
    name(spec.issuer),
    sequence(time(spec.notBefore), time(spec.notAfter)),
    name(spec.subject),
    spec.keys.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence(...spec.extensions)),
  );
  const signature = sign('sha256', tbs, { key: spec.signer.privateKey, dsaEncoding: 'der' });
  return sequence(tbs, algorithm, bitString(signature));
}

/**
 * A new certificate authority and a server certificate it signs.
 *
 * @example
 * ```ts
 * const { ca, cert, key } = createSandboxCertificates();
 * https.createServer({ cert, key }, handler);
 * https.request('https://127.0.0.1:8443/', { ca });
 * ```
 */
export function createSandboxCertificates(options: CertificateOptions = {}): SandboxCertificates {
  const hosts = options.hosts ?? ['127.0.0.1', '::1', 'localhost'];
  const notBefore = options.notBefore ?? new Date(Date.now() - 60 * 60_000);
  const notAfter = new Date(notBefore.getTime() + (options.days ?? 30) * 24 * 60 * 60_000);
  const curve = { namedCurve: 'prime256v1' } as const;
  const caKeys: KeyPair = generateKeyPairSync('ec', curve);
  const serverKeys: KeyPair = generateKeyPairSync('ec', curve);
  const caId = keyIdentifier(caKeys.publicKey);
  const authority = 'itsm sandbox CA';
  const ca = certificate({
    subject: authority,
    issuer: authority,
    keys: caKeys,
    signer: caKeys,
    notBefore,
    notAfter,
    extensions: [
      extension(OID.basicConstraints, true, sequence(boolean(true), smallInteger(0))),
      // keyCertSign (bit 5) and cRLSign (bit 6): 0b0000011 with one unused bit.
      extension(OID.keyUsage, true, bitString(Buffer.from([0x06]), 1)),
      extension(OID.subjectKeyIdentifier, false, octetString(caId)),
    ],
  });
  const server = certificate({
    subject: hosts[0] ?? 'localhost',
    issuer: authority,
    keys: serverKeys,
    signer: caKeys,
    notBefore,
    notAfter,
    extensions: [
      extension(OID.basicConstraints, true, sequence()),
      // digitalSignature (bit 0), with seven unused bits.
      extension(OID.keyUsage, true, bitString(Buffer.from([0x80]), 7)),
      extension(OID.extendedKeyUsage, false, sequence(objectIdentifier(OID.serverAuth))),
      extension(OID.subjectAltName, false, sequence(...hosts.map(altName))),
      extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(serverKeys.publicKey))),
      extension(OID.authorityKeyIdentifier, false, sequence(implicit(0, caId))),
    ],
  });
  return {
    ca: pem('CERTIFICATE', ca),
    cert: pem('CERTIFICATE', server),
    key: serverKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
