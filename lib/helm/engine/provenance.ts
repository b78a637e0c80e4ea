/**
 * Provenance of rendered text: for every span of a template file's output, the node that wrote
 * it (a text node, or an action that printed a value), the `include`/`template`/`tpl` calls it
 * came through, the reads (values-reads.ts) made while computing it, and the reads of the
 * if/with/range pipelines around it. Kept only by a tracing render; see output-trace.ts for the
 * lines of the final `helm template` stream.
 *
 * Text an included template produced reaches the output as a string value printed by the
 * caller's action, often reshaped (`nindent`, `trim`, `quote`...). Its spans are carried back to
 * the caller and placed where the caller's printed text contains each of its lines, in order;
 * whatever the action printed that no included line accounts for is the action's own. Text a
 * `tpl` call executed is attributed to the `tpl` call (its template text is a values string, not
 * a file), with the calls it made inside.
 */
import type { ExecTracer, ActionNode, Node, TemplateNode, TextNode } from '../../gotemplate';
import { ReadKind, type ValuesReadRecorder } from './values-reads';

export type CallKind = 'include' | 'template' | 'tpl';

/** A call the output came through: its kind, the template named, the node that made it. */
export interface TraceCall {
  readonly kind: CallKind;
  readonly name: string;
  readonly site: Node;
}

/** A range of the recorder's log. */
export interface ReadRange {
  readonly from: number;
  readonly to: number;
}

/** Who wrote a span. */
export interface SpanOrigin {
  readonly kind: 'text' | 'action';
  readonly node: Node;
  /** Outermost call first. */
  readonly chain: readonly TraceCall[];
  /** The reads made computing the printed value (none for text). */
  readonly reads: ReadRange;
  /** The reads of the if/with/range pipelines the node ran inside, outermost first. */
  readonly guards: readonly ReadRange[];
}

/** [start, end) of an output text, written by `origin`; `offset` is where the span starts in a text node's text. */
export interface Span {
  start: number;
  end: number;
  origin: SpanOrigin;
  offset: number;
}

/** An output text with the spans that cover it, in order, not overlapping. */
export interface TracedText {
  text: string;
  spans: Span[];
}

interface Frame {
  spans: Span[];
  /** Read log position where the pipeline being evaluated began. */
  pipelineStart: number;
  /** Texts produced by executions called from the current pipeline (include, tpl). */
  produced: TracedText[];
  /** Inside a `tpl` text: the `tpl` call, which stands for every node of that text. */
  tplSite: Node | null;
  /** Inside a `tpl` text: where the reads of the pipeline calling `tpl` began (the text's own value among them). */
  tplReadsFrom: number;
}

/** An `include`'s traced text with the calls and conditions around the call that ran it. */
export interface IncludedText {
  readonly name: string;
  readonly text: TracedText;
  readonly chain: readonly TraceCall[];
  readonly guards: readonly ReadRange[];
}

/** Produced texts a frame keeps waiting for an action to print them. */
const MAX_PRODUCED = 16;
const NO_READS: ReadRange = Object.freeze({ from: 0, to: 0 });
const NO_GUARDS: readonly ReadRange[] = Object.freeze([]);
const NO_CHAIN: readonly TraceCall[] = Object.freeze([]);

/** Keeps a text an execution produced until an action prints it (an include's text may be printed from a variable later). */
function produce(f: Frame, text: TracedText): void {
  if (f.produced.length >= MAX_PRODUCED) f.produced.shift();
  f.produced.push(text);
}

export class ProvenanceTracer implements ExecTracer {
  private readonly frames: Frame[] = [];
  private chain: readonly TraceCall[] = NO_CHAIN;
  private readonly chains: (readonly TraceCall[])[] = [];
  private guards: readonly ReadRange[] = NO_GUARDS;
  private readonly guardStack: (readonly ReadRange[])[] = [];
  private lastCallSite: Node | null = null;
  /** Set between enterCall('tpl') and the execution it starts. */
  private nextTplSite: Node | null = null;
  private fileResult: TracedText | null = null;

  constructor(readonly reads: ValuesReadRecorder) {}

  private get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  private site(node: Node): Node {
    const f = this.frames[this.frames.length - 1];
    return f !== undefined && f.tplSite !== null ? f.tplSite : node;
  }

  beginExec(): void {
    const parent = this.frames[this.frames.length - 1];
    const tplSite = this.nextTplSite;
    this.nextTplSite = null;
    const tplReadsFrom = tplSite !== null && parent !== undefined ? parent.pipelineStart : 0;
    this.frames.push({ spans: [], pipelineStart: this.reads.length, produced: [], tplSite, tplReadsFrom });
  }

