/**
 * Loading charts as Helm 3.17's `pkg/chart/loader` does: from in-memory files (LoadFiles),
 * from a .tgz (LoadArchive) and from the files of a chart folder with .helmignore (LoadDir).
 * Errors carry Helm's text (`validation: chart.metadata.name is required`,
 * `cannot load values.yaml: ...`, `error unpacking sub in parent: ...`).
 */
import type { GoMap, GoValue } from '../../go';
import { CodedError, whereOf, type ErrorWhere } from '../../errors';
import { API_VERSION_V1, API_VERSION_V2, API_VERSION_V3, addDependency, emptyMetadata, newChart, type Chart, type ChartFile } from './chart';
import { decodeLock, decodeMetadataInto, JsonDecodeError } from './decode';
import { loadArchiveFiles, MAX_DECOMPRESSED_FILE_SIZE } from './archive';
import { HELMIGNORE, parseIgnoreRules, type IgnoreRules } from './helmignore';
import { validateChart } from './validate';
import { asText, loadValuesDocuments, parseYaml, unmarshalMap } from './yaml-doc';
import { mergeMaps } from '../chartutil/merge-values';
import { isHelm4, type HelmVersion } from '../version';

/**
 * A loading failure, with Helm's message. Its `file` is named from the root of the chart being
 * loaded (`charts/sub/values.yaml`; a file inside a subchart archive through the archive,
 * `charts/sub-1.0.0.tgz/Chart.yaml`), its `chart` is the chart holding that file when its
 * Chart.yaml was read.
 */
export class ChartLoadError extends CodedError {
  constructor(message: string, where: ErrorWhere = {}, cause?: unknown) {
    super('chart-load', message, where, { cause });
    this.name = 'ChartLoadError';
  }
}

/** Something the loader reports without failing (Helm logs these). */
export type Warn = (message: string) => void;

export interface LoadOptions {
  /** Receives Helm's log warnings (requirements.yaml in a v2 chart). Default: dropped. */
  warn?: Warn;
  /** Helm 4 reads values.yaml as YAML documents merged in order (loader.LoadValues). Default: Helm 4. */
  helmVersion?: HelmVersion;
  /** Where a chart folder is (an absolute path), for Helm 4's error about a folder without Chart.yaml. */
  folder?: string;
  /**
   * Helm 4's loader of apiVersion v3 charts, which the archive and folder loaders choose by
   * Chart.yaml's apiVersion (subcharts load with their parent's loader): requirements.yaml and
   * requirements.lock are ordinary files, a Chart.yaml without apiVersion means v3, and types
   * are named `v3.*`. Such a chart loads; `helm template` refuses it after its dependency checks.
   */
  v3Loader?: boolean;
}

function wrap(prefix: string, e: unknown, where: ErrorWhere): ChartLoadError {
  const msg = e instanceof Error ? e.message : String(e);
  return new ChartLoadError(`${prefix}: ${msg}`, whereOf(e, where), e);
}

function jsonWrap(file: string, e: unknown): ChartLoadError {
  if (e instanceof JsonDecodeError) return new ChartLoadError(`cannot load ${file}: error unmarshaling JSON: while decoding JSON: ${e.message}`, { file }, e);
  return wrap(`cannot load ${file}`, e, { file });
}

/** A subchart's loading error, its file named from the parent's root. */
function subchartWhere(e: unknown, dir: string, parent: string): ErrorWhere {
  const inner = whereOf(e);
  return { ...inner, chart: inner.chart ?? parent, file: inner.file === undefined ? dir : `${dir}/${inner.file}` };
}

function decodeMetadataFile(
  c: Chart,
  f: ChartFile,
  label: string,
  hasMetadata: boolean,
  helmVersion: HelmVersion | undefined,
  v3Loader = false,
  decoded?: DecodedChartYaml,
): void {
  let doc;
  try {
    doc = decoded && decoded.text === asText(f.data) ? decoded.doc : parseYaml(f.data);
    if (!hasMetadata) c.metadata = emptyMetadata();
    decodeMetadataInto(doc, c.metadata, helmVersion, v3Loader);
  } catch (e) {
    throw jsonWrap(label, e);
  }
}

