/**
 * Charts from repositories in the page: the versions a location offers, a chart with the
 * dependencies `helm dependency build` would fetch, and those dependencies alone for a chart
 * already at hand (bundled charts). The work is the repository library's (lib/helm/repo,
 * registry, downloader); this module decides what the page needs from it and keeps going when
 * one dependency fails, so the chart still renders and the page can say what is missing.
 */
import { compareVersions, parseVersion } from '../deps';
import { loadChartArchive, type Chart, type Dependency, downloadChart, fetchDependencies, hashReq, resolveDependencies, type DependencyEnv, chartNames, downloadIndex, type Fetch, type HelmVersion, parseOciReference, RegistryClient } from '../helm';
import type { Subchart } from '../configurator';
import { resolveHubPackage } from './artifacthub';
import type { ChartLocation } from './locate';

/** A chart in a repository: `repository` is a Helm repository URL or an `oci://` prefix, as in a Chart.yaml dependency. */
export interface RemoteChartRef {
  repository: string;
  name: string;
  version: string;
}

/** Where an open chart came from, with its archive's digest: what share links and chartroom.json record. */
export interface ChartOrigin extends RemoteChartRef {
  digest: string;
}

export interface FetchedDependency {
  name: string;
  version: string;
  repository: string;
  digest: string;
}

export interface MissingDependency {
  name: string;
  version: string;
  repository: string;
  /** Why it is missing, naming the URL where there is one. */
  reason: string;
}

export interface ResolvedDependencies {
  subcharts: Subchart[];
  fetched: FetchedDependency[];
  missing: MissingDependency[];
}

/** What a location offers: its charts, each with its versions newest first. */
export interface Offer {
  repository: string;
  charts: { name: string; versions: string[] }[];
  /** The version to preselect (an Artifact Hub page's, an OCI reference's tag). */
  preferred?: { name: string; version: string };
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;

/**
 * The library's environment over `fetch`. Registries on loopback speak plain HTTP, as local
 * registries do; the server route refuses loopback addresses outside tests anyway. Versions are
 * chosen from indexes and tags by the semver rules of `helmVersion` (default: the default Helm).
 */
export function remoteEnv(fetch: Fetch, helmVersion?: HelmVersion): DependencyEnv {
  return { fetch, plainHttp: (registry) => LOOPBACK.test(registry), helmVersion };
}

function newestFirst(versions: string[]): string[] {
  const parsed = versions.map((v) => {
    try {
      return { v, p: parseVersion(v) };
    } catch {
      return { v, p: null };
    }
  });
  return parsed.sort((a, b) => (a.p && b.p ? compareVersions(b.p, a.p) : a.p ? -1 : b.p ? 1 : 0)).map((x) => x.v);
}

/** The charts and versions at a location. @throws Error naming the URL */
export async function listOffer(location: ChartLocation, env: DependencyEnv): Promise<Offer> {
  if (location.kind === 'repo') {
    const index = await downloadIndex(location.url, { fetch: env.fetch });
    const charts = chartNames(index).map((name) => ({ name, versions: (index.entries.get(name) ?? []).filter((cv) => cv.urls.length > 0).map((cv) => cv.metadata.version) }));
    if (charts.length === 0) throw new Error(`${location.url}: the repository's index lists no charts`);
    return { repository: location.url, charts };
  }
  if (location.kind === 'oci') {
    const ref = parseOciReference(`${location.repository}/${location.name}`);
    const tags = await new RegistryClient({ fetch: env.fetch, plainHttp: env.plainHttp, helmVersion: env.helmVersion }).tags(ref);
    if (tags.length === 0) throw new Error(`${location.repository}/${location.name}: the registry has no version tags for this chart`);
    return { repository: location.repository, charts: [{ name: location.name, versions: tags }], preferred: location.tag ? { name: location.name, version: location.tag } : undefined };
  }
  const hub = await resolveHubPackage(location.apiUrl, env.fetch);
  return { repository: hub.repository, charts: [{ name: hub.name, versions: newestFirst(hub.versions) }], preferred: { name: hub.name, version: hub.version } };
}

/** Downloads a chart (checked against its index or manifest digest) and the dependencies it lacks. */
export async function openRemoteChart(ref: RemoteChartRef, env: DependencyEnv): Promise<{ bytes: Uint8Array; chart: Chart; origin: ChartOrigin; dependencies: ResolvedDependencies }> {
  const oci = ref.repository.startsWith('oci://');
  const got = oci ? await downloadChart(`${ref.repository}/${ref.name}`, { version: ref.version }, env) : await downloadChart(ref.name, { repoUrl: ref.repository, version: ref.version }, env);
  const chart = loadChartArchive(got.bytes);
  const dependencies = await fetchMissingDependencies(chart, env);
  return { bytes: got.bytes, chart, origin: { repository: ref.repository, name: ref.name, version: got.source.version, digest: got.source.digest }, dependencies };
}

/**
 * The archives of the chart's Chart.yaml dependencies that its charts/ folder lacks: the
 * Chart.lock's versions when the lock matches Chart.yaml (what `helm dependency build` uses),
 * otherwise each constraint resolved as `helm dependency update` resolves it. A dependency that
 * can't be had is reported, not thrown.
 */
export function fetchMissingDependencies(chart: Chart, env: DependencyEnv): Promise<ResolvedDependencies> {
  const wanted = (chart.metadata.dependencies ?? []).filter((d): d is Dependency => d !== null);
  const present = new Set(chart.dependencies.map((d) => d.metadata.name));
  const lock = chart.lock && chart.lock.digest === hashReq(wanted, chart.lock.dependencies) ? chart.lock.dependencies : null;
  return fetchDependencyArchives(
    wanted.filter((d) => !present.has(d.name)),
    lock,
    env,
  );
}

/** The archives of `missing` dependencies (their locked versions when `lock` has them). */
export async function fetchDependencyArchives(missing: Dependency[], lock: (Dependency | null)[] | null | undefined, env: DependencyEnv): Promise<ResolvedDependencies> {
  const out: ResolvedDependencies = { subcharts: [], fetched: [], missing: [] };
  const results = await Promise.all(
    missing.map(async (d) => {
      const left = (reason: string): MissingDependency => ({ name: d.name, version: d.version, repository: d.repository, reason });
      if (d.repository === '' || d.repository.startsWith('file://')) return left(`${d.repository || 'no repository'}: only a chart's own folder has it`);
      try {
        const locked = lock?.find((l) => l?.name === d.name) ?? (await resolveDependencies([d], env)).lock.dependencies?.[0];
        if (!locked) return left('no version resolved');
        const [archive] = await fetchDependencies([locked], env);
        return { subchart: { fileName: archive.fileName, bytes: archive.bytes }, fetched: { name: d.name, version: locked.version, repository: d.repository, digest: archive.source?.digest ?? '' } };
      } catch (e) {
        return left((e as Error).message);
      }
    }),
  );
  for (const r of results) {
    if ('reason' in r) out.missing.push(r);
    else {
      out.subcharts.push(r.subchart);
      out.fetched.push(r.fetched);
    }
  }
  return out;
}
