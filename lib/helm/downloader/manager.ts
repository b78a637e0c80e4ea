/**
 * pkg/downloader's Manager and internal/resolver: what `helm dependency update` and `build` decide.
 * `resolveDependencies` picks each dependency's version as helm does (the newest version in the
 * repository index, or among the OCI tags, that meets the constraint; an exact OCI version is
 * taken as is) and makes the Chart.lock; `checkLock` is `build`'s check that Chart.lock still
 * matches Chart.yaml; `fetchDependencies` downloads the locked archives. Nothing here touches a
 * disk: `file://` dependencies come through `env.localChart`, and the caller writes `charts/`.
 */
import type { Dependency, Lock } from '../chart/chart';
import { parseConstraint, parseVersion, satisfies, type Constraint, type SemverRelease } from '../../deps';
import { semverRelease } from '../version';
import { downloadIndex } from '../repo/chart-repo';
import type { IndexFile } from '../repo/index-file';
import { findRepository, repositoryHeaders, sameRepositoryUrl } from '../repo/repositories';
import { RegistryClient } from '../registry/client';
import { isOci, parseOciReference } from '../registry/reference';
import { downloadChart, DownloadError, type ChartSource, type DownloadEnv } from './chart-downloader';
import { hashReq, hashV2Req, lockedDependency } from '../chartutil/lock';

/** A `file://` dependency's chart, read by the caller (the CLI reads the folder). */
export interface LocalDependency {
  name: string;
  version: string;
  /** The chart packaged as `helm package` would. */
  archive(): Promise<{ fileName: string; bytes: Uint8Array }>;
}

export interface DependencyEnv extends DownloadEnv {
  /** Loads the chart a `file://` repository names (relative to the chart). Without it, such dependencies fail. */
  localChart?: (repository: string) => Promise<LocalDependency>;
}

/** One archive for `charts/`. */
export interface DependencyArchive {
  dependency: Dependency;
  fileName: string;
  bytes: Uint8Array;
  /** Where it came from (absent for `file://` dependencies). */
  source?: ChartSource;
}

/** A dependency problem helm would refuse, with its message. */
export class DependencyError extends Error {}

const copy = (d: Dependency): Dependency => ({ ...d, tags: d.tags ? [...d.tags] : undefined });

function constraintOf(d: Dependency, release: SemverRelease): Constraint {
  try {
    return parseConstraint(d.version, release);
  } catch (e) {
    throw new DependencyError(`dependency ${JSON.stringify(d.name)} has an invalid version/constraint format: ${(e as Error).message}`);
  }
}

function tryVersion(s: string, release: SemverRelease) {
  try {
    return parseVersion(s, release);
  } catch {
    return undefined;
  }
}

/**
 * resolveRepoNames: `@name` and `alias:name` replaced by the named repository's URL (helm's
 * digest and lock hold the URL), and a repository that is neither a URL nor a known name refused.
 */
export function resolveRepositoryNames(req: (Dependency | null)[], env: DependencyEnv): Dependency[] {
  const repos = env.repositories ?? [];
  const missing: string[] = [];
  const out = req.map((d) => {
    if (d === null) throw new DependencyError('dependencies must not contain empty or null nodes');
    const c = copy(d);
    const r = c.repository;
    if (r === '' || r.startsWith('file://') || isOci(r)) return c;
    const named = findRepository(r, repos);
    if (named) {
      if (r.startsWith('@') || r.startsWith('alias:')) c.repository = named.url;
      return c;
    }
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(r)) missing.push(r);
    return c;
  });
  if (missing.length) {
    let message = `no repository definition for ${missing.join(', ')}. Please add them via 'helm repo add'`;
    if (missing.some((r) => !r.includes('//') && !r.startsWith('@') && !r.startsWith('alias:'))) {
      message += `\nNote that repositories must be URLs or aliases. For example, to refer to the "example"\nrepository, use "https://charts.example.com/" or "@example" instead of\n"example". Don't forget to add the repo, too ('helm repo add').`;
    }
    throw new DependencyError(message);
  }
  return out;
}

/**
 * `helm dependency update`'s resolution: the Chart.lock for `req` (Chart.yaml's dependencies).
 * `generated` is left empty for the caller to stamp.
 * @throws DependencyError listing every dependency without a matching version, as helm does
 */
