/**
 * The GitOps trees checked against themselves, for every bundled and fixture chart: every path a
 * README names exists, every overlay builds with `kubectl kustomize`, the AppProject allows every
 * namespace and cluster-scoped kind the renders write, no values file is `null`, prerequisites
 * are the CRD groups the chart uses without installing, and ServerSideApply is set exactly when
 * a CRD is too large for client-side apply.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import { gitopsFiles, type GitopsTool } from '../../lib/export/gitops';
import { CLIENT_SIDE_APPLY_LIMIT } from '../../lib/export/footprint';
import { prepareExport } from '../../lib/export/prepare';
import type { Chart } from '../../lib/helm/chart/chart';
import type { ChartroomConfig } from '../../lib/share/config';
import { removeStandins, withStandins } from '../charts/standins';
import { root } from './fixtures';

const REPO = 'https://github.com/example/deploy.git';
const copies: string[] = [];
afterAll(() => copies.forEach(removeStandins));

/** A chart folder loaded with stand-ins for remote dependencies. */
function load(dir: string): Chart {
  const copy = withStandins(dir);
  copies.push(copy);
  return loadChartFromDisk(copy);
}

// Every fixture chart that renders: not the values files, the chart whose templates fail on purpose,
// nor the apiVersion v3 chart helm refuses to load.
const NOT_RENDERABLE = new Set(['values', 'failures', 'api-v3', 'install-checks']);
const FIXTURES = readdirSync(join(root, 'tests/diff/charts')).filter((n) => !NOT_RENDERABLE.has(n)).map((n) => join('tests/diff/charts', n));
const CHARTS = ['charts/aeterna', 'charts/verta', ...FIXTURES];

function config(chart: Chart, environments: ChartroomConfig['environments']): ChartroomConfig {
  return { format: 1, chart: { name: chart.metadata.name, version: chart.metadata.version }, release: { name: 'rel', namespace: 'apps' }, values: '', environments };
}

const ENVIRONMENTS: [string, ChartroomConfig['environments']][] = [
  ['one environment', undefined],
  ['dev with overrides, prod without', [{ name: 'dev', values: 'extra:\n  note: dev\n' }, { name: 'prod', values: '' }]],
];

/** Paths a README names: inline code that looks like a path, and paths in shell commands. */
function namedPaths(readme: string, envs: string[]): string[] {
  const paths = new Set<string>();
  for (const m of readme.matchAll(/`([^`\s]+)`/g)) {
    const p = m[1];
    if (p.includes('/') && !p.includes('://') && !p.startsWith('$')) paths.add(p);
  }
  for (const block of readme.matchAll(/```sh\n([^]*?)```/g)) {
    for (const m of block[1].matchAll(/(?:-f |--path=)(\S+)/g)) paths.add(m[1]);
  }
  return [...paths].flatMap((p) => (p.includes('<env>') ? envs.map((e) => p.replaceAll('<env>', e)) : [p])).map((p) => p.replace(/\/$/, ''));
}

function writeTree(files: Map<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-tree-'));
  for (const [p, data] of files) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), data);
  }
  return dir;
}

describe.each(CHARTS)('%s', (chartDir) => {
  const chart = load(join(root, chartDir));
  describe.each(ENVIRONMENTS)('%s', (_label, environments) => {
    const cfg = config(chart, environments);
    const envNames = environments?.map((e) => e.name) ?? ['default'];
    describe.each(['argocd', 'flux'] as GitopsTool[])('%s', (tool) => {
      const out = gitopsFiles(chart, cfg, { tool, repoUrl: REPO });
      const files = new Map(out.files.map((f) => [f.path, f.content]));
      const text = (p: string) => String(files.get(p) ?? '');
      const readme = text('README.md');

      it('names only paths that exist in the tree', () => {
        const dirs = new Set([...files.keys()].flatMap((p) => p.split('/').slice(1).map((_, i, a) => p.split('/').slice(0, i + 1).join('/'))));
        const missing = namedPaths(readme, envNames).filter((p) => !files.has(p) && !dirs.has(p));
        expect(missing).toEqual([]);
        if (!out.files.some((f) => f.path.startsWith('secrets/'))) expect(readme).not.toContain('secrets/');
      });

      it('writes no values file that is null', () => {
        for (const [p, c] of files) if (/values[^/]*\.yaml$/.test(p) && !p.startsWith('charts/')) expect(parse(String(c)), p).not.toBeNull();
      });

      if (tool === 'flux') {
        it('builds every kustomization with kubectl kustomize', () => {
          const dir = writeTree(files);
          try {
            const dirs = [...files.keys()].filter((p) => p.endsWith('kustomization.yaml')).map((p) => posix.dirname(p));
            expect(dirs).toContain('apps/base');
            for (const e of envNames) expect(dirs).toContain(`apps/${e}`);
            for (const d of dirs) expect(() => execFileSync('kubectl', ['kustomize', join(dir, d)], { encoding: 'utf8', stdio: 'pipe' }), d).not.toThrow();
          } finally {
            rmSync(dir, { recursive: true });
          }
        });
      } else {
        it('lets the AppProject write every namespace and cluster-scoped kind the renders write', () => {
          const project = parse(text('argocd/apps/project.yaml'));
          const allowed = new Set(project.spec.destinations.map((d: { namespace: string }) => d.namespace));
          const kinds = new Set(project.spec.clusterResourceWhitelist.map((k: { group: string; kind: string }) => `${k.group}/${k.kind}`));
          const prepared = prepareExport(chart, { ...cfg, environments: cfg.environments ?? [{ name: 'default', values: '' }] });
          const apps = [...files.keys()].filter((p) => /^argocd\/apps\/rel-/.test(p)).map((p) => parse(text(p)));
          for (const r of prepared.renders) {
            const app = apps.find((a) => a.metadata.labels.environment === r.environment)!;
            expect(allowed.has(app.spec.destination.namespace)).toBe(true);
            for (const { object } of r.objects) {
              const ns = object.metadata && (object.metadata as { namespace?: string }).namespace;
              if (ns) expect(allowed.has(ns), `${object.kind} in ${ns}`).toBe(true);
            }
          }
          for (const k of prepared.footprint.clusterKinds) expect(kinds.has(`${k.group}/${k.kind}`)).toBe(true);
          expect(kinds.has('/Namespace')).toBe(true);
          expect(kinds.has('*/*')).toBe(false);
        });
      }
    });
  });
});

/** A chart made for one question, in a temporary folder. */
function tempChart(name: string, files: Record<string, string>): Chart {
  const dir = mkdtempSync(join(tmpdir(), `gitops-${name}-`));
  for (const [p, text] of Object.entries({ 'Chart.yaml': `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`, 'values.yaml': '', ...files })) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  const chart = loadChartFromDisk(dir);
  rmSync(dir, { recursive: true });
  return chart;
}

/** A CRD of about `bytes` bytes of JSON. */
function crd(group: string, kind: string, bytes: number): string {
  const plural = `${kind.toLowerCase()}s`;
  const filler = 'x'.repeat(Math.max(0, bytes - 600));
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: ${plural}.${group}
spec:
  group: ${group}
  names: {kind: ${kind}, plural: ${plural}}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          description: "${filler}"
`;
}

