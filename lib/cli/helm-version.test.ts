/**
 * `--helm-version`: every command takes it, 4 (4.1) by default, 3 (3.17) on request, and a
 * value it does not know is refused with the accepted ones. What each version renders is
 * compared with the real helms by the differential suites; this pins the flag itself.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import { loadChartFromDisk } from './node-io';
import type { CliIO } from './io';

const FIXTURES = resolve(__dirname, '../../tests/diff/charts');

async function run(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    loadChart: (ref, helmVersion) => loadChartFromDisk(ref, FIXTURES, undefined, helmVersion),
    readFile: () => new Uint8Array(),
    writeFile: () => {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const status = await runCli(args, io);
  return { status, stdout, stderr };
}

const kinds = (out: string) => [...out.matchAll(/^kind: (\S+)$/gm)].map((m) => m[1]);

describe('--helm-version', () => {
  it('renders as Helm 4 by default and as Helm 3 on request', async () => {
    const h4 = await run(['template', 'r', 'kinds']);
    expect(h4.status).toBe(0);
    for (const v of ['4', '4.1']) expect((await run(['template', 'r', 'kinds', '--helm-version', v])).stdout).toBe(h4.stdout);
    const h3 = await run(['template', 'r', 'kinds', '--helm-version', '3']);
    expect((await run(['template', 'r', 'kinds', '--helm-version', '3.17'])).stdout).toBe(h3.stdout);
    // Helm 4 installs webhook configurations right after APIService; Helm 3 sorts them as unknown kinds.
    const order = (out: string) => kinds(out).filter((k) => ['APIService', 'MutatingWebhookConfiguration', 'Aardvark'].includes(k));
    expect(order(h4.stdout)).toEqual(['APIService', 'MutatingWebhookConfiguration', 'Aardvark']);
    expect(order(h3.stdout)).toEqual(['APIService', 'Aardvark', 'MutatingWebhookConfiguration']);
  });

  it('is refused when it names no Helm chartroom knows', async () => {
    for (const cmd of [['template', 'r', 'kinds'], ['lint', 'kinds'], ['share', 'kinds'], ['bundle', 'kinds'], ['gitops', 'kinds', '--tool', 'flux']]) {
      const r = await run([...cmd, '--helm-version', '2']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('invalid --helm-version "2": use 4 (or 4.1) or 3 (or 3.17)');
    }
  });
});
