/**
 * Sprig's `urlParse` / `urlJoin` over a port of Go's net/url parsing and `URL.String()`.
 * Go works on UTF-8 bytes; here each byte is held as one char (a "binary string") until the
 * results are decoded back, so escaping matches Go byte for byte.
 */
import { defineFunc, type FuncMap, quote, quoteBytes, GoError, goMap, kindOf, parseAddr, type GoMap, type GoRelease, type GoValue } from '../go';

type Mode = 'path' | 'pathSegment' | 'host' | 'zone' | 'userPassword' | 'queryComponent' | 'fragment';

const enc = new TextEncoder();
const dec = new TextDecoder();
const toBin = (s: string): string => String.fromCharCode(...enc.encode(s));
const fromBin = (b: string): string => dec.decode(Uint8Array.from(b, (c) => c.charCodeAt(0)));

/** Go's strconv.Quote of a binary string: what Go's error texts show of its bytes. */
const quoteBin = (b: string): string => quoteBytes(Uint8Array.from(b, (c) => c.charCodeAt(0)));

const isAlnum = (c: string): boolean => /[A-Za-z0-9]/.test(c);
const isHex = (c: string | undefined): boolean => c !== undefined && /[0-9A-Fa-f]/.test(c);

function shouldEscape(c: string, mode: Mode): boolean {
  if (isAlnum(c)) return false;
  if ((mode === 'host' || mode === 'zone') && `!$&'()*+,;=:[]<>"`.includes(c)) return false;
  if ('-_.~'.includes(c)) return false;
  if ('$&+,/:;=?@'.includes(c)) {
    switch (mode) {
      case 'path':
        return c === '?';
      case 'pathSegment':
        return '/;,?'.includes(c);
      case 'userPassword':
        return '@/?:'.includes(c);
      case 'queryComponent':
        return true;
      case 'fragment':
        return false;
    }
  }
  if (mode === 'fragment' && '!()*'.includes(c)) return false;
  return true;
}

function escape(s: string, mode: Mode): string {
  let out = '';
  for (const c of s) {
    if (c === ' ' && mode === 'queryComponent') out += '+';
    else if (shouldEscape(c, mode)) out += '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    else out += c;
  }
  return out;
}

function unescape(s: string, mode: Mode): string {
  for (let i = 0; i < s.length; ) {
    if (s[i] === '%') {
      if (i + 2 >= s.length || !isHex(s[i + 1]) || !isHex(s[i + 2])) throw new GoError(`invalid URL escape ${quoteBin(s.slice(i, i + 3))}`);
      const v = parseInt(s.slice(i + 1, i + 3), 16);
      if (mode === 'host' && v >> 4 < 8 && s.slice(i, i + 3) !== '%25') throw new GoError(`invalid URL escape ${quoteBin(s.slice(i, i + 3))}`);
      if (mode === 'zone' && s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscape(String.fromCharCode(v), 'host')) {
        throw new GoError(`invalid URL escape ${quoteBin(s.slice(i, i + 3))}`);
      }
      i += 3;
    } else {
      if ((mode === 'host' || mode === 'zone') && s.charCodeAt(i) < 0x80 && shouldEscape(s[i], mode)) {
        throw new GoError(`invalid character ${quoteBin(s[i])} in host name`);
      }
      i++;
    }
  }
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%') {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (s[i] === '+' && mode === 'queryComponent') out += ' ';
    else out += s[i];
  }
  return out;
}

