/**
 * The line→source map of a `helm template` stream (what `chartroom template --trace` writes and
 * the preview's "where did this line come from" reads). Helm's post-processing (split into
 * documents, trimmed, sorted into install order, hooks after, `--show-only`) only cuts and moves
 * whole documents of a rendered file, so each document of the final stream is found in its
 * file's traced text and its lines take that text's spans.
 */
import { readsIn, type CallKind, type RangeReads, type ReadRange, type Span, type SpanOrigin, type TracedText } from '../engine/provenance';
import type { ValuesReadRecorder } from '../engine/values-reads';
import type { Node } from '../../gotemplate';
import type { CrdFile } from './template';

/** A template position: the file (its name in the render, e.g. `mychart/templates/a.yaml`) and 1-based line and column (UTF-16). */
export interface TracePosition {
  template: string;
  line: number;
  col: number;
}

/** A call the text came through: `include "name"`, `{{template "name"}}` or `tpl`, and where it is written. */
export interface TraceCallSite extends TracePosition {
  kind: CallKind;
  /** The template named (empty for `tpl`). */
  name: string;
}

/** Who wrote a piece of a line. */
export interface TraceOrigin extends TracePosition {
  /**
   * `text`: template text copied as written (the position is where that text is);
   * `action`: printed by the action at the position (for `tpl`, the `tpl` call);
   * `file`: a file copied whole (`crds/`).
   */
  kind: 'text' | 'action' | 'file';
  /** Calls it came through, outermost first. */
  chain: TraceCallSite[];
  /** Values paths the action read to compute what it printed (values-reads.ts paths): fetched, tested or read whole. */
  values: string[];
  /**
   * Those of `values` read whole (`toYaml .Values.x`, range over a map, `keys`): everything under
   * them counts. The others were fetched or tested only: `.Values.a.b` reads `a` on the way to `b`.
   */
  subtrees: string[];
  /** Other objects it read: `Release.Name`, `Capabilities`, `Chart`, `Files`... */
  objects: string[];
  /** Values paths read by the if/with/range pipelines around the node. */
  guards: string[];
  /** Those of `guards` read whole (a range over a map). */
  guardSubtrees: string[];
}

/** A line of the stream: the `---` and `# Source:` lines helm adds, or the spans that wrote it. */
export type TraceLine =
  | { header: 'separator' }
  | { header: 'source'; template: string }
  /** [from, to) columns (0-based UTF-16) of the line, and the index of their origin in `origins`. */
  | { spans: [from: number, to: number, origin: number][] };

export interface OutputTrace {
  version: 1;
  /** One entry per line of the output (line 1 first). */
  lines: TraceLine[];
  origins: TraceOrigin[];
}

const SOURCE = '# Source: ';

/** Maps each line of `output` to its origins. */
export function traceOutput(output: string, files: ReadonlyMap<string, TracedText>, crds: readonly CrdFile[], reads: ValuesReadRecorder): OutputTrace {
  const origins = new OriginTable(reads);
  const lines = output.endsWith('\n') ? output.slice(0, -1).split('\n') : output.split('\n');
  const out: TraceLine[] = [];
  const isHeader = (i: number) => lines[i] === '---' && i + 1 < lines.length && lines[i + 1].startsWith(SOURCE);
  const used = new Map<string, Set<number>>();
  let i = 0;
  while (i < lines.length) {
    if (!isHeader(i)) {
      out.push({ spans: [] });
      i++;
      continue;
    }
    const template = lines[i + 1].slice(SOURCE.length);
    out.push({ header: 'separator' }, { header: 'source', template });
    let j = i + 2;
    while (j < lines.length && !isHeader(j)) j++;
    const content = lines.slice(i + 2, j);
    const crd = crds.find((c) => c.filename === template);
    const traced = files.get(template);
    if (crd) for (let k = 0; k < content.length; k++) out.push({ spans: content[k] === '' ? [] : [[0, content[k].length, origins.file(template, k + 1)]] });
    else if (traced) out.push(...mapDocument(content, traced, used.get(template) ?? used.set(template, new Set()).get(template)!, origins));
    else for (let k = 0; k < content.length; k++) out.push({ spans: [] });
    i = j;
  }
  return { version: 1, lines: out, origins: origins.list };
}

function mapDocument(content: string[], traced: TracedText, used: Set<number>, origins: OriginTable): TraceLine[] {
  const doc = content.join('\n');
  let at = traced.text.indexOf(doc);
  while (at >= 0 && used.has(at)) at = traced.text.indexOf(doc, at + 1);
  if (at < 0) return content.map(() => ({ spans: [] }));
  used.add(at);
  const result: TraceLine[] = [];
  let lineStart = at;
  let si = firstSpanEndingAfter(traced.spans, at);
  for (const line of content) {
    const lineEnd = lineStart + line.length;
    const spans: [number, number, number][] = [];
    while (si < traced.spans.length && traced.spans[si].end <= lineStart) si++;
    for (let k = si; k < traced.spans.length && traced.spans[k].start < lineEnd; k++) {
      const s = traced.spans[k];
      const from = Math.max(s.start, lineStart);
      const to = Math.min(s.end, lineEnd);
      if (from < to) spans.push([from - lineStart, to - lineStart, origins.of(s, from)]);
    }
    result.push({ spans });
    lineStart = lineEnd + 1;
  }
  return result;
}

