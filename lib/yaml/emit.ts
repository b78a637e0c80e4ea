/**
 * go-yaml v2's encoder + emitter for the values JSONToYAML produces: block mappings with keys in
 * keyList order, sequences not indented under a mapping key, `{}`/`[]` for empty collections,
 * and each string in the style go-yaml picks (plain, quoted, literal block).
 */
import { formatFloat, fitsInBytes } from '../go';
import { YamlMap, type YamlNative } from './decode';
import { isBase60Float, resolveScalar, TAG } from './resolve';
import { analyzeScalar, EmitterState, type ScalarAnalysis } from './scalar';
import { keepWritten, MIN_REUSE_NODES, takeEarlierText, writtenText } from './emit-reuse';

type Style = 'plain' | 'single' | 'double' | 'literal';

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

/**
 * go-yaml's keyList.Less for string keys: digit runs compare numerically, letters after other
 * characters. v3 puts a letter first when it follows a shared digit (`v1beta1` < `v10`).
 */
export function naturalLess(a: string, b: string, v3 = false): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  let digits = false;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) {
      digits = isDigit(ar[i]);
      continue;
    }
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return v3 && digits ? al : bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai].codePointAt(0)! - 48));
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi].codePointAt(0)! - 48));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

function keyRank(k: YamlNative): { num?: number; kind: number; s?: string } {
  // reflect.Kind order: Bool(1) < Int(2) < Uint64(11) < Float64(14) < String(24).
  if (typeof k === 'boolean') return { num: k ? 1 : 0, kind: 1 };
  if (typeof k === 'number') return { num: k, kind: 14 };
  if (typeof k === 'string') return { kind: 24, s: k };
  if (k !== null && typeof k === 'object' && 'v' in k) return { num: Number(k.v), kind: k.kind === 'int' ? 2 : 11 };
  return { kind: 0 };
}

function keyLess(a: YamlNative, b: YamlNative, v3: boolean): boolean {
  const ra = keyRank(a);
  const rb = keyRank(b);
  if (ra.num !== undefined && rb.num !== undefined) {
    if (ra.num !== rb.num) return ra.num < rb.num;
    return ra.kind < rb.kind;
  }
  if (ra.s === undefined || rb.s === undefined) return ra.kind < rb.kind;
  return naturalLess(ra.s, rb.s, v3);
}

/** A scalar to emit: its text and the style the encoder asks for (the emitter may override it). */
interface ScalarEvent {
  value: string;
  style: Style;
}

function scalarEvent(v: YamlNative): ScalarEvent {
  if (v === null) return { value: 'null', style: 'plain' };
  if (typeof v === 'boolean') return { value: String(v), style: 'plain' };
  if (typeof v === 'number') {
    const s = formatFloat(v, 'g', -1);
    return { value: s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s, style: 'plain' };
  }
  if (typeof v === 'string') return { value: v, style: stringStyle(v) };
  if (typeof v === 'object' && v !== null && 'v' in v) return { value: v.v.toString(), style: 'plain' };
  return { value: '<<', style: 'plain' };
}

/**
 * Memo tables for pure per-string decisions: a chart's toYaml calls see the same keys and values
 * at every render. Each table is dropped when it reaches its bound, so memory stays flat.
 */
const MEMO_LIMIT = 4096;
function memo<T>(table: Map<string, T>, key: string, compute: (key: string) => T): T {
  let v = table.get(key);
  if (v === undefined) {
    v = compute(key);
    if (table.size >= MEMO_LIMIT) table.clear();
    table.set(key, v);
  }
  return v;
}

const styles = new Map<string, Style>();
const analysesV2 = new Map<string, ScalarAnalysis>();
const analysesV3 = new Map<string, ScalarAnalysis>();
const keyOrders = new Map<string, number[]>();

/** The style the encoder asks for a string: literal if multi-line, quoted if it would read back as another type. */
function stringStyle(v: string): Style {
  return memo(styles, v, (s) => (s.includes('\n') ? 'literal' : resolveScalar('', s).tag === TAG.str && !isBase60Float(s) ? 'plain' : 'double'));
}

/** analyzeScalar, memoised (the analysis objects are shared and never modified). */
function analysis(value: string, v3: boolean): ScalarAnalysis {
  return memo(v3 ? analysesV3 : analysesV2, value, (s) => analyzeScalar(s, v3));
}

