/**
 * The `format` checks jsonschema v6 asserts (drafts 4 to 7 only: from 2019-09 on, `format` is an
 * annotation unless a schema opts in), with its reasons. Go measures and indexes strings in
 * UTF-8 bytes, so the length and position rules read the string's bytes. `ipv6` (and the IPv6
 * hosts inside emails and URIs) goes through netip.ParseAddr, whose texts are the reasons.
 */
import { atoi, parseAddr, parseGoTime, quoteRune } from '../../../go';
import { checkUriFormat } from './v6-uri-formats';

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;
/** Go's %q of a rune. */
const q = (ch: string): string => quoteRune(ch.codePointAt(0)!);

/** The reason `s` is not valid `format`, or null when it is (or the format is not checked). */
export function checkFormatV6(format: string, s: string): string | null {
  switch (format) {
    case 'json-pointer':
      return jsonPointer(s);
    case 'relative-json-pointer':
      return relativeJsonPointer(s);
    case 'uuid':
      return uuid(s);
    case 'duration':
      return duration(s);
    case 'period':
      return period(s);
    case 'ipv4':
      return ipv4(s);
    case 'ipv6':
      return ipv6(s);
    case 'hostname':
      return hostname(s);
    case 'email':
      return email(s);
    case 'date':
      return date(s);
    case 'time':
      return time(s);
    case 'date-time':
      return dateTime(s);
    case 'uri':
    case 'iri':
    case 'uri-reference':
    case 'iri-reference':
    case 'uri-template':
      return checkUriFormat(format, s, ipv6);
    case 'semver':
      return semver(s);
    default:
      return null;
  }
}

function jsonPointer(s: string): string | null {
  if (s === '') return null;
  if (!s.startsWith('/')) return 'not starting with /';
  for (const tok of s.split('/').slice(1)) {
    let escape = false;
    for (const ch of tok) {
      if (escape) {
        escape = false;
        if (ch !== '0' && ch !== '1') return '~ must be followed by 0 or 1';
        continue;
      }
      if (ch === '~') escape = true;
    }
    if (escape) return '~ must be followed by 0 or 1';
  }
  return null;
}

function relativeJsonPointer(s: string): string | null {
  const digits = /^[0-9]*/.exec(s)![0].length;
  if (digits === 0) return 'must start with non-negative integer';
  if (digits > 1 && s.startsWith('0')) return 'starts with zero';
  const rest = s.slice(digits);
  return rest === '#' ? null : jsonPointer(rest);
}

function uuid(s: string): string | null {
  const groups = s.split('-');
  const lengths = [8, 4, 4, 4, 12];
  if (groups.length !== lengths.length) return `must have ${lengths.length} elements`;
  for (let i = 0; i < groups.length; i++) {
    if (utf8Length(groups[i]) !== lengths[i]) return `element ${i + 1} must be ${lengths[i]} characters long`;
    for (const ch of groups[i]) if (!/[0-9a-fA-F]/.test(ch)) return `non-hex character ${q(ch)}`;
  }
  return null;
}

function duration(input: string): string | null {
  if (!input.startsWith('P')) return 'must start with P';
  let s = input.slice(1);
  if (s === '') return 'nothing after P';
  if (s.endsWith('W')) {
    const n = s.slice(0, -1);
    if (n === '') return 'no number in week';
    return /^[0-9]+$/.test(n) ? null : 'invalid week';
  }
  const allUnits = ['YMD', 'HMS'];
  const parts = s.split('T');
  for (let i = 0; i < parts.length; i++) {
    s = parts[i];
    if (i !== 0 && s === '') return 'no time elements';
    if (i >= allUnits.length) return 'more than one T';
    let units = allUnits[i];
    while (s !== '') {
      const digits = /^[0-9]*/.exec(s)![0].length;
      if (digits === 0) return 'missing number';
      s = s.slice(digits);
      if (s === '') return 'missing unit';
      const unit = s[0];
      const j = units.indexOf(unit);
      if (j === -1) return allUnits[i].includes(unit) ? `unit ${q(unit)} out of order` : `invalid unit ${q(unit)}`;
      units = units.slice(j + 1);
      s = s.slice(1);
    }
  }
  return null;
}

