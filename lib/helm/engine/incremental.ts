/**
 * Incremental re-rendering: a template file whose inputs are what they were at the previous
 * render of the same template set keeps its output without executing again.
 *
 * A file's inputs are the values it read (values-reads.ts records them: paths fetched or tested,
 * subtrees walked), the other top-level objects (`.Release`, `.Capabilities`, `.Chart`, `.Files`)
 * and the named templates of the set. The set is the same by construction (sets are cached by
 * their texts); the objects are compared as a whole for the render (any difference re-executes
 * every file); the values are compared read by read, against a snapshot taken when the file last
 * executed. A file is reused only when all of these hold:
 *
 * - it made no call with an effect or a varying result (random values, the clock, key
 *   generation: the function's declared effect) and none the render's observer watches (`lookup`,
 *   GitOps-varying calls): those run again every time, so the observer sees every call in the
 *   order a full render makes them. Except under a pinned session (stable-session.ts, the page's
 *   previews), where a call's result is fixed by the session, its key (site, name, arguments) and
 *   how many calls of that key the render made before it: a file whose calls the session all
 *   pinned is reused when, besides the rest, it is the same session and each of its calls' keys
 *   was met as many times before it in this render as when it ran (so the same calls get the same
 *   results); its calls are then told to the observer again, in order, as executing would;
 * - it made no mutating call (`set`, `unset`, `merge`, in-place `sortAlpha`) on anything but a
 *   map a template made (`merge dict ...`, `set $d ...`, a `deepCopy`), and wrote no values path (a map it made
 *   may hold values maps that `merge` changes in place): effects on shared data are what later
 *   files read, so such a file runs again every time;
 * - no file before it in this render, nor before it when it last ran, moved data other files see
 *   (placed a values map under another path, changed a chart's top-level object or an untracked
 *   map): after that, maps may be reached by other paths than the ones recorded (istio's profiles
 *   `unset` a section and `set $ "Values"` to it). Changes of values maps in place (`unset`, `set`
 *   or `merge` of scalars, lists and maps a template made) do not stop reuse: the file making them
 *   runs every time, and the files after it compare what they read at their turn, after it;
 * - every value it read compares equal now, at its turn in the render (after the files before it
 *   ran or were reused): a scalar by Go type and value, a map it only fetched by type and size
 *   (what `if`, `len`, `empty` and `typeOf` see; its keys are reads of their own), a list or a
 *   walked subtree entry by entry.
 *
 * Files before a reused one either ran (and did to shared data what a full render does) or were
 * reused without effects, so each file sees at its turn what a full render would show it.
 */
import { GoInt, GoStruct, GoTime, isGoFunc, isGoNil, typeInfoOf, type GoMap, type GoValue } from '../../go';
import type { CallSite } from '../../gotemplate';
import type { Chart } from '../chart/chart';
import { pathKeys } from '../strvals';
import type { PinnedCalls } from './stable-session';
import { ReadKind, type TemplateReads, type ValuesReadRecorder } from './values-reads';

const mapGet = Map.prototype.get;
const mapHas = Map.prototype.has;
const mapForEach = Map.prototype.forEach;

/** What a read looked like: a scalar as is, a fetched map by type and size, anything else copied. */
type Snapshot =
  | { kind: 'missing' }
  | { kind: 'scalar'; v: GoValue }
  | { kind: 'map'; type: string | undefined; nil: boolean; size: number }
  | { kind: 'copy'; v: GoValue };

/**
 * One values path as some files read it, with what it was when they did. Files executed in the
 * same stretch of a render (no mutating call in between) share it, so it is compared once per
 * stretch of the next render however many files read it.
 */
interface Read {
  path: string;
  /** The path's keys (values-reads.ts paths, split once). */
  keys: readonly string[];
  whole: boolean;
  /** One snapshot per chart `.Values` the path can be reached from (see {@link ValuesRoots}). */
  snaps: Snapshot[];
  /** The stretch it was last compared in ({@link IncrementalState.stretch}) and the answer. */
  comparedIn: number;
  same: boolean;
  /** The last file that listed it ({@link IncrementalState.files}): a file lists each read once. */
  listedBy: number;
}