/** The number of memoised entries (bounded by MEMO_LIMIT each); for tests. */
export function emitterMemoSizes(): number[] {
  return [styles.size, analysesV2.size, analysesV3.size, keyOrders.size];
}

interface Context {
  mapping: boolean;
  simpleKey: boolean;
}

const SEQUENCE_ITEM: Context = { mapping: false, simpleKey: false };
const MAPPING_NODE: Context = { mapping: true, simpleKey: false };
/** A mapping entry's value (a non-simple key is a MAPPING_NODE too): where written text is reused. */
const MAPPING_VALUE: Context = { mapping: true, simpleKey: false };
const SIMPLE_KEY: Context = { mapping: true, simpleKey: true };

/** A collection being emitted: its items or entries and the next one; for a mapping, whether the current key is simple (undefined before the key). */
type Open = { items: YamlNative[]; i: number } | { entries: [YamlNative, YamlNative][]; i: number; simpleKey: boolean | undefined; kept: KeptFrom | undefined };

/** Where a mapping whose text is kept began: the node, its parent's indentation, the text's start. */
interface KeptFrom {
  node: YamlMap;
  indent: number;
  start: number;
}

/** Emitter settings that differ between go-yaml v2's Marshal and v3's Encoder used by Helm. */
export interface EmitOptions {
  /** Column after which long scalars fold (v2: 80; v3 as Helm uses it: unlimited). */
  bestWidth: number;
  /** go-yaml v3 rules: indented sequences, tabs in literal blocks, v3 key order. */
  v3: boolean;
}

const V2: EmitOptions = { bestWidth: 80, v3: false };

class Emitter {
  readonly st: EmitterState;
  /**
   * The kept mappings' places in the output, cut out once it is complete: slicing the output
   * while it grows flattens it at each mapping, which made a document of thousands of mappings
   * quadratic in time and memory; slices of the finished text share its characters.
   */
  private readonly written: (KeptFrom & { end: number; column: number; whitespace: boolean; indention: boolean })[] = [];
  constructor(
    private readonly opts: EmitOptions,
    /** Whether mappings' texts are kept and reused (emit-reuse.ts). */
    private readonly reuse = false,
  ) {
    this.st = new EmitterState(2, opts.bestWidth);
  }

  /**
   * Emits a node and everything under it. go-yaml recurses (values 10,000 levels deep render in
   * helm); this keeps a stack of open collections instead, and emits in the same order: a
   * sequence item after its "-", a mapping key, then ":" and the value.
   */
  emitNode(root: YamlNative, rootCtx: Context): void {
    const st = this.st;
    const open: Open[] = [];
    let v: YamlNative = root;
    let ctx: Context | undefined = rootCtx;
    for (;;) {
      if (ctx !== undefined) {
        if (v instanceof YamlMap) {
          const reusing = this.reuse && ctx === MAPPING_VALUE && st.flowLevel === 0 && v.entries.size > 0;
          const earlier = reusing ? writtenText(v) : undefined;
          if (earlier !== undefined && earlier.indent === st.indent) {
            st.out += earlier.text;
            st.column = earlier.column;
            st.whitespace = earlier.whitespace;
            st.indention = earlier.indention;
          } else {
            const entries = this.sortedEntries(v);
            if (entries.length === 0) this.emptyFlow('{', '}');
            else {
              const kept = reusing ? { node: v, indent: st.indent, start: st.out.length } : undefined;
              st.increaseIndent(false, false);
              open.push({ entries, i: 0, simpleKey: undefined, kept });
            }
          }
        } else if (Array.isArray(v)) {
          if (v.length === 0 || st.flowLevel > 0) this.emptyFlow('[', ']');
          else {
            st.increaseIndent(false, !this.opts.v3 && ctx.mapping && !st.indention);
            open.push({ items: v, i: 0 });
          }
        } else this.scalar(scalarEvent(v), ctx);
        ctx = undefined;
      }
      const top = open[open.length - 1];
      if (top === undefined) return;
      if ('items' in top) {
        if (top.i === top.items.length) {
          st.popIndent();
          open.pop();
          continue;
        }
        st.writeIndent();
        st.writeIndicator('-', true, false, true);
        [v, ctx] = [top.items[top.i++], SEQUENCE_ITEM];
      } else if (top.simpleKey === undefined) {
        if (top.i === top.entries.length) {
          st.popIndent();
          open.pop();
          const kept = top.kept;
          if (kept !== undefined) this.written.push({ ...kept, end: st.out.length, column: st.column, whitespace: st.whitespace, indention: st.indention });
          continue;
        }
        const k = top.entries[top.i][0];
        st.writeIndent();
        top.simpleKey = this.isSimpleKey(k);
        if (!top.simpleKey) st.writeIndicator('?', true, false, true);
        [v, ctx] = [k, top.simpleKey ? SIMPLE_KEY : MAPPING_NODE];
      } else {
        if (top.simpleKey) st.writeIndicator(':', false, false, false);
        else {
          st.writeIndent();
          st.writeIndicator(':', true, false, true);
        }
        top.simpleKey = undefined;
        [v, ctx] = [top.entries[top.i++][1], MAPPING_VALUE];
      }
    }
  }

