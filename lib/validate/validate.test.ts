import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadKubeSchema, summarize, validateManifests, type ManifestDoc, type ValidateOptions } from './index';

beforeAll(async () => {
  for (const v of ['1.29', '1.31', '1.32', '1.33']) await loadKubeSchema(v);
});

const docs = (...objs: object[]): ManifestDoc[] => objs.map((o, i) => ({ template: `c/templates/t${i}.yaml`, object: o as Record<string, unknown> }));
const ids = (d: ManifestDoc[], opts: Partial<ValidateOptions> = {}) => validateManifests(d, { kubeVersion: '1.33', ...opts }).map((f) => f.id);

const secure = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } };
const goodContainer = {
  name: 'app',
  image: 'example/app:1.2.3',
  ports: [{ name: 'http', containerPort: 8080 }],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  readinessProbe: { httpGet: { path: '/ready', port: 'http' } },
  livenessProbe: { httpGet: { path: '/live', port: 'http' } },
  securityContext: secure,
};
const labels = { app: 'web' };

/** A clean Deployment; `patch` edits a deep copy. */
function deployment(patch: (d: any) => void = () => {}): object {
  const d: any = structuredClone({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [goodContainer] } } },
  });
  patch(d);
  return d;
}
/** A StatefulSet like the Deployment, with one PVC template. */
const statefulSet = (claim: object) => {
  const d: any = deployment();
  return { ...d, kind: 'StatefulSet', spec: { ...d.spec, serviceName: 'web', volumeClaimTemplates: [claim] } };
};
const container = (d: any) => d.spec.template.spec.containers[0];
const service = (patch: (s: any) => void = () => {}) => {
  const s: any = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } };
  patch(s);
  return s;
};
const pdb = (spec: object) => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { selector: { matchLabels: labels }, ...spec } });
const hpa = (spec: object) => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 2, maxReplicas: 5, ...spec } });
const netpol = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'web' }, spec: { podSelector: { matchLabels: labels } } };

describe('a clean set of objects has no findings', () => {
  it('development and production', () => {
    const set = docs(deployment(), service(), pdb({ maxUnavailable: 1 }), netpol);
    expect(ids(set)).toEqual([]);
    expect(ids(set, { preset: 'production' })).toEqual([]);
  });
});

