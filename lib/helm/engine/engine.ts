import { isStackExhaustion, Template, TemplateError, type CallObserver, type ExecOptions, type GoRelease, type ExecTracer, type TemplateNode } from '../../gotemplate';
import { defineFunc, type FuncMap, quote, compareGoStrings, GoError, withType, type GoMap, type GoValue } from '../../go';
import { chartFullPath, chartOfTemplate, isRoot, type Chart } from '../chart/chart';
import { rethrown, whereOf, type CodedError, type ErrorCode } from '../../errors';
import { chartMapForTemplate, chartValueForTemplate } from '../chart/metadata-go';
import { isHelm4, valuesPackage, type HelmVersion } from '../version';
import { newFiles } from './files';
import { helmFuncMap, WARN_END, WARN_START } from './funcs';
import { NON_DETERMINISTIC } from '../../sprig';
import { IncludeMemo, TopLevelObject, type IncludeTable } from './include-memo';
import { traceExecError } from './exec-trace';
import { joinPath, pathKeys } from '../strvals';
import { activeRecorder, ReadKind, ValuesReadRecorder } from './values-reads';
import { IncrementalState, renderContext, type PinnedCall, type ValuesRoots } from './incremental';
import type { PinnedCalls } from './stable-session';
import { removeAll, type ProvenanceTracer, type TracedText } from './provenance';

/** Bounds that keep a runaway template from freezing a tab; Helm itself has only the include limit. */
export interface RenderLimits {
  /** Abort when a single template's output passes this many bytes. */
  maxOutputBytes?: number;
  /** Abort when rendering takes longer than this (checked while executing). */
  deadlineMs?: number;
}

/** A call observer that is also told which chart file the engine renders next. */
export interface RenderObserver extends CallObserver {
  beginFile?(file: string): void;
  /** Set when the observer pins the results of the calls it watches (a StableSession's). */
  readonly pinned?: PinnedCalls;
}

export interface RenderOptions {
  /** `missingkey=error` instead of Helm's default `missingkey=zero` (helm lint --strict). */
  strict?: boolean;
  limits?: RenderLimits;
  observer?: RenderObserver;
  /** Which helm's rules to follow (`.Chart`, error texts); default 4.1. */
  helmVersion?: HelmVersion;
  /** Records which values (and other inputs) each template file reads (values-reads.ts). */
  recordReads?: ValuesReadRecorder;
  /**
   * A tracing render (provenance.ts): each rendered file's text with the spans that wrote it, by
   * file; reads are recorded in the tracer's recorder.
   */
  trace?: { tracer: ProvenanceTracer; files: Map<string, TracedText> };
  /**
   * Re-execute only the files whose inputs changed since the last render of the same templates
   * (incremental.ts); for interactive re-rendering. A tracing render executes every file.
   */
  incremental?: boolean;
}

/** Helm's include depth limit per template name (engine.recursionMaxNums). */
const RECURSION_MAX = 1000;
/** Parsed `tpl` texts kept per template set. */
const TPL_CLONES = 256;
/** Helm matches with `(?s)`: a `fail` message spanning lines is still unwrapped. */
const WARN_PATTERN = new RegExp(`${WARN_START}([\\s\\S]*)${WARN_END}`);
const decoder = new TextDecoder();

interface Renderable {
  text: string;
  vals: GoMap;
  basePath: string;
  /** Where the chart's `.Values` sits in the top chart's (values-reads.ts paths). */
  valuesPath: string;
}

/**
 * Renders every template of a chart and its enabled subcharts: Helm's engine.Render.
 * `top` is the object from toRenderValues (Values, Release, Capabilities, Chart).
 * Returns rendered text by template path, partials excluded, `<no value>` removed.
 */
