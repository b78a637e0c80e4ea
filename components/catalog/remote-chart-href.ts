import type { RemoteChartRef } from '@/lib/remote-chart';

/** The configurator page of a repository chart; the address alone reopens it. */
export function remoteChartHref(ref: RemoteChartRef): string {
  return `/configure/remote?${new URLSearchParams({ repository: ref.repository, chart: ref.name, version: ref.version })}`;
}

/** The chart a configurator address names, if it names one. */
export function remoteChartFromSearch(search: string): RemoteChartRef | null {
  const p = new URLSearchParams(search);
  const repository = p.get('repository');
  const name = p.get('chart');
  return repository && name ? { repository, name, version: p.get('version') ?? '' } : null;
}
