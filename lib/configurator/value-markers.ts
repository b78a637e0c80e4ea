/**
 * Findings about values the user set (a misspelt key nobody reads), as marks on those keys in
 * the values.yaml editor.
 */
import { pathKeys } from '../helm';
import type { Finding } from '../validate';
import type { TextSpan } from './values-locations';
import { valueLocation } from './values-locations';

/** A mark in the values.yaml editor. */
export interface ValueMarker extends TextSpan {
  message: string;
  severity: Finding['severity'];
}

/** The findings about the values file itself, each on the key the user set, where the text sets it. */
export function valueMarkers(text: string, findings: readonly Finding[]): ValueMarker[] {
  const out: ValueMarker[] = [];
  for (const f of findings) {
    if (f.resource.kind !== 'Values' || !f.valuesPath) continue;
    const at = valueLocation(text, pathKeys(f.valuesPath));
    if (at) out.push({ ...at.key, message: `${f.message} (${f.id})`, severity: f.severity });
  }
  return out;
}
