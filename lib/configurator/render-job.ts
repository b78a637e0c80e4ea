/**
 * One render of a configuration with the Helm engine: what the worker runs for each request.
 * Pure (no worker APIs), so it runs in tests too.
 */
import { loadChartDirectory, loadChartFiles, mergeUserValues, templateChart, type Chart, type Dependency, loadArchiveFiles, type RenderObserver, combineObservers, StableSession, ValuesReadRecorder, renderReadSet, userValuePaths, type OutputTrace, type HelmVersion } from '../helm';
import { goToYaml } from '../yaml';
import { decideCalls, gitopsCallRecorder } from '../validate';
import type { GoMap, GoValue } from '../go';
import { decodeChartFiles } from './chart-files';
import { errorReport } from '../errors';
import {
  renderFailure,
  type ChartSource,
  type RemoteDependency,
  type RenderedResource,
  type RenderFailure,
  type RenderOutcome,
  type RenderRequest,
  type RenderSuccess,
  type TraceOutcome,
  type VendoredDependency,
} from './render-protocol';

/** Loads a chart from files or a .tgz (a `url` source is fetched by the caller first) as the given helm loads it. @throws ChartLoadError */
export function loadChartSource(source: Exclude<ChartSource, { kind: 'url' }>, helmVersion?: HelmVersion): Chart {
  // What `helm dependency build` would have put in charts/ before helm loads the chart.
  const subcharts = (source.subcharts ?? []).map((s) => ({ path: `charts/${s.fileName}`, data: s.bytes }));
  if (source.kind === 'archive') {
    return loadChartFiles([...loadArchiveFiles(source.bytes, helmVersion), ...subcharts.map((s) => ({ name: s.path, data: s.data }))], { helmVersion });
  }
  return loadChartDirectory([...decodeChartFiles(source.files), ...subcharts], { helmVersion });
}