function loadLock(f: ChartFile, label: string, helmVersion: HelmVersion | undefined, v3Loader = false): Chart['lock'] {
  try {
    return decodeLock(parseYaml(f.data), helmVersion, v3Loader);
  } catch (e) {
    throw jsonWrap(label, e);
  }
}

const extOf = (name: string): string => {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot);
};

/**
 * loader.LoadFiles: builds a chart from files named relative to its root. Subcharts come from
 * `charts/NAME/...` folders and `charts/*.tgz` archives (names starting with `_` or `.` are
 * skipped); they are added in name order (Go's map order is random; nothing depends on it).
 * @throws ChartLoadError
 */
export function loadChartFiles(files: ChartFile[], opts: LoadOptions = {}): Chart {
  return loadFiles(files, opts, undefined);
}

/** Chart.yaml's text and its decode, made once when Helm 4 reads it to choose the loader. */
interface DecodedChartYaml {
  text: string;
  doc: GoValue;
}

/** loadChartFiles; `decoded` (used at most once, by the Chart.yaml of that text) saves decoding it again. */
function loadFiles(files: ChartFile[], opts: LoadOptions, decoded: DecodedChartYaml | undefined): Chart {
  const warn = opts.warn ?? (() => {});
  const v3Loader = !!opts.v3Loader && isHelm4(opts.helmVersion);
  const c = newChart();
  let hasMetadata = false;
  const subcharts = new Map<string, ChartFile[]>();

  for (const f of files) {
    c.raw.push({ name: f.name, data: f.data });
    if (f.name === 'Chart.yaml') {
      decodeMetadataFile(c, f, 'Chart.yaml', hasMetadata, opts.helmVersion, v3Loader, decoded);
      decoded = undefined;
      hasMetadata = true;
      if (c.metadata.apiVersion === '') c.metadata.apiVersion = v3Loader ? API_VERSION_V3 : API_VERSION_V1;
    }
  }
  for (const f of files) {
    const name = f.name;
    if (name === 'Chart.yaml') continue;
    if (name === 'Chart.lock') {
      c.lock = loadLock(f, 'Chart.lock', opts.helmVersion, v3Loader);
    } else if (name === 'values.yaml') {
      let values: GoMap;
      try {
        values = isHelm4(opts.helmVersion) ? loadValuesDocuments(f.data, mergeMaps) : unmarshalMap(f.data);
      } catch (e) {
        throw wrap('cannot load values.yaml', e, { chart: c.metadata.name, file: 'values.yaml' });
      }
      c.values = values;
    } else if (name === 'values.schema.json') {
      c.schema = f.data;
    } else if (v3Loader && (name === 'requirements.yaml' || name === 'requirements.lock')) {
      c.files.push({ name, data: f.data });
    } else if (name === 'requirements.yaml') {
      if (!hasMetadata) c.metadata = emptyMetadata();
      if (c.metadata.apiVersion !== API_VERSION_V1) {
        warn('Warning: Dependencies are handled in Chart.yaml since apiVersion "v2". We recommend migrating dependencies to Chart.yaml.');
      }
      decodeMetadataFile(c, f, 'requirements.yaml', true, opts.helmVersion);
      hasMetadata = true;
      if (c.metadata.apiVersion === API_VERSION_V1) c.files.push({ name, data: f.data });
    } else if (name === 'requirements.lock') {
      c.lock = loadLock(f, 'requirements.lock', opts.helmVersion);
      if (!hasMetadata) c.metadata = emptyMetadata();
      hasMetadata = true;
      if (c.metadata.apiVersion !== API_VERSION_V1) {
        warn('Warning: Dependency locking is handled in Chart.lock since apiVersion "v2". We recommend migrating to Chart.lock.');
      }
      if (c.metadata.apiVersion === API_VERSION_V1) c.files.push({ name, data: f.data });
    } else if (name.startsWith('templates/')) {
      c.templates.push({ name, data: f.data });
    } else if (name.startsWith('charts/')) {
      if (extOf(name) === '.prov') {
        c.files.push({ name, data: f.data });
        continue;
      }
      const fname = name.slice('charts/'.length);
      const cname = fname.split('/')[0];
      const list = subcharts.get(cname) ?? [];
      list.push({ name: fname, data: f.data });
      subcharts.set(cname, list);
    } else {
      c.files.push({ name, data: f.data });
    }
  }

  if (!hasMetadata) throw new ChartLoadError('Chart.yaml file is missing', { file: 'Chart.yaml' });
  try {
    validateChart(c);
  } catch (e) {
    throw new ChartLoadError((e as Error).message, whereOf(e, { chart: c.metadata.name || undefined }), e);
  }

  for (const n of [...subcharts.keys()].sort()) {
    const subFiles = subcharts.get(n)!;
    if (n.startsWith('_') || n.startsWith('.')) continue;
    const isArchive = extOf(n) === '.tgz';
    if (isArchive && subFiles[0].name !== n) {
      throw new ChartLoadError(`error unpacking tar in ${c.metadata.name}: expected ${n}, got ${subFiles[0].name}`, { chart: c.metadata.name, file: `charts/${subFiles[0].name}` });
    }
    let sc: Chart;
    try {
      if (isArchive) {
        sc = loadChartFiles(loadArchiveFiles(subFiles[0].data, opts.helmVersion), opts);
      } else {
        const buff: ChartFile[] = [];
        for (const f of subFiles) {
          const slash = f.name.indexOf('/');
          if (slash < 0) continue;
          buff.push({ name: f.name.slice(slash + 1), data: f.data });
        }
        sc = loadChartFiles(buff, opts);
      }
    } catch (e) {
      throw new ChartLoadError(`error unpacking subchart ${n} in ${c.metadata.name}: ${e instanceof Error ? e.message : String(e)}`, subchartWhere(e, `charts/${n}`, c.metadata.name), e);
    }
    addDependency(c, sc);
  }
  return c;
}

