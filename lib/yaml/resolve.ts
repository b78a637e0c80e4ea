/**
 * Implicit typing of plain YAML scalars as go-yaml v2 (the fork inside sigs.k8s.io/yaml) does it:
 * YAML 1.1 booleans (`y`, `on`, `NO`...), `~`/`null`, Go integer syntax via strconv.ParseInt with
 * base 0 (`0x1F`, `0o17`, `0777`, `0b11`, underscores removed), then a YAML-style float check.
 * Timestamps resolve to their own tag but stay strings when decoded into interface{}.
 */

export const TAG = {
  str: 'tag:yaml.org,2002:str',
  int: 'tag:yaml.org,2002:int',
  float: 'tag:yaml.org,2002:float',
  bool: 'tag:yaml.org,2002:bool',
  null: 'tag:yaml.org,2002:null',
  timestamp: 'tag:yaml.org,2002:timestamp',
  binary: 'tag:yaml.org,2002:binary',
  merge: 'tag:yaml.org,2002:merge',
  map: 'tag:yaml.org,2002:map',
  seq: 'tag:yaml.org,2002:seq',
} as const;

/** A scalar as go-yaml v2 decodes it into interface{}: ints keep their Go kind. */
export type YamlScalar =
  | null
  | boolean
  | string
  | number
  | { kind: 'int' | 'uint64'; v: bigint }
  | { kind: 'merge' };

export interface Resolved {
  tag: string;
  value: YamlScalar;
}

const MAP = new Map<string, Resolved>();
function add(value: YamlScalar, tag: string, words: string[]): void {
  for (const w of words) MAP.set(w, { tag, value });
}
add(true, TAG.bool, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
add(false, TAG.bool, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
add(null, TAG.null, ['', '~', 'null', 'Null', 'NULL']);
add(NaN, TAG.float, ['.nan', '.NaN', '.NAN']);
add(Infinity, TAG.float, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']);
add(-Infinity, TAG.float, ['-.inf', '-.Inf', '-.INF']);
add({ kind: 'merge' }, TAG.merge, ['<<']);

function hintOf(c: string): string {
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

/** strconv.ParseInt/ParseUint with base 0 syntax (no underscores: callers strip them). */
export function parseGoInteger(s: string, allowSign: boolean): bigint | null {
  let i = 0;
  let neg = false;
  if (allowSign && (s[0] === '+' || s[0] === '-')) {
    neg = s[0] === '-';
    i = 1;
  }
  let body = s.slice(i);
  let re = /^[0-9]+$/;
  let prefix = '';
  if (/^0[xX]/.test(body)) [prefix, body, re] = ['0x', body.slice(2), /^[0-9a-fA-F]+$/];
  else if (/^0[bB]/.test(body)) [prefix, body, re] = ['0b', body.slice(2), /^[01]+$/];
  else if (/^0[oO]/.test(body)) [prefix, body, re] = ['0o', body.slice(2), /^[0-7]+$/];
  else if (body.length > 1 && body[0] === '0') [prefix, body, re] = ['0o', body.slice(1), /^[0-7]+$/];
  if (!re.test(body)) return null;
  const v = BigInt(prefix + body);
  return neg ? -v : v;
}

/** strconv.ParseFloat for the syntaxes go-yaml feeds it; null where Go reports an error. */
export function parseGoFloat(s: string): number | null {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const f = Number(s);
  return Number.isFinite(f) ? f : null; // out of range is ErrRange in Go
}

const TIMESTAMP_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d\d:\d\d)?)?$/;

/** go-yaml v2's parseTimestamp: the few time.Parse layouts it accepts. */
export function isYamlTimestamp(s: string): boolean {
  const m = TIMESTAMP_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d, t, space, hh, mm, ss, zone] = m;
  if (t && !zone) return false; // the T layouts require a zone
  if (space && zone) return false; // the space layout has none
  const year = +y;
  const month = +mo;
  const day = +d;
  if (month < 1 || month > 12 || day < 1) return false;
  const dim = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (day > dim[month - 1]) return false;
  if (hh !== undefined && (+hh > 23 || +mm > 59 || +ss > 59)) return false;
  if (zone && zone !== 'Z' && (+zone.slice(1, 3) > 24 || +zone.slice(4) > 60)) return false;
  return true;
}

/** go-yaml v2's resolve(tag, in) for an implicit (plain) scalar or a resolvable explicit tag. */
export function resolveScalar(tag: string, s: string): Resolved {
  const hint = s === '' ? 'N' : hintOf(s[0]);
  if (hint !== '' && tag !== TAG.str && tag !== TAG.binary) {
    const hit = MAP.get(s);
    if (hit) return hit;
    switch (hint) {
      case '.': {
        const f = parseGoFloat(s);
        if (f !== null) return { tag: TAG.float, value: f };
        break;
      }
      case 'D':
      case 'S': {
        if ((tag === '' || tag === TAG.timestamp) && isYamlTimestamp(s)) return { tag: TAG.timestamp, value: s };
        const plain = s.replace(/_/g, '');
        const i = parseGoInteger(plain, true);
        if (i !== null && i >= INT64_MIN && i <= INT64_MAX) return { tag: TAG.int, value: { kind: 'int', v: i } };
        const u = parseGoInteger(plain, false);
        if (u !== null && u >= 0n && u <= UINT64_MAX) return { tag: TAG.int, value: { kind: 'uint64', v: u } };
        if (YAML_STYLE_FLOAT.test(plain)) {
          const f = parseGoFloat(plain);
          if (f !== null) return { tag: TAG.float, value: f };
        }
        break;
      }
    }
  }
  return { tag: TAG.str, value: s };
}

/** Tags whose scalars go through {@link resolveScalar}; others keep the text as is. */
export function isResolvableTag(tag: string): boolean {
  return (
    tag === '' ||
    tag === TAG.str ||
    tag === TAG.bool ||
    tag === TAG.int ||
    tag === TAG.float ||
    tag === TAG.null ||
    tag === TAG.timestamp
  );
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** YAML 1.1 sexagesimal numbers (`1:20`), which go-yaml v2 quotes when marshalling. */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

/** The short form of a tag (`!!int`) as go-yaml prints it in errors. */
export function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice('tag:yaml.org,2002:'.length) : tag;
}
