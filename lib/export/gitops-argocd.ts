/**
 * Argo CD layout: an app-of-apps root Application over `argocd/apps/`, which holds the
 * AppProject, one Application per operator (sync wave -1) and one per environment (wave 0).
 */
import { Document, isSeq, stringify } from 'yaml';
import { CLIENT_SIDE_APPLY_LIMIT, oversizedCrds } from './footprint';
import type { GitopsContext } from './gitops-types';
import type { ArchiveFile } from './zip';

const IN_CLUSTER = 'https://kubernetes.default.svc';
const ARGOCD_NS = 'argocd';

const yaml = (o: unknown) => stringify(o, { lineWidth: 0 });

function syncPolicy(ctx: GitopsContext, extra: string[] = []): Record<string, unknown> {
  return {
    ...(ctx.automatedSync ? { automated: { prune: true, selfHeal: true } } : {}),
    syncOptions: ['CreateNamespace=true', ...extra],
  };
}

/** Argo CD wants OCI Helm repositories without the scheme. */
function argoRepoUrl(url: string): string {
  return url.replace(/^oci:\/\//, '');
}

function appMeta(name: string, wave: number) {
  return {
    name,
    namespace: ARGOCD_NS,
    annotations: { 'argocd.argoproj.io/sync-wave': String(wave) },
    finalizers: ['resources-finalizer.argocd.argoproj.io'],
  };
}

/**
 * An environment's Application as YAML; when the chart installs CRDs too large for client-side
 * apply, ServerSideApply carries a comment saying why.
 */
function environmentAppYaml(ctx: GitopsContext, env: GitopsContext['environments'][number]): string {
  const big = oversizedCrds(ctx.prepared.footprint);
  const doc = new Document(environmentApp(ctx, env, big.length > 0));
  if (big.length) {
    const options = doc.getIn(['spec', 'syncPolicy', 'syncOptions'], true);
    if (isSeq(options)) {
      const item = options.items.find((i) => (i as { value?: unknown }).value === 'ServerSideApply=true') as { comment?: string } | undefined;
      if (item) item.comment = ` ${big.map((c) => c.name).join(', ')} exceed${big.length === 1 ? 's' : ''} client-side apply's ${CLIENT_SIDE_APPLY_LIMIT}-byte annotation limit`;
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** The Application of one environment. */
function environmentApp(ctx: GitopsContext, env: GitopsContext['environments'][number], serverSide: boolean): Record<string, unknown> {
  const p = ctx.prepared;
  const chart = p.chart.metadata;
  const helm = (prefix: string) => ({
    releaseName: p.config.release.name,
    valueFiles: [`${prefix}values/values.yaml`, `${prefix}values/${env.fileName}`],
  });
  const source = ctx.chartSource.type === 'vendored'
    ? { source: { repoURL: ctx.repoUrl, targetRevision: ctx.branch, path: `charts/${chart.name}`, helm: helm('../../') } }
    : {
        sources: [
          { repoURL: argoRepoUrl(ctx.chartSource.url), chart: chart.name, targetRevision: chart.version, helm: helm('$values/') },
          { repoURL: ctx.repoUrl, targetRevision: ctx.branch, ref: 'values' },
        ],
      };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { ...appMeta(`${p.config.release.name}-${env.name}`, 0), labels: { 'app.kubernetes.io/part-of': p.config.release.name, environment: env.name } },
    spec: {
      project: ctx.project,
      ...source,
      destination: { server: IN_CLUSTER, namespace: env.namespace },
      syncPolicy: syncPolicy(ctx, serverSide ? ['ServerSideApply=true'] : []),
    },
  };
}

/** Cluster-scoped kinds the project allows: what the renders create, Namespaces, and what operators install. */
function clusterKinds(ctx: GitopsContext): { group: string; kind: string }[] {
  const kinds = new Map<string, { group: string; kind: string }>();
  const add = (group: string, kind: string) => kinds.set(`${group}/${kind}`, { group, kind });
  // CreateNamespace=true creates each destination namespace.
  add('', 'Namespace');
  for (const k of ctx.prepared.footprint.clusterKinds) add(k.group, k.kind);
  if (ctx.operators.length) {
    // Operator charts install their CRDs, cluster roles and admission webhooks.
    add('apiextensions.k8s.io', 'CustomResourceDefinition');
    add('rbac.authorization.k8s.io', 'ClusterRole');
    add('rbac.authorization.k8s.io', 'ClusterRoleBinding');
    add('admissionregistration.k8s.io', 'MutatingWebhookConfiguration');
    add('admissionregistration.k8s.io', 'ValidatingWebhookConfiguration');
  }
  return [...kinds.values()].sort((a, b) => `${a.group}/${a.kind}`.localeCompare(`${b.group}/${b.kind}`));
}

/** The files of the Argo CD layout (values and chart files are added by the caller). */
export function argoCdFiles(ctx: GitopsContext): ArchiveFile[] {
  const p = ctx.prepared;
  const files: ArchiveFile[] = [];
  const operatorApps = ctx.operators.map((op) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: appMeta(`${op.operator.releaseName}-operator`, -1),
    spec: {
      project: ctx.project,
      source: { repoURL: op.operator.repoUrl, chart: op.operator.chart, targetRevision: op.version, helm: { releaseName: op.operator.releaseName, ...(op.operator.setValues?.length ? { parameters: op.operator.setValues.map((v) => ({ name: v.split('=')[0], value: v.split('=').slice(1).join('=') })) } : {}) } },
      destination: { server: IN_CLUSTER, namespace: op.operator.namespace },
      syncPolicy: syncPolicy(ctx, op.operator.serverSideApply ? ['ServerSideApply=true'] : []),
    },
  }));
  const chartRepos = ctx.chartSource.type === 'vendored' ? [] : [argoRepoUrl(ctx.chartSource.url)];
  const project = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: { name: ctx.project, namespace: ARGOCD_NS, annotations: { 'argocd.argoproj.io/sync-wave': '-2' } },
    spec: {
      description: `${p.config.release.name} (${p.chart.metadata.name}) in ${ctx.environments.map((e) => e.name).join(', ')}`,
      sourceRepos: [...new Set([ctx.repoUrl, ...chartRepos, ...ctx.operators.map((o) => o.operator.repoUrl)])],
      // Every namespace the renders write to, not only the release's.
      destinations: [...new Set([...ctx.environments.map((e) => e.namespace), ...p.footprint.namespaces, ...ctx.operators.map((o) => o.operator.namespace)])].map((namespace) => ({ server: IN_CLUSTER, namespace })),
      clusterResourceWhitelist: clusterKinds(ctx),
    },
  };
  const root = {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: `${p.config.release.name}-root`, namespace: ARGOCD_NS, finalizers: ['resources-finalizer.argocd.argoproj.io'] },
    spec: {
      project: 'default',
      source: { repoURL: ctx.repoUrl, targetRevision: ctx.branch, path: 'argocd/apps' },
      destination: { server: IN_CLUSTER, namespace: ARGOCD_NS },
      syncPolicy: ctx.automatedSync ? { automated: { prune: true, selfHeal: true } } : {},
    },
  };
  files.push({ path: 'argocd/root.yaml', content: yaml(root) });
  files.push({ path: 'argocd/apps/project.yaml', content: yaml(project) });
  ctx.operators.forEach((op, i) => files.push({ path: `argocd/apps/operator-${op.operator.chart}.yaml`, content: yaml(operatorApps[i]) }));
  for (const env of ctx.environments) files.push({ path: `argocd/apps/${p.config.release.name}-${env.name}.yaml`, content: environmentAppYaml(ctx, env) });
  return files;
}

