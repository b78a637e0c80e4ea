/**
 * The CLI in its own process, each way it ships: on Node (`bin/chartroom.cjs`, what an npm install
 * links) and as the standalone executable (`dist/chartroom`, scripts/build-cli-binary.mjs, for CI
 * pipelines). Both run the same bundle; the differential suites run each against helm.
 */
import { execFile, execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { HelmRun } from '../helm/reference';

const ROOT = resolve(__dirname, '../..');

export interface CliProcess {
  label: string;
  file: string;
  args: string[];
}

export const NODE_CLI: CliProcess = { label: 'node bin/chartroom.cjs', file: process.execPath, args: [join(ROOT, 'bin', 'chartroom.cjs')] };
export const BINARY_CLI: CliProcess = { label: 'standalone dist/chartroom', file: join(ROOT, 'dist', 'chartroom'), args: [] };
export const CLI_PROCESSES: readonly CliProcess[] = [NODE_CLI, BINARY_CLI];

/**
 * Builds the standalone executable from the sources under test, unless dist/ holds it already (a
 * few seconds when it must). Suites that run it call this in `beforeAll`.
 */
export function buildCliBinary(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli-binary.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

/** Runs `chartroom ARGS` as `cli`, with its exit status and both streams whole. */
export function runCliProcess(cli: CliProcess, args: string[], opts: { cwd?: string } = {}): Promise<HelmRun> {
  return new Promise((res) => {
    execFile(cli.file, [...cli.args, ...args], { cwd: opts.cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      res({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}
