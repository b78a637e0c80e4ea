/**
 * pkg/downloader's ChartDownloader: a chart reference (`oci://…`, a repository URL and a chart
 * name, `repo/name` from repositories.yaml, or an archive URL) to its archive bytes. Unlike helm,
 * the archive is always checked: against the index's digest when the index has one, and read
 * through the archive limits (size, paths) before anyone writes it anywhere.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';
import { loadArchiveFiles } from '../chart/archive';
import { getBytes, MAX_ARCHIVE_BYTES, type Fetch } from '../getter/fetch';
import { findChartInRepoUrl } from '../repo/chart-repo';
import { findRepository, repositoryHeaders, type RepoEntry } from '../repo/repositories';
import { RegistryClient, type RegistryOptions } from '../registry/client';
import { chartNameOf, isOci, parseOciReference } from '../registry/reference';
import type { HelmVersion } from '../version';

/** Where the network is and how to reach it; the same for every download of one command. */
export interface DownloadEnv {
  fetch: Fetch;
  /** HTTP instead of HTTPS for OCI registries (helm's `--plain-http`). */
  plainHttp?: RegistryOptions['plainHttp'];
  /** Named repositories (repositories.yaml), for `repo/name` references and credentials. */
  repositories?: RepoEntry[];
  signal?: AbortSignal;
  /** Warnings helm prints (skipped index entries, deprecated media types). */
  warn?: (message: string) => void;
  /** The helm whose rules choose a version from an index or a registry's tags (default: the default Helm version). */
  helmVersion?: HelmVersion;
}

/** Where a chart came from, enough to fetch the same bytes again. */
export interface ChartSource {
  kind: 'repo' | 'oci' | 'url';
  /** The repository URL, the `oci://` reference without tag, or the archive URL. */
  location: string;
  name: string;
  version: string;
  /** `sha256:<hex>` of the archive. */
  digest: string;
}

export interface DownloadedChart {
  /** The file name helm gives the archive (`name-version.tgz`, or the URL's last segment). */
  fileName: string;
  bytes: Uint8Array;
  /** The URL the archive came from. */
  url: string;
  source: ChartSource;
  /** For OCI charts, the manifest's digest (what `helm pull` prints as `Digest:`). */
  manifestDigest?: string;
}

/** A chart that can't be downloaded or fails its checks; the message names the chart and URL. */
export class DownloadError extends Error {}

export const archiveDigest = (bytes: Uint8Array): string => `sha256:${hex.encode(sha256(bytes))}`;

/** Checks an archive against an expected `sha256:` digest ('' skips) and Helm's archive rules. */
export function verifyArchive(bytes: Uint8Array, expected: string, what: string): string {
  const digest = archiveDigest(bytes);
  if (expected && expected.replace(/^sha256:/, '') !== digest.slice('sha256:'.length)) {
    throw new DownloadError(`${what}: digest mismatch: the repository index says ${expected.startsWith('sha256:') ? expected : `sha256:${expected}`}, the archive is ${digest}`);
  }
  try {
    loadArchiveFiles(bytes);
  } catch (e) {
    throw new DownloadError(`${what}: not a usable chart archive: ${(e as Error).message}`);
  }
  return digest;
}

/** The last path segment of a URL (filepath.Base of its path). */
function baseName(url: string): string {
  const path = new URL(url).pathname.replace(/\/+$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'chart.tgz';
}

/**
 * Downloads a chart as `helm pull REF [--repo URL] [--version V]` would.
 * @param ref `oci://host/path/name[:tag]`, a chart name (with `repoUrl`), `repo/name` or an archive URL
 * @param version a version or constraint; '' means the newest release
 * @throws DownloadError, FetchError, IndexError or RegistryError, each naming the URL
 */
export async function downloadChart(ref: string, opts: { repoUrl?: string; version?: string }, env: DownloadEnv): Promise<DownloadedChart> {
  const version = opts.version ?? '';
  if (isOci(ref)) {
    if (opts.repoUrl) throw new DownloadError(`${ref}: --repo cannot be used with an oci:// reference`);
    const parsed = parseOciReference(ref);
    const client = new RegistryClient({ fetch: env.fetch, plainHttp: env.plainHttp, signal: env.signal, warn: env.warn, helmVersion: env.helmVersion });
    const tag = parsed.digest && version === '' && parsed.tag === '' ? '' : await client.resolveTag(parsed, version);
    const pulled = await client.pullChart({ ...parsed, tag });
    const what = `chart ${ref}${tag && !parsed.tag ? `:${tag}` : ''}`;
    const digest = verifyArchive(pulled.archive, pulled.chartDigest, what);
    const name = chartNameOf(parsed);
    const chartVersion = tag || String(pulled.config.version ?? '');
    return {
      fileName: `${name}-${chartVersion}.tgz`,
      bytes: pulled.archive,
      url: `oci://${pulled.ref}`,
      source: { kind: 'oci', location: `oci://${parsed.registry}/${parsed.repository}`, name, version: chartVersion, digest },
      manifestDigest: pulled.manifestDigest,
    };
  }
  let repoUrl = opts.repoUrl;
  let name = ref;
  let entry: RepoEntry | undefined;
  if (!repoUrl) {
    if (/^https?:\/\//.test(ref)) return downloadArchiveUrl(ref, env);
    const slash = ref.indexOf('/');
    if (slash < 0) throw new DownloadError(`non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`);
    const repoName = ref.slice(0, slash);
    entry = (env.repositories ?? []).find((r) => r.name === repoName);
    if (!entry) throw new DownloadError(`repo ${repoName} not found`);
    repoUrl = entry.url;
    name = ref.slice(slash + 1);
  } else {
    entry = findRepository(repoUrl, env.repositories ?? []);
  }
  const headers = repositoryHeaders(entry);
  const found = await findChartInRepoUrl(repoUrl, name, version, { fetch: env.fetch, headers, signal: env.signal, warn: env.warn, helmVersion: env.helmVersion });
  const sameHost = new URL(found.url).host === new URL(repoUrl).host || entry?.passCredentialsAll;
  const { bytes, url } = await getBytes(env.fetch, found.url, { accept: 'application/gzip,application/octet-stream', headers: sameHost ? headers : {}, maxBytes: MAX_ARCHIVE_BYTES, signal: env.signal });
  const what = `chart ${JSON.stringify(name)} ${found.chartVersion.metadata.version} from ${found.url}`;
  const digest = verifyArchive(bytes, found.digest, what);
  return { fileName: baseName(found.url), bytes, url, source: { kind: 'repo', location: repoUrl, name, version: found.chartVersion.metadata.version, digest } };
}

async function downloadArchiveUrl(url: string, env: DownloadEnv): Promise<DownloadedChart> {
  const { bytes, url: final } = await getBytes(env.fetch, url, { accept: 'application/gzip,application/octet-stream', maxBytes: MAX_ARCHIVE_BYTES, signal: env.signal });
  const digest = verifyArchive(bytes, '', `chart ${url}`);
  const fileName = baseName(url);
  const m = /^(.*)-(\d+\.\d+\.\d+[^/]*)\.tgz$/.exec(fileName);
  return { fileName, bytes, url: final, source: { kind: 'url', location: url, name: m?.[1] ?? fileName, version: m?.[2] ?? '', digest } };
}
