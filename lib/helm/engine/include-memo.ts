/**
 * Reuse of `include` results within one render. Charts include the same helpers (names, labels,
 * selectors) with the same data many times; the text only changes when something the helper can
 * see changes. The engine renders each template file through the same table (a file is also
 * included, for a checksum of it). A result is reused only when all of these hold:
 *
 * - same template set, template name and data (by identity: maps and slices are the render's own
 *   objects, so identity plus the mutation epoch stands for their contents);
 * - no call that mutates template data (`set`, `unset`, `merge`...) happened since it was made
 *   (each such call starts a new epoch) or while it was made;
 * - no call with effects or varying results (random values, the clock, key generation) was made
 *   while it was made;
 * - if it read `.Template` of a chart's top-level object (which the engine changes between
 *   files), it was made while rendering the same file;
 * - reusing it cannot hide Helm's include recursion limit: the include nesting it needed, added
 *   to the current nesting, stays far below that limit;
 * - in a recording render, all its reads were logged (values-reads.ts pauses a file's recording
 *   once it read all the values whole).
 */
import { GoInt, GoStruct, typeInfoOf, type GoFunc, type GoValue, type FuncMap } from '../../go';
import { MUTATING, NON_DETERMINISTIC } from '../../sprig';
import { activeRecorder, isTrackedValues, ReadKind, recordingPauses, WalkWatchingMap } from './values-reads';
import type { IncludedText, ProvenanceTracer } from './provenance';

/** Include nesting a reused result may stand for, and total nesting allowed when reusing. */
const MAX_RELATIVE_DEPTH = 64;
const MAX_TOTAL_DEPTH = 900;
/** Results kept per template set and render (the bound keeps odd charts from growing memory). */
const MAX_ENTRIES = 4096;

let reuseEnabled = true;

/** Turns reuse off (or back on); tests compare renders both ways. */
export function setIncludeReuse(enabled: boolean): void {
  reuseEnabled = enabled;
}

interface Frame {
  pure: boolean;
  readsTemplate: boolean;
  /** Deepest include nesting reached while this frame ran. */
  deepest: number;
}

interface Entry {
  out: string;
  epoch: number;
  /** The file it was made in when it read `.Template`, else -1. */
  file: number;
  depth: number;
  /** The values reads it made, as a range of the recording render's log (none when not recording). */
  readsFrom: number;
  readsTo: number;
  /** Its traced text, when made by a tracing render. */
  traced: IncludedText | undefined;
}

/** One render's reuse state, shared by a template set and the clones `tpl` makes of it. */
export class IncludeMemo {
  private epoch = 0;
  private file = 0;
  private render = 0;
  private readonly frames: Frame[] = [];
  /** How many results were reused in the current render (for tests). */
  hits = 0;

  /** Starts a render: nothing made before is valid any more. */
  beginRender(): void {
    this.render++;
    this.epoch++;
    this.frames.length = 0;
    this.hits = 0;
  }

  /**
   * Told of every mutating call (incremental renders compare values again after one), and whether
   * it may change where data others see is reached from ({@link movesSharedData}).
   */
  onMutation: ((moves: boolean) => void) | undefined;
  /** Whether the file being rendered made calls with effects or varying results (how many), or a mutating one. */
  private effects = { volatile: false, volatileCalls: 0, mutating: false };

  /** The engine moves on to another top-level template (and changes `.Template`). */
  beginFile(index: number): void {
    this.file = index;
    this.effects = { volatile: false, volatileCalls: 0, mutating: false };
  }

  /**
   * What the current file's calls did so far (reused include results made no such calls):
   * `mutating` when a mutating call changed anything but a map a template made.
   */
  fileEffects(): { readonly volatile: boolean; readonly volatileCalls: number; readonly mutating: boolean } {
    return this.effects;
  }

  /** `.Template` of a top-level object was read. */
  templateRead(): void {
    for (const f of this.frames) f.readsTemplate = true;
  }

  private impure(): void {
    this.effects.volatile = true;
    this.effects.volatileCalls++;
    for (const f of this.frames) f.pure = false;
  }

  private mutated(name: string, args: GoValue[]): void {
    const target = args[0];
    this.epoch++;
    for (const f of this.frames) f.pure = false;
    if (!madeByTemplate(target)) this.effects.mutating = true;
    this.onMutation?.(movesSharedData(name, args));
  }

  /** The set's functions with impure and mutating ones reporting their calls here. */
  watch(funcs: FuncMap): FuncMap {
    const out: FuncMap = { ...funcs };
    for (const [name, fn] of Object.entries(funcs)) {
      if (NON_DETERMINISTIC.has(name)) out[name] = reporting(fn, () => this.impure());
      // Every mutating function changes its first argument (set, unset, merge's destination, sortAlpha's list).
      else if (MUTATING.has(name)) out[name] = reporting(fn, (args) => this.mutated(name, args));
      else if (COPYING.has(name)) out[name] = { ...fn, call: (...args: GoValue[]) => markCopies(fn.call(...args)) };
    }
    return out;
  }

  /** A results table for one `include` binding, emptied at each render. */
  table(): IncludeTable {
    return new IncludeTable(this);
  }

