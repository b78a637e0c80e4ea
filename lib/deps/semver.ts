/**
 * Masterminds/semver v3.3 (what Helm 3.17 and Sprig use): lenient version parsing, its
 * constraint language (`^ ~ >= <= > < != =`, `1.2.x`, `*`, `||`, comma/space AND, hyphen ranges)
 * and its prerelease rule: a prerelease only satisfies comparators that name a prerelease.
 * Error texts are those of the build Helm links (`Invalid Semantic Version`).
 * Also used by the Helm layer for dependency versions and `kubeVersion`.
 */
import { defineFunc, GoError, GoInt, GoStruct, type GoFunc, type GoTypeInfo, type GoValue } from '../go';

/** A parsed semantic version (Masterminds `Version`). */
export interface Version {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly pre: string;
  readonly metadata: string;
  readonly original: string;
}

const LOOSE = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;
const NUM = /^[0-9]*$/;
const ALLOWED = /^[0-9A-Za-z-]*$/;
const UINT64_MAX = (1n << 64n) - 1n;

function parseSegment(s: string): bigint {
  const n = BigInt(s);
  if (n > UINT64_MAX) throw new GoError(`Error parsing version segment: strconv.ParseUint: parsing "${s}": value out of range`);
  return n;
}

function validatePrerelease(p: string): void {
  for (const part of p.split('.')) {
    if (part === '') throw new GoError('Invalid Prerelease string');
    if (NUM.test(part)) {
      if (part.length > 1 && part[0] === '0') throw new GoError('Version segment starts with 0');
    } else if (!ALLOWED.test(part)) throw new GoError('Invalid Prerelease string');
  }
}

function validateMetadata(m: string): void {
  for (const part of m.split('.')) if (part === '' || !ALLOWED.test(part)) throw new GoError('Invalid Metadata string');
}

/**
 * The Masterminds/semver release: Helm 3.17 links v3.3.0; Helm 4.1 links v3.4.0, which parses
 * the same way (its default CoerceNewVersion keeps the lenient parser), words its errors in
 * lower case and lets a prerelease through a whole AND group when any comparator names one.
 */
export type SemverRelease = 'v3.3.0' | 'v3.4.0';

/** v3.4.0's texts for the errors v3.3.0 words in title case. */
const LOWER_CASE: Record<string, string> = {
  'Invalid Semantic Version': 'invalid semantic version',
  'Version segment starts with 0': 'version segment starts with 0',
  'Invalid Prerelease string': 'invalid prerelease string',
  'Invalid Metadata string': 'invalid metadata string',
  'Version string empty': 'version string empty',
  'Invalid characters in version': 'invalid characters in version',
};

/** `semver.NewVersion` (coercing: `v1.2` → 1.2.0); throws GoError with Masterminds' message. */
export function parseVersion(s: string, release: SemverRelease = 'v3.3.0'): Version {
  if (release === 'v3.3.0') return parseLoose(s);
  try {
    return parseLoose(s);
  } catch (e) {
    if (!(e instanceof GoError)) throw e;
    throw new GoError(e.message.startsWith('Error parsing') ? e.message.replace(/^Error/, 'error') : (LOWER_CASE[e.message] ?? e.message));
  }
}

function parseLoose(s: string): Version {
  const m = LOOSE.exec(s);
  if (!m) throw new GoError('Invalid Semantic Version');
  const v: Version = {
    major: parseSegment(m[1]),
    minor: m[2] ? parseSegment(m[2].slice(1)) : 0n,
    patch: m[3] ? parseSegment(m[3].slice(1)) : 0n,
    pre: m[5] ?? '',
    metadata: m[8] ?? '',
    original: s,
  };
  if (v.pre) validatePrerelease(v.pre);
  if (v.metadata) validateMetadata(v.metadata);
  return v;
}

