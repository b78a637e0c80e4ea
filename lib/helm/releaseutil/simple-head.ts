import type { SimpleHead } from './manifest';

/**
 * A line scanner for the plain shape most rendered manifests have: block mappings and sequences
 * indented with spaces, single-line plain or quoted scalars, `[]`/`{}`, `|`/`>` block scalars and
 * comments. A document entirely in that subset is valid YAML whose head can be read without a
 * full YAML parse, which otherwise dominates re-rendering charts whose documents change at each
 * render (random secrets and the checksums of them).
 *
 * Anything outside the subset (tabs, anchors, tags, flow collections, multi-line scalars, quoted
 * keys, keys YAML 1.1 reads as booleans or null, duplicate keys, numbers JSON can't hold, ...)
 * returns undefined, and the caller parses the document in full. So this never decides an error
 * and never reads a value differently: it only recognises documents that are certainly fine.
 */
export function readSimpleHead(doc: string): SimpleHead | undefined {
  if (UNSAFE_CHAR.test(doc)) return undefined;
  return new Scanner().scan(doc);
}

/**
 * Allowed: newline, printable ASCII, and non-ASCII text other than Unicode spaces, line
 * separators, the byte-order mark and astral characters (YAML 1.1 treats some as breaks).
 */
const UNSAFE_CHAR = /[^\n\x20-\x7e\u00a1-\u167f\u1681-\u1fff\u200b-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u2fff\u3001-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;

/**
 * The colon ending a plain key that starts at `at` (`[A-Za-z_][A-Za-z0-9._/-]*` then `:` and a
 * space or the line's end), or -1. Such keys are certainly strings in YAML 1.1 and JSON.
 */
function keyEnd(line: string, at: number): number {
  let c = line.charCodeAt(at);
  if (!(isLetter(c) || c === 0x5f)) return -1;
  // go-yaml forgets a simple key 1024 characters after it starts; long keys go to the full parse.
  const end = Math.min(line.length, at + MAX_FAST_KEY);
  for (let j = at + 1; j < end; j++) {
    c = line.charCodeAt(j);
    if (c === 0x3a) return j + 1 === line.length || line.charCodeAt(j + 1) === 0x20 ? j : -1;
    if (!(isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x5f || c === 0x2f || c === 0x2d)) return -1;
  }
  return -1;
}

/** Comfortably below go-yaml's 1024-character simple-key window. */
const MAX_FAST_KEY = 1000;

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** YAML 1.1 booleans and null: as keys or head values they are not strings. */
const NOT_STRING = new Set(
  ['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null'].flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]),
);
/** Plain scalars that become floats JSON can't encode (or that overflow to infinity). */
const NON_FINITE = /^[-+]?\.(?:inf|nan)$/i;
/** go-yaml v2's float syntax with an exponent (underscores are dropped before matching). */
const NUMBER_WITH_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const PLAIN_HEAD_STRING = /^[A-Za-z]/;
const NUMERIC_START = /^[-+.0-9]/;

const enum Role {
  Other,
  Top,
  Metadata,
  Annotations,
}

interface Level {
  indent: number;
  seq: boolean;
  /** A sequence at its parent mapping key's indentation (`key:\n- a`). */
  compact: boolean;
  role: Role;
  keys: Set<string> | null;
}

/** A key whose value is on the following lines, or null when none follow. */
interface Pending {
  indent: number;
  /** Role of the mapping holding the key, and of the key's value. */
  parent: Role;
  role: Role;
  key: string;
}

type Scalar =
  | { kind: 'string'; value: string }
  | { kind: 'plain'; value: string }
  | { kind: 'emptyMap' }
  | { kind: 'emptySeq' }
  | { kind: 'block'; folded: boolean; chomp: '' | '-' | '+' };

/** A block scalar being read as a head string (annotation texts are often folded `>-`). */
interface Capture {
  parent: Role;
  key: string;
  folded: boolean;
  chomp: '' | '-';
  lines: string[];
  /** An empty line was seen since the last content line. */
  blank: boolean;
}

class Bail {}
const BAIL = new Bail();

