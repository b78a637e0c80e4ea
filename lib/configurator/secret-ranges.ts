/**
 * Where secret values sit in a values.yaml text, so the editor can mask them. The same rule as
 * share links and exports decides what is secret (lib/share/secrets.ts).
 */
import { isNode, parseDocument } from 'yaml';
import { findSecretPaths, type SecretField } from '../share';

/** A secret value's place in the text: 0-based offsets, `end` exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** The ranges of every secret value in the text; none when the text doesn't parse. */
export function secretRanges(text: string, fields: readonly SecretField[]): TextRange[] {
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  let values: unknown;
  try {
    values = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return [];
  }
  const out: TextRange[] = [];
  for (const path of findSecretPaths(values, fields)) {
    const node = doc.getIn(path, true);
    if (isNode(node) && node.range) out.push({ start: node.range[0], end: node.range[1] });
  }
  return out.sort((a, b) => a.start - b.start);
}
