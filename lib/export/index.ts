/**
 * Leaving the configurator with a deployment: the values bundle (`buildValuesBundle`) and the
 * GitOps repository skeleton (`buildGitopsRepo`), both zips whose bytes depend only on their
 * input, so the UI's downloads and `chartroom bundle`/`chartroom gitops` are identical.
 */
export { buildValuesBundle, bundleFiles, type BundleOptions, type ValuesBundle } from './bundle';
export { buildGitopsRepo, gitopsFiles, PLACEHOLDER_REPO_URL, type ChartSource, type GitopsOptions, type GitopsRepo, type GitopsTool } from './gitops';
export { prepareExport, ExportError, type ExportOptions, type PreparedExport } from './prepare';
export { KNOWN_OPERATORS, type KnownOperator, type OperatorPlan } from './operators';
export type { SecretWiring, UnwiredSecret } from './secret-wiring';
export { zipArchive, type ArchiveFile } from './zip';
