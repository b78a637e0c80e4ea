/** gojsonschema's format checkers for the formats charts use; unknown formats pass. */
import { RE2JS } from 're2js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}

function validIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function validIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  try {
    new URL(`http://[${s}]/`);
    return true;
  } catch {
    return false;
  }
}

function validHostname(s: string): boolean {
  if (s.length > 255) return false;
  return /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$/.test(s);
}

function validUri(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol.length > 1;
  } catch {
    return false;
  }
}

const CHECKERS: Record<string, (s: string) => boolean> = {
  'date-time': (s) => {
    const i = s.search(/[Tt]/);
    return i > 0 && validDate(s.slice(0, i)) && TIME.test(s.slice(i + 1));
  },
  date: validDate,
  time: (s) => TIME.test(s),
  email: (s) => /^[^@\s]+@[^@\s]+$/.test(s),
  'idn-email': (s) => /^[^@\s]+@[^@\s]+$/.test(s),
  hostname: validHostname,
  'idn-hostname': validHostname,
  ipv4: validIPv4,
  ipv6: validIPv6,
  uri: validUri,
  'uri-reference': (s) => !/\s/.test(s),
  'iri-reference': (s) => !/\s/.test(s),
  iri: validUri,
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  regex: (s) => {
    try {
      RE2JS.compile(s);
      return true;
    } catch {
      return false;
    }
  },
  'json-pointer': (s) => /^(\/([^~/]|~[01])*)*$/.test(s),
  'relative-json-pointer': (s) => /^(0|[1-9]\d*)(#|(\/([^~/]|~[01])*)*)$/.test(s),
};

/** Whether `value` satisfies `format` (true for formats gojsonschema does not know). */
export function checkFormat(format: string, value: string): boolean {
  const check = Object.hasOwn(CHECKERS, format) ? CHECKERS[format] : undefined;
  return check ? check(value) : true;
}
