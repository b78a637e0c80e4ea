/**
 * The Verta chart against the real reference helm (4.1.4 or 3.17.3): lint, every values scenario renders, the rendered
 * objects carry the ports, probes, wiring and policies the application needs, and every validation
 * rule fails with its message. The Redis dependency is a labelled stand-in (tests/charts/standins.ts)
 * whose one template echoes the values it receives, so the values handed to it are checked too.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { REFERENCE, referenceTemplate, runHelm } from '../helm/reference';
import { isHelm4 } from '../../lib/helm/version';
import { removeStandins, withStandins } from './standins';

const root = resolve(__dirname, '../..');
const chartDir = join(root, 'charts/verta');
const ciFiles = readdirSync(join(chartDir, 'ci')).filter((f) => f.endsWith('-values.yaml')).sort();

// Echoes what the bundled Redis chart receives, so values passed to it can be asserted.
const redisEcho = `apiVersion: v1
kind: ConfigMap
metadata:
  name: redis-standin-values
data:
  values: {{ toJson .Values | quote }}
`;

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [k: string]: any };

let copy: string;
beforeAll(() => {
  copy = withStandins(chartDir, { templates: { redis: { 'echo.yaml': redisEcho } } });
});
afterAll(() => removeStandins(copy));

/** Renders the chart as release "verta" with the given values files (chart-relative) and flags. */
async function render(files: string[], args: string[] = []): Promise<K8sObject[]> {
  const r = await referenceTemplate(copy, [...files.flatMap((f) => ['-f', join(copy, f)]), ...args], 'verta');
  if (!r.ok) throw new Error(r.error);
  return parseAllDocuments(r.output)
    .map((d) => d.toJSON() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
}

async function renderError(files: string[], args: string[] = []): Promise<string> {
  const r = await referenceTemplate(copy, [...files.flatMap((f) => ['-f', join(copy, f)]), ...args], 'verta');
  if (r.ok) throw new Error('expected rendering to fail');
  return r.error;
}

function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name} in ${objects.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')}`);
  return o;
}

const kinds = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const container = (d: K8sObject) => d.spec.template.spec.containers[0];
const envOf = (d: K8sObject) => Object.fromEntries((container(d).env ?? []).map((e: any) => [e.name, e.value ?? e.valueFrom]));
const redisValues = (objects: K8sObject[]) => JSON.parse(find(objects, 'ConfigMap', 'redis-standin-values').data.values);

const BASE = 'ci/default-values.yaml';