function period(s: string): string | null {
  const slash = s.indexOf('/');
  if (slash === -1) return 'missing slash';
  const [start, end] = [s.slice(0, slash), s.slice(slash + 1)];
  let e: string | null;
  if (start.startsWith('P')) {
    if ((e = duration(start))) return `invalid start duration: ${e}`;
    if ((e = dateTime(end))) return `invalid end date-time: ${e}`;
    return null;
  }
  if ((e = dateTime(start))) return `invalid start date-time: ${e}`;
  if (end.startsWith('P')) {
    if ((e = duration(end))) return `invalid end duration: ${e}`;
  } else if ((e = dateTime(end))) return `invalid end date-time: ${e}`;
  return null;
}

function ipv4(s: string): string | null {
  const groups = s.split('.');
  if (groups.length !== 4) return 'expected four decimals';
  for (const g of groups) {
    if (g.length > 1 && g[0] === '0') return 'leading zeros';
    let n: number;
    try {
      n = Number(atoi(g));
    } catch (e) {
      return (e as Error).message;
    }
    if (n < 0 || n > 255) return 'decimal must be between 0 and 255';
  }
  return null;
}

function ipv6(s: string): string | null {
  if (!s.includes(':')) return 'missing colon';
  try {
    if (parseAddr(s).zone !== '') return 'zone id is not a part of ipv6 address';
  } catch (e) {
    return (e as Error).message;
  }
  return null;
}

function hostname(input: string): string | null {
  const s = input.endsWith('.') ? input.slice(0, -1) : input;
  if (utf8Length(s) > 253) return 'more than 253 characters long';
  for (const label of s.split('.')) {
    const bytes = utf8Length(label);
    if (bytes < 1 || bytes > 63) return 'label must be 1 to 63 characters long';
    if (label.startsWith('-')) return 'label starts with hyphen';
    if (label.endsWith('-')) return 'label ends with hyphen';
    for (const ch of label) if (!/[a-zA-Z0-9-]/.test(ch)) return `invalid character ${q(ch)}`;
  }
  return null;
}

function email(s: string): string | null {
  if (utf8Length(s) > 254) return 'more than 255 characters long';
  const at = s.lastIndexOf('@');
  if (at < 0) return 'missing @';
  const local = s.slice(0, at);
  let domain = s.slice(at + 1);
  if (utf8Length(local) > 64) return 'local part more than 64 characters long';
  // v6 tests the opening quote twice: any local part of two or more characters that starts with one is "quoted".
  if (local.length > 1 && local.startsWith('"')) {
    const inner = local.slice(1, -1);
    if (inner.includes('\\') || inner.includes('"')) return 'backslash and quote are not allowed within quoted local part';
  } else {
    if (local.startsWith('.')) return 'starts with dot';
    if (local.endsWith('.')) return 'ends with dot';
    if (local.includes('..')) return 'consecutive dots';
    for (const ch of local) if (!/[a-zA-Z0-9]/.test(ch) && !".!#$%&'*+-/=?^_`{|}~".includes(ch)) return `invalid character ${q(ch)}`;
  }
  let e: string | null;
  if (domain.startsWith('[') && domain.endsWith(']')) {
    domain = domain.slice(1, -1);
    if (domain.startsWith('IPv6:')) return (e = ipv6(domain.slice(5))) ? `invalid ipv6 address: ${e}` : null;
    return (e = ipv4(domain)) ? `invalid ipv4 address: ${e}` : null;
  }
  return (e = hostname(domain)) ? `invalid domain: ${e}` : null;
}