/** A call whose result a pinned session fixed, with the key and count it was pinned by. */
export interface PinnedCall {
  name: string;
  site: CallSite;
  args: readonly GoValue[];
  key: string;
  count: number;
}

/** The pinned calls a file made, in order, and the session that pinned them. */
export interface PinnedRun {
  session: string;
  calls: readonly PinnedCall[];
}

interface FileRecord {
  out: string;
  reusable: boolean;
  /** Its calls with varying results, when a session pinned them all (else it is not reusable). */
  pinned: PinnedRun | undefined;
  /** What it read with what it saw: the values paths it read first, then its chart's `.Values` if it did not. */
  snapshots: Read[];
  /** How many of the snapshots are paths it read. */
  valuesRead: number;
  objects: ReadonlySet<string>;
  templates: ReadonlySet<string>;
  tpl: boolean;
  /** What it read, as a recorder reports it (made when first asked, for the renders it is reused in). */
  reads: TemplateReads | undefined;
}

/** The reads a file logged: a range of the render's recorder's log. */
export interface LoggedReads {
  recorder: ValuesReadRecorder;
  from: number;
  to: number;
}

/** Each chart's `.Values` with its path from the top chart's (`''`, `sub`, `sub.inner`). */
export type ValuesRoots = { path: string; keys: string[]; values: GoMap }[];

/**
 * Renders run in full, unrecorded, after one that kept no file it could reuse (istio's charts
 * move values in their first file, so no file is reused): nothing could have been reused in the
 * next one, and if a change makes files reusable again, reuse resumes this many renders later.
 */
const RESTING_RENDERS = 4;

/** Paths met in renders, split into keys once (a chart's paths are few and met at every render). */
const MAX_KEPT_PATHS = 50_000;

/** The files' records of the last render of one template set. */
export class IncrementalState {
  private context: string | undefined;
  private records = new Map<string, FileRecord>();
  private next = new Map<string, FileRecord>();
  private roots: ValuesRoots = [];
  private readonly keysOf = new Map<string, readonly string[]>();
  /**
   * Numbers the stretches of renders between mutating calls: values read in one stretch stay
   * what they are until it ends, so a comparison or snapshot made in it holds for all of it.
   */
  private stretch = 0;
  /** Numbers the files executed (a file lists each read once). */
  private files = 0;
  /** Reads snapshotted in this stretch, by path (fetched ones and walked ones apart). */
  private fetchedNow = new Map<string, Read>();
  private walkedNow = new Map<string, Read>();
  /**
   * The latest copies of each subtree read whole, by path: a new copy keeps the parts of the last
   * one that are still equal (a one-leaf edit re-executes a file that reads all the values, and
   * copying them all again at every render would cost more than executing it).
   */
  private copies = new Map<string, Snapshot[]>();
  /**
   * Set once a file changed data other files see (the values, a chart's top-level object): maps
   * may have moved (`unset` then `set $ "Values" ...`), so reads after it are not known by a path
   * that still leads to them. No file after it is reused, nor kept as reusable.
   */
  private sealed = false;
  /** Renders left to run in full ({@link RESTING_RENDERS}). */
  private resting = 0;

  /** Starts a render; files are reusable only when the render's other inputs are the last one's. */
  begin(context: string, roots: ValuesRoots): void {
    if (context !== this.context) {
      this.records.clear();
      this.copies.clear();
    }
    this.context = context;
    this.roots = roots;
    this.next = new Map();
    this.newStretch();
    this.sealed = false;
  }

  /**
   * Whether this render should run in full, unrecorded (the last recorded one kept no file it
   * could reuse): asked once per render.
   */
  rests(): boolean {
    if (this.resting === 0) return false;
    this.resting--;
    return true;
  }