describe('chart metadata', () => {
  it('pins the redis dependency and Chart.lock holds the digest helm computes (resolver.HashReq)', () => {
    const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8'));
    const lock = parse(readFileSync(join(chartDir, 'Chart.lock'), 'utf8'));
    const [dep] = chart.dependencies;
    expect(dep).toMatchObject({ name: 'redis', version: '19.3.4', condition: 'redis.enabled' });
    // HashReq marshals [requested, locked] with chart.Dependency's JSON field order.
    const req = chart.dependencies.map((d: any) => ({ name: d.name, version: d.version, repository: d.repository, condition: d.condition }));
    const locked = lock.dependencies.map((d: any) => ({ name: d.name, version: d.version, repository: d.repository }));
    const digest = 'sha256:' + createHash('sha256').update(JSON.stringify([req, locked])).digest('hex');
    expect(lock.digest).toBe(digest);
  });

  it('helm dependency build accepts Chart.lock as in sync with Chart.yaml', async () => {
    // Without network the download fails afterwards; the digest check comes first.
    const r = await runHelm(['dependency', 'build', copy, '--skip-refresh']);
    expect(r.stderr).not.toMatch(/out of sync/);
  });

  it('README values table is generated from values.yaml and current', () => {
    expect(() => execFileSync(process.execPath, [join(root, 'scripts/chart-readme.mjs'), chartDir, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('helm lint --strict', () => {
  it.each(ciFiles)('is clean with ci/%s', async (file) => {
    const r = await runHelm(['lint', '--strict', copy, '-f', join(copy, 'ci', file)]);
    expect(r.stdout + r.stderr).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(r.status).toBe(0);
  });

  it.each(['values-dev.yaml', 'values-prod.yaml'])('is clean with %s', async (file) => {
    const r = await runHelm(['lint', '--strict', copy, '-f', join(copy, BASE), '-f', join(copy, file)]);
    expect(r.status).toBe(0);
  });
});

describe('helm template scenarios', () => {
  it.each([
    ['defaults', [BASE]],
    ['values-dev.yaml', [BASE, 'values-dev.yaml']],
    ['values-prod.yaml', [BASE, 'values-prod.yaml']],
    ...ciFiles.map((f) => [f, [`ci/${f}`]] as [string, string[]]),
  ])('renders %s', async (_name, files) => {
    const objects = await render(files as string[]);
    expect(kinds(objects, 'Deployment').map((d) => d.metadata.name).sort()).toEqual(['verta-backend', 'verta-frontend', 'verta-ml']);
  });
});

describe('workloads', () => {
  let objects: K8sObject[];
  beforeAll(async () => {
    objects = await render([BASE]);
  });

  it.each([
    ['verta-backend', 25000, 'ghcr.io/niekcandaele/verta-backend:latest'],
    ['verta-frontend', 3000, 'ghcr.io/niekcandaele/verta-frontend:latest'],
    ['verta-ml', 8000, 'ghcr.io/niekcandaele/verta-ml-service:latest'],
  ])('%s: ClusterIP service and container on %i, image %s', (name, port, image) => {
    const svc = find(objects, 'Service', name);
    expect(svc.spec.type).toBe('ClusterIP');
    expect(svc.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }]);
    const c = container(find(objects, 'Deployment', name));
    expect(c.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
    expect(c.image).toBe(image);
  });

  it.each([
    ['verta-backend', '/health', 300],
    ['verta-frontend', '/', 120],
    ['verta-ml', '/health', 900],
  ])('%s probes %s and its startup probe allows %i s', (name, path, startupSeconds) => {
    const c = container(find(objects, 'Deployment', name));
    for (const probe of [c.startupProbe, c.livenessProbe, c.readinessProbe]) expect(probe.httpGet).toEqual({ path, port: 'http' });
    expect(c.startupProbe.periodSeconds * c.startupProbe.failureThreshold).toBe(startupSeconds);
  });

  it.each(['verta-backend', 'verta-frontend', 'verta-ml'])('%s rolls with maxSurge 1 / maxUnavailable 0 and splits security contexts', (name) => {
    const d = find(objects, 'Deployment', name);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } });
    expect(d.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } });
    for (const c of [...(d.spec.template.spec.initContainers ?? []), ...d.spec.template.spec.containers]) {
      expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(c.resources.requests).toBeDefined();
      expect(c.resources.limits).toBeDefined();
    }
    expect(d.spec.template.metadata.annotations['checksum/config']).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['verta-backend', ['/tmp']],
    ['verta-frontend', ['/tmp', '/app/frontend/.next/cache']],
    ['verta-ml', ['/tmp', '/models']],
  ])('%s has writable volumes at %j', (name, paths) => {
    const d = find(objects, 'Deployment', name);
    expect(container(d).volumeMounts.map((m: any) => m.mountPath)).toEqual(paths);
  });

  it('seeds the ML model volume from the image before start', () => {
    const d = find(objects, 'Deployment', 'verta-ml');
    const [init] = d.spec.template.spec.initContainers;
    expect(init.image).toBe(container(d).image);
    expect(init.command.join(' ')).toMatch(/cp -R \/models\/\. \/seed\//);
    expect(d.spec.template.spec.volumes.find((v: any) => v.name === 'models')).toEqual({ name: 'models', emptyDir: { sizeLimit: '10Gi' } });
  });

  it('runs one backend replica and no migration job by default', () => {
    expect(find(objects, 'Deployment', 'verta-backend').spec.replicas).toBe(1);
    expect(kinds(objects, 'Job')).toEqual([]);
    expect(container(find(objects, 'Deployment', 'verta-backend')).command).toBeUndefined();
  });
});

describe('images', () => {
  const appVersion = String(parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')).appVersion);
  const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
  /** Image of every container and init container of the three Deployments and the migration Job. */
  const images = (o: K8sObject[]) =>
    Object.fromEntries(
      o
        .filter((x) => x.kind === 'Deployment' || x.kind === 'Job')
        .flatMap((x) => [...(x.spec.template.spec.initContainers ?? []), ...x.spec.template.spec.containers].map((c: any) => [`${x.metadata.name}/${c.name}`, c.image])),
    );

  it('values-prod.yaml runs the release the chart\'s appVersion names, in every container', async () => {
    expect(images(await render([BASE, 'values-prod.yaml']))).toEqual({
      'verta-backend/backend': `ghcr.io/niekcandaele/verta-backend:${appVersion}`,
      'verta-frontend/frontend': `ghcr.io/niekcandaele/verta-frontend:${appVersion}`,
      'verta-ml/seed-models': `ghcr.io/niekcandaele/verta-ml-service:${appVersion}`,
      'verta-ml/ml': `ghcr.io/niekcandaele/verta-ml-service:${appVersion}`,
    });
  });

  it.each([
    ['a release tag', ['--set', 'backend.image.tag=1.4.2'], 'ghcr.io/niekcandaele/verta-backend:1.4.2'],
    ['an empty tag', ['--set', 'backend.image.tag='], `ghcr.io/niekcandaele/verta-backend:${appVersion}`],
    ['a digest, which wins over the tag', ['--set', `backend.image.digest=${digest}`], `ghcr.io/niekcandaele/verta-backend@${digest}`],
    ['a digest without registry', ['--set', `backend.image.digest=${digest}`, '--set', 'global.imageRegistry='], `niekcandaele/verta-backend@${digest}`],
  ])('the backend and its migration Job with %s', async (_name, args, image) => {
    const o = await render(['ci/migration-job-values.yaml'], args as string[]);
    expect(images(o)).toMatchObject({ 'verta-backend/backend': image, 'verta-migrations/migrate': image });
  });

  it('an ML digest pins the service and its seed-models init container', async () => {
    const o = await render([BASE], ['--set', `ml.image.digest=${digest}`]);
    expect(images(o)).toMatchObject({ 'verta-ml/seed-models': `ghcr.io/niekcandaele/verta-ml-service@${digest}`, 'verta-ml/ml': `ghcr.io/niekcandaele/verta-ml-service@${digest}` });
    expect(images(o)['verta-frontend/frontend']).toBe('ghcr.io/niekcandaele/verta-frontend:latest');
  });
});

describe('configuration wiring', () => {
  let objects: K8sObject[];
  beforeAll(async () => {
    objects = await render([BASE]);
  });

  it('backend ConfigMap holds the settings the backend reads', () => {
    expect(find(objects, 'ConfigMap', 'verta-backend').data).toEqual({
      NODE_ENV: 'production',
      PORT: '25000',
      LOG_LEVEL: 'info',
      REDIS_HOST: 'verta-redis-master',
      REDIS_PORT: '6379',
      ML_SERVICE_URL: 'http://verta-ml:8000',
      ML_SERVICE_TIMEOUT: '120000',
      ML_SERVICE_OCR_TIMEOUT: '300000',
      ML_SERVICE_MAX_RETRIES: '3',
      ML_SERVICE_RETRY_DELAY: '5000',
      FRONTEND_URL: 'https://verta.example.com',
    });
  });

  it('frontend and ML ConfigMaps hold their own settings', () => {
    expect(find(objects, 'ConfigMap', 'verta-frontend').data).toMatchObject({ PORT: '3000', BACKEND_URL: 'http://verta-backend:25000', NEXT_PUBLIC_TENANT_SLUG: 'acme' });
    expect(find(objects, 'ConfigMap', 'verta-ml').data).toMatchObject({ ML_SERVICE_PORT: '8000', ML_SERVICE_WORKERS: '1', ML_SERVICE_MODEL_CACHE_DIR: '/models', HF_HOME: '/models' });
  });

  it.each([
    ['verta-backend', { DATABASE_URL: ['verta', 'database-url'], DISCORD_BOT_TOKEN: ['verta', 'discord-bot-token'], ADMIN_API_KEY: ['verta', 'admin-api-key'], ML_SERVICE_API_KEY: ['verta', 'ml-service-api-key'], REDIS_PASSWORD: ['verta-redis-auth', 'redis-password'] }],
    ['verta-frontend', { ADMIN_API_KEY: ['verta', 'admin-api-key'] }],
    ['verta-ml', { ADMIN_API_KEY: ['verta', 'admin-api-key'], ML_SERVICE_API_KEY: ['verta', 'ml-service-api-key'], DATABASE_URL: ['verta', 'database-url'], OPENROUTER_API_KEY: ['verta', 'openrouter-api-key'] }],
  ])('%s reads its secrets from Secrets', (name, expected) => {
    const d = find(objects, 'Deployment', name);
    const env = envOf(d);
    expect(Object.keys(env).sort()).toEqual(Object.keys(expected).sort());
    for (const [variable, [secret, key]] of Object.entries(expected)) expect(env[variable].secretKeyRef).toMatchObject({ name: secret, key });
    expect(container(d).envFrom).toEqual([{ configMapRef: { name } }]);
  });

  it('creates the app Secret and a generated Redis password; the ML key defaults to the admin key', () => {
    const secret = find(objects, 'Secret', 'verta');
    const dec = (k: string) => Buffer.from(secret.data[k], 'base64').toString();
    expect(dec('database-url')).toMatch(/^mysql:\/\//);
    expect(dec('admin-api-key')).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(dec('ml-service-api-key')).toBe(dec('admin-api-key'));
    const redis = find(objects, 'Secret', 'verta-redis-auth');
    expect(Buffer.from(redis.data['redis-password'], 'base64').toString()).toMatch(/^[A-Za-z0-9]{32}$/);
  });

  it('keeps given secret values as they are', async () => {
    const o = await render([BASE], ['--set', 'redis.auth.password=s3cret', '--set', 'secrets.adminApiKey=admin', '--set', 'secrets.openrouterApiKey=or']);
    expect(Buffer.from(find(o, 'Secret', 'verta-redis-auth').data['redis-password'], 'base64').toString()).toBe('s3cret');
    const data = find(o, 'Secret', 'verta').data;
    expect(Buffer.from(data['ml-service-api-key'], 'base64').toString()).toBe('admin');
    expect(Buffer.from(data['openrouter-api-key'], 'base64').toString()).toBe('or');
  });

  it('hands the Redis chart the legacy image, noeviction, the auth Secret and a closed NetworkPolicy', () => {
    const v = redisValues(objects);
    expect(v.image).toEqual({ repository: 'bitnamilegacy/redis', tag: '7.2.5-debian-12-r0' });
    expect(v.commonConfiguration).toMatch(/maxmemory-policy noeviction/);
    expect(v.auth).toMatchObject({ enabled: true, existingSecret: '{{ .Release.Name }}-redis-auth', existingSecretPasswordKey: 'redis-password' });
    expect(v.architecture).toBe('standalone');
    expect(v.master.persistence).toEqual({ enabled: true, size: '8Gi' });
    expect(v.networkPolicy.allowExternal).toBe(false);
    expect(find(objects, 'Deployment', 'verta-backend').spec.template.metadata.labels['verta-redis-client']).toBe('true');
  });

  it('values-dev.yaml turns Redis persistence off and logs at debug', async () => {
    const o = await render([BASE, 'values-dev.yaml']);
    expect(redisValues(o).master.persistence.enabled).toBe(false);
    expect(find(o, 'ConfigMap', 'verta-backend').data.LOG_LEVEL).toBe('debug');
    expect(kinds(o, 'PodDisruptionBudget')).toEqual([]);
  });
});

describe('Redis modes', () => {
  it('external Redis: no bundled chart, host/port/password from the external settings', async () => {
    const o = await render(['ci/external-redis-values.yaml']);
    expect(o.find((x) => x.metadata.name === 'redis-standin-values')).toBeUndefined();
    expect(find(o, 'ConfigMap', 'verta-backend').data).toMatchObject({ REDIS_HOST: 'redis.example.internal', REDIS_PORT: '6380' });
    expect(envOf(find(o, 'Deployment', 'verta-backend')).REDIS_PASSWORD.secretKeyRef).toEqual({ name: 'verta-redis', key: 'password' });
    expect(o.find((x) => x.kind === 'Secret' && x.metadata.name === 'verta-redis-auth')).toBeUndefined();
    expect(Object.keys(find(o, 'Deployment', 'verta-backend').spec.template.metadata.labels)).not.toContain('verta-redis-client');
  });

  it('external Redis with a plain password stores it in the app Secret', async () => {
    const o = await render([BASE], ['--set', 'redis.enabled=false', '--set', 'redis.external.host=r', '--set', 'redis.external.password=pw']);
    expect(envOf(find(o, 'Deployment', 'verta-backend')).REDIS_PASSWORD.secretKeyRef).toEqual({ name: 'verta', key: 'redis-password' });
    expect(Buffer.from(find(o, 'Secret', 'verta').data['redis-password'], 'base64').toString()).toBe('pw');
  });

  it('external Redis without a password sets no REDIS_PASSWORD', async () => {
    const o = await render([BASE], ['--set', 'redis.enabled=false', '--set', 'redis.external.host=r']);
    expect(envOf(find(o, 'Deployment', 'verta-backend')).REDIS_PASSWORD).toBeUndefined();
  });

  it('release names containing "redis" follow the Bitnami naming', async () => {
    const r = await referenceTemplate(copy, ['-f', join(copy, BASE), '--show-only', 'templates/configmap.yaml'], 'myredis');
    expect(r.ok && r.output).toContain('REDIS_HOST: "myredis-master"');
  });
});

describe('existing Secrets (GitOps)', () => {
  it('creates no Secret and points every reference at the given ones', async () => {
    const o = await render(['ci/existing-secrets-values.yaml']);
    expect(kinds(o, 'Secret')).toEqual([]);
    expect(envOf(find(o, 'Deployment', 'verta-backend')).DATABASE_URL.secretKeyRef.name).toBe('verta-app');
    expect(envOf(find(o, 'Deployment', 'verta-backend')).REDIS_PASSWORD.secretKeyRef.name).toBe('verta-redis-auth');
    expect(redisValues(o).auth.existingSecret).toBe('verta-redis-auth');
  });
});

describe('ingress', () => {
  it('routes /api to the backend and / to the frontend, with TLS', async () => {
    const o = await render([BASE], ['--set', 'global.domain=archive.example.org', '--set', 'ingress.annotations.cert-manager\\.io/cluster-issuer=le']);
    const ing = find(o, 'Ingress', 'verta');
    expect(ing.spec.ingressClassName).toBe('nginx');
    expect(ing.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'le' });
    expect(ing.spec.tls).toEqual([{ hosts: ['archive.example.org'], secretName: 'verta-tls' }]);
    expect(ing.spec.rules).toEqual([
      {
        host: 'archive.example.org',
        http: {
          paths: [
            { path: '/api', pathType: 'Prefix', backend: { service: { name: 'verta-backend', port: { name: 'http' } } } },
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'verta-frontend', port: { name: 'http' } } } },
          ],
        },
      },
    ]);
  });
});

