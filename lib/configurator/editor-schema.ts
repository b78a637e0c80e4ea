/**
 * The schema the values.yaml editor validates against. The editor holds only the user's
 * overrides, so anything the chart's defaults supply must not be reported missing: `required`
 * (also inside if/then/else and combinators) is dropped, every other constraint kept.
 */

/** A copy of a JSON Schema without `required` keywords, for validating partial values. */
export function schemaForOverrides(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(schemaForOverrides);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'required' && Array.isArray(v)) continue;
    // `properties`, `definitions` and the like map names to schemas; their keys are not keywords.
    out[k] = schemaForOverrides(v);
  }
  return out;
}
