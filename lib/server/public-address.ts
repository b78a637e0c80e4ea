/**
 * Which IP addresses the chart material route may connect to: public unicast only. The route
 * fetches URLs a page names, so without this rule anyone who can load the page could make the
 * server read its own loopback services, the private network it sits in or a cloud metadata
 * endpoint. The rule applies to the address a name resolved to, not to the name.
 */
import { isIPv4, isIPv6 } from 'node:net';

interface Range {
  bytes: number[];
  bits: number;
  what: string;
}

function v4(cidr: string, what: string): Range {
  const [addr, bits] = cidr.split('/');
  return { bytes: addr.split('.').map(Number), bits: Number(bits), what };
}

function v6(cidr: string, what: string): Range {
  const [addr, bits] = cidr.split('/');
  return { bytes: [...parseIPv6(addr)!], bits: Number(bits), what };
}

// IANA's special-purpose registries, plus the metadata addresses clouds serve from public space.
const V4_REFUSED: Range[] = [
  v4('0.0.0.0/8', 'a "this network" address'),
  v4('10.0.0.0/8', 'a private address'),
  v4('100.64.0.0/10', 'a carrier-grade NAT address'),
  v4('127.0.0.0/8', 'a loopback address'),
  v4('169.254.0.0/16', 'a link-local address (cloud metadata lives there)'),
  v4('172.16.0.0/12', 'a private address'),
  v4('192.0.0.0/24', 'an IETF protocol address'),
  v4('192.0.2.0/24', 'a documentation address'),
  v4('192.88.99.0/24', 'a 6to4 relay address'),
  v4('192.168.0.0/16', 'a private address'),
  v4('198.18.0.0/15', 'a benchmarking address'),
  v4('198.51.100.0/24', 'a documentation address'),
  v4('203.0.113.0/24', 'a documentation address'),
  v4('224.0.0.0/4', 'a multicast address'),
  v4('240.0.0.0/4', 'a reserved address'),
  v4('168.63.129.16/32', 'a cloud metadata address'),
];

// Only global unicast (2000::/3) is reachable at all; these are the special parts of it.
const V6_GLOBAL = v6('2000::/3', 'not a global unicast address');
const V6_REFUSED: Range[] = [
  v6('2001::/23', 'an IETF protocol address (Teredo and others)'),
  v6('2001:db8::/32', 'a documentation address'),
  v6('3fff::/20', 'a documentation address'),
];
// Prefixes that carry an IPv4 address in their low bits: the IPv4 address decides.
const V4_MAPPED = v6('::ffff:0:0/96', '');
const NAT64 = v6('64:ff9b::/96', '');
const SIX_TO_FOUR = v6('2002::/16', '');

function inRange(bytes: ArrayLike<number>, r: Range): boolean {
  for (let bit = 0; bit < r.bits; bit += 8) {
    const take = Math.min(8, r.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8] & mask) !== (r.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

/** The 16 bytes of an IPv6 address (with an optional dotted IPv4 tail), or null. */
export function parseIPv6(text: string): Uint8Array | null {
  const address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIPv6(address)) return null;
  let groups: string[];
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  let head = address;
  const extra: string[] = [];
  if (tail) {
    const [a, b, c, d] = tail[1].split('.').map(Number);
    extra.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
    head = address.slice(0, -tail[1].length);
    if (head.endsWith(':') && !head.endsWith('::')) head = head.slice(0, -1);
  }
  if (head.includes('::')) {
    const [left, right] = head.split('::');
    const l = left ? left.split(':') : [];
    const r = [...(right ? right.split(':') : []), ...extra];
    groups = [...l, ...Array(8 - l.length - r.length).fill('0'), ...r];
  } else {
    groups = [...head.split(':'), ...extra];
  }
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const n = parseInt(g, 16);
    out[i * 2] = n >> 8;
    out[i * 2 + 1] = n & 0xff;
  });
  return out;
}

function v4Refusal(bytes: ArrayLike<number>): string | null {
  return V4_REFUSED.find((r) => inRange(bytes, r))?.what ?? null;
}

/**
 * Why the route must not connect to `address` (an IP literal), or null when it is a public
 * unicast address. Anything that is not an IP address is refused too.
 */
export function addressRefusal(address: string): string | null {
  if (isIPv4(address)) return v4Refusal(address.split('.').map(Number));
  const bytes = parseIPv6(address);
  if (!bytes) return 'not an IP address';
  if (inRange(bytes, V4_MAPPED) || inRange(bytes, NAT64)) {
    const refusal = v4Refusal(bytes.subarray(12));
    return refusal && `${refusal} (inside an IPv6 address)`;
  }
  if (inRange(bytes, SIX_TO_FOUR)) {
    const refusal = v4Refusal(bytes.subarray(2, 6));
    return refusal && `${refusal} (inside a 6to4 address)`;
  }
  if (!inRange(bytes, V6_GLOBAL)) {
    if (bytes.every((b, i) => b === (i === 15 ? 1 : 0))) return 'a loopback address';
    if (inRange(bytes, v6('fe80::/10', ''))) return 'a link-local address';
    if (inRange(bytes, v6('fc00::/7', ''))) return 'a private (unique local) address';
    return V6_GLOBAL.what;
  }
  return V6_REFUSED.find((r) => inRange(bytes, r))?.what ?? null;
}