describe('autoscaling and disruption budgets', () => {
  it('creates autoscaling/v2 HPAs at 70% CPU / 80% memory and drops replicas from their Deployments', async () => {
    const o = await render(['ci/autoscaling-values.yaml']);
    const hpas = kinds(o, 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => [h.metadata.name, h.spec.minReplicas, h.spec.maxReplicas])).toEqual([
      ['verta-backend', 1, 3],
      ['verta-frontend', 2, 10],
      ['verta-ml', 1, 2],
    ]);
    for (const h of hpas) {
      expect(h.apiVersion).toBe('autoscaling/v2');
      expect(h.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: h.metadata.name });
      expect(h.spec.metrics.map((m: any) => [m.resource.name, m.resource.target.averageUtilization])).toEqual([
        ['cpu', 70],
        ['memory', 80],
      ]);
      expect(find(o, 'Deployment', h.metadata.name).spec.replicas).toBeUndefined();
    }
  });

  const budgets = (o: K8sObject[]) => kinds(o, 'PodDisruptionBudget').map((p) => [p.metadata.name, p.spec.minAvailable, p.spec.selector.matchLabels['app.kubernetes.io/component']]);
  const backendAnnotations = (o: K8sObject[]) => find(o, 'Deployment', 'verta-backend').metadata.annotations;

  it('renders the frontend PDB (minAvailable 1), none for the single backend pod and none for the ML budget of 0', async () => {
    expect(budgets(await render([BASE]))).toEqual([['verta-frontend', 1, 'frontend']]);
  });

  it.each([
    ['one backend replica', [], false],
    ['its budget disabled', ['--set', 'backend.podDisruptionBudget.enabled=false'], false],
    ['2 acknowledged replicas', ['--set', 'backend.acknowledgeMultipleReplicas=true', '--set', 'backend.replicas=2'], true],
    ['an acknowledged HPA from 1', ['--set', 'backend.acknowledgeMultipleReplicas=true', '--set', 'backend.autoscaling.enabled=true', '--set', 'backend.autoscaling.maxReplicas=3'], false],
    ['an acknowledged HPA from 2', ['--set', 'backend.acknowledgeMultipleReplicas=true', '--set', 'backend.autoscaling.enabled=true', '--set', 'backend.autoscaling.minReplicas=2', '--set', 'backend.autoscaling.maxReplicas=3'], true],
    ['an HPA from 2 over a single replica', ['--set', 'backend.acknowledgeMultipleReplicas=true', '--set', 'backend.autoscaling.enabled=true', '--set', 'backend.autoscaling.minReplicas=2', '--set', 'backend.autoscaling.maxReplicas=2', '--set', 'backend.replicas=1'], true],
  ])('backend with %s: a budget only while 2+ pods run, else the single-replica annotation', async (_name, args, budget) => {
    const o = await render([BASE], args as string[]);
    const backendBudget = budgets(o).filter(([name]) => name === 'verta-backend');
    expect(backendBudget).toEqual(budget ? [['verta-backend', 1, 'backend']] : []);
    if (budget) {
      expect(backendAnnotations(o)).toBeUndefined();
    } else {
      expect(backendAnnotations(o)?.['chartroom.io/ignore-findings']).toBe('prod/single-replica');
      expect(backendAnnotations(o)?.['chartroom.io/ignore-findings-reason']).toMatch(/duplicate\s+Discord session[\s\S]*block every node drain/);
    }
  });

  it('values-prod.yaml: anti-affinity, HPAs, an ML budget, NetworkPolicies and Redis metrics', async () => {
    const o = await render([BASE, 'values-prod.yaml']);
    expect(find(o, 'Deployment', 'verta-frontend').spec.template.spec.affinity.podAntiAffinity).toBeDefined();
    expect(find(o, 'Deployment', 'verta-ml').spec.template.spec.affinity.podAntiAffinity).toBeDefined();
    expect(find(o, 'Deployment', 'verta-backend').spec.replicas).toBe(1);
    expect(kinds(o, 'HorizontalPodAutoscaler').map((h) => h.metadata.name)).toEqual(['verta-frontend', 'verta-ml']);
    expect(budgets(o)).toEqual([
      ['verta-frontend', 1, 'frontend'],
      ['verta-ml', 1, 'ml'],
    ]);
    expect(backendAnnotations(o)?.['chartroom.io/ignore-findings']).toBe('prod/single-replica');
    expect(kinds(o, 'NetworkPolicy')).toHaveLength(4);
    expect(redisValues(o).metrics).toMatchObject({ enabled: true, podAnnotations: { 'prometheus.io/scrape': 'true' } });
  });
});