  /**
   * Runs `compute` for (name, data) or returns its reusable earlier result. In a tracing render
   * (`provenance` given) a reused result also stands for the spans of its text.
   */
  run(table: IncludeTable, name: string, data: GoValue, compute: () => string, provenance?: ProvenanceTracer): string {
    if (!reuseEnabled) return compute();
    table.startRender(this.render);
    const depth = this.frames.length;
    // The contents key is built at most once per call, and only when identity finds nothing.
    let key: string | undefined | null = null;
    let hit = table.byIdentity(name, data);
    if (!hit) {
      key = contentsKey(name, data);
      hit = key === undefined ? undefined : table.byContents(key);
    }
    const recorder = activeRecorder();
    if (hit && hit.epoch === this.epoch && (hit.file < 0 || hit.file === this.file) && depth + hit.depth < MAX_TOTAL_DEPTH && (provenance === undefined || hit.traced !== undefined)) {
      if (hit.file >= 0) this.templateRead();
      if (recorder !== undefined) recorder.replay(hit.readsFrom, hit.readsTo);
      if (provenance !== undefined) provenance.reuseIncluded(hit.traced!);
      for (const f of this.frames) if (f.deepest < depth + hit.depth) f.deepest = depth + hit.depth;
      this.hits++;
      return hit.out;
    }
    const frame: Frame = { pure: true, readsTemplate: false, deepest: depth + 1 };
    for (const f of this.frames) if (f.deepest < depth + 1) f.deepest = depth + 1;
    this.frames.push(frame);
    const epoch = this.epoch;
    const readsFrom = recorder === undefined ? 0 : recorder.length;
    const pausesBefore = recordingPauses();
    let out: string;
    try {
      out = compute();
    } finally {
      this.frames.pop();
    }
    const readsTo = recorder === undefined ? 0 : recorder.length;
    const relative = frame.deepest - depth;
    // A result whose reads were not all logged (recording paused) would replay too few.
    const logged = !pausesBefore.paused && recordingPauses().count === pausesBefore.count;
    if (frame.pure && epoch === this.epoch && relative <= MAX_RELATIVE_DEPTH && logged) {
      if (table.size >= MAX_ENTRIES) table.clear();
      const traced = provenance?.keepIncluded(name);
      table.store(name, data, key === null ? contentsKey(name, data) : key, { out, epoch, file: frame.readsTemplate ? this.file : -1, depth: relative, readsFrom, readsTo, traced });
    }
    return out;
  }
}

/** Results of one `include` binding: by template name, then by data. */
export class IncludeTable {
  private render = -1;
  private entries = new Map<string, Map<GoValue, Entry>>();
  /** The same results by template name and the contents of a small `dict` argument. */
  private resultsByContents = new Map<string, Entry>();
  size = 0;

  constructor(private readonly memo: IncludeMemo) {}

  startRender(render: number): void {
    if (render !== this.render) {
      this.render = render;
      this.clear();
    }
  }

  byIdentity(name: string, data: GoValue): Entry | undefined {
    return this.entries.get(name)?.get(data);
  }

  byContents(key: string): Entry | undefined {
    return this.resultsByContents.get(key);
  }

  clear(): void {
    this.entries = new Map();
    this.resultsByContents = new Map();
    this.size = 0;
  }

  /** Stores a result by data identity and, when `key` is given, by the data's contents. */
  store(name: string, data: GoValue, key: string | undefined, e: Entry): void {
    let byData = this.entries.get(name);
    if (!byData) this.entries.set(name, (byData = new Map()));
    if (!byData.has(data)) this.size++;
    byData.set(data, e);
    if (key !== undefined) this.resultsByContents.set(key, e);
  }
}

/**
 * Helpers are mostly called with a fresh `dict` (`include "labels" (dict "ctx" $ "component"
 * "web")`), a new map at every call, so identity never matches. Two plain maps with the same keys
 * holding the same values (primitives by value, everything else by identity) are the same data to
 * a template: nothing in a template observes a map's identity, and a mutation of anything they
 * hold starts a new epoch. Typed maps (whose Go type a template can print) and large maps (cheaper
 * to miss than to key) are left to identity.
 */
const MAX_KEYED_ENTRIES = 8;
const objectIds = new WeakMap<object, number>();
let nextObjectId = 0;

function contentsKey(name: string, data: GoValue): string | undefined {
  if (!(data instanceof Map) || Object.getPrototypeOf(data) !== Map.prototype || data.size > MAX_KEYED_ENTRIES) return undefined;
  if (typeInfoOf(data) !== undefined) return undefined;
  let key = `${name.length}:${name}`;
  for (const [k, v] of data as Map<string, GoValue>) {
    key += `${k.length}:${k}=`;
    if (typeof v === 'string') key += `s${v.length}:${v}`;
    else if (typeof v === 'number') key += `n${Object.is(v, -0) ? '-0' : v};`;
    else if (typeof v === 'boolean') key += v ? 't' : 'f';
    else if (v === null || v === undefined) key += 'z';
    else if (v instanceof GoInt) key += `i${v.kind}/${v.typeName ?? ''}/${v.v};`;
    else {
      let id = objectIds.get(v as object);
      if (id === undefined) objectIds.set(v as object, (id = nextObjectId++));
      key += `o${id};`;
    }
  }
  return key;
}

