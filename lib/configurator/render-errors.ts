/**
 * Helm's errors for the UI: schema problems as form errors and chart paths as the chart names
 * them. The errors arrive structured (lib/errors' `ErrorReport`); their messages are shown verbatim.
 */
import type { SchemaProblem } from '../errors';

export type { ErrorCode, ErrorReport, ErrorWhere, SchemaProblem } from '../errors';

/**
 * Schema problems as form errors: values path (`postgresql.external.port`, the form's field id)
 * → messages. Problems on the top chart's root are kept under the empty path.
 */
export function schemaErrorsByPath(problems: readonly SchemaProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) (out[p.valuesPath] ??= []).push(p.message);
  return out;
}

/** The template path relative to its chart (`templates/deployment.yaml`) for a Helm path. */
export function chartRelativePath(helmPath: string): string {
  const i = helmPath.indexOf('/');
  return i < 0 ? helmPath : helmPath.slice(i + 1);
}
