/**
 * Helm's chart model and loaders (`pkg/chart`, `pkg/chart/loader`, `pkg/ignore`).
 *
 * - {@link loadChartFiles}: files named relative to the chart root (loader.LoadFiles).
 * - {@link loadChartArchive}: a `.tgz` (loader.LoadArchive).
 * - {@link loadChartDirectory}: files from a folder walk or a browser drop, with .helmignore.
 * - {@link chartValueForTemplate}: `.Chart` as a template sees it; {@link metadataToGo} for
 *   the `*chart.Metadata` in the top-level object.
 */
export {
  API_VERSION_V1,
  API_VERSION_V2,
  addDependency,
  chartFullPath,
  chartName,
  chartPath,
  copyChartWithMetadata,
  crdObjects,
  emptyMetadata,
  isRoot,
  newChart,
  rootChart,
  setDependencies,
  type Chart,
  type ChartFile,
  type Dependency,
  type Lock,
  type Maintainer,
  type Metadata,
} from './chart';
export { ChartLoadError, loadChartArchive, loadChartDirectory, loadChartFiles, type LoadOptions, type Warn } from './loader';
export { ArchiveError, archiveFileProblem, loadArchiveFiles, MAX_DECOMPRESSED_CHART_SIZE, MAX_DECOMPRESSED_FILE_SIZE } from './archive';
export { HELMIGNORE, IgnoreRules, parseIgnoreRules } from './helmignore';
export { ValidationError, validateChart, validateMetadata } from './validate';
export { chartValueForTemplate, dependencyToGo, metadataToGo } from './metadata-go';
export { structJsonFields, type JsonTypeInfo } from './gostruct';