  endExec(out: string): void {
    const f = this.frames.pop()!;
    const parent = this.frames[this.frames.length - 1];
    const result = { text: out, spans: f.spans };
    if (parent === undefined) this.fileResult = result;
    else produce(parent, result);
  }

  /**
   * The traced text of the `include` that just returned, kept with the calls and conditions it
   * was called under, so that {@link reuseIncluded} can stand for running it again elsewhere.
   */
  keepIncluded(name: string): IncludedText {
    const produced = this.frame.produced;
    return { name, text: produced[produced.length - 1], chain: this.chain, guards: this.guards };
  }

  /**
   * An include result reused at the call being made now: its text is produced as if it had run
   * here, its spans moved under the calls and conditions of this call. New chains, conditions
   * and origins are made for it as the run would have made them (one per one it made), so the
   * trace is the same as when every include runs.
   */
  reuseIncluded(kept: IncludedText): void {
    const chain = [...this.chain, { kind: 'include' as const, name: kept.name, site: this.lastCallSite! }];
    const guards = this.guards;
    const chains = new Map<readonly TraceCall[], readonly TraceCall[]>();
    const guardLists = new Map<readonly ReadRange[], readonly ReadRange[]>();
    const origins = new Map<SpanOrigin, SpanOrigin>();
    const skipChain = kept.chain.length + 1;
    const skipGuards = kept.guards.length;
    const spans: Span[] = [];
    for (const s of kept.text.spans) {
      let o = origins.get(s.origin);
      if (o === undefined) {
        const was = s.origin;
        let c = chains.get(was.chain);
        if (c === undefined) chains.set(was.chain, (c = was.chain.length === skipChain ? chain : [...chain, ...was.chain.slice(skipChain)]));
        let g = guardLists.get(was.guards);
        if (g === undefined) guardLists.set(was.guards, (g = was.guards.length === skipGuards ? guards : [...guards, ...was.guards.slice(skipGuards)]));
        origins.set(was, (o = { kind: was.kind, node: was.node, chain: c, reads: was.reads, guards: g }));
      }
      spans.push({ start: s.start, end: s.end, origin: o, offset: s.offset });
    }
    produce(this.frame, { text: kept.text.text, spans });
  }

  abortExec(): void {
    this.frames.pop();
  }

  beginPipeline(): void {
    this.frame.pipelineStart = this.reads.length;
  }

  text(node: TextNode, start: number): void {
    const f = this.frame;
    const tpl = f.tplSite;
    const reads = tpl === null ? NO_READS : { from: f.tplReadsFrom, to: this.reads.length };
    const origin: SpanOrigin = { kind: tpl === null ? 'text' : 'action', node: tpl ?? node, chain: this.chain, reads, guards: this.guards };
    f.spans.push({ start, end: start + node.text.length, origin, offset: 0 });
  }

  action(node: ActionNode, start: number, end: number, out: string): void {
    if (end === start) return;
    const f = this.frame;
    const origin: SpanOrigin = {
      kind: 'action',
      node: this.site(node),
      chain: this.chain,
      reads: { from: f.tplSite === null ? f.pipelineStart : f.tplReadsFrom, to: this.reads.length },
      guards: this.guards,
    };
    const placed = f.produced.length === 0 ? [] : place(out, start, end, f.produced);
    let at = start;
    for (const s of placed) {
      if (s.start > at) f.spans.push({ start: at, end: s.start, origin, offset: 0 });
      f.spans.push(s);
      at = s.end;
    }
    if (at < end) f.spans.push({ start: at, end, origin, offset: 0 });
    f.produced = [];
  }

  enterBranch(): void {
    this.guardStack.push(this.guards);
    this.guards = [...this.guards, { from: this.frame.pipelineStart, to: this.reads.length }];
  }

  leaveBranch(): void {
    this.guards = this.guardStack.pop()!;
  }

  enterTemplate(node: TemplateNode): void {
    this.reads.add(ReadKind.Template, node.name);
    this.pushCall({ kind: 'template', name: node.name, site: this.site(node) });
  }

  leaveTemplate(): void {
    this.popCall();
  }

  call(_name: string, node: Node): void {
    this.lastCallSite = this.site(node);
  }

  /** The engine's `include` or `tpl` is about to execute (the call reported last is its site). */
  enterCall(kind: 'include' | 'tpl', name: string): void {
    const site = this.lastCallSite!;
    this.pushCall({ kind, name, site });
    if (kind === 'tpl') this.nextTplSite = site;
  }

  leaveCall(): void {
    this.nextTplSite = null;
    this.popCall();
  }

