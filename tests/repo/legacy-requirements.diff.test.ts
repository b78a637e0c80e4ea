/**
 * apiVersion v1 charts (requirements.yaml and requirements.lock) against helm 3.17.3 and 4.1.4:
 * `dependency update` writes the same requirements.lock digest, and `dependency build` accepts a
 * requirements.lock whose digest Helm 2 computed (resolver.HashV2Req) as helm does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashV2Req } from '@/lib/helm/chartutil/lock';
import type { Dependency } from '@/lib/helm/chart/chart';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { chartroom, helm, helmHome, HELMS, listing, twoCopies } from './cli-helpers';

let repo: ChartRepositoryServer;
beforeAll(async () => {
  repo = await startChartRepository();
});
afterAll(async () => {
  await repo?.close();
});

const legacyChart = () => ({
  'Chart.yaml': 'apiVersion: v1\nname: legacy\nversion: 1.0.0\n',
  'requirements.yaml': `dependencies:\n- name: greeter\n  version: "^0.2"\n  repository: "@fixtures"\n  condition: greeter.enabled\n`,
  'templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n',
});
const withoutTime = (dir: string) => readFileSync(join(dir, 'requirements.lock'), 'utf8').replace(/^generated: .*\n/m, '');

describe.each(HELMS)('apiVersion v1 requirements against helm %s', (version) => {
  it('dependency update: the same requirements.lock (digest included) and charts/', async () => {
    const [a, b] = twoCopies(legacyChart());
    const { env, repositoryConfig } = helmHome([{ name: 'fixtures', url: repo.url }]);
    const h = await helm(version, ['dependency', 'update', a], env);
    expect(h.status, h.stderr).toBe(0);
    const ours = await chartroom(['dependency', 'update', b, '--repository-config', repositoryConfig]);
    expect(ours.status, ours.stderr).toBe(0);
    expect(withoutTime(b)).toBe(withoutTime(a));
    expect(withoutTime(a)).toMatch(/^digest: sha256:[0-9a-f]{64}\n/m);
    expect(listing(join(b, 'charts'))).toEqual(listing(join(a, 'charts')));
  });

  it.each([
    ['a Helm 2 digest (of the requirements as written)', true],
    ['a digest of neither kind', false],
  ])('dependency build with %s: helm\'s verdict', async (_, good) => {
    const req: Dependency[] = [{ name: 'greeter', version: '^0.2', repository: '@fixtures', condition: 'greeter.enabled', enabled: false, alias: '' }];
    const digest = good ? hashV2Req(req) : `sha256:${'0'.repeat(64)}`;
    const lock = `dependencies:\n- name: greeter\n  repository: ${repo.url}\n  version: 0.2.0\ndigest: ${digest}\ngenerated: "2019-01-01T00:00:00Z"\n`;
    const [a, b] = twoCopies({ ...legacyChart(), 'requirements.lock': lock });
    const { env, repositoryConfig } = helmHome([{ name: 'fixtures', url: repo.url }]);
    const h = await helm(version, ['dependency', 'build', a], env);
    const ours = await chartroom(['dependency', 'build', b, '--repository-config', repositoryConfig, '--helm-version', version]);
    expect(h.status === 0, h.stderr).toBe(good);
    expect(ours.status, ours.stderr).toBe(h.status);
    // helm 3.17.3 logs it with log.Println's source position, helm 4.1.4 as a slog record.
    const warning = version.startsWith('3.')
      ? 'manager.go:122: warning: a valid Helm v3 hash was not found. Checking against Helm v2 hash...'
      : 'level=INFO msg="warning: a valid Helm v3 hash was not found. Checking against Helm v2 hash..."';
    expect(h.stderr.split('\n')).toContain(warning);
    expect(ours.stderr.split('\n')).toContain(warning);
    if (!good) expect(ours.stderr).toContain(h.stderr.split('\n').find((l) => l.startsWith('Error: '))!);
    expect(listing(join(b, 'charts'))).toEqual(listing(join(a, 'charts')));
  });
});