export function renderChart(
  chart: Chart,
  top: GoMap,
  opts: RenderOptions = {},
): Map<string, string> {
  const tpls = new Map<string, Renderable>();
  // The top-level objects report `.Template` reads to whichever set renders them.
  const reads = { memo: null as IncludeMemo | null };
  const valuesType = `${valuesPackage(opts.helmVersion)}.Values`;
  const chartValue = isHelm4(opts.helmVersion) ? chartMapForTemplate : chartValueForTemplate;
  const provenance = opts.trace?.tracer;
  const incremental = opts.incremental === true && provenance === undefined;
  let recorder = provenance?.reads ?? opts.recordReads ?? (incremental ? new ValuesReadRecorder() : undefined);
  // The incremental render's own recorder logs only what reuse needs.
  if (recorder !== undefined && recorder !== opts.recordReads && provenance === undefined) recorder.endsFileAtWholeValues = true;
  const roots: ValuesRoots = [];
  recAllTpls(chart, tpls, top, () => reads.memo?.templateRead(), { valuesType, chartValue, recorder, roots }, '');
  const release = top.get('Release');
  if (recorder !== undefined && release instanceof Map) recorder.trackObject(release, 'Release');
  const keys = sortTemplates([...tpls.keys()]);
  const set = templateSet(keys, tpls, opts.strict ?? false, opts.helmVersion);
  set.state.included.clear();
  set.state.deadline =
    opts.limits?.deadlineMs !== undefined
      ? Date.now() + opts.limits.deadlineMs
      : undefined;
  set.state.maxOutputBytes = opts.limits?.maxOutputBytes;
  set.state.go = isHelm4(opts.helmVersion) ? '1.25' : '1.23';
  // {{template}} names are logged for a caller's recorder; incremental renders need only values reads.
  set.state.tracer = provenance ?? (recorder === undefined || (incremental && opts.recordReads === undefined) ? undefined : TEMPLATE_READS);
  set.state.provenance = provenance;
  set.state.memo.beginRender();
  reads.memo = set.state.memo;
  const state = incremental ? (set.state.incremental ??= new IncrementalState()) : undefined;
  // After a render that kept no file it could reuse, a few run in full: recording them would buy nothing.
  const inc = state?.rests() === true ? undefined : state;
  if (state !== undefined && inc === undefined && recorder !== opts.recordReads) {
    recorder?.stop();
    recorder = undefined;
  }
  // A call the observer watches (lookup, calls that vary under GitOps) is made again at every
  // render, unless a session pins its result: then the call is kept, to be told again when the
  // file is reused.
  let observed = false;
  let calls: PinnedCall[] = [];
  const observer = opts.observer;
  const pinned = inc === undefined ? undefined : observer?.pinned;
  set.state.observer =
    inc === undefined || observer === undefined
      ? observer
      : {
          names: observer.names,
          call: (name, site, args) => {
            if (pinned !== undefined && pinned.names.has(name)) {
              const key = pinned.keyOf(name, site, args);
              calls.push({ name, site, args, key, count: pinned.countOf(key) });
            } else observed = true;
            observer.call(name, site, args);
          },
        };
  if (inc !== undefined) {
    inc.begin(renderContext(chart, top), roots);
    // Reads are recorded for reuse only: once nothing more can be reused, the rest runs unrecorded.
    const ownRecorder = opts.recordReads === undefined ? recorder : undefined;
    set.state.memo.onMutation = (shared) => {
      inc.mutated(shared);
      if (inc.isSealed) ownRecorder?.stop();
    };
  }

  // Not in a tracing render (each file's spans are its own), nor when an observer watches calls
  // that do not make a result unreusable (a file sharing an include's result makes no calls).
  const shareIncludes = provenance === undefined && (observer === undefined || [...observer.names].every((n) => NON_DETERMINISTIC.has(n)));
  const rendered = new Map<string, string>();
  const reused: string[] = [];
  lastReused = reused;
  let finished = false;
  recorder?.start();
  try {
    for (let index = 0; index < keys.length; index++) {
      const filename = keys[index];
      if (baseName(filename).startsWith("_")) continue;
      const r = tpls.get(filename)!;
      set.state.memo.beginFile(index);
      opts.observer?.beginFile?.(filename);
      if (inc !== undefined) {
        const kept = inc.reuse(filename, pinned);
        if (kept !== undefined) {
          rendered.set(filename, kept.out);
          reused.push(filename);
          for (const c of kept.calls) observer!.call(c.name, c.site, c.args);
          // A caller's recorder learns what the file read when it last ran (the same, as it is reused).
          if (opts.recordReads !== undefined) {
            opts.recordReads.beginFile(filename);
            opts.recordReads.addReads(kept.reads());
          }
          continue;
        }
        observed = false;
        if (calls.length > 0) calls = [];
      }
      const from = recorder?.length ?? 0;
      recorder?.beginFile(filename);
      r.vals.set('Template', withType(new Map<string, GoValue>([['Name', filename], ['BasePath', r.basePath]]), { name: valuesType }));
      let out: string;
      try {
        const execute = () => set.t.executeTemplate(filename, r.vals, execOptions(set.state));
        // A file another file included (`include (print $.Template.BasePath "/secret.yaml") .`
        // for a checksum) renders the same text from the same data: the include memo's rules
        // decide whether one result serves both, whichever ran first.
        out = shareIncludes ? set.state.memo.run(set.includes, filename, r.vals, execute) : execute();
      } catch (e) {
        throw cleanupExecError(filename, e, opts.helmVersion);
      }
      const text = out.replaceAll("<no value>", "");
      rendered.set(filename, text);
      if (provenance !== undefined) opts.trace!.files.set(filename, removeAll(provenance.takeFile(), '<no value>'));
      if (inc !== undefined) {
        const { volatile, volatileCalls, mutating } = set.state.memo.fileEffects();
        // Calls with varying results keep a file from being reused unless the session pinned each.
        const replayable = !volatile || (pinned !== undefined && volatileCalls === calls.length);
        const run = volatile && replayable ? { session: pinned!.session, calls } : undefined;
        inc.executed(filename, text, { recorder: recorder!, from, to: recorder!.length }, replayable && !mutating && !observed, r.valuesPath, run);
      }
    }
    finished = true;
  } finally {
    // Parsed sets are shared between renders: the next one brings its own observer.
    set.state.observer = undefined;
    set.state.tracer = undefined;
    set.state.provenance = undefined;
    set.state.memo.onMutation = undefined;
    recorder?.stop();
    if (finished) inc?.finish();
    else inc?.abandon();
  }
  return rendered;
}

