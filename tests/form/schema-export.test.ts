/**
 * `chartroom schema` on charts without values.schema.json: the exported schema describes the
 * chart (types, descriptions, subchart under its alias) and `helm lint --strict` passes with it
 * for the chart's defaults and every ci/ values file, under helm 3.17.3 and 4.1.4; a value of
 * the wrong type is then rejected, so the schema is in force.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '@/lib/cli/main';
import { loadChartFromDisk } from '@/lib/cli/node-io';
import type { CliIO } from '@/lib/cli/io';
import { runHelm } from '../helm/reference';

const CHARTS = [resolve('tests/form/charts/shop'), resolve('e2e/fixtures/documented')];
const HELMS = ['3.17.3', '4.1.4'];
const work = mkdtempSync(join(tmpdir(), 'chartroom-schema-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function exportSchema(chartDir: string, out: string): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const io: CliIO = {
    loadChart: (ref, helmVersion) => loadChartFromDisk(ref, undefined, undefined, helmVersion),
    readFile: () => new Uint8Array(),
    writeFile: (p, data) => writeFileSync(p, data),
    stdout: () => {},
    stderr: (t) => (stderr += t),
  };
  const status = await runCli(['schema', chartDir, '-o', out], io);
  return { status, stderr };
}

describe.each(CHARTS)('chartroom schema %s', (chartDir) => {
  const copy = join(work, chartDir.split('/').pop()!);
  const ciFiles = (() => {
    try {
      return readdirSync(join(chartDir, 'ci')).map((f) => join(copy, 'ci', f));
    } catch {
      return [];
    }
  })();

  it('writes an inferred schema', async () => {
    cpSync(chartDir, copy, { recursive: true });
    const r = await exportSchema(copy, join(copy, 'values.schema.json'));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Inferred from');
  });

  it.each(HELMS)('helm %s lint --strict passes for the defaults and every ci/ file', async (version) => {
    for (const args of [[], ...ciFiles.map((f) => ['-f', f])]) {
      const run = await runHelm(['lint', '--strict', copy, ...args], { version });
      expect(run.stdout + run.stderr, args.join(' ')).toContain('0 chart(s) failed');
      expect(run.status).toBe(0);
    }
  });

  it.each(HELMS)('helm %s lint rejects a replica count that is not a number', async (version) => {
    const run = await runHelm(['lint', '--strict', copy, '--set-string', 'replicaCount=many'], { version });
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/replicaCount/);
  });
});
