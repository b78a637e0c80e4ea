/**
 * Another version of the chart from a repository, as the target of an upgrade preview. The
 * repository work is lib/remote-chart's (locating, listing, downloading with dependencies).
 */
import type { DependencyEnv } from '../helm';
import type { LocalChart } from '../configurator';
import { locateChart, listOffer, openRemoteChart, type RemoteChartRef } from '../remote-chart';

export interface RepositoryVersions {
  repository: string;
  name: string;
  /** Newest first. */
  versions: string[];
  /** The version the location names (an Artifact Hub page's, an OCI tag), if any. */
  named?: string;
}

/**
 * The versions of the chart called `chartName` at what the user typed (a Helm repository URL, an
 * `oci://` reference, an Artifact Hub page). @throws Error saying what is wrong, naming the location
 */
export async function repositoryVersions(input: string, chartName: string, env: DependencyEnv): Promise<RepositoryVersions> {
  const located = locateChart(input);
  if (!located.ok) throw new Error(located.message);
  const offer = await listOffer(located.location, env);
  const chart = offer.charts.find((c) => c.name === chartName) ?? (offer.charts.length === 1 ? offer.charts[0] : undefined);
  if (!chart) throw new Error(`${offer.repository} has no chart named ${chartName} (it has ${offer.charts.map((c) => c.name).join(', ')})`);
  const named = offer.preferred?.name === chart.name ? offer.preferred.version : undefined;
  return { repository: offer.repository, name: chart.name, versions: chart.versions, ...(named ? { named } : {}) };
}

/** One version downloaded (digest checked) with the dependencies it lacks, and those that could not be had. */
export async function openRepositoryVersion(ref: RemoteChartRef, env: DependencyEnv): Promise<{ chart: LocalChart; missing: string[] }> {
  const got = await openRemoteChart(ref, env);
  return {
    chart: { label: `${ref.name} ${got.origin.version}`, source: { kind: 'archive', bytes: got.bytes, subcharts: got.dependencies.subcharts } },
    missing: got.dependencies.missing.map((m) => `${m.name} ${m.version} (${m.repository}): ${m.reason}`),
  };
}