function failure(e: unknown, started: number): RenderFailure {
  return renderFailure(errorReport(e), now() - started);
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Renders `request` against `chart`; never throws (failures are outcomes). */
export function renderConfiguration(chart: Chart, request: RenderRequest): RenderOutcome {
  return render(chart, request, false).outcome;
}

/**
 * A tracing render of `request`: the same output as its render (pinned the same way), with where
 * each line came from. Slower than a render; run only when the user asks.
 */
export function traceConfiguration(chart: Chart, request: RenderRequest): TraceOutcome {
  const { outcome, trace } = render(chart, request, true);
  if (!outcome.ok) return outcome;
  if (!trace) return renderFailure({ code: 'internal', message: 'The engine returned no trace.', where: {}, schemaProblems: [] }, outcome.elapsedMs);
  return { ok: true, trace: { output: outcome.output, trace }, elapsedMs: outcome.elapsedMs };
}

function render(chart: Chart, request: RenderRequest, trace: boolean): { outcome: RenderOutcome; trace?: OutputTrace } {
  const started = now();
  let values: GoMap;
  try {
    values = mergeUserValues({ helmVersion: request.release.helmVersion, valueFiles: [{ name: 'values.yaml', data: request.valuesText }] });
  } catch (e) {
    return { outcome: failure(e, started) };
  }
  let missing: Dependency[] = [];
  try {
    const recorder = gitopsCallRecorder();
    const reads = new ValuesReadRecorder();
    const run = (observer: RenderObserver) =>
      templateChart(chart, {
        helmVersion: request.release.helmVersion,
        releaseName: request.release.releaseName,
        namespace: request.release.namespace,
        kubeVersion: request.release.kubeVersion,
        apiVersions: request.release.apiVersions,
        values,
        limits: request.budget,
        observer,
        recordReads: reads,
        trace,
        // Each keystroke re-executes only the templates that read what it changed.
        incremental: true,
        onMissingDependencies: (deps) => {
          missing = deps;
        },
      });
    const result = request.stable
      ? new StableSession(request.stable.seed, request.stable.startedMs).render((pinning) => run(combineObservers(recorder.observer, pinning)))
      : run(recorder.observer);
    const resources: RenderedResource[] = [];
    const seen = new Map<string, number>();
    const add = (r: Omit<RenderedResource, 'id'>): void => {
      const base = `${r.kind}/${r.name}@${r.source}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      resources.push({ ...r, id: `${base}#${n}` });
    };
    for (const m of result.manifests) {
      add({ kind: m.head.kind, name: m.head.metadata?.name ?? '', apiVersion: m.head.apiVersion, source: m.name, content: m.content, hookEvents: [] });
    }
    for (const h of result.hooks) {
      add({ kind: h.kind, name: h.name, apiVersion: apiVersionOf(h.manifest), source: h.path, content: h.manifest, hookEvents: h.events });
    }
    const outcome: RenderSuccess = {
      ok: true,
      output: result.output,
      resources,
      notes: result.notes,
      remoteDependencies: missing.map((d) => remoteDependency(chart, d, result.values)),
      vendoredDependencies: vendoredDependencies(chart, result.chart, result.values),
      gitopsCalls: decideCalls(chart, recorder.calls, result.values),
      values: result.values,
      valuesUse: { set: userValuePaths(values), read: renderReadSet(reads, chart, result.chart) },
      elapsedMs: now() - started,
    };
    return { outcome, trace: result.trace };
  } catch (e) {
    return { outcome: failure(e, started) };
  }
}

function apiVersionOf(manifest: string): string {
  return /^apiVersion:\s*(\S+)/m.exec(manifest)?.[1] ?? '';
}

/** The values a subchart receives: its section of the parent's values, plus `global`. */
function valuesPassed(name: string, values: GoMap): string {
  const own = values.get(name);
  const passed: GoMap = own instanceof Map ? new Map(own) : new Map();
  const global: GoValue = values.get('global');
  if (global instanceof Map) passed.set('global', global);
  return passed.size > 0 ? goToYaml(passed) : '{}\n';
}

function remoteDependency(chart: Chart, dep: Dependency, values: GoMap): RemoteDependency {
  const original = (chart.metadata.dependencies ?? []).find((d) => d !== null && (d.alias || d.name) === dep.name);
  return {
    chart: original?.name ?? dep.name,
    name: dep.name,
    version: dep.version,
    repository: dep.repository,
    valuesYaml: valuesPassed(dep.name, values),
  };
}

/**
 * Subcharts in charts/, each Chart.yaml entry that uses one (by alias when aliased) and any not
 * declared there, with whether these values enable them (`rendered` holds the enabled ones).
 */
function vendoredDependencies(chart: Chart, rendered: Chart, values: GoMap): VendoredDependency[] {
  const enabled = new Set(rendered.dependencies.map((d) => d.metadata.name));
  const declared = (chart.metadata.dependencies ?? []).filter((d): d is Dependency => d !== null);
  const out: VendoredDependency[] = [];
  const entry = (name: string, sub: Chart): VendoredDependency => ({
    name,
    chart: sub.metadata.name,
    version: sub.metadata.version,
    enabled: enabled.has(name),
    valuesYaml: enabled.has(name) ? valuesPassed(name, values) : '',
  });
  for (const d of declared) {
    const sub = chart.dependencies.find((c) => c.metadata.name === d.name);
    if (sub) out.push(entry(d.alias || d.name, sub));
  }
  for (const sub of chart.dependencies) if (!declared.some((d) => d.name === sub.metadata.name)) out.push(entry(sub.metadata.name, sub));
  return out;
}

/** A chart file's text by its Helm path (`aeterna/templates/x.yaml`), for the source view. */
export function chartFileText(chart: Chart, helmPath: string): string | null {
  const rel = helmPath.slice(helmPath.indexOf('/') + 1);
  const f = chart.raw.find((x) => x.name === rel) ?? findInSubcharts(chart, rel);
  return f ? new TextDecoder().decode(f.data) : null;
}

function findInSubcharts(chart: Chart, rel: string): { data: Uint8Array } | undefined {
  const m = /^charts\/([^/]+)\/(.+)$/.exec(rel);
  if (!m) return undefined;
  const sub = chart.dependencies.find((d) => d.metadata.name === m[1]);
  if (!sub) return undefined;
  return sub.raw.find((x) => x.name === m[2]) ?? findInSubcharts(sub, m[2]);
}
