'use client';
import type { Chart } from '../../helm';
import { loadChartSource } from '../render-job';
import type { ChartSource } from '../render-protocol';

const loaded = new WeakMap<ChartSource, Promise<Chart>>();

/**
 * The chart of a source on the page's own thread, loaded once per source: exports need the
 * whole chart, which otherwise lives in the render worker.
 */
export function loadChartOnPage(source: ChartSource): Promise<Chart> {
  let p = loaded.get(source);
  if (!p) {
    p = (async () => {
      if (source.kind !== 'url') return loadChartSource(source);
      const res = await fetch(source.url);
      if (!res.ok) throw new Error(`could not read the chart (${res.status} ${res.statusText})`);
      return loadChartSource({ kind: 'files', files: await res.json(), subcharts: source.subcharts });
    })();
    p.catch(() => loaded.delete(source));
    loaded.set(source, p);
  }
  return p;
}
