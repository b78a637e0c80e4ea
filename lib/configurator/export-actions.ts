/**
 * What the Export menu does with the configuration being edited: a values bundle, a GitOps
 * repository, a share link. The builders of lib/export sit above the configurator in the layer
 * order (export reads configurations this layer defines), so the page loads them when an export
 * starts and hands them in as {@link Exporters}; everything else is decided here.
 */
import type { Chart } from '../helm';
import type { buildGitopsRepo, buildValuesBundle, ChartSource as DeployedChartSource, GitopsRepo, GitopsTool } from '../export';
import { DNS1123_LABEL } from '../kube';
import type { ChartOrigin } from '../remote-chart';
import type { ChartroomConfig, ChartroomEnvironment } from '../share';
import type { UpgradeReport } from '../upgrade';
import type { ChartInfo } from './chart-info';
import type { Configuration } from './configuration';
import type { ChartSource } from './render-protocol';
import { configurationToShare } from './share-state';

/** lib/export's builders. */
export interface Exporters {
  buildValuesBundle: typeof buildValuesBundle;
  buildGitopsRepo: typeof buildGitopsRepo;
}

/** The configuration an export is made of. */
export interface ExportSubject {
  info: ChartInfo;
  source: ChartSource;
  /** Where a chart opened from a repository came from: links and chartroom.json record it. */
  origin?: ChartOrigin;
  configuration: Configuration;
  environments: ChartroomEnvironment[];
}

/** A finished export: what to tell the user, and the file to download if there is one. */
export interface ExportOutcome {
  text: string;
  /** Secret values left out, by path. */
  removed: string[];
  warnings: string[];
  file?: { bytes: Uint8Array; fileName: string };
}

/** Environment names typed as `dev, prod`, keeping the values of environments that already existed, and the first name Kubernetes would refuse. */
export function exportEnvironments(text: string, known: readonly ChartroomEnvironment[]): { environments: ChartroomEnvironment[]; invalid?: string } {
  const names = [...new Set(text.split(/[\s,]+/).filter(Boolean))];
  const environments = names.map((name) => known.find((e) => e.name === name) ?? { name, values: '' });
  const invalid = environments.find((e) => !DNS1123_LABEL.test(e.name))?.name;
  return invalid === undefined ? { environments } : { environments, invalid };
}

/** Where the chart of an exported repository comes from, as the user chose it. */
export type DeployFrom = DeployedChartSource['type'];

/** The default for a chart: a chart opened from a repository is deployed from there. */
export function defaultDeployFrom(origin: ChartOrigin | undefined): DeployFrom {
  if (!origin) return 'vendored';
  return origin.repository.startsWith('oci://') ? 'oci' : 'helm-repo';
}

/** The GitOps chart source; a repository without its URL is refused with what to give. */
export function deployedChartSource(from: DeployFrom, url: string): DeployedChartSource {
  if (from === 'vendored') return { type: 'vendored' };
  const trimmed = url.trim();
  if (!trimmed) throw new Error(`give the ${from === 'oci' ? 'OCI registry' : 'Helm repository'} URL`);
  return { type: from, url: trimmed };
}

/** The configuration as chartroom.json holds it, naming the repository a chart came from. */
function exportedConfig(s: ExportSubject, from: { digest?: string; repository?: string } = originOf(s.origin)): ChartroomConfig {
  return configurationToShare(s.configuration, s.info, s.environments, from);
}

function originOf(origin: ChartOrigin | undefined): { digest?: string; repository?: string } {
  return origin ? { repository: origin.repository, digest: origin.digest } : {};
}

/** The values bundle (with the upgrade preview on screen, if any). */
export async function exportValuesBundle(
  s: ExportSubject,
  chart: Chart,
  exporters: Pick<Exporters, 'buildValuesBundle'>,
  upgradeReport: UpgradeReport | null,
  onProgress?: (percent: number) => void,
): Promise<ExportOutcome> {
  const b = await exporters.buildValuesBundle(chart, exportedConfig(s), { upgradeReport: upgradeReport ?? undefined }, onProgress);
  return { text: `Downloaded ${b.fileName}.`, removed: b.removed, warnings: b.warnings, file: { bytes: b.zip, fileName: b.fileName } };
}

/** What the GitOps form asks for. */
export interface GitopsChoices {
  tool: GitopsTool;
  repoUrl: string;
  branch: string;
  deployFrom: DeployFrom;
  chartUrl: string;
}

/**
 * The GitOps repository. Output that changes at every sync is worth a second look before it
 * goes into Git: such a repository comes back `heldBack`, for the user to confirm.
 */
export async function exportGitopsRepo(
  s: ExportSubject,
  chart: Chart,
  exporters: Pick<Exporters, 'buildGitopsRepo'>,
  choices: GitopsChoices,
  onProgress?: (percent: number) => void,
): Promise<{ heldBack: GitopsRepo } | ExportOutcome> {
  const chartSource = deployedChartSource(choices.deployFrom, choices.chartUrl);
  const r = await exporters.buildGitopsRepo(
    chart,
    exportedConfig(s),
    { tool: choices.tool, repoUrl: choices.repoUrl.trim() || undefined, branch: choices.branch.trim() || undefined, chartSource },
    onProgress,
  );
  return r.gitops.length ? { heldBack: r } : gitopsOutcome(r);
}

/** A GitOps repository to download (also one the user confirmed after it was held back). */
export function gitopsOutcome(r: GitopsRepo): ExportOutcome {
  return { text: `Downloaded ${r.fileName}.`, removed: r.removed, warnings: r.warnings, file: { bytes: r.zip, fileName: r.fileName } };
}

/**
 * A share link to the configuration. A chart from the user's disk is not on any server: the link
 * names it by digest, so whoever opens it is asked for the same chart file.
 */
export async function exportShareLink(s: ExportSubject, baseUrl: string): Promise<ExportOutcome & { url: string }> {
  const digest = s.origin || s.source.kind === 'url' ? undefined : (await import('./chart-digest')).localChartDigest(s.source);
  // The encoder (and the configuration checker it carries) loads with the first link.
  const { encodeShareLink } = await import('../share/link');
  const link = encodeShareLink(exportedConfig(s, s.origin ? originOf(s.origin) : { digest }), { schema: s.info.schema ?? undefined, baseUrl });
  const warnings = digest
    ? [`${s.info.name} ${s.info.version} was opened from your disk, and the link does not contain it: whoever opens the link is asked for the same chart file (${digest.slice(0, 19)}…).`]
    : [];
  return { url: link.url, text: `Link copied (${link.url.length} characters).`, removed: link.removed, warnings };
}