  private pushCall(c: TraceCall): void {
    this.chains.push(this.chain);
    this.chain = [...this.chain, c];
  }

  private popCall(): void {
    this.chain = this.chains.pop()!;
  }

  /** The traced output of the template file executed last. */
  takeFile(): TracedText {
    const r = this.fileResult!;
    this.fileResult = null;
    return r;
  }
}

interface Line {
  start: number;
  end: number;
}

function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let s = from;
  for (;;) {
    const nl = text.indexOf('\n', s);
    if (nl < 0 || nl >= to) {
      lines.push({ start: s, end: to });
      return lines;
    }
    lines.push({ start: s, end: nl });
    s = nl + 1;
  }
}

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;

/**
 * The spans of `produced` texts placed in out[start, end): each non-blank line of a produced text,
 * trimmed, found in a line of the printed text at or after the line the previous one was found in.
 * Returned sorted, not overlapping.
 */
function place(out: string, start: number, end: number, produced: TracedText[]): Span[] {
  const target = linesOf(out, start, end);
  const placed: Span[] = [];
  let ti = 0;
  for (const p of produced) {
    if (p.spans.length === 0) continue;
    let si = 0;
    for (const line of linesOf(p.text, 0, p.text.length)) {
      let a = line.start;
      let b = line.end;
      while (a < b && isBlank(p.text.charCodeAt(a))) a++;
      while (b > a && isBlank(p.text.charCodeAt(b - 1))) b--;
      if (a === b) continue;
      const content = p.text.slice(a, b);
      let found = -1;
      let tj = ti;
      for (; tj < target.length; tj++) {
        const t = target[tj];
        const i = out.indexOf(content, t.start);
        if (i >= 0 && i + content.length <= t.end) {
          found = i;
          break;
        }
      }
      if (found < 0) continue;
      ti = tj + 1;
      const delta = found - a;
      while (si < p.spans.length && p.spans[si].end <= a) si++;
      for (let k = si; k < p.spans.length && p.spans[k].start < b; k++) {
        const s = p.spans[k];
        const from = Math.max(s.start, a);
        const to = Math.min(s.end, b);
        if (from < to) placed.push({ start: from + delta, end: to + delta, origin: s.origin, offset: s.offset + (from - s.start) });
      }
    }
  }
  placed.sort((x, y) => x.start - y.start);
  const out2: Span[] = [];
  let at = start;
  for (const s of placed) {
    if (s.start < at) continue;
    out2.push(s);
    at = s.end;
  }
  return out2;
}

/** `text` with every `needle` removed (Helm's `<no value>` cleanup), spans moved along. */
export function removeAll(t: TracedText, needle: string): TracedText {
  if (!t.text.includes(needle)) return t;
  const cuts: number[] = [];
  for (let i = t.text.indexOf(needle); i >= 0; i = t.text.indexOf(needle, i + needle.length)) cuts.push(i);
  // Removed before position p: needle.length for every cut ending at or before p, part of one containing p.
  const map = (p: number) => {
    let removed = 0;
    for (const c of cuts) {
      if (c >= p) break;
      removed += Math.min(needle.length, p - c);
    }
    return p - removed;
  };
  const spans: Span[] = [];
  for (const s of t.spans) {
    const start = map(s.start);
    const end = map(s.end);
    if (end > start) spans.push({ start, end, origin: s.origin, offset: s.offset + firstKept(s.start, cuts, needle.length) - s.start });
  }
  return { text: t.text.replaceAll(needle, ''), spans };
}

/** The first position at or after p that no cut removes. */
function firstKept(p: number, cuts: number[], len: number): number {
  for (const c of cuts) if (c <= p && p < c + len) return c + len;
  return p;
}

/** What a range of the log read: values paths (fetched, tested or read whole), those read whole, other objects (`Release.Name`...). */
export interface RangeReads {
  values: string[];
  subtrees: string[];
  objects: string[];
}

export function readsIn(reads: ValuesReadRecorder, r: ReadRange): RangeReads {
  if (r.to <= r.from) return { values: [], subtrees: [], objects: [] };
  const got = reads.pathsIn(r.from, r.to);
  return { values: sortedOnce(got.values), subtrees: sortedOnce(got.subtrees), objects: sortedOnce(got.objects) };
}

/** `a` sorted, each string once (in place). */
function sortedOnce(a: string[]): string[] {
  if (a.length < 2) return a;
  a.sort();
  let kept = 1;
  for (let i = 1; i < a.length; i++) if (a[i] !== a[kept - 1]) a[kept++] = a[i];
  a.length = kept;
  return a;
}
