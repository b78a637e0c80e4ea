/**
 * Flux layout: `clusters/<env>/` Kustomizations (infrastructure first, then the app through
 * `dependsOn`), `infrastructure/` for operators, `apps/base` with the chart source and the
 * HelmRelease, `apps/<env>` overlays patching its values.
 */
import { Document, isMap, parseDocument, stringify } from 'yaml';
import { CLIENT_SIDE_APPLY_LIMIT, oversizedCrds } from './footprint';
import type { GitopsContext } from './gitops-types';
import type { ArchiveFile } from './zip';

const yaml = (o: unknown) => stringify(o, { lineWidth: 0 });
const docs = (...objects: unknown[]) => objects.map((o) => yaml(o)).join('---\n');

/** The chart source object and how the HelmRelease refers to it. */
function chartSourceObjects(ctx: GitopsContext): { source: Record<string, unknown>; chart: Record<string, unknown> } {
  const md = ctx.prepared.chart.metadata;
  const name = `${ctx.prepared.config.release.name}-chart`;
  switch (ctx.chartSource.type) {
    case 'vendored':
      return {
        source: {
          apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: { name },
          spec: { interval: '5m', url: ctx.repoUrl, ref: { branch: ctx.branch }, ignore: `/*\n!/charts/${md.name}/\n` },
        },
        chart: { chart: { spec: { chart: `./charts/${md.name}`, reconcileStrategy: 'Revision', sourceRef: { kind: 'GitRepository', name }, interval: '5m' } } },
      };
    case 'helm-repo':
      return {
        source: { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', metadata: { name }, spec: { interval: '1h', url: ctx.chartSource.url } },
        chart: { chart: { spec: { chart: md.name, version: md.version, sourceRef: { kind: 'HelmRepository', name }, interval: '1h' } } },
      };
    case 'oci':
      return {
        source: {
          apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository', metadata: { name },
          spec: {
            interval: '1h', url: `${ctx.chartSource.url.replace(/\/+$/, '')}/${md.name}`, ref: { tag: md.version },
            layerSelector: { mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', operation: 'copy' },
          },
        },
        chart: { chartRef: { kind: 'OCIRepository', name } },
      };
  }
}

/** A HelmRelease text whose `spec.values` keeps the comments of a values file. */
function withValues(object: Record<string, unknown>, valuesText: string): string {
  const doc = new Document(object);
  const values = parseDocument(valuesText).contents;
  if (isMap(values) && values.items.length > 0) doc.setIn(['spec', 'values'], values);
  return doc.toString({ lineWidth: 0 });
}

function hasValues(text: string): boolean {
  const c = parseDocument(text).contents;
  return isMap(c) && c.items.length > 0;
}

/** The files of the Flux layout (values and chart files are added by the caller). */
export function fluxFiles(ctx: GitopsContext): ArchiveFile[] {
  const p = ctx.prepared;
  const release = p.config.release.name;
  const files: ArchiveFile[] = [];
  const infra = ctx.operators.length > 0;
  const gitSource = { kind: 'GitRepository', name: 'flux-system' };

  for (const env of ctx.environments) {
    const kustomization = (name: string, path: string, dependsOn?: string) => ({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name, namespace: 'flux-system' },
      spec: { interval: '10m', retryInterval: '1m', path, prune: true, wait: true, sourceRef: gitSource, ...(dependsOn ? { dependsOn: [{ name: dependsOn }] } : {}) },
    });
    if (infra) files.push({ path: `clusters/${env.name}/infrastructure.yaml`, content: yaml(kustomization('infrastructure', './infrastructure')) });
    files.push({ path: `clusters/${env.name}/apps.yaml`, content: yaml(kustomization('apps', `./apps/${env.name}`, infra ? 'infrastructure' : undefined)) });
  }

  if (infra) {
    for (const op of ctx.operators) {
      const o = op.operator;
      files.push({
        path: `infrastructure/${o.chart}.yaml`,
        content: docs(
          { apiVersion: 'v1', kind: 'Namespace', metadata: { name: o.namespace } },
          { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'HelmRepository', metadata: { name: o.repoName, namespace: o.namespace }, spec: { interval: '24h', url: o.repoUrl } },
          {
            apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: o.releaseName, namespace: o.namespace },
            spec: {
              interval: '1h', releaseName: o.releaseName,
              chart: { spec: { chart: o.chart, version: op.version, sourceRef: { kind: 'HelmRepository', name: o.repoName }, interval: '24h' } },
              install: { crds: 'Create' }, upgrade: { crds: 'CreateReplace' },
              ...(o.setValues?.length ? { values: valuesFromSets(o.setValues) } : {}),
            },
          },
        ),
      });
    }
    files.push({ path: 'infrastructure/kustomization.yaml', content: yaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ctx.operators.map((o) => `${o.operator.chart}.yaml`) }) });
  }

  const { source, chart } = chartSourceObjects(ctx);
  const helmRelease = {
    apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: release },
    spec: {
      interval: '10m', releaseName: release, ...chart,
      install: { remediation: { retries: 3 } },
      upgrade: { remediation: { retries: 3, remediateLastFailure: true } },
      test: { enable: false },
    },
  };
  files.push({ path: 'apps/base/source.yaml', content: yaml(source) });
  files.push({ path: 'apps/base/helmrelease.yaml', content: withValues(helmRelease, p.valuesText) });
  files.push({ path: 'apps/base/kustomization.yaml', content: yaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['source.yaml', 'helmrelease.yaml'] }) });

  for (const env of ctx.environments) {
    const patch = hasValues(env.text);
    files.push({ path: `apps/${env.name}/namespace.yaml`, content: yaml({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: env.namespace } }) });
    if (patch) {
      files.push({
        path: `apps/${env.name}/helmrelease-values.yaml`,
        content: withValues({ apiVersion: 'helm.toolkit.fluxcd.io/v2', kind: 'HelmRelease', metadata: { name: release }, spec: {} }, env.text),
      });
    }
    files.push({
      path: `apps/${env.name}/kustomization.yaml`,
      content: yaml({
        apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', namespace: env.namespace,
        resources: ['namespace.yaml', '../base'],
        ...(patch ? { patches: [{ path: 'helmrelease-values.yaml', target: { kind: 'HelmRelease', name: release } }] } : {}),
      }),
    });
  }
  return files;
}

