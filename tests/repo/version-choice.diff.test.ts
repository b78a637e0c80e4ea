/**
 * Which version a constraint picks from a Helm repository's index and from an OCI registry's
 * tags, where helm 3.17.3 (Masterminds semver v3.3.0) and helm 4.1.4 (v3.4.0) pick differently:
 * v3.4.0 lets prereleases through a whole AND group when one of its comparators names a
 * prerelease, applies that rule to `!=` too, and its StrictNewVersion refuses tags with an empty
 * prerelease or build identifier (`3.0.0-`), which v3.3.0 lists as `3.0.0`. `chartroom pull`,
 * `template`, `dependency update` and the page's remote chart opening, each with the Helm
 * version set, must pick what that helm picks from the same real servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRemoteChart, remoteEnv } from '@/lib/remote-chart/open-remote';
import type { HelmVersion } from '@/lib/helm';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { startOciRegistry, type OciRegistryServer } from '../servers/oci-registry';
import { chart, parentChart } from '../servers/fixture-charts';
import { chartroom, helm, helmHome, HELMS, listing, lockWithoutTime, twoCopies } from './cli-helpers';

const VERSIONS = ['1.3.0', '1.4.0', '1.5.0-beta.1', '2.0.0-rc.1'];
const CHARTS = Object.fromEntries(['pre', 'beta'].flatMap((name) => VERSIONS.map((v) => [`${name}-${v}`, chart(name, v)])));

let repo: ChartRepositoryServer;
let registry: OciRegistryServer;

beforeAll(async () => {
  [repo, registry] = await Promise.all([startChartRepository(CHARTS), startOciRegistry()]);
  for (const v of VERSIONS) await registry.push(repo.archives[`beta-${v}`]);
  // A repository whose newest tag has an empty prerelease: Helm 3 lists it (as 3.0.0), Helm 4 skips it.
  for (const v of ['1.3.0', '1.4.0']) await registry.push(repo.archives[`beta-${v}`], 'odd');
  await registry.tag('odd/beta', '1.3.0', '3.0.0-');
});
afterAll(async () => {
  await Promise.all([repo?.close(), registry?.close()]);
});

const tmp = () => mkdtempSync(join(tmpdir(), 'chartroom-choice-'));
const flag = (helmRelease: string) => (helmRelease.startsWith('3') ? '3' : '4');
const setting = (helmRelease: string): HelmVersion => (helmRelease.startsWith('3') ? '3.17' : '4.1');

/** Constraints, with the version each helm picks from VERSIONS (the same for both where the rules agree). */
const CONSTRAINTS: [string, { '3.17.3': string; '4.1.4': string }][] = [
  ['>=1.0.0-0 <2.0.0', { '3.17.3': '1.4.0', '4.1.4': '2.0.0-rc.1' }],
  ['!=1.4.0', { '3.17.3': '2.0.0-rc.1', '4.1.4': '1.3.0' }],
  ['>=1.5.0-0', { '3.17.3': '2.0.0-rc.1', '4.1.4': '2.0.0-rc.1' }],
  ['^1.0.0', { '3.17.3': '1.4.0', '4.1.4': '1.4.0' }],
];

describe('the two helms disagree on these constraints', () => {
  it('so the cases below tell Helm 3 mode from Helm 4 mode', () => {
    expect(CONSTRAINTS.filter(([, want]) => want['3.17.3'] !== want['4.1.4']).map(([c]) => c)).toEqual(['>=1.0.0-0 <2.0.0', '!=1.4.0']);
  });
});

/** `helm pull` strips nothing; Helm 4's structured-log warning (a constraint, not a version, was asked for) is not chartroom's to print. */
const withoutLogWarnings = (stderr: string) => stderr.replace(/^level=WARN .*\n/gm, '');

