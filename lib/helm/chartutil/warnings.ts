/**
 * Where helm 3.17.3 logs each warning from: Go's log package prefixes the line with
 * `file.go:LINE: `. Warn sinks receive the bare message; a CLI that wants helm's exact stderr
 * can put the source back with {@link helmLogLine}.
 */

const SOURCES: [prefix: string, source: string][] = [
  ['warning: skipping globals because destination', 'coalesce.go:138'],
  ['warning: skipping globals because source', 'coalesce.go:145'],
  ['Conflict: cannot merge map onto non-map', 'coalesce.go:161'],
  ['key ', 'coalesce.go:175'],
  ['warning: skipped value for ', 'coalesce.go:237'],
  ['warning: cannot overwrite table with non table', 'coalesce.go:298'],
  ['warning: destination for ', 'coalesce.go:301'],
  ['Warning: Condition path ', 'dependencies.go:63'],
  ['Warning: PathValue returned error', 'dependencies.go:66'],
  ['Warning: Tag ', 'dependencies.go:94'],
  ['Warning: ImportValues missing table from chart', 'dependencies.go:269'],
  ['Warning: ImportValues missing table:', 'dependencies.go:286'],
  ['Warning: Dependencies are handled in Chart.yaml', 'load.go:120'],
  ['Warning: Dependency locking is handled in Chart.lock', 'load.go:138'],
];

/** The `file.go:LINE` helm logs a warning from, if known. */
export function warningSource(message: string): string | undefined {
  return SOURCES.find(([p]) => message.startsWith(p))?.[1];
}

/** A warning as helm writes it to stderr (`coalesce.go:237: warning: ...`). */
export function helmLogLine(message: string): string {
  const source = warningSource(message);
  return source ? `${source}: ${message}` : message;
}
