import { beforeAll, describe, expect, it } from 'vitest';
import { loadKubeSchema, validateManifests, type ManifestDoc } from '../index';
import { CRD_KINDS, CRD_SCHEMAS } from './crds';

beforeAll(async () => {
  await loadKubeSchema('1.33');
});

type Obj = Record<string, any>;
const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}), labels: { 'app.kubernetes.io/name': 'demo' } });

/** A valid object of each kind, shaped as chartroom's charts and GitOps exports render them. */
const VALID: Record<string, Obj> = {
  'monitoring.coreos.com/v1/ServiceMonitor': {
    metadata: meta('demo'),
    spec: {
      selector: { matchLabels: { app: 'demo' } },
      namespaceSelector: { matchNames: ['demo'] },
      endpoints: [{ port: 'metrics', path: '/metrics', interval: '30s', scrapeTimeout: '10s', targetPort: 9090, relabelings: [{ action: 'replace', sourceLabels: ['__meta_kubernetes_pod_name'], targetLabel: 'pod' }] }],
    },
  },
  'monitoring.coreos.com/v1/PodMonitor': {
    metadata: meta('demo'),
    spec: { selector: { matchLabels: { app: 'demo' } }, podMetricsEndpoints: [{ port: 'metrics', interval: '30s' }] },
  },
  'monitoring.coreos.com/v1/PrometheusRule': {
    metadata: meta('demo'),
    spec: { groups: [{ name: 'demo', rules: [{ alert: 'DemoDown', expr: 'up == 0', for: '5m', labels: { severity: 'critical' }, annotations: { summary: 'down' } }] }] },
  },
  'postgresql.cnpg.io/v1/Cluster': {
    metadata: meta('demo-pg'),
    spec: {
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16.4',
      bootstrap: { initdb: { database: 'app', owner: 'app' } },
      storage: { size: '50Gi', storageClass: 'fast' },
      resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: 2, memory: '4Gi' } },
      postgresql: { parameters: { max_connections: '200', shared_buffers: '512MB' } },
      monitoring: { enablePodMonitor: true },
    },
  },
  'postgresql.cnpg.io/v1/ScheduledBackup': {
    metadata: meta('demo-pg-daily'),
    spec: { schedule: '0 0 0 * * *', cluster: { name: 'demo-pg' }, method: 'volumeSnapshot' },
  },
  'argoproj.io/v1alpha1/Application': {
    metadata: { ...meta('demo-dev', 'argocd'), annotations: { 'argocd.argoproj.io/sync-wave': '0' }, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
    spec: {
      project: 'demo',
      source: { repoURL: 'https://git.example.com/deploy.git', targetRevision: 'main', path: 'charts/demo', helm: { releaseName: 'demo', valueFiles: ['../../values/dev.yaml'], valuesObject: { any: { shape: [1, 'two'] } } } },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'demo' },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'], retry: { limit: 5, backoff: { duration: '5s', factor: 2, maxDuration: '3m' } } },
    },
  },
  'argoproj.io/v1alpha1/AppProject': {
    metadata: meta('demo', 'argocd'),
    spec: { sourceRepos: ['*'], destinations: [{ server: 'https://kubernetes.default.svc', namespace: '*' }], clusterResourceWhitelist: [{ group: '*', kind: '*' }] },
  },
  'argoproj.io/v1alpha1/ApplicationSet': {
    metadata: meta('demo', 'argocd'),
    spec: {
      generators: [{ list: { elements: [{ env: 'dev' }, { env: 'prod' }] } }],
      template: {
        metadata: { name: 'demo-{{env}}' },
        spec: { project: 'demo', source: { repoURL: 'https://git.example.com/deploy.git', path: 'envs/{{env}}', targetRevision: 'main' }, destination: { server: 'https://kubernetes.default.svc', namespace: 'demo-{{env}}' } },
      },
    },
  },
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': {
    metadata: meta('apps', 'flux-system'),
    spec: { interval: '10m', retryInterval: '1m', path: './apps/dev', prune: true, wait: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' }, dependsOn: [{ name: 'infrastructure' }] },
  },
  'helm.toolkit.fluxcd.io/v2/HelmRelease': {
    metadata: meta('demo'),
    spec: {
      interval: '10m',
      releaseName: 'demo',
      chart: { spec: { chart: 'demo', version: '1.2.3', sourceRef: { kind: 'HelmRepository', name: 'demo-chart' }, interval: '1h' } },
      install: { crds: 'Create', remediation: { retries: 3 } },
      upgrade: { crds: 'CreateReplace', remediation: { retries: 3, remediateLastFailure: true } },
      test: { enable: false },
      values: { replicas: 2, image: { tag: '1.0.0' }, anything: [{ goes: true }] },
    },
  },
  'source.toolkit.fluxcd.io/v1/HelmRepository': { metadata: meta('demo-chart'), spec: { interval: '1h', url: 'https://charts.example.com' } },
  'source.toolkit.fluxcd.io/v1/GitRepository': {
    metadata: meta('demo-chart'),
    spec: { interval: '5m', url: 'https://git.example.com/deploy.git', ref: { branch: 'main' }, ignore: '/*\n!/charts/demo/\n' },
  },
  'source.toolkit.fluxcd.io/v1/OCIRepository': {
    metadata: meta('demo-chart'),
    spec: { interval: '1h', url: 'oci://ghcr.io/example/charts/demo', ref: { tag: '1.2.3' }, layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' } },
  },
  'source.toolkit.fluxcd.io/v1beta2/OCIRepository': {
    metadata: meta('demo-chart'),
    spec: { interval: '1h', url: 'oci://ghcr.io/example/charts/demo', ref: { semver: '>=1.0.0' } },
  },
};