  private scalar(ev: ScalarEvent, ctx: Context): void {
    const st = this.st;
    const a = analysis(ev.value, this.opts.v3);
    let style = ev.style;
    if (ctx.simpleKey && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((st.flowLevel > 0 && !a.flowPlainAllowed) || (st.flowLevel === 0 && !a.blockPlainAllowed)) style = 'single';
      if (ev.value.length === 0 && (st.flowLevel > 0 || ctx.simpleKey)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || st.flowLevel > 0 || ctx.simpleKey)) style = 'double';
    st.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    if (style === 'plain') st.writePlain(ev.value, allowBreaks);
    else if (style === 'single') st.writeSingleQuoted(ev.value, allowBreaks);
    else if (style === 'double') st.writeDoubleQuoted(ev.value, allowBreaks);
    else st.writeLiteral(ev.value);
    st.popIndent();
  }

  /** Gives each kept mapping its text, from the finished output. */
  keepWritten(): void {
    const out = this.st.out;
    for (const w of this.written) keepWritten(w.node, { indent: w.indent, text: out.slice(w.start, w.end), column: w.column, whitespace: w.whitespace, indention: w.indention });
  }

  private emptyFlow(open: string, close: string): void {
    const st = this.st;
    st.writeIndicator(open, true, true, false);
    st.increaseIndent(true, false);
    st.popIndent();
    st.writeIndicator(close, false, false, false);
  }

  /** Entries in keyList order; orders of all-string key lists are memoised by the keys. */
  private sortedEntries(m: YamlMap): [YamlNative, YamlNative][] {
    const entries = [...m.entries.values()];
    const v3 = this.opts.v3;
    const sort = (list: [YamlNative, YamlNative][]) => list.sort(([a], [b]) => (keyLess(a, b, v3) ? -1 : keyLess(b, a, v3) ? 1 : 0));
    if (entries.length < 2) return entries;
    let sig = v3 ? '3' : '2';
    for (const [k] of entries) {
      if (typeof k !== 'string') return sort(entries);
      sig += '\0' + k;
    }
    const order = memo(keyOrders, sig, () => {
      const idx = entries.map((e, i) => [e[0], i] as [YamlNative, number]);
      idx.sort(([a], [b]) => (keyLess(a, b, v3) ? -1 : keyLess(b, a, v3) ? 1 : 0));
      return idx.map(([, i]) => i);
    });
    return order.map((i) => entries[i]);
  }

  private isSimpleKey(k: YamlNative): boolean {
    if (k instanceof YamlMap) return k.entries.size === 0;
    if (Array.isArray(k)) return k.length === 0;
    const ev = scalarEvent(k);
    if (analysis(ev.value, false).multiline) return false;
    return fitsInBytes(ev.value, 128);
  }
}

/**
 * go-yaml's Marshal of a decoded value (v2 settings by default): the document, ending in a newline.
 * `nodes`, the number of nodes of a document just made from a value (not one written before),
 * decides whether its mappings' texts are kept for the next documents and taken from the last.
 */
export function emitYaml(v: YamlNative, opts: EmitOptions = V2, nodes = 0): string {
  const reuse = nodes >= MIN_REUSE_NODES && v instanceof YamlMap;
  if (reuse) takeEarlierText(v);
  const e = new Emitter(opts, reuse);
  e.emitNode(v, { mapping: false, simpleKey: false });
  e.st.writeIndent();
  if (reuse) e.keepWritten();
  return e.st.out;
}
