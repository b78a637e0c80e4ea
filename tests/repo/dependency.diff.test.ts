/**
 * `chartroom dependency build|update` against `helm dependency build|update` of helm 3.17.3 and
 * 4.1.4, on the same chart and the same servers (tests/servers): the same Chart.lock (apart from
 * `generated:`) and the same charts/, compared as unpacked trees. Bad sources fail with a message
 * naming the dependency or URL, and charts/ is left as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startChartRepository, unpackedTree, type ChartRepositoryServer } from '../servers/chart-repository';
import { startOciRegistry, type OciRegistryServer } from '../servers/oci-registry';
import { parentChart } from '../servers/fixture-charts';
import { chartroom, helm, helmHome, HELMS, listing, lockWithoutTime, twoCopies } from './cli-helpers';

let repo: ChartRepositoryServer;
let registry: OciRegistryServer;

beforeAll(async () => {
  [repo, registry] = await Promise.all([startChartRepository(), startOciRegistry()]);
  for (const key of ['greeter-0.1.0', 'greeter-0.2.0', 'greeter-1.0.0', 'counter-1.0.0', 'counter-1.1.0']) await registry.push(repo.archives[key]);
});
afterAll(async () => {
  await Promise.all([repo?.close(), registry?.close()]);
});

const LOCAL = { 'Chart.yaml': 'apiVersion: v2\nname: local\nversion: 0.3.0\n# a comment helm drops when it packages\n', 'values.yaml': 'a: 1 # kept\n', 'templates/cm.yaml': 'kind: ConfigMap\n', '.helmignore': 'ignored.txt\n', 'ignored.txt': 'x\n' };

/** Chart names differ per repository: helm keys its repository lookup by chart name, so one name in two repositories confuses it. */
function dependencies(): string {
  return [
    `- name: greeter\n  version: "~0.1 || ^0.2"\n  repository: ${repo.url}\n`,
    `- name: greeter\n  version: 1.0.0\n  repository: ${repo.url}/\n  alias: newest\n  condition: newest.enabled\n`,
    `- name: counter\n  version: ">=1.0.0 <1.1.0"\n  repository: ${registry.url}/charts\n  alias: count\n  tags: [extra]\n`,
    `- name: counter\n  version: 1.1.0\n  repository: ${registry.url}/charts\n`,
    `- name: local\n  version: ^0.3.0\n  repository: file://../local\n  import-values: [{child: a, parent: fromLocal}]\n`,
  ].join('');
}

/** Compares charts/ of both copies as unpacked trees. */
function expectSameCharts(helmDir: string, oursDir: string): void {
  const names = listing(join(helmDir, 'charts'));
  expect(listing(join(oursDir, 'charts'))).toEqual(names);
  for (const n of names) expect({ [n]: unpackedTree(join(oursDir, 'charts', n)) }).toEqual({ [n]: unpackedTree(join(helmDir, 'charts', n)) });
}

