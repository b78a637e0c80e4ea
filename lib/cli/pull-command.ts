/**
 * `chartroom pull CHART_REF [--repo URL] [--version C] [-d DIR] [--untar]`: helm pull. The archive
 * is checked (index digest, archive limits) before anything is written.
 */
import { loadArchiveFiles, loadChartArchive, downloadChart } from '../helm';
import { flagBool, flagString, parseArgs, usage, UsageError, HELM_VERSION_FLAG, type FlagSpec } from './args';
import { CHART_REF_FLAGS } from './chart-ref';
import { downloadEnv } from './download-env';
import type { CliIO, ExitCode } from './io';

export const PULL_FLAGS: readonly FlagSpec[] = [
  ...CHART_REF_FLAGS,
  { name: 'destination', short: 'd', kind: 'string', help: 'location to write the chart (default ".")' },
  { name: 'untar', kind: 'bool', help: 'if set to true, will untar the chart after downloading it' },
  { name: 'untardir', kind: 'string', help: 'if untar is specified, this flag specifies the name of the directory into which the chart is expanded (default ".")' },
  { name: 'devel', kind: 'bool', help: 'use development versions, too (equivalent to version ">0.0.0-0"); ignored if --version is set' },
  HELM_VERSION_FLAG,
  { name: 'help', short: 'h', kind: 'bool', help: 'help for pull' },
];

const USAGE = 'pull [chart URL | repo/chartname] [...] [flags]';

export async function pullCommand(argv: string[], io: CliIO): Promise<ExitCode> {
  try {
    const parsed = parseArgs(argv, PULL_FLAGS);
    if (flagBool(parsed, 'help')) {
      io.stdout(usage(USAGE, PULL_FLAGS));
      return 0;
    }
    if (parsed.positionals.length < 1) throw new UsageError(`"chartroom pull" requires at least 1 argument\n\n${usage(USAGE, PULL_FLAGS)}`.trimEnd());
    if (!io.disk) throw new Error('pull writes to a disk, which this chartroom has not got');
    const disk = io.disk;
    const version = flagString(parsed, 'version') ?? (flagBool(parsed, 'devel') ? '>0.0.0-0' : '');
    const dest = flagString(parsed, 'destination') ?? '.';
    for (const ref of parsed.positionals) {
      const got = await downloadChart(ref, { repoUrl: flagString(parsed, 'repo'), version }, downloadEnv(parsed, io));
      if (got.manifestDigest) io.stderr(`Pulled: ${got.url.replace(/^oci:\/\//, '')}\nDigest: ${got.manifestDigest}\n`);
      if (flagBool(parsed, 'untar')) {
        const files = loadArchiveFiles(got.bytes);
        const top = topFolder(got.bytes);
        const dir = disk.join(disk.join(dest, flagString(parsed, 'untardir') ?? '.'), top);
        disk.writeTree(dir, files.map((f) => ({ name: f.name, data: f.data })));
      } else {
        io.writeFile(disk.join(dest, got.fileName), got.bytes);
      }
    }
    return 0;
  } catch (e) {
    io.stderr(`Error: ${(e as Error).message}\n`);
    return 1;
  }
}

/** The folder helm untars into: the chart's name from its Chart.yaml (chartutil.Expand). */
function topFolder(tgz: Uint8Array): string {
  return loadChartArchive(tgz).metadata.name;
}
