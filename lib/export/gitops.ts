/**
 * The GitOps repository skeleton: Argo CD or Flux objects over the user's environments, the
 * values files, the chart (vendored, from a Helm repository or from an OCI registry), Secret
 * skeletons kept out of what is applied, and a README on bootstrapping and promotion.
 */
import { type Chart, HELM_RELEASE, pathOf } from '../helm';
import { configHelmVersion, configToJson, type ChartroomConfig } from '../share';
import { argoCdFiles, argoCdReadme } from './gitops-argocd';
import { fluxFiles, fluxReadme } from './gitops-flux';
import type { ChartSource, GitopsContext, GitopsTool } from './gitops-types';
import { ExportError, prepareExport, type ExportOptions } from './prepare';
import { secretSkeletons } from './secret-wiring';
import { zipArchive, type ArchiveFile } from './zip';
import { KNOWN_OPERATORS } from './operators';
import type { Finding } from '../validate';
import { DNS1123_LABEL_MAX_LENGTH } from '../kube';

export type { ChartSource, GitopsTool } from './gitops-types';

export interface GitopsOptions extends ExportOptions {
  tool: GitopsTool;
  /** The Git repository the skeleton will live in; default a placeholder to replace. */
  repoUrl?: string;
  /** Branch the cluster follows; default `main`. */
  branch?: string;
  /** Where the chart comes from; default vendored. */
  chartSource?: ChartSource;
  /** Argo CD automated sync with prune and self-heal (Flux always reconciles); default true. */
  automatedSync?: boolean;
}

export interface GitopsRepo {
  zip: Uint8Array;
  /** What renders differently at every sync (varying functions, `lookup`): warn before writing. */
  gitops: Finding[];
  /** `<release>-gitops-<tool>.zip` */
  fileName: string;
  files: ArchiveFile[];
  removed: string[];
  warnings: string[];
}

export const PLACEHOLDER_REPO_URL = 'https://git.example.com/your-org/your-deploy-repo.git';

/** Environments of the skeleton: the configuration's, or one called `default`. */
function withEnvironments(config: ChartroomConfig, tool: GitopsTool): ChartroomConfig {
  const envs = config.environments?.length ? config.environments : [{ name: 'default', values: '' }];
  // One Argo CD usually serves every environment, so each gets its own namespace; Flux runs in
  // each environment's own cluster, where the release namespace is kept.
  const several = envs.length > 1 && tool === 'argocd';
  return {
    ...config,
    environments: envs.map((e) => ({ ...e, namespace: e.namespace ?? (several ? `${config.release.namespace}-${e.name}`.slice(0, DNS1123_LABEL_MAX_LENGTH) : config.release.namespace) })),
  };
}

