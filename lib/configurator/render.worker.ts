/// <reference lib="webworker" />
/**
 * The render worker: holds the loaded chart and renders configurations with the Helm engine,
 * off the page's main thread. The page's RenderClient restarts it when a render overruns.
 */
import { DEFAULT_HELM_VERSION, type Chart, type HelmVersion } from '../helm';
import { chartFileText, loadChartSource, renderConfiguration, traceConfiguration } from './render-job';
import { renderFailure, type ChartSource, type RenderFailure, type RenderRequest, type WorkerRequest, type WorkerResponse } from './render-protocol';
import { errorReport } from '../errors';

declare const self: DedicatedWorkerGlobalScope;
// Renders that arrive while the chart is still loading wait for it.
let source: Promise<Exclude<ChartSource, { kind: 'url' }>> | null = null;
// Helm 4 loads some charts differently (values.yaml documents, Chart.yaml errors): one load per version asked for.
const charts = new Map<HelmVersion, Promise<Chart>>();

function chartFor(helmVersion: HelmVersion): Promise<Chart> | null {
  if (!source) return null;
  let loaded = charts.get(helmVersion);
  if (!loaded) {
    loaded = source.then((s) => loadChartSource(s, helmVersion));
    charts.set(helmVersion, loaded);
  }
  return loaded;
}

function reply(msg: WorkerResponse): void {
  self.postMessage(msg);
}

// This module runs once the engine's code has arrived: from now on only the chart is missing.
reply({ type: 'progress', progress: { phase: 'chart', percent: null } });

/** The chart's files, read as they arrive so the page can show how much of the chart is there. */
async function resolveSource(source: ChartSource): Promise<Exclude<ChartSource, { kind: 'url' }>> {
  if (source.kind !== 'url') return source;
  const res = await fetch(source.url);
  if (!res.ok) throw new Error(`could not read the chart (${res.status} ${res.statusText})`);
  // The stream gives decoded bytes; Content-Length counts encoded ones, so the server says the size.
  const total = Number(res.headers.get('x-chartroom-length')) || 0;
  const parts: Uint8Array[] = [];
  let received = 0;
  let shown = -1;
  const reader = res.body?.getReader();
  if (!reader) return { kind: 'files', files: (await res.json()) as Extract<ChartSource, { kind: 'files' }>['files'], subcharts: source.subcharts };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.length;
    const percent = total ? Math.min(99, Math.floor((received / total) * 100)) : null;
    if (percent !== shown) {
      shown = percent ?? -1;
      reply({ type: 'progress', progress: { phase: 'chart', percent } });
    }
  }
  const text = new TextDecoder().decode(await new Blob(parts as BlobPart[]).arrayBuffer());
  return { kind: 'files', files: JSON.parse(text) as Extract<ChartSource, { kind: 'files' }>['files'], subcharts: source.subcharts };
}

/**
 * A fresh engine is slow for its first renders (the JIT hasn't compiled it yet), so right after
 * the first successful render — while the page is still loading Monaco — the worker repeats it a few times.
 * Each repeat is its own task: a message that arrives meanwhile waits for one render at most.
 */
const WARM_UP_RENDERS = 20;
const WARM_UP_MAX_MS = 200;
let warmUpsLeft = WARM_UP_RENDERS;

function warmUp(loaded: Chart, request: RenderRequest): void {
  if (warmUpsLeft <= 0) return;
  warmUpsLeft--;
  setTimeout(() => {
    renderConfiguration(loaded, request);
    warmUp(loaded, request);
  }, 0);
}

/** Resolves in a task of its own: whatever continuations are queued now (a render waiting for the chart) run first. */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const notLoaded = (): RenderFailure => renderFailure({ code: 'chart-load', message: 'The chart could not be loaded.', where: {}, schemaProblems: [] }, 0);

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'load':
      try {
        charts.clear();
        source = resolveSource(msg.source);
        const chart = await chartFor(DEFAULT_HELM_VERSION)!;
        // The page asks for its first render right after the load, and waits for it on screen; the
        // chart's summary (schema inference is a good part of a load, and its code is not needed
        // before) can follow it.
        await nextTask();
        const { chartInfoFromChart } = await import('./chart-info');
        reply({ type: 'loaded', id: msg.id, info: chartInfoFromChart(chart) });
      } catch (e) {
        source = null;
        charts.clear();
        reply({ type: 'load-failed', id: msg.id, error: errorReport(e) });
      }
      break;
    case 'render': {
      const chart = chartFor(msg.request.release.helmVersion);
      const loaded = chart && (await chart.catch(() => null));
      if (!loaded) {
        reply({ type: 'rendered', id: msg.id, outcome: notLoaded() });
        break;
      }
      const outcome = renderConfiguration(loaded, msg.request);
      reply({ type: 'rendered', id: msg.id, outcome });
      // Only a quick chart gains from warming up; repeating a slow render would hold up the next one.
      if (outcome.ok && outcome.elapsedMs < WARM_UP_MAX_MS && warmUpsLeft === WARM_UP_RENDERS) warmUp(loaded, msg.request);
      break;
    }
    case 'trace': {
      const chart = chartFor(msg.request.release.helmVersion);
      const loaded = chart && (await chart.catch(() => null));
      reply({ type: 'traced', id: msg.id, outcome: loaded ? traceConfiguration(loaded, msg.request) : notLoaded() });
      break;
    }
    case 'source': {
      const chart = chartFor(DEFAULT_HELM_VERSION);
      const loaded = chart && (await chart.catch(() => null));
      reply({ type: 'source', id: msg.id, file: msg.file, text: loaded ? chartFileText(loaded, msg.file) : null });
      break;
    }
  }
};
