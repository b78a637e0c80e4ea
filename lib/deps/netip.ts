/** Go's `net.ParseIP(...).To4()`-or-16-byte form, as x509 stores IP SANs. */

function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    // Go rejects leading zeros (ambiguous octal) and anything but 1-3 decimal digits.
    if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string): number[] | undefined {
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    s = s.slice(0, lastColon + 1);
    if (!s.endsWith('::')) s = s.slice(0, -1);
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return undefined;
      const n = parseInt(g, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  const head = group(halves[0]);
  const rest = halves.length === 2 ? group(halves[1]) : [];
  if (!head || !rest) return undefined;
  const total = head.length + rest.length + tail.length;
  if (halves.length === 1) return total === 16 ? [...head, ...tail] : undefined;
  if (total > 14) return undefined;
  return [...head, ...new Array(16 - total).fill(0), ...rest, ...tail];
}

/** The IP as x509 encodes it (4 bytes for IPv4 and IPv4-mapped IPv6, else 16); undefined if invalid. */
export function parseIP(s: string): Uint8Array | undefined {
  if (s.includes('.') && !s.includes(':')) {
    const v4 = parseIPv4(s);
    return v4 ? Uint8Array.from(v4) : undefined;
  }
  const v6 = parseIPv6(s);
  if (!v6) return undefined;
  if (v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff) return Uint8Array.from(v6.slice(12));
  return Uint8Array.from(v6);
}
