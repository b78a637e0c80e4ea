/**
 * JSON Schema keywords by draft, for two questions: which keywords of a chart's schema the Helm
 * version in use does not check (Helm 3.17's gojsonschema knows draft-07; Helm 4.1's jsonschema
 * v6 follows the schema's `$schema`, 2020-12 when absent), and which keywords the form cannot
 * show as controls (they are still checked when the chart renders).
 */
import type { HelmVersion } from '../helm';
import type { JsonSchema } from './schema';

/** Keywords introduced after draft-07. */
const NEWER_THAN_07: Record<string, '2019-09' | '2020-12'> = {
  $defs: '2019-09',
  dependentRequired: '2019-09',
  dependentSchemas: '2019-09',
  unevaluatedProperties: '2019-09',
  unevaluatedItems: '2019-09',
  minContains: '2019-09',
  maxContains: '2019-09',
  $anchor: '2019-09',
  $recursiveRef: '2019-09',
  prefixItems: '2020-12',
  $dynamicRef: '2020-12',
  $dynamicAnchor: '2020-12',
};

/** Rules the form does not turn into controls: they are checked on render and in the editor. */
const NOT_SHOWN = ['if', 'then', 'else', 'anyOf', 'oneOf', 'not', 'dependencies', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties', 'unevaluatedItems', 'prefixItems', 'contains', 'propertyNames', 'patternProperties', 'uniqueItems', 'multipleOf', 'minProperties', 'maxProperties', 'minItems', 'maxItems'];

/** The draft a schema declares: `07` for draft-04/06/07 URIs, or 2019-09/2020-12; undefined when it names none. */
export function declaredDraft(schema: JsonSchema): '07' | '2019-09' | '2020-12' | undefined {
  const uri = typeof schema.$schema === 'string' ? schema.$schema : '';
  if (/2020-12/.test(uri)) return '2020-12';
  if (/2019-09/.test(uri)) return '2019-09';
  return uri ? '07' : undefined;
}

/** The draft whose rules this Helm applies to the schema. */
export function draftInForce(schema: JsonSchema, helm: HelmVersion): '07' | '2019-09' | '2020-12' {
  if (helm === '3.17') return '07';
  return declaredDraft(schema) ?? '2020-12';
}

/** Keywords used in the schema that the draft in force does not know, so Helm does not check them. */
export function keywordsHelmIgnores(schema: JsonSchema, helm: HelmVersion): string[] {
  const draft = draftInForce(schema, helm);
  const found = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64 || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, depth + 1));
    for (const [k, v] of Object.entries(node)) {
      const since = NEWER_THAN_07[k];
      if (since && (draft === '07' || (draft === '2019-09' && since === '2020-12'))) found.add(k);
      // Values of these keywords are data, not schemas.
      if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') continue;
      walk(v, depth + 1);
    }
  };
  walk(schema, 0);
  return [...found].sort();
}

/** Keywords on this node that the form checks but cannot show as controls. */
export function keywordsNotShown(node: JsonSchema): string[] {
  return NOT_SHOWN.filter((k) => node[k] !== undefined);
}