let lastReused: readonly string[] = [];

/** The files the latest incremental render reused instead of executing (tests and the bench ask). */
export function reusedInLastRender(): readonly string[] {
  return lastReused;
}

/** How the engine of a helm version presents `.Chart` and `.Values`. */
interface ObjectStyle {
  valuesType: string;
  chartValue: (c: Chart) => GoValue;
  recorder?: ValuesReadRecorder;
  /** Collects each chart's `.Values` with its path (what incremental renders compare). */
  roots?: ValuesRoots;
}

/** recAllTpls: each chart's templates with the values scoped to that chart. */
function recAllTpls(c: Chart, templates: Map<string, Renderable>, vals: GoMap, onTemplateRead: () => void, style: ObjectStyle, valuesPath: string): GoMap {
  const subcharts: GoMap = new Map();
  // Helm builds this as a map[string]interface{} but hands it to templates as its Values type,
  // the type `$` shows in errors and typeOf (`.Subcharts` entries show it too, where helm says map).
  const next: GoMap = withType(
    new TopLevelObject(
      [
        ['Chart', style.chartValue(c)],
        ['Files', newFiles(c.files)],
        ['Release', vals.get('Release')],
        ['Capabilities', vals.get('Capabilities')],
        ['Values', withType(new Map(), { name: style.valuesType })],
        ['Subcharts', subcharts],
      ],
      onTemplateRead,
    ),
    { name: style.valuesType },
  );
  const parentValues = vals.get("Values");
  if (isRoot(c)) next.set("Values", parentValues);
  else if (parentValues instanceof Map) {
    const own = parentValues.get(c.metadata.name);
    // Go's Values.Table returns the same map under the chartutil.Values type; the parent still
    // sees a map[string]interface{} there (which `dig` insists on), so the typed view is a copy.
    if (own instanceof Map) next.set('Values', withType(new Map(own), { name: style.valuesType }));
  }
  const values = next.get('Values');
  if (style.recorder !== undefined && values instanceof Map) style.recorder.trackChartValues(values, valuesPath);
  if (style.roots !== undefined && values instanceof Map) style.roots.push({ path: valuesPath, keys: pathKeys(valuesPath), values });
  for (const child of c.dependencies) {
    subcharts.set(child.metadata.name, recAllTpls(child, templates, next, onTemplateRead, style, joinPath(valuesPath, child.metadata.name)));
  }

  const parentId = chartFullPath(c);
  const library = c.metadata.type === "library";
  for (const t of c.templates) {
    if (library && !baseName(t.name).startsWith("_")) continue;
    templates.set(`${parentId}/${t.name}`, {
      text: textOf(t.data),
      vals: next,
      basePath: `${parentId}/templates`,
      valuesPath,
    });
  }
  return next;
}

/**
 * Helm's sortTemplates (reverse byPathLen): deeper paths first, equal depths in reverse byte
 * order. Parse order decides which of two same-named `define`s wins, so it must match.
 */