export async function resolveDependencies(req: (Dependency | null)[], env: DependencyEnv): Promise<{ lock: Lock; requested: Dependency[] }> {
  const requested = resolveRepositoryNames(req, env);
  const indexes = new Map<string, Promise<IndexFile>>();
  const index = (url: string, d: Dependency) => {
    let p = indexes.get(url);
    if (!p) {
      p = downloadIndex(url, { fetch: env.fetch, headers: repositoryHeaders(findRepository(url, env.repositories ?? [])), signal: env.signal, warn: env.warn });
      indexes.set(url, p);
    }
    return p.catch((e: Error) => {
      throw new DependencyError(`dependency ${JSON.stringify(d.name)}: repository ${url} cannot be read: ${e.message}`);
    });
  };
  const registry = new RegistryClient({ fetch: env.fetch, plainHttp: env.plainHttp, signal: env.signal, warn: env.warn, helmVersion: env.helmVersion });
  const release = semverRelease(env.helmVersion);
  const locked: Dependency[] = [];
  const missing: string[] = [];
  const miss = (d: Dependency) => missing.push(`${JSON.stringify(d.name)} (repository ${JSON.stringify(d.repository)}, version ${JSON.stringify(d.version)})`);
  for (const d of requested) {
    const constraint = constraintOf(d, release);
    if (d.repository === '') {
      locked.push(lockedDependency(d.name, '', d.version));
      continue;
    }
    if (d.repository.startsWith('file://')) {
      if (!env.localChart) throw new DependencyError(`dependency ${JSON.stringify(d.name)}: ${d.repository} is a local path, which can only be read from the chart's folder`);
      const local = await env.localChart(d.repository);
      const v = tryVersion(local.version, release);
      if (!v) continue;
      if (!satisfies(v, constraint)) miss(d);
      else locked.push(lockedDependency(d.name, d.repository, local.version));
      continue;
    }
    let versions: string[];
    if (isOci(d.repository)) {
      if (tryVersion(d.version, release)) {
        locked.push(lockedDependency(d.name, d.repository, d.version));
        continue;
      }
      const ref = parseOciReference(`${d.repository}/${d.name}`);
      try {
        versions = await registry.tags(ref);
      } catch (e) {
        throw new DependencyError(`could not retrieve list of tags for repository ${d.repository}: ${(e as Error).message}`);
      }
    } else {
      const idx = await index(d.repository, d);
      const entries = idx.entries.get(d.name);
      if (!entries) throw new DependencyError(`${d.name} chart not found in repo ${d.repository}`);
      versions = entries.filter((cv) => cv.urls.length > 0).map((cv) => cv.metadata.version);
    }
    const pick = versions.find((s) => {
      const v = tryVersion(s, release);
      return v !== undefined && satisfies(v, constraint);
    });
    if (pick === undefined) miss(d);
    else locked.push(lockedDependency(d.name, d.repository, pick));
  }
  if (missing.length) {
    throw new DependencyError(`can't get a valid version for ${missing.length} subchart(s): ${missing.join(', ')}. Make sure a matching chart version exists in the repo, or change the version constraint in Chart.yaml`);
  }
  return { lock: { generated: '', digest: hashReq(requested, locked), dependencies: locked }, requested };
}

/**
 * `helm dependency build`'s checks of an existing Chart.lock: it must match Chart.yaml (by
 * digest), and every HTTP repository it names must be a known repository (repositories.yaml).
 * @throws DependencyError with helm's messages
 */
export function checkLock(req: (Dependency | null)[], lock: Lock, env: DependencyEnv, legacy = false): void {
  // An apiVersion v1 chart's requirements.lock may come from Helm 2, whose digest covers the requirements as written.
  const v2Sum = legacy ? hashV2Req(req) : '';
  const requested = resolveRepositoryNames(req, env);
  const v3Ok = hashReq(requested, lock.dependencies) === lock.digest;
  if (!v3Ok && legacy) env.warn?.('warning: a valid Helm v3 hash was not found. Checking against Helm v2 hash...');
  if (!v3Ok && !(legacy && v2Sum === lock.digest)) {
    throw new DependencyError(
      legacy
        ? 'the lock file (requirements.lock) is out of sync with the dependencies file (requirements.yaml). Please update the dependencies'
        : 'the lock file (Chart.lock) is out of sync with the dependencies file (Chart.yaml). Please update the dependencies',
    );
  }
  const missing = (lock.dependencies ?? [])
    .filter((d): d is Dependency => d !== null && d.repository !== '' && !d.repository.startsWith('file://') && !isOci(d.repository))
    .filter((d) => !(env.repositories ?? []).some((r) => sameRepositoryUrl(r.url, d.repository.replace(/\/$/, ''))))
    .map((d) => d.repository);
  if (missing.length) throw new DependencyError(`no repository definition for ${missing.join(', ')}`);
}

/**
 * downloadAll: the archive of each locked dependency (each URL once), every one checked against
 * its index digest and the archive rules. Dependencies without a repository stay as they are.
 * @throws DependencyError naming the dependency and URL
 */
export async function fetchDependencies(locked: (Dependency | null)[], env: DependencyEnv): Promise<DependencyArchive[]> {
  const out: DependencyArchive[] = [];
  const seen = new Set<string>();
  const release = semverRelease(env.helmVersion);
  for (const d of locked) {
    if (d === null || d.repository === '') continue;
    if (d.repository.startsWith('file://')) {
      if (!env.localChart) throw new DependencyError(`dependency ${JSON.stringify(d.name)}: ${d.repository} is a local path, which can only be read from the chart's folder`);
      const local = await env.localChart(d.repository);
      const v = tryVersion(local.version, release);
      if (!v || !satisfies(v, constraintOf(d, release))) throw new DependencyError(`can't get a valid version for dependency ${d.name}`);
      const a = await local.archive();
      out.push({ dependency: d, fileName: a.fileName, bytes: a.bytes });
      continue;
    }
    const key = isOci(d.repository) ? `${d.repository}/${d.name}:${d.version}` : `${d.repository}\n${d.name}\n${d.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      const got = isOci(d.repository)
        ? await downloadChart(`${d.repository}/${d.name}`, { version: d.version }, env)
        : await downloadChart(d.name, { repoUrl: d.repository, version: d.version }, env);
      out.push({ dependency: d, fileName: got.fileName, bytes: got.bytes, source: got.source });
    } catch (e) {
      if (e instanceof DownloadError) throw new DependencyError(`dependency ${JSON.stringify(d.name)}: ${e.message}`);
      throw new DependencyError(`dependency ${JSON.stringify(d.name)} ${d.version} from ${d.repository}: ${(e as Error).message}`);
    }
  }
  return out;
}