// One row per rule: objects that trigger it, and objects that don't.
const rows: { rule: string; bad: object[]; good: object[]; opts?: Partial<ValidateOptions> }[] = [
  { rule: 'schema/unknown-field', bad: [deployment((d) => (d.spec.replica = 2))], good: [deployment()] },
  { rule: 'schema/unknown-field', bad: [deployment((d) => (container(d).resource = {}))], good: [deployment()] },
  { rule: 'schema/type', bad: [deployment((d) => (d.spec.replicas = '2'))], good: [deployment()] },
  { rule: 'schema/type', bad: [deployment((d) => (container(d).ports[0].containerPort = 80.5))], good: [deployment()] },
  { rule: 'schema/required', bad: [deployment((d) => delete d.spec.selector)], good: [deployment()] },
  { rule: 'schema/required', bad: [deployment((d) => delete container(d).name)], good: [deployment()] },
  { rule: 'schema/value', bad: [deployment((d) => (container(d).ports[0].containerPort = 70000))], good: [deployment()] },
  { rule: 'schema/value', bad: [service((s) => (s.spec.ports[0].port = 0))], good: [service()] },
  { rule: 'schema/value', bad: [deployment((d) => (container(d).ports[0].name = 'http_port'))], good: [deployment()] },
  { rule: 'schema/value', bad: [deployment((d) => (container(d).resources.requests.memory = '128MB'))], good: [deployment()] },
  { rule: 'schema/value', bad: [deployment((d) => (d.metadata.labels = { 'app/x/y': 'a' }))], good: [deployment((d) => (d.metadata.labels = { 'app.kubernetes.io/name': 'a' }))] },
  { rule: 'schema/value', bad: [deployment((d) => (d.metadata.labels = { app: 'a b' }))], good: [deployment()] },
  { rule: 'schema/value', bad: [deployment((d) => (container(d).name = 'App'))], good: [deployment()] },
  { rule: 'schema/name', bad: [deployment((d) => (d.metadata.name = 'Web_1'))], good: [deployment()] },
  { rule: 'schema/name', bad: [service((s) => (s.metadata.name = '1web'))], good: [service()] },
  { rule: 'schema/duplicate', bad: [deployment(), deployment()], good: [deployment(), deployment((d) => (d.metadata.name = 'web2'))] },
  { rule: 'schema/not-an-object', bad: [{ kind: 'ConfigMap', metadata: { name: 'x' } }], good: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }] },
  { rule: 'schema/unknown-kind', bad: [{ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'x' } }], good: [] },
  { rule: 'api/removed', bad: [{ ...pdb({ minAvailable: 1 }), apiVersion: 'policy/v1beta1' }], good: [pdb({ minAvailable: 1 })] },
  { rule: 'api/removed', bad: [{ ...hpa({}), apiVersion: 'autoscaling/v2beta2' }], good: [hpa({})] },
  { rule: 'api/unknown', bad: [{ apiVersion: 'apps/v2', kind: 'Deployment', metadata: { name: 'x' } }], good: [] },
  { rule: 'prod/image-tag', bad: [deployment((d) => (container(d).image = 'example/app:latest'))], good: [deployment((d) => (container(d).image = 'example/app@sha256:' + 'a'.repeat(64)))] },
  { rule: 'prod/image-tag', bad: [deployment((d) => (container(d).image = 'registry:5000/app'))], good: [deployment((d) => (container(d).image = 'registry:5000/app:1.0'))] },
  { rule: 'prod/resources', bad: [deployment((d) => delete container(d).resources.limits)], good: [deployment()] },
  { rule: 'prod/probes', bad: [deployment((d) => delete container(d).readinessProbe)], good: [deployment()] },
  { rule: 'prod/run-as-root', bad: [deployment((d) => delete container(d).securityContext.runAsNonRoot)], good: [deployment((d) => { delete container(d).securityContext.runAsNonRoot; d.spec.template.spec.securityContext = { runAsUser: 1000 }; })] },
  { rule: 'prod/privilege-escalation', bad: [deployment((d) => delete container(d).securityContext.allowPrivilegeEscalation)], good: [deployment()] },
  { rule: 'prod/writable-root-fs', bad: [deployment((d) => (container(d).securityContext.readOnlyRootFilesystem = false))], good: [deployment()] },
  { rule: 'prod/capabilities', bad: [deployment((d) => (container(d).securityContext.capabilities = { drop: ['NET_RAW'] }))], good: [deployment()] },
  { rule: 'prod/seccomp', bad: [deployment((d) => delete container(d).securityContext.seccompProfile)], good: [deployment((d) => { delete container(d).securityContext.seccompProfile; d.spec.template.spec.securityContext = { seccompProfile: { type: 'RuntimeDefault' } }; })] },
  { rule: 'prod/privileged', bad: [deployment((d) => (container(d).securityContext.privileged = true))], good: [deployment()] },
  { rule: 'prod/host-namespaces', bad: [deployment((d) => (d.spec.template.spec.hostNetwork = true))], good: [deployment((d) => (d.spec.template.spec.hostNetwork = false))] },
  { rule: 'prod/host-path', bad: [deployment((d) => (d.spec.template.spec.volumes = [{ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }]))], good: [deployment((d) => (d.spec.template.spec.volumes = [{ name: 'tmp', emptyDir: {} }]))] },
  { rule: 'prod/single-replica', opts: { preset: 'production' }, bad: [deployment((d) => (d.spec.replicas = 1)), netpol], good: [deployment((d) => (d.spec.replicas = 1)), netpol, pdb({ maxUnavailable: 1 })] },
  { rule: 'prod/pdb-blocks-evictions', bad: [deployment(), pdb({ maxUnavailable: 0 })], good: [deployment(), pdb({ maxUnavailable: 1 })] },
  { rule: 'prod/pdb-blocks-evictions', bad: [deployment(), pdb({ minAvailable: 2 })], good: [deployment(), pdb({ minAvailable: 1 })] },
  { rule: 'prod/pdb-blocks-evictions', bad: [deployment(), pdb({ minAvailable: '100%' })], good: [deployment(), pdb({ minAvailable: '50%' })] },
  { rule: 'prod/hpa-min-max', bad: [deployment((d) => delete d.spec.replicas), hpa({ minReplicas: 6 })], good: [deployment((d) => delete d.spec.replicas), hpa({})] },
  { rule: 'prod/hpa-fixed-replicas', bad: [deployment(), hpa({})], good: [deployment((d) => delete d.spec.replicas), hpa({})] },
  { rule: 'prod/hpa-target', bad: [hpa({})], good: [deployment((d) => delete d.spec.replicas), hpa({})] },
  { rule: 'prod/ingress-tls', opts: { preset: 'production' }, bad: [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { rules: [{ host: 'a.example.com' }] } }], good: [{ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { tls: [{ hosts: ['a.example.com'], secretName: 'tls' }], rules: [{ host: 'a.example.com' }] } }] },
  { rule: 'prod/network-policy', opts: { preset: 'production' }, bad: [deployment()], good: [deployment(), netpol] },
  { rule: 'prod/secret-in-configmap', bad: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { DB_PASSWORD: 'hunter2' } }], good: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { DB_PASSWORD_FILE: '/run/secrets/db', LOG_LEVEL: 'info' } }] },
  { rule: 'prod/secret-in-configmap', bad: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { DATABASE_URL: 'postgres://app:s3cret@db:5432/app' } }], good: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { DATABASE_URL: 'postgres://db:5432/app' } }] },
  { rule: 'prod/secret-in-env', bad: [deployment((d) => (container(d).env = [{ name: 'API_KEY', value: 'abc123' }]))], good: [deployment((d) => (container(d).env = [{ name: 'API_KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }])), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }] },
  { rule: 'prod/secret-in-env', bad: [deployment((d) => (container(d).env = [{ name: 'REDIS_PASSWORD', value: 'yes-it-is-secret' }]))], good: [deployment((d) => (container(d).env = [{ name: 'ALLOW_EMPTY_PASSWORD', value: 'yes' }, { name: 'REDIS_PASSWORD_ENABLED', value: 'no' }, { name: 'USE_PASSWORD_FILES', value: 'true' }, { name: 'DB_PASSWORD', value: 'false' }]))] },
  { rule: 'schema/unknown-field', bad: [statefulSet({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessMode: 'ReadWriteOnce' } })], good: [statefulSet({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } })] },
  { rule: 'schema/name', bad: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'a/b' } }], good: [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'example-webhook:domain-solver' } }, { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'system:auth-delegator' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'x' } }] },
  { rule: 'xref/service-selector', bad: [deployment(), service((s) => (s.spec.selector = { app: 'api' }))], good: [deployment(), service()] },
  { rule: 'xref/missing-object', bad: [deployment((d) => (container(d).envFrom = [{ configMapRef: { name: 'cfg' } }]))], good: [deployment((d) => (container(d).envFrom = [{ configMapRef: { name: 'cfg' } }])), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' } }] },
  { rule: 'xref/missing-object', bad: [deployment((d) => (d.spec.template.spec.serviceAccountName = 'web'))], good: [deployment((d) => (d.spec.template.spec.serviceAccountName = 'web'))], opts: {} },
  { rule: 'xref/port-name', bad: [deployment((d) => (container(d).livenessProbe.httpGet.port = 'metrics'))], good: [deployment()] },
  { rule: 'xref/port-name', bad: [deployment(), service((s) => (s.spec.ports[0].targetPort = 'web'))], good: [deployment(), service()] },
  { rule: 'xref/pdb-selector', bad: [deployment(), { ...pdb({ maxUnavailable: 1 }), spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'api' } } } }], good: [deployment(), pdb({ maxUnavailable: 1 })] },
];

