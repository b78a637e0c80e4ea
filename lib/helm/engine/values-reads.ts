/**
 * Which inputs a render read, per template file: `.Values` paths (with the chart's own values,
 * user-set or default), the other top-level objects (`.Release`, `.Capabilities`, `.Files`,
 * `.Chart`, `.Template`, `.Subcharts`) and the named templates it ran. Recorded only when a
 * render is given a {@link ValuesReadRecorder}; a render without one runs on plain maps and pays
 * nothing.
 *
 * How: for the duration of the render, the maps of the values tree become {@link ReadTrackingMap}s
 * (their prototype is swapped, so every function that reads a map, `index`, `dig`, `get`,
 * `hasKey`, `default`, `toYaml`, `range`, `keys`..., is seen without being changed) and each knows
 * its path. A key fetched or tested is a read of that path; walking a map's entries (ranging over
 * it, `toYaml`, `keys`, copying it) is a read of its whole subtree. After the render the maps are
 * plain again.
 *
 * Paths are relative to the top chart's `.Values`, keys joined by `.`, a `.` inside a key written
 * `\.` (as `--set` writes it): a subchart's `.Values.x` is `<subchart>.x` (aliases by their alias),
 * and `global` under any chart is the top chart's `global`, which Helm copies down.
 *
 * Reads are kept as an append-only log (so a tracing render can ask which reads happened between
 * two points, see provenance.ts); `include` results reused within a render replay the reads made
 * when they were computed.
 */
import type { GoMap, GoValue } from '../../go';
import { joinPath, pathKeys } from '../strvals';

/** What one template file (or a whole render) read. */
export interface TemplateReads {
  /** Values paths fetched or tested (`.Values.a.b`, `index`, `get`, `hasKey`, `dig`...), present or not. */
  readonly values: ReadonlySet<string>;
  /** Values paths whose whole subtree was read (range over a map, `toYaml`, `keys`...); `''` is all of `.Values`. */
  readonly subtrees: ReadonlySet<string>;
  /** Values paths changed by the template (`set`, `unset`, `merge` into values). */
  readonly writes: ReadonlySet<string>;
  /** Other top-level objects read: `Release`, `Release.Name`, `Capabilities`, `Chart`, `Files`, `Template`, `Subcharts`. */
  readonly objects: ReadonlySet<string>;
  /** Named templates run, through `include` or `{{template}}`, directly or not. */
  readonly templates: ReadonlySet<string>;
  /** Whether it called `tpl` (whose text may read anything the values string says). */
  readonly tpl: boolean;
}

export const enum ReadKind {
  Value,
  Subtree,
  Write,
  Object,
  Template,
  Tpl,
}

const TAG = Symbol('chartroom.readPath');

interface PathTag {
  readonly path: string;
  /** A top-level object other than Values (`Release`): its reads are object reads. */
  readonly object: boolean;
  /** A chart's own `.Values`: its `global` is the top chart's. */
  readonly chartRoot: boolean;
  /** Its children's tags, made once: a path read again is the same string (no building, hashed once). */
  children: Map<string, PathTag> | undefined;
}

/**
 * Tags of charts' `.Values` and top-level objects by path, kept across renders with their
 * children, so a path read at every render is the same string each time (incremental renders
 * look each one up). Dropped whole past a bound (paths the user typed and removed add up).
 */
const rootTags = new Map<string, PathTag>();
const MAX_TAGS = 100_000;
let tagCount = 0;

function rootTag(path: string, object: boolean): PathTag {
  const key = `${object ? 'o' : 'v'}${path}`;
  let t = rootTags.get(key);
  if (t === undefined) {
    if (++tagCount > MAX_TAGS) forgetTags();
    t = { path, object, chartRoot: !object, children: undefined };
    rootTags.set(key, t);
  }
  return t;
}

function forgetTags(): void {
  rootTags.clear();
  tagCount = 0;
}

let active: ValuesReadRecorder | undefined;
/** A recorder paused until its next file ({@link ValuesReadRecorder.endsFileAtWholeValues}), and how many pauses began. */
let paused: ValuesReadRecorder | undefined;
let pauses = 0;

function tagOf(m: Map<string, GoValue>): PathTag | undefined {
  return (m as unknown as Record<symbol, PathTag | undefined>)[TAG];
}

function childTag(t: PathTag, key: string): PathTag {
  let c = t.children?.get(key);
  if (c === undefined) {
    if (++tagCount > MAX_TAGS) forgetTags();
    c = t.chartRoot && key === 'global' ? { path: 'global', object: false, chartRoot: false, children: undefined } : { path: joinPath(t.path, key), object: t.object, chartRoot: false, children: undefined };
    (t.children ??= new Map()).set(key, c);
  }
  return c;
}

