/**
 * What the synchronous commands (template, lint) need to know of remote chart references, kept
 * apart from the downloader so a local render loads none of it.
 */
import type { Chart } from '../helm';
import type { FlagSpec } from './args';

/** The flags every chart command adds for remote charts (helm's names). */
export const CHART_REF_FLAGS: readonly FlagSpec[] = [
  { name: 'repo', kind: 'string', help: 'chart repository url where to locate the requested chart' },
  { name: 'version', kind: 'string', help: 'version constraint for the chart version to use; without it, the latest release' },
  { name: 'plain-http', kind: 'bool', help: 'use insecure HTTP connections for the chart download' },
  { name: 'repository-config', kind: 'string', help: "path to helm's repositories.yaml (default $HELM_REPOSITORY_CONFIG or ~/.config/helm/repositories.yaml)" },
];

/**
 * Where a chart named by a remote reference came from, in the configuration's terms (see
 * lib/share/config.ts): `repository` is a Helm repository URL or the `oci://` prefix the chart
 * sits under, so a share link or chartroom.json reopens it in the page; an archive URL records
 * only the digest, as the page can open charts from repositories only.
 */
export interface ChartOrigin {
  repository?: string;
  digest: string;
}

const origins = new WeakMap<Chart, ChartOrigin>();

export function recordChartOrigin(chart: Chart, origin: ChartOrigin): void {
  origins.set(chart, origin);
}

/** Where `chart` was downloaded from; undefined for a chart from the disk or a bundled one. */
export function chartOrigin(chart: Chart): ChartOrigin | undefined {
  return origins.get(chart);
}

/** Charts that render without dependencies nobody could fetch (the page's behaviour). */
const partial = new WeakSet<Chart>();

/** Marks a bundled chart to render without the dependencies that could not be fetched (already reported). */
export function markMissingDependenciesReported(chart: Chart): void {
  partial.add(chart);
}

/** Whether `chart` is a bundled chart rendering without some dependencies (already reported). */
export function rendersWithoutMissingDependencies(chart: Chart): boolean {
  return partial.has(chart);
}

/**
 * Whether a command line may name a chart that has to be fetched first: an `oci://` or URL
 * argument, `--repo`, `--dependency-update`, a `repo/name` that is not on disk, or a bundled chart
 * (its dependencies).
 * A cheap look at the words; the real decision parses the flags.
 */
export function mayNeedFetching(argv: string[], locate?: (ref: string) => { kind: string } | undefined): boolean {
  if (argv.some((a) => /^(oci|https?):\/\//.test(a) || a === '--repo' || a.startsWith('--repo=') || a === '--dependency-update')) return true;
  if (!locate) return false;
  return argv.some((a) => {
    if (a.startsWith('-') || a.includes('=')) return false;
    const at = locate(a);
    return at ? at.kind === 'bundled' : a.includes('/') && !a.startsWith('.') && !a.startsWith('/');
  });
}
