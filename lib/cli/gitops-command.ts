import { buildGitopsRepo, type ChartSource } from '../export/gitops';
import { flagBool, flagString, parseArgs, usage, UsageError, type FlagSpec } from './args';
import { CONFIG_FLAGS, configFromFlags, reportError, reportRemoved } from './bundle-command';
import type { CliIO, ExitCode } from './io';

export const GITOPS_FLAGS: readonly FlagSpec[] = [
  ...CONFIG_FLAGS,
  { name: 'tool', kind: 'string', help: 'argocd or flux' },
  { name: 'repo-url', kind: 'string', help: 'URL of the Git repository the skeleton goes to' },
  { name: 'branch', kind: 'string', help: 'branch the clusters follow (default main)' },
  { name: 'chart-source', kind: 'string', help: 'vendored (default), helm-repo or oci' },
  { name: 'chart-url', kind: 'string', help: 'Helm repository URL or oci:// registry path, for helm-repo and oci' },
  { name: 'manual-sync', kind: 'bool', help: 'Argo CD: no automated sync (default: automated with prune and self-heal)' },
  { name: 'output', short: 'o', kind: 'string', help: 'zip file to write (default <release>-gitops-<tool>.zip)' },
];

function chartSource(kind: string | undefined, url: string | undefined): ChartSource {
  switch (kind ?? 'vendored') {
    case 'vendored':
      return { type: 'vendored' };
    case 'helm-repo':
    case 'oci':
      if (!url) throw new UsageError(`--chart-source ${kind} needs --chart-url`);
      return { type: kind as 'helm-repo' | 'oci', url };
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
    const chart = io.loadChart(parsed.positionals[0]);
    const config = configFromFlags(chart, parsed, io);
    const repo = await buildGitopsRepo(chart, config, {
      tool,
      repoUrl: flagString(parsed, 'repo-url'),
      branch: flagString(parsed, 'branch'),
      chartSource: chartSource(flagString(parsed, 'chart-source'), flagString(parsed, 'chart-url')),
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
