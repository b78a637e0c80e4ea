import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { firstDifference, runHelm } from '../helm/reference';
import { removeStandins, withStandins } from '../charts/standins';
import { chartroom, errorText } from './chartroom-cli';

/**
 * The bundled charts through helm and chartroom: defaults, every preset (`values-*.yaml`),
 * every `ci/` scenario and, for Aeterna, each dependency bundled or external (8 combinations).
 * Remote dependencies are stand-ins (tests/charts/standins.ts), exactly as helm sees them here.
 */
const ROOT = resolve(__dirname, '../..');

/**
 * Generated secrets are random in helm too: where two helm runs differ, only these lines may be
 * masked before comparing (each is a generated value or a checksum over one).
 */
const GENERATED = /^(\s*(?:AETERNA_LOCAL_KMS_KEY|admin-api-key|ml-service-api-key|redis-password|checksum\/secret): ).*$/gm;
const mask = (s: string) => s.replace(GENERATED, '$1<generated>');

interface Case {
  name: string;
  args: string[];
}

function chartCases(chart: string): Case[] {
  const dir = join(ROOT, 'charts', chart);
  const files = readdirSync(dir);
  const cases: Case[] = [{ name: 'defaults', args: [] }];
  for (const f of files.filter((f) => /^values-.+\.yaml$/.test(f))) cases.push({ name: f, args: ['-f', `${chart}/${f}`] });
  for (const f of readdirSync(join(dir, 'ci'))) cases.push({ name: `ci/${f}`, args: ['-f', `${chart}/ci/${f}`] });
  return cases;
}

function aeternaMatrix(): Case[] {
  const external: Record<string, string[]> = {
    redis: ['redis.enabled=false', 'redis.external.host=cache.example.com'],
    postgresql: ['postgresql.enabled=false', 'postgresql.external.host=db.example.com', 'postgresql.external.password=s3cret'],
    qdrant: ['qdrant.enabled=false', 'qdrant.external.host=vectors.example.com'],
  };
  const deps = Object.keys(external);
  const cases: Case[] = [];
  for (let bits = 0; bits < 8; bits++) {
    const sets = deps.flatMap((d, i) => (bits & (1 << i) ? external[d] : []));
    const label = deps.map((d, i) => `${d}=${bits & (1 << i) ? 'external' : 'bundled'}`).join(' ');
    cases.push({ name: `matrix ${label}`, args: sets.length ? ['--set', sets.join(',')] : [] });
  }
  return cases;
}

let workdir = '';
beforeAll(() => {
  const a = withStandins(join(ROOT, 'charts/aeterna'));
  workdir = resolve(a, '..');
  // Both copies share one folder so scenario paths read `aeterna/...` and `verta/...`.
  const v = withStandins(join(ROOT, 'charts/verta'));
  cpSync(v, join(workdir, 'verta'), { recursive: true });
  removeStandins(v);
});
afterAll(() => workdir && removeStandins(join(workdir, 'aeterna')));

const CASES = [
  ...chartCases('aeterna').map((c) => ({ chart: 'aeterna', ...c })),
  ...aeternaMatrix().map((c) => ({ chart: 'aeterna', ...c })),
  ...chartCases('verta').map((c) => ({ chart: 'verta', ...c })),
  { chart: 'verta', name: 'redis external', args: ['-f', 'verta/ci/default-values.yaml', '--set', 'redis.enabled=false,redis.external.host=redis.example.com'] },
];

describe('bundled charts: chartroom vs helm 3.17.3', () => {
  test.each(CASES)('$chart $name', async ({ chart, args }) => {
    const full = ['template', 'release', chart, ...args, '--namespace', 'apps'];
    const [h1, h2] = await Promise.all([runHelm(full, { cwd: workdir }), runHelm(full, { cwd: workdir })]);
    const ours = chartroom(full, workdir);
    expect(ours.status === 0, ours.stderr).toBe(h1.status === 0);
    if (h1.status !== 0) {
      expect(errorText(ours.stderr)).toBe(errorText(h1.stderr));
      return;
    }
    const deterministic = h1.stdout === h2.stdout;
    const [expected, actual] = deterministic ? [h1.stdout, ours.stdout] : [mask(h1.stdout), mask(ours.stdout)];
    if (!deterministic) expect(mask(h1.stdout), 'helm differs between runs beyond generated secrets').toBe(mask(h2.stdout));
    const diff = firstDifference(expected, actual);
    expect(diff, diff ?? '').toBeNull();
  });
});
