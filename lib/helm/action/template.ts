import type { Chart } from '../chart/chart';
import { type GoMap, goTrimSpace } from '../../go';
import { renderChart, type RenderLimits, type RenderObserver } from '../engine/engine';
import { ValuesReadRecorder } from '../engine/values-reads';
import { ProvenanceTracer, type TracedText } from '../engine/provenance';
import { traceOutput, type OutputTrace } from './output-trace';
import { sortManifests, splitManifests, isTestHook, ManifestParseError, type Hook, type Manifest } from '../releaseutil';
import { filepathMatch } from '../glob/filepath-match';
import { HelmError } from './errors';
import { templateOutput } from './template-output';
import { prepareRelease, type ReleaseSettings } from './install';

export interface TemplateOptions extends ReleaseSettings {
  /** `--include-crds`: print the chart's crds/ files first. */
  includeCrds?: boolean;
  /** `--skip-tests`: leave out test hooks. */
  skipTests?: boolean;
  /** `--no-hooks`: leave out every hook. */
  noHooks?: boolean;
  /** `-s/--show-only`: template paths (relative to the chart, globs allowed) to print. */
  showOnly?: string[];
  /** `--render-subchart-notes`: include subcharts' NOTES.txt in `notes`. */
  renderSubchartNotes?: boolean;
  /** Safety limits for interactive use. */
  limits?: RenderLimits;
  /** Watches calls of chosen functions while rendering (what varies between renders, `lookup`). */
  observer?: RenderObserver;
  /** Records which values and objects each template file reads (engine/values-reads.ts). */
  recordReads?: ValuesReadRecorder;
  /** A tracing render: the result's `trace` maps each output line to the template text and values that wrote it. */
  trace?: boolean;
  /** Re-execute only the template files whose inputs changed since the last render (engine/incremental.ts). */
  incremental?: boolean;
}

/** A CRD file printed with `--include-crds`. */
export interface CrdFile {
  /** e.g. `mychart/crds/foo.yaml` */
  filename: string;
  content: string;
}

export interface TemplateResult {
  /** Exactly what `helm template` prints on stdout. */
  output: string;
  /** Non-hook manifests in install order. */
  manifests: Manifest[];
  /** Hooks (including tests) in the order helm prints them. */
  hooks: Hook[];
  crds: CrdFile[];
  /** Rendered NOTES.txt (helm template doesn't print it; `helm install` would). */
  notes: string;
  /** Every rendered template by path, before splitting (partials excluded). */
  files: Map<string, string>;
  /** The values the templates saw as `.Values` for the top chart. */
  values: GoMap;
  /** The chart as rendered: only the dependencies these values enable, aliased ones renamed. */
  chart: Chart;
  /** With `trace`: where each line of `output` came from. */
  trace?: OutputTrace;
}

const NOTES_SUFFIX = 'NOTES.txt';
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * `helm template`: install in client-only dry-run mode, then print manifests and hooks the way
 * the template command does (including `--show-only` selection and its ordering rules).
 */