/** A map told when all its entries are about to be seen (forEach, entries, keys, values, iteration). */
export abstract class WalkWatchingMap extends Map<string, GoValue> {
  protected abstract walked(): void;
  override forEach(cb: (value: GoValue, key: string, map: Map<string, GoValue>) => void, thisArg?: unknown): void {
    this.walked();
    super.forEach(cb, thisArg);
  }
  override entries(): MapIterator<[string, GoValue]> {
    this.walked();
    return super.entries();
  }
  override keys(): MapIterator<string> {
    this.walked();
    return super.keys();
  }
  override values(): MapIterator<GoValue> {
    this.walked();
    return super.values();
  }
  override [Symbol.iterator](): MapIterator<[string, GoValue]> {
    this.walked();
    return super[Symbol.iterator]();
  }
}

/** Values maps while a recording render runs: reads are logged, children tagged as reached. */
class ReadTrackingMap extends WalkWatchingMap {
  override get(key: string): GoValue | undefined {
    const v = super.get(key);
    const t = tagOf(this);
    if (active !== undefined && t !== undefined) {
      const child = childTag(t, key);
      active.add(t.object ? ReadKind.Object : ReadKind.Value, child.path);
      if (v instanceof Map) active.track(v, child);
    }
    return v;
  }
  override has(key: string): boolean {
    const t = tagOf(this);
    if (active !== undefined && t !== undefined) active.add(t.object ? ReadKind.Object : ReadKind.Value, childTag(t, key).path);
    return super.has(key);
  }
  override set(key: string, value: GoValue): this {
    const t = tagOf(this);
    if (active !== undefined && t !== undefined && !t.object) active.add(ReadKind.Write, childTag(t, key).path);
    return super.set(key, value);
  }
  override delete(key: string): boolean {
    const t = tagOf(this);
    if (active !== undefined && t !== undefined && !t.object) active.add(ReadKind.Write, childTag(t, key).path);
    return super.delete(key);
  }
  override clear(): void {
    const t = tagOf(this);
    if (active !== undefined && t !== undefined && !t.object) active.add(ReadKind.Write, t.path);
    super.clear();
  }
  /** All entries are about to be seen: the subtree is read, and maps met later keep their paths. */
  protected override walked(): void {
    const t = tagOf(this);
    if (active === undefined || t === undefined) return;
    active.add(t.object ? ReadKind.Object : ReadKind.Subtree, t.path);
    const rec = active;
    if (rec === undefined) return;
    // Map's own forEach: this class's would report the walk again.
    Map.prototype.forEach.call(this, (v: GoValue, k: string) => {
      if (v instanceof Map) rec.track(v, childTag(t, k));
    });
  }
}

/**
 * Records what a render reads. Give one to `templateChart` (`recordReads`) or `renderChart`;
 * afterwards {@link byTemplate} has each rendered file's reads and {@link total} the render's.
 * One recorder serves one render.
 */
export class ValuesReadRecorder {
  private readonly kinds: ReadKind[] = [];
  private readonly paths: string[] = [];
  /** Log positions where each rendered file begins, in render order. */
  private readonly files: { file: string; start: number }[] = [];
  private readonly tracked: Map<string, GoValue>[] = [];

  /** Number of reads logged so far (a position for {@link between}). */
  get length(): number {
    return this.kinds.length;
  }

  /**
   * Whether a file's reading all of the top chart's values whole (`toYaml .Values`, `deepCopy
   * .Values`) ends its recording: an incremental render never reuses such a file, so what else it
   * reads is not worth logging, nor are the maps it walks worth tracking. Its next file resumes.
   */
  endsFileAtWholeValues = false;

  add(kind: ReadKind, path: string): void {
    this.kinds.push(kind);
    this.paths.push(path);
    if (kind === ReadKind.Subtree && path === '' && this.endsFileAtWholeValues && active === this) {
      active = undefined;
      paused = this;
      pauses++;
    }
  }

  /** Logs the reads of a file rendered earlier (an incremental render reusing its output). */
  addReads(reads: TemplateReads): void {
    for (const p of reads.values) this.add(ReadKind.Value, p);
    for (const p of reads.subtrees) this.add(ReadKind.Subtree, p);
    for (const p of reads.writes) this.add(ReadKind.Write, p);
    for (const p of reads.objects) this.add(ReadKind.Object, p);
    for (const p of reads.templates) this.add(ReadKind.Template, p);
    if (reads.tpl) this.add(ReadKind.Tpl, '');
  }

  /** Logs again the reads logged in [from, to) (an `include` result reused). */
  replay(from: number, to: number): void {
    for (let i = from; i < to; i++) this.add(this.kinds[i], this.paths[i]);
  }

  /** Makes a map (a plain one; others are left alone) report reads under `tag`'s path. */
  track(m: Map<string, GoValue>, tag: PathTag): void {
    if (tagOf(m) !== undefined || Object.getPrototypeOf(m) !== Map.prototype) return;
    Object.defineProperty(m, TAG, { value: tag, configurable: true, enumerable: false, writable: false });
    Object.setPrototypeOf(m, ReadTrackingMap.prototype);
    this.tracked.push(m);
  }