/** Functions whose result is a copy made of new maps all the way down. */
const COPYING: ReadonlySet<string> = new Set(['deepCopy', 'mustDeepCopy']);

/**
 * Maps `deepCopy` made: typed as what they copy (`deepCopy .` is a Values-typed map holding a
 * `.Capabilities`-typed one), yet new, so seen only by whoever holds them.
 */
const COPIES = new WeakSet<object>();

function markCopies(v: GoValue): GoValue {
  const unvisited: GoValue[] = [v];
  while (unvisited.length > 0) {
    const x = unvisited.pop();
    if (x instanceof Map) {
      COPIES.add(x);
      Map.prototype.forEach.call(x, (y: GoValue) => void unvisited.push(y));
    } else if (Array.isArray(x)) for (const y of x) unvisited.push(y);
    else if (x instanceof GoStruct) for (const [, y] of x.fields) unvisited.push(y);
  }
  return v;
}

/** A map other files cannot have been given by the engine: plain, untyped, or typed as what `deepCopy` copied. */
function isMade(m: Map<string, GoValue>): boolean {
  return Object.getPrototypeOf(m) === Map.prototype && (typeInfoOf(m) === undefined || COPIES.has(m));
}

/**
 * Whether a mutated map can be seen by other files: anything but a plain map a template made
 * (`dict`, a function's result, a `deepCopy`). The values (tracked while recording), a chart's
 * top-level object (`set $ "Values" ...`) and the typed objects (`.Chart`, `.Capabilities`) are.
 */
function isShared(target: GoValue): boolean {
  return target instanceof Map && !isMade(target);
}

/**
 * Whether a mutating call on shared data may change which map a path leads to, so that reads
 * recorded by path no longer say what later files read. Changing a values map the recording knows
 * the path of in place does not: `unset`, or `set`/`merge` placing scalars, lists (compared entry
 * by entry wherever they are read), the map already at that key, or maps a template made (they
 * learn their path when first reached). Anything else does: a values map placed under another
 * path, a chart's top-level object changed (`set $ "Values" ...`), an untracked or typed object.
 */
function movesSharedData(name: string, args: GoValue[]): boolean {
  const target = args[0];
  if (!isShared(target)) return false;
  if (!isTrackedValues(target)) return true;
  if (name === 'unset') return false;
  if (name === 'set') {
    const placed = args[2];
    return placed instanceof Map && placed !== Map.prototype.get.call(target, args[1]) && !madeByTemplate(placed);
  }
  // merge and its kin put the sources' entries (maps among them) into the target's maps.
  for (let i = 1; i < args.length; i++) if (args[i] instanceof Map && !madeByTemplate(args[i])) return true;
  return false;
}

/** Maps looked into before a mutated map counts as possibly holding data others see. */
const MAX_MADE_MAPS = 64;

/**
 * Whether a mutated value is a map a template made (`dict`, `merge dict ...`, a copy), holding no
 * map other files could reach: changing it changes nothing outside the file that made it (it
 * can reach other files only through shared data, and putting it there is a shared change). Nested
 * maps are looked into because `merge` changes the destination's nested maps in place; a tracked
 * values map met there writes a values path (recorded), a typed one is some render object.
 */
function madeByTemplate(target: GoValue): boolean {
  if (!(target instanceof Map)) return false;
  const unvisited: GoValue[] = [target];
  for (let seen = 0; unvisited.length > 0; seen++) {
    const m = unvisited.pop();
    if (!(m instanceof Map)) continue;
    if (seen >= MAX_MADE_MAPS || !isMade(m)) return false;
    Map.prototype.forEach.call(m, (v: GoValue) => {
      if (v instanceof Map) unvisited.push(v);
    });
  }
  return true;
}

function reporting(fn: GoFunc, report: (args: GoValue[]) => void): GoFunc {
  return {
    ...fn,
    call: (...args: GoValue[]) => {
      report(args);
      return fn.call(...args);
    },
  };
}

/**
 * A chart's top-level template object. The engine sets its `Template` entry before each file;
 * reads of that entry (directly or by walking the map) are reported so that reused include
 * results never carry another file's `.Template`.
 */
export class TopLevelObject extends WalkWatchingMap {
  constructor(
    entries: Iterable<readonly [string, GoValue]>,
    private readonly onTemplateRead: () => void,
  ) {
    super(entries);
  }
  override get(key: string): GoValue | undefined {
    if (key === 'Template') this.onTemplateRead();
    const recorder = activeRecorder();
    if (recorder !== undefined && key !== 'Values') recorder.add(ReadKind.Object, key);
    return super.get(key);
  }
  override has(key: string): boolean {
    if (key === 'Template') this.onTemplateRead();
    const recorder = activeRecorder();
    if (recorder !== undefined && key !== 'Values') recorder.add(ReadKind.Object, key);
    return super.has(key);
  }
  protected override walked(): void {
    this.onTemplateRead();
  }
}