class Scanner {
  private readonly head: SimpleHead = { apiVersion: '', kind: '' };
  private readonly stack: Level[] = [];
  private pending: Pending | null = null;
  /** Inside a block scalar: the owning mapping's indentation and the content's (-1 until seen). */
  private block: { parent: number; content: number; capture: Capture | null } | null = null;

  scan(doc: string): SimpleHead | undefined {
    try {
      let start = 0;
      while (start <= doc.length) {
        let end = doc.indexOf('\n', start);
        if (end < 0) end = doc.length;
        this.line(doc.slice(start, end));
        start = end + 1;
      }
      if (this.stack.length === 0) return undefined;
      if (this.block) this.endBlock();
      if (this.pending) this.nullValue(this.pending);
      return this.head;
    } catch (e) {
      if (e === BAIL) return undefined;
      throw e;
    }
  }

  private line(line: string): void {
    let ind = 0;
    while (ind < line.length && line.charCodeAt(ind) === 32) ind++;
    if (this.block) {
      const b = this.block;
      if (ind === line.length) {
        // Spaces-only lines before the first content line can fix the indentation: not ours.
        if (b.content < 0 && line.length > 0) throw BAIL;
        if (b.capture) {
          if (b.content < 0 || line.length > b.content) throw BAIL;
          b.capture.blank = true;
        }
        return;
      }
      if (b.content < 0) {
        if (ind > b.parent) {
          b.content = ind;
          b.capture?.lines.push(line.slice(ind));
          return;
        }
      } else if (ind >= b.content) {
        const c = b.capture;
        if (c) {
          // Only the simple shapes: no empty lines inside, no more-indented lines when folded.
          if (c.blank || (c.folded && ind > b.content)) throw BAIL;
          c.lines.push(line.slice(b.content));
        }
        return;
      }
      this.endBlock();
    }
    if (ind === line.length || line[ind] === '#') return;
    const item = line[ind] === '-' && (ind + 1 === line.length || line[ind + 1] === ' ');

    if (this.stack.length === 0) {
      if (ind !== 0 || item) throw BAIL;
      this.stack.push({ indent: 0, seq: false, compact: false, role: Role.Top, keys: new Set() });
    } else if (this.pending) {
      const p = this.pending;
      this.pending = null;
      if (ind > p.indent || (item && ind === p.indent)) {
        this.opened(p, item);
        if (item) {
          this.stack.push({ indent: ind, seq: true, compact: ind === p.indent, role: Role.Other, keys: null });
        } else {
          this.stack.push({ indent: ind, seq: false, compact: false, role: p.role, keys: new Set() });
        }
      } else this.nullValue(p);
    }

    const stack = this.stack;
    let top = stack[stack.length - 1];
    while (top.indent > ind || (top.compact && top.indent === ind && !item)) {
      stack.pop();
      if (stack.length === 0) throw BAIL;
      top = stack[stack.length - 1];
    }
    if (top.indent !== ind || top.seq !== item) throw BAIL;
    if (!item) {
      this.entry(line, ind, top);
      return;
    }
    let j = ind + 1;
    while (j < line.length && line.charCodeAt(j) === 32) j++;
    if (j === line.length || line[j] === '#') throw BAIL;
    if (keyEnd(line, j) >= 0) {
      const map: Level = { indent: j, seq: false, compact: false, role: Role.Other, keys: new Set() };
      stack.push(map);
      this.entry(line, j, map);
      return;
    }
    if (scalar(line, j, false).kind === 'block') this.block = { parent: ind, content: -1, capture: null };
  }

