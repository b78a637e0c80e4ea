/**
 * Helm charts in OCI registries (pkg/registry), over an injected `fetch`; see lib/helm/repo/index.ts
 * for the overview.
 */
export { chartNameOf, formatOciReference, isOci, parseOciReference, ReferenceError, tagForOci, versionFromTag, type OciReference } from './reference';
export {
  CHART_LAYER_MEDIA_TYPE,
  CONFIG_MEDIA_TYPE,
  LEGACY_CHART_LAYER_MEDIA_TYPE,
  OCI_MANIFEST_MEDIA_TYPE,
  PROV_LAYER_MEDIA_TYPE,
  RegistryClient,
  RegistryError,
  tagMatchingVersionOrConstraint,
  type PulledChart,
  type RegistryOptions,
} from './client';
