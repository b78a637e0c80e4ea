/**
 * `chartroom pull` and `chartroom template|lint` of repository charts against helm 3.17.3 and
 * 4.1.4 on the same servers: the same archive bytes as `helm pull`, the same output as
 * `helm template`; bad references fail naming the chart or URL, with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { startOciRegistry, type OciRegistryServer } from '../servers/oci-registry';
import { chartroom, helm, helmHome, HELMS, listing } from './cli-helpers';

let repo: ChartRepositoryServer;
let registry: OciRegistryServer;

beforeAll(async () => {
  [repo, registry] = await Promise.all([startChartRepository(), startOciRegistry()]);
  for (const key of ['greeter-0.2.0', 'greeter-0.3.0-rc.1', 'greeter-1.0.0', 'counter-1.1.0']) await registry.push(repo.archives[key]);
});
afterAll(async () => {
  await Promise.all([repo?.close(), registry?.close()]);
});

const tmp = () => mkdtempSync(join(tmpdir(), 'chartroom-pull-'));

describe.each(HELMS)('against helm %s', (version) => {
  const refs: [string, () => string[]][] = [
    ['a repository chart by constraint', () => ['greeter', '--repo', repo.url, '--version', '^0.2']],
    ['the newest release of a repository chart', () => ['counter', '--repo', repo.url]],
    ['a development version (--devel)', () => ['greeter', '--repo', repo.url, '--devel']],
    ['an archive URL', () => [`${repo.url}/greeter-0.1.0.tgz`]],
    ['an OCI chart by version', () => [`${registry.url}/charts/greeter`, '--version', '1.0.0', '--plain-http']],
    ['an OCI chart by tag', () => [`${registry.url}/charts/counter:1.1.0`, '--plain-http']],
    ['the newest OCI release', () => [`${registry.url}/charts/greeter`, '--plain-http']],
  ];

  it.each(refs)('pull of %s: the bytes helm pull writes', async (_, args) => {
    const { env } = helmHome();
    const [a, b] = [tmp(), tmp()];
    const h = await helm(version, ['pull', ...args(), '-d', a], env);
    expect(h.status, h.stderr).toBe(0);
    const ours = await chartroom(['pull', ...args(), '-d', b]);
    // Helm 4's structured log warnings (`level=WARN msg=...` when a constraint, not a version, was asked for) are not printed.
    expect(ours.stderr).toBe(h.stderr.replace(/^level=WARN .*\n/gm, ''));
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe(h.stdout);
    const names = listing(a);
    expect(names).toHaveLength(1);
    expect(listing(b)).toEqual(names);
    expect(readFileSync(join(b, names[0])).equals(readFileSync(join(a, names[0])))).toBe(true);
  });

  it('pull repo/name of a repository named in repositories.yaml: the bytes helm pull writes', async () => {
    const { env, repositoryConfig } = helmHome();
    const [a, b] = [tmp(), tmp()];
    const add = await helm(version, ['repo', 'add', 'fixtures', repo.url], env);
    expect(add.status, add.stderr).toBe(0);
    expect((await helm(version, ['pull', 'fixtures/greeter', '--version', '~0.1', '-d', a], env)).status).toBe(0);
    const ours = await chartroom(['pull', 'fixtures/greeter', '--version', '~0.1', '-d', b, '--repository-config', repositoryConfig]);
    expect(ours.stderr).toBe('');
    expect(listing(b)).toEqual(['greeter-0.1.0.tgz']);
    expect(readFileSync(join(b, 'greeter-0.1.0.tgz')).equals(readFileSync(join(a, 'greeter-0.1.0.tgz')))).toBe(true);
  });

  it('pull --untar: the files helm unpacks', async () => {
    const { env } = helmHome();
    const [a, b] = [tmp(), tmp()];
    const args = ['counter', '--repo', repo.url, '--version', '1.1.0', '--untar'];
    expect((await helm(version, ['pull', ...args, '-d', a], env)).status).toBe(0);
    expect((await chartroom(['pull', ...args, '-d', b])).status).toBe(0);
    expect(listing(b)).toEqual(listing(a));
    for (const f of listing(a)) expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
  });

  it.each([
    ['a repository chart', () => ['rel', 'greeter', '--repo', repo.url, '--version', '0.2.0', '--set', 'greeting=hi']],
    ['an OCI chart', () => ['rel', `${registry.url}/charts/counter`, '--version', '1.1.0', '--plain-http', '--set', 'n=7']],
  ])('template of %s: what helm template prints', async (_, args) => {
    const { env } = helmHome();
    const h = await helm(version, ['template', ...args()], env);
    expect(h.status, h.stderr).toBe(0);
    const ours = await chartroom(['template', ...args(), '--helm-version', version.startsWith('3') ? '3' : '4']);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(h.stdout);
  });
});

describe('pull of bad references', () => {
  it.each([
    ['an unknown version', () => ['greeter', '--repo', repo.url, '--version', '5.0.0'], /Error: chart "greeter" version "5\.0\.0" not found in http:\/\/127\.0\.0\.1:\d+\/charts repository/],
    ['a chart the repository lacks', () => ['nothing', '--repo', repo.url], /Error: chart "nothing" not found in http:\/\/127\.0\.0\.1:\d+\/charts repository/],
    ['a tampered archive', () => ['greeter', '--repo', `${repo.origin}/tampered`], /Error: chart "greeter" 1\.0\.0 from .*\/tampered\/greeter-1\.0\.0\.tgz: digest mismatch/],
    ['a zip-slip archive, untarred', () => ['greeter', '--repo', `${repo.origin}/zipslip`, '--untar'], /Error: chart "greeter" 1\.0\.0 from .*\/zipslip\/greeter-1\.0\.0\.tgz: not a usable chart archive: chart illegally references parent directory/],
    ['an OCI image', () => [`${registry.url}/charts/nothing`, '--version', '1.0.0', '--plain-http'], /Error: failed to fetch http:\/\/127\.0\.0\.1:\d+\/v2\/charts\/nothing\/manifests\/1\.0\.0 : oci:\/\/127\.0\.0\.1:\d+\/charts\/nothing:1\.0\.0: not found/],
    ['an unknown named repository', () => ['nowhere/greeter', '--repository-config', '/nonexistent.yaml'], /Error: repo nowhere not found/],
  ])('refuses %s and writes nothing', async (_, args, message) => {
    const dir = tmp();
    const ours = await chartroom(['pull', ...args(), '-d', dir]);
    expect(ours.stderr).toMatch(message);
    expect(ours.status).toBe(1);
    expect(listing(dir)).toEqual([]);
  });

  it('template of an unreachable repository chart names the repository', async () => {
    const ours = await chartroom(['template', 'rel', 'greeter', '--repo', 'http://127.0.0.1:2/charts']);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toMatch(/^Error: looks like "http:\/\/127\.0\.0\.1:2\/charts" is not a valid chart repository or cannot be reached: Get "http:\/\/127\.0\.0\.1:2\/charts\/index\.yaml": fetch failed/);
  });
});

describe('lint and bundle take the same references', () => {
  it('lints and bundles an OCI chart and a repository chart', async () => {
    const lint = await chartroom(['lint', 'rel', `${registry.url}/charts/counter`, '--version', '1.1.0', '--plain-http']);
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toBe('0 error(s), 0 warning(s), 0 info(s)\n');
    const out = join(tmp(), 'bundle.zip');
    const bundle = await chartroom(['bundle', 'greeter', '--repo', repo.url, '--version', '0.1.0', '-o', out]);
    expect(bundle.stdout).toBe(`Wrote ${out} (5 files)\n`);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('a bundled chart whose dependencies cannot be fetched', () => {
  it('renders what the page renders and says on stderr which dependencies were left out and why', async () => {
    const offline = async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND ghcr.io') });
    };
    const ours = await chartroom(['template', 'rel', 'aeterna', '--set', 'redis.enabled=true'], { fetch: offline });
    expect(ours.status).toBe(0);
    expect(ours.stderr).toBe(
      'Notice: rendering aeterna without its dependencies redis (dragonfly) v1.30.3 from oci://ghcr.io/dragonflydb/dragonfly/helm, cloudnative-pg 0.29.0 from https://cloudnative-pg.github.io/charts, qdrant 1.16.3 from https://qdrant.github.io/qdrant-helm: they could not be fetched (dependency "dragonfly" v1.30.3 from oci://ghcr.io/dragonflydb/dragonfly/helm: Get "https://ghcr.io/v2/dragonflydb/dragonfly/helm/dragonfly/manifests/v1.30.3": fetch failed: getaddrinfo ENOTFOUND ghcr.io)\n',
    );
    expect(ours.stdout).toContain('# Source: aeterna/templates/deployment.yaml');
  });

  it('is never written to by dependency build', async () => {
    const ours = await chartroom(['dependency', 'build', 'aeterna']);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toBe('Error: aeterna is a chart bundled with chartroom: it fetches its dependencies itself when it renders; give a path to a copy of it to vendor them\n');
  });
});

