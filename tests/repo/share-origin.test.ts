/**
 * What the CLI records of a chart it downloaded: `chartroom share` links and the chartroom.json of
 * `bundle` and `gitops` name the repository (or `oci://` prefix), chart, version and archive
 * digest in the page's format, and the page's own opener (lib/remote-chart, through the app's
 * chart material route) reopens exactly that archive from them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/chart-material/route';
import { archiveDigest } from '@/lib/helm/downloader';
import { openRemoteChart, remoteEnv } from '@/lib/remote-chart/open-remote';
import { routeFetch } from '@/lib/remote-chart/route-fetch';
import { parseConfigJson, type ChartroomConfig } from '@/lib/share/config';
import { decodeShareLink } from '@/lib/share/link';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { startOciRegistry, type OciRegistryServer } from '../servers/oci-registry';
import { unzipText } from '../export/fixtures';
import { chartroom } from './cli-helpers';

let repo: ChartRepositoryServer;
let registry: OciRegistryServer;
const viaRoute = routeFetch('', async (input) => GET(new Request(`http://app.test${input as string}`)));

beforeAll(async () => {
  process.env.CHARTROOM_FETCH_ALLOW_LOCAL = '1';
  [repo, registry] = await Promise.all([startChartRepository(), startOciRegistry()]);
  await registry.push(repo.archives['counter-1.1.0'], 'charts');
}, 120_000);
afterAll(async () => {
  delete process.env.CHARTROOM_FETCH_ALLOW_LOCAL;
  await Promise.all([repo?.close(), registry?.close()]);
});

const digestOf = (key: string) => archiveDigest(readFileSync(repo.archives[key]));

/** The chart a configuration names, opened as the page opens a link's chart (RemoteConfigurator). */
async function openedByPage(config: ChartroomConfig) {
  const { repository, name, version } = config.chart;
  expect(repository).toBeDefined();
  return openRemoteChart({ repository: repository!, name, version }, remoteEnv(viaRoute));
}

describe('a downloaded chart is recorded where it came from', () => {
  it('share of a repository chart: the link names the repository, and the page reopens that archive', async () => {
    const run = await chartroom(['share', 'greeter', '--repo', `${repo.url}/`, '--version', '^0.2', '--base-url', 'https://chartroom.example/configure/remote']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^https:\/\/chartroom\.example\/configure\/remote#cr1\./);
    const decoded = decodeShareLink(run.stdout.trim());
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.config.chart).toEqual({ name: 'greeter', version: '0.2.0', repository: repo.url, digest: digestOf('greeter-0.2.0') });
    const opened = await openedByPage(decoded.config);
    expect(opened.origin).toEqual({ repository: repo.url, name: 'greeter', version: '0.2.0', digest: digestOf('greeter-0.2.0') });
  });

  it('share of an OCI chart: the oci:// prefix without the chart name, and --decode prints it', async () => {
    const run = await chartroom(['share', `${registry.url}/charts/counter`, '--version', '1.1.0', '--plain-http']);
    expect(run.status, run.stderr).toBe(0);
    const decoded = decodeShareLink(run.stdout.trim());
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.config.chart).toEqual({ name: 'counter', version: '1.1.0', repository: `${registry.url}/charts`, digest: digestOf('counter-1.1.0') });
    expect((await openedByPage(decoded.config)).origin.digest).toBe(digestOf('counter-1.1.0'));
    const shown = await chartroom(['share', '--decode', run.stdout.trim()]);
    expect(shown.stdout).toContain(`chart: counter 1.1.0\nrepository: ${registry.url}/charts\ndigest: ${digestOf('counter-1.1.0')}\n`);
  });

  it('share of an archive URL records its digest only (the page opens charts from repositories)', async () => {
    const run = await chartroom(['share', `${repo.url}/greeter-0.1.0.tgz`]);
    expect(run.status, run.stderr).toBe(0);
    const decoded = decodeShareLink(run.stdout.trim());
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.config.chart).toEqual({ name: 'greeter', version: '0.1.0', digest: digestOf('greeter-0.1.0') });
  });

  it('bundle and gitops write the same chart record in chartroom.json; gitops deploys from that repository by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chartroom-origin-'));
    writeFileSync(join(dir, 'values.yaml'), 'greeting: hi\n');
    const common = ['greeter', '--repo', repo.url, '--version', '0.2.0', '-f', join(dir, 'values.yaml')];
    const bundle = await chartroom(['bundle', ...common, '-o', join(dir, 'bundle.zip')]);
    expect(bundle.status, bundle.stderr).toBe(0);
    const gitops = await chartroom(['gitops', ...common, '--tool', 'argocd', '--repo-url', 'https://git.example.com/deploy.git', '-o', join(dir, 'gitops.zip')]);
    expect(gitops.status, gitops.stderr).toBe(0);
    const want = { name: 'greeter', version: '0.2.0', repository: repo.url, digest: digestOf('greeter-0.2.0') };
    for (const zip of ['bundle.zip', 'gitops.zip']) {
      const read = parseConfigJson(unzipText(readFileSync(join(dir, zip))).get('chartroom.json')!);
      if (!read.ok) throw new Error(read.message);
      expect(read.config.chart, zip).toEqual(want);
      expect(read.config.values).toBe('greeting: hi\n');
    }
    const files = unzipText(readFileSync(join(dir, 'gitops.zip')));
    const apps = [...files.entries()].filter(([p]) => p.startsWith('argocd/')).map(([, t]) => t).join('\n');
    expect(apps).toContain(`chart: greeter`);
    expect(apps).toContain(repo.url.replace(/^http:\/\//, ''));
  });
});
