/**
 * Helm's `pkg/chartutil` and `pkg/cli/values` for `helm template`: user values, dependency
 * processing, coalescing, capabilities, schema checks and the top-level render object.
 *
 * The order `helm template` applies them:
 * 1. {@link mergeUserValues} (`-f`, `--set-json`, `--set`, `--set-string`, `--set-file`, `--set-literal`)
 * 2. {@link processDependenciesWithMerge} (tags, conditions, aliases, import-values; mutates the chart)
 * 3. {@link templateCapabilities} (`--kube-version`, `--api-versions`) and {@link checkKubeVersion}
 * 4. {@link toRenderValues} (coalesce with chart defaults + values.schema.json checks)
 */
export { mergeUserValues, mergeMaps, type ValueOptions, type ValuesFile } from './merge-values';
export { processDependencies, processDependenciesWithMerge } from './dependencies';
export { isCompatibleRange } from './compatible';
export { coalesceValues, mergeValues, coalesceTables, mergeTables, type Warn } from './coalesce';
export {
  GLOBAL_KEY,
  ErrNoTable,
  ErrNoValue,
  asValuesType,
  deepCopy,
  isTable,
  pathValue,
  readValues,
  table,
  toRenderValues,
  type ReleaseOptions,
  type RenderValuesOptions,
} from './values';
export {
  DEFAULT_API_VERSIONS_3,
  DEFAULT_API_VERSIONS_4,
  defaultApiVersions,
  HELM_BUILD_INFO,
  capabilitiesToGo,
  checkKubeVersion,
  defaultCapabilities,
  parseKubeVersion,
  templateCapabilities,
  type BuildInfo,
  type Capabilities,
  type CapabilityOptions,
  type KubeVersion,
} from './capabilities';
export { validateAgainstSchema, validateAgainstSingleSchema } from './schema';
export { helmLogLine, warningSource } from './warnings';