/** README section: bootstrapping and promoting with Argo CD. */
export function argoCdReadme(ctx: GitopsContext): string[] {
  const release = ctx.prepared.config.release.name;
  return [
    '## Bootstrap (Argo CD)',
    '',
    'Push this repository, register it in Argo CD if it is private, then create the root Application (app of apps):',
    '',
    '```sh',
    `kubectl apply -n argocd -f argocd/root.yaml`,
    `# or: argocd app create ${release}-root --repo ${ctx.repoUrl} --revision ${ctx.branch} --path argocd/apps --dest-server https://kubernetes.default.svc --dest-namespace argocd${ctx.automatedSync ? ' --sync-policy automated --auto-prune --self-heal' : ''}`,
    '```',
    '',
    'The root Application creates the AppProject (sync wave -2), the operators (wave -1) and one Application per environment (wave 0).',
    'Argo CD orders waves of child Applications only when it reports their health; since Argo CD 1.8 that needs this entry in `argocd-cm`:',
    '',
    '```yaml',
    'resource.customizations.health.argoproj.io_Application: |',
    '  hs = {}',
    '  hs.status = "Progressing"',
    '  hs.message = ""',
    '  if obj.status ~= nil and obj.status.health ~= nil then',
    '    hs.status = obj.status.health.status',
    '    if obj.status.health.message ~= nil then hs.message = obj.status.health.message end',
    '  end',
    '  return hs',
    '```',
    '',
    ...(ctx.chartSource.type === 'vendored' && ctx.prepared.remoteDependencies.length
      ? ['The vendored chart fetches its dependencies while Argo CD renders it: add their repositories to Argo CD (Settings → Repositories) when they need credentials.', '']
      : []),
    ...(ctx.chartSource.type === 'oci' ? ['The chart comes from an OCI registry: register it in Argo CD as a Helm repository with "Enable OCI".', ''] : []),
    ...(oversizedCrds(ctx.prepared.footprint).length
      ? [`The chart's CRDs ${oversizedCrds(ctx.prepared.footprint).map((c) => `\`${c.name}\``).join(', ')} are larger than client-side apply's ${CLIENT_SIDE_APPLY_LIMIT}-byte annotation limit, so the environments' Applications sync with \`ServerSideApply=true\`.`, '']
      : []),
    `Sync: ${ctx.automatedSync ? 'automated, with prune and self-heal: every push to the branch is applied.' : 'manual: `argocd app sync <name>` after each change.'}`,
    '',
    '## Promote a change',
    '',
    `1. Change \`values/values-${ctx.environments[0].name}.yaml\` (or \`values/values.yaml\` for every environment) in a pull request; merge it and let \`${release}-${ctx.environments[0].name}\` sync.`,
    '2. Once it is healthy, make the same change in the next environment\'s file, and so on up to production.',
    ctx.chartSource.type === 'vendored'
      ? '3. A new chart version: replace `charts/` in one commit; every environment follows it, so try it on a branch first (point the first environment\'s `targetRevision` at that branch).'
      : '3. A new chart version: raise `targetRevision` in the first environment\'s Application, then in the next ones.',
    '',
  ];
}