/**
 * `semver.StrictNewVersion`: exactly three numbers without leading zeros, no `v`. The two releases
 * differ on empty identifiers: v3.3.0 takes `1.0.0-`, `1.0.0+` and `1.0.0-a..b` (an empty
 * prerelease or metadata is then no prerelease or metadata), v3.4.0 refuses them.
 */
export function parseStrictVersion(s: string, release: SemverRelease = 'v3.3.0'): Version {
  const fail = (m: string): never => {
    throw new GoError(release === 'v3.3.0' ? m : (LOWER_CASE[m] ?? m));
  };
  if (s === '') fail('Version string empty');
  const parts = splitN(s, '.', 3);
  if (parts.length !== 3) fail('Invalid Semantic Version');
  let metadata = '';
  let pre = '';
  const plus = parts[2].indexOf('+');
  if (plus >= 0) {
    metadata = parts[2].slice(plus + 1);
    parts[2] = parts[2].slice(0, plus);
    const bad = strictIdentifiers(metadata, release, false);
    if (bad) fail(bad);
  }
  const dash = parts[2].indexOf('-');
  if (dash >= 0) {
    pre = parts[2].slice(dash + 1);
    parts[2] = parts[2].slice(0, dash);
    const bad = strictIdentifiers(pre, release, true);
    if (bad) fail(bad);
  }
  for (const p of parts) {
    if (!NUM.test(p)) fail('Invalid characters in version');
    if (p.length > 1 && p[0] === '0') fail('Version segment starts with 0');
  }
  const [major, minor, patch] = parts.map((p) => {
    if (p === '' || BigInt(p) > UINT64_MAX) fail(`strconv.ParseUint: parsing ${JSON.stringify(p)}: ${p === '' ? 'invalid syntax' : 'value out of range'}`);
    return BigInt(p);
  });
  return { major, minor, patch, pre, metadata, original: s };
}

/** Go's strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

/** validatePrerelease / validateMetadata as StrictNewVersion runs them: the first bad identifier's error, or ''. */
function strictIdentifiers(text: string, release: SemverRelease, prerelease: boolean): string {
  const invalid = prerelease ? 'Invalid Prerelease string' : 'Invalid Metadata string';
  for (const part of text.split('.')) {
    if (part === '' && release === 'v3.4.0') return invalid;
    if (prerelease && NUM.test(part)) {
      if (part.length > 1 && part[0] === '0') return 'Version segment starts with 0';
    } else if (!ALLOWED.test(part)) return invalid;
  }
  return '';
}

/** `Version.String()`: canonical form without a leading `v`. */
export function versionString(v: Version): string {
  let s = `${v.major}.${v.minor}.${v.patch}`;
  if (v.pre) s += `-${v.pre}`;
  if (v.metadata) s += `+${v.metadata}`;
  return s;
}

const cmp = (a: bigint, b: bigint): number => (a < b ? -1 : a > b ? 1 : 0);

function comparePrePart(s: string, o: string): number {
  if (s === o) return 0;
  if (s === '') return -1;
  if (o === '') return 1;
  const sNum = /^[0-9]+$/.test(s) && BigInt(s) <= UINT64_MAX;
  const oNum = /^[0-9]+$/.test(o) && BigInt(o) <= UINT64_MAX;
  if (!sNum && !oNum) return s > o ? 1 : -1;
  if (!oNum) return -1;
  if (!sNum) return 1;
  return BigInt(s) > BigInt(o) ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const sp = a.split('.');
  const op = b.split('.');
  for (let i = 0; i < Math.max(sp.length, op.length); i++) {
    const d = comparePrePart(sp[i] ?? '', op[i] ?? '');
    if (d !== 0) return d;
  }
  return 0;
}

/** `Version.Compare`: -1, 0 or 1; build metadata is ignored, a prerelease sorts before its release. */
export function compareVersions(a: Version, b: Version): number {
  const d = cmp(a.major, b.major) || cmp(a.minor, b.minor) || cmp(a.patch, b.patch);
  if (d) return d;
  if (!a.pre && !b.pre) return 0;
  if (!a.pre) return 1;
  if (!b.pre) return -1;
  return comparePrerelease(a.pre, b.pre);
}