  /** A `key: value` line of the mapping `map` whose keys start at column `at`. */
  private entry(line: string, at: number, map: Level): void {
    const colon = keyEnd(line, at);
    if (colon < 0) throw BAIL;
    const key = line.slice(at, colon);
    if (NOT_STRING.has(key) || map.keys!.has(key)) throw BAIL;
    map.keys!.add(key);
    const role = childRole(map.role, key);
    let j = colon + 1;
    while (j < line.length && line.charCodeAt(j) === 32) j++;
    if (j === line.length || line[j] === '#') {
      this.pending = { indent: at, parent: map.role, role, key };
      return;
    }
    const v = scalar(line, j, isHeadString(map.role, key));
    if (v.kind === 'block') {
      if (role !== Role.Other) throw BAIL;
      let capture: Capture | null = null;
      if (isHeadString(map.role, key)) {
        if (v.chomp === '+') throw BAIL;
        capture = { parent: map.role, key, folded: v.folded, chomp: v.chomp, lines: [], blank: false };
      }
      this.block = { parent: at, content: -1, capture };
      return;
    }
    this.inlineValue(map.role, key, role, v);
  }

  /** Leaves a block scalar, storing it when it is a head string. */
  private endBlock(): void {
    const c = this.block!.capture;
    this.block = null;
    if (!c) return;
    if (c.lines.length === 0) throw BAIL;
    const text = c.lines.join(c.folded ? ' ' : '\n');
    this.setString(c.parent, c.key, c.chomp === '-' ? text : `${text}\n`);
  }

  /** Records head fields given on the key's own line. */
  private inlineValue(parent: Role, key: string, role: Role, v: Scalar): void {
    if (role === Role.Metadata || role === Role.Annotations) {
      if (v.kind !== 'emptyMap') throw BAIL;
      this.opened({ indent: 0, parent, role, key }, false);
      return;
    }
    if (isHeadString(parent, key)) this.setString(parent, key, headString(v));
  }

  /** A collection opens as the value of `p`; head fields take only mappings, head strings neither. */
  private opened(p: Pending, seq: boolean): void {
    if (isHeadString(p.parent, p.key)) throw BAIL;
    if (p.role === Role.Other) return;
    if (seq) throw BAIL;
    if (p.role === Role.Metadata) this.head.metadata = { name: '' };
    else this.head.metadata!.annotations = {};
  }

  /** A key with nothing after it is null: head strings stay empty, maps stay absent. */
  private nullValue(p: Pending): void {
    if (p.parent === Role.Annotations) this.head.metadata!.annotations![p.key] = '';
  }

  private setString(parent: Role, key: string, value: string): void {
    const head = this.head;
    if (parent === Role.Top) {
      if (key === 'apiVersion') head.apiVersion = value;
      else head.kind = value;
    } else if (parent === Role.Metadata) head.metadata!.name = value;
    else head.metadata!.annotations![key] = value;
  }
}

/** The role of the value under `key` in a mapping of role `parent`. */
function childRole(parent: Role, key: string): Role {
  if (parent === Role.Top) {
    if (key === 'metadata') return Role.Metadata;
    if (key === 'apiVersion' || key === 'kind') return Role.Other;
    // encoding/json matches field names case-insensitively; leave such documents to the full path.
    if (HEAD_KEYS.has(key.toLowerCase())) throw BAIL;
  } else if (parent === Role.Metadata) {
    if (key === 'annotations') return Role.Annotations;
    if (key === 'name') return Role.Other;
    if (METADATA_KEYS.has(key.toLowerCase())) throw BAIL;
  }
  return Role.Other;
}

const HEAD_KEYS = new Set(['apiversion', 'kind', 'metadata']);
const METADATA_KEYS = new Set(['name', 'annotations']);

function isHeadString(parent: Role, key: string): boolean {
  if (parent === Role.Top) return key === 'apiVersion' || key === 'kind';
  if (parent === Role.Metadata) return key === 'name';
  return parent === Role.Annotations;
}

