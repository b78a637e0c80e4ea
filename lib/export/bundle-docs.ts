/** install.sh and README.md of a values bundle: the exact commands, in order. */
import { type Dependency, HELM_RELEASE, pathOf } from '../helm';
import type { PreparedExport } from './prepare';
import { configHelmVersion } from '../share';

export interface InstallTarget {
  /** How helm finds the chart: a folder, a .tgz, `repo/name` or `oci://…`. */
  chartRef: string;
}

const SH_SAFE = /^[A-Za-z0-9_./:@%+=,-]+$/;

/** A word quoted for sh when it needs to be. */
export function shQuote(s: string): string {
  return SH_SAFE.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A short repository name for `helm repo add`, from the URL's host and path. */
export function repoName(url: string): string {
  const host = url.replace(/^[a-z]+:\/\//, '').split('/')[0];
  const label = host.split('.').find((w) => !['www', 'charts', 'helm'].includes(w)) ?? 'charts';
  return label.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'charts';
}

/** HTTP chart repositories to add: the chart's remote dependencies, then operators installed first. */
export function helmRepositories(p: PreparedExport): { name: string; url: string }[] {
  const out = new Map<string, string>();
  for (const op of p.operators) out.set(op.operator.repoUrl, op.operator.repoName);
  const deps: Dependency[] = p.remoteDependencies.filter((d) => /^https?:\/\//.test(d.repository));
  for (const d of deps) if (!out.has(d.repository)) out.set(d.repository, repoName(d.repository));
  return [...out].map(([url, name]) => ({ name, url }));
}

function namespaceOf(p: PreparedExport, env?: string): string {
  return p.environments.find((e) => e.name === env)?.namespace ?? p.config.release.namespace;
}

/** The `helm upgrade --install` line for one environment (or the base values alone). */
export function installCommand(p: PreparedExport, target: InstallTarget, env?: string): string {
  const files = ['-f values.yaml', ...(env ? [`-f values-${env}.yaml`] : [])];
  if (p.unwired.length > 0) files.push('-f secret-values.yaml');
  const version = isLocalChart(target.chartRef) ? [] : [`--version ${shQuote(p.chart.metadata.version)}`];
  return ['helm upgrade --install', shQuote(p.config.release.name), shQuote(target.chartRef), ...version, `-n ${shQuote(namespaceOf(p, env))}`, '--create-namespace', ...files].join(' ');
}

function isLocalChart(ref: string): boolean {
  return !/^(oci|https?):\/\//.test(ref) && (ref.startsWith('.') || ref.startsWith('/') || ref.endsWith('.tgz') || !ref.includes('/'));
}

function operatorCommand(op: PreparedExport['operators'][number]): string {
  const o = op.operator;
  return [
    `helm upgrade --install ${o.releaseName} ${o.repoName}/${o.chart}`,
    ...(op.version ? [`--version ${shQuote(op.version)}`] : []),
    `-n ${o.namespace} --create-namespace`,
    ...(o.setValues ?? []).map((v) => `--set ${v}`),
    '--wait',
  ].join(' ');
}

/** The helm release a configuration was checked with, e.g. `4.1.4`. */
function helmRelease(p: PreparedExport): string {
  return HELM_RELEASE[configHelmVersion(p.config)];
}

/** install.sh: repositories, operators, Secrets check, dependencies, install; `./install.sh ENV`. */
export function installScript(p: PreparedExport, target: InstallTarget): string {
  const envs = p.environments.map((e) => e.name);
  const release = p.config.release.name;
  const lines: string[] = [
    '#!/bin/sh',
    `# Installs or upgrades the release ${release} of ${p.chart.metadata.name} ${p.chart.metadata.version} (see README.md).`,
    `# chartroom checked these values with Helm ${helmRelease(p)}: install with that Helm for the same manifests.`,
    envs.length ? `# Usage: ./install.sh ENVIRONMENT   (one of: ${envs.join(', ')})` : '# Usage: ./install.sh',
    '# CHART=<folder, .tgz, repo/name or oci://…> ./install.sh … installs the chart from elsewhere.',
    'set -eu',
    'cd "$(dirname "$0")"',
    '',
    `CHART="\${CHART:-${target.chartRef}}"`,
  ];
  if (envs.length) {
    lines.push('ENVIRONMENT="${1:-}"', 'case "$ENVIRONMENT" in');
    for (const e of p.environments) lines.push(`  ${e.name}) NAMESPACE=${shQuote(namespaceOf(p, e.name))} ;;`);
    lines.push(`  *) echo "usage: $0 ENVIRONMENT (one of: ${envs.join(', ')})" >&2; exit 2 ;;`, 'esac');
  } else lines.push(`NAMESPACE=${shQuote(p.config.release.namespace)}`);
  const repos = helmRepositories(p);
  if (repos.length) {
    lines.push('', '# Chart repositories (dependencies of the chart and operators installed first).');
    for (const r of repos) lines.push(`helm repo add ${r.name} ${r.url} --force-update`);
    lines.push('helm repo update');
  }
  if (p.operators.length) {
    lines.push('', '# Prerequisites: operators whose resources the release creates, installed and ready first.');
    for (const op of p.operators) {
      if (op.version) lines.push(operatorCommand(op));
      else lines.push(`kubectl get crd -o name | grep -q '${op.operator.apiGroups[0]}' || { echo "${op.operator.title} is required first (README, Prerequisites)" >&2; exit 1; }`);
    }
  }
  if (p.secrets.length) {
    lines.push('', '# Secrets the release reads: create them first from secrets.example.yaml (README, Secrets).');
    lines.push('kubectl create namespace "$NAMESPACE" --dry-run=client -o yaml | kubectl apply -f -');
    lines.push(`for secret in ${p.secrets.map((s) => shQuote(s.secretName)).join(' ')}; do`);
    lines.push('  kubectl get secret "$secret" -n "$NAMESPACE" >/dev/null 2>&1 || { echo "Secret $secret is missing in namespace $NAMESPACE: fill in secrets.example.yaml and apply it (README, Secrets)" >&2; exit 1; }');
    lines.push('done');
  }
  if (p.unwired.length) lines.push('', '[ -f secret-values.yaml ] || { echo "secret-values.yaml is missing: copy secret-values.example.yaml and fill it in (README, Secrets)" >&2; exit 1; }');
  if (p.remoteDependencies.length) {
    lines.push('', '# The chart\'s dependencies, when the chart is a local folder.', 'if [ -d "$CHART" ]; then helm dependency build "$CHART"; fi');
  }
  const files = ['-f values.yaml', ...(envs.length ? ['-f "values-$ENVIRONMENT.yaml"'] : []), ...(p.unwired.length ? ['-f secret-values.yaml'] : [])];
  lines.push(
    '',
    'VERSION_FLAG=""',
    `if [ ! -e "$CHART" ]; then VERSION_FLAG="--version ${p.chart.metadata.version}"; fi`,
    `helm upgrade --install ${shQuote(release)} "$CHART" $VERSION_FLAG -n "$NAMESPACE" --create-namespace ${files.join(' ')}`,
    '',
    `echo "Installed. Verify with: helm test ${release} -n $NAMESPACE"`,
    '',
  );
  return lines.join('\n');
}

/** README.md of a values bundle. */
export function bundleReadme(p: PreparedExport, target: InstallTarget, files: { manifests: boolean }): string {
  const md = p.chart.metadata;
  const release = p.config.release.name;
  const envs = p.environments;
  const out: string[] = [
    `# ${release}: ${md.name} ${md.version}`,
    '',
    `Values for installing the chart \`${md.name}\` ${md.version} as the release \`${release}\`` +
      (envs.length ? `, in the environments ${envs.map((e) => `\`${e.name}\``).join(', ')}.` : ` in the namespace \`${p.config.release.namespace}\`.`),
    '',
    '| File | What it is |',
    '| --- | --- |',
    '| `values.yaml` | Only what differs from the chart defaults; comments say where each choice came from. |',
    ...envs.map((e) => `| \`${e.fileName}\` | Environment \`${e.name}\`, applied over values.yaml. |`),
    '| `reference/` | The full merged values (defaults included), for reading only. |',
    ...(p.secrets.length ? ['| `secrets.example.yaml` | Skeletons of the Secrets the release reads, with placeholders. |'] : []),
    ...(p.unwired.length ? ['| `secret-values.example.yaml` | Secret values the chart can only take as values, with placeholders. |'] : []),
    ...(files.manifests ? ['| `manifests/` | The rendered objects, one file each, for review (Secret data redacted). |'] : []),
    '| `install.sh` | The commands below, in order. |',
    '| `chartroom.json` | This configuration; open it in chartroom to change it. |',
    '',
    '## Prerequisites',
    '',
    `- \`helm\` ${helmRelease(p)} (chartroom rendered and checked these values as Helm ${helmRelease(p)} does; another Helm version may render them differently) and \`kubectl\`, with access to the cluster.`,
    `- The chart: \`install.sh\` uses \`${target.chartRef}\`; set \`CHART\` to a folder, a .tgz, \`repo/name\` or \`oci://…\` to install it from elsewhere.`,
  ];
  for (const op of p.operators) {
    const o = op.operator;
    out.push(
      op.version
        ? `- The ${o.title} (chart \`${o.chart}\` ${op.version}, the version the chart pins), installed before the release and switched off inside it (\`${op.dependency!.disablePath.join('.')}: false\`): its CRDs and webhooks are cluster-wide, so one installation serves every release.`
        : `- The ${o.title}: the release creates \`${o.apiGroups[0]}\` objects. Install it from ${o.repoUrl} (chart \`${o.chart}\`) unless it already runs.`,
    );
  }
  out.push('', '## Install', '', 'Run `./install.sh' + (envs.length ? ' ENVIRONMENT`' : '`') + ', or the same commands by hand:', '', '```sh');
  for (const r of helmRepositories(p)) out.push(`helm repo add ${r.name} ${r.url}`);
  if (helmRepositories(p).length) out.push('helm repo update');
  for (const op of p.operators) if (op.version) out.push(operatorCommand(op));
  if (p.secrets.length) out.push('# fill in secrets.example.yaml, then:', `kubectl create namespace ${namespaceOf(p, envs[0]?.name)}`, 'kubectl apply -f secrets.example.yaml');
  if (p.remoteDependencies.length) out.push(`helm dependency build ${shQuote(target.chartRef)}   # when the chart is a local folder`);
  if (envs.length) for (const e of envs) out.push(installCommand(p, target, e.name));
  else out.push(installCommand(p, target));
  out.push('```', '');
  out.push('## Verify', '', '```sh');
  for (const ns of [...new Set(envs.length ? envs.map((e) => namespaceOf(p, e.name)) : [p.config.release.namespace])]) {
    out.push(`helm status ${release} -n ${ns}`, `kubectl get pods -n ${ns}`, `helm test ${release} -n ${ns}`);
  }
  out.push('```', '');
  out.push('## Secrets', '');
  if (p.secrets.length === 0 && p.unwired.length === 0) out.push('This configuration reads no Secret you have to create. Values the chart generates itself stay in the cluster.');
  if (p.secrets.length) {
    out.push('No secret value is in this bundle. The release reads these Secrets, which you create before installing:', '');
    for (const s of p.secrets) out.push(`- \`${s.secretName}\` (through \`${pathOf(s.existingSecretPath)}\`): keys ${s.keys.map((k) => `\`${k.key}\``).join(', ') || 'see the chart README'}`);
    out.push('', 'Fill in `secrets.example.yaml` and apply it, or keep it encrypted with SOPS or Sealed Secrets, or create the same Secrets with External Secrets. Never commit the filled-in file.');
  }
  if (p.unwired.length) {
    out.push('', `The chart has no existing-Secret option for ${p.unwired.map((u) => `\`${u.path}\``).join(', ')}: copy \`secret-values.example.yaml\` to \`secret-values.yaml\`, fill it in and keep it out of version control (or encrypt it with SOPS and \`helm secrets\`).`);
  }
  if (p.removed.length) out.push('', `Removed from your values because they are secrets: ${p.removed.map((r) => `\`${r}\``).join(', ')}.`);
  if (p.warnings.length) out.push('', '## Warnings', '', ...p.warnings.map((w) => `- ${w.replace(/\n+/g, ' ')}`));
  out.push('');
  return out.join('\n');
}