function sortTemplates(keys: string[]): string[] {
  // Each name's depth counted once, not at every comparison.
  const depths = new Map<string, number>();
  for (const k of keys) depths.set(k, k.split("/").length);
  return keys.sort((a, b) => depths.get(b)! - depths.get(a)! || compareGoStrings(b, a));
}

// --- parsed template sets, reused across renders -------------------------------------------

interface RenderState {
  included: Map<string, number>;
  deadline?: number;
  maxOutputBytes?: number;
  observer?: CallObserver;
  tracer?: ExecTracer;
  /** The tracer again when it keeps provenance (include and tpl report their calls to it). */
  provenance?: ProvenanceTracer;
  /** The Go release of the helm being followed (its text/template messages). */
  go?: GoRelease;
  memo: IncludeMemo;
  /** The last render's outputs and reads, for incremental renders of this set. */
  incremental?: IncrementalState;
}

interface TemplateSet {
  t: Template;
  state: RenderState;
  /** The `include` results of the set's own templates (tpl's clones keep theirs). */
  includes: IncludeTable;
}

const textCache = new WeakMap<Uint8Array, string>();
let nextTextId = 1;
const setCache = new Map<string, TemplateSet>();
const SET_CACHE_SIZE = 16;

/** Forgets every parsed template set (benchmarks use it to measure a cold render). */
export function clearParsedTemplates(): void {
  setCache.clear();
}

function textOf(data: Uint8Array): string {
  let s = textCache.get(data);
  if (s === undefined) {
    s = decoder.decode(data);
    textCache.set(data, s);
  }
  return s;
}

/**
 * Parsing is the expensive part of a render, and the set of templates only changes when a
 * dependency is switched on or off, so parsed sets are cached by their exact contents.
 */
function templateSet(
  keys: string[],
  tpls: Map<string, Renderable>,
  strict: boolean,
  helmVersion: HelmVersion | undefined,
): TemplateSet {
  let key = `${strict ? "strict" : "zero"}\0${helmVersion ?? ""}`;
  for (const k of keys) key += `\0${k}\0${idOfText(tpls.get(k)!.text)}`;
  const hit = setCache.get(key);
  if (hit) {
    setCache.delete(key);
    setCache.set(key, hit);
    return hit;
  }
  const state: RenderState = { included: new Map(), memo: new IncludeMemo() };
  const t = new Template("gotpl");
  t.option(strict ? "missingkey=error" : "missingkey=zero");
  t.funcs(state.memo.watch(helmFuncMap(helmVersion)));
  const includes = bindRenderFuncs(t, state, strict);
  for (const filename of keys) {
    try {
      t.new(filename).parse(tpls.get(filename)!.text);
    } catch (e) {
      throw cleanupParseError(filename, e);
    }
  }
  const set = { t, state, includes };
  setCache.set(key, set);
  if (setCache.size > SET_CACHE_SIZE)
    setCache.delete(setCache.keys().next().value!);
  return set;
}

const textIds = new Map<string, number>();
function idOfText(text: string): number {
  let id = textIds.get(text);
  if (id === undefined) {
    id = nextTextId++;
    textIds.set(text, id);
  }
  return id;
}

const NO_LIMITS: ExecOptions = Object.freeze({});
const GO_125: ExecOptions = Object.freeze({ go: '1.25' });

function execOptions(state: RenderState): ExecOptions {
  if (state.deadline === undefined && state.maxOutputBytes === undefined && state.observer === undefined && state.tracer === undefined) {
    return state.go === '1.25' ? GO_125 : NO_LIMITS;
  }
  return {
    go: state.go,
    tracer: state.tracer,
    deadlineMs: state.deadline === undefined ? undefined : Math.max(0, state.deadline - Date.now()),
    maxOutputBytes: state.maxOutputBytes,
    observer: state.observer,
  };
}

