/**
 * Go's net/netip.ParseAddr (the same parser in Go 1.23 and 1.25) and net.ParseIP over it, with
 * netip's error texts: `ParseAddr("1.2.3"): IPv4 address too short`. Only what validators ask
 * is kept of the address: its family, zone and whether it is IPv4-mapped.
 */
import { quote } from './strconv/quote';

export interface NetipAddr {
  /** 4 for a dotted IPv4, 6 for IPv6 (IPv4-mapped included). */
  family: 4 | 6;
  zone: string;
  /** An IPv6 address in ::ffff:0:0/96 (Addr.Is4In6). */
  is4In6: boolean;
}

/** How the error text quotes the input: Go's strconv.Quote of its bytes. */
type Quote = (s: string) => string;

class ParseAddrError extends Error {
  constructor(q: Quote, input: string, msg: string, at = '') {
    super(`ParseAddr(${q(input)}): ${msg}${at ? ` (at ${q(at)})` : ''}`);
  }
}

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** parseIPv4Fields: the four octets of in[off, end), no leading zeros. */
function ipv4Fields(input: string, off: number, end: number, q: Quote): number[] {
  const s = input.slice(off, end);
  const fields: number[] = [];
  let val = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) {
      if (digits === 1 && val === 0) throw new ParseAddrError(q, input, 'IPv4 field has octet with leading zero');
      val = val * 10 + c - 0x30;
      digits++;
      if (val > 255) throw new ParseAddrError(q, input, 'IPv4 field has value >255');
    } else if (s[i] === '.') {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') throw new ParseAddrError(q, input, 'IPv4 field must have at least one digit', s.slice(i));
      if (fields.length === 3) throw new ParseAddrError(q, input, 'IPv4 address too long');
      fields.push(val);
      val = 0;
      digits = 0;
    } else {
      throw new ParseAddrError(q, input, 'unexpected character', s.slice(i));
    }
  }
  if (fields.length < 3) throw new ParseAddrError(q, input, 'IPv4 address too short');
  fields.push(val);
  return fields;
}

function hexValue(c: number): number {
  if (isDigitCode(c)) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

function parseIPv6(input: string, q: Quote): NetipAddr {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct !== -1) {
    [s, zone] = [s.slice(0, pct), s.slice(pct + 1)];
    if (zone === '') throw new ParseAddrError(q, input, 'zone must be a non-empty string');
  }
  const ip = new Array<number>(16).fill(0);
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return { family: 6, zone, is4In6: false };
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const h = hexValue(s.charCodeAt(off));
      if (h < 0) break;
      acc = acc * 16 + h;
      if (off > 3) throw new ParseAddrError(q, input, 'each group must have 4 or less digits', s);
      if (acc > 0xffff) throw new ParseAddrError(q, input, 'IPv6 field has value >=2^16', s);
    }
    if (off === 0) throw new ParseAddrError(q, input, 'each colon-separated field must have at least one digit', s);
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) throw new ParseAddrError(q, input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      if (i + 4 > 16) throw new ParseAddrError(q, input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      const end = input.length - (zone.length > 0 ? zone.length + 1 : 0);
      ip.splice(i, 4, ...ipv4Fields(input, end - s.length, end, q));
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s === '') break;
    if (s[0] !== ':') throw new ParseAddrError(q, input, 'unexpected character, want colon', s);
    if (s.length === 1) throw new ParseAddrError(q, input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) throw new ParseAddrError(q, input, 'multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') throw new ParseAddrError(q, input, 'trailing garbage after address', s);
  if (i < 16) {
    if (ellipsis < 0) throw new ParseAddrError(q, input, 'address string too short');
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    ip.fill(0, ellipsis, ellipsis + n);
  } else if (ellipsis >= 0) {
    throw new ParseAddrError(q, input, 'the :: must expand to at least one field of zeros');
  }
  const is4In6 = ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
  return { family: 6, zone, is4In6 };
}

/**
 * netip.ParseAddr: the address, or an Error with netip's text. `q` quotes for that text; callers
 * holding UTF-8 bytes as a binary string pass a quote of bytes.
 */
export function parseAddr(s: string, q: Quote = quote): NetipAddr {
  for (const ch of s) {
    if (ch === '.') {
      ipv4Fields(s, 0, s.length, q);
      return { family: 4, zone: '', is4In6: false };
    }
    if (ch === ':') return parseIPv6(s, q);
    if (ch === '%') throw new ParseAddrError(q, s, 'missing IPv6 address');
  }
  throw new ParseAddrError(q, s, 'unable to parse IP');
}

/** net.ParseIP: netip.ParseAddr without a zone; null where Go returns nil. */
export function parseIP(s: string): NetipAddr | null {
  try {
    const a = parseAddr(s);
    return a.zone === '' ? a : null;
  } catch {
    return null;
  }
}