export function templateChart(chart: Chart, opts: TemplateOptions = {}): TemplateResult {
  const release = prepareRelease(chart, opts);
  let files: Map<string, string>;
  const tracing = opts.trace ? { tracer: new ProvenanceTracer(opts.recordReads ?? new ValuesReadRecorder()), files: new Map<string, TracedText>() } : undefined;
  try {
    files = renderChart(release.chart, release.top, {
      limits: opts.limits,
      observer: opts.observer,
      helmVersion: opts.helmVersion,
      recordReads: opts.recordReads,
      trace: tracing,
      incremental: opts.incremental,
    });
  } catch (e) {
    throw HelmError.from(e, 'template-exec', { afterRender: true });
  }

  const notes: string[] = [];
  const rootNotes = `${release.chart.metadata.name}/templates/${NOTES_SUFFIX}`;
  for (const [name, text] of [...files]) {
    if (!name.endsWith(NOTES_SUFFIX)) continue;
    if (opts.renderSubchartNotes || name === rootNotes) notes.push(text);
    files.delete(name);
  }

  let sorted;
  try {
    sorted = sortManifests(files, opts.helmVersion, opts.warn);
  } catch (e) {
    if (e instanceof ManifestParseError) throw HelmError.from(e, 'manifest-yaml', { afterRender: true, manifest: renderedFilesDoc(files) });
    throw e;
  }

  const crds: CrdFile[] = opts.includeCrds ? crdObjects(release.chart) : [];
  const hooks = opts.noHooks ? [] : sorted.hooks.filter((h) => !(opts.skipTests && isTestHook(h)));
  let out = templateOutput(
    [...crds.map((c) => ({ source: c.filename, content: c.content })), ...sorted.manifests.map((m) => ({ source: m.name, content: m.content }))],
    hooks.map((h) => ({ source: h.path, content: h.manifest })),
  );

  if (opts.showOnly && opts.showOnly.length > 0) out = selectShown(out, opts.showOnly);

  return {
    output: out,
    trace: tracing && traceOutput(out, tracing.files, crds, tracing.tracer.reads),
    manifests: sorted.manifests,
    hooks,
    crds,
    notes: notes.join('\n'),
    files,
    values: release.values,
    chart: release.chart,
  };
}

/**
 * renderResources' "big blob" for a manifest that does not parse: every non-blank rendered file,
 * so `--debug` can show the invalid YAML (helm walks a Go map here, so its order varies; this is
 * render order).
 */
function renderedFilesDoc(files: Map<string, string>): string {
  let doc = '';
  for (const [name, content] of files) if (goTrimSpace(content) !== '') doc += `---\n# Source: ${name}\n${content}\n`;
  return doc;
}

/**
 * What `helm template --debug` prints on stdout when the release failed after it existed: its
 * manifest, narrowed by `--show-only` (whose own "could not find template" error then wins).
 */
export function failedReleaseOutput(e: HelmError, showOnly: string[] = []): string {
  const out = `${goTrimSpace(e.manifest)}\n`;
  return showOnly.length > 0 ? selectShown(out, showOnly) : out;
}

const SOURCE_LINE = /# Source: [^/]+\/(.+)/;

function selectShown(all: string, patterns: string[]): string {
  const docs = splitManifests(all);
  const chosen: string[] = [];
  // helm runs filepath.ToSlash on the pattern, which changes nothing on Unix, so `\` stays an escape.
  for (const pattern of patterns) {
    let missing = true;
    for (const doc of docs) {
      const m = SOURCE_LINE.exec(doc);
      if (!m) continue;
      if (!matchesIgnoringBadPattern(pattern, m[1])) continue;
      chosen.push(doc);
      missing = false;
    }
    if (missing) throw new HelmError('show-only', `could not find template ${pattern} in chart`);
  }
  return chosen.map((d) => `---\n${d}\n`).join('');
}

/** helm template discards Match's error: a malformed pattern selects nothing. */
function matchesIgnoringBadPattern(pattern: string, name: string): boolean {
  try {
    return filepathMatch(pattern, name);
  } catch {
    return false;
  }
}

/** Chart.CRDObjects: crds/ files with a manifest extension, then each dependency's, recursively. */
function crdObjects(chart: Chart, parentPath = ''): CrdFile[] {
  const full = parentPath ? `${parentPath}/charts/${chart.metadata.name}` : chart.metadata.name;
  const out: CrdFile[] = [];
  const dec = new TextDecoder();
  for (const f of chart.files) {
    if (f.name.startsWith('crds/') && MANIFEST_EXTENSIONS.some((e) => f.name.endsWith(e))) {
      out.push({ filename: `${full}/${f.name}`, content: dec.decode(f.data) });
    }
  }
  for (const dep of chart.dependencies) out.push(...crdObjects(dep, full));
  return out;
}