describe.each(HELMS)('dependency build against helm %s', (version) => {
  it('without a Chart.lock: the same lock and charts/ as helm dependency build', async () => {
    const [a, b] = twoCopies(parentChart(dependencies()), { local: LOCAL });
    const { env } = helmHome();
    const h = await helm(version, ['dependency', 'build', a, '--plain-http'], env);
    expect(h.stderr).not.toMatch(/Error/);
    expect(h.status).toBe(0);
    const ours = await chartroom(['dependency', 'build', b, '--plain-http', '--repository-config', join(env.HELM_CONFIG_HOME, 'none.yaml')]);
    expect(ours.stderr).toBe('');
    expect(ours.status).toBe(0);
    expect(lockWithoutTime(b)).toBe(lockWithoutTime(a));
    expect(listing(join(a, 'charts'))).toEqual(['counter-1.0.0.tgz', 'counter-1.1.0.tgz', 'greeter-0.2.0.tgz', 'greeter-1.0.0.tgz', 'local-0.3.0.tgz']);
    expectSameCharts(a, b);
  });

  it('dependency list: the table helm prints, statuses and stray archives included', async () => {
    const [a, b] = twoCopies(parentChart(dependencies()), { local: LOCAL });
    const { env } = helmHome();
    for (const dir of [a, b]) {
      mkdirSync(join(dir, 'charts/local'), { recursive: true });
      writeFileSync(join(dir, 'charts/local/Chart.yaml'), 'apiVersion: v2\nname: local\nversion: 9.0.0\n');
      writeFileSync(join(dir, 'charts/greeter-0.2.0.tgz'), readFileSync(repo.archives['greeter-0.2.0']));
      writeFileSync(join(dir, 'charts/stray-1.0.0.tgz'), readFileSync(repo.archives['counter-1.0.0']).subarray(0, 100));
      mkdirSync(join(dir, 'charts/other'));
      writeFileSync(join(dir, 'charts/other/Chart.yaml'), 'apiVersion: v2\nname: other\nversion: 1.0.0\n');
    }
    rmSync(join(b, 'charts/stray-1.0.0.tgz'));
    rmSync(join(a, 'charts/stray-1.0.0.tgz'));
    const h = await helm(version, ['dependency', 'list', a], env);
    expect(h.status, h.stderr).toBe(0);
    const ours = await chartroom(['dependency', 'list', b]);
    expect(h.stdout).toMatch(/greeter\t~0\.1 \|\| \^0\.2\s*\t.*\tok/);
    expect(h.stdout).toMatch(/wrong version/);
    expect(h.stdout).toMatch(/charts\/other" is not in Chart\.yaml/);
    expect(ours.stdout).toBe(h.stdout.replaceAll(a, b));
  });

  it('with a Chart.lock and named repositories (@name): the pinned versions, as helm fetches them', async () => {
    const deps = `- name: greeter\n  version: ^0.1.0\n  repository: "@fixtures"\n- name: counter\n  version: 1.0.0\n  repository: ${registry.url}/charts\n`;
    const [a, b] = twoCopies(parentChart(deps));
    const { env, repositoryConfig } = helmHome([{ name: 'fixtures', url: repo.url }]);
    const up = await helm(version, ['dependency', 'update', a, '--plain-http'], env);
    expect(up.status, up.stderr).toBe(0);
    // Both start from helm's lock, whose pins are older than the newest matching versions.
    writeFileSync(join(b, 'Chart.lock'), readFileSync(join(a, 'Chart.lock')));
    rmSync(join(a, 'charts'), { recursive: true });
    const h = await helm(version, ['dependency', 'build', a, '--plain-http'], env);
    expect(h.status, h.stderr).toBe(0);
    const ours = await chartroom(['dependency', 'build', b, '--plain-http', '--repository-config', repositoryConfig]);
    expect(ours.stderr).toBe('');
    expect(readFileSync(join(b, 'Chart.lock'), 'utf8')).toBe(readFileSync(join(a, 'Chart.lock'), 'utf8'));
    expect(listing(join(a, 'charts'))).toEqual(['counter-1.0.0.tgz', 'greeter-0.1.0.tgz']);
    expectSameCharts(a, b);
  });

  it('refuses a Chart.lock out of sync with Chart.yaml, as helm does', async () => {
    const [a, b] = twoCopies(parentChart(`- name: greeter\n  version: 0.1.0\n  repository: ${repo.url}\n`, { 'Chart.lock': `dependencies:\n- name: greeter\n  repository: ${repo.url}\n  version: 0.2.0\ndigest: sha256:0000\ngenerated: "2026-01-01T00:00:00Z"\n` }));
    const { env, repositoryConfig } = helmHome([{ name: 'fixtures', url: repo.url }]);
    const h = await helm(version, ['dependency', 'build', a], env);
    const ours = await chartroom(['dependency', 'build', b, '--repository-config', repositoryConfig]);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toBe(h.stderr.replace(/^Error: /, 'Error: '));
    expect(existsSync(join(b, 'charts'))).toBe(false);
  });
});

describe('dependency build on bad sources', () => {
  const cases: [string, () => string, RegExp][] = [
    ['an unknown version', () => `- name: greeter\n  version: 7.0.0\n  repository: ${repo.url}\n`, /can't get a valid version for 1 subchart\(s\): "greeter" \(repository "http:\/\/127\.0\.0\.1:\d+\/charts", version "7\.0\.0"\)/],
    ['an unsatisfiable OCI constraint', () => `- name: greeter\n  version: ^9\n  repository: ${registry.url}/charts\n`, /can't get a valid version for 1 subchart\(s\): "greeter" \(repository "oci:\/\/127\.0\.0\.1:\d+\/charts", version "\^9"\)/],
    ['a tampered archive', () => `- name: greeter\n  version: 1.0.0\n  repository: ${repo.origin}/tampered\n`, /dependency "greeter": chart "greeter" 1\.0\.0 from http:\/\/127\.0\.0\.1:\d+\/tampered\/greeter-1\.0\.0\.tgz: digest mismatch/],
    ['a zip-slip archive', () => `- name: greeter\n  version: 1.0.0\n  repository: ${repo.origin}/zipslip\n`, /dependency "greeter": .*\/zipslip\/greeter-1\.0\.0\.tgz: not a usable chart archive: chart illegally references parent directory/],
    ['an oversized archive', () => `- name: greeter\n  version: 1.0.0\n  repository: ${repo.origin}/bomb\n`, /dependency "greeter": .*is larger than the maximum file size 5242880/],
    ['a 404 repository', () => `- name: greeter\n  version: 1.0.0\n  repository: ${repo.origin}/nowhere\n`, /dependency "greeter": repository http:\/\/127\.0\.0\.1:\d+\/nowhere cannot be read: failed to fetch http:\/\/127\.0\.0\.1:\d+\/nowhere\/index\.yaml : 404 Not Found/],
    ['an unreachable host', () => `- name: greeter\n  version: 1.0.0\n  repository: http://127.0.0.1:2/charts\n`, /dependency "greeter": repository http:\/\/127\.0\.0\.1:2\/charts cannot be read: Get "http:\/\/127\.0\.0\.1:2\/charts\/index\.yaml": fetch failed/],
    ['a redirect loop', () => `- name: greeter\n  version: 1.0.0\n  repository: ${repo.origin}/loop\n`, /dependency "greeter": repository http:\/\/127\.0\.0\.1:\d+\/loop cannot be read: Get "http:\/\/127\.0\.0\.1:\d+\/loop\/index\.yaml": stopped after 10 redirects/],
    ['a huge index', () => `- name: greeter\n  version: 1.0.0\n  repository: ${repo.origin}/huge\n`, /dependency "greeter": repository http:\/\/127\.0\.0\.1:\d+\/huge cannot be read: .*larger than the limit of 20971520 bytes/],
    ['a malformed index', () => `- name: greeter\n  version: 1.0.0\n  repository: ${repo.origin}/malformed\n`, /dependency "greeter": repository http:\/\/127\.0\.0\.1:\d+\/malformed cannot be read: .*index\.yaml is not valid YAML/],
  ];
  it.each(cases)('refuses %s and leaves charts/ as it was', async (_, deps, message) => {
    // A good dependency first: it downloads, but must not reach charts/ when a later one fails.
    const [, b] = twoCopies(parentChart(`- name: counter\n  version: 1.0.0\n  repository: ${repo.url}\n${deps()}`, { 'charts/greeter-0.1.0.tgz': readFileSync(repo.archives['greeter-0.1.0']) }));
    const before = listing(b);
    const ours = await chartroom(['dependency', 'build', b, '--plain-http', '--repository-config', '/nonexistent/repositories.yaml']);
    expect(ours.stderr).toMatch(message);
    expect(ours.status).toBe(1);
    expect(listing(b)).toEqual(before);
  });
});