/** A copy of the valid object of `gvk` with `edit` applied. */
function object(gvk: string, edit: (o: Obj) => void = () => {}): Obj {
  const slash = gvk.lastIndexOf('/');
  const o = { apiVersion: gvk.slice(0, slash), kind: gvk.slice(slash + 1), ...structuredClone(VALID[gvk]) };
  edit(o);
  return o;
}

/** Findings as `id path`. */
function check(o: Obj): string[] {
  const docs: ManifestDoc[] = [{ template: 'demo/templates/crd.yaml', object: o }];
  return validateManifests(docs, { kubeVersion: '1.33' }).map((f) => `${f.id} ${f.path ?? ''}`.trim());
}

describe('every bundled custom resource kind', () => {
  it('has a valid example here, and every example kind is bundled', () => {
    expect([...CRD_KINDS].sort()).toEqual(Object.keys(VALID).sort());
  });
  it.each(Object.keys(VALID))('%s: a valid object has no finding', (gvk) => {
    expect(check(object(gvk))).toEqual([]);
  });
});

// [kind, what is broken, edit, expected findings]
const BROKEN: [string, string, (o: Obj) => void, string[]][] = [
  ['monitoring.coreos.com/v1/ServiceMonitor', 'spec.endpoint instead of spec.endpoints', (o) => { o.spec.endpoint = o.spec.endpoints; delete o.spec.endpoints; }, ['schema/unknown-field spec.endpoint', 'schema/required spec.endpoints']],
  ['monitoring.coreos.com/v1/ServiceMonitor', 'a map where endpoints want a list', (o) => { o.spec.endpoints = { port: 'metrics' }; }, ['schema/type spec.endpoints']],
  ['monitoring.coreos.com/v1/ServiceMonitor', 'no selector', (o) => { delete o.spec.selector; }, ['schema/required spec.selector']],
  ['monitoring.coreos.com/v1/ServiceMonitor', 'targetPort neither integer nor string', (o) => { o.spec.endpoints[0].targetPort = true; }, ['schema/type spec.endpoints[0].targetPort']],
  ['monitoring.coreos.com/v1/ServiceMonitor', 'a typo in an endpoint', (o) => { o.spec.endpoints[0].scrapeInterval = '30s'; }, ['schema/unknown-field spec.endpoints[0].scrapeInterval']],
  ['monitoring.coreos.com/v1/ServiceMonitor', 'an invalid label key in metadata', (o) => { o.metadata.labels['bad key'] = 'x'; }, ['schema/value metadata.labels["bad key"]']],
  ['monitoring.coreos.com/v1/PodMonitor', 'podMetricsEndpoints spelled endpoints', (o) => { o.spec.endpoints = o.spec.podMetricsEndpoints; delete o.spec.podMetricsEndpoints; }, ['schema/unknown-field spec.endpoints']],
  ['monitoring.coreos.com/v1/PrometheusRule', 'a rule group without a name', (o) => { delete o.spec.groups[0].name; }, ['schema/required spec.groups[0].name']],
  ['postgresql.cnpg.io/v1/Cluster', 'instances as a string', (o) => { o.spec.instances = '3'; }, ['schema/type spec.instances']],
  ['postgresql.cnpg.io/v1/Cluster', 'instances not an integer', (o) => { o.spec.instances = 1.5; }, ['schema/type spec.instances']],
  ['postgresql.cnpg.io/v1/Cluster', 'no instances', (o) => { delete o.spec.instances; }, ['schema/required spec.instances']],
  ['postgresql.cnpg.io/v1/Cluster', 'storage.storageClassName (a PVC field)', (o) => { o.spec.storage.storageClassName = 'fast'; }, ['schema/unknown-field spec.storage.storageClassName']],
  ['postgresql.cnpg.io/v1/Cluster', 'a number among the postgresql.conf parameters (a map of strings)', (o) => { o.spec.postgresql.parameters.max_connections = 200; }, ['schema/type spec.postgresql.parameters.max_connections']],
  ['postgresql.cnpg.io/v1/Cluster', 'no spec', (o) => { delete o.spec; }, ['schema/required spec']],
  ['postgresql.cnpg.io/v1/ScheduledBackup', 'no cluster', (o) => { delete o.spec.cluster; }, ['schema/required spec.cluster']],
  ['argoproj.io/v1alpha1/Application', 'no destination', (o) => { delete o.spec.destination; }, ['schema/required spec.destination']],
  ['argoproj.io/v1alpha1/Application', 'repoUrl instead of repoURL', (o) => { o.spec.source.repoUrl = o.spec.source.repoURL; delete o.spec.source.repoURL; }, ['schema/unknown-field spec.source.repoUrl', 'schema/required spec.source.repoURL']],
  ['argoproj.io/v1alpha1/Application', 'automated sync as a boolean', (o) => { o.spec.syncPolicy.automated = true; }, ['schema/type spec.syncPolicy.automated']],
  ['argoproj.io/v1alpha1/Application', 'a string retry limit', (o) => { o.spec.syncPolicy.retry.limit = '5'; }, ['schema/type spec.syncPolicy.retry.limit']],
  ['argoproj.io/v1alpha1/AppProject', 'sourceRepos as a string', (o) => { o.spec.sourceRepos = '*'; }, ['schema/type spec.sourceRepos']],
  ['argoproj.io/v1alpha1/ApplicationSet', 'an unknown generator', (o) => { o.spec.generators[0].lists = o.spec.generators[0].list; }, ['schema/unknown-field spec.generators[0].lists']],
  ['argoproj.io/v1alpha1/ApplicationSet', 'no template', (o) => { delete o.spec.template; }, ['schema/required spec.template']],
  ['kustomize.toolkit.fluxcd.io/v1/Kustomization', 'no sourceRef', (o) => { delete o.spec.sourceRef; }, ['schema/required spec.sourceRef']],
  ['kustomize.toolkit.fluxcd.io/v1/Kustomization', 'prune as a string', (o) => { o.spec.prune = 'true'; }, ['schema/type spec.prune']],
  ['kustomize.toolkit.fluxcd.io/v1/Kustomization', 'dependsOn as names', (o) => { o.spec.dependsOn = ['infrastructure']; }, ['schema/type spec.dependsOn[0]']],
  ['helm.toolkit.fluxcd.io/v2/HelmRelease', 'no interval', (o) => { delete o.spec.interval; }, ['schema/required spec.interval']],
  ['helm.toolkit.fluxcd.io/v2/HelmRelease', 'spec.value instead of spec.values', (o) => { o.spec.value = o.spec.values; delete o.spec.values; }, ['schema/unknown-field spec.value']],
  ['helm.toolkit.fluxcd.io/v2/HelmRelease', 'a string remediation retry count', (o) => { o.spec.install.remediation.retries = 'three'; }, ['schema/type spec.install.remediation.retries']],
  ['helm.toolkit.fluxcd.io/v2/HelmRelease', 'a chart template without a sourceRef', (o) => { delete o.spec.chart.spec.sourceRef; }, ['schema/required spec.chart.spec.sourceRef']],
  ['source.toolkit.fluxcd.io/v1/HelmRepository', 'no url', (o) => { delete o.spec.url; }, ['schema/required spec.url']],
  ['source.toolkit.fluxcd.io/v1/GitRepository', 'ref as a branch name', (o) => { o.spec.ref = 'main'; }, ['schema/type spec.ref']],
  ['source.toolkit.fluxcd.io/v1/OCIRepository', 'an unknown layerSelector field', (o) => { o.spec.layerSelector.type = 'helm'; }, ['schema/unknown-field spec.layerSelector.type']],
  ['source.toolkit.fluxcd.io/v1beta2/OCIRepository', 'insecure as a string', (o) => { o.spec.insecure = 'yes'; }, ['schema/type spec.insecure']],
  // enums
  ['monitoring.coreos.com/v1/ServiceMonitor', 'an endpoint scheme outside the enum', (o) => { o.spec.endpoints[0].scheme = 'tcp'; }, ['schema/value spec.endpoints[0].scheme']],
  ['monitoring.coreos.com/v1/ServiceMonitor', 'a relabeling action outside the enum', (o) => { o.spec.endpoints[0].relabelings[0].action = 'rename'; }, ['schema/value spec.endpoints[0].relabelings[0].action']],
  ['monitoring.coreos.com/v1/ServiceMonitor', 'a scrape protocol outside the enum, in a list', (o) => { o.spec.scrapeProtocols = ['PrometheusProto', 'JSON']; }, ['schema/value spec.scrapeProtocols']],
  ['postgresql.cnpg.io/v1/Cluster', 'an unknown primaryUpdateStrategy', (o) => { o.spec.primaryUpdateStrategy = 'automatic'; }, ['schema/value spec.primaryUpdateStrategy']],
  ['postgresql.cnpg.io/v1/ScheduledBackup', 'an unknown backup method', (o) => { o.spec.method = 'pg_dump'; }, ['schema/value spec.method']],
  ['helm.toolkit.fluxcd.io/v2/HelmRelease', 'a chart source of the wrong kind', (o) => { o.spec.chart.spec.sourceRef.kind = 'OCIRepository'; }, ['schema/value spec.chart.spec.sourceRef.kind']],
  ['kustomize.toolkit.fluxcd.io/v1/Kustomization', 'an unknown deletionPolicy', (o) => { o.spec.deletionPolicy = 'Keep'; }, ['schema/value spec.deletionPolicy']],
  ['source.toolkit.fluxcd.io/v1/OCIRepository', 'an unknown layer operation', (o) => { o.spec.layerSelector.operation = 'unpack'; }, ['schema/value spec.layerSelector.operation']],
];

