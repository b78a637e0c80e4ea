/**
 * The values form of the configurator.
 *
 * ```tsx
 * <ValuesForm
 *   schema={jsonSchema}        // parsed values.schema.json (draft-07 object)
 *   values={plainValues}       // merged values as plain JSON (chart defaults + the user's)
 *   onChange={(path: string[], value: unknown | undefined) => void}  // undefined = remove the user's value
 *   errors={fieldErrors}       // Record<dottedPath, string[]> from readableHelmErrors (lib/form)
 *   disabled={false}
 * />
 * ```
 * The form is generated from the schema and its `x-chartroom` hints (docs/form-hints.md); a chart
 * needs no React code of its own. Paths passed to onChange are object keys only: an edit inside
 * a list reports the whole list. A map edit may carry `null` for removed keys (Helm deletes a
 * default key that way). Several onChange calls may follow one click (choosing an existing Secret
 * clears the plain secrets it replaces), so apply each to the latest values.
 *
 * Colours come from the page's CSS variables: --bg, --fg, --muted, --accent, --danger, --border.
 */
export { ValuesForm } from './ValuesForm';
export type { ValuesFormProps } from './ValuesForm';
export { revealField } from './reveal';