// ---- constraints -------------------------------------------------------------------------

const WS = '[\\t\\n\\f\\r ]';
const CV = 'v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const OPS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const CONSTRAINT = new RegExp(`^${WS}*(${OPS})${WS}*(${CV})${WS}*$`);
const RANGE = new RegExp(`${WS}*(${CV})${WS}+-${WS}+(${CV})${WS}*`, 'g');
const FIND = new RegExp(`(${OPS})${WS}*(${CV})`, 'g');
const VALID = new RegExp(`^(${WS}*(${OPS})${WS}*(${CV})${WS}*)((?:${WS}+|,${WS}*)(${OPS})${WS}*(${CV})${WS}*)*$`);

type Op = '' | '=' | '!=' | '>' | '<' | '>=' | '=>' | '<=' | '=<' | '~' | '~>' | '^';

interface Comparator {
  readonly op: Op;
  readonly con: Version;
  readonly orig: string;
  readonly dirty: boolean;
  readonly minorDirty: boolean;
  readonly patchDirty: boolean;
}

/** A parsed constraint: OR of AND groups. */
export interface Constraint {
  readonly groups: ReadonlyArray<ReadonlyArray<Comparator>>;
  readonly source: string;
  readonly release: SemverRelease;
  /** Per group: whether a comparator names a prerelease (v3.4.0's rule). */
  readonly groupHasPre: readonly boolean[];
}

const isX = (s: string): boolean => s === 'x' || s === 'X' || s === '*';

function parseComparator(c: string, release: SemverRelease): Comparator {
  if (c.length === 0) return { op: '', con: parseVersion('0.0.0'), orig: c, dirty: true, minorDirty: false, patchDirty: false };
  const m = CONSTRAINT.exec(c);
  if (!m) throw new GoError(`improper constraint: ${c}`);
  const [maj, min = '', pat = '', pre = ''] = [m[3], m[4], m[5], m[6]];
  let ver = m[2];
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isX(maj) || maj === '') {
    ver = `0.0.0${pre}`;
    dirty = true;
  } else if (isX(min.replace(/^\./, '')) || min === '') {
    minorDirty = dirty = true;
    ver = `${maj}.0.0${pre}`;
  } else if (isX(pat.replace(/^\./, '')) || pat === '') {
    patchDirty = dirty = true;
    ver = `${maj}${min}.0${pre}`;
  }
  let con: Version;
  try {
    con = parseVersion(ver, release);
  } catch {
    throw new GoError(release === 'v3.3.0' ? 'constraint Parser Error' : 'constraint parser error');
  }
  return { op: m[1] as Op, con, orig: m[2], dirty, minorDirty, patchDirty };
}

function rewriteRange(s: string): string {
  let out = s;
  for (const m of s.matchAll(RANGE)) out = out.replace(m[0], `>= ${m[1]}, <= ${m[11]} `);
  return out;
}

/** `semver.NewConstraint`; throws GoError (`improper constraint: ...`). */
export function parseConstraint(source: string, release: SemverRelease = 'v3.3.0'): Constraint {
  const rewritten = rewriteRange(source);
  const groups: Comparator[][] = [];
  for (const part of rewritten.split('||')) {
    if (!VALID.test(part)) throw new GoError(`improper constraint: ${part}`);
    const found = [...part.matchAll(FIND)].map((m) => m[0]);
    const comps = (found.length ? found : [part]).map((c) => parseComparator(c, release));
    groups.push(comps);
  }
  return { groups, source, release, groupHasPre: groups.map((g) => g.some((c) => c.con.pre !== '')) };
}