function date(s: string): string | null {
  try {
    parseGoTime('2006-01-02', s, 'UTC');
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** RFC 3339 full-time, as v6 reads it (leap seconds only at 23:59 UTC). Byte offsets, as Go's. */
function time(input: string): string | null {
  if (utf8Length(input) < 9) return 'less than 9 characters long';
  if (input[2] !== ':' || input[5] !== ':') return 'missing colon in correct place';
  const hms: number[] = [];
  for (const tok of splitN(input.slice(0, 8), ':', 3)) {
    let i: number;
    try {
      i = Number(atoi(tok));
    } catch {
      return 'invalid hour/min/sec';
    }
    if (i < 0) return 'non-positive hour/min/sec';
    hms.push(i);
  }
  if (hms.length !== 3) return 'missing hour/min/sec';
  let [h, m] = hms;
  const sec = hms[2];
  if (h > 23 || m > 59 || sec > 60) return 'hour/min/sec out of range';
  let str = input.slice(8);
  if (str.startsWith('.')) {
    const digits = /^[0-9]*/.exec(str.slice(1))![0].length;
    if (digits === 0) return 'no digits in second fraction';
    str = str.slice(1 + digits);
  }
  if (str !== 'z' && str !== 'Z') {
    if (utf8Length(str) !== 6) return 'offset must be 6 characters long';
    if (str[0] !== '+' && str[0] !== '-') return 'offset must begin with plus/minus';
    const sign = str[0] === '+' ? -1 : 1;
    str = str.slice(1);
    if (str[2] !== ':') return 'missing colon in offset in correct place';
    const zhm: number[] = [];
    for (const tok of splitN(str, ':', 2)) {
      let i: number;
      try {
        i = Number(atoi(tok));
      } catch {
        return 'invalid hour/min in offset';
      }
      if (i < 0) return 'non-positive hour/min in offset';
      zhm.push(i);
    }
    const [zh, zm] = zhm;
    if (zh > 23 || zm > 59) return 'hour/min in offset out of range';
    let hm = h * 60 + m + sign * (zh * 60 + zm);
    if (hm < 0) hm += 24 * 60;
    [h, m] = [Math.floor(hm / 60), hm % 60];
  }
  if (sec >= 60 && (h !== 23 || m !== 59)) return 'invalid leap second';
  return null;
}

function dateTime(s: string): string | null {
  if (utf8Length(s) < 20) return 'less than 20 characters long';
  if (s[10] !== 't' && s[10] !== 'T') return '11th character must be t or T';
  let e: string | null;
  if ((e = date(s.slice(0, 10)))) return `invalid date element: ${e}`;
  if ((e = time(s.slice(11)))) return `invalid time element: ${e}`;
  return null;
}

function semver(input: string): string | null {
  let s = input;
  const plus = s.indexOf('+');
  if (plus !== -1) {
    const build = s.slice(plus + 1);
    if (build === '') return 'build is empty';
    for (const id of build.split('.')) {
      if (id === '') return 'build identifier is empty';
      for (const ch of id) if (!/[0-9a-zA-Z-]/.test(ch)) return `invalid character ${q(ch)} in build identifier`;
    }
    s = s.slice(0, plus);
  }
  const dash = s.indexOf('-');
  if (dash !== -1) {
    for (const id of s.slice(dash + 1).split('.')) {
      if (id === '') return 'pre-release identifier is empty';
      for (const ch of id) if (!/[0-9a-zA-Z-]/.test(ch)) return `invalid character ${q(ch)} in pre-release identifier`;
      if (/^[0-9]+$/.test(id) && id.length > 1 && id[0] === '0') return 'pre-release numeric identifier starts with zero';
    }
    s = s.slice(0, dash);
  }
  const versions = s.split('.');
  if (versions.length !== 3) return 'versionCore must have 3 numbers separated by dot';
  const names = ['major', 'minor', 'patch'];
  for (let i = 0; i < 3; i++) {
    const v = versions[i];
    if (v === '') return `${names[i]} is empty`;
    if (v.length > 1 && v[0] === '0') return `${names[i]} starts with zero`;
    if (!/^[0-9]+$/.test(v)) return `${names[i]} contains non-digit`;
  }
  return null;
}

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}