describe('network policies', () => {
  let o: K8sObject[];
  const component = (c: string) => ({ 'app.kubernetes.io/name': 'verta', 'app.kubernetes.io/instance': 'verta', 'app.kubernetes.io/component': c });
  beforeAll(async () => {
    o = await render(['ci/network-policy-values.yaml']);
  });

  it('admits the backend from the frontend and the ingress controller only', () => {
    const np = find(o, 'NetworkPolicy', 'verta-backend');
    expect(np.spec.podSelector.matchLabels).toEqual(component('backend'));
    expect(np.spec.ingress).toEqual([
      {
        from: [
          { podSelector: { matchLabels: component('frontend') } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'traefik' } } },
        ],
        ports: [{ port: 25000, protocol: 'TCP' }],
      },
    ]);
  });

  it('admits the ML service and Redis from the backend only', () => {
    expect(find(o, 'NetworkPolicy', 'verta-ml').spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: component('backend') } }], ports: [{ port: 8000, protocol: 'TCP' }] }]);
    const redis = find(o, 'NetworkPolicy', 'verta-redis');
    expect(redis.spec.podSelector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': 'verta' });
    expect(redis.spec.ingress[0].from[0]).toEqual({ podSelector: { matchLabels: component('backend') } });
    expect(redis.spec.ingress[0].ports).toEqual([{ port: 6379, protocol: 'TCP' }]);
  });

  it('limits backend egress to DNS, ML, Redis, TiDB and HTTPS', () => {
    const egress = find(o, 'NetworkPolicy', 'verta-backend').spec.egress;
    expect(egress.map((r: any) => r.ports.map((p: any) => `${p.port}/${p.protocol}`).join(','))).toEqual(['53/UDP,53/TCP', '8000/TCP', '6379/TCP', '4000/TCP', '443/TCP']);
    expect(egress[3].to).toEqual([{ ipBlock: { cidr: '10.20.0.0/16' } }]);
  });

  it('admits the frontend from the ingress controller and lets it reach only the backend', () => {
    const np = find(o, 'NetworkPolicy', 'verta-frontend');
    expect(np.spec.ingress[0].ports).toEqual([{ port: 3000, protocol: 'TCP' }]);
    expect(np.spec.egress[1]).toEqual({ to: [{ podSelector: { matchLabels: component('backend') } }], ports: [{ port: 25000, protocol: 'TCP' }] });
  });

  it('creates none unless enabled', async () => {
    expect(kinds(await render([BASE]), 'NetworkPolicy')).toEqual([]);
  });
});