  /** Whether no file after this point of the render can be reused (nor kept as reusable). */
  get isSealed(): boolean {
    return this.sealed;
  }

  /** A mutating call ran: values may differ from here on; after one that moves shared data nothing is reused. */
  mutated(moves: boolean): void {
    this.newStretch();
    if (moves) this.sealed = true;
  }

  /** Whether the file's last run could be reused: if not, recording what it reads again is likely wasted. */
  wasReusable(file: string): boolean {
    return this.records.get(file)?.reusable !== false;
  }

  /**
   * The file's last output and reads, when they can stand for executing the file now, with the
   * pinned calls it made (the caller tells the session of them again, as executing would).
   */
  reuse(file: string, pinned: PinnedCalls | undefined): { out: string; reads: () => TemplateReads; calls: readonly PinnedCall[] } | undefined {
    const r = this.records.get(file);
    if (r === undefined || !r.reusable || this.sealed) return undefined;
    const stretch = this.stretch;
    for (const read of r.snapshots) {
      if (read.comparedIn !== stretch) {
        read.same = this.unchanged(read);
        read.comparedIn = stretch;
      }
      if (!read.same) return undefined;
    }
    if (r.pinned !== undefined && !replayable(r.pinned, pinned)) return undefined;
    this.next.set(file, r);
    return { out: r.out, reads: () => readsOf(r), calls: r.pinned?.calls ?? NO_CALLS };
  }

  /**
   * Keeps what a file that just executed read, with what it saw, unless it can never be reused.
   * Its log is looked at once, in order: each read is snapshotted (once per stretch, for all the
   * files reading it) and listed once for the file.
   */
  executed(file: string, out: string, log: LoggedReads, reusable: boolean, valuesPath: string, pinned?: PinnedRun): void {
    if (!reusable || this.sealed) {
      this.next.set(file, NOT_REUSABLE(out));
      return;
    }
    const listing = ++this.files;
    const snapshots: Read[] = [];
    const objects = new Set<string>();
    const templates = new Set<string>();
    let tpl = false;
    let keep = true;
    log.recorder.visit(log.from, log.to, (kind, path) => {
      switch (kind) {
        case ReadKind.Value:
        case ReadKind.Subtree: {
          // It read all the values whole (`toYaml .Values`): any edit changes what it read, so
          // keeping a copy of the values to compare with would cost at every render and never
          // let it be reused.
          if (kind === ReadKind.Subtree && path === '') return (keep = false);
          const read = this.snapshot(path, kind === ReadKind.Subtree);
          if (read.listedBy !== listing) {
            read.listedBy = listing;
            snapshots.push(read);
          }
          return true;
        }
        // It changed values in place (`merge` into a map it made that holds values maps): the
        // files after it read what it did, so it runs every time. (`merge` reads each key it
        // writes, so its reads would differ next time anyway; this does not depend on how a
        // function reads.)
        case ReadKind.Write:
          return (keep = false);
        case ReadKind.Object:
          objects.add(path);
          return true;
        case ReadKind.Template:
          templates.add(path);
          return true;
        case ReadKind.Tpl:
          tpl = true;
          return true;
      }
    });
    if (!keep) {
      this.next.set(file, NOT_REUSABLE(out));
      return;
    }
    const valuesRead = snapshots.length;
    // A file's `.Values` itself is never fetched from a parent map, yet `if .Values` and `len`
    // see its size: it is compared as a read of its own.
    const root = this.snapshot(valuesPath, false);
    if (root.listedBy !== listing) snapshots.push(root);
    this.next.set(file, { out, reusable: true, pinned, snapshots, valuesRead, objects, templates, tpl, reads: undefined });
  }

  /** The render finished: its records are the ones the next render compares with. */
  finish(): void {
    let kept = false;
    for (const r of this.next.values()) kept ||= r.reusable;
    if (!kept) this.resting = RESTING_RENDERS;
    this.records = this.next;
    this.next = new Map();
    this.roots = [];
    this.newStretch();
  }

