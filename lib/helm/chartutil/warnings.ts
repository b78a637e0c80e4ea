/**
 * How helm writes each warning to stderr. Helm 3.17.3 logs through Go's log package with
 * log.Lshortfile, which prefixes the line with the `file.go:LINE: ` of the log.Printf call
 * (its `warning()` helper prints `WARNING: ...` with no position); Helm 4.1.4 logs through
 * log/slog: Go log calls become `level=INFO msg="..."` records, and the dependency, symlink, hook
 * and deprecation warnings became structured records with their own words
 * (`level=WARN msg="returned non-bool value" path=a.enabled chart=a`). Warn sinks receive Helm 3's
 * bare message; {@link helmLogLine} writes the line the chosen helm writes.
 */
import { slogLine, unquote } from '../../go';
import { isHelm4, type HelmVersion } from '../version';

const SOURCES: [prefix: string | RegExp, source: string][] = [
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
  ['info: skipping unknown hook: ', 'manifest_sorter.go:190'],
  ['found symbolic link in path: ', 'walk.go:75'],
  ['warning: a valid Helm v3 hash was not found', 'manager.go:122'],
  [/^skipping loading invalid entry for chart .*: empty entry$/s, 'index.go:359'],
  ['skipping loading invalid entry for chart ', 'index.go:370'],
];

/** Helm 4's slog records for the warnings that stopped being log.Printf calls. */
const STRUCTURED: [pattern: RegExp, line: (m: RegExpExecArray) => string][] = [
  [/^Warning: Condition path '(.*)' for chart (.*) returned non-bool value$/s, (m) => slogLine('WARN', 'returned non-bool value', [['path', m[1]], ['chart', m[2]]])],
  [/^Warning: PathValue returned error (.*)$/s, (m) => slogLine('WARN', 'the method PathValue returned error', [['error', m[1]]])],
  [/^Warning: Tag '(.*)' for chart (.*) returned non-bool value$/s, (m) => slogLine('WARN', 'returned non-bool value', [['tag', m[1]], ['chart', m[2]]])],
  [/^Warning: ImportValues missing table from chart (.*?): (.*)$/s, (m) => slogLine('WARN', 'ImportValues missing table from chart', [['chart', m[1]], ['error', m[2]]])],
  [/^Warning: ImportValues missing table: (.*)$/s, (m) => slogLine('WARN', 'ImportValues missing table', [['error', m[1]]])],
  [/^info: skipping unknown hook: (".*")$/s, (m) => slogLine('INFO', 'skipping unknown hooks', [['hookTypes', unquote(m[1])]])],
  [/^WARNING: This chart is deprecated$/, () => slogLine('WARN', 'this chart is deprecated')],
  [/^(skipping loading invalid entry for chart .*)$/s, (m) => slogLine('WARN', m[1])],
  // Printed to the registry client's writer, not logged: the same line in both helms.
  [/^(Warning: chart media type .* is deprecated)$/s, (m) => m[1]],
  [
    /^found symbolic link in path: (.*) resolves to (.*)\. Contents of linked file included and used$/s,
    (m) => slogLine('INFO', 'found symbolic link in path. Contents of linked file included and used', [['path', m[1]], ['resolved', m[2]]]),
  ],
];

/** The `file.go:LINE` helm 3.17.3 logs a warning from, if known. */
export function warningSource(message: string): string | undefined {
  return SOURCES.find(([p]) => (typeof p === 'string' ? message.startsWith(p) : p.test(message)))?.[1];
}

/** A warning as the given helm writes it to stderr (`coalesce.go:237: warning: ...`, `level=INFO msg="warning: ..."`). */
export function helmLogLine(message: string, helmVersion: HelmVersion): string {
  if (isHelm4(helmVersion)) {
    for (const [pattern, line] of STRUCTURED) {
      const m = pattern.exec(message);
      if (m) return line(m);
    }
    return slogLine('INFO', message);
  }
  const source = warningSource(message);
  return source ? `${source}: ${message}` : message;
}
