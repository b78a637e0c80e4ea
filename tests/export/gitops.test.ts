import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { Application, AppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { HelmRelease } from '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2';
import { Kustomization } from '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1';
import { GitRepository, HelmRepository, OCIRepository } from '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1';
import { buildGitopsRepo, type ChartSource, type GitopsTool } from '../../lib/export/gitops';
import { templateChart } from '../../lib/helm/action/template';
import { loadChartDirectory } from '../../lib/helm/chart/loader';
import { mergeUserValues } from '../../lib/helm/chartutil/merge-values';
import { readTree } from '../../lib/cli/node-io';
import { runCli } from '../../lib/cli/main';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import { runHelm, REFERENCE } from '../helm/reference';
import { removeStandins, withStandins } from '../charts/standins';
import { aeterna, leaks, plantedConfig, unzipText } from './fixtures';

const MODELS: Record<string, { validate(): void } & (new (o: object) => { validate(): void })> = {
  'argoproj.io/v1alpha1/Application': Application as never,
  'argoproj.io/v1alpha1/AppProject': AppProject as never,
  'helm.toolkit.fluxcd.io/v2/HelmRelease': HelmRelease as never,
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': Kustomization as never,
  'source.toolkit.fluxcd.io/v1/GitRepository': GitRepository as never,
  'source.toolkit.fluxcd.io/v1/HelmRepository': HelmRepository as never,
  'source.toolkit.fluxcd.io/v1/OCIRepository': OCIRepository as never,
};

const SOURCES: ChartSource[] = [{ type: 'vendored' }, { type: 'helm-repo', url: 'https://charts.example.com' }, { type: 'oci', url: 'oci://ghcr.io/example/charts' }];
const CASES = (['argocd', 'flux'] as GitopsTool[]).flatMap((tool) => SOURCES.map((source) => [tool, source.type, source] as const));
const REPO = 'https://github.com/example/deploy.git';
/** Each case's repository, built once for every describe below. */
const BUILT = new Map(await Promise.all(CASES.map(async ([tool, type, source]) => [`${tool}/${type}`, await buildGitopsRepo(aeterna(), plantedConfig(), { tool, repoUrl: REPO, chartSource: source })] as const)));

function writeTree(files: Map<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-'));
  for (const [p, data] of files) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), data);
  }
  return dir;
}

/** The Kubernetes objects in the tree (everything but charts, values, secret skeletons and kustomize files and patches). */
function appliedObjects(files: Map<string, string>): { path: string; object: Record<string, any> }[] {
  const out: { path: string; object: Record<string, any> }[] = [];
  for (const [path, text] of files) {
    if (!/\.ya?ml$/.test(path) || /^(charts|values|secrets)\//.test(path) || path.endsWith('kustomization.yaml') || path.endsWith('helmrelease-values.yaml')) continue;
    for (const doc of parseAllDocuments(text)) out.push({ path, object: doc.toJS() });
  }
  return out;
}

describe.each(CASES)('GitOps skeleton: %s, chart %s', (tool, _, source) => {
  const repo = BUILT.get(`${tool}/${source.type}`)!;
  const files = unzipText(repo.zip);

  it('holds no secret value anywhere', () => {
    expect(leaks(files)).toEqual([]);
    expect(repo.removed.length).toBe(3);
  });

  it('writes objects valid against the Argo CD and Flux CRD schemas', () => {
    const objects = appliedObjects(files);
    const kinds = new Set<string>();
    for (const { path, object } of objects) {
      if (object.apiVersion === 'v1' && object.kind === 'Namespace') continue;
      const model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(model, `${path}: ${object.apiVersion} ${object.kind}`).toBeDefined();
      expect(() => new model(object).validate(), path).not.toThrow();
      kinds.add(object.kind);
    }
    if (tool === 'argocd') expect([...kinds].sort()).toEqual(['AppProject', 'Application']);
    else expect([...kinds].sort()).toEqual(['HelmRelease', 'HelmRepository', 'Kustomization', ...(source.type === 'vendored' ? ['GitRepository'] : source.type === 'oci' ? ['OCIRepository'] : [])].sort());
  });

  it('orders operators before the app and keeps Secrets as references', () => {
    const objects = appliedObjects(files).map((o) => o.object);
    if (tool === 'argocd') {
      const wave = (name: string) => Number(objects.find((o) => o.metadata.name === name)?.metadata.annotations['argocd.argoproj.io/sync-wave']);
      expect(wave('cnpg-operator')).toBeLessThan(wave('aeterna-prod'));
      const app = objects.find((o) => o.metadata.name === 'aeterna-prod')!;
      expect(app.spec.syncPolicy).toEqual({ automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] });
      expect(app.spec.destination.namespace).toBe('aeterna-prod');
    } else {
      const apps = objects.find((o) => o.kind === 'Kustomization' && o.metadata.name === 'apps')!;
      expect(apps.spec.dependsOn).toEqual([{ name: 'infrastructure' }]);
    }
    expect(files.get('secrets/prod/secrets.example.yaml')).toContain('name: aeterna-qdrant');
    expect(files.get('README.md')).toMatch(/SOPS/);
    expect(files.get('README.md')).toMatch(/External Secrets/);
    expect(files.get('README.md')).toMatch(tool === 'argocd' ? /kubectl apply -n argocd -f argocd\/root\.yaml/ : /flux bootstrap git --url=https:\/\/github\.com\/example\/deploy\.git --branch=main --path=clusters\/prod/);
  });

});

