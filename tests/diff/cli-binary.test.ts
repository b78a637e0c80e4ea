import { describe, expect, test } from 'vitest';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { runHelm, REFERENCE } from '../helm/reference';

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
