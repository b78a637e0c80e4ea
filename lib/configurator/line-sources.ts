/**
 * Reading a tracing render for the page: the source of a line of the manifests (in the stream or
 * in one resource), the values it read with what they hold now, and the other way round, the
 * lines a value is used by.
 */
import { stringify } from 'yaml';
import { joinPath, pathKeys, type OutputTrace, type TraceOrigin } from '../helm';
import { findSecretPaths, type SecretField } from '../share';
import { documentAtLine, manifestDocuments, streamLine, textLines, type ManifestDocument } from './manifest-lines';
import type { PlainValue, ValuePath } from './plain-values';
import type { RenderedResource, RenderTrace } from './render-protocol';
import type { TextSpan } from './values-locations';

/** A values path as the engine writes it (keys joined by `.`, a `.` in a key as `\.`). */
export type TracePath = string;

export const tracePathKeys = (path: TracePath): string[] => pathKeys(path);

export const tracePathOf = (path: ValuePath): TracePath => path.reduce<string>((p, k) => joinPath(p, String(k)), '');

/** The stream's documents, matched to the render's resources. */
export function streamDocuments(trace: RenderTrace, resources: readonly RenderedResource[]): ManifestDocument[] {
  return manifestDocuments(textLines(trace.output), resources);
}

/**
 * The stream line shown at `line` of a view: the stream itself (`resourceId` null), or one
 * resource's YAML. Null when the resource is not in the stream.
 */
export function streamLineOf(docs: readonly ManifestDocument[], resourceId: string | null, line: number): number | null {
  if (resourceId === null) return line;
  const doc = docs.find((d) => d.resourceId === resourceId);
  if (!doc) return null;
  const at = streamLine(doc, line);
  return at <= doc.endLine ? at : null;
}

/** A piece of a line and who wrote it: `from`..`to` are 0-based columns of the line, end exclusive. */
export interface LinePiece {
  from: number;
  to: number;
  origin: TraceOrigin;
}

/** What wrote a line: Helm itself (the `---` and `# Source:` lines), or pieces of templates. */
export type LineSource = { kind: 'separator' } | { kind: 'source'; template: string } | { kind: 'written'; pieces: LinePiece[] };

/** A line of a view and what it came from. */
export interface TracedLine {
  /** The line in the stream (1-based). */
  streamLine: number;
  /** Its document, null outside every document. */
  doc: ManifestDocument | null;
  text: string;
  source: LineSource;
}

function sourceOf(trace: OutputTrace, index: number): LineSource {
  const l = trace.lines[index];
  if (!l) return { kind: 'written', pieces: [] };
  if ('header' in l) return l.header === 'separator' ? { kind: 'separator' } : { kind: 'source', template: l.template };
  return { kind: 'written', pieces: l.spans.map(([from, to, o]) => ({ from, to, origin: trace.origins[o] })) };
}

export function traceLine(trace: RenderTrace, docs: readonly ManifestDocument[], resourceId: string | null, line: number): TracedLine | null {
  const at = streamLineOf(docs, resourceId, line);
  if (at === null || at < 1 || at > trace.trace.lines.length) return null;
  return { streamLine: at, doc: documentAtLine(docs, at), text: textLines(trace.output)[at - 1] ?? '', source: sourceOf(trace.trace, at - 1) };
}

/**
 * The piece of a line to show first: the first action that printed more than blanks (the line's
 * value, not the indentation an `nindent` added), else the first piece with text.
 */
export function mainPiece(pieces: readonly LinePiece[], lineText: string): number {
  const filled = (p: LinePiece): boolean => lineText.slice(p.from, p.to).trim() !== '';
  const action = pieces.findIndex((p) => p.origin.kind === 'action' && filled(p));
  if (action >= 0) return action;
  const any = pieces.findIndex(filled);
  return any >= 0 ? any : pieces.length > 0 ? 0 : -1;
}

/**
 * Where a piece's origin sits in its template's text: text copied as written spans as many columns
 * as it wrote; an action, from its first token through the `}}` that closes it (see
 * {@link actionSpan}); a file copied whole, its line.
 */