function headString(v: Scalar): string {
  if (v.kind === 'string') return v.value;
  if (v.kind === 'plain' && PLAIN_HEAD_STRING.test(v.value) && !NOT_STRING.has(v.value)) return v.value;
  throw BAIL;
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', t: '\t', r: '\r', '/': '/' };

/** Scalars whose text is not needed (values outside the head). */
const SOME_STRING: Scalar = { kind: 'string', value: '' };
const SOME_PLAIN: Scalar = { kind: 'plain', value: '' };

/** A single-line scalar starting at `i` (its text only when `needValue`), or BAIL when it is anything else. */
function scalar(line: string, i: number, needValue: boolean): Scalar {
  const c = line[i];
  if (c === '"') {
    let value = '';
    let j = i + 1;
    for (;;) {
      if (j >= line.length) throw BAIL;
      const ch = line.charCodeAt(j);
      if (ch === 0x22) break;
      if (ch === 0x5c) {
        const e = ESCAPES[line[j + 1]];
        if (e === undefined) throw BAIL;
        if (needValue) value += e;
        j += 2;
        continue;
      }
      if (needValue) value += line[j];
      j++;
    }
    trailing(line, j + 1);
    return needValue ? { kind: 'string', value } : SOME_STRING;
  }
  if (c === "'") {
    let value = '';
    let j = i + 1;
    for (;;) {
      if (j >= line.length) throw BAIL;
      if (line.charCodeAt(j) === 0x27) {
        if (line.charCodeAt(j + 1) !== 0x27) break;
        if (needValue) value += "'";
        j += 2;
        continue;
      }
      if (needValue) value += line[j];
      j++;
    }
    trailing(line, j + 1);
    return needValue ? { kind: 'string', value } : SOME_STRING;
  }
  if (c === '[' || c === '{') {
    if (line[i + 1] !== (c === '[' ? ']' : '}')) throw BAIL;
    trailing(line, i + 2);
    return { kind: c === '[' ? 'emptySeq' : 'emptyMap' };
  }
  if (c === '|' || c === '>') {
    let j = i + 1;
    let chomp: '' | '-' | '+' = '';
    if (line[j] === '-' || line[j] === '+') chomp = line[j++] as '-' | '+';
    trailing(line, j);
    return { kind: 'block', folded: c === '>', chomp };
  }
  if (c === '-') {
    if (i + 1 === line.length || line[i + 1] === ' ') throw BAIL;
  } else if (',[]{}#&*!|>\'"%@`?:'.includes(c)) throw BAIL;
  // One pass: the value ends at a comment (` #`); `: ` or a final `:` would make it a mapping.
  let end = line.length;
  for (let j = i; j < line.length; j++) {
    const ch = line.charCodeAt(j);
    if (ch === 0x20) {
      if (line.charCodeAt(j + 1) === 0x23) {
        end = j;
        break;
      }
    } else if (ch === 0x3a && (j + 1 === line.length || line.charCodeAt(j + 1) === 0x20)) throw BAIL;
  }
  const numeric = NUMERIC_START.test(c);
  if (!needValue && !numeric) return SOME_PLAIN;
  const value = line.slice(i, end).trimEnd();
  if (numeric && (NON_FINITE.test(value) || NUMBER_WITH_EXPONENT.test(value.replaceAll('_', '')))) throw BAIL;
  return { kind: 'plain', value };
}

/** After a quoted scalar or indicator: only spaces, or spaces then a comment. */
function trailing(line: string, j: number): void {
  if (j === line.length) return;
  if (line[j] !== ' ') throw BAIL;
  while (j < line.length && line[j] === ' ') j++;
  if (j < line.length && line[j] !== '#') throw BAIL;
}

/**
 * The head of `next`, a new version of `prev` (a document {@link readSimpleHead} accepted, whose
 * head was `prevHead`), when the two differ only in single-line scalar values: the lines that
 * change at each render of a chart (checksums and generated secrets) and when a name is edited
 * (every `metadata.name`). Same line count, and each changed line keeps its indentation, item dash
 * and key and has a valid single-line value before and after. A changed `metadata.name` or direct
 * annotation value is read into a copy of the head; any other change at the top level or under
 * the top-level `metadata` returns undefined and is left to a full read.
 */
export function headAfterValueChanges(prev: string, prevHead: SimpleHead, next: string): SimpleHead | undefined {
  const a = prev.split('\n');
  const b = next.split('\n');
  if (a.length !== b.length) return undefined;
  let head = prevHead;
  try {
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      if (UNSAFE_CHAR.test(b[i]) || !sameShape(a[i], b[i])) return undefined;
      const place = headPlace(b, i);
      if (place === HeadPlace.Outside) continue;
      if (place === HeadPlace.Unknown) return undefined;
      const line = b[i];
      const at = indentOf(line);
      const value = headString(scalar(line, valueStart(line), true));
      if (head === prevHead) head = copyHead(prevHead);
      if (place === HeadPlace.Name) head.metadata!.name = value;
      else head.metadata!.annotations![line.slice(at, keyEnd(line, at))] = value;
    }
    return head;
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
}

function copyHead(h: SimpleHead): SimpleHead {
  if (!h.metadata) return { ...h };
  const metadata = { ...h.metadata };
  if (metadata.annotations) metadata.annotations = { ...metadata.annotations };
  return { ...h, metadata };
}

/** Both lines are `INDENT [- ]KEY: VALUE` with the same prefix and inline (non-block) values. */
function sameShape(x: string, y: string): boolean {
  const start = valueStart(x);
  if (start < 0 || valueStart(y) !== start || x.slice(0, start) !== y.slice(0, start)) return false;
  return inlineKind(x, start) && inlineKind(y, start);
}

function valueStart(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 0x20) i++;
  if (i === 0) return -1;
  if (line.charCodeAt(i) === 0x2d && line.charCodeAt(i + 1) === 0x20) {
    i += 2;
    while (i < line.length && line.charCodeAt(i) === 0x20) i++;
  }
  const colon = keyEnd(line, i);
  if (colon < 0) return -1;
  let j = colon + 1;
  while (j < line.length && line.charCodeAt(j) === 0x20) j++;
  return j === line.length || line.charCodeAt(j) === 0x23 ? -1 : j;
}