/**
 * A chart archive as `helm template chart.tgz` loads it (loader.LoadFile): a gzipped tar whose
 * top folder is the chart. Helm 4 reads the archive once to learn Chart.yaml's apiVersion, and
 * words a broken archive as `unable to load chart archive` without the cause. @throws ChartLoadError
 */
export function loadChartArchive(tgz: Uint8Array, opts: LoadOptions = {}): Chart {
  if (!isHelm4(opts.helmVersion)) return loadChartFiles(loadArchiveFiles(tgz, opts.helmVersion), { ...opts, v3Loader: false });
  let files: ChartFile[];
  try {
    files = loadArchiveFiles(tgz, opts.helmVersion);
  } catch (e) {
    if ((e as Error).message === 'gzip: invalid header') throw e;
    throw new ChartLoadError('unable to load chart archive', whereOf(e, {}), e);
  }
  const chartYaml = files.find((f) => f.name === 'Chart.yaml');
  if (!chartYaml) throw new ChartLoadError('unable to detect chart version, no Chart.yaml found', { file: 'Chart.yaml' });
  const decoded = decodeChartYaml(chartYaml.data);
  return loadFiles(files, { ...opts, v3Loader: isV3Chart(decoded) }, decoded);
}

/**
 * Helm 4's loaders choose a chart API by Chart.yaml's apiVersion: v1 and v2 (or none) load as
 * Helm 3 did; v3 charts load with the v3 loader (true) and `helm template` refuses them later;
 * anything else is refused here. A Chart.yaml that does not decode is left to the v2 loader,
 * whose errors name loader.chartBase. @throws ChartLoadError `unsupported chart version`
 */
function isV3Chart(decoded: DecodedChartYaml | undefined): boolean {
  if (!decoded) return false;
  const doc = decoded.doc;
  const apiVersion = doc instanceof Map ? (doc.get('apiVersion') ?? '') : '';
  if (typeof apiVersion !== 'string' || [API_VERSION_V1, API_VERSION_V2, ''].includes(apiVersion)) return false;
  if (apiVersion === API_VERSION_V3) return true;
  throw new ChartLoadError('unsupported chart version', { file: 'Chart.yaml' });
}