describe('broken custom resources', () => {
  it.each(BROKEN)('%s: %s', (gvk, _, edit, expected) => {
    expect(check(object(gvk, edit)).sort()).toEqual([...expected].sort());
  });
});

describe('CRD semantics', () => {
  // [kind, free-form or int-or-string case, edit]
  const ACCEPTED: [string, string, (o: Obj) => void][] = [
    ['helm.toolkit.fluxcd.io/v2/HelmRelease', 'values of any shape (x-kubernetes-preserve-unknown-fields)', (o) => { o.spec.values = { a: [1, { b: null }], c: 'd', e: { f: { g: 1.5 } } }; }],
    ['argoproj.io/v1alpha1/Application', 'a helm valuesObject of any shape', (o) => { o.spec.source.helm.valuesObject = { nested: { list: [true, 2, 'three'] } }; }],
    ['argoproj.io/v1alpha1/ApplicationSet', 'list generator elements of any shape', (o) => { o.spec.generators[0].list.elements = [{ env: 'dev', replicas: 2, extra: { x: true } }]; }],
    ['postgresql.cnpg.io/v1/Cluster', 'any postgresql.conf parameter name', (o) => { o.spec.postgresql.parameters = { 'pg_stat_statements.track': 'all', work_mem: '16MB' }; }],
    ['postgresql.cnpg.io/v1/Cluster', 'integer and string resource quantities (int-or-string)', (o) => { o.spec.resources = { requests: { cpu: 1, memory: '1Gi' } }; }],
    ['monitoring.coreos.com/v1/ServiceMonitor', 'a named targetPort (int-or-string)', (o) => { o.spec.endpoints[0].targetPort = 'metrics'; }],
    ['monitoring.coreos.com/v1/ServiceMonitor', 'a status written back by the operator', (o) => { o.status = { anything: true }; }],
  ];
  it.each(ACCEPTED)('%s accepts %s', (gvk, _, edit) => {
    expect(check(object(gvk, edit))).toEqual([]);
  });

  it('bundled kinds no longer get the "not validated" finding; other custom resources still do', () => {
    expect(check(object('monitoring.coreos.com/v1/ServiceMonitor')).some((f) => f.startsWith('schema/unknown-kind'))).toBe(false);
    expect(check({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { size: 1 } })).toEqual(['schema/unknown-kind apiVersion']);
  });

  it('names the allowed values of an enum', () => {
    const o = object('monitoring.coreos.com/v1/ServiceMonitor', (s) => { s.spec.endpoints[0].scheme = 'tcp'; });
    const [f] = validateManifests([{ template: 't.yaml', object: o }], { kubeVersion: '1.33' });
    expect(f.message).toBe('"tcp" is not one of "http", "https", "HTTP", "HTTPS"');
  });

  it('keeps the compact data small and every reference resolvable', () => {
    const size = JSON.stringify(CRD_SCHEMAS).length;
    expect(size).toBeLessThan(300 * 1024);
    for (const [name, [fields, required]] of Object.entries(CRD_SCHEMAS.defs)) {
      for (const t of Object.values(fields)) if (t.includes('@')) expect(CRD_SCHEMAS.defs[t.slice(t.indexOf('@') + 1)], `${name}: ${t}`).toBeDefined();
      for (const r of required ?? []) expect(fields[r], `${name} requires ${r}`).toBeDefined();
    }
  });
});