function inlineKind(line: string, start: number): boolean {
  return scalar(line, start, false).kind !== 'block';
}

const enum HeadPlace {
  /** Not part of the head: outside the top-level `metadata`, or under a key other than name and annotations. */
  Outside,
  /** The `name:` line of the top-level `metadata`. */
  Name,
  /** A `key: value` line directly under the top-level `metadata.annotations`. */
  Annotation,
  /** Anything else that may touch the head. */
  Unknown,
}

/** Where line `i` (a `[- ]KEY: VALUE` line with an inline value) stands relative to the head. */
function headPlace(lines: string[], i: number): HeadPlace {
  let top = -1;
  for (let j = i - 1; j >= 0; j--) {
    const l = lines[j];
    const c = l.charCodeAt(0);
    if (l.length === 0 || c === 0x20 || c === 0x23) continue;
    top = j;
    break;
  }
  if (top < 0) return HeadPlace.Unknown;
  if (lines[top] !== 'metadata:') return lines[top].startsWith('metadata:') ? HeadPlace.Unknown : HeadPlace.Outside;
  const childIndent = firstContentIndent(lines, top + 1, i);
  // The metadata key that owns line i: the nearest key line at that indentation.
  for (let j = i; j > top; j--) {
    const l = lines[j];
    if (indentOf(l) !== childIndent || l.length === childIndent || l[childIndent] === '-' || l[childIndent] === '#') continue;
    if (l.startsWith('name:', childIndent)) return j === i ? HeadPlace.Name : HeadPlace.Unknown;
    if (!l.startsWith('annotations:', childIndent)) return HeadPlace.Outside;
    if (j === i || l.length !== childIndent + 'annotations:'.length) return HeadPlace.Unknown;
    const line = lines[i];
    const at = indentOf(line);
    return at > childIndent && at === firstContentIndent(lines, j + 1, i) && line[at] !== '-' ? HeadPlace.Annotation : HeadPlace.Unknown;
  }
  return HeadPlace.Unknown;
}

/** The indentation of the first non-empty, non-comment line in `from..to`, or -1. */
function firstContentIndent(lines: string[], from: number, to: number): number {
  for (let j = from; j <= to; j++) {
    const ind = indentOf(lines[j]);
    if (ind < lines[j].length && lines[j][ind] !== '#') return ind;
  }
  return -1;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 0x20) i++;
  return i;
}