/** Chart.yaml decoded, or undefined where it does not decode. */
function decodeChartYaml(data: Uint8Array): DecodedChartYaml | undefined {
  const text = asText(data);
  try {
    return { text, doc: parseYaml(text) };
  } catch {
    return undefined;
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function trimBom(data: Uint8Array): Uint8Array {
  return data.length >= 3 && UTF8_BOM.every((b, i) => data[i] === b) ? data.subarray(3) : data;
}


/** Orders paths as filepath.Walk visits them: by name within each folder, folders in place. */
function compareWalkOrder(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

/**
 * A file of a chart folder: its bytes, or its size and a reader, so that a file over the size
 * limit (or one .helmignore skips) is never read. `read` throws with the message to show.
 */
export type FolderFile = { path: string; data: Uint8Array } | { path: string; size: number; read: () => Uint8Array };

function readFolderFile(entry: FolderFile): Uint8Array {
  if ('data' in entry) return entry.data;
  try {
    return entry.read();
  } catch (e) {
    throw new ChartLoadError(e instanceof Error ? e.message : String(e), { file: entry.path }, e);
  }
}

/**
 * loader.LoadDir for files gathered from a folder walk (disk or a browser drop): `path` is
 * relative to the chart folder with `/` separators. Applies the chart's .helmignore (plus
 * Helm's default `templates/.?*`) to folders and files, strips UTF-8 BOMs and enforces the
 * per-file size limit. @throws ChartLoadError
 */
export function loadChartDirectory(entries: FolderFile[], opts: LoadOptions = {}): Chart {
  const byPath = new Map(entries.map((e) => [e.path.replace(/^\.\//, ''), e]));
  let v3Loader = false;
  let decoded: DecodedChartYaml | undefined;
  if (isHelm4(opts.helmVersion)) {
    // loader.LoadDir reads Chart.yaml before anything else, .helmignore or not.
    const chartYaml = byPath.get('Chart.yaml');
    if (!chartYaml) {
      const path = `${opts.folder ?? '.'}/Chart.yaml`;
      throw new ChartLoadError(`unable to detect chart at ${path}: open ${path}: no such file or directory`, { file: 'Chart.yaml' });
    }
    decoded = decodeChartYaml(readFolderFile(chartYaml));
    v3Loader = isV3Chart(decoded);
  }
  let rules: IgnoreRules;
  const ignoreFile = byPath.get(HELMIGNORE);
  try {
    rules = parseIgnoreRules(ignoreFile ? readFolderFile(ignoreFile) : '');
  } catch (e) {
    throw new ChartLoadError(e instanceof Error ? e.message : String(e), whereOf(e, { file: HELMIGNORE }), e);
  }
  rules.addDefaults();

  const files: ChartFile[] = [];
  const dirIgnored = new Map<string, boolean>();
  const ignoredDir = (dir: string): boolean => {
    let v = dirIgnored.get(dir);
    if (v === undefined) {
      const slash = dir.lastIndexOf('/');
      v = (slash > 0 && ignoredDir(dir.slice(0, slash))) || rules.ignore(dir, true);
      dirIgnored.set(dir, v);
    }
    return v;
  };
  for (const path of [...byPath.keys()].sort(compareWalkOrder)) {
    const slash = path.lastIndexOf('/');
    if (slash > 0 && ignoredDir(path.slice(0, slash))) continue;
    if (rules.ignore(path, false)) continue;
    const entry = byPath.get(path)!;
    if (('data' in entry ? entry.data.length : entry.size) > MAX_DECOMPRESSED_FILE_SIZE) {
      const base = path.slice(slash + 1);
      throw new ChartLoadError(`chart file ${JSON.stringify(base)} is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`, { file: path });
    }
    files.push({ name: path, data: trimBom(readFolderFile(entry)) });
  }
  return loadFiles(files, { ...opts, v3Loader }, decoded);
}
