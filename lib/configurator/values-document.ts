/**
 * The user's values.yaml as a YAML document. Form edits go through the `yaml` package's
 * Document API so the user's comments, key order and formatting survive; the text holds only
 * what differs from the chart's defaults, so setting a value back to its default removes it.
 */
import { isCollection, isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { getIn, isPlainMap, plainEqual, type PlainMap, type PlainValue, type ValuePath } from './plain-values';
import { documentToJS } from '../form';

/** A problem in the user's YAML, positioned for an editor marker (1-based line and column). */
export interface YamlProblem {
  message: string;
  /** Stable code from the `yaml` package (e.g. `BAD_INDENT`), `ALIAS` or `NOT_A_MAP`. */
  code: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type ParsedValues = { ok: true; values: PlainMap } | { ok: false; problems: YamlProblem[] };

// Helm reads values with go-yaml v2, a YAML 1.1 parser (`yes`/`no`/`on`/`off` are booleans).
const PARSE_OPTIONS = { version: '1.1', prettyErrors: false, keepSourceTokens: false } as const;

function parse(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS);
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function problemAt(text: string, message: string, code: string, pos: readonly [number, number]): YamlProblem {
  const from = lineCol(text, pos[0]);
  const to = lineCol(text, Math.max(pos[1], pos[0] + 1));
  return { message, code, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

/** Parses the user's values text; on failure the text is untouched and problems are positioned. */
export function parseValuesText(text: string): ParsedValues {
  const doc = parse(text);
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => problemAt(text, e.message.split('\n')[0], e.code, e.pos)) };
  }
  const result = documentToJS(doc);
  if (!result.ok) return { ok: false, problems: [problemAt(text, result.message, 'ALIAS', result.range)] };
  const js = result.value;
  if (js === null || js === undefined) return { ok: true, values: {} };
  if (!isPlainMap(js)) {
    return { ok: false, problems: [{ message: 'values.yaml must be a mapping of keys to values', code: 'NOT_A_MAP', line: 1, column: 1, endLine: 1, endColumn: 2 }] };
  }
  return { ok: true, values: js as PlainMap };
}

/**
 * Document.setIn, except that missing parents become plain maps: the yaml package creates them
 * from JS Maps, which the YAML 1.1 schema writes as `!!omap`. A scalar replacing a scalar keeps
 * its node, so a trailing comment stays.
 */
function setIn(doc: Document, path: ValuePath, value: PlainValue): void {
  if (!isCollection(doc.contents)) doc.contents = doc.createNode(typeof path[0] === 'number' ? [] : {});
  let parent = doc.contents as unknown as { get(k: unknown, keep: true): unknown; set(k: unknown, v: unknown): void };
  for (let i = 0; i < path.length - 1; i++) {
    const child = parent.get(path[i], true);
    if (isMap(child) || isSeq(child)) {
      parent = child as unknown as typeof parent;
      continue;
    }
    const created = doc.createNode(typeof path[i + 1] === 'number' ? [] : {});
    parent.set(path[i], created);
    parent = created as unknown as typeof parent;
  }
  const last = path[path.length - 1];
  const existing = parent.get(last, true);
  const scalar = value === null || typeof value !== 'object';
  parent.set(last, scalar && isScalar(existing) ? value : doc.createNode(value));
}

/** Removes maps left empty along `path` after a deletion, innermost first. */
function pruneEmptyParents(doc: Document, path: ValuePath): void {
  for (let n = path.length - 1; n > 0; n--) {
    const parent = doc.getIn(path.slice(0, n), true);
    if (isMap(parent) && parent.items.length === 0) doc.deleteIn(path.slice(0, n));
    else break;
  }
}

/**
 * Applies a form edit to the user's values text. A value equal to the chart default (or
 * `undefined`) removes the override. Returns null when the text doesn't parse (the caller
 * keeps the user's text and asks them to fix it first).
 */
export function setValueInText(text: string, path: ValuePath, value: PlainValue | undefined, defaults: PlainMap): string | null {
  const doc = parse(text);
  if (doc.errors.length > 0 || !documentToJS(doc).ok) return null;
  if (doc.contents !== null && !isMap(doc.contents)) return null;
  const isDefault = value === undefined || plainEqual(getIn(defaults, path), value);
  if (isDefault) {
    if (doc.hasIn(path)) {
      doc.deleteIn(path);
      pruneEmptyParents(doc, path);
    }
  } else {
    setIn(doc, path, value);
  }
  if (doc.contents === null || (isMap(doc.contents) && doc.contents.items.length === 0)) {
    // Keep a leading comment block the user wrote; otherwise the empty document is ''.
    return doc.commentBefore ? `${doc.commentBefore.split('\n').map((l) => `#${l}`).join('\n')}\n` : '';
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * The chart's values.yaml with the user's overrides applied: the full merged values, keeping the
 * chart's own comments (for the read-only "full values" view).
 */
export function mergedValuesText(defaultsText: string, overrides: PlainMap): string {
  const doc = parse(defaultsText);
  if (doc.errors.length > 0) return defaultsText;
  const apply = (prefix: (string | number)[], node: PlainMap): void => {
    for (const [k, v] of Object.entries(node)) {
      const path = [...prefix, k];
      if (v === null) doc.deleteIn(path);
      else if (isPlainMap(v) && isMap(doc.getIn(path, true))) apply(path, v);
      else setIn(doc, path, v);
    }
  };
  apply([], overrides);
  return doc.toString({ lineWidth: 0 });
}

/** Plain values of the chart's defaults text (empty on a broken file). */
export function defaultValues(defaultsText: string): PlainMap {
  const r = parseValuesText(defaultsText);
  return r.ok ? r.values : {};
}
