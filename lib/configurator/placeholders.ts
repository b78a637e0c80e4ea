/**
 * Placeholders for required values a chart's defaults leave empty (a database URL, a token),
 * so a first preview can render before the real ones are known. Each is written with a comment
 * saying it is a placeholder; secret ones are secrets like any other (masked, kept out of links,
 * exports and lasting storage).
 */
import { isScalar, parseDocument } from 'yaml';
import { readHints, resolveNode, type JsonSchema } from '../form';
import type { PlainMap, ValuePath } from './plain-values';
import { setValueInText } from './values-document';

export const PLACEHOLDER_COMMENT = ' placeholder for the preview: replace it';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The schema node for a values path (plain properties only). */
function nodeAt(schema: JsonSchema, path: ValuePath): JsonSchema | null {
  let node: JsonSchema = resolveNode(schema, schema);
  for (const key of path) {
    const child = node.properties?.[String(key)];
    if (!isRecord(child)) return null;
    node = resolveNode(schema, child as JsonSchema);
  }
  return node;
}

/**
 * A value for a required string the schema describes: its example (`x-chartroom.placeholder`)
 * when there is one, else `placeholder-<key>`, long enough for `minLength`. Undefined for what
 * isn't a plain string: no placeholder is better than a wrong one.
 */
export function placeholderValue(schema: unknown, path: ValuePath): string | undefined {
  if (!isRecord(schema) || path.length === 0) return undefined;
  const node = nodeAt(schema as JsonSchema, path);
  if (!node) return undefined;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (!types.includes('string')) return undefined;
  let value = readHints(node).placeholder ?? `placeholder-${String(path[path.length - 1])}`;
  const min = typeof node.minLength === 'number' ? node.minLength : 0;
  while (value.length < min) value += 'x';
  return value;
}

/** The values text with placeholders set at `paths` (where one can be made), each marked by a comment. */
export function withPlaceholders(text: string, schema: unknown, paths: readonly ValuePath[], defaults: PlainMap): { text: string; filled: ValuePath[] } {
  let out = text;
  const filled: ValuePath[] = [];
  for (const path of paths) {
    const value = placeholderValue(schema, path);
    if (value === undefined) continue;
    const next = setValueInText(out, path, value, defaults);
    if (next === null) continue;
    out = next;
    filled.push(path);
  }
  if (filled.length === 0) return { text, filled };
  const doc = parseDocument(out, { version: '1.1' });
  for (const path of filled) {
    const node = doc.getIn(path, true);
    if (isScalar(node)) node.comment = PLACEHOLDER_COMMENT;
  }
  return { text: doc.toString({ lineWidth: 0 }), filled };
}
