/**
 * Schemas for charts without (or with thin) values.schema.json, from values.yaml and its
 * comments; pure: text in, JSON Schema out.
 */
export { inferFromValues, readValuesText, schemaOfValue, unionSchemas, widenForSample, DRAFT_07 } from './infer';
export { acceptShipped, coalesceOver, helmAccepts } from './accept';
export type { Accepted } from './accept';
export { effectiveSchema, exportableSchema, fillSchema } from './merge';
export type { ChartValuesSource, EffectiveSchema, SchemaOrigin } from './merge';
export { choicesIn, parseInlineSchema, readKeyComments, readFileDocs } from './comments';
export type { KeyDoc } from './comments';