// v3.3.0 judges prereleases per comparator: a prerelease version only passes a comparator that
// itself names a prerelease (`!=` checks this only for wildcards). v3.4.0 judges them per AND
// group (`groupPre`), for every operator `!=` included.
function checkComparator(v: Version, c: Comparator, groupPre?: boolean): boolean {
  if ((c.op !== '!=' || groupPre !== undefined) && v.pre && !(groupPre ?? c.con.pre !== '')) return false;
  const lt = compareVersions(v, c.con) < 0;
  switch (c.op) {
    case '':
    case '=':
      return c.dirty ? tilde(v, c, lt) : compareVersions(v, c.con) === 0;
    case '!=':
      return notEqual(v, c, groupPre);
    case '>':
      if (!c.dirty) return compareVersions(v, c.con) === 1;
      if (v.major > c.con.major) return true;
      if (v.major < c.con.major || c.minorDirty) return false;
      if (c.patchDirty) return v.minor > c.con.minor;
      return compareVersions(v, c.con) === 1;
    case '<':
      return lt;
    case '>=':
    case '=>':
      return !lt;
    case '<=':
    case '=<':
      if (!c.dirty) return compareVersions(v, c.con) <= 0;
      if (v.major > c.con.major) return false;
      return !(v.major === c.con.major && v.minor > c.con.minor && !c.minorDirty);
    case '~':
    case '~>':
      return tilde(v, c, lt);
    case '^':
      return caret(v, c, lt);
  }
}

function notEqual(v: Version, c: Comparator, groupPre?: boolean): boolean {
  if (c.dirty) {
    if (v.pre && !(groupPre ?? c.con.pre !== '')) return false;
    if (c.con.major !== v.major) return true;
    if (c.con.minor !== v.minor && !c.minorDirty) return true;
    if (c.minorDirty) return false;
    if (c.con.patch !== v.patch && !c.patchDirty) return true;
    if (c.patchDirty) return (v.pre !== '' || c.con.pre !== '') && comparePrerelease(v.pre, c.con.pre) !== 0;
  }
  return compareVersions(v, c.con) !== 0;
}

function tilde(v: Version, c: Comparator, lt: boolean): boolean {
  if (lt) return false;
  if (c.con.major === 0n && c.con.minor === 0n && c.con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== c.con.major) return false;
  return !(v.minor !== c.con.minor && !c.minorDirty);
}

function caret(v: Version, c: Comparator, lt: boolean): boolean {
  if (lt) return false;
  if (c.con.major > 0n || c.minorDirty) return v.major === c.con.major;
  if (v.major > 0n) return false;
  if (c.con.minor > 0n || c.patchDirty) return v.minor === c.con.minor;
  if (v.minor > 0n) return false;
  return v.patch === c.con.patch;
}

/** `Constraints.Check`. */
export function satisfies(v: Version, c: Constraint): boolean {
  return c.groups.some((group, i) =>
    group.every((comp) => checkComparator(v, comp, c.release === 'v3.4.0' ? c.groupHasPre[i] : undefined)),
  );
}

// ---- template values ------------------------------------------------------------------------

const versions = new WeakMap<GoStruct, Version>();

/** The Version behind a `*semver.Version` / `semver.Version` template value, if it is one. */
export function versionOf(value: GoValue): Version | undefined {
  return value instanceof GoStruct ? versions.get(value) : undefined;
}

function argVersion(value: GoValue): Version {
  const v = versionOf(value);
  if (!v) throw new GoError('invalid memory address or nil pointer dereference');
  return v;
}

const u64 = (n: bigint): GoInt => new GoInt(n, 'uint64');

/**
 * A `*semver.Version` (pointer = true, as `semver` returns) or `semver.Version` (what IncPatch
 * and friends return: only the value-receiver methods, so no `.Original`).
 */
