/**
 * The chart model of Helm 3.17 (`helm.sh/helm/v3/pkg/chart`): a chart is its metadata
 * (Chart.yaml), default values, templates, other files and the subcharts it carries.
 *
 * Go's nil matters to templates (`toJson .Chart.Sources` prints `null` for a missing list but
 * `[]` for an empty one), so optional lists and maps are `undefined` when Chart.yaml lacks them.
 */
import type { GoMap, GoValue } from '../../go';

/** A file of a chart, by its path relative to the chart root (`templates/x.yaml`). */
export interface ChartFile {
  name: string;
  data: Uint8Array;
}

/** chart.Maintainer. */
export interface Maintainer {
  name: string;
  email: string;
  url: string;
}

/** chart.Dependency: one entry of Chart.yaml `dependencies` (or v1 requirements.yaml). */
export interface Dependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags?: string[];
  /** Set while dependencies are processed (conditions, tags). */
  enabled: boolean;
  /** Each item is a string (`exports.x` form) or a map with `child` and `parent`. */
  importValues?: GoValue[];
  alias: string;
}

/** chart.Lock (Chart.lock / requirements.lock). */
export interface Lock {
  /** RFC 3339 text as written in the file (Go keeps a time.Time; nothing renders it). */
  generated: string;
  digest: string;
  dependencies?: (Dependency | null)[];
}

/** chart.Metadata: the contents of Chart.yaml. */
export interface Metadata {
  name: string;
  home: string;
  sources?: string[];
  version: string;
  description: string;
  keywords?: string[];
  /** `null` items are kept so validation can report them as Helm does. */
  maintainers?: (Maintainer | null)[];
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  annotations?: Map<string, string>;
  kubeVersion: string;
  dependencies?: (Dependency | null)[];
  type: string;
}

export const API_VERSION_V1 = 'v1';
export const API_VERSION_V2 = 'v2';
/** Helm 4's chart API v3 (not yet installable by helm 4.1). */
export const API_VERSION_V3 = 'v3';

/** chart.Chart. `parent` and `dependencies` are kept in sync by {@link addDependency}. */
export interface Chart {
  /** Every file as loaded, before sorting into the fields below. */
  raw: ChartFile[];
  metadata: Metadata;
  lock?: Lock;
  templates: ChartFile[];
  /** Default values (values.yaml); an empty map when the chart has none. */
  values: GoMap;
  /** values.schema.json bytes, if present. */
  schema?: Uint8Array;
  /** Files other than Chart.yaml, values, templates and subcharts (README, files/, crds/...). */
  files: ChartFile[];
  dependencies: Chart[];
  parent?: Chart;
}

/** An empty Metadata, as Go's zero value. */
export function emptyMetadata(): Metadata {
  return {
    name: '',
    home: '',
    version: '',
    description: '',
    icon: '',
    apiVersion: '',
    condition: '',
    tags: '',
    appVersion: '',
    deprecated: false,
    kubeVersion: '',
    type: '',
  };
}

/** A new chart with the given metadata and nothing else. */
export function newChart(metadata: Metadata = emptyMetadata()): Chart {
  return { raw: [], metadata, templates: [], values: new Map(), files: [], dependencies: [] };
}

/** Chart.Name(). */
export function chartName(c: Chart): string {
  return c.metadata.name;
}

/** Chart.IsRoot(): whether the chart is not a subchart. */
export function isRoot(c: Chart): boolean {
  return c.parent === undefined;
}

/** Chart.Root(). */
export function rootChart(c: Chart): Chart {
  return c.parent ? rootChart(c.parent) : c;
}

/** Chart.ChartPath(): dotted path from the root, e.g. `parent.sub`. */
export function chartPath(c: Chart): string {
  return c.parent ? `${chartPath(c.parent)}.${chartName(c)}` : chartName(c);
}

/** Chart.ChartFullPath(): e.g. `parent/charts/sub`, the prefix of template names. */
export function chartFullPath(c: Chart): string {
  return c.parent ? `${chartFullPath(c.parent)}/charts/${chartName(c)}` : chartName(c);
}

/** The chart a rendered file belongs to, by its Helm path: `a/charts/b/templates/x.yaml` → `b`. */
export function chartOfTemplate(path: string): string {
  const parts = path.split('/');
  let chart = parts[0];
  for (let i = 1; i + 1 < parts.length; i++) if (parts[i] === 'charts') chart = parts[++i];
  return chart;
}

/** Chart.AddDependency(). */
export function addDependency(c: Chart, ...subcharts: Chart[]): void {
  for (const s of subcharts) {
    s.parent = c;
    c.dependencies.push(s);
  }
}

/** Chart.SetDependencies(). */
export function setDependencies(c: Chart, ...subcharts: Chart[]): void {
  c.dependencies = [];
  addDependency(c, ...subcharts);
}

/** Chart.CRDObjects(): files under `crds/` of this chart and, recursively, of its subcharts. */
export function crdObjects(c: Chart): { name: string; filename: string; file: ChartFile }[] {
  const out: { name: string; filename: string; file: ChartFile }[] = [];
  for (const f of c.files) {
    if (f.name.startsWith('crds/')) {
      out.push({ name: f.name, filename: `${chartFullPath(c)}/${f.name}`, file: f });
    }
  }
  for (const d of c.dependencies) out.push(...crdObjects(d));
  return out;
}

/** A shallow copy of a chart with its own Metadata (what Helm does for an aliased dependency). */
export function copyChartWithMetadata(c: Chart): Chart {
  return { ...c, metadata: { ...c.metadata } };
}
