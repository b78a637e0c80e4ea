/**
 * chartroom's Helm layer, mirroring Helm's own packages: chart loading (pkg/chart/loader), values
 * (pkg/chartutil, pkg/strvals), rendering (pkg/engine), manifest ordering (pkg/releaseutil) and the
 * `helm template` action. Runs in the browser and in Node.
 */
export type { Chart, ChartFile, Metadata, Dependency } from './chart/chart';
export { loadChartArchive, loadChartDirectory, loadChartFiles, ChartLoadError } from './chart/loader';
export { templateChart, type TemplateOptions, type TemplateResult, type CrdFile } from './action/template';
export { HelmError } from './action/errors';
export type { ReleaseSettings } from './action/install';
export { mergeUserValues } from './chartutil/merge-values';
export { coalesceValues } from './chartutil/coalesce';
export type { RenderLimits } from './engine/engine';
export { ValuesReadRecorder, isPathRead, pathKeys, joinPath, type TemplateReads } from './engine/values-reads';
export type { OutputTrace, TraceLine, TraceOrigin, TraceCallSite, TracePosition } from './action/output-trace';
export { sortManifests, splitManifests, INSTALL_ORDER, type Manifest, type Hook } from './releaseutil';