export function originSpan(piece: LinePiece, templateText: string | null): TextSpan {
  const o = piece.origin;
  if (o.kind === 'text') return { line: o.line, column: o.col, endLine: o.line, endColumn: o.col + (piece.to - piece.from) };
  if (o.kind === 'file') return { line: o.line, column: 1, endLine: o.line, endColumn: (templateText === null ? 1 : (textLines(templateText)[o.line - 1]?.length ?? 0)) + 1 };
  return actionSpan(templateText, o.line, o.col);
}

/**
 * An action (or a call in one) whose first token is at `line`:`col` of a template: through the
 * `}}` that closes it, when the text is at hand; else its first character.
 */
export function actionSpan(templateText: string | null, line: number, col: number): TextSpan {
  const lines = templateText === null ? [] : textLines(templateText);
  for (let n = line - 1; n < lines.length; n++) {
    const close = lines[n].indexOf('}}', n === line - 1 ? col - 1 : 0);
    if (close >= 0) return { line, column: col, endLine: n + 1, endColumn: close + 3 };
  }
  return { line, column: col, endLine: line, endColumn: col + 1 };
}

/** A values path a line read. */
export interface ReadValue {
  path: TracePath;
  keys: string[];
  /** Read by the if/with/range around the line (deciding whether it is written), not by what wrote it. */
  guard: boolean;
}

/** The values a line read, each once, in path order; a path read both ways counts as read by what wrote it. */
export function readValues(pieces: readonly LinePiece[]): ReadValue[] {
  const own = new Set(pieces.flatMap((p) => p.origin.values));
  const guards = new Set(pieces.flatMap((p) => p.origin.guards));
  return [...new Set([...own, ...guards])].sort().map((path) => ({ path, keys: pathKeys(path), guard: !own.has(path) }));
}

/**
 * Whether a read of `read` depends on the value at `target`: the same path, a read inside it
 * (a map is used wherever one of its values is), or a read of the whole of something holding it.
 */
export function readDependsOn(read: TracePath, whole: boolean, target: TracePath): boolean {
  if (read === target) return true;
  if (whole && (read === '' || target.startsWith(`${read}.`))) return true;
  return target === '' || read.startsWith(`${target}.`);
}

/**
 * Whether one set of reads depends on the value at `target`: `paths` are the paths read (fetched,
 * tested or read whole), `subtrees` those read whole. A path fetched on the way to a key
 * (`.Values.a.b` fetches `a`) uses only what was read under it; one holding no map (a list, a
 * scalar) is all one value, so it counts as read whole.
 */
function readsUse(paths: readonly TracePath[], subtrees: readonly TracePath[], target: TracePath, isMap: (path: TracePath) => boolean): boolean {
  const whole = new Set(subtrees);
  return paths.some((path) => readDependsOn(path, whole.has(path) || !isMap(path), target)) || subtrees.some((path) => readDependsOn(path, true, target));
}

/**
 * Whether a line's computation (what wrote it, or the conditions around it) depends on the value
 * at `target`: it read that value, something holding it whole, or a value inside it; not a
 * sibling fetched through the same parent map.
 */
export function lineUses(pieces: readonly LinePiece[], target: TracePath, isMap: (path: TracePath) => boolean = () => true): boolean {
  return pieces.some(({ origin: o }) => readsUse(o.values, o.subtrees, target, isMap) || readsUse(o.guards, o.guardSubtrees, target, isMap));
}

/** Whether a path of the render's values holds a map. */
export function holdsMap(values: unknown): (path: TracePath) => boolean {
  const known = new Map<TracePath, boolean>();
  return (path) => {
    let v = known.get(path);
    if (v === undefined) {
      let node = values;
      for (const k of pathKeys(path)) node = node instanceof Map ? node.get(k) : undefined;
      v = node instanceof Map;
      known.set(path, v);
    }
    return v;
  };
}

/** The lines of one document that use a value. */
export interface DocumentUse {
  doc: ManifestDocument;
  /** Stream lines (1-based), in order. */
  lines: number[];
}

