/**
 * `chartroom lint CHART [flags]`: renders the chart like `template` and reports findings (schema of
 * the target Kubernetes version, removed APIs, production readiness, cross-object consistency).
 * Exits 1 on errors, and on warnings too with --strict.
 */
import type { ErrorReport } from '../errors';
import { renderFromFlags } from './render-flags';
import { HelmError, ValuesReadRecorder, renderReadSet, userValuePaths } from '../helm';
import { checkRender, decideCalls, gitopsCallRecorder, loadKubeSchema, manifestDocs, RULES, summarize, type Finding, type Preset } from '../validate';
import { flagBool, flagList, flagString, parseArgs, usage, UsageError, type FlagSpec } from './args';
import type { CliIO, ExitCode } from './io';
import { TEMPLATE_FLAGS } from './template-command';

const SHARED = new Set(['values', 'set', 'set-string', 'set-json', 'set-file', 'set-literal', 'namespace', 'api-versions', 'include-crds', 'skip-tests', 'no-hooks', 'is-upgrade', 'skip-schema-validation', 'helm-version', 'repo', 'version', 'plain-http', 'repository-config']);

export const LINT_FLAGS: readonly FlagSpec[] = [
  ...TEMPLATE_FLAGS.filter((f) => SHARED.has(f.name)),
  { name: 'kube-version', kind: 'string', help: 'Kubernetes version to validate against, 1.29 to 1.33 (default 1.33)' },
  { name: 'preset', kind: 'string', help: 'rule set: production or development (default development)' },
  { name: 'external', kind: 'slice', help: 'objects that exist outside the chart (Kind/name or name)' },
  { name: 'disable', kind: 'slice', help: 'rule ids (or prefixes ending in /) to skip' },
  { name: 'format', kind: 'string', help: 'output format: text or json (default text)' },
  { name: 'strict', kind: 'bool', help: 'fail on warnings too' },
  { name: 'help', short: 'h', kind: 'bool', help: 'help for lint' },
];

const USAGE = 'lint [NAME] CHART [flags]';

/** `chartroom lint [NAME] CHART [flags]`: loads the schema of the one Kubernetes version it checks against. */
export async function lintCommand(argv: string[], io: CliIO): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs(argv, LINT_FLAGS);
  } catch (e) {
    io.stderr(`Error: ${(e as Error).message}\n`);
    return 1;
  }
  if (flagBool(parsed, 'help')) {
    io.stdout(usage(USAGE, LINT_FLAGS));
    return 0;
  }
  const pos = parsed.positionals;
  if (pos.length < 1 || pos.length > 2) {
    io.stderr(`Error: "chartroom lint" requires at least 1 and at most 2 arguments\n\n${usage(USAGE, LINT_FLAGS)}`);
    return 1;
  }
  const [releaseName, chartRef] = pos.length === 2 ? pos : ['release-name', pos[0]];
  const kubeVersion = flagString(parsed, 'kube-version') ?? '1.33';
  const preset = (flagString(parsed, 'preset') ?? 'development') as Preset;
  const format = flagString(parsed, 'format') ?? 'text';
  try {
    if (preset !== 'production' && preset !== 'development') throw new UsageError(`invalid preset "${preset}": use production or development`);
    if (format !== 'text' && format !== 'json') throw new UsageError(`invalid format "${format}": use text or json`);
    // lint has no --show-only: it checks every manifest.
    const recorder = gitopsCallRecorder();
    const reads = new ValuesReadRecorder();
    const result = renderFromFlags(parsed, releaseName, chartRef, io, { kubeVersion, showOnly: [], observer: recorder.observer, recordReads: reads });
    await loadKubeSchema(kubeVersion);
    const docs = manifestDocs(result);
    const disable = flagList(parsed, 'disable');
    const calls = decideCalls(result.chart, recorder.calls, result.values);
    const valuesUse = { set: userValuePaths(result.userValues), read: renderReadSet(reads, result.chart, result.rendered) };
    const findings = checkRender(docs, calls, { kubeVersion, preset, values: result.values, external: flagList(parsed, 'external'), disable, valuesUse });
    const summary = summarize(findings);
    io.stdout(format === 'json' ? `${JSON.stringify({ summary, findings }, null, 2)}\n` : formatText(findings, summary));
    return summary.errors > 0 || (flagBool(parsed, 'strict') && summary.warnings > 0) ? 1 : 0;
  } catch (e) {
    if (e instanceof HelmError && format === 'json') {
      const findings = [renderErrorFinding(e.report())];
      io.stdout(`${JSON.stringify({ summary: summarize(findings), findings }, null, 2)}\n`);
    } else if (e instanceof HelmError) io.stderr(`${e.cliMessage}\n`);
    else io.stderr(`Error: ${(e as Error).message}\n`);
    return 1;
  }
}

/**
 * A render failure as a finding, located at the template helm names (`execution error at
 * (t.yaml:1:4): ...`), with the template's own words (`fail`'s message) when helm gives them apart.
 */
export function renderErrorFinding(error: ErrorReport): Finding {
  const located = error.detail !== undefined && error.where.file !== undefined && error.where.line !== undefined;
  return {
    id: 'render/error',
    severity: 'error',
    message: located ? error.detail! : error.message,
    why: RULES['render/error'].why,
    resource: { kind: 'Chart', name: located ? error.where.file!.split('/')[0] : '', template: located ? error.where.file! : '' },
    ...(located ? { line: error.where.line } : {}),
  };
}

/** One block per finding, grouped by template, then a count line. */
export function formatText(findings: Finding[], s: ReturnType<typeof summarize>): string {
  const lines: string[] = [];
  for (const f of findings) {
    const where = `${f.resource.template}${f.line ? `:${f.line}` : ''}`;
    lines.push(`${f.severity.toUpperCase()} [${f.id}] ${where} ${f.resource.kind}/${f.resource.name}: ${f.message}`);
    if (f.path) lines.push(`    at ${f.path}${f.valuesPath ? ` (values: ${f.valuesPath})` : ''}`);
    lines.push(`    why: ${f.why}`);
  }
  lines.push(`${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info(s)`);
  return `${lines.join('\n')}\n`;
}