function readme(ctx: GitopsContext, tool: GitopsTool, chartFiles: boolean): string {
  const p = ctx.prepared;
  const md = p.chart.metadata;
  const release = p.config.release.name;
  const src = ctx.chartSource;
  const lines = [
    `# ${release}: GitOps with ${tool === 'argocd' ? 'Argo CD' : 'Flux'}`,
    '',
    `Deploys the chart \`${md.name}\` ${md.version} as the release \`${release}\` to ${ctx.environments.map((e) => `\`${e.name}\` (namespace \`${e.namespace}\`)`).join(', ')}, from \`${ctx.repoUrl}\` on \`${ctx.branch}\`.`,
    '',
    `chartroom checked this configuration as Helm ${HELM_RELEASE[configHelmVersion(p.config)]} renders it. ${tool === 'argocd' ? 'Argo CD' : 'Flux'} renders the chart with the Helm built into it, whose version may differ: compare its rendered manifests with chartroom's preview after upgrading ${tool === 'argocd' ? 'Argo CD' : 'Flux'}.`,
    '',
    `The chart comes ${src.type === 'vendored' ? `from \`charts/${md.name}/\` in this repository (no chart registry needed)` : src.type === 'helm-repo' ? `from the Helm repository ${src.url}` : `from the OCI registry ${src.url}`}.`,
    ...(ctx.repoUrl === PLACEHOLDER_REPO_URL ? ['', `Replace \`${PLACEHOLDER_REPO_URL}\` with this repository's URL everywhere before pushing.`] : []),
    '',
    '| Path | What it is |',
    '| --- | --- |',
    ...(tool === 'argocd'
      ? ['| `argocd/root.yaml` | The root Application (app of apps). |', '| `argocd/apps/` | AppProject, operator Applications, one Application per environment. |', '| `values/` | `values.yaml` for every environment, `values-<env>.yaml` per environment. |']
      : ['| `clusters/<env>/` | Flux Kustomizations of each cluster. |', ...(ctx.operators.length ? ['| `infrastructure/` | Operators the release needs, installed first. |'] : []), '| `apps/base/` | Chart source and HelmRelease with the common values. |', '| `apps/<env>/` | Namespace and values of each environment. |']),
    ...(chartFiles ? [`| \`charts/${md.name}/\` | The chart, vendored. |`] : []),
    ...(p.secrets.length ? ['| `secrets/<env>/` | Secret skeletons with placeholders: not applied by anything here. |'] : []),
    '| `chartroom.json` | This configuration; open it in chartroom to change it. |',
    '',
  ];
  if (ctx.operators.length) {
    lines.push('## Operators', '', ...ctx.operators.map((o) => `- ${o.operator.title}: chart \`${o.operator.chart}\` ${o.version} in \`${o.operator.namespace}\`, before the release (switched off inside it: \`${o.dependency?.disablePath.join('.')}: false\`).`), '');
  }
  const prerequisites = prerequisiteLines(ctx);
  if (prerequisites.length) lines.push('## Prerequisites', '', ...prerequisites, '');
  const varying = gitopsFindingsOf(ctx);
  if (varying.length) {
    lines.push(
      '## Output that changes at every sync',
      '',
      `${tool === 'argocd' ? 'Argo CD' : 'Flux'} renders the chart with \`helm template\` at every sync, without access to the cluster. With this configuration:`,
      '',
      ...varying.map((f) => `- **${f.id}** (${f.resource.kind} \`${f.resource.name}\`): ${f.message}`),
      '',
    );
  }
  lines.push(...(tool === 'argocd' ? argoCdReadme(ctx) : fluxReadme(ctx)));
  lines.push('## Secrets', '', 'No secret value is in this repository. The release reads Secrets by name only:', '');
  if (p.secrets.length === 0) lines.push('- none besides what the chart generates in the cluster.');
  for (const s of p.secrets) lines.push(`- \`${s.secretName}\` (through \`${pathOf(s.existingSecretPath)}\`), keys ${s.keys.map((k) => `\`${k.key}\``).join(', ') || 'listed in the chart README'}.`);
  if (p.unwired.length) lines.push(`- The chart has no existing-Secret option for ${p.unwired.map((u) => `\`${u.path}\``).join(', ')}; those values were removed: supply them from a SOPS-encrypted values file or a Secret through the chart's extra env options.`);
  if (p.secrets.length === 0) {
    lines.push('');
    if (p.removed.length) lines.push(`Removed from your values because they are secrets: ${p.removed.map((r) => `\`${r}\``).join(', ')}.`, '');
    if (p.warnings.length) lines.push('## Warnings', '', ...p.warnings.map((w) => `- ${w.replace(/\n+/g, ' ')}`), '');
    return lines.join('\n');
  }
  lines.push(
    '',
    'Create each Secret in every environment\'s namespace before the first sync, one of these ways (`secrets/<env>/secrets.example.yaml` shows their shape):',
    '',
    tool === 'flux'
      ? '- **SOPS**: fill in a copy, encrypt it (`sops --encrypt --encrypted-regex \'^(data|stringData)$\' --in-place`), add it to `apps/<env>/` and its kustomization.yaml, and give the `apps` Kustomization `spec.decryption: {provider: sops, secretRef: {name: sops-age}}`.'
      : '- **SOPS**: fill in a copy, encrypt it with `sops`, and let Argo CD decrypt it with KSOPS or the helm-secrets plugin.',
    '- **Sealed Secrets**: `kubeseal -o yaml < filled-in.yaml > sealed.yaml`, commit only `sealed.yaml` beside the environment\'s other objects.',
    '- **External Secrets**: an `ExternalSecret` per Secret whose `target.name` is the name above, fed from your secret store.',
    '',
    'Never commit a filled-in skeleton.',
    '',
  );
  if (p.removed.length) lines.push(`Removed from your values because they are secrets: ${p.removed.map((r) => `\`${r}\``).join(', ')}.`, '');
  if (p.warnings.length) lines.push('## Warnings', '', ...p.warnings.map((w) => `- ${w.replace(/\n+/g, ' ')}`), '');
  return lines.join('\n');
}

/**
 * Operators and controllers the cluster must already run: API groups the renders use whose CRDs
 * neither the chart nor an operator installed by this repository provides.
 */
function prerequisiteLines(ctx: GitopsContext): string[] {
  const served = new Set(ctx.operators.flatMap((o) => o.operator.apiGroups));
  const lines: string[] = [];
  const named = new Set<string>();
  for (const { group, kinds } of ctx.prepared.footprint.externalGroups) {
    if (served.has(group)) continue;
    const objects = `${kinds.map((k) => `\`${k}\``).join(', ')} objects (\`${group}\`)`;
    const known = KNOWN_OPERATORS.find((o) => o.apiGroups.includes(group));
    if (known && named.has(known.chart)) continue;
    if (known) named.add(known.chart);
    lines.push(`- ${known ? `The ${known.title}` : `A controller serving \`${group}\``} must run in the cluster: the release creates ${objects} and does not install their CRDs.`);
  }
  return lines;
}

/** The GitOps findings of every environment's render, each once. */
function gitopsFindingsOf(ctx: GitopsContext): Finding[] {
  const seen = new Set<string>();
  return ctx.prepared.renders.flatMap((r) => r.gitops).filter((f) => {
    const key = `${f.id} ${f.source?.template}:${f.source?.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The skeleton's files (exposed for tests and previews). */
export function gitopsFiles(chart: Chart, config: ChartroomConfig, opts: GitopsOptions): { files: ArchiveFile[]; removed: string[]; warnings: string[]; gitops: Finding[] } {
  if (opts.tool !== 'argocd' && opts.tool !== 'flux') throw new ExportError(`Unknown GitOps tool "${String(opts.tool)}": use argocd or flux.`);
  const chartSource = opts.chartSource ?? { type: 'vendored' };
  if (chartSource.type === 'oci' && !/^oci:\/\//.test(chartSource.url)) throw new ExportError('An OCI chart source starts with oci://, e.g. oci://ghcr.io/example/charts.');
  if (chartSource.type === 'helm-repo' && !/^https?:\/\//.test(chartSource.url)) throw new ExportError('A Helm repository URL starts with https://.');
  const prepared = prepareExport(chart, withEnvironments(config, opts.tool), opts);
  const environments = prepared.environments.map((e) => ({ name: e.name, namespace: e.namespace!, fileName: e.fileName, text: e.text }));
  const ctx: GitopsContext = {
    prepared,
    repoUrl: opts.repoUrl || PLACEHOLDER_REPO_URL,
    branch: opts.branch || 'main',
    chartSource,
    automatedSync: opts.automatedSync ?? true,
    project: prepared.config.release.name,
    environments,
    operators: prepared.operators.filter((o): o is typeof o & { version: string } => !!o.version),
  };
  const vendored = chartSource.type === 'vendored';
  const files: ArchiveFile[] = [{ path: 'README.md', content: readme(ctx, opts.tool, vendored) }];
  files.push(...(opts.tool === 'argocd' ? argoCdFiles(ctx) : fluxFiles(ctx)));
  if (opts.tool === 'argocd') {
    files.push({ path: 'values/values.yaml', content: prepared.valuesText });
    for (const e of environments) files.push({ path: `values/${e.fileName}`, content: e.text });
  }
  if (prepared.secrets.length) {
    for (const e of environments) files.push({ path: `secrets/${e.name}/secrets.example.yaml`, content: secretSkeletons(prepared.secrets, e.namespace) });
  }
  if (vendored) {
    for (const f of chart.raw) files.push({ path: `charts/${chart.metadata.name}/${f.name}`, content: f.data });
  }
  const saved = config.environments?.length ? prepared.config : { ...prepared.config, environments: undefined };
  files.push({ path: 'chartroom.json', content: configToJson(saved) });
  return { files, removed: prepared.removed, warnings: prepared.warnings, gitops: gitopsFindingsOf(ctx) };
}

/**
 * Builds the GitOps repository skeleton of a configuration as a zip. Throws
 * {@link ExportError} when the configuration or the options can't be used.
 */
export async function buildGitopsRepo(chart: Chart, config: ChartroomConfig, opts: GitopsOptions, onProgress?: (percent: number) => void): Promise<GitopsRepo> {
  const { files, removed, warnings, gitops } = gitopsFiles(chart, config, opts);
  const root = `${config.release.name}-gitops`;
  return { zip: await zipArchive(files, root, onProgress), fileName: `${root}-${opts.tool}.zip`, files, removed, warnings, gitops };
}