describe('each rule fires on a manifest that breaks it and not on one that keeps it', () => {
  it.each(rows.map((r, i) => [`${r.rule} #${i}`, r] as const))('%s', (_name, row) => {
    expect(ids(docs(...row.bad), row.opts)).toContain(row.rule);
    const goodOpts = row.rule === 'xref/missing-object' && row.opts ? { ...row.opts, external: ['ServiceAccount/web'] } : row.opts;
    expect(ids(docs(...row.good), goodOpts)).not.toContain(row.rule);
  });
});

describe('API versions follow the target Kubernetes version', () => {
  const flow = (v: string) => ({ apiVersion: `flowcontrol.apiserver.k8s.io/${v}`, kind: 'FlowSchema', metadata: { name: 'f' }, spec: { priorityLevelConfiguration: { name: 'p' } } });
  it.each([
    ['1.29', 'v1beta3', ['api/deprecated']],
    ['1.31', 'v1beta3', ['api/deprecated']],
    ['1.32', 'v1beta3', ['api/removed']],
    ['1.33', 'v1', []],
  ])('Kubernetes %s, flowcontrol %s', (kube, v, want) => {
    expect(ids(docs(flow(v)), { kubeVersion: kube })).toEqual(want);
  });
  it('a field newer than the target version is unknown there', () => {
    // Container.resizePolicy arrived in 1.27 and stays; Pod-level resources arrived in 1.32.
    const withPodResources = deployment((d) => (d.spec.template.spec.resources = { limits: { memory: '1Gi' } }));
    expect(ids(docs(withPodResources), { kubeVersion: '1.31' })).toContain('schema/unknown-field');
    expect(ids(docs(withPodResources), { kubeVersion: '1.33' })).not.toContain('schema/unknown-field');
  });
});

