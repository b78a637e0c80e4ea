/**
 * pkg/repo's IndexFile: a chart repository's `index.yaml` (or its JSON form), each chart's
 * versions sorted newest first, and `Get`, which picks the version Helm picks for a constraint.
 */
import { emptyMetadata, type Metadata } from '../chart/chart';
import { decodeMetadataInto } from '../chart/decode';
import { validateMetadata } from '../chart/validate';
import { compareVersions, parseConstraint, parseVersion, satisfies, type Version } from '../../deps';
import { semverRelease, type HelmVersion } from '../version';
import { yamlToGo } from '../../yaml';
import type { GoValue } from '../../go';

/** repo.ChartVersion: a chart's metadata plus where its archive is and its digest. */
export interface ChartVersion {
  metadata: Metadata;
  urls: string[];
  created: string;
  removed: boolean;
  /** The archive's SHA-256 in hex, as `helm repo index` writes it ('' when the index has none). */
  digest: string;
}

/** repo.IndexFile. */
export interface IndexFile {
  apiVersion: string;
  generated: string;
  /** Chart name → versions, newest first (versions that don't parse last). */
  entries: Map<string, ChartVersion[]>;
}

/** An index that can't be used, or a chart or version it lacks; the message says which. */
export class IndexError extends Error {}

/**
 * loadIndex: parses an index and drops entries Helm would skip (empty, or failing chart
 * validation), reporting each through `warn` with Helm's words.
 * @param source the repository URL, for messages
 * @throws IndexError `empty index.yaml file`, `no API version specified`, or the YAML error
 */
export function parseIndexFile(data: Uint8Array | string, source: string, warn: (message: string) => void = () => {}): IndexFile {
  const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
  if (text.length === 0) throw new IndexError(`${source}: empty index.yaml file`);
  let doc: GoValue;
  try {
    doc = yamlToGo(text);
  } catch (e) {
    throw new IndexError(`${source}: index.yaml is not valid YAML: ${(e as Error).message}`);
  }
  const index: IndexFile = { apiVersion: '', generated: '', entries: new Map() };
  if (doc === null) throw new IndexError(`${source}: no API version specified`);
  if (!(doc instanceof Map)) throw new IndexError(`${source}: index.yaml is not a map of chart entries`);
  index.apiVersion = stringField(doc.get('apiVersion'));
  index.generated = stringField(doc.get('generated'));
  const entries = doc.get('entries');
  if (entries instanceof Map) {
    for (const [name, list] of entries) {
      const versions: ChartVersion[] = [];
      const items = Array.isArray(list) ? list : [];
      // Helm checks a chart's entries from the last one back, so its warnings come in that order.
      for (let i = items.length - 1; i >= 0; i--) {
        const cv = chartVersion(items[i], name, source, warn);
        if (cv) versions.unshift(cv);
      }
      index.entries.set(name, sortVersions(versions));
    }
  } else if (entries !== undefined && entries !== null) {
    throw new IndexError(`${source}: index.yaml "entries" is not a map of charts`);
  }
  if (index.apiVersion === '') throw new IndexError(`${source}: no API version specified`);
  return index;
}

function stringField(v: GoValue): string {
  return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
}

function chartVersion(item: GoValue, name: string, source: string, warn: (m: string) => void): ChartVersion | undefined {
  if (!(item instanceof Map)) {
    warn(`skipping loading invalid entry for chart ${JSON.stringify(name)} from ${source}: empty entry`);
    return undefined;
  }
  const metadata = emptyMetadata();
  try {
    decodeMetadataInto(item, metadata);
  } catch (e) {
    warn(`skipping loading invalid entry for chart ${JSON.stringify(name)} from ${source}: ${(e as Error).message}`);
    return undefined;
  }
  if (metadata.apiVersion === '') metadata.apiVersion = 'v1';
  try {
    validateMetadata(metadata);
  } catch (e) {
    // Helm keeps entries whose only fault is a repeated dependency name (some repositories strip aliases).
    if (!/^more than one dependency with name or alias/.test((e as Error).message)) {
      warn(`skipping loading invalid entry for chart ${JSON.stringify(name)} ${JSON.stringify(metadata.version)} from ${source}: ${(e as Error).message}`);
      return undefined;
    }
  }
  const urls = item.get('urls');
  return {
    metadata,
    urls: Array.isArray(urls) ? urls.filter((u): u is string => typeof u === 'string') : [],
    created: stringField(item.get('created')),
    removed: item.get('removed') === true,
    digest: stringField(item.get('digest')),
  };
}

/** SortEntries: newest first; versions that don't parse sort after those that do. */
function sortVersions(list: ChartVersion[]): ChartVersion[] {
  const parsed = list.map((cv) => ({ cv, v: tryVersion(cv.metadata.version) }));
  // Go's sort.Sort is not stable, but equal versions in one chart's list are rare; a stable sort is a valid outcome.
  parsed.sort((a, b) => {
    if (!a.v) return b.v ? 1 : 0;
    if (!b.v) return -1;
    return compareVersions(b.v, a.v);
  });
  return parsed.map((p) => p.cv);
}

function tryVersion(s: string): Version | undefined {
  try {
    return parseVersion(s);
  } catch {
    return undefined;
  }
}

/**
 * IndexFile.Get: the version of `name` Helm picks for `constraint` ('' means the newest
 * release): the constraint must parse, then an exact string match wins, else the newest version
 * that satisfies the constraint by the semver release `helmVersion` links (prereleases in an AND
 * group are judged differently by Helm 3 and 4).
 * @throws IndexError naming the chart and constraint when nothing matches
 */
export function getChartVersion(index: IndexFile, name: string, constraint = '', helmVersion?: HelmVersion): ChartVersion {
  const versions = index.entries.get(name);
  if (!versions) throw new IndexError('no chart name found');
  if (versions.length === 0) throw new IndexError('no chart version found');
  const release = semverRelease(helmVersion);
  let c;
  try {
    c = parseConstraint(constraint === '' ? '*' : constraint, release);
  } catch (e) {
    throw new IndexError((e as Error).message);
  }
  if (constraint !== '') {
    const exact = versions.find((cv) => cv.metadata.version === constraint);
    if (exact) return exact;
  }
  for (const cv of versions) {
    const v = tryVersion(cv.metadata.version);
    if (v && satisfies(v, c)) return cv;
  }
  throw new IndexError(`no chart version found for ${name}-${constraint}`);
}

/** The chart names of an index, sorted. */
export function chartNames(index: IndexFile): string[] {
  return [...index.entries.keys()].sort();
}
