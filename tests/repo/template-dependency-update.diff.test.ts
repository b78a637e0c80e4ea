/**
 * `chartroom template --dependency-update` against `helm template --dependency-update` of helm
 * 3.17.3 and 4.1.4: a chart folder lacking a dependency gets it (the same messages before the
 * manifests, the same Chart.lock and charts/), one that has them renders untouched, and an
 * unsatisfiable constraint fails with helm's message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startChartRepository, unpackedTree, type ChartRepositoryServer } from '../servers/chart-repository';
import { parentChart } from '../servers/fixture-charts';
import { chartroom, helm, helmHome, HELMS, listing, lockWithoutTime, twoCopies } from './cli-helpers';

let repo: ChartRepositoryServer;

beforeAll(async () => {
  repo = await startChartRepository();
});
afterAll(async () => {
  await repo?.close();
});

describe.each(HELMS)('template --dependency-update against helm %s', (version) => {
  const run = async (deps: string, twice = false) => {
    const [a, b] = twoCopies(parentChart(deps));
    const { env, repositoryConfig } = helmHome();
    const args = (dir: string) => ['template', 'rel', dir, '--dependency-update', '--set', 'greeter.greeting=hi'];
    let h = await helm(version, args(a), env);
    let ours = await chartroom([...args(b), '--repository-config', repositoryConfig, '--helm-version', version.startsWith('4') ? '4.1' : '3.17']);
    if (twice) {
      h = await helm(version, args(a), env);
      ours = await chartroom([...args(b), '--repository-config', repositoryConfig, '--helm-version', version.startsWith('4') ? '4.1' : '3.17']);
    }
    return { a, b, h, ours };
  };

  it('a missing dependency is fetched first: the same output, Chart.lock and charts/', async () => {
    const { a, b, h, ours } = await run(`- name: greeter\n  version: "^0.2"\n  repository: ${repo.url}\n- name: counter\n  version: "~1.0"\n  repository: ${repo.url}\n`);
    expect(h.status, h.stderr).toBe(0);
    expect(h.stdout).toMatch(/^Getting updates for unmanaged Helm repositories\.\.\.\n/);
    expect(ours.stderr).toBe(h.stderr);
    expect(ours.stdout).toBe(h.stdout);
    expect(ours.status).toBe(0);
    expect(lockWithoutTime(b)).toBe(lockWithoutTime(a));
    expect(listing(join(b, 'charts'))).toEqual(listing(join(a, 'charts')));
    for (const n of listing(join(a, 'charts'))) expect(unpackedTree(join(b, 'charts', n))).toEqual(unpackedTree(join(a, 'charts', n)));
  });

  it('dependencies already present: no update, just the render', async () => {
    const { h, ours } = await run(`- name: greeter\n  version: "^0.2"\n  repository: ${repo.url}\n`, true);
    expect(h.status, h.stderr).toBe(0);
    expect(h.stdout).toMatch(/^---\n/);
    expect(ours.stdout).toBe(h.stdout);
    expect(ours.status).toBe(0);
  });

  it('an unsatisfiable constraint: helm\'s messages, and nothing written', async () => {
    const { b, h, ours } = await run(`- name: greeter\n  version: "^7"\n  repository: ${repo.url}\n`);
    expect(h.status).toBe(1);
    expect(ours.status).toBe(1);
    expect(ours.stdout).toBe(h.stdout);
    expect(ours.stderr).toBe(h.stderr);
    expect(listing(join(b, 'charts'))).toEqual([]);
    expect(listing(b)).not.toContain('Chart.lock');
  });
});
