/**
 * Just enough ASN.1 DER to write an X.509 certificate (`certificate.ts`): tag-length-value triples
 * with definite lengths, and the universal types a certificate uses. Encoding only; Node's
 * `crypto.X509Certificate` reads the result.
 *
 * @module
 */

/** A DER value: tag, length and contents. */
export type Der = Buffer;

function length(size: number): Buffer {
  if (size < 0x80) return Buffer.from([size]);
  const bytes: number[] = [];
  for (let rest = size; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A value with the given tag byte and contents. */
export function tlv(tag: number, contents: Uint8Array): Der {
  return Buffer.concat([Buffer.from([tag]), length(contents.byteLength), contents]);
}

/** `SEQUENCE { … }`. */
export function sequence(...items: readonly Der[]): Der {
  return tlv(0x30, Buffer.concat(items));
}

/** `SET { … }`. */
export function set(...items: readonly Der[]): Der {
  return tlv(0x31, Buffer.concat(items));
}

/** A non-negative `INTEGER` from its big-endian bytes (a leading zero is added when the high bit is set). */
export function unsignedInteger(bytes: Uint8Array): Der {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  const trimmed = Buffer.from(bytes.subarray(start));
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

/** A small non-negative `INTEGER`. */
export function smallInteger(value: number): Der {
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return unsignedInteger(Buffer.from(bytes.length === 0 ? [0] : bytes));
}

/** An `OBJECT IDENTIFIER` from its dotted form, e.g. `2.5.4.3`. */
export function objectIdentifier(dotted: string): Der {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const groups: number[] = [];
    for (let value = arc; ; value = Math.floor(value / 128)) {
      groups.unshift(value % 128);
      if (value < 128) break;
    }
    bytes.push(...groups.map((group, index) => (index < groups.length - 1 ? group | 0x80 : group)));
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** `BOOLEAN`. */
export function boolean(value: boolean): Der {
  return tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
}

/** `UTF8String`. */
export function utf8String(text: string): Der {
  return tlv(0x0c, Buffer.from(text, 'utf8'));
}

/** `OCTET STRING`. */
export function octetString(bytes: Uint8Array): Der {
  return tlv(0x04, bytes);
}

/** `BIT STRING` of whole bytes, or with `unusedBits` low bits of the last byte unused. */
export function bitString(bytes: Uint8Array, unusedBits = 0): Der {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

/** An instant as X.509 writes it: `UTCTime` (`YYMMDDHHMMSSZ`) up to 2049, `GeneralizedTime` after. */
export function time(date: Date): Der {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(digits.slice(2), 'ascii')) : tlv(0x18, Buffer.from(digits, 'ascii'));
}

/** A context-specific tag `[n]` wrapping a whole value (EXPLICIT). */
export function explicit(tagNumber: number, value: Der): Der {
  return tlv(0xa0 | tagNumber, value);
}

/** A context-specific primitive tag `[n]` replacing a value's own tag (IMPLICIT), with these contents. */
export function implicit(tagNumber: number, contents: Uint8Array): Der {
  return tlv(0x80 | tagNumber, contents);
}
