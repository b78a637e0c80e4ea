import { checkAgainstChart, chartContext, decodeShareLink, encodeShareLink, configHelmVersion } from '../share';
import { flagBool, flagHelmVersion, flagString, parseArgs, usage, UsageError, type FlagSpec } from './args';
import { CONFIG_FLAGS, configFromFlags, reportError, reportRemoved } from './bundle-command';
import type { CliIO, ExitCode } from './io';

export const SHARE_FLAGS: readonly FlagSpec[] = [
  ...CONFIG_FLAGS,
  { name: 'base-url', kind: 'string', help: 'page the link opens (default: print the #fragment only)' },
  { name: 'decode', kind: 'string', help: 'print the configuration a link carries instead (CHART optional: checks it against that chart)' },
];

const decoder = new TextDecoder();

/** `chartroom share CHART -f values.yaml [--base-url URL]` or `chartroom share --decode URL [CHART]`. */
export function shareCommand(argv: string[], io: CliIO): ExitCode {
  try {
    const parsed = parseArgs(argv, SHARE_FLAGS);
    if (flagBool(parsed, 'help')) {
      io.stdout(usage('share CHART -f values.yaml [--base-url URL] | share --decode URL [CHART]', SHARE_FLAGS));
      return 0;
    }
    const link = flagString(parsed, 'decode');
    if (link !== undefined) {
      const decoded = decodeShareLink(link);
      if (!decoded.ok) {
        io.stderr(`Error: ${decoded.message}\n`);
        return 1;
      }
      const c = decoded.config;
      const lines = [
        `chart: ${c.chart.name} ${c.chart.version}`,
        ...(c.chart.repository ? [`repository: ${c.chart.repository}`] : []),
        ...(c.chart.digest ? [`digest: ${c.chart.digest}`] : []),
        `release: ${c.release.name}`,
        `namespace: ${c.release.namespace}`,
        `helm-version: ${configHelmVersion(c)}${c.helmVersion ? '' : ' (the link names no version: made before Helm 4 support)'}`,
        ...(c.kubeVersion ? [`kube-version: ${c.kubeVersion}`] : []),
        ...(c.apiVersions?.length ? [`api-versions: ${c.apiVersions.join(',')}`] : []),
        ...(c.preset ? [`preset: ${c.preset}`] : []),
        '--- values.yaml',
        c.values.replace(/\n?$/, '\n'),
      ].join('\n');
      io.stdout(lines.endsWith('\n') ? lines : `${lines}\n`);
      for (const e of c.environments ?? []) io.stdout(`--- values-${e.name}.yaml${e.namespace ? ` (namespace ${e.namespace})` : ''}\n${e.values.replace(/\n?$/, '\n')}`);
      if (parsed.positionals.length === 1) {
        for (const n of checkAgainstChart(c, chartContext(io.loadChart(parsed.positionals[0], configHelmVersion(c)))).notices) io.stderr(`Notice: ${n}\n`);
      }
      return 0;
    }
    if (parsed.positionals.length !== 1) throw new UsageError('"chartroom share" requires exactly 1 argument: the chart (or --decode URL)');
    const chart = io.loadChart(parsed.positionals[0], flagHelmVersion(parsed));
    const config = configFromFlags(chart, parsed, io);
    const schema = chart.schema ? JSON.parse(decoder.decode(chart.schema)) : undefined;
    const shared = encodeShareLink(config, { schema, baseUrl: flagString(parsed, 'base-url') });
    reportRemoved(shared.removed, io);
    io.stdout(`${shared.url}\n`);
    return 0;
  } catch (e) {
    if (e instanceof SyntaxError) return reportError(new UsageError(`the chart's values.schema.json is not JSON: ${e.message}`), io);
    return reportError(e, io);
  }
}