export function versionValue(v: Version, pointer = true): GoStruct {
  const m = (name: string, params: string[], call: (...a: any[]) => GoValue, returnsError = false): GoFunc =>
    defineFunc(name, params, call, { returnsError });
  const inc = (next: Omit<Version, 'original'>): GoStruct => {
    const prefix = v.original.startsWith('v') ? 'v' : '';
    const tmp = { ...next, original: '' };
    return versionValue({ ...tmp, original: prefix + versionString(tmp) }, false);
  };
  const methods: Record<string, GoFunc> = {
    Major: m('Major', [], () => u64(v.major)),
    Minor: m('Minor', [], () => u64(v.minor)),
    Patch: m('Patch', [], () => u64(v.patch)),
    Prerelease: m('Prerelease', [], () => v.pre),
    Metadata: m('Metadata', [], () => v.metadata),
    String: m('String', [], () => versionString(v)),
    IncPatch: m('IncPatch', [], () => inc(v.pre ? { ...v, pre: '', metadata: '' } : { ...v, pre: '', metadata: '', patch: v.patch + 1n })),
    IncMinor: m('IncMinor', [], () => inc({ ...v, pre: '', metadata: '', patch: 0n, minor: v.minor + 1n })),
    IncMajor: m('IncMajor', [], () => inc({ ...v, pre: '', metadata: '', patch: 0n, minor: 0n, major: v.major + 1n })),
    SetPrerelease: m('SetPrerelease', ['string'], (p: string) => (p && validatePrerelease(p), inc({ ...v, pre: p })), true),
    SetMetadata: m('SetMetadata', ['string'], (md: string) => (md && validateMetadata(md), inc({ ...v, metadata: md })), true),
  };
  if (pointer) {
    const rel = (name: string, test: (d: number) => boolean): GoFunc => m(name, ['*semver.Version'], (o: GoValue) => test(compareVersions(v, argVersion(o))));
    Object.assign(methods, {
      Original: m('Original', [], () => v.original),
      LessThan: rel('LessThan', (d) => d < 0),
      LessThanEqual: rel('LessThanEqual', (d) => d <= 0),
      GreaterThan: rel('GreaterThan', (d) => d > 0),
      GreaterThanEqual: rel('GreaterThanEqual', (d) => d >= 0),
      Equal: rel('Equal', (d) => d === 0),
      Compare: m('Compare', ['*semver.Version'], (o: GoValue) => new GoInt(compareVersions(v, argVersion(o)), 'int')),
    });
  }
  const type: GoTypeInfo = { name: pointer ? '*semver.Version' : 'semver.Version', methods, stringer: () => versionString(v), jsonValue: () => versionString(v) };
  const value = new GoStruct(type, [], pointer);
  versions.set(value, v);
  return value;
}

/**
 * Charts compare the same constraint with the same version (`.Capabilities.KubeVersion`) at
 * every render; parsed forms are immutable, so they (and parse errors) are kept, up to a bound.
 */
const constraints = new Map<string, Constraint | GoError>();
const parsedVersions = new Map<string, Version | GoError>();
const PARSED_LIMIT = 1024;

function memoParse<T>(table: Map<string, T | GoError>, text: string, parse: (s: string) => T): T {
  let v = table.get(text);
  if (v === undefined) {
    try {
      v = parse(text);
    } catch (e) {
      if (!(e instanceof GoError)) throw e;
      v = e;
    }
    if (table.size >= PARSED_LIMIT) table.clear();
    table.set(text, v);
  }
  if (v instanceof GoError) throw v;
  return v;
}

/** {@link parseConstraint}, remembering results (and errors) for texts seen before. */
export function parseConstraintCached(text: string, release: SemverRelease = 'v3.3.0'): Constraint {
  return memoParse(constraints, `${release}\0${text}`, () => parseConstraint(text, release));
}

/** {@link parseVersion}, remembering results (and errors) for texts seen before. */
export function parseVersionCached(text: string, release: SemverRelease = 'v3.3.0'): Version {
  return memoParse(parsedVersions, `${release}\0${text}`, () => parseVersion(text, release));
}

/** Sizes of the parse memo tables (each bounded by PARSED_LIMIT); for tests. */
export function semverMemoSizes(): [number, number] {
  return [constraints.size, parsedVersions.size];
}
