/**
 * chartroom's Helm layer, mirroring Helm's own packages: chart loading (pkg/chart/loader), values
 * (pkg/chartutil, pkg/strvals), rendering (pkg/engine), manifest ordering (pkg/releaseutil) and the
 * `helm template` action. Runs in the browser and in Node.
 */
export type { Chart, ChartFile, Metadata, Dependency } from './chart/chart';
export { loadChartArchive, loadChartDirectory, loadChartFiles, ChartLoadError, type FolderFile } from './chart/loader';
export { templateChart, type TemplateOptions, type TemplateResult, type CrdFile, failedReleaseOutput } from './action/template';
export { HelmError } from './action/errors';
export type { ReleaseSettings } from './action/install';
export { mergeUserValues } from './chartutil/merge-values';
export { coalesceValues } from './chartutil/coalesce';
export type { RenderLimits } from './engine/engine';
export { ValuesReadRecorder, isPathRead, type TemplateReads } from './engine/values-reads';
export { escapeKey, joinPath, pathKeys, pathOf } from './strvals';
export type { OutputTrace, TraceLine, TraceOrigin, TraceCallSite, TracePosition } from './action/output-trace';
export { sortManifests, splitManifests, INSTALL_ORDER, type Manifest, type Hook } from './releaseutil';
export { type ValuesReadSet, renderReadSet, userValuePaths } from './action/values-read-set';
export { loadArchiveFiles } from './chart/archive';
export { chartFullPath, API_VERSION_V1, addDependency } from './chart/chart';
export { defaultCapabilities } from './chartutil/capabilities';
export { type Json } from './chartutil/jsonschema/json';
export { V6Schema, validateV6 } from './chartutil/jsonschema/v6';
export type { V6Error } from './chartutil/jsonschema/v6';
export { Validator } from './chartutil/jsonschema/validator';
export { saveChartArchive } from './chartutil/save';
export { checkAgainstSchema } from './chartutil/schema';
export { helmLogLine } from './chartutil/warnings';
export { downloadChart, fetchDependencies, hashReq, resolveDependencies, type DependencyEnv, checkLock, lockYaml, resolveRepositoryNames, type LocalDependency, type ChartSource } from './downloader/index';
export { type RenderObserver } from './engine/engine';
export { StableSession, combineObservers } from './engine/stable-session';
export { parseOciReference, RegistryClient } from './registry/index';
export { isOci } from './registry/reference';
export { getBytes, MAX_INDEX_BYTES, type Fetch, chartNames, downloadIndex, findRepository, type FetchResponse } from './repo/index';
export { parseRepositoriesFile, type RepoEntry } from './repo/repositories';
export { type HelmVersion, DEFAULT_HELM_VERSION, HELM_VERSIONS, isHelmVersion, HELM_RELEASE, parseHelmVersion, isHelm4 } from './version';