  /** The render failed: nothing of it is kept. */
  abandon(): void {
    this.records.clear();
    this.copies.clear();
    this.next = new Map();
    this.context = undefined;
    this.roots = [];
    this.newStretch();
  }

  private newStretch(): void {
    this.stretch++;
    if (this.fetchedNow.size > 0) this.fetchedNow = new Map();
    if (this.walkedNow.size > 0) this.walkedNow = new Map();
  }

  private snapshot(path: string, whole: boolean): Read {
    const now = whole ? this.walkedNow : this.fetchedNow;
    let read = now.get(path);
    if (read === undefined) {
      const keys = this.keys(path);
      const snaps: Snapshot[] = [];
      const before = whole ? this.copies.get(path) : undefined;
      for (const root of this.roots) {
        const v = reach(root, keys);
        if (v !== UNREACHABLE) snaps.push(snapshotOf(v, whole, before?.[snaps.length]));
      }
      if (whole) {
        if (this.copies.size >= MAX_KEPT_PATHS) this.copies.clear();
        this.copies.set(path, snaps);
      }
      // Taken now, it is what the values are for the rest of this stretch.
      read = { path, keys, whole, snaps, comparedIn: this.stretch, same: true, listedBy: 0 };
      now.set(path, read);
    }
    return read;
  }

  private keys(path: string): readonly string[] {
    let keys = this.keysOf.get(path);
    if (keys === undefined) {
      if (this.keysOf.size >= MAX_KEPT_PATHS) this.keysOf.clear();
      keys = pathKeys(path);
      this.keysOf.set(path, keys);
    }
    return keys;
  }

  /**
   * Whether the value at the read's path is what it was, seen from every chart `.Values` it can
   * be reached from: a subchart's values are a copy of its section of the parent's (so both are
   * looked at), and `global.x` is recorded for any chart's `global` (so every chart's is).
   */
  private unchanged(read: Read): boolean {
    let i = 0;
    for (const root of this.roots) {
      const v = reach(root, read.keys);
      if (v === UNREACHABLE) continue;
      if (i >= read.snaps.length || !matches(read.snaps[i], v, read.whole)) return false;
      i++;
    }
    return i === read.snaps.length;
  }
}

const NOTHING: ReadonlySet<string> = new Set();
const NOT_REUSABLE = (out: string): FileRecord => ({ out, reusable: false, pinned: undefined, snapshots: [], valuesRead: 0, objects: NOTHING, templates: NOTHING, tpl: false, reads: undefined });
const NO_CALLS: readonly PinnedCall[] = [];

/** A kept file's reads as a recorder reports them. */
function readsOf(r: FileRecord): TemplateReads {
  if (r.reads === undefined) {
    const values = new Set<string>();
    const subtrees = new Set<string>();
    for (let i = 0; i < r.valuesRead; i++) {
      const read = r.snapshots[i];
      (read.whole ? subtrees : values).add(read.path);
    }
    r.reads = { values, subtrees, writes: NOTHING, objects: r.objects, templates: r.templates, tpl: r.tpl };
  }
  return r.reads;
}

/**
 * Whether a file's pinned calls, made again now, would get the results they got: the same
 * session, and each call's key (from its arguments as kept: changed since, it is not the same
 * call) met as many times before it in this render as then. The file's reads being the same, it
 * makes the same calls in the same order, so its output is the same too.
 */
function replayable(run: PinnedRun, now: PinnedCalls | undefined): boolean {
  if (now === undefined || now.session !== run.session) return false;
  const inFile = new Map<string, number>();
  for (const c of run.calls) {
    if (now.keyOf(c.name, c.site, c.args) !== c.key) return false;
    const earlier = inFile.get(c.key) ?? 0;
    if (now.countOf(c.key) + earlier !== c.count) return false;
    inFile.set(c.key, earlier + 1);
  }
  return true;
}

