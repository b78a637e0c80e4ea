import { HelmError } from '../helm';
import { formatUpgradeReport, upgradeReport } from '../upgrade';
import { flagHelmVersion, flagList, flagString, flagBool, parseArgs, usage, UsageError, HELM_VERSION_FLAG, type FlagSpec } from './args';
import type { CliIO, ExitCode } from './io';
import { valuesFromFlags } from './render-flags';

const DIFF_UPGRADE_FLAGS: readonly FlagSpec[] = [
  { name: 'values', short: 'f', kind: 'slice', help: 'specify values in a YAML file (can specify multiple)' },
  { name: 'set', kind: 'array', help: 'set values on the command line (key1=val1,key2=val2)' },
  { name: 'set-string', kind: 'array', help: 'set STRING values on the command line' },
  { name: 'set-json', kind: 'array', help: 'set JSON values on the command line' },
  { name: 'set-file', kind: 'array', help: 'set values from files (key=path)' },
  { name: 'set-literal', kind: 'array', help: 'set a literal STRING value on the command line' },
  { name: 'release-name', kind: 'string', help: 'release name (default "release-name")' },
  { name: 'namespace', short: 'n', kind: 'string', help: 'namespace scope for this request' },
  { name: 'kube-version', kind: 'string', help: 'Kubernetes version of the target cluster (for APIs it no longer serves)' },
  { name: 'api-versions', short: 'a', kind: 'slice', help: 'Kubernetes api versions used for Capabilities.APIVersions' },
  HELM_VERSION_FLAG,
  { name: 'format', kind: 'string', help: 'text (default) or json' },
  { name: 'help', short: 'h', kind: 'bool', help: 'help for diff upgrade' },
];

const USAGE = 'diff upgrade OLD_CHART NEW_CHART [-f values.yaml] [--set ...] [--format text|json]';

/**
 * `chartroom diff upgrade OLD_CHART NEW_CHART -f values.yaml`: what the upgrade changes for this
 * configuration. Exits 0 when nothing changes and 2 when something does, as `diff` does.
 */
export function diffCommand(argv: string[], io: CliIO): ExitCode {
  const [sub, ...rest] = argv;
  if (sub !== 'upgrade') {
    io.stderr(sub === undefined || sub === '--help' || sub === '-h' ? usage(USAGE, DIFF_UPGRADE_FLAGS) : `Error: unknown diff "${sub}": only "chartroom ${USAGE}" exists\n`);
    return sub === '--help' || sub === '-h' ? 0 : 1;
  }
  try {
    const parsed = parseArgs(rest, DIFF_UPGRADE_FLAGS);
    if (flagBool(parsed, 'help')) {
      io.stdout(usage(USAGE, DIFF_UPGRADE_FLAGS));
      return 0;
    }
    if (parsed.positionals.length !== 2) throw new UsageError(`"chartroom diff upgrade" requires exactly 2 arguments: OLD_CHART NEW_CHART\n\n${usage(USAGE, DIFF_UPGRADE_FLAGS)}`);
    const format = flagString(parsed, 'format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const helmVersion = flagHelmVersion(parsed);
    const [oldRef, newRef] = parsed.positionals;
    const from = io.loadChart(oldRef, helmVersion);
    const to = io.loadChart(newRef, helmVersion);
    const values = valuesFromFlags(parsed, io, helmVersion);
    const report = upgradeReport({
      from: { chart: from, values },
      to: { chart: to, values },
      release: {
        helmVersion,
        releaseName: flagString(parsed, 'release-name'),
        namespace: flagString(parsed, 'namespace'),
        kubeVersion: flagString(parsed, 'kube-version'),
        apiVersions: flagList(parsed, 'api-versions'),
      },
    });
    io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatUpgradeReport(report));
    return report.changed ? 2 : 0;
  } catch (e) {
    if (e instanceof HelmError) io.stderr(`${e.cliMessage}\n`);
    else io.stderr(`Error: ${(e as Error).message}\n`);
    // 2 means "differs", so trouble is 1 and never reads as a difference.
    return 1;
  }
}
