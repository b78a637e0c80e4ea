import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../lib/cli/main';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import type { CliIO } from '../../lib/cli/io';
import { helmLogLine, DEFAULT_HELM_VERSION } from '../../lib/helm';
import { REFERENCE } from '../helm/reference';

const CHARTS = resolve(dirname(fileURLToPath(import.meta.url)), 'charts');

/**
 * Runs the CLI in-process with paths relative to the fixture folder, capturing output.
 * `template` renders as the reference helm of this run unless the args say otherwise.
 */
export function chartroom(args: string[], cwd = CHARTS): { status: number; stdout: string; stderr: string } {
  if (args[0] === 'template' && !args.includes('--helm-version')) args = [...args, '--helm-version', REFERENCE.setting];
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    loadChart: (ref, helmVersion) => loadChartFromDisk(ref, cwd, (m) => (stderr += `${helmLogLine(m, helmVersion ?? DEFAULT_HELM_VERSION)}\n`), helmVersion),
    readFile: (p) => readFileSync(resolve(cwd, p)),
    writeFile: () => {
      throw new Error('not used');
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const status = runCli(args, io);
  // Rendering commands finish synchronously; only the archive writers are asynchronous.
  if (typeof status !== 'number') throw new Error(`chartroom ${args[0]} is asynchronous: await runCli instead`);
  return { status, stdout, stderr };
}


/**
 * Helm logs warnings before its error; the error is what follows the last `Error: `.
 * Schema errors are listed in Go map order, which varies from run to run of helm itself, so
 * each chart's problems are compared in sorted order: Helm 3's lines, Helm 4's items together
 * with the causes indented below them (sorted the same way, level by level).
 */
export function errorText(stderr: string): string {
  const i = stderr.lastIndexOf('Error: ');
  const text = i < 0 ? '' : stderr.slice(i).trimEnd();
  if (!text.startsWith("Error: values don't meet the specifications")) return text;
  const blocks: string[][] = [];
  for (const line of text.split('\n')) {
    if (/^ *- /.test(line)) blocks[blocks.length - 1].push(line);
    else blocks.push([line]);
  }
  return blocks.map(([head, ...items]) => [head, ...sortTree(items, 0)].join('\n')).join('\n');
}

/** Items at one indentation level, each with the deeper lines under it, sorted recursively. */
function sortTree(lines: string[], depth: number): string[] {
  const prefix = `${'  '.repeat(depth)}- `;
  const items: string[][] = [];
  for (const line of lines) {
    if (line.startsWith(prefix) || items.length === 0) items.push([line]);
    else items[items.length - 1].push(line);
  }
  return items
    .map(([first, ...rest]) => [first, ...sortTree(rest, depth + 1)].join('\n'))
    .sort()
    .flatMap((item) => item.split('\n'));
}