/** A path that does not lead through a chart's `.Values` (another subchart's section). */
const UNREACHABLE = Symbol('unreachable');

function reach(root: ValuesRoots[number], keys: readonly string[]): GoValue | typeof MISSING | typeof UNREACHABLE {
  if (keys.length > 0 && keys[0] === 'global') return walk(root.values, keys, 0);
  const prefix = root.keys;
  if (prefix.length > keys.length) return UNREACHABLE;
  for (let i = 0; i < prefix.length; i++) if (keys[i] !== prefix[i]) return UNREACHABLE;
  return walk(root.values, keys, prefix.length);
}

const MISSING = Symbol('missing');

/** Follows keys (from `from` on) through maps without reporting reads. */
function walk(m: GoMap, keys: readonly string[], from: number): GoValue | typeof MISSING {
  let v: GoValue = m;
  for (let i = from; i < keys.length; i++) {
    if (!(v instanceof Map)) return MISSING;
    const k = keys[i];
    const next = mapGet.call(v, k) as GoValue | undefined;
    if (next === undefined && !mapHas.call(v, k)) return MISSING;
    v = next as GoValue;
  }
  return v;
}

function snapshotOf(v: GoValue | typeof MISSING, whole: boolean, before: Snapshot | undefined): Snapshot {
  if (v === MISSING) return { kind: 'missing' };
  if (!whole && v instanceof Map) return { kind: 'map', type: typeInfoOf(v)?.name, nil: isGoNil(v), size: v.size };
  if (v === null || typeof v !== 'object') return { kind: 'scalar', v };
  return { kind: 'copy', v: copyKeeping(before?.kind === 'copy' ? before.v : undefined, v) };
}

/** A copy of `v` made of the parts of `before` (an earlier copy) that are still equal, and copies of the rest. */
function copyKeeping(before: GoValue | undefined, v: GoValue): GoValue {
  if (v === null || typeof v !== 'object') return v;
  if (before !== undefined && sameValue(before, v)) return before;
  if (v instanceof Map) {
    const earlier = before instanceof Map ? before : undefined;
    const out: GoMap = new Map();
    mapForEach.call(v, (x: GoValue, k: string) => out.set(k, copyKeeping(earlier?.get(k), x)));
    return keepType(v, out);
  }
  if (Array.isArray(v)) {
    const earlier = Array.isArray(before) ? before : undefined;
    return keepType(v, v.map((x, i) => copyKeeping(earlier?.[i], x)));
  }
  return copyOf(v);
}

function matches(s: Snapshot, v: GoValue | typeof MISSING, whole: boolean): boolean {
  if (v === MISSING) return s.kind === 'missing';
  switch (s.kind) {
    case 'missing':
      return false;
    case 'scalar':
      return (v === null || typeof v !== 'object') && Object.is(s.v, v);
    case 'map':
      return !whole && v instanceof Map && v.size === s.size && typeInfoOf(v)?.name === s.type && isGoNil(v) === s.nil;
    case 'copy':
      return sameValue(s.v, v);
  }
}

/** A copy that later mutations of the original cannot reach. */
function copyOf(v: GoValue): GoValue {
  if (v instanceof Map) {
    const out: GoMap = new Map();
    mapForEach.call(v, (x: GoValue, k: string) => out.set(k, copyOf(x)));
    return keepType(v, out);
  }
  if (Array.isArray(v)) return keepType(v, v.map(copyOf));
  if (v instanceof Uint8Array) return v.slice();
  return v;
}

/**
 * A copy of a typed or nil value records its Go type name and nil-ness the way {@link sameValue}
 * compares them (most values maps are neither, and are kept out of the table).
 */
const COPIED = new WeakMap<object, { type: string | undefined; nil: boolean }>();

function keepType<T extends GoMap | GoValue[]>(from: GoMap | GoValue[], to: T): T {
  const type = typeInfoOf(from)?.name;
  const nil = isGoNil(from);
  if (type !== undefined || nil) COPIED.set(to, { type, nil });
  return to;
}

