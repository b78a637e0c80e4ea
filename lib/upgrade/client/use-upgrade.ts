'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChartSource, ReleaseOptions } from '../../configurator';
import type { UpgradeRequest, UpgradeResponse } from '../job';
import type { UpgradeReport } from '../types';

/** Long enough for two charts rendered a few dozen times; a chart that takes longer is stopped. */
const UPGRADE_DEADLINE_MS = 60_000;

export type UpgradeState = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; report: UpgradeReport } | { phase: 'failed'; message: string };

export interface UpgradeAsk {
  from: { source: ChartSource; valuesText: string };
  to: { source: ChartSource; valuesText: string };
  release: ReleaseOptions;
}

async function loaded(source: ChartSource): Promise<UpgradeRequest['from']['source']> {
  if (source.kind !== 'url') return source;
  const res = await fetch(source.url);
  if (!res.ok) throw new Error(`could not read the chart (${res.status} ${res.statusText})`);
  return { kind: 'files', files: await res.json() };
}

/**
 * Upgrade previews computed in a worker of their own, one at a time: a new request replaces
 * the one running, and a preview that overruns its deadline is stopped with a message.
 */
export function useUpgrade(): { state: UpgradeState; run: (ask: UpgradeAsk) => void } {
  const [state, setState] = useState<UpgradeState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
  };
  useEffect(() => stop, []);

  const run = useCallback((ask: UpgradeAsk) => {
    const id = ++latest.current;
    stop();
    setState({ phase: 'running' });
    void (async () => {
      let request: UpgradeRequest;
      try {
        request = { id, from: { ...ask.from, source: await loaded(ask.from.source) }, to: { ...ask.to, source: await loaded(ask.to.source) }, release: ask.release };
      } catch (e) {
        if (id === latest.current) setState({ phase: 'failed', message: (e as Error).message });
        return;
      }
      if (id !== latest.current) return;
      const w = new Worker(new URL('../upgrade.worker.ts', import.meta.url), { type: 'module', name: 'chartroom-upgrade' });
      worker.current = w;
      const timer = setTimeout(() => {
        if (id !== latest.current) return;
        stop();
        setState({ phase: 'failed', message: `The comparison took longer than ${UPGRADE_DEADLINE_MS / 1000} s and was stopped.` });
      }, UPGRADE_DEADLINE_MS);
      w.onmessage = (ev: MessageEvent<UpgradeResponse>) => {
        clearTimeout(timer);
        if (ev.data.id !== latest.current) return;
        setState(ev.data.ok ? { phase: 'done', report: ev.data.report } : { phase: 'failed', message: ev.data.message });
        stop();
      };
      w.onerror = (ev) => {
        ev.preventDefault();
        clearTimeout(timer);
        if (id === latest.current) setState({ phase: 'failed', message: `The comparison stopped: ${ev.message || 'out of memory'}` });
        stop();
      };
      w.postMessage(request);
    })();
  }, []);
  return { state, run };
}
