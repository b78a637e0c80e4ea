'use client';
import { useEffect, useRef } from 'react';
import type { Preset } from '../../validate';
import type { FindingsRequest, FindingsResponse } from '../findings-job';
import type { PreviewStore } from '../preview-store';
import type { RenderSuccess } from '../render-protocol';

/** Findings trail the preview by this much: typing never waits for validation. */
const FINDINGS_DEBOUNCE_MS = 300;

/**
 * Findings for the render on screen, computed in a worker after a pause in rendering, from what
 * the render returned (its resources, calls and Helm's coalesced values), as `chartroom lint`
 * computes them. Only the answer to the newest request goes to the store, where every view of
 * the findings reads it.
 */
export function useFindings(store: PreviewStore | null, render: RenderSuccess | null, kubeVersion: string, preset: Preset): void {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  // The worker outlives a change of store (another chart): its answers go to the current one.
  const storeRef = useRef(store);
  storeRef.current = store;

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!render || !store) return;
    const timer = setTimeout(() => {
      if (!worker.current) {
        worker.current = new Worker(new URL('../findings.worker.ts', import.meta.url), { type: 'module', name: 'chartroom-findings' });
        worker.current.onmessage = (ev: MessageEvent<FindingsResponse>) => {
          const res = ev.data;
          if (res.id !== latest.current) return;
          storeRef.current?.checked(res.ok ? { findings: res.findings, error: null } : { findings: null, error: res.message });
        };
        worker.current.onerror = (ev) => {
          ev.preventDefault();
          storeRef.current?.checked({ findings: null, error: `the checker stopped: ${ev.message || 'out of memory'}` });
          worker.current?.terminate();
          worker.current = null;
        };
      }
      const request: FindingsRequest = { id: ++latest.current, resources: render.resources, gitopsCalls: render.gitopsCalls, kubeVersion, preset, values: render.values, valuesUse: render.valuesUse };
      worker.current.postMessage(request);
    }, FINDINGS_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      latest.current++; // an answer still on its way is for a render no longer shown
    };
  }, [store, render, kubeVersion, preset]);
}
