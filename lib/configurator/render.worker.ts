/// <reference lib="webworker" />
/**
 * The render worker: holds the loaded chart and renders configurations with the Helm engine,
 * off the page's main thread. The page's RenderClient restarts it when a render overruns.
 */
import type { Chart } from '../helm';
import { chartInfoFromChart } from './chart-info';
import { chartFileText, loadChartSource, renderConfiguration } from './render-job';
import type { ChartSource, WorkerRequest, WorkerResponse } from './render-protocol';

declare const self: DedicatedWorkerGlobalScope;
let chart: Chart | null = null;

async function resolveSource(source: ChartSource): Promise<Exclude<ChartSource, { kind: 'url' }>> {
  if (source.kind !== 'url') return source;
  const res = await fetch(source.url);
  if (!res.ok) throw new Error(`could not read the chart (${res.status} ${res.statusText})`);
  return { kind: 'files', files: (await res.json()) as Extract<ChartSource, { kind: 'files' }>['files'] };
}

function reply(msg: WorkerResponse): void {
  self.postMessage(msg);
}

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'load':
      try {
        chart = loadChartSource(await resolveSource(msg.source));
        reply({ type: 'loaded', id: msg.id, info: chartInfoFromChart(chart) });
      } catch (e) {
        reply({ type: 'load-failed', id: msg.id, message: e instanceof Error ? e.message : String(e) });
      }
      break;
    case 'render':
      if (!chart) {
        reply({ type: 'rendered', id: msg.id, outcome: { ok: false, kind: 'chart', message: 'The chart is not loaded.', location: null, schemaProblems: [], elapsedMs: 0 } });
        break;
      }
      reply({ type: 'rendered', id: msg.id, outcome: renderConfiguration(chart, msg.request) });
      break;
    case 'source':
      reply({ type: 'source', id: msg.id, file: msg.file, text: chart ? chartFileText(chart, msg.file) : null });
      break;
  }
};