describe.each(HELMS)('against helm %s', (helmRelease) => {
  const sources: [string, () => string[]][] = [
    ['a Helm repository', () => ['pre', '--repo', repo.url]],
    ['an OCI registry', () => [`${registry.url}/charts/beta`, '--plain-http']],
  ];

  describe.each(sources)('pull from %s', (_, source) => {
    it.each(CONSTRAINTS)('--version %s picks what helm picks', async (constraint, want) => {
      const { env } = helmHome();
      const [a, b] = [tmp(), tmp()];
      const h = await helm(helmRelease, ['pull', ...source(), '--version', constraint, '-d', a], env);
      expect(h.status, h.stderr).toBe(0);
      const names = listing(a);
      expect(names).toEqual([expect.stringMatching(new RegExp(`-${want[helmRelease].replace(/\./g, '\\.')}\\.tgz$`))]);
      const ours = await chartroom(['pull', ...source(), '--version', constraint, '-d', b, '--helm-version', flag(helmRelease)]);
      expect(ours.stderr).toBe(withoutLogWarnings(h.stderr));
      expect(ours.status).toBe(0);
      expect(ours.stdout).toBe(h.stdout);
      expect(listing(b)).toEqual(names);
    });
  });

  it.each(CONSTRAINTS.slice(0, 2))('template of a repository chart at --version %s renders the version helm picks', async (constraint, want) => {
    const { env } = helmHome();
    const args = ['rel', 'pre', '--repo', repo.url, '--version', constraint];
    const h = await helm(helmRelease, ['template', ...args], env);
    expect(h.status, h.stderr).toBe(0);
    expect(h.stdout).toContain(`chart: pre-${want[helmRelease]}\n`);
    const ours = await chartroom(['template', ...args, '--helm-version', flag(helmRelease)]);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toBe(h.stdout);
  });

  it('dependency update locks the versions helm locks, from the repository and the registry', async () => {
    const deps = [
      `- name: pre\n  version: ">=1.0.0-0 <2.0.0"\n  repository: ${repo.url}\n`,
      `- name: beta\n  version: "!=1.4.0"\n  repository: ${registry.url}/charts\n`,
    ].join('');
    const [a, b] = twoCopies(parentChart(deps));
    const { env } = helmHome();
    const h = await helm(helmRelease, ['dependency', 'update', a, '--plain-http'], env);
    expect(h.status, h.stderr).toBe(0);
    const ours = await chartroom(['dependency', 'update', b, '--plain-http', '--helm-version', flag(helmRelease), '--repository-config', join(env.HELM_CONFIG_HOME, 'none.yaml')]);
    expect(ours.status, ours.stderr).toBe(0);
    const want = Object.fromEntries(CONSTRAINTS.map(([c, w]) => [c, w[helmRelease]]));
    expect(listing(join(a, 'charts'))).toEqual([`beta-${want['!=1.4.0']}.tgz`, `pre-${want['>=1.0.0-0 <2.0.0']}.tgz`]);
    expect(listing(join(b, 'charts'))).toEqual(listing(join(a, 'charts')));
    expect(lockWithoutTime(b)).toBe(lockWithoutTime(a));
  });

  it('pull of the newest OCI release past a tag with an empty prerelease: what helm does', async () => {
    const { env } = helmHome();
    const [a, b] = [tmp(), tmp()];
    const source = [`${registry.url}/odd/beta`, '--plain-http'];
    const h = await helm(helmRelease, ['pull', ...source, '-d', a], env);
    const ours = await chartroom(['pull', ...source, '-d', b, '--helm-version', flag(helmRelease)]);
    if (helmRelease === '3.17.3') {
      // Helm 3 lists `3.0.0-` as 3.0.0, picks it and finds no such tag.
      expect(h.status).toBe(1);
      expect(h.stderr).toMatch(/odd\/beta:3\.0\.0: not found/);
      expect(ours.status).toBe(1);
      expect(ours.stderr).toMatch(/odd\/beta:3\.0\.0: not found/);
    } else {
      expect(h.status, h.stderr).toBe(0);
      expect(ours.status, ours.stderr).toBe(0);
      expect(ours.stderr).toBe(h.stderr);
    }
    expect(listing(b)).toEqual(listing(a));
  });

  it.each(CONSTRAINTS.slice(0, 2))('the page opens a remote chart at %s as this helm picks it', async (constraint, want) => {
    const env = remoteEnv(globalThis.fetch, setting(helmRelease));
    const fromRepo = await openRemoteChart({ repository: repo.url, name: 'pre', version: constraint }, env);
    expect(fromRepo.origin.version).toBe(want[helmRelease]);
    const fromRegistry = await openRemoteChart({ repository: `${registry.url}/charts`, name: 'beta', version: constraint }, env);
    expect(fromRegistry.origin.version).toBe(want[helmRelease]);
    expect(fromRegistry.chart.metadata.version).toBe(want[helmRelease]);
  });
});
