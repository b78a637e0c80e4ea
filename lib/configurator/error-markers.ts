/**
 * Editor markers from a render failure: helm could not read the values the editor holds (go-yaml
 * refuses some text the editor's YAML parser accepts), at the line and column helm's error names.
 */
import type { RenderOutcome } from './render-protocol';
import type { YamlProblem } from './values-document';

/** The marker for a failure that points into the editor's values.yaml, or none. */
export function valuesErrorMarkers(outcome: RenderOutcome | null, valuesText: string): YamlProblem[] {
  if (!outcome || outcome.ok || outcome.code !== 'values-yaml' || outcome.where.file !== 'values.yaml' || outcome.where.line === undefined) return [];
  const { line } = outcome.where;
  const lineText = valuesText.split('\n')[line - 1] ?? '';
  const column = Math.min(outcome.where.column ?? 1, lineText.length + 1);
  return [{ message: outcome.message, code: 'HELM', line, column, endLine: line, endColumn: Math.max(lineText.length + 1, column + 1) }];
}