const SERVICE_MONITOR = 'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  selector: {matchLabels: {app: x}}\n  endpoints: [{port: http}]\n';

describe('derived from what renders', () => {
  const build = (chart: Chart, tool: GitopsTool) => {
    const out = gitopsFiles(chart, config(chart, undefined), { tool, repoUrl: REPO });
    return new Map(out.files.map((f) => [f.path, String(f.content)]));
  };

  it('an object in kube-system is an allowed destination', () => {
    const chart = tempChart('ks', { 'templates/rb.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: r\n  namespace: kube-system\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: x}\n' });
    const project = parse(build(chart, 'argocd').get('argocd/apps/project.yaml')!);
    expect(project.spec.destinations.map((d: { namespace: string }) => d.namespace).sort()).toEqual(['apps', 'kube-system']);
  });

  it('a chart that uses a CRD it does not install names its operator as a prerequisite', () => {
    const readme = build(tempChart('uses', { 'templates/sm.yaml': SERVICE_MONITOR }), 'flux').get('README.md')!;
    expect(readme).toContain('## Prerequisites');
    expect(readme).toContain('The Prometheus Operator (kube-prometheus-stack) must run in the cluster: the release creates `ServiceMonitor` objects (`monitoring.coreos.com`)');
  });

  it('a chart that installs the CRD itself (the operator) has no such prerequisite', () => {
    const readme = build(tempChart('operator', { 'crds/sm.yaml': crd('monitoring.coreos.com', 'ServiceMonitor', 2000), 'templates/sm.yaml': SERVICE_MONITOR }), 'argocd').get('README.md')!;
    expect(readme).not.toContain('Prerequisites');
    expect(readme).not.toContain('must run in the cluster');
  });

  it('an unknown CRD group is named as it is', () => {
    const readme = build(tempChart('unknown', { 'templates/w.yaml': 'apiVersion: widgets.example.com/v1\nkind: Widget\nmetadata:\n  name: w\n' }), 'argocd').get('README.md')!;
    expect(readme).toContain('A controller serving `widgets.example.com` must run in the cluster: the release creates `Widget` objects');
  });

  it.each([
    ['a CRD just under the limit', CLIENT_SIDE_APPLY_LIMIT - 2000, false],
    ['a CRD over the limit', CLIENT_SIDE_APPLY_LIMIT + 2000, true],
  ])('%s: ServerSideApply is %s', (_label, bytes, serverSide) => {
    const chart = tempChart('crds', { 'crds/small.yaml': crd('a.example.com', 'Small', 1000), 'crds/big.yaml': crd('b.example.com', 'Big', bytes) });
    const argo = build(chart, 'argocd');
    const app = argo.get('argocd/apps/rel-default.yaml')!;
    expect(parse(app).spec.syncPolicy.syncOptions.includes('ServerSideApply=true')).toBe(serverSide);
    if (serverSide) {
      expect(app).toMatch(/- ServerSideApply=true # bigs\.b\.example\.com exceeds client-side apply's 262144-byte annotation limit/);
      expect(argo.get('README.md')).toContain('sync with `ServerSideApply=true`');
      expect(build(chart, 'flux').get('README.md')).toContain('Flux applies server-side already');
    } else {
      expect(argo.get('README.md')).not.toContain('ServerSideApply');
    }
  });

  it('the GitOps README explains output that changes at every sync, with the values that avoid it', () => {
    const chart = tempChart('rand', { 'values.yaml': 'token: ""\n', 'templates/s.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  token: {{ .Values.token | default (randAlphaNum 20) | quote }}\n' });
    const out = gitopsFiles(chart, config(chart, undefined), { tool: 'argocd', repoUrl: REPO });
    expect(out.gitops.map((f) => f.id)).toEqual(['gitops/nondeterministic']);
    const readme = String(out.files.find((f) => f.path === 'README.md')!.content);
    expect(readme).toContain('## Output that changes at every sync');
    expect(readme).toContain('templates/s.yaml:6 calls randAlphaNum');
    expect(parseAllDocuments(readme).length).toBeGreaterThan(0);
  });
});
