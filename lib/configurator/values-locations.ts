/**
 * Where values paths sit in a values.yaml text, and which path sits at a place in it: how a
 * values path links to its line in the editor (the user's values.yaml, the merged values, the
 * chart's own values.yaml), and how a place in the editor names the value it holds.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Pair } from 'yaml';
import type { ValuePath } from './plain-values';

/** A span of text, 1-based, `end` exclusive (Monaco's and the editor markers' coordinates). */
export interface TextSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A values path's place in a text: the key that names it (the item, in a list) and its value. */
export interface ValueLocation {
  key: TextSpan;
  value: TextSpan;
}

interface Parsed {
  contents: unknown;
  lines: LineCounter;
}

// The same YAML 1.1 reading as values-document.ts; a broken text locates nothing.
function parse(text: string): Parsed | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) return null;
  return { contents: doc.contents, lines };
}

function span(lines: LineCounter, start: number, end: number): TextSpan {
  const from = lines.linePos(start);
  const to = lines.linePos(Math.max(end, start));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}

/** A map key as a values path segment: Helm reads every key as a string. */
const keyName = (key: unknown): string | null => (isScalar(key) ? String(key.value) : null);

const rangeOf = (node: unknown): [number, number] | null => (isNode(node) && node.range ? [node.range[0], node.range[1]] : null);

/** The entry or item a segment names in a map or list node, with the node it holds. */
function child(node: unknown, segment: string | number): { pair: Pair<unknown, unknown> | null; item: unknown } | null {
  if (isMap(node)) {
    // The last of duplicate keys wins, as Helm's YAML reader keeps it.
    const pair = node.items.findLast((p) => keyName(p.key) === String(segment));
    return pair ? { pair, item: pair.value } : null;
  }
  if (isSeq(node)) {
    const index = typeof segment === 'number' ? segment : /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : -1;
    return index >= 0 && index < node.items.length ? { pair: null, item: node.items[index] } : null;
  }
  return null;
}

/** Where `path` is set in `text`, or null when the text doesn't set it (or doesn't parse). */
export function valueLocation(text: string, path: ValuePath): ValueLocation | null {
  if (path.length === 0) return null;
  const parsed = parse(text);
  if (!parsed) return null;
  let node: unknown = parsed.contents;
  let found: { pair: Pair<unknown, unknown> | null; item: unknown } | null = null;
  for (const segment of path) {
    found = child(node, segment);
    if (!found) return null;
    node = found.item;
  }
  const keyRange = rangeOf(found!.pair?.key ?? found!.item);
  if (!keyRange) return null;
  // `key:` with nothing after it holds null, with no range of its own.
  const valueRange = rangeOf(found!.item) ?? [keyRange[1], keyRange[1]];
  return { key: span(parsed.lines, keyRange[0], keyRange[1]), value: span(parsed.lines, valueRange[0], valueRange[1]) };
}

/** 1-based line and column to an offset in `text` (past the end: its length). */
function offsetOf(lines: LineCounter, text: string, line: number, column: number): number {
  const start = lines.lineStarts[line - 1];
  if (start === undefined) return text.length;
  return Math.min(start + column - 1, text.length);
}

/**
 * The values path named at a place in `text` (1-based line and column): the deepest map entry or
 * list item whose key or value covers it, or whose key is on that line. Null outside every entry.
 */
export function valuesPathAt(text: string, line: number, column: number): ValuePath | null {
  const parsed = parse(text);
  if (!parsed) return null;
  const offset = offsetOf(parsed.lines, text, line, column);
  const lineStart = parsed.lines.lineStarts[line - 1] ?? text.length;
  const lineEnd = parsed.lines.lineStarts[line] ?? text.length;
  const path: (string | number)[] = [];
  let node: unknown = parsed.contents;
  for (;;) {
    const next = entryAt(node, offset, lineStart, lineEnd);
    if (!next) break;
    path.push(next.segment);
    node = next.item;
  }
  return path.length > 0 ? path : null;
}

function entryAt(node: unknown, offset: number, lineStart: number, lineEnd: number): { segment: string | number; item: unknown } | null {
  const onLine = (r: [number, number]): boolean => r[0] >= lineStart && r[0] < lineEnd;
  if (isMap(node)) {
    const entries = node.items.flatMap((p) => {
      const name = keyName(p.key);
      const key = rangeOf(p.key);
      return name !== null && key ? [{ name, key, end: rangeOf(p.value)?.[1] ?? key[1], value: p.value }] : [];
    });
    // An entry the place is in; else the first one whose key is on its line (the place is after the text).
    const e = entries.find((x) => x.key[0] <= offset && offset <= x.end) ?? entries.find((x) => onLine(x.key));
    if (!e) return null;
    return { segment: e.name, item: offset <= e.key[1] ? null : e.value };
  }
  if (isSeq(node)) {
    const ranges = node.items.map(rangeOf);
    let i = ranges.findIndex((r) => !!r && r[0] <= offset && offset <= r[1]);
    if (i < 0) i = ranges.findIndex((r) => !!r && onLine(r));
    if (i >= 0) return { segment: i, item: node.items[i] };
  }
  return null;
}

/** The text a span covers. */
export function spanText(text: string, span: TextSpan): string {
  const lines = text.split('\n');
  if (span.line === span.endLine) return (lines[span.line - 1] ?? '').slice(span.column - 1, span.endColumn - 1);
  return [(lines[span.line - 1] ?? '').slice(span.column - 1), ...lines.slice(span.line, span.endLine - 1), (lines[span.endLine - 1] ?? '').slice(0, span.endColumn - 1)].join('\n');
}
