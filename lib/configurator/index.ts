/**
 * The configurator's logic, free of UI: configuration values and their YAML document, chart
 * summaries, autosave, release options, render protocol and scheduling. Pages and components
 * import it from here; the render worker (`render.worker.ts`) is its own entry point.
 */
export * from './plain-values';
export * from './values-document';
export * from './chart-info';
export * from './form-schema';
export * from './chart-files';
export * from './release-options';
export * from './autosave';
export * from './render-errors';
export * from './render-protocol';
export * from './render-client';
export * from './resources';
export * from './latency';
export * from './local-chart';
export * from './editor-schema';
export * from './preview-store';
export * from './configuration';
export * from './share-state';
export * from './restore';
export * from './pending-config';
export * from './dismissed-notes';
export * from './secret-ranges';
export * from './placeholders';
export * from './manifest-lines';
export * from './text-change';
export * from './export-actions';
export * from './read-config';
// What the page needs of share links and chartroom.json beyond the configurator's own actions.
export { configHelmVersion, schemaSecretFields, type ChartroomEnvironment, type SecretField } from '../share';
export * from './error-markers';
export { localChartDigest } from './chart-digest';
export { loadChartSource } from './render-job';
export * from './values-locations';
export * from './value-markers';
export { fieldIdsFor } from './field-ids';
export * from './line-sources';