/** What only Flux has: kustomizations, with overlays that patch each environment's values. */
describe.each(CASES.filter(([tool]) => tool === 'flux'))('%s skeleton, chart %s: kustomize overlays', (tool, _, source) => {
  const repo = BUILT.get(`${tool}/${source.type}`)!;
  const files = unzipText(repo.zip);

  it('builds every kustomization.yaml with kubectl kustomize, overlays patching values', () => {
    const dir = writeTree(files);
    try {
      const dirs = [...files.keys()].filter((p) => p.endsWith('kustomization.yaml')).map((p) => posix.dirname(p));
      expect(dirs.sort()).toEqual(['apps/base', 'apps/dev', 'apps/prod', 'infrastructure']);
      for (const d of dirs) {
        const out = execFileSync('kubectl', ['kustomize', join(dir, d)], { encoding: 'utf8' });
        // What Flux applies after the overlay's patch must be valid too.
        for (const doc of parseAllDocuments(out)) {
          const o = doc.toJS();
          if (o.kind !== 'Namespace') expect(() => new MODELS[`${o.apiVersion}/${o.kind}`](o).validate(), `${d}: ${o.kind}`).not.toThrow();
        }
      }
      const built = parseAllDocuments(execFileSync('kubectl', ['kustomize', join(dir, 'apps/prod')], { encoding: 'utf8' })).map((d) => d.toJS());
      const release = built.find((o) => o.kind === 'HelmRelease');
      expect(release.metadata.namespace).toBe('aeterna');
      expect(release.spec.values.aeterna.replicas).toBe(5);
      expect(release.spec.values.aeterna.resources.limits.memory).toBe('4Gi');
      expect(release.spec.values.autoscaling).toEqual({ enabled: true, minReplicas: 3, maxReplicas: 20, targetCPUUtilizationPercentage: 70 });
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

});

/** A vendored chart must render in helm exactly as chartroom previews it, whichever tool applies it. */
describe.each(CASES.filter(([, type]) => type === 'vendored'))('GitOps skeleton: %s with a vendored chart', (tool, _, source) => {
  const repo = BUILT.get(`${tool}/${source.type}`)!;
  const files = unzipText(repo.zip);

  it('vendors a chart that helm renders exactly as chartroom does', async () => {
    const raw = new Map([...Object.entries(require('fflate').unzipSync(repo.zip) as Record<string, Uint8Array>)].map(([p, d]) => [p.slice(p.indexOf('/') + 1), d]));
    const dir = writeTree(raw);
    let valueFiles: string[];
    if (tool === 'argocd') {
      const app = parse(files.get('argocd/apps/aeterna-prod.yaml')!);
      valueFiles = app.spec.source.helm.valueFiles.map((f: string) => join(dir, app.spec.source.path, f));
      expect(app.spec.source.path).toBe('charts/aeterna');
    } else {
      const built = parseAllDocuments(execFileSync('kubectl', ['kustomize', join(dir, 'apps/prod')], { encoding: 'utf8' })).map((d) => d.toJS());
      const release = built.find((o) => o.kind === 'HelmRelease');
      expect(release.spec.chart.spec.chart).toBe('./charts/aeterna');
      writeFileSync(join(dir, 'flux-values.yaml'), JSON.stringify(release.spec.values));
      valueFiles = [join(dir, 'flux-values.yaml')];
    }
    const copy = withStandins(join(dir, 'charts/aeterna'));
    try {
      const ns = tool === 'argocd' ? 'aeterna-prod' : 'aeterna';
      const flags = ['-n', ns, '--kube-version', '1.31.0', '-a', 'postgresql.cnpg.io/v1'];
      const helm = await runHelm(['template', 'aeterna', copy, ...flags, ...valueFiles.flatMap((f) => ['-f', f])]);
      expect(helm.stderr).toBe('');
      const ours = templateChart(loadChartDirectory(readTree(copy)), {
        releaseName: 'aeterna', namespace: ns, kubeVersion: '1.31.0', helmVersion: REFERENCE.setting, apiVersions: ['postgresql.cnpg.io/v1'],
        values: mergeUserValues({ valueFiles: valueFiles.map((f) => ({ name: f, data: require('node:fs').readFileSync(f) })) }),
      });
      expect(ours.output).toBe(helm.stdout);
      expect(ours.output).toContain('kind: Cluster');
    } finally {
      removeStandins(copy);
      rmSync(dir, { recursive: true });
    }
  });
});

describe('chartroom gitops', () => {
  it('writes the same bytes as the library', async () => {
    const config = plantedConfig();
    const dir = mkdtempSync(join(tmpdir(), 'gitops-cli-'));
    writeFileSync(join(dir, 'values.yaml'), config.values);
    writeFileSync(join(dir, 'dev.yaml'), config.environments![0].values);
    writeFileSync(join(dir, 'prod.yaml'), config.environments![1].values);
    const written = new Map<string, Uint8Array>();
    const code = await runCli(
      ['gitops', 'charts/aeterna', '-f', join(dir, 'values.yaml'), '--release', 'aeterna', '-n', 'aeterna', '--kube-version', '1.31.0', '--preset', 'production',
        '--env', `dev=${join(dir, 'dev.yaml')}`, '--env', `prod=${join(dir, 'prod.yaml')}`, '--tool', 'flux', '--repo-url', REPO, '--chart-source', 'oci', '--chart-url', 'oci://ghcr.io/example/charts', '-o', 'repo.zip'],
      { loadChart: (ref, helmVersion) => loadChartFromDisk(ref, undefined, undefined, helmVersion), readFile: (p) => new Uint8Array(require('node:fs').readFileSync(p)), writeFile: (p, d) => written.set(p, d), stdout: () => {}, stderr: () => {} },
    );
    rmSync(dir, { recursive: true });
    expect(code).toBe(0);
    const lib = (await buildGitopsRepo(aeterna(), { ...config, helmVersion: '4.1' }, { tool: 'flux', repoUrl: REPO, chartSource: { type: 'oci', url: 'oci://ghcr.io/example/charts' } })).zip;
    expect(Buffer.from(written.get('repo.zip')!).equals(Buffer.from(lib))).toBe(true);
  });

  it.each([
    [['--tool', 'kubectl'], /--tool must be argocd or flux/],
    [['--tool', 'flux', '--chart-source', 'oci'], /needs --chart-url/],
    [['--tool', 'flux', '--chart-source', 'oci', '--chart-url', 'ghcr.io/x'], /starts with oci:\/\//],
    [['--tool', 'argocd', '--env', 'Bad_Env=x'], /--env|environment names/],
  ])('reports %j clearly', async (flags, message) => {
    const err: string[] = [];
    const code = await runCli(['gitops', 'charts/aeterna', ...flags], { loadChart: (ref, helmVersion) => loadChartFromDisk(ref, undefined, undefined, helmVersion), readFile: () => new Uint8Array(), writeFile: () => {}, stdout: () => {}, stderr: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err.join('')).toMatch(message);
  });
});
