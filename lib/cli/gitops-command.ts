import { buildGitopsRepo, type ChartSource } from '../export';
import { flagBool, flagHelmVersion, flagString, parseArgs, usage, UsageError, type FlagSpec } from './args';
import { CONFIG_FLAGS, configFromFlags, reportError, reportRemoved } from './bundle-command';
import type { CliIO, ExitCode } from './io';

export const GITOPS_FLAGS: readonly FlagSpec[] = [
  ...CONFIG_FLAGS,
  { name: 'tool', kind: 'string', help: 'argocd or flux' },
  { name: 'repo-url', kind: 'string', help: 'URL of the Git repository the skeleton goes to' },
  { name: 'branch', kind: 'string', help: 'branch the clusters follow (default main)' },
  { name: 'chart-source', kind: 'string', help: 'vendored, helm-repo or oci (default: where a downloaded chart came from, else vendored)' },
  { name: 'chart-url', kind: 'string', help: 'Helm repository URL or oci:// registry path, for helm-repo and oci (default: the downloaded chart\'s)' },
  { name: 'manual-sync', kind: 'bool', help: 'Argo CD: no automated sync (default: automated with prune and self-heal)' },
  { name: 'output', short: 'o', kind: 'string', help: 'zip file to write (default <release>-gitops-<tool>.zip)' },
];

/** Where the skeleton deploys the chart from; `origin` is the repository a downloaded chart came from. */
function chartSource(kind: string | undefined, url: string | undefined, origin: string | undefined): ChartSource {
  // A chart downloaded from a repository is deployed from there unless the flags say otherwise (as in the page).
  const originKind = origin ? (origin.startsWith('oci://') ? 'oci' : 'helm-repo') : undefined;
  const from = kind ?? originKind ?? 'vendored';
  switch (from) {
    case 'vendored':
      return { type: 'vendored' };
    case 'helm-repo':
    case 'oci': {
      const at = url ?? (from === originKind ? origin : undefined);
      if (!at) throw new UsageError(`--chart-source ${from} needs --chart-url`);
      return { type: from, url: at };
    }
    default:
      throw new UsageError(`--chart-source must be vendored, helm-repo or oci, got "${kind}"`);
  }
}

/** `chartroom gitops CHART -f values.yaml --tool argocd|flux --env NAME=FILE… -o repo.zip`. */
export async function gitopsCommand(argv: string[], io: CliIO): Promise<ExitCode> {
  try {
    const parsed = parseArgs(argv, GITOPS_FLAGS);
    if (flagBool(parsed, 'help')) {
      io.stdout(usage('gitops CHART -f values.yaml --tool argocd|flux [flags]', GITOPS_FLAGS));
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new UsageError('"chartroom gitops" requires exactly 1 argument: the chart');
    const tool = flagString(parsed, 'tool');
    if (tool !== 'argocd' && tool !== 'flux') throw new UsageError('--tool must be argocd or flux');
    const chart = io.loadChart(parsed.positionals[0], flagHelmVersion(parsed));
    const config = configFromFlags(chart, parsed, io);
    const repo = await buildGitopsRepo(chart, config, {
      tool,
      repoUrl: flagString(parsed, 'repo-url'),
      branch: flagString(parsed, 'branch'),
      chartSource: chartSource(flagString(parsed, 'chart-source'), flagString(parsed, 'chart-url'), config.chart.repository),
      automatedSync: !flagBool(parsed, 'manual-sync'),
    });
    const out = flagString(parsed, 'output') ?? repo.fileName;
    io.writeFile(out, repo.zip);
    reportRemoved(repo.removed, io);
    for (const w of repo.warnings) io.stderr(`Warning: ${w}\n`);
    for (const f of repo.gitops) io.stderr(`Warning: [${f.id}] ${f.message}\n`);
    io.stdout(`Wrote ${out} (${repo.files.length} files)\n`);
    return 0;
  } catch (e) {
    return reportError(e, io);
  }
}
