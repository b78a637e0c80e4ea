/** Minimal DER (ASN.1) encoding/decoding and PEM framing, as Go's encoding/asn1 and encoding/pem emit them. */
import { concatBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';

/** A decoded TLV: tag byte, content bytes and (for constructed types) children. */
export interface Der {
  readonly tag: number;
  readonly content: Uint8Array;
  /** The whole TLV, header included. */
  readonly raw: Uint8Array;
}


/** Encodes one TLV. */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  let header: number[];
  if (n < 0x80) header = [tag, n];
  else {
    const len: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) len.unshift(v & 0xff);
    header = [tag, 0x80 | len.length, ...len];
  }
  return concatBytes(Uint8Array.from(header), content);
}

export const seq = (...items: Uint8Array[]): Uint8Array => tlv(0x30, concatBytes(...items));
export const set = (...items: Uint8Array[]): Uint8Array => tlv(0x31, concatBytes(...items));
export const nullDer = (): Uint8Array => Uint8Array.of(0x05, 0x00);
export const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const bitString = (b: Uint8Array, unused = 0): Uint8Array => tlv(0x03, concatBytes(Uint8Array.of(unused), b));
export const bool = (v: boolean): Uint8Array => Uint8Array.of(0x01, 0x01, v ? 0xff : 0x00);
/** Context-specific tag `[n]`, constructed (EXPLICIT or IMPLICIT of a constructed type) or primitive. */
export const ctx = (n: number, content: Uint8Array, constructed = true): Uint8Array => tlv((constructed ? 0xa0 : 0x80) | n, content);

/** Big-endian magnitude of a non-negative bigint (at least one byte). */
export function bigToBytes(v: bigint, length?: number): Uint8Array {
  let hex = v.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const raw = Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
  if (length === undefined || raw.length >= length) return raw;
  const out = new Uint8Array(length);
  out.set(raw, length - raw.length);
  return out;
}

export function bytesToBig(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

/** INTEGER (non-negative values, minimal two's complement). */
export function int(v: bigint | number): Uint8Array {
  let b = bigToBytes(BigInt(v));
  if (b[0] & 0x80) b = concatBytes(Uint8Array.of(0), b);
  return tlv(0x02, b);
}

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Uint8Array.from(out));
}

export function oidString(content: Uint8Array): string {
  const parts = [Math.floor(content[0] / 40), content[0] % 40];
  let v = 0;
  for (const b of content.slice(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** Decodes the TLV at `offset`; throws on truncation. */
export function readDer(bytes: Uint8Array, offset = 0): Der & { end: number } {
  if (offset + 2 > bytes.length) throw new Error('truncated');
  const tag = bytes[offset];
  let len = bytes[offset + 1];
  let p = offset + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > bytes.length) throw new Error('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[p + i];
    p += n;
  }
  if (p + len > bytes.length) throw new Error('truncated');
  return { tag, content: bytes.subarray(p, p + len), raw: bytes.subarray(offset, p + len), end: p + len };
}

/** The children of a constructed TLV's content. */
export function children(content: Uint8Array): Der[] {
  const out: Der[] = [];
  for (let o = 0; o < content.length; ) {
    const d = readDer(content, o);
    out.push(d);
    o = d.end;
  }
  return out;
}

/** Go's `pem.EncodeToMemory`: 64-column base64 body, `\n` line ends. */
export function pemEncode(type: string, der: Uint8Array): string {
  const b64 = base64.encode(der);
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n';
  return `-----BEGIN ${type}-----\n${body}-----END ${type}-----\n`;
}

/** Go's `pem.Decode` (first block; headers skipped); undefined when there is none. */
export function pemDecode(text: string): { type: string; bytes: Uint8Array } | undefined {
  const re = /(?:^|\n)-----BEGIN ([^\n]*?)-----[ \t]*\r?\n([\s\S]*?)(?:^|\n)-----END \1-----/gm;
  for (const m of text.matchAll(re)) {
    const lines = m[2].split('\n');
    const headerEnd = lines.findIndex((l) => l.trim() === '');
    const body = (lines.some((l) => l.includes(':')) && headerEnd >= 0 ? lines.slice(headerEnd + 1) : lines).join('').replace(/[\s]/g, '');
    try {
      return { type: m[1], bytes: base64.decode(body) };
    } catch {
      continue;
    }
  }
  return undefined;
}
