'use client';
import { useEffect, useState } from 'react';

export type Monaco = typeof import('./monaco');

let loading: Promise<Monaco> | null = null;
let loaded: Monaco | null = null;

/** Monaco's module, downloaded once for every editor and viewer on the page. */
export function loadMonaco(): Promise<Monaco> {
  if (!loading) {
    loading = import('./monaco').then((m) => (loaded = m));
    // A failed download (offline, a new deployment) may be retried by the next editor.
    loading.catch(() => (loading = null));
  }
  return loading;
}

/**
 * Monaco once loaded (at once for a component mounted after that), null until then. `idle`
 * waits for the browser to be idle after first paint (2 s at most), so the form and preview are
 * interactive before Monaco downloads; `now` is for views the user just asked for.
 */
export function useMonaco(start: 'idle' | 'now' = 'idle'): Monaco | null {
  const [monaco, setMonaco] = useState<Monaco | null>(loaded);
  useEffect(() => {
    if (monaco) return;
    let cancelled = false;
    const load = (): void => {
      loadMonaco().then(
        (m) => !cancelled && setMonaco(m),
        () => undefined, // the plain text views stay in place
      );
    };
    const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (start === 'now') load();
    else if (idle) idle(load, { timeout: 2000 });
    else setTimeout(load, 50);
    return () => {
      cancelled = true;
    };
  }, [start, monaco]);
  return monaco;
}
