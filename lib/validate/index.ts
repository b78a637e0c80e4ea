/**
 * Findings: what the rendered manifests will do wrong on a cluster, before they exist.
 *
 * ```ts
 * await loadKubeSchema('1.33');
 * const findings = validateManifests(manifestDocs(templateChart(chart, opts)), { kubeVersion: '1.33', preset: 'production', values });
 * ```
 */
export type { Finding, FindingSummary, ManifestDoc, Preset, ResourceRef, Severity, ValidateOptions, KubeVersion } from './types';
export { KUBE_VERSIONS } from './types';
export { validateManifests, validateManifestsAsync, summarize, sortFindings } from './validate';
export { checkRender } from './check';
export { unusedOverrideFindings, type ValuesUse } from './unused-overrides';
export { manifestDocs, lineOf, clearParsedManifests, type RenderedManifests } from './docs';
export { loadKubeSchema, loadedKubeSchema, schemaVersionFor } from './schema/load';
export { RULES, type RuleId, type Rule } from './rules';
export { API_CHANGES, apiGroup, apiChange } from './apis';
export type { KubeSchemaData } from './schema/format';
export { decideCalls, decidedCallFindings, gitopsCallRecorder, gitopsFindings, VARYING_FUNCTIONS, type DecidedCall, type TemplateCall } from './gitops';
