/**
 * `helm pull` and `helm dependency update|build` without a disk (pkg/downloader); see
 * lib/helm/repo/index.ts for the overview.
 */
export { archiveDigest, downloadChart, DownloadError, verifyArchive, type ChartSource, type DownloadedChart, type DownloadEnv } from './chart-downloader';
export { checkLock, DependencyError, fetchDependencies, resolveDependencies, resolveRepositoryNames, type DependencyArchive, type DependencyEnv, type LocalDependency } from './manager';
export { hashReq, lockedDependency, lockYaml } from '../chartutil/lock';
