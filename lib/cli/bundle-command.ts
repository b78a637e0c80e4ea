import { buildValuesBundle, ExportError } from '../export';
import type { Chart } from '../helm';
import { CONFIG_FORMAT, validateConfig, type ChartroomConfig, ValuesTextError } from '../share';
import { flagBool, flagHelmVersion, flagList, flagString, parseArgs, usage, UsageError, HELM_VERSION_FLAG, type FlagSpec, type ParsedArgs } from './args';
import type { CliIO, ExitCode } from './io';
import { CHART_REF_FLAGS, chartOrigin } from './chart-ref-flags';

/** Flags that describe a configuration, shared by bundle, gitops and share. */
export const CONFIG_FLAGS: readonly FlagSpec[] = [
  { name: 'values', short: 'f', kind: 'array', help: 'the values.yaml with what differs from the chart defaults' },
  { name: 'release', kind: 'string', help: 'release name (default: the chart name)' },
  { name: 'namespace', short: 'n', kind: 'string', help: 'namespace of the release (default "default")' },
  { name: 'env', kind: 'array', help: 'an environment and its values file, NAME=FILE (can repeat)' },
  HELM_VERSION_FLAG,
  { name: 'kube-version', kind: 'string', help: 'Kubernetes version to render for, e.g. 1.31.0' },
  { name: 'api-versions', short: 'a', kind: 'slice', help: 'API versions the cluster serves beyond the built-in ones' },
  { name: 'preset', kind: 'string', help: 'name of the chart preset the values started from (recorded only)' },
  ...CHART_REF_FLAGS,
  { name: 'help', short: 'h', kind: 'bool', help: 'show this help' },
];

const decoder = new TextDecoder();

/** The configuration the flags describe, as the configurator would build it. */
export function configFromFlags(chart: Chart, parsed: ParsedArgs, io: CliIO): ChartroomConfig {
  const valueFiles = flagList(parsed, 'values');
  if (valueFiles.length > 1) throw new UsageError('give one values file with -f (it holds what differs from the chart defaults)');
  const environments = flagList(parsed, 'env').map((spec) => {
    const eq = spec.indexOf('=');
    if (eq <= 0) throw new UsageError(`--env wants NAME=FILE, got "${spec}"`);
    return { name: spec.slice(0, eq), values: decoder.decode(io.readFile(spec.slice(eq + 1))) };
  });
  // A downloaded chart's repository and digest, so the configuration reopens it in the page.
  const origin = chartOrigin(chart);
  const raw: ChartroomConfig = {
    format: CONFIG_FORMAT,
    chart: { name: chart.metadata.name, version: chart.metadata.version, ...(origin?.repository ? { repository: origin.repository } : {}), ...(origin ? { digest: origin.digest } : {}) },
    release: { name: flagString(parsed, 'release') ?? chart.metadata.name, namespace: flagString(parsed, 'namespace') ?? 'default' },
    helmVersion: flagHelmVersion(parsed),
    values: valueFiles.length ? decoder.decode(io.readFile(valueFiles[0])) : '',
  };
  const kube = flagString(parsed, 'kube-version');
  if (kube) raw.kubeVersion = kube;
  const apis = flagList(parsed, 'api-versions');
  if (apis.length) raw.apiVersions = apis;
  const preset = flagString(parsed, 'preset');
  if (preset) raw.preset = preset;
  if (environments.length) raw.environments = environments;
  const checked = validateConfig(raw);
  if (!checked.ok) throw new UsageError(checked.message);
  return checked.config;
}

/** Prints an error the way every export command does; returns the exit code. */
export function reportError(e: unknown, io: CliIO): ExitCode {
  if (e instanceof UsageError || e instanceof ExportError || e instanceof ValuesTextError) io.stderr(`Error: ${e.message}\n`);
  else io.stderr(`Error: ${(e as Error).message}\n`);
  return 1;
}

/** Tells which secret values were left out. */
export function reportRemoved(removed: readonly string[], io: CliIO): void {
  if (removed.length) io.stderr(`Left out because they are secrets: ${removed.join(', ')}\n`);
}

export const BUNDLE_FLAGS: readonly FlagSpec[] = [
  ...CONFIG_FLAGS,
  { name: 'output', short: 'o', kind: 'string', help: 'zip file to write (default <release>-values.zip)' },
  { name: 'manifests', kind: 'bool', help: 'add the rendered objects, one file each, for review' },
  { name: 'chart-ref', kind: 'string', help: 'how install.sh finds the chart (default ./<chart name>)' },
];

/** `chartroom bundle CHART -f values.yaml [--env NAME=FILE…] -o bundle.zip`. */
export async function bundleCommand(argv: string[], io: CliIO): Promise<ExitCode> {
  try {
    const parsed = parseArgs(argv, BUNDLE_FLAGS);
    if (flagBool(parsed, 'help')) {
      io.stdout(usage('bundle CHART -f values.yaml [flags]', BUNDLE_FLAGS));
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new UsageError('"chartroom bundle" requires exactly 1 argument: the chart');
    const chart = io.loadChart(parsed.positionals[0], flagHelmVersion(parsed));
    const config = configFromFlags(chart, parsed, io);
    const bundle = await buildValuesBundle(chart, config, { includeManifests: flagBool(parsed, 'manifests'), chartRef: flagString(parsed, 'chart-ref') });
    const out = flagString(parsed, 'output') ?? bundle.fileName;
    io.writeFile(out, bundle.zip);
    reportRemoved(bundle.removed, io);
    for (const w of bundle.warnings) io.stderr(`Warning: ${w}\n`);
    io.stdout(`Wrote ${out} (${bundle.files.length} files)\n`);
    return 0;
  } catch (e) {
    return reportError(e, io);
  }
}
