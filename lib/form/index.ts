/**
 * The schema-driven values form, UI-free: what `components/form` renders and the shell
 * validates with.
 *
 * - `buildFormModel(schema)`: sections → fields (path, label, help, widget, enum options,
 *   required, advanced, secret, generate, existingSecret, mode switch) from values.schema.json
 *   and its `x-chartroom` hints (docs/form-hints.md). Without hints: one section per top-level key.
 * - `readableHelmErrors(schema, errors)`: the problems of Helm's own schema check (the render
 *   reports them, for the Helm version chosen) as sentences for people, by dotted values path.
 * - `visibleFields(model, values)`: fields shown for these values (Bundled/External switches,
 *   `hidden`, plain secrets replaced by a chosen existing Secret).
 * - `generateSecret(kind)`: `password` | `base64-32` | `hex-32` from `crypto.getRandomValues`.
 * - `errorsByOwner(model, errors)`: errors regrouped onto the field that displays them.
 */
export { buildFormModel, contextLabel, humanizeKey } from './model';
export { searchFields } from './search';
export type { EnumOption, FormField, FormModel, FormSection, Widget } from './model';
export type { FieldErrors } from './helm-messages';
export {
  existingSecretChosen,
  existingSecretInUse,
  existingSecretOffered,
  isFieldShown,
  isModeChildShown,
  secretsSharing,
  selectedModeOption,
  visibilityDependencies,
  visibleFields,
} from './visibility';
export type { ExistingSecretModes, ValueReader } from './visibility';
export { generateSecret } from './secrets';
export { errorOwner, errorsByOwner } from './ownership';
export { parseNumberText, parseScalarText, scalarToText } from './coerce';
export type { Parsed } from './coerce';
export { withRemovals, withoutNulls } from './changes';
export { entryOf, hasEntry, setEntry, withDataKeys } from './entries';
export { dottedPath, formatPath, getIn, jsonEqual, type ValuePath } from './paths';
export { readHints, resolveNode, typesOf } from './schema';
export type { ChartroomHints, JsonSchema, JsonType, ModeOption, ModeSpec, SecretKind, SectionHint } from './schema';
export { effectiveSchema, exportableSchema, inferFromValues } from './infer';
export type { ChartValuesSource, EffectiveSchema, SchemaOrigin } from './infer';
export { decodeEntities } from './entities';
export { readableHelmErrors, readableHelmMessage, schemaAt } from './helm-messages';
export { declaredDraft, draftInForce, keywordsHelmIgnores, keywordsNotShown } from './drafts';
export { documentToJS } from './yaml-to-js';