function firstSpanEndingAfter(spans: readonly Span[], p: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Origins as JSON. An action's printing is one origin; template text is one origin per position,
 * call chain and enclosing conditions (a text node run again in a loop shares them), found by
 * identity rather than by comparing JSON, which cost more than the rest of the trace.
 */
class OriginTable {
  readonly list: TraceOrigin[] = [];
  private readonly files = new Map<string, number>();
  private readonly actions = new Map<SpanOrigin, number>();
  private readonly texts = new Map<Node, Map<number, Map<readonly unknown[], Map<readonly unknown[], number>>>>();
  private readonly ranges = new Map<ReadRange, RangeReads>();
  /** By identity: the tracer shares one array among the nodes under the same calls, or the same conditions. */
  private readonly chains = new Map<SpanOrigin['chain'], TraceCallSite[]>();
  private readonly guardReads = new Map<SpanOrigin['guards'], { guards: string[]; guardSubtrees: string[] }>();
  private readonly lineStarts = new Map<string, number[]>();

  constructor(private readonly reads: ValuesReadRecorder) {}

  /** The origin of position `p` of the output, inside span `s`. */
  of(s: Span, p: number): number {
    const o = s.origin;
    if (o.kind === 'action') {
      let i = this.actions.get(o);
      if (i === undefined) this.actions.set(o, (i = this.add(this.json(o, o.node.pos))));
      return i;
    }
    const pos = o.node.pos + s.offset + (p - s.start);
    const byChain = getOrMake(getOrMake(this.texts, o.node), pos);
    const byGuards = getOrMake(byChain, o.chain);
    let i = byGuards.get(o.guards);
    if (i === undefined) byGuards.set(o.guards, (i = this.add(this.json(o, pos))));
    return i;
  }

  private readsOf(r: ReadRange): RangeReads {
    let got = this.ranges.get(r);
    if (got === undefined) this.ranges.set(r, (got = readsIn(this.reads, r)));
    return got;
  }

  file(template: string, line: number): number {
    const key = `${line}:${template}`;
    let i = this.files.get(key);
    if (i === undefined) this.files.set(key, (i = this.add({ kind: 'file', template, line, col: 1, chain: [], values: [], subtrees: [], objects: [], guards: [], guardSubtrees: [] })));
    return i;
  }

  private json(o: SpanOrigin, pos: number): TraceOrigin {
    const own = this.readsOf(o.reads);
    const { guards, guardSubtrees } = this.guardsOf(o.guards);
    return {
      kind: o.kind,
      ...this.position(o.node, pos),
      chain: this.chainOf(o.chain),
      values: own.values,
      subtrees: own.subtrees,
      objects: own.objects,
      guards,
      guardSubtrees,
    };
  }

  private chainOf(chain: SpanOrigin['chain']): TraceCallSite[] {
    let sites = this.chains.get(chain);
    if (sites === undefined) this.chains.set(chain, (sites = chain.map((c) => ({ kind: c.kind, name: c.name, ...this.position(c.site, c.site.pos) }))));
    return sites;
  }

  /** The values paths the conditions read, outermost first, each once. */
  private guardsOf(ranges: SpanOrigin['guards']): { guards: string[]; guardSubtrees: string[] } {
    let got = this.guardReads.get(ranges);
    if (got === undefined) {
      const guards = new Set<string>();
      const guardSubtrees = new Set<string>();
      for (const g of ranges) {
        const read = this.readsOf(g);
        for (const p of read.values) guards.add(p);
        for (const p of read.subtrees) guardSubtrees.add(p);
      }
      this.guardReads.set(ranges, (got = { guards: [...guards], guardSubtrees: [...guardSubtrees] }));
    }
    return got;
  }

  private add(o: TraceOrigin): number {
    this.list.push(o);
    return this.list.length - 1;
  }

  private position(node: Node, pos: number): TracePosition {
    const text = node.tree.text;
    let starts = this.lineStarts.get(text);
    if (starts === undefined) {
      starts = [0];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts.set(text, starts);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { template: node.tree.parseName, line: lo + 1, col: pos - starts[lo] + 1 };
  }
}

function getOrMake<K, K2, V>(m: Map<K, Map<K2, V>>, k: K): Map<K2, V> {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = new Map()));
  return v;
}