/** A parsed URL (Go's url.URL); strings are binary (one char per UTF-8 byte). */
/** A parsed URL as Go's net/url holds it (strings as binary strings of UTF-8 bytes). */
export interface GoURL {
  scheme: string;
  opaque: string;
  user?: { username: string; password?: string };
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

const validOptionalPort = (port: string): boolean => port === '' || /^:[0-9]*$/.test(port);

function parseHost(host: string, go: GoRelease): string {
  const open = host.lastIndexOf('[');
  if (go === 'go1.25' && open > 0) throw new GoError('invalid IP-literal');
  if (host.startsWith('[')) {
    const i = host.lastIndexOf(']');
    if (i < 0) throw new GoError("missing ']' in host");
    const colonPort = host.slice(i + 1);
    if (!validOptionalPort(colonPort)) throw new GoError(`invalid port ${quoteBin(colonPort)} after host`);
    const zone = host.slice(0, i).indexOf('%25');
    const inside = zone >= 0 ? unescape(host.slice(1, zone), 'host') + unescape(host.slice(zone, i), 'zone') : unescape(host.slice(1, i), 'host');
    if (go === 'go1.25') {
      // RFC 3986 lets only an IPv6 address (IPv4-mapped included) stand between the brackets.
      let addr;
      try {
        addr = parseAddr(inside, quoteBin);
      } catch (e) {
        throw new GoError(`invalid host: ${(e as Error).message}`);
      }
      if (addr.family === 4) throw new GoError('invalid IP-literal');
    }
    return `[${inside}]${unescape(colonPort, 'host')}`;
  } else {
    const i = host.lastIndexOf(':');
    if (i !== -1 && !validOptionalPort(host.slice(i))) throw new GoError(`invalid port ${quoteBin(host.slice(i))} after host`);
  }
  return unescape(host, 'host');
}

function parseAuthority(authority: string, go: GoRelease): Pick<GoURL, 'user' | 'host'> {
  const i = authority.lastIndexOf('@');
  const host = parseHost(i < 0 ? authority : authority.slice(i + 1), go);
  if (i < 0) return { host };
  const userinfo = authority.slice(0, i);
  if (!/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(userinfo)) throw new GoError('net/url: invalid userinfo');
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { host, user: { username: unescape(userinfo, 'userPassword') } };
  return { host, user: { username: unescape(userinfo.slice(0, colon), 'userPassword'), password: unescape(userinfo.slice(colon + 1), 'userPassword') } };
}

function getScheme(raw: string): [string, string] {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (/[A-Za-z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return ['', raw];
      continue;
    }
    if (c === ':') {
      if (i === 0) throw new GoError('missing protocol scheme');
      return [raw.slice(0, i), raw.slice(i + 1)];
    }
    return ['', raw];
  }
  return ['', raw];
}

function parseRef(raw: string, go: GoRelease): GoURL {
  if ([...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw new GoError('net/url: invalid control character in URL');
  const u: GoURL = { scheme: '', opaque: '', host: '', path: '', rawPath: '', omitHost: false, forceQuery: false, rawQuery: '', fragment: '', rawFragment: '' };
  if (raw === '*') {
    u.path = '*';
    return u;
  }
  let rest: string;
  [u.scheme, rest] = getScheme(raw);
  u.scheme = u.scheme.toLowerCase();
  if (rest.endsWith('?') && rest.split('?').length === 2) {
    u.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) [rest, u.rawQuery] = [rest.slice(0, q), rest.slice(q + 1)];
  }
  if (!rest.startsWith('/')) {
    if (u.scheme !== '') {
      u.opaque = rest;
      return u;
    }
    if (rest.split('/')[0].includes(':')) throw new GoError('first path segment in URL cannot contain colon');
  }
  if ((u.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) [authority, rest] = [authority.slice(0, i), authority.slice(i)];
    Object.assign(u, parseAuthority(authority, go));
  } else if (u.scheme !== '' && rest.startsWith('/')) u.omitHost = true;
  u.path = unescape(rest, 'path');
  u.rawPath = escape(u.path, 'path') === rest ? '' : rest;
  return u;
}

/** Go's `url.Parse` as `go` has it; errors read `parse "<url>": <reason>`. */
export function parseURL(rawInput: string, go: GoRelease): GoURL {
  const raw = toBin(rawInput);
  const hash = raw.indexOf('#');
  const [ref, frag] = hash >= 0 ? [raw.slice(0, hash), raw.slice(hash + 1)] : [raw, ''];
  let u: GoURL;
  try {
    u = parseRef(ref, go);
    if (frag === '') return u;
  } catch (e) {
    throw new GoError(`parse ${quoteBin(ref)}: ${(e as Error).message}`);
  }
  try {
    u.fragment = unescape(frag, 'fragment');
    u.rawFragment = escape(u.fragment, 'fragment') === frag ? '' : frag;
  } catch (e) {
    throw new GoError(`parse ${quote(rawInput)}: ${(e as Error).message}`);
  }
  return u;
}

function validEncoded(s: string, mode: Mode): boolean {
  for (const c of s) if (!`!$&'()*+,;=:@[]%`.includes(c) && shouldEscape(c, mode)) return false;
  return true;
}

function escapedPart(raw: string, decoded: string, mode: Mode): string {
  if (raw !== '' && validEncoded(raw, mode)) {
    try {
      if (unescape(raw, mode) === decoded) return raw;
    } catch {
      // fall through to re-escaping
    }
  }
  return decoded === '*' && mode === 'path' ? '*' : escape(decoded, mode);
}

function userString(user: NonNullable<GoURL['user']>): string {
  let s = escape(user.username, 'userPassword');
  if (user.password !== undefined) s += ':' + escape(user.password, 'userPassword');
  return s;
}

/** Go's `URL.String()`. */
function urlString(u: GoURL): string {
  let buf = '';
  if (u.scheme) buf += u.scheme + ':';
  if (u.opaque) buf += u.opaque;
  else {
    if (u.scheme || u.host || u.user) {
      if (!(u.omitHost && !u.host && !u.user)) {
        if (u.host || u.path || u.user) buf += '//';
        if (u.user) buf += userString(u.user) + '@';
        if (u.host) buf += escape(u.host, 'host');
      }
    }
    const path = escapedPart(u.rawPath, u.path, 'path');
    if (path && path[0] !== '/' && u.host) buf += '/';
    if (buf === '' && path.split('/')[0].includes(':')) buf += './';
    buf += path;
  }
  if (u.forceQuery || u.rawQuery) buf += '?' + u.rawQuery;
  if (u.fragment) buf += '#' + escapedPart(u.rawFragment, u.fragment, 'fragment');
  return buf;
}

function hostname(host: string): string {
  let h = host;
  const colon = h.lastIndexOf(':');
  if (colon !== -1 && validOptionalPort(h.slice(colon))) h = h.slice(0, colon);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

/** Sprig's `urlParse`: a dict of scheme, host, hostname, path, query, opaque, fragment, userinfo. */
export function urlParse(s: string, go: GoRelease): GoMap {
  let u: GoURL;
  try {
    u = parseURL(s, go);
  } catch (e) {
    throw new GoError(`unable to parse url: ${(e as Error).message}`);
  }
  return goMap({
    scheme: fromBin(u.scheme),
    host: fromBin(u.host),
    hostname: fromBin(hostname(u.host)),
    path: fromBin(u.path),
    query: fromBin(u.rawQuery),
    opaque: fromBin(u.opaque),
    fragment: fromBin(u.fragment),
    userinfo: u.user ? fromBin(userString(u.user)) : '',
  });
}

function dictString(d: GoMap, key: string): string {
  const v: GoValue = d.get(key);
  if (v === undefined) return '';
  if (typeof v !== 'string') {
    const kind = kindOf(v);
    throw new GoError(`unable to parse ${key} key, must be of type string, but ${kind === 'invalid' ? 'invalid' : kind} found`);
  }
  return toBin(v);
}

/** Sprig's `urlJoin`: builds a URL string from a `urlParse`-shaped dict. */
export function urlJoin(d: GoMap): string {
  const u: GoURL = {
    scheme: dictString(d, 'scheme'),
    host: dictString(d, 'host'),
    path: dictString(d, 'path'),
    rawQuery: dictString(d, 'query'),
    opaque: dictString(d, 'opaque'),
    fragment: dictString(d, 'fragment'),
    rawPath: '',
    rawFragment: '',
    omitHost: false,
    forceQuery: false,
  };
  const userinfo = dictString(d, 'userinfo');
  if (userinfo !== '') {
    try {
      // The host is fixed and bracket-free: every Go release parses it alike.
      u.user = parseURL(fromBin(`proto://${userinfo}@host`), 'go1.25').user;
    } catch (e) {
      throw new GoError(`unable to parse userinfo in dict: ${(e as Error).message}`);
    }
  }
  return fromBin(urlString(u));
}

/** Sprig's URL functions, keyed by template name, over the url.Parse of Go release `go`. */
export function urlFuncs(go: GoRelease): FuncMap {
  return {
    urlParse: defineFunc('urlParse', ['string'], (s: string) => urlParse(s, go)),
    urlJoin: defineFunc('urlJoin', ['map[string]interface {}'], urlJoin),
  };
}
