/**
 * gojsonschema v1.2.0's format checkers (Helm 3.17, built with go1.23.7), each over the Go call it
 * makes: time.Parse layouts for dates and times, net/mail.ParseAddress for emails, net.ParseIP for
 * addresses, url.Parse for URIs. Unknown formats pass; a known format given a number fails
 * (gojsonschema hands the checker a float64, and each checker wants a string).
 */
import { parseGoTime, parseIP, parseMailAddress } from '../../../go';
import { parseURL } from '../../../sprig';
import { goRegexp } from './go-regexp';

const succeeds = (f: () => unknown): boolean => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};

const parsesAs = (layouts: string[], s: string): boolean => layouts.some((layout) => succeeds(() => parseGoTime(layout, s, 'UTC')));

const HOSTNAME = /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]))*$/;

/** `^([^{]*({[^}]*})?)*$`: each `{` outside braces is closed by a later `}`. */
function bracesClosed(path: string): boolean {
  let open = false;
  for (const ch of path) {
    if (!open && ch === '{') open = true;
    else if (open && ch === '}') open = false;
  }
  return !open;
}

function parsedURL(s: string) {
  if (s.includes('\\')) return undefined;
  try {
    return parseURL(s, 'go1.23');
  } catch {
    return undefined;
  }
}

const uri = (s: string): boolean => (parsedURL(s)?.scheme ?? '') !== '';
const uriReference = (s: string): boolean => parsedURL(s) !== undefined;
const email = (s: string): boolean => succeeds(() => parseMailAddress(s));

const CHECKERS: Record<string, (s: string) => boolean> = {
  date: (s) => parsesAs(['2006-01-02'], s),
  time: (s) => parsesAs(['15:04:05Z07:00', '15:04:05'], s),
  'date-time': (s) => parsesAs(['15:04:05', '15:04:05Z07:00', '2006-01-02', '2006-01-02T15:04:05Z07:00', '2006-01-02T15:04:05.999999999Z07:00'], s),
  hostname: (s) => HOSTNAME.test(s) && s.length < 256,
  email,
  'idn-email': email,
  ipv4: (s) => parseIP(s) !== null && s.includes('.'),
  ipv6: (s) => parseIP(s) !== null && s.includes(':'),
  uri,
  iri: uri,
  'uri-reference': uriReference,
  'iri-reference': uriReference,
  'uri-template': (s) => {
    const u = parsedURL(s);
    return u !== undefined && bracesClosed(u.path);
  },
  uuid: (s) => /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/.test(s),
  regex: (s) => s === '' || succeeds(() => goRegexp(s)),
  'json-pointer': (s) => /^(?:\/(?:[^~/]|~0|~1)*)*$/.test(s),
  'relative-json-pointer': (s) => /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/.test(s),
};

/** Whether gojsonschema checks `format` (and so refuses a number given it). */
export function isKnownFormat(format: string): boolean {
  return Object.hasOwn(CHECKERS, format);
}

/** Whether `value` satisfies `format` (true for formats gojsonschema does not know). */
export function checkFormat(format: string, value: string): boolean {
  return isKnownFormat(format) ? CHECKERS[format](value) : true;
}
