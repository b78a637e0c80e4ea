import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { removeChart, runHelm, writeChart, REFERENCE } from '../helm/reference';

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

describe('node bin/chartroom.cjs with recursion deeper than the main thread holds', () => {
  // 990 nested includes (helm allows 1000) exhaust V8's default stack: the CLI renders them again
  // on a thread with a bigger stack and prints only that render.
  const files = {
    'Chart.yaml': 'apiVersion: v2\nname: deep\nversion: 0.1.0\n',
    'templates/t.yaml': '{{- define "r" -}}{{- if lt (int .) 990 -}}{{ include "r" (add1 .) }}{{- else -}}{{ . }}{{- end -}}{{- end -}}\ndepth: {{ include "r" 0 | quote }}\n',
    'templates/loop.yaml': '{{- define "loop" -}}{{ include "loop" . }}{{- end -}}\n{{- if .Values.loop }}{{ include "loop" . }}{{ end }}\n',
  };
  const node = (args: string[]): Promise<{ status: number; stdout: string; stderr: string }> =>
    new Promise((res) => {
      execFile(process.execPath, [resolve(ROOT, 'bin/chartroom.cjs'), ...args, '--helm-version', REFERENCE.setting], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
        res({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr });
      });
    });
  test.each([
    ['renders 990 nested includes as helm does', []],
    ['stops endless include recursion with helm\'s message', ['--set', 'loop=true']],
  ])('%s', async (_name, args) => {
    const dir = writeChart(files);
    try {
      const argv = ['template', 'release-name', dir, ...args];
      const [ours, helm] = await Promise.all([node(argv), runHelm(argv)]);
      expect(ours.status).toBe(helm.status);
      expect(ours.stdout).toBe(helm.stdout);
      expect(ours.stderr).toBe(helm.stderr);
    } finally {
      removeChart(dir);
    }
  });
});