describe('finding details', () => {
  it('carries the path, the why, the resource and the traced values path', () => {
    const [f] = validateManifests(docs(deployment((d) => (container(d).image = 'example/app:latest'))), {
      kubeVersion: '1.33',
      values: { web: { image: { repository: 'example/app', tag: 'latest' } } },
    });
    expect(f).toMatchObject({
      id: 'prod/image-tag',
      severity: 'warning',
      path: 'spec.template.spec.containers[0].image',
      valuesPath: 'web.image.tag',
      resource: { kind: 'Deployment', name: 'web', template: 'c/templates/t0.yaml' },
    });
    expect(f.why.length).toBeGreaterThan(10);
  });
  it('traces a missing setting to the component that runs the image', () => {
    const f = validateManifests(docs(deployment((d) => delete container(d).resources)), {
      kubeVersion: '1.33',
      values: new Map<string, unknown>([['web', new Map<string, unknown>([['image', new Map([['repository', 'example/app']])], ['resources', new Map()]])]]),
    }).find((x) => x.id === 'prod/resources');
    expect(f?.valuesPath).toBe('web.resources');
  });
  it('traces values paths with keys holding dots escaped, as the form names its fields', () => {
    const latest = docs(deployment((d) => (container(d).image = 'example/app:latest')));
    const [byValue] = validateManifests(latest, { kubeVersion: '1.33', values: { images: { 'registry.example.com/app': 'example/app:latest' } } });
    expect(byValue.valuesPath).toBe('images.registry\\.example\\.com/app');
    const noResources = docs(deployment((d) => delete container(d).resources));
    const byComponent = validateManifests(noResources, { kubeVersion: '1.33', values: { 'web.v2': { image: { repository: 'example/app' }, resources: {} } } }).find((x) => x.id === 'prod/resources');
    expect(byComponent?.valuesPath).toBe('web\\.v2.resources');
  });
  it('a key holding dots is one key when a rule looks for its name', () => {
    const one = docs(deployment((d) => (d.spec.replicas = 1)));
    const traced = (values: object) => validateManifests(one, { kubeVersion: '1.33', preset: 'production', values }).find((x) => x.id === 'prod/single-replica')?.valuesPath;
    // The value 1 is in several places, so the rule's key names decide: `replicas` under `web`, not the key `api.replicas`.
    expect(traced({ web: { replicas: 1 }, worker: { count: 1 }, 'api.replicas': 1 })).toBe('web.replicas');
    expect(traced({ 'web.replicas': 1, worker: { count: 1 } })).toBeUndefined();
  });
  it('locates the path as a line of the manifest text', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 2\n';
    const [f] = validateManifests([{ template: 't.yaml', object: parse(text), content: text }], { kubeVersion: '1.33' }).filter((x) => x.id === 'schema/unknown-field');
    expect(f.line).toBe(6);
  });
  it('existingSecret values declare external Secrets, templated names included', () => {
    const d = deployment((x) => (container(x).env = [{ name: 'P', valueFrom: { secretKeyRef: { name: 'rel-redis-auth', key: 'p' } } }]));
    expect(ids(docs(d), { values: { redis: { auth: { existingSecret: '{{ .Release.Name }}-redis-auth' } } } })).not.toContain('xref/missing-object');
    expect(ids(docs(d), { values: { redis: { auth: { existingSecret: 'other' } } } })).toContain('xref/missing-object');
  });
  it('an operator-created Secret counts as rendered (CloudNativePG)', () => {
    const d = deployment((x) => (container(x).env = [{ name: 'P', valueFrom: { secretKeyRef: { name: 'db-app', key: 'password' } } }]));
    const cluster = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'db' }, spec: { instances: 1, storage: { size: '1Gi' } } };
    expect(ids(docs(d, cluster))).not.toContain('xref/missing-object');
  });
  it('an annotation opts an object out of a rule', () => {
    const d = pdb({ minAvailable: 2 }) as any;
    d.metadata.annotations = { 'chartroom.io/ignore-findings': 'prod/pdb-blocks-evictions' };
    expect(ids(docs(deployment(), d))).not.toContain('prod/pdb-blocks-evictions');
  });
  it('disable skips rules by id or prefix; summarize counts', () => {
    const bad = docs(deployment((d) => { container(d).image = 'x:latest'; d.spec.replica = 1; }));
    expect(ids(bad, { disable: ['prod/'] })).toEqual(['schema/unknown-field']);
    const s = summarize(validateManifests(bad, { kubeVersion: '1.33' }));
    expect(s).toMatchObject({ errors: 1, warnings: 1, total: 2, byRule: { 'schema/unknown-field': 1, 'prod/image-tag': 1 } });
  });
  it('throws when the schema is not loaded', () => {
    expect(() => validateManifests([], { kubeVersion: '1.30' })).toThrow(/loadKubeSchema/);
  });
});