/** Every line of the stream that uses the value at `target`, by document, in stream order; `values` are the render's. */
export function usedBy(trace: RenderTrace, docs: readonly ManifestDocument[], target: TracePath, values: unknown): DocumentUse[] {
  const out: DocumentUse[] = [];
  const isMap = holdsMap(values);
  const origins = trace.trace.origins;
  // Origins are shared by many lines: decide each once.
  const uses = new Map<number, boolean>();
  const originUses = (k: number): boolean => {
    let u = uses.get(k);
    if (u === undefined) uses.set(k, (u = lineUses([{ from: 0, to: 0, origin: origins[k] }], target, isMap)));
    return u;
  };
  trace.trace.lines.forEach((l, i) => {
    if ('header' in l || !l.spans.some(([, , k]) => originUses(k))) return;
    const doc = documentAtLine(docs, i + 1);
    if (!doc) return;
    const last = out.at(-1);
    if (last?.doc === doc) last.lines.push(i + 1);
    else out.push({ doc, lines: [i + 1] });
  });
  return out;
}

/** The lines of a view (stream, or one resource's YAML) among `uses`, in that view's numbering. */
export function viewLines(uses: readonly DocumentUse[], resourceId: string | null): number[] {
  if (resourceId === null) return uses.flatMap((u) => u.lines);
  const use = uses.find((u) => u.doc.resourceId === resourceId);
  return use ? use.lines.map((l) => l - use.doc.bodyStartLine + 1) : [];
}

/** A value of the render's values (Maps of Go values, Go ints cloned as `{v, kind}`) as plain JSON. */
export function plainValue(v: unknown, depth = 0): PlainValue | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (depth > 64) return '…';
  if (v instanceof Map) {
    const out: Record<string, PlainValue> = {};
    for (const [k, x] of v) {
      const p = plainValue(x, depth + 1);
      if (p !== undefined) Object.defineProperty(out, String(k), { value: p, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  if (Array.isArray(v)) return v.map((x) => plainValue(x, depth + 1) ?? null);
  if (typeof v === 'object' && 'v' in v && typeof (v as { v: unknown }).v === 'bigint') return Number((v as { v: bigint }).v);
  return String(v);
}

/** The value at a path of the render's values, as plain JSON; undefined where the values have none. */
export function valueAtPath(values: unknown, keys: readonly string[]): PlainValue | undefined {
  let node = values;
  for (const k of keys) {
    if (node instanceof Map) node = node.get(k);
    else if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(k)) node = node[Number(k)];
    else return undefined;
    if (node === undefined) return undefined;
  }
  return plainValue(node);
}

/** Shown in place of a secret value. */
export const MASK = '••••••';

/**
 * A value to show, with the secrets in it (by the rule that keeps them out of share links and
 * autosave) replaced by {@link MASK}.
 */
export function maskedValue(keys: readonly string[], value: PlainValue | undefined, fields: readonly SecretField[]): PlainValue | undefined {
  if (value === undefined) return undefined;
  // Nested under its own path, so schema fields and key names apply as they do to the whole values.
  const root: Record<string, PlainValue> = {};
  let parent: Record<string, PlainValue> = root;
  keys.forEach((k, i) => {
    const next = i === keys.length - 1 ? value : {};
    Object.defineProperty(parent, k, { value: next, enumerable: true, writable: true, configurable: true });
    if (i < keys.length - 1) parent = next as Record<string, PlainValue>;
  });
  const secrets = findSecretPaths(keys.length ? root : value, fields);
  if (secrets.length === 0) return value;
  const out: PlainValue = structuredClone(value);
  for (const s of secrets) {
    const rest = s.slice(keys.length).map(String);
    if (rest.length === 0) return MASK;
    let node: unknown = out;
    for (const k of rest.slice(0, -1)) node = (node as Record<string, unknown>)[k];
    (node as Record<string, unknown>)[rest[rest.length - 1]] = MASK;
  }
  return out;
}

const SHOWN_LINES = 12;

/** A value as YAML, for a glance: a few lines at most; `undefined` (no such value) as null. */
export function valueText(value: PlainValue | undefined): string {
  if (value === undefined) return '(not set)';
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  const lines = text.split('\n');
  return lines.length > SHOWN_LINES ? `${lines.slice(0, SHOWN_LINES).join('\n')}\n… (${lines.length - SHOWN_LINES} more lines)` : text;
}