describe('migrations', () => {
  it('mode job: one pre-install/pre-upgrade Job with the backend image and its own hook Secret', async () => {
    const o = await render(['ci/migration-job-values.yaml']);
    const job = find(o, 'Job', 'verta-migrations');
    expect(job.metadata.annotations!['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    const c = job.spec.template.spec.containers[0];
    expect(c.command).toEqual(['node', 'dist/scripts/migrate.js']);
    expect(c.image).toBe('ghcr.io/niekcandaele/verta-backend:latest');
    expect(c.env.find((e: any) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef).toEqual({ name: 'verta-migrations', key: 'database-url' });
    const hookSecret = find(o, 'Secret', 'verta-migrations');
    expect(Number(hookSecret.metadata.annotations!['helm.sh/hook-weight'])).toBeLessThan(Number(job.metadata.annotations!['helm.sh/hook-weight']));
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
  });
});

describe('validation', () => {
  // Each rule's own message, reached with the schema check skipped (the schema repeats most rules).
  const noSchema = ['--skip-schema-validation'];
  it.each([
    ['database URL', [], [], 'secrets.databaseUrl is required'],
    ['database URL scheme', [BASE], ['--set', 'secrets.databaseUrl=postgres://x'], 'secrets.databaseUrl must be a mysql:// URL'],
    ['Discord token', [BASE], ['--set', 'secrets.discordToken='], 'secrets.discordToken is required'],
    ['tenant slug', [BASE], ['--set', 'frontend.tenantSlug='], 'frontend.tenantSlug is required'],
    ['test NODE_ENV', [BASE], ['--set', 'backend.nodeEnv=test'], 'backend.nodeEnv must not be test'],
    ['backend replicas', [BASE], ['--set', 'backend.replicas=2'], 'backend.replicas is 2: every backend pod logs in to Discord'],
    ['backend HPA', [BASE], ['--set', 'backend.autoscaling.enabled=true', '--set', 'backend.autoscaling.maxReplicas=4'], 'backend.autoscaling.maxReplicas is 4'],
    ['HPA bounds', [BASE], ['--set', 'frontend.autoscaling.enabled=true', '--set', 'frontend.autoscaling.minReplicas=5', '--set', 'frontend.autoscaling.maxReplicas=3'], 'frontend.autoscaling.minReplicas (5) is greater than frontend.autoscaling.maxReplicas (3)'],
    ['migration mode', [BASE], ['--set', 'migrations.mode=initContainer'], 'migrations.mode must be atStartup or job, not "initContainer"'],
    ['migration command', [BASE], ['--set', 'migrations.mode=job'], 'migrations.job.command is required when migrations.mode is job'],
    ['domain', [BASE], ['--set', 'global.domain='], 'global.domain is required when ingress.enabled is true'],
    ['design redis.persistence', [BASE], ['--set', 'redis.persistence.enabled=true'], 'redis.persistence is not read by the Redis chart: set redis.master.persistence'],
    ['Redis Secret name', [BASE], ['--set', 'redis.auth.existingSecret='], 'redis.auth.existingSecret must name the Secret'],
    ['external Redis host', [BASE], ['--set', 'redis.enabled=false'], 'redis.external.host is required when redis.enabled is false'],
    ['image digest', [BASE], ['--set', 'frontend.image.digest=latest'], 'frontend.image.digest must be an image digest like sha256:<64 hex digits>'],
  ])('fails on %s', async (_name, files, args, message) => {
    expect(await renderError(files as string[], [...(args as string[]), ...noSchema])).toContain(message);
  });

  it('accepts 2+ backend replicas once acknowledged', async () => {
    const o = await render([BASE], ['--set', 'backend.replicas=2', '--set', 'backend.acknowledgeMultipleReplicas=true']);
    expect(find(o, 'Deployment', 'verta-backend').spec.replicas).toBe(2);
  });

  // Helm 3 names the value by its dotted path (gojsonschema), Helm 4 by a JSON pointer (jsonschema v6).
  it.each([
    ['database URL', [], 'secrets.databaseUrl', "at '/secrets/databaseUrl'"],
    ['backend replicas', ['--set', 'backend.replicas=2'], 'backend.replicas: Must be less than or equal to 1', "at '/backend/replicas': maximum: got 2, want 1"],
    ['external Redis host', ['--set', 'redis.enabled=false'], 'redis.external.host', "at '/redis/external/host'"],
    ['migration command', ['--set', 'migrations.mode=job'], 'migrations.job.command', "at '/migrations/job/command'"],
    ['noeviction', ['--set', 'redis.commonConfiguration=appendonly yes'], 'redis.commonConfiguration', "at '/redis/commonConfiguration'"],
    ['HPA range', ['--set', 'ml.autoscaling.maxReplicas=11'], 'ml.autoscaling.maxReplicas', "at '/ml/autoscaling/maxReplicas'"],
    ['image digest', ['--set', 'ml.image.digest=sha256:abc'], 'ml.image.digest', "at '/ml/image/digest'"],
  ])('the schema rejects %s too', async (_name, args, helm3, helm4) => {
    const files = _name === 'database URL' ? [] : [BASE];
    expect(await renderError(files, args as string[])).toContain(isHelm4(REFERENCE.setting) ? helm4 : helm3);
  });
});

describe('NOTES.txt', () => {
  // helm template skips NOTES.txt, so a copy renders it through a define.
  let notesCopy: string;
  beforeAll(() => {
    notesCopy = withStandins(chartDir);
    const notes = readFileSync(join(notesCopy, 'templates/NOTES.txt'), 'utf8');
    writeFileSync(join(notesCopy, 'templates/_notes.tpl'), `{{ define "notes" }}${notes}{{ end }}`);
    writeFileSync(join(notesCopy, 'templates/zz-notes.yaml'), 'notes: {{ include "notes" . | toJson }}\n');
  });
  afterAll(() => removeStandins(notesCopy));

  async function notes(files: string[]): Promise<string> {
    const r = await referenceTemplate(notesCopy, [...files.flatMap((f) => ['-f', join(notesCopy, f)]), '--show-only', 'templates/zz-notes.yaml'], 'verta');
    if (!r.ok) throw new Error(r.error);
    return parse(r.output).notes as string;
  }

  it('renders the access hints and the warnings that apply', async () => {
    const text = await notes(['ci/autoscaling-values.yaml']);
    expect(text).toContain('https://verta.example.com/api (backend)');
    expect(text).toContain('WARNING: up to 3 backend pods');
    // The HPA may scale the backend down to one pod, which gets no budget.
    expect(text).toContain('the backend has no PodDisruptionBudget while it may run a single pod');
    expect(text).not.toContain('node drains will wait');
    expect(text).toContain('Images: ghcr.io/niekcandaele/verta-backend:latest, ghcr.io/niekcandaele/verta-frontend:latest, ghcr.io/niekcandaele/verta-ml-service:latest.');
    expect(text).toContain("WARNING: the tag latest follows Verta's main branch");
    expect(text).toContain('for GitOps create the\nSecret yourself');
  });

  it('values-prod.yaml: the release images, no latest warning, the backend budget note', async () => {
    const text = await notes([BASE, 'values-prod.yaml']);
    expect(text).toMatch(/^Images: ghcr\.io\/niekcandaele\/verta-backend:\d+\.\d+\.\d+, /m);
    expect(text).not.toContain('main branch');
    expect(text).toContain('the backend has no PodDisruptionBudget while it may run a single pod');
  });

  it('a single-replica frontend budget still warns that node drains wait', async () => {
    const text = await notes([BASE]);
    expect(text).toContain('NOTE: the frontend PodDisruptionBudget (minAvailable 1) is not below its\n1 replica(s): node drains will wait');
    expect(text).not.toContain('NOTE: the backend PodDisruptionBudget');
  });
});
