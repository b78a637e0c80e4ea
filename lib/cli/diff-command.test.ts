/** `chartroom diff upgrade`: its exit codes (as diff's), formats and errors, on the storefront fixture. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from '../../tests/upgrade/fixture';
import { runCli } from './main';
import { loadChartFromDisk } from './node-io';
import type { CliIO } from './io';
import type { UpgradeReport } from '../upgrade/types';

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    loadChart: (ref, helmVersion) => loadChartFromDisk(ref, FIXTURE_DIR, undefined, helmVersion),
    readFile: (p) => readFileSync(`${FIXTURE_DIR}/${p}`),
    writeFile: () => {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

const UPGRADE = ['diff', 'upgrade', 'storefront-1', 'storefront-2', '-f', 'values-a.yaml', '--release-name', 'shop'];

describe('chartroom diff upgrade', () => {
  it('exits 2 when the upgrade changes something, and prints the report', async () => {
    const r = await run(UPGRADE);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Upgrade preview: storefront 1.0.0 -> storefront 2.0.0');
    expect(r.stdout).toMatch(/no longer read +service\.port = 9090 +\(now service\.http\.port\?\)/);
    expect(r.stdout).toContain('Resources: 3 added, 3 removed, 5 changed, 1 renamed, 2 unchanged');
    expect(r.stdout).toContain('-  serviceName: shop-db\n    +  serviceName: shop-db-headless');
  });

  it('exits 0 when nothing changes', async () => {
    const r = await run(['diff', 'upgrade', 'storefront-1', 'storefront-1', '-f', 'values-a.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Resources: 11 unchanged');
  });

  it('--set takes part like -f', async () => {
    const r = await run([...UPGRADE, '--set', 'service.port=7070,extra=1', '--format', 'json']);
    const report = JSON.parse(r.stdout) as UpgradeReport;
    expect(report.values.overrides.find((o) => o.path === 'service.port')).toMatchObject({ value: 7070, status: 'unread' });
    // Read by neither version: nothing to say but that it stays as it was.
    expect(report.values.overrides.find((o) => o.path === 'extra')).toMatchObject({ value: 1, status: 'kept' });
  });

  it('--format json prints the report as data', async () => {
    const r = await run([...UPGRADE, '--format', 'json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as UpgradeReport;
    expect(report.values.overrides.find((o) => o.path === 'listenAddress')).toMatchObject({ status: 'unread', suggestion: 'bindAddress' });
    expect(report.changed).toBe(true);
  });

  it.each([
    [['diff', 'upgrade', 'storefront-1'], /requires exactly 2 arguments/],
    [['diff', 'versions', 'a', 'b'], /unknown diff "versions"/],
    [[...UPGRADE, '--format', 'yaml'], /--format must be text or json, not "yaml"/],
    [['diff', 'upgrade', 'storefront-1', 'nowhere'], /path "nowhere" not found|nowhere/],
    [['diff', 'upgrade', 'storefront-1', 'storefront-2', '--set', 'service=x'], /storefront 1\.0\.0 does not render with these values/],
  ])('%j fails with 1, never 2', async (args, message) => {
    const r = await run(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
  });
});
