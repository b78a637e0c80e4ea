import { HelmError, failedReleaseOutput } from '../helm';
import { renderFromFlags } from './render-flags';
import { flagBool, flagList, flagString, parseArgs, usage, UsageError, HELM_VERSION_FLAG, type FlagSpec } from './args';
import type { CliIO, ExitCode } from './io';
import { CHART_REF_FLAGS } from './chart-ref-flags';

export const TEMPLATE_FLAGS: readonly FlagSpec[] = [
  { name: 'values', short: 'f', kind: 'slice', help: 'specify values in a YAML file (can specify multiple)' },
  { name: 'set', kind: 'array', help: 'set values on the command line (key1=val1,key2=val2)' },
  { name: 'set-string', kind: 'array', help: 'set STRING values on the command line' },
  { name: 'set-json', kind: 'array', help: 'set JSON values on the command line' },
  { name: 'set-file', kind: 'array', help: 'set values from files (key=path)' },
  { name: 'set-literal', kind: 'array', help: 'set a literal STRING value on the command line' },
  { name: 'namespace', short: 'n', kind: 'string', help: 'namespace scope for this request' },
  { name: 'kube-version', kind: 'string', help: 'Kubernetes version used for Capabilities.KubeVersion' },
  { name: 'api-versions', short: 'a', kind: 'slice', help: 'Kubernetes api versions used for Capabilities.APIVersions' },
  { name: 'include-crds', kind: 'bool', help: 'include CRDs in the templated output' },
  { name: 'skip-tests', kind: 'bool', help: 'skip tests from templated output' },
  { name: 'no-hooks', kind: 'bool', help: 'prevent hooks from running during install' },
  { name: 'show-only', short: 's', kind: 'array', help: 'only show manifests rendered from the given templates' },
  { name: 'is-upgrade', kind: 'bool', help: 'set .Release.IsUpgrade instead of .Release.IsInstall' },
  { name: 'skip-schema-validation', kind: 'bool', help: 'disable JSON schema validation' },
  HELM_VERSION_FLAG,
  ...CHART_REF_FLAGS,
  { name: 'dependency-update', kind: 'bool', help: 'update dependencies if they are missing before installing the chart' },
  { name: 'render-subchart-notes', kind: 'bool', help: 'if set, render subchart notes along with the parent' },
  { name: 'debug', kind: 'bool', help: 'enable verbose output (prints the manifests of a failed render)' },
  { name: 'trace', kind: 'string', help: 'write where each output line came from (template line, include chain, values read) to this JSON file' },
  { name: 'help', short: 'h', kind: 'bool', help: 'help for template' },
];

/** `chartroom template [NAME] CHART [flags]`: prints exactly what `helm template` prints. */
export function templateCommand(argv: string[], io: CliIO): ExitCode {
  let parsed;
  try {
    parsed = parseArgs(argv, TEMPLATE_FLAGS);
  } catch (e) {
    io.stderr(`Error: ${(e as Error).message}\n`);
    return 1;
  }
  if (flagBool(parsed, 'help')) {
    io.stdout(usage('template [NAME] [CHART] [flags]', TEMPLATE_FLAGS));
    return 0;
  }
  const pos = parsed.positionals;
  // helm's two checks: cobra's minimum (with usage), then its own complaint about extra arguments.
  if (pos.length < 1) {
    io.stderr(`Error: "chartroom template" requires at least 1 argument\n\n${usage('template [NAME] [CHART] [flags]', TEMPLATE_FLAGS)}`);
    return 1;
  }
  if (pos.length > 2) {
    io.stderr(`Error: expected at most two arguments, unexpected arguments: ${pos.slice(2).join(', ')}\n`);
    return 1;
  }
  const [releaseName, chartRef] = pos.length === 2 ? pos : ['release-name', pos[0]];
  try {
    const traceFile = flagString(parsed, 'trace');
    const result = renderFromFlags(parsed, releaseName, chartRef, io, traceFile === undefined ? {} : { trace: true });
    // The map first: a file that cannot be written is an error before anything is printed.
    if (traceFile !== undefined) io.writeFile(traceFile, new TextEncoder().encode(`${JSON.stringify(result.trace)}\n`));
    io.stdout(result.output);
    return 0;
  } catch (e) {
    if (e instanceof HelmError) reportFailedRelease(e, flagBool(parsed, 'debug'), flagList(parsed, 'show-only'), io);
    else if (e instanceof UsageError) io.stderr(`Error: ${e.message}\n`);
    else io.stderr(`Error: ${(e as Error).message}\n`);
    return 1;
  }
}

/** helm's template command after a failure: with `--debug`, the failed release's manifest first. */
function reportFailedRelease(e: HelmError, debug: boolean, showOnly: string[], io: CliIO): void {
  if (debug && e.afterRender) {
    try {
      io.stdout(failedReleaseOutput(e, showOnly));
    } catch (shown) {
      if (!(shown instanceof HelmError)) throw shown;
      io.stderr(`${shown.cliMessage}\n`);
      return;
    }
  }
  io.stderr(`${e.cliMessageFor(debug)}\n`);
}
