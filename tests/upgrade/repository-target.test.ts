/**
 * Upgrade targets from a repository: both storefront versions packaged by the reference helm and
 * served as a Helm repository on 127.0.0.1, reached through the app's chart material route as
 * the page reaches it. The report against the downloaded version is the one against the folder.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/chart-material/route';
import { DEFAULT_RELEASE } from '@/lib/configurator/release-options';
import { encodeChartFiles } from '@/lib/configurator/chart-files';
import { remoteEnv } from '@/lib/remote-chart/open-remote';
import { routeFetch } from '@/lib/remote-chart/route-fetch';
import { runUpgradeJob } from '@/lib/upgrade/job';
import { openRepositoryVersion, repositoryVersions } from '@/lib/upgrade/repository-target';
import type { ChartFiles } from '../helm/reference';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { FIXTURE_CHARTS } from '../servers/fixture-charts';
import { V1_DIR, V2_DIR, VALUES_FILE } from './fixture';

function folder(dir: string): ChartFiles {
  const out: ChartFiles = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

const env = remoteEnv(routeFetch('', async (input) => GET(new Request(`http://app.test${input as string}`))));
let repo: ChartRepositoryServer;

beforeAll(async () => {
  process.env.CHARTROOM_FETCH_ALLOW_LOCAL = '1';
  // The server's broken repositories are made from greeter's two versions, so it serves them too.
  repo = await startChartRepository({ 'greeter-0.1.0': FIXTURE_CHARTS['greeter-0.1.0'], 'greeter-1.0.0': FIXTURE_CHARTS['greeter-1.0.0'], 'storefront-1.0.0': folder(V1_DIR), 'storefront-2.0.0': folder(V2_DIR) });
}, 120_000);
afterAll(async () => {
  delete process.env.CHARTROOM_FETCH_ALLOW_LOCAL;
  await repo?.close();
});

describe('repository versions as upgrade targets', () => {
  it("lists the chart's versions, newest first", async () => {
    expect(await repositoryVersions(repo.url, 'storefront', env)).toEqual({ repository: repo.url, name: 'storefront', versions: ['2.0.0', '1.0.0'] });
  });

  it.each([
    ['not a location', 'storefront', /is not a URL/],
    [`${'REPO'}`, 'other', /has no chart named other \(it has greeter, storefront\)/],
  ])('%s for %s: a message naming what is wrong', async (input, name, message) => {
    await expect(repositoryVersions(input === 'REPO' ? repo.url : input, name, env)).rejects.toThrow(message);
  });

  it('compares the folder of 1.0.0 with 2.0.0 from the repository as with 2.0.0 from disk', async () => {
    const { chart, missing } = await openRepositoryVersion({ repository: repo.url, name: 'storefront', version: '2.0.0' }, env);
    expect(missing).toEqual([]);
    expect(chart.label).toBe('storefront 2.0.0');
    const valuesText = readFileSync(VALUES_FILE, 'utf8');
    const from = { source: { kind: 'files' as const, files: encodeChartFiles(Object.entries(folder(V1_DIR)).map(([path, data]) => ({ path, data: data as Uint8Array }))) }, valuesText };
    const release = { ...DEFAULT_RELEASE, releaseName: 'shop' };
    const viaRepo = runUpgradeJob({ id: 1, from, to: { source: chart.source, valuesText }, release });
    const viaDisk = runUpgradeJob({ id: 1, from, to: { source: { kind: 'files', files: encodeChartFiles(Object.entries(folder(V2_DIR)).map(([path, data]) => ({ path, data: data as Uint8Array }))) }, valuesText }, release });
    expect(viaRepo.ok && viaDisk.ok).toBe(true);
    expect(viaRepo).toEqual(viaDisk);
    if (viaRepo.ok) expect(viaRepo.report.values.overrides.find((o) => o.path === 'service.port')?.suggestion).toBe('service.http.port');
  });
});
