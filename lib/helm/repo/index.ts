/**
 * Charts from repositories, as helm fetches them (pkg/repo, pkg/registry, pkg/downloader), for
 * the browser and Node alike: nothing here touches a disk or calls the network itself. Every
 * function takes a `fetch`-like function ({@link Fetch}; `globalThis.fetch` fits, the page passes
 * one that goes through the app's server route). Archives are `Uint8Array`s; digests are
 * `sha256:<hex>`. Redirects are followed here one hop at a time (at most 10), bodies are read
 * with size caps (archives 50 MB, indexes 20 MB), and errors name the URL.
 *
 * Repository (HTTP) side, this module:
 * - `downloadIndex(repoUrl, { fetch })` → {@link IndexFile} (entries newest first; bad entries skipped as helm skips them)
 * - `parseIndexFile(bytes, repoUrl)`, `getChartVersion(index, name, constraint)`: helm's version choice
 * - `findChartInRepoUrl(repoUrl, name, constraint, { fetch })` → `{ chartVersion, url, digest }`
 * - `resolveReferenceUrl(repoUrl, url)`, `indexUrl(repoUrl)`; `parseRepositoriesFile` for repositories.yaml
 *
 * OCI side (`lib/helm/registry`): `parseOciReference('oci://host/path/app:1.2.3')`,
 * `new RegistryClient({ fetch, plainHttp })` with `.tags(ref)`, `.resolveTag(ref, constraint)`,
 * `.pullChart(ref)` (manifest, config and chart layer, media types and blob digests checked).
 *
 * Downloading (`lib/helm/downloader`):
 * - `downloadChart(ref, { repoUrl?, version? }, { fetch, plainHttp?, repositories? })` →
 *   `{ fileName, bytes, url, source: { kind, location, name, version, digest } }`: `helm pull`,
 *   the archive checked against the index digest and read through the archive limits.
 * - `resolveDependencies(chart.metadata.dependencies, env)` → `{ lock }` (helm's Chart.lock and digest);
 *   `checkLock(deps, lock, env)`; `fetchDependencies(lock.dependencies, env)` → archives for `charts/`;
 *   `lockYaml(lock)` is the Chart.lock text; `hashReq` its digest.
 * Failures are `FetchError` (with `url`, `status`), `IndexError`, `RegistryError`, `DownloadError`
 * and `DependencyError`, each message naming the chart, dependency or URL.
 */
export type { Fetch, FetchResponse, FetchInit } from '../getter/fetch';
export { FetchError, getBytes, MAX_ARCHIVE_BYTES, MAX_INDEX_BYTES, MAX_REDIRECTS } from '../getter/fetch';
export { chartNames, getChartVersion, IndexError, parseIndexFile, type ChartVersion, type IndexFile } from './index-file';
export { downloadIndex, findChartInIndex, findChartInRepoUrl, indexUrl, resolveReferenceUrl, type FoundChart, type RepoOptions } from './chart-repo';
export { findRepository, parseRepositoriesFile, sameRepositoryUrl, type RepoEntry } from './repositories';
