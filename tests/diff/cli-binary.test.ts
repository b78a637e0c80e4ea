import { beforeAll, describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { removeChart, runHelm, writeChart, REFERENCE } from '../helm/reference';
import { BINARY_CLI, buildCliBinary, CLI_PROCESSES, NODE_CLI, runCliProcess } from './cli-process';

beforeAll(buildCliBinary);

/** Aeterna's local KMS key is `randBytes 32`, new on every run. */
const withoutRandomKey = (stdout: string) => stdout.replace(/^( {2}AETERNA_LOCAL_KMS_KEY: )"[A-Za-z0-9+/]{59}="$/m, '$1<44 base64 characters>');

/** The installed command itself (`npx --no-install chartroom`), as CI pipelines call it. */
const CHARTS = resolve(__dirname, 'charts');
const ROOT = resolve(__dirname, '../..');

function npxChartroom(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile('npx', ['--no-install', 'chartroom', ...args], { cwd: CHARTS, env: { ...process.env, npm_config_prefix: ROOT } }, (err, stdout, stderr) => {
      res({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npx --no-install chartroom', () => {
  test.each([
    ['renders like helm template', ['template', 'rel', 'umbrella', '--set', 'backend.enabled=true', '-n', 'ns']],
    ['fails like helm template', ['template', 'rel', 'failures', '--set', 'mode=required']],
  ])('%s', async (_name, args) => {
    const [ours, helm] = await Promise.all([npxChartroom([...args, '--helm-version', REFERENCE.setting]), runHelm(args, { cwd: CHARTS })]);
    expect(ours.status !== 0).toBe(helm.status !== 0);
    expect(ours.stdout).toBe(helm.stdout);
    // npm itself may warn on stderr about the machine's npm config; the command's own text is what counts.
    const own = (s: string) => s.split('\n').filter((l) => !l.startsWith('npm warn')).join('\n');
    expect(own(ours.stderr)).toBe(own(helm.stderr));
  });

  test('prints usage for an unknown command and exits non-zero', async () => {
    const r = await npxChartroom(['frobnicate']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});

describe.each(CLI_PROCESSES)('$label with recursion deeper than the main thread holds', (cliProcess) => {
  // 990 nested includes (helm allows 1000) exhaust V8's default stack: the CLI renders them again
  // on a thread with a bigger stack and prints only that render (JavaScriptCore's main thread, in
  // the standalone executable, holds them).
  const files = {
    'Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
    'templates/t.yaml': '{{- define "r" -}}{{- if lt (int .) 990 -}}{{ include "r" (add1 .) }}{{- else -}}{{ . }}{{- end -}}{{- end -}}\ndepth: {{ include "r" 0 | quote }}\n',
    'templates/loop.yaml': '{{- define "loop" -}}{{ include "loop" . }}{{- end -}}\n{{- if .Values.loop }}{{ include "loop" . }}{{ end }}\n',
  };
  test.each([
    ['renders 990 nested includes as helm does', []],
    ['stops endless include recursion with helm\'s message', ['--set', 'loop=true']],
  ])('%s', async (_name, args) => {
    const dir = writeChart(files);
    try {
      const argv = ['template', 'release-name', dir, ...args];
      const [ours, helm] = await Promise.all([runCliProcess(cliProcess, [...argv, '--helm-version', REFERENCE.setting]), runHelm(argv)]);
      expect(ours.status).toBe(helm.status);
      expect(ours.stdout).toBe(helm.stdout);
      expect(ours.stderr).toBe(helm.stderr);
    } finally {
      removeChart(dir);
    }
  });
});

describe('the standalone executable', () => {
  test('digests as helm does (its sha1sum, sha256sum and sha512sum hash with node:crypto)', async () => {
    const dir = writeChart({
      'Chart.yaml': 'apiVersion: v2\nname: digests\nversion: 0.1.0\n',
      'templates/cm.yaml': '{{- range list "" "abc" "caf\u00e9 \u{1f600}" (repeat 1000 "x") }}\n- {{ sha1sum . }} {{ sha256sum . }} {{ sha512sum . }}{{ end }}\n',
    });
    try {
      const argv = ['template', 'rel', dir];
      const [ours, helm] = await Promise.all([runCliProcess(BINARY_CLI, [...argv, '--helm-version', REFERENCE.setting]), runHelm(argv)]);
      expect(ours).toEqual(helm);
    } finally {
      removeChart(dir);
    }
  });

  test('answers --version and --help as the Node CLI does', async () => {
    const version = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).version as string;
    for (const args of [['--version'], ['--help'], ['template', '--help']]) {
      const [node, binary] = await Promise.all([runCliProcess(NODE_CLI, args), runCliProcess(BINARY_CLI, args)]);
      expect(binary).toEqual(node);
      expect(binary.status).toBe(0);
    }
    expect((await runCliProcess(BINARY_CLI, ['--version'])).stdout).toBe(`chartroom ${version} (renders as helm 4.1.4; helm 3.17.3 with --helm-version 3)\n`);
  });

  test('copied elsewhere, renders a bundled chart by name as the Node CLI does', async () => {
    // Nothing of the checkout is beside the copy, nor under the folder it runs in: the charts are in the executable.
    const dir = mkdtempSync(join(tmpdir(), 'chartroom-binary-'));
    try {
      const copy = join(dir, 'chartroom');
      copyFileSync(BINARY_CLI.file, copy);
      // Aeterna's dependencies are fetched when it renders by name (or left out, with a notice, where there is no network).
      const args = ['template', 'rel', 'aeterna'];
      const [node, binary] = await Promise.all([runCliProcess(NODE_CLI, args, { cwd: dir }), runCliProcess({ label: 'copy', file: copy, args: [] }, args, { cwd: dir })]);
      expect(binary.status).toBe(node.status);
      expect(withoutRandomKey(binary.stdout)).toBe(withoutRandomKey(node.stdout));
      expect(binary.stdout).toContain('# Source: aeterna/templates/deployment.yaml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
