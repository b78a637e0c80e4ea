/**
 * jsonschema v6's URI formats over Go 1.25's url.Parse (Sprig's port of net/url; helm 4.1.4 is built
 * with go1.25.9, whose url.Parse already refuses a bracketed host that is not IPv6): `uri`/`iri` must be
 * absolute, `uri-reference`/`iri-reference` must not hold a backslash, `uri-template` must pair
 * its braces in each path segment. An IPv6 host must be bracketed and pass the `ipv6` check.
 */
import { parseURL, type GoURL } from '../../../sprig';

/** url.URL.Hostname(): the host without its port and brackets. */
function hostname(u: GoURL): string {
  let host = u.host;
  const colon = host.lastIndexOf(':');
  if (colon !== -1 && /^:[0-9]*$/.test(host.slice(colon))) host = host.slice(0, colon);
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function parse(s: string, ipv6: (s: string) => string | null): GoURL | string {
  let u: GoURL;
  try {
    u = parseURL(s, 'go1.25');
  } catch (e) {
    return (e as Error).message;
  }
  const host = hostname(u);
  if (host.includes(':')) {
    if (!u.host.includes('[') || !u.host.includes(']')) return 'ipv6 address not enclosed in brackets';
    const e = ipv6(host);
    if (e) return `invalid ipv6 address: ${e}`;
  }
  return u;
}

/** The reason `s` is not a valid URI `format`, or null. */
export function checkUriFormat(format: 'uri' | 'iri' | 'uri-reference' | 'iri-reference' | 'uri-template', s: string, ipv6: (s: string) => string | null): string | null {
  if ((format === 'uri-reference' || format === 'iri-reference') && s.includes('\\')) return 'contains \\';
  const u = parse(s, ipv6);
  if (typeof u === 'string') return u;
  if (format === 'uri' || format === 'iri') return u.scheme === '' ? 'relative url' : null;
  if (format !== 'uri-template') return null;
  for (const raw of u.rawPath.split('/')) {
    const tok = raw.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    let want = true;
    for (const ch of tok) {
      if (ch !== '{' && ch !== '}') continue;
      if ((ch === '{') !== want) return 'nested curly braces';
      want = !want;
    }
    if (!want) return 'no matching closing brace';
  }
  return null;
}