/** `a.b=true` → `{a: {b: true}}` for the few operator settings the table holds. */
function valuesFromSets(sets: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sets) {
    const [path, raw] = [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)];
    const keys = path.split('.');
    let cur = out;
    for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
    cur[keys[keys.length - 1]] = raw === 'true' ? true : raw === 'false' ? false : raw;
  }
  return out;
}

/** README section: bootstrapping and promoting with Flux. */
export function fluxReadme(ctx: GitopsContext): string[] {
  const release = ctx.prepared.config.release.name;
  const first = ctx.environments[0].name;
  return [
    '## Bootstrap (Flux)',
    '',
    'Each environment is a cluster with its own folder under `clusters/`. Bootstrap Flux in each cluster against this repository:',
    '',
    '```sh',
    ...ctx.environments.map((e) => `flux bootstrap git --url=${ctx.repoUrl} --branch=${ctx.branch} --path=clusters/${e.name}   # in the ${e.name} cluster`),
    '```',
    '',
    ctx.operators.length
      ? 'The `infrastructure` Kustomization installs the operators and waits for them; `apps` depends on it, so the release comes after their CRDs exist.'
      : 'The `apps` Kustomization installs the release.',
    '',
    'Without a Git provider token, `kubectl apply -f clusters/<env>/` after installing Flux (`flux install`) and creating the `flux-system` GitRepository does the same.',
    '',
    '## Promote a change',
    '',
    hasValues(ctx.environments[0].text)
      ? `1. Change \`apps/${first}/helmrelease-values.yaml\` (or \`apps/base/helmrelease.yaml\` for every environment) in a pull request; after the merge Flux applies it (\`flux reconcile kustomization apps --with-source\` to hurry it).`
      : `1. Change \`apps/base/helmrelease.yaml\` for every environment, or give \`${first}\` values of its own with a HelmRelease patch listed under \`patches\` in \`apps/${first}/kustomization.yaml\`, in a pull request; after the merge Flux applies it (\`flux reconcile kustomization apps --with-source\` to hurry it).`,
    '2. Once it is healthy, make the same change in the next environment\'s overlay, and so on up to production.',
    ctx.chartSource.type === 'vendored'
      ? '3. A new chart version: replace `charts/` in one commit (every environment follows it), or pin environments to a tag with their own GitRepository.'
      : `3. A new chart version: patch \`spec.chart.spec.version\` (or the OCIRepository tag) in one overlay at a time.`,
    '',
    ...(oversizedCrds(ctx.prepared.footprint).length
      ? [`The chart's CRDs ${oversizedCrds(ctx.prepared.footprint).map((c) => `\`${c.name}\``).join(', ')} are larger than client-side apply's ${CLIENT_SIDE_APPLY_LIMIT}-byte annotation limit; Flux applies server-side already, so nothing more is needed.`, '']
      : []),
    `Note: overlays patch \`spec.values\` of the HelmRelease \`${release}\` with JSON merge semantics, where \`null\` deletes a key: to remove a chart default in one environment, set it to an empty value instead.`,
    '',
  ];
}
