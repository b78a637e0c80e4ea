'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ChartSource } from '../render-protocol';
import { INITIAL_PREVIEW, PreviewStore, type PreviewState } from '../preview-store';
import { createRenderWorker } from './create-render-worker';
import { awaitFirstPreview } from './first-preview';

/** A preview store (and its worker) for a chart source, alive while the component is mounted. */
export function usePreviewStore(source: ChartSource): PreviewStore | null {
  const [store, setStore] = useState<PreviewStore | null>(null);
  useEffect(() => {
    const s = new PreviewStore(source, createRenderWorker);
    const shown = awaitFirstPreview();
    const unsubscribe = s.subscribe(() => {
      const { latest, loadError } = s.getState();
      if (latest || loadError) shown();
    });
    setStore(s);
    return () => {
      unsubscribe();
      shown();
      s.dispose();
    };
  }, [source]);
  return store;
}

const EMPTY: PreviewState = INITIAL_PREVIEW;
const noop = (): (() => void) => () => undefined;

/** The store's state, re-rendering the caller when it changes. */
export function usePreviewState(store: PreviewStore | null): PreviewState {
  return useSyncExternalStore(store?.subscribe ?? noop, store?.getState ?? (() => EMPTY), () => EMPTY);
}

/**
 * One piece of the store's state; the caller re-renders only when that piece changes
 * (`select` must return something stable for an unchanged state, e.g. a field).
 */
export function usePreviewSelector<T>(store: PreviewStore | null, select: (s: PreviewState) => T): T {
  return useSyncExternalStore(
    store?.subscribe ?? noop,
    () => select(store ? store.getState() : EMPTY),
    () => select(EMPTY),
  );
}