  /** A chart's `.Values` (the top chart's at `''`, a subchart's at its name under its parent's). */
  trackChartValues(values: GoMap, path: string): void {
    this.track(values, rootTag(path, false));
  }

  /** A top-level object of the render, e.g. `Release`, whose keys are object reads. */
  trackObject(m: GoMap, name: string): void {
    this.track(m, rootTag(name, true));
  }

  /** Starts logging (the render's templates execute until {@link stop}). */
  start(): void {
    active = this;
  }

  /** Stops logging and makes every tracked map plain again. */
  stop(): void {
    if (active === this) active = undefined;
    if (paused === this) paused = undefined;
    for (const m of this.tracked) {
      Object.setPrototypeOf(m, Map.prototype);
      delete (m as unknown as Record<symbol, unknown>)[TAG];
    }
    this.tracked.length = 0;
  }

  /** The engine begins rendering a template file. */
  beginFile(file: string): void {
    if (paused === this) {
      paused = undefined;
      active = this;
    }
    this.files.push({ file, start: this.length });
  }

  /** Tells `visit` each read logged in [from, to), in order, while it returns true. */
  visit(from: number, to: number, visit: (kind: ReadKind, path: string) => boolean): void {
    for (let i = from; i < to; i++) if (!visit(this.kinds[i], this.paths[i])) return;
  }

  /** The reads logged in [from, to). */
  between(from: number, to: number): TemplateReads {
    const values = new Set<string>();
    const subtrees = new Set<string>();
    const writes = new Set<string>();
    const objects = new Set<string>();
    const templates = new Set<string>();
    let tpl = false;
    for (let i = from; i < to; i++) {
      const p = this.paths[i];
      switch (this.kinds[i]) {
        case ReadKind.Value:
          values.add(p);
          break;
        case ReadKind.Subtree:
          subtrees.add(p);
          break;
        case ReadKind.Write:
          writes.add(p);
          break;
        case ReadKind.Object:
          objects.add(p);
          break;
        case ReadKind.Template:
          templates.add(p);
          break;
        case ReadKind.Tpl:
          tpl = true;
          break;
      }
    }
    return { values, subtrees, writes, objects, templates, tpl };
  }

  /**
   * The values paths logged in [from, to) (fetched, tested or read whole), those read whole, and
   * the other objects read, in log order, repeats kept: cheaper than {@link between} for the many
   * small ranges a tracing render asks about.
   */
  pathsIn(from: number, to: number): { values: string[]; subtrees: string[]; objects: string[] } {
    const values: string[] = [];
    const subtrees: string[] = [];
    const objects: string[] = [];
    for (let i = from; i < to; i++) {
      const kind = this.kinds[i];
      if (kind === ReadKind.Value) values.push(this.paths[i]);
      else if (kind === ReadKind.Subtree) {
        values.push(this.paths[i]);
        subtrees.push(this.paths[i]);
      } else if (kind === ReadKind.Object) objects.push(this.paths[i]);
    }
    return { values, subtrees, objects };
  }

  /** Each rendered file's reads (partials are read by the files that include them). */
  byTemplate(): Map<string, TemplateReads> {
    const out = new Map<string, TemplateReads>();
    for (let i = 0; i < this.files.length; i++) {
      const end = i + 1 < this.files.length ? this.files[i + 1].start : this.length;
      out.set(this.files[i].file, this.between(this.files[i].start, end));
    }
    return out;
  }

  /** Everything the render read. */
  total(): TemplateReads {
    return this.between(0, this.length);
  }
}

/** Whether a map is a values map the running recording knows the path of (one `set` then changes in place). */
export function isTrackedValues(m: GoValue): boolean {
  if (!(m instanceof Map)) return false;
  const t = tagOf(m);
  return t !== undefined && !t.object;
}

/**
 * Where recording stands, for results kept to be replayed later (include-memo.ts): a result
 * made while its recorder was paused, or across the start of a pause, lacks reads.
 */
export function recordingPauses(): { paused: boolean; count: number } {
  return { paused: paused !== undefined, count: pauses };
}

/** The recorder of the render running now, if it records (the engine's hooks ask). */
export function activeRecorder(): ValuesReadRecorder | undefined {
  return active;
}

/** Whether `path` (a values path, see the module comment) was read: itself, or a subtree holding it. */
export function isPathRead(reads: Pick<TemplateReads, 'values' | 'subtrees'>, path: string): boolean {
  if (reads.values.has(path) || reads.subtrees.has(path) || reads.subtrees.has('')) return true;
  // Each enclosing map's path, made as the recorder makes paths (a key's own `.` and `\\` escaped).
  const keys = pathKeys(path);
  let parent = '';
  for (let i = 0; i < keys.length - 1; i++) {
    parent = joinPath(parent, keys[i]);
    if (reads.subtrees.has(parent)) return true;
  }
  return false;
}
