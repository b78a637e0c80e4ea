/**
 * The Aeterna chart against the real reference helm (4.1.4 or 3.17.3): lint and render every documented values set,
 * the bundled/external matrix, and the rendered objects' security, probes, secrets and policies.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runHelm } from '../helm/reference';
import { all, appEnv, chartDir, find, render, standinChart } from './aeterna-render';
import { removeStandins } from './standins';

const CNPG_API = ['--api-versions', 'postgresql.cnpg.io/v1'];
let dir: string;
beforeAll(() => {
  dir = standinChart();
});
afterAll(() => removeStandins(dir));

const valueSets: [string, string[]][] = [
  ['defaults', []],
  ['values-local.yaml', ['-f', join(chartDir, 'values-local.yaml')]],
  ['values-production.yaml', ['-f', join(chartDir, 'values-production.yaml')]],
  ...readdirSync(join(chartDir, 'ci'))
    .filter((f) => f.endsWith('-values.yaml'))
    .map((f): [string, string[]] => [`ci/${f}`, ['-f', join(chartDir, 'ci', f)]]),
];

describe('lint and render every values set', () => {
  it.each(valueSets)('%s: helm lint --strict is clean', async (_name, args) => {
    const r = await runHelm(['lint', '--strict', dir, ...args]);
    expect(r.stdout + r.stderr).not.toMatch(/\[(WARNING|ERROR)\]/);
    expect(r.status).toBe(0);
  });
  it.each(valueSets)('%s: helm template renders', async (_name, args) => {
    for (const extra of [[], CNPG_API]) {
      const r = await render(dir, [...args, ...extra]);
      expect(r.stderr).toBe('');
      expect(r.ok).toBe(true);
      expect(find(r.objects, 'Deployment')).toBeDefined();
    }
  });
});

const modes = [true, false].flatMap((redis) => [true, false].flatMap((pg) => [true, false].map((qd) => ({ redis, pg, qd }))));
function modeArgs(m: { redis: boolean; pg: boolean; qd: boolean }): string[] {
  const a = [...CNPG_API, '--set', `redis.enabled=${m.redis}`, '--set', `postgresql.enabled=${m.pg}`, '--set', `qdrant.enabled=${m.qd}`];
  if (!m.redis) a.push('--set', 'redis.external.host=redis.ext', '--set', 'redis.external.port=6380');
  if (!m.pg) a.push('--set', 'postgresql.external.host=pg.ext', '--set', 'postgresql.external.username=app', '--set', 'postgresql.external.existingSecret=pg-secret');
  if (!m.qd) a.push('--set', 'qdrant.external.host=qdrant.ext');
  return a;
}

describe('bundled/external matrix', () => {
  it.each(modes)('redis=$redis postgresql=$pg qdrant=$qd: helm lint --strict is clean', async (m) => {
    const r = await runHelm(['lint', '--strict', dir, ...modeArgs(m).filter((a) => !a.startsWith('postgresql.cnpg') && a !== '--api-versions')]);
    expect(r.stdout + r.stderr).not.toMatch(/\[(WARNING|ERROR)\]/);
    expect(r.status).toBe(0);
  });
  it.each(modes)('redis=$redis postgresql=$pg qdrant=$qd', async (m) => {
    const r = await render(dir, modeArgs(m));
    expect(r.ok, r.stderr).toBe(true);
    const env = appEnv(r.objects);
    const services = all(r.objects, 'Service').map((s) => s.metadata.name);
    const policies = all(r.objects, 'NetworkPolicy').map((p) => p.metadata.name);
    const tests = all(r.objects, 'Pod').map((p) => p.metadata.name);

    if (m.redis) {
      expect(env.RD_HOST).toBe('rel-redis');
      expect(services).toContain(env.RD_HOST);
      expect(policies).toContain('rel-aeterna-redis');
      expect(tests).toContain('rel-aeterna-test-redis');
    } else {
      expect([env.RD_HOST, env.RD_PORT]).toEqual(['redis.ext', '6380']);
      expect(services).not.toContain('rel-redis');
      expect(policies).not.toContain('rel-aeterna-redis');
      expect(tests).not.toContain('rel-aeterna-test-redis');
    }
    if (m.pg) {
      expect(env.PG_HOST).toBe('rel-aeterna-postgresql-rw');
      expect(env.PG_PASSWORD).toBe('secret:rel-aeterna-postgresql-app/password');
      expect(find(r.objects, 'Cluster', 'rel-aeterna-postgresql')).toBeDefined();
      expect(policies).toContain('rel-aeterna-postgresql');
    } else {
      expect([env.PG_HOST, env.PG_USERNAME, env.PG_PASSWORD]).toEqual(['pg.ext', 'app', 'secret:pg-secret/password']);
      expect(find(r.objects, 'Cluster')).toBeUndefined();
      expect(policies).not.toContain('rel-aeterna-postgresql');
    }
    if (m.qd) {
      expect(env.QD_HOST).toBe('rel-qdrant');
      expect(env.QDRANT_URL).toBe('http://rel-qdrant:6334');
      expect(services).toContain('rel-qdrant');
      expect(tests).toContain('rel-aeterna-test-qdrant');
    } else {
      expect([env.QD_HOST, env.QD_PORT, env.QDRANT_URL]).toEqual(['qdrant.ext', '6333', 'http://qdrant.ext:6334']);
      expect(services).not.toContain('rel-qdrant');
      expect(policies).not.toContain('rel-aeterna-qdrant');
    }
    // The operator comes with bundled PostgreSQL only (postgresql.operator.install unset).
    expect(r.text.includes('# Source: aeterna/charts/cloudnative-pg/')).toBe(m.pg);
  });
});

describe('dependency Service names follow the subcharts fullname rule', () => {
  const rows: { name: string; release: string; args: string[]; redis: string; qdrant: string }[] = [
    { name: 'plain release', release: 'prod', args: [], redis: 'prod-redis', qdrant: 'prod-qdrant' },
    { name: 'release containing both names', release: 'redis-qdrant', args: [], redis: 'redis-qdrant', qdrant: 'redis-qdrant' },
    { name: 'fullnameOverride', release: 'x', args: ['--set', 'redis.fullnameOverride=cache', '--set', 'qdrant.fullnameOverride=vectors'], redis: 'cache', qdrant: 'vectors' },
    { name: 'nameOverride', release: 'x', args: ['--set', 'redis.nameOverride=kv', '--set', 'qdrant.nameOverride=vec'], redis: 'x-kv', qdrant: 'x-vec' },
  ];
  it.each(rows)('$name', async (row) => {
    const r = await render(dir, row.args, row.release);
    expect(r.ok, r.stderr).toBe(true);
    const env = appEnv(r.objects);
    const standins = all(r.objects, 'Service').filter((s) => s.metadata.labels?.standin);
    expect(env.RD_HOST).toBe(row.redis);
    expect(env.QD_HOST).toBe(row.qdrant);
    expect(standins.map((s) => s.metadata.name).sort()).toEqual([row.redis, row.qdrant].sort());
    // The dependency NetworkPolicies select the pods the subcharts label.
    for (const svc of standins) {
      const policy = all(r.objects, 'NetworkPolicy').find((p) => p.spec.podSelector.matchLabels['app.kubernetes.io/name'] === svc.spec.selector['app.kubernetes.io/name']);
      expect(policy, svc.metadata.name).toBeDefined();
    }
  });
});

describe('PostgreSQL Cluster and operator', () => {
  it('waits for the CNPG API when the operator comes with the release', async () => {
    const r = await render(dir);
    expect(find(r.objects, 'Cluster')).toBeUndefined();
    expect(find(r.objects, 'Job')).toBeUndefined();
    expect(r.text).toContain('# Source: aeterna/charts/cloudnative-pg/');
  });
  it('renders the Cluster when the operator is already present', async () => {
    const r = await render(dir, ['--set', 'postgresql.operator.install=false']);
    const cluster = find(r.objects, 'Cluster', 'rel-aeterna-postgresql')!;
    expect(cluster.apiVersion).toBe('postgresql.cnpg.io/v1');
    expect(cluster.spec.bootstrap.initdb).toEqual({ database: 'aeterna', owner: 'aeterna' });
    expect(r.text).not.toContain('# Source: aeterna/charts/cloudnative-pg/');
  });
});

describe('migrations hook', () => {
  const rows = [
    { name: 'bundled PostgreSQL', args: CNPG_API, hooks: 'post-install,post-upgrade' },
    { name: 'external, password in values', args: ['--set', 'postgresql.enabled=false', '--set', 'postgresql.external.host=pg', '--set', 'postgresql.external.username=u', '--set', 'postgresql.external.password=p'], hooks: 'post-install,pre-upgrade' },
    { name: 'external, existingSecret', args: ['--set', 'postgresql.enabled=false', '--set', 'postgresql.external.host=pg', '--set', 'postgresql.external.username=u', '--set', 'postgresql.external.existingSecret=s'], hooks: 'pre-install,pre-upgrade' },
    { name: 'explicit hooks', args: [...CNPG_API, '--set', 'migrations.hooks=pre-upgrade'], hooks: 'pre-upgrade' },
  ];
  it.each(rows)('$name', async ({ args, hooks }) => {
    const r = await render(dir, args);
    const job = find(r.objects, 'Job', 'rel-aeterna-migrate')!;
    expect(job.metadata.annotations!['helm.sh/hook']).toBe(hooks);
    const c = job.spec.template.spec.containers[0];
    expect(c.args).toEqual(['admin', 'migrate', 'up']);
    expect(c.envFrom).toBeUndefined();
    expect(job.spec.template.spec.serviceAccountName).toBeUndefined();
  });
});

describe('secrets', () => {
  it('generates the KMS key as a kept, named hook Secret and nothing else by default', async () => {
    const r = await render(dir);
    const secrets = all(r.objects, 'Secret');
    expect(secrets.map((s) => s.metadata.name)).toEqual(['rel-aeterna-kms']);
    const kms = secrets[0];
    expect(kms.metadata.annotations).toMatchObject({ 'helm.sh/hook': 'pre-install,pre-upgrade', 'helm.sh/resource-policy': 'keep' });
    const key = Buffer.from(kms.data!.AETERNA_LOCAL_KMS_KEY, 'base64').toString();
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    expect(appEnv(r.objects).AETERNA_LOCAL_KMS_KEY).toBe('secret:rel-aeterna-kms/AETERNA_LOCAL_KMS_KEY');
  });
  it('renders no Secret when existing Secrets are used', async () => {
    const r = await render(dir, ['-f', join(chartDir, 'ci/existing-secrets-values.yaml')]);
    expect(all(r.objects, 'Secret')).toEqual([]);
    const env = appEnv(r.objects);
    expect(env.AETERNA_LOCAL_KMS_KEY).toBe('secret:aeterna-secrets/AETERNA_LOCAL_KMS_KEY');
    expect(env.OPENAI_API_KEY).toBe('secret:aeterna-secrets/OPENAI_API_KEY');
    expect(env.QDRANT_API_KEY).toBe('secret:qdrant-api-key/api-key');
  });
  it('puts values-given secrets in the chart Secret and rolls pods when they change', async () => {
    const base = ['-f', join(chartDir, 'ci/ingress-monitoring-values.yaml')];
    const a = await render(dir, base);
    const b = await render(dir, [...base, '--set', 'secrets.openaiApiKey=rotated']);
    const secret = find(a.objects, 'Secret', 'rel-aeterna')!;
    expect(Object.keys(secret.data!).sort()).toEqual(['AETERNA_LOCAL_KMS_KEY', 'OPENAI_API_KEY']);
    const sum = (o: typeof a) => find(o.objects, 'Deployment')!.spec.template.metadata.annotations;
    expect(sum(a)['checksum/secret']).not.toBe(sum(b)['checksum/secret']);
    expect(sum(a)['checksum/config']).toBe(sum(b)['checksum/config']);
  });
  it('renders the production values byte-identically on every run (nothing random)', async () => {
    const args = ['-f', join(chartDir, 'values-production.yaml'), ...CNPG_API];
    const [a, b] = await Promise.all([render(dir, args), render(dir, args)]);
    expect(a.text).toBe(b.text);
    expect(a.text).not.toContain('rel-aeterna-kms');
  });
  it('differs between default renders only in the generated KMS key', async () => {
    const [a, b] = await Promise.all([render(dir), render(dir)]);
    const strip = (t: string) => t.replace(/AETERNA_LOCAL_KMS_KEY: "[^"]*"/, 'AETERNA_LOCAL_KMS_KEY: x');
    expect(strip(a.text)).toBe(strip(b.text));
  });
});

describe('pod hardening, probes and scaling', () => {
  it('runs non-root on a read-only root with writable emptyDirs', async () => {
    const r = await render(dir);
    const pod = find(r.objects, 'Deployment')!.spec.template.spec;
    const c = pod.containers[0];
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(c.volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual(['/tmp', '/home/aeterna/.cache', '/app/config']);
    expect(c.resources.requests && c.resources.limits).toBeTruthy();
    expect(c.image).toBe('ghcr.io/kikokikok/aeterna:v0.1.0');
    expect(c.ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ]);
    expect([c.startupProbe.httpGet.path, c.livenessProbe.httpGet.path, c.readinessProbe.httpGet.path]).toEqual(['/health', '/live', '/ready']);
    expect(find(r.objects, 'Deployment')!.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
  });
  it('uses an HPA at 70% CPU instead of a replica count when autoscaling', async () => {
    const r = await render(dir, ['--set', 'autoscaling.enabled=true']);
    expect(find(r.objects, 'Deployment')!.spec.replicas).toBeUndefined();
    const hpa = find(r.objects, 'HorizontalPodAutoscaler')!;
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.metrics[0].resource.target.averageUtilization).toBe(70);
    expect(find(r.objects, 'PodDisruptionBudget')!.spec.minAvailable).toBe(1);
  });
  it('spreads production pods over zones and nodes', async () => {
    const r = await render(dir, ['-f', join(chartDir, 'values-production.yaml'), ...CNPG_API]);
    const pod = find(r.objects, 'Deployment')!.spec.template.spec;
    expect(pod.topologySpreadConstraints.map((t: { topologyKey: string }) => t.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution).toHaveLength(1);
  });
});

describe('ServiceMonitor gating', () => {
  const rows = [
    { name: 'disabled', args: ['--api-versions', 'monitoring.coreos.com/v1'], expected: false },
    { name: 'enabled, API absent', args: ['--set', 'metrics.serviceMonitor.enabled=true'], expected: false },
    { name: 'enabled, API present', args: ['--set', 'metrics.serviceMonitor.enabled=true', '--api-versions', 'monitoring.coreos.com/v1'], expected: true },
    { name: 'enabled and forced', args: ['--set', 'metrics.serviceMonitor.enabled=true', '--set', 'metrics.serviceMonitor.force=true'], expected: true },
  ];
  it.each(rows)('$name', async ({ args, expected }) => {
    const r = await render(dir, args);
    const sm = find(r.objects, 'ServiceMonitor');
    expect(sm !== undefined).toBe(expected);
    if (sm) expect(sm.spec.endpoints[0]).toMatchObject({ port: 'metrics', path: '/metrics' });
  });
});

describe('NetworkPolicies', () => {
  it('admits only named sources to Aeterna and only Aeterna to bundled Redis', async () => {
    const r = await render(dir, CNPG_API);
    const app = find(r.objects, 'NetworkPolicy', 'rel-aeterna')!;
    expect(app.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(app.spec.ingress[0].from[0]).toEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } });
    expect(app.spec.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
    const redis = find(r.objects, 'NetworkPolicy', 'rel-aeterna-redis')!;
    expect(redis.spec.ingress).toEqual([
      {
        ports: [{ port: 6379, protocol: 'TCP' }],
        from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'aeterna', 'app.kubernetes.io/instance': 'rel' } } }],
      },
    ]);
  });
  it('lets Aeterna reach external dependencies on their ports only', async () => {
    const r = await render(dir, ['-f', join(chartDir, 'ci/all-external-values.yaml')]);
    const app = find(r.objects, 'NetworkPolicy', 'rel-aeterna')!;
    const external = app.spec.egress.find((e: { to: { ipBlock?: unknown }[] }) => e.to[0].ipBlock);
    expect(external.ports.map((p: { port: number }) => p.port)).toEqual([6379, 5432, 6333, 6334, 443]);
    expect(all(r.objects, 'NetworkPolicy')).toHaveLength(1);
  });
  it('renders none when disabled', async () => {
    const r = await render(dir, ['--set', 'networkPolicy.enabled=false']);
    expect(all(r.objects, 'NetworkPolicy')).toEqual([]);
  });
});

describe('helm test pods', () => {
  it('checks /health and every bundled dependency', async () => {
    const r = await render(dir, CNPG_API);
    const pods = all(r.objects, 'Pod');
    expect(pods.every((p) => p.metadata.annotations?.['helm.sh/hook'] === 'test')).toBe(true);
    const scripts = Object.fromEntries(pods.map((p) => [p.metadata.name, p.spec.containers[0].command[2] as string]));
    expect(scripts).toEqual({
      'rel-aeterna-test-health': 'wget -q -T 10 -O - http://rel-aeterna:8080/health',
      'rel-aeterna-test-redis': "printf 'PING\\r\\n' | nc -w 5 rel-redis 6379 | grep -q PONG",
      'rel-aeterna-test-postgresql': 'nc -z -w 5 rel-aeterna-postgresql-rw 5432',
      'rel-aeterna-test-qdrant': 'wget -q -T 10 -O - http://rel-qdrant:6333/readyz',
    });
  });
});

describe('chart files', () => {
  it('Chart.lock carries the digest helm computes (resolver.HashReq)', () => {
    const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8'));
    const lock = parse(readFileSync(join(chartDir, 'Chart.lock'), 'utf8'));
    // json.Marshal of chart.Dependency: fields in struct order, empty ones omitted (repository always kept).
    const req = chart.dependencies.map((d: Record<string, unknown>) =>
      Object.fromEntries(
        ['name', 'version', 'repository', 'condition', 'tags', 'enabled', 'import-values', 'alias']
          .map((k) => [k, d[k]])
          .filter(([k, v]) => k === 'repository' || (v !== undefined && v !== '' && v !== false)),
      ),
    );
    const locked = lock.dependencies.map((d: Record<string, string>) => ({ name: d.name, version: d.version, repository: d.repository }));
    const digest = 'sha256:' + createHash('sha256').update(JSON.stringify([req, locked])).digest('hex');
    expect(lock.digest).toBe(digest);
    expect(locked.map((d: { name: string; version: string }) => `${d.name}@${d.version}`)).toEqual(
      chart.dependencies.map((d: { name: string; version: string }) => `${d.name}@${d.version}`),
    );
  });
  it('README values table is up to date', () => {
    const root = resolve(chartDir, '../..');
    expect(() => execFileSync(process.execPath, ['scripts/chart-readme.mjs', 'charts/aeterna', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
  it('the chart directory holds no dependency charts', () => {
    expect(readdirSync(chartDir)).not.toContain('charts');
  });
});
