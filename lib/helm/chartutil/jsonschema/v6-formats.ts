/**
 * The `format` checks jsonschema v6 asserts (drafts 4 to 7 only: from 2019-09 on, `format` is an
 * annotation unless a schema opts in), with its reasons. Formats whose reasons come from Go's
 * own parsers (dates, URIs, IPv6) are checked for shape only.
 */

/** The reason `s` is not valid `format`, or null when it is (or the format is not checked). */
export function checkFormatV6(format: string, s: string): string | null {
  switch (format) {
    case 'ipv4':
      return ipv4(s);
    case 'hostname':
      return hostname(s);
    case 'email':
      return email(s);
    case 'date-time':
      return dateTime(s);
    case 'uuid':
      return uuid(s);
    default:
      return null;
  }
}

function ipv4(s: string): string | null {
  const groups = s.split('.');
  if (groups.length !== 4) return 'expected four decimals';
  for (const g of groups) {
    if (g.length > 1 && g[0] === '0') return 'leading zeros';
    if (!/^[+-]?\d+$/.test(g)) return `strconv.Atoi: parsing ${JSON.stringify(g)}: invalid syntax`;
    const n = Number(g);
    if (n < 0 || n > 255) return 'decimal must be between 0 and 255';
  }
  return null;
}

function hostname(input: string): string | null {
  const s = input.endsWith('.') ? input.slice(0, -1) : input;
  if (new TextEncoder().encode(s).length > 253) return 'more than 253 characters long';
  for (const label of s.split('.')) {
    const bytes = new TextEncoder().encode(label).length;
    if (bytes < 1 || bytes > 63) return 'label must be 1 to 63 characters long';
    if (label.startsWith('-')) return 'label starts with hyphen';
    if (label.endsWith('-')) return 'label ends with hyphen';
    for (const ch of label) if (!/[a-zA-Z0-9-]/.test(ch)) return `invalid character ${goQuoteRune(ch)}`;
  }
  return null;
}

function email(s: string): string | null {
  if (new TextEncoder().encode(s).length > 254) return 'more than 255 characters long';
  const at = s.lastIndexOf('@');
  if (at < 0) return 'missing @';
  const local = s.slice(0, at);
  if (new TextEncoder().encode(local).length > 64) return 'local part more than 64 characters long';
  if (!(local.length > 1 && local.startsWith('"'))) {
    if (local.startsWith('.')) return 'starts with dot';
    if (local.endsWith('.')) return 'ends with dot';
  }
  return null;
}

function dateTime(s: string): string | null {
  if (new TextEncoder().encode(s).length < 20) return 'less than 20 characters long';
  if (s[10] !== 't' && s[10] !== 'T') return '11th character must be t or T';
  return null;
}

function uuid(s: string): string | null {
  const groups = s.split('-');
  const lengths = [8, 4, 4, 4, 12];
  if (groups.length !== lengths.length) return `must have ${lengths.length} elements`;
  for (let i = 0; i < groups.length; i++) {
    if (groups[i].length !== lengths[i]) return `element ${i + 1} must be ${lengths[i]} characters long`;
    for (const ch of groups[i]) if (!/[0-9a-fA-F]/.test(ch)) return `non-hex character ${goQuoteRune(ch)}`;
  }
  return null;
}

/** Go's %q of a rune. */
function goQuoteRune(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '\\') return "'\\\\'";
  return `'${ch}'`;
}
