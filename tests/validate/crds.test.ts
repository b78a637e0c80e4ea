/**
 * Custom resources in real renders: Aeterna's ServiceMonitor and CNPG Cluster, and the Argo CD and
 * Flux objects of the GitOps exporter, validated against the bundled CRD schemas.
 */
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { gitopsFiles, type ChartSource, type GitopsTool } from '../../lib/export/gitops';
import { loadKubeSchema, manifestDocs, validateManifests, type Finding, type ManifestDoc } from '../../lib/validate';
import { KUBE_VERSIONS } from '../../lib/validate/types';
import { aeterna, plantedConfig, unzipText } from '../export/fixtures';
import { renderChart } from './render';

beforeAll(async () => {
  for (const v of KUBE_VERSIONS) await loadKubeSchema(v);
});

const PROD_APIS = ['postgresql.cnpg.io/v1', 'monitoring.coreos.com/v1'];
const kindsOf = (docs: ManifestDoc[]) => docs.map((d) => `${d.object.apiVersion}/${d.object.kind}`);

function aeternaProduction(set: string[] = []): { docs: ManifestDoc[]; findings: Finding[] } {
  const r = renderChart('aeterna', ['values-production.yaml'], { set, apiVersions: PROD_APIS });
  const docs = manifestDocs(r.result);
  return { docs, findings: validateManifests(docs, { kubeVersion: '1.33', preset: 'production', values: r.values }) };
}

describe('Aeterna production with the operators installed', () => {
  it.each(KUBE_VERSIONS)('Kubernetes %s: the ServiceMonitor and the Cluster are validated, with no error, warning or "not validated"', (v) => {
    const r = renderChart('aeterna', ['values-production.yaml'], { apiVersions: PROD_APIS });
    const docs = manifestDocs(r.result);
    expect(kindsOf(docs)).toEqual(expect.arrayContaining(['monitoring.coreos.com/v1/ServiceMonitor', 'postgresql.cnpg.io/v1/Cluster']));
    const findings = validateManifests(docs, { kubeVersion: v, preset: 'production', values: r.values });
    expect(findings.filter((f) => f.severity !== 'info' || f.id === 'schema/unknown-kind').map((f) => `${f.id} ${f.resource.kind} ${f.message}`)).toEqual([]);
  });

  // [rendered text edit, expected findings]: a chart whose template has a typo, caught at its line.
  const TYPOS: [string, RegExp, string, string[]][] = [
    ['ServiceMonitor', /^  endpoints:/m, '  endpoint:', ['schema/unknown-field spec.endpoint', 'schema/required spec.endpoints']],
    ['ServiceMonitor', /^      scrapeTimeout:/m, '      timeout:', ['schema/unknown-field spec.endpoints[0].timeout']],
    ['Cluster', /^  instances: 3$/m, '  instances: "3"', ['schema/type spec.instances']],
    ['Cluster', /^    size: /m, '    capacity: ', ['schema/unknown-field spec.storage.capacity']],
  ];
  it.each(TYPOS)('%s: %s → %s', (kind, from, to, expected) => {
    const doc = aeternaProduction().docs.find((d) => d.object.kind === kind)!;
    const content = doc.content!.replace(from, to);
    expect(content).not.toBe(doc.content);
    const object = parseAllDocuments(content)[doc.docIndex ?? 0].toJS();
    const findings = validateManifests([{ ...doc, content, object }], { kubeVersion: '1.33' }).filter((f) => f.severity === 'error');
    expect(findings.map((f) => `${f.id} ${f.path}`).sort()).toEqual([...expected].sort());
    const typoLine = content.split('\n').findIndex((l) => l.startsWith(to)) + 1;
    expect(findings.some((f) => f.line === typoLine)).toBe(true);
  });
});

const SOURCES: ChartSource[] = [{ type: 'vendored' }, { type: 'helm-repo', url: 'https://charts.example.com' }, { type: 'oci', url: 'oci://ghcr.io/example/charts' }];
const CASES = (['argocd', 'flux'] as GitopsTool[]).flatMap((tool) => SOURCES.map((source) => [tool, source.type, source] as const));

/** The objects a GitOps skeleton applies to the cluster (kustomize's own files and value patches left out). */
function appliedDocs(files: Map<string, string>): ManifestDoc[] {
  const out: ManifestDoc[] = [];
  for (const [path, text] of files) {
    if (!/\.ya?ml$/.test(path) || /^(charts|values|secrets)\//.test(path) || path.endsWith('kustomization.yaml') || path.endsWith('helmrelease-values.yaml')) continue;
    parseAllDocuments(text).forEach((doc, docIndex) => out.push({ template: path, object: doc.toJS(), content: text, docIndex }));
  }
  return out;
}

describe.each(CASES)('GitOps export: %s, chart %s', (tool, _, source) => {
  const files = new Map(gitopsFiles(aeterna(), plantedConfig(), { tool, repoUrl: 'https://github.com/example/deploy.git', chartSource: source }).files.map((f) => [f.path, typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content)]));
  const docs = appliedDocs(files);
  // Flux runs in each environment's cluster: what one cluster applies leaves out the other's folders.
  const cluster = (env: string) => docs.filter((d) => !/^(clusters|apps)\//.test(d.template) || d.template.startsWith(`clusters/${env}/`) || d.template.startsWith(`apps/${env}/`) || d.template.startsWith('apps/base/'));

  it('every object is validated and has no finding', () => {
    const kinds = new Set(kindsOf(docs));
    if (tool === 'argocd') expect(kinds).toEqual(new Set(['argoproj.io/v1alpha1/AppProject', 'argoproj.io/v1alpha1/Application']));
    else expect(kinds).toContain('helm.toolkit.fluxcd.io/v2/HelmRelease');
    for (const set of tool === 'argocd' ? [docs] : [cluster('dev'), cluster('prod')]) {
      expect(validateManifests(set, { kubeVersion: '1.33' }).map((f) => `${f.id} ${f.resource.template} ${f.path ?? ''} ${f.message}`)).toEqual([]);
    }
  });

  it('a misspelt field in one of them is an error at its line', () => {
    const first = docs.find((d) => d.object.kind !== 'Namespace')!;
    const broken: ManifestDoc = { ...first, object: { ...first.object, spec: { ...(first.object.spec as object), sourceRefs: [] } }, content: undefined };
    const findings = validateManifests([broken], { kubeVersion: '1.33' });
    expect(findings.map((f) => [f.id, f.severity, f.path])).toEqual([['schema/unknown-field', 'error', 'spec.sourceRefs']]);
  });
});