/** Whether a copy (from {@link copyOf}) and a live value are the same to a template. */
function sameValue(copy: GoValue, v: GoValue): boolean {
  if (copy === null || typeof copy !== 'object') return (v === null || typeof v !== 'object') && Object.is(copy, v);
  if (copy instanceof GoInt) return v instanceof GoInt && copy.v === v.v && copy.kind === v.kind && copy.typeName === v.typeName;
  if (copy instanceof Map) {
    if (!(v instanceof Map) || copy.size !== v.size || !sameType(copy, v)) return false;
    for (const [k, x] of copy) {
      if (!mapHas.call(v, k) || !sameValue(x, mapGet.call(v, k) as GoValue)) return false;
    }
    return true;
  }
  if (Array.isArray(copy)) {
    if (!Array.isArray(v) || copy.length !== v.length || !sameType(copy, v)) return false;
    for (let i = 0; i < copy.length; i++) if (!sameValue(copy[i], v[i])) return false;
    return true;
  }
  if (copy instanceof Uint8Array) return v instanceof Uint8Array && copy.length === v.length && copy.every((b, i) => b === v[i]);
  if (copy instanceof GoTime) return v instanceof GoTime && copy.epochMs === v.epochMs && copy.nanos === v.nanos && copy.zone === v.zone;
  // Structs and functions are not values files' business: equal only as the same object.
  if (copy instanceof GoStruct || isGoFunc(copy)) return copy === v;
  return false;
}

function sameType(copy: GoMap | GoValue[], v: GoMap | GoValue[]): boolean {
  const t = COPIED.get(copy);
  return t?.type === typeInfoOf(v)?.name && (t?.nil ?? false) === isGoNil(v);
}

/**
 * What a render's files see besides the values: the chart tree (its files and templates by
 * identity, its metadata by content), `.Release` and `.Capabilities` by content.
 */
export function renderContext(chart: Chart, top: GoMap): string {
  let key = '';
  const visit = (c: Chart): void => {
    key += `${idOf(c.files)}/${idOf(c.templates)}/${JSON.stringify(c.metadata)}\0`;
    for (const d of c.dependencies) visit(d);
  };
  visit(chart);
  return `${key}${fingerprint(top.get('Release'))}\0${fingerprint(top.get('Capabilities'))}`;
}

const ids = new WeakMap<object, number>();
let nextId = 0;
function idOf(o: object): number {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}

/** A value written out in full (maps by sorted key), for comparing small objects between renders. */
function fingerprint(v: GoValue): string {
  if (v === undefined) return 'u';
  if (v === null || typeof v !== 'object') return `${typeof v}:${String(v)}`;
  if (v instanceof GoInt) return `i${v.kind}${v.typeName ?? ''}:${v.v}`;
  if (v instanceof Map) {
    const keys: string[] = [];
    mapForEach.call(v, (_: GoValue, k: string) => keys.push(k));
    return `{${typeInfoOf(v)?.name ?? ''}${keys.sort().map((k) => `${k}:${fingerprint(mapGet.call(v, k) as GoValue)}`).join(',')}}`;
  }
  if (Array.isArray(v)) {
    const type = typeInfoOf(v)?.name ?? '';
    // A list of strings (`.Capabilities.APIVersions`, hundreds of them) in one native call.
    if (v.every((x) => typeof x === 'string')) return `[${type}s${JSON.stringify(v)}]`;
    return `[${type}${v.map(fingerprint).join(',')}]`;
  }
  if (v instanceof GoStruct) return `s${v.type.name}{${v.fields.map(([k, x]) => `${k}:${fingerprint(x)}`).join(',')}}`;
  if (v instanceof GoTime) return `t${v.epochMs}.${v.nanos}${v.zone}`;
  if (isGoFunc(v)) return 'f';
  return `o${idOf(v as object)}`;
}
