/**
 * Charts built to exhaust memory: the CLI, on Node and as the standalone executable, stops at
 * helm's size limits with the reference helm's message (4.1.4 or 3.17.3), quickly and in bounded
 * memory, for archives (a 2.5 GB file; 640 files of 4 MB) and for chart folders (a 500 MB file is
 * refused from its size, not read). Each run is a child process whose peak memory the kernel
 * reports to GNU time (`%M`, the same figure for either runtime); before the loader streamed,
 * these peaked at 2.5 GB.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCliBinary, CLI_PROCESSES, type CliProcess } from '../diff/cli-process';
import { REFERENCE, runHelm } from '../helm/reference';
import { writeBombArchive } from './bomb-archives';

const CHART_YAML = 'apiVersion: v2\nname: bomb\nversion: 0.1.0\n';
const MB = 1000 * 1000;
/** GNU time (Debian's `time`, which npm test installs when it is missing). */
const GNU_TIME = '/usr/bin/time';
let work = '';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI process, in MB. */
  peakMB: number;
  seconds: number;
}

/** `chartroom ARGS` as `cli` (in the reference helm's version), in a child process whose peak memory GNU time reports when it exits. */
function chartroomChild(cli: CliProcess, args: string[]): Promise<Run> {
  if (args[0] === 'template') args = [...args, '--helm-version', REFERENCE.setting];
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const started = performance.now();
  return new Promise((res, rej) => {
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', rssFile, cli.file, ...cli.args, ...args], { cwd: work });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (status) => {
      // The last line is the peak resident set in KiB (a failed command's status line comes before it).
      const kib = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
      res({ status: status ?? 1, stdout, stderr, peakMB: kib / 1024, seconds: (performance.now() - started) / 1000 });
    });
  });
}

beforeAll(async () => {
  buildCliBinary();
  work = mkdtempSync(join(tmpdir(), 'chartroom-bombs-'));
  const templates = { name: 'bomb/templates/cm.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n' };
  writeBombArchive(join(work, 'one-file.tgz'), [{ name: 'bomb/Chart.yaml', text: CHART_YAML }, templates, { name: 'bomb/big.txt', zeros: 2500 * MB }]);
  writeBombArchive(join(work, 'many-files.tgz'), [
    { name: 'bomb/Chart.yaml', text: CHART_YAML },
    templates,
    ...Array.from({ length: 640 }, (_, i) => ({ name: `bomb/files/f${String(i).padStart(3, '0')}.txt`, zeros: 4 * MB })),
  ]);
  // A sparse file: 500 MB by its size, nothing on disk.
  mkdirSync(join(work, 'folder/templates'), { recursive: true });
  writeFileSync(join(work, 'folder/Chart.yaml'), CHART_YAML);
  writeFileSync(join(work, 'folder/templates/cm.yaml'), templates.text);
  writeFileSync(join(work, 'folder/big.bin'), '');
  truncateSync(join(work, 'folder/big.bin'), 500 * MB);
  // Warm the CLIs (the bundle's code cache) so that timings measure the run, not the build.
  for (const cli of CLI_PROCESSES) await chartroomChild(cli, ['--help']);
}, 180_000);
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

describe.each(CLI_PROCESSES)('$label', (cli) => {
  describe(`archive and folder bombs: helm ${REFERENCE.release} limits, messages and bounded memory`, () => {
    test.each([
      ['a 2.5 GB file in a 2.5 MB archive', 'one-file.tgz'],
      ['640 files of 4 MB in one archive', 'many-files.tgz'],
      ['a 500 MB file in a chart folder', 'folder'],
    ])('%s', async (_name, chart) => {
      const [helm, ours] = [await runHelm(['template', 'r', chart], { cwd: work }), await chartroomChild(cli, ['template', 'r', chart])];
      expect(helm.status).not.toBe(0);
      expect(ours.status).toBe(1);
      expect(ours.stderr).toBe(helm.stderr);
      expect(ours.stdout).toBe('');
      // The limit keeps at most 100 MiB of chart; Node itself takes about 80 MB.
      expect(ours.peakMB).toBeLessThan(300);
      expect(ours.seconds).toBeLessThan(30);
    });
  });

  describe(`symbolic links and special files in a chart folder: helm ${REFERENCE.release}`, () => {
    test.each([
      ['links to a file and a folder are followed, each with helm\'s notice', (dir: string) => {
        writeFileSync(join(work, 'outside.txt'), 'hi\n');
        symlinkSync(join(work, 'outside.txt'), join(dir, 'linked.txt'));
        mkdirSync(join(work, 'outside'));
        writeFileSync(join(work, 'outside/secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n');
        symlinkSync(join(work, 'outside'), join(dir, 'templates/linked'));
      }],
      ['a link that leads nowhere', (dir: string) => symlinkSync(join(work, 'missing'), join(dir, 'dangling'))],
      ['a link into a folder that is not there', (dir: string) => symlinkSync(join(work, 'absent/crd/bases'), join(dir, 'crds'))],
      ['a named pipe', (dir: string) => execFileSync('mkfifo', [join(dir, 'pipe')])],
    ])('%s', async (_name, arrange) => {
      const dir = join(work, `links-${Math.random().toString(36).slice(2)}`);
      mkdirSync(join(dir, 'templates'), { recursive: true });
      writeFileSync(join(dir, 'Chart.yaml'), CHART_YAML);
      writeFileSync(join(dir, 'templates/cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
      arrange(dir);
      try {
        const [helm, ours] = [await runHelm(['template', 'r', dir]), await chartroomChild(cli, ['template', 'r', dir])];
        expect(ours.status).toBe(helm.status);
        expect(ours.stdout).toBe(helm.stdout);
        expect(ours.stderr).toBe(helm.stderr);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(join(work, 'outside'), { recursive: true, force: true });
        rmSync(join(work, 'outside.txt'), { force: true });
      }
    });
  });
});
