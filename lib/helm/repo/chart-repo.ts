/**
 * pkg/repo's ChartRepository over HTTP(S): downloading a repository's index and finding a chart's
 * archive URL in it, as `helm pull --repo` and `helm dependency update` do.
 */
import { FetchError, getBytes, MAX_INDEX_BYTES, type Fetch } from '../getter/fetch';
import { getChartVersion, IndexError, parseIndexFile, type ChartVersion, type IndexFile } from './index-file';
import type { HelmVersion } from '../version';

/**
 * ResolveReferenceURL: `refUrl` relative to the repository URL, read as a folder (a trailing
 * slash is added), keeping the repository URL's query string as Helm does.
 */
export function resolveReferenceUrl(baseUrl: string, refUrl: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(refUrl)) return refUrl;
  const base = new URL(baseUrl);
  const query = base.search;
  base.pathname = base.pathname.replace(/\/$/, '') + '/';
  base.search = '';
  const resolved = new URL(refUrl, base);
  resolved.search = query;
  return resolved.href;
}

/** The index URL of a repository. */
export function indexUrl(repoUrl: string): string {
  return resolveReferenceUrl(repoUrl, 'index.yaml');
}

export interface RepoOptions {
  fetch: Fetch;
  /** Headers for every request, e.g. `Authorization` for a private repository. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Told about index entries Helm skips. */
  warn?: (message: string) => void;
}

/**
 * ChartRepository.DownloadIndexFile: fetches and parses `index.yaml`.
 * @throws FetchError or IndexError, each naming the repository URL
 */
export async function downloadIndex(repoUrl: string, opts: RepoOptions): Promise<IndexFile> {
  const url = indexUrl(repoUrl);
  const { bytes } = await getBytes(opts.fetch, url, {
    accept: 'application/x-yaml, application/yaml, text/yaml, application/json, */*',
    headers: opts.headers,
    maxBytes: MAX_INDEX_BYTES,
    signal: opts.signal,
  });
  return parseIndexFile(bytes, repoUrl, opts.warn);
}

/** A chart version found in a repository, with its archive's absolute URL. */
export interface FoundChart {
  chartVersion: ChartVersion;
  url: string;
  /** `sha256:<hex>` from the index, or '' when the index has no digest. */
  digest: string;
}

/**
 * FindChartInRepoURL: downloads the index and picks `name` at `version` (a constraint; '' is the
 * newest release). Errors read as helm's: `looks like "URL" is not a valid chart repository or
 * cannot be reached: ...`, `chart "x" version "1.2" not found in URL repository`.
 */
export async function findChartInRepoUrl(repoUrl: string, name: string, version: string, opts: RepoOptions & { helmVersion?: HelmVersion }): Promise<FoundChart> {
  let index: IndexFile;
  try {
    index = await downloadIndex(repoUrl, opts);
  } catch (e) {
    const reason = e instanceof IndexError ? e.message.replace(`${repoUrl}: `, '') : (e as Error).message;
    const message = `looks like ${JSON.stringify(repoUrl)} is not a valid chart repository or cannot be reached: ${reason}`;
    throw e instanceof FetchError ? new FetchError(e.url, message, e.status) : new IndexError(message);
  }
  return findChartInIndex(index, repoUrl, name, version, opts.helmVersion);
}

/** The chart `name` at `version` in an index already downloaded from `repoUrl`. */
export function findChartInIndex(index: IndexFile, repoUrl: string, name: string, version: string, helmVersion?: HelmVersion): FoundChart {
  const what = version !== '' ? `chart ${JSON.stringify(name)} version ${JSON.stringify(version)}` : `chart ${JSON.stringify(name)}`;
  let cv: ChartVersion;
  try {
    cv = getChartVersion(index, name, version, helmVersion);
  } catch {
    throw new IndexError(`${what} not found in ${repoUrl} repository`);
  }
  if (cv.urls.length === 0) throw new IndexError(`${what} has no downloadable URLs`);
  return { chartVersion: cv, url: resolveReferenceUrl(repoUrl, cv.urls[0]), digest: cv.digest ? `sha256:${cv.digest.replace(/^sha256:/, '')}` : '' };
}