/** include and tpl close over the template set they run in (Helm's includeFun / tplFun). */
function bindRenderFuncs(
  t: Template,
  state: RenderState,
  strict: boolean,
): IncludeTable {
  const results: IncludeTable = state.memo.table();
  // tpl parses its text into a clone of the set; the set never changes, so clones are kept by text.
  const tplClones = new Map<string, Template>();
  const funcs: FuncMap = {
    include: defineFunc(
      "include",
      ["string", "interface {}"],
      (name: string, data: GoValue) => {
        // Logged at each call: a result made by rendering a file (which includes nothing) serves an include too.
        activeRecorder()?.add(ReadKind.Template, name);
        return state.memo.run(results, name, data, () => {
          const n = state.included.get(name);
          if (n !== undefined && n > RECURSION_MAX) {
            throw new GoError(
              `rendering template has a nested reference name: ${name}: unable to execute template`,
            );
          }
          state.included.set(name, (n ?? 0) + 1);
          state.provenance?.enterCall('include', name);
          try {
            return t.executeTemplate(name, data, execOptions(state));
          } finally {
            state.provenance?.leaveCall();
            state.included.set(name, state.included.get(name)! - 1);
          }
        }, state.provenance);
      },
      { returnsError: true },
    ),
    tpl: defineFunc(
      "tpl",
      ["string", "interface {}"],
      (text: string, vals: GoValue) => {
        activeRecorder()?.add(ReadKind.Tpl, '');
        let parsed = tplClones.get(text);
        if (parsed === undefined) {
          const clone = t.clone();
          clone.option(strict ? "missingkey=error" : "missingkey=zero");
          bindRenderFuncs(clone, state, strict);
          try {
            parsed = clone.new(t.name).parse(text);
          } catch (e) {
            throw new GoError(
              `cannot parse template ${quote(text)}: ${(e as Error).message}`,
            );
          }
          if (tplClones.size >= TPL_CLONES) tplClones.clear();
          tplClones.set(text, parsed);
        }
        let out: string;
        state.provenance?.enterCall('tpl', '');
        try {
          out = parsed.execute(vals, execOptions(state));
        } catch (e) {
          throw new GoError(
            `error during tpl function execution for ${quote(text)}: ${(e as Error).message}`,
          );
        } finally {
          state.provenance?.leaveCall();
        }
        return out.replaceAll("<no value>", "");
      },
      { returnsError: true },
    ),
  };
  t.funcs(funcs);
  return results;
}

/** Logs the named templates `{{template}}` runs; a recording render's only use of the tracer hooks. */
const NOTHING = (): void => {};
const TEMPLATE_READS: ExecTracer = {
  beginExec: NOTHING,
  endExec: NOTHING,
  abortExec: NOTHING,
  beginPipeline: NOTHING,
  text: NOTHING,
  action: NOTHING,
  enterBranch: NOTHING,
  leaveBranch: NOTHING,
  enterTemplate: (node: TemplateNode) => activeRecorder()?.add(ReadKind.Template, node.name),
  leaveTemplate: NOTHING,
  call: NOTHING,
};

/** Helm's cleanupParseError: `parse error at (FILE:LINE): MESSAGE`. */
function cleanupParseError(filename: string, e: unknown): Error {
  const msg = (e as Error).message;
  const tokens = msg.split(": ");
  const text = tokens.length === 1 ? `parse error in (${filename}): ${msg}` : `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}`;
  return templateFailure(e, text, 'template-parse', filename);
}

/** Helm's cleanupExecError: `execution error at (FILE:LINE:COL): MESSAGE` for required/fail. */
function cleanupExecError(filename: string, e: unknown, helm: HelmVersion | undefined): Error {
  if (!(e instanceof TemplateError) || e.kind !== 'exec') {
    if (e instanceof RangeError) {
      isStackExhaustion(e);
      return templateFailure(e, `rendering template failed: ${e.message}`, 'template-exec', filename);
    }
    return e as Error;
  }
  const msg = e.message;
  const first = msg.indexOf(": ");
  const second = first < 0 ? -1 : msg.indexOf(": ", first + 2);
  if (second < 0) return templateFailure(e, `execution error in (${filename}): ${msg}`, 'template-exec', filename);
  const location = msg.slice(first + 2, second);
  const parts = WARN_PATTERN.exec(msg.slice(second + 2));
  if (parts) return templateFailure(e, `execution error at (${location}): ${parts[1]}`, 'template-exec', filename, parts[1]);
  if (isHelm4(helm)) return templateFailure(e, traceExecError(e) ?? msg, 'template-exec', filename);
  return templateFailure(e, msg, 'template-exec', filename);
}

/**
 * A template's error as Helm words it, at the place the template error names (the outermost
 * call's file, line and column), or at the file being rendered when Go named none.
 */
function templateFailure(e: unknown, message: string, code: ErrorCode, filename: string, detail?: string): CodedError {
  const where = whereOf(e, { file: filename });
  return rethrown(e, message, code, { ...where, chart: chartOfTemplate(where.file ?? filename) }, detail);
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}
