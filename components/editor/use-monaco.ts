'use client';
import { useEffect, useState } from 'react';
import { afterFirstPreview } from '@/lib/configurator/client/first-preview';
import { MONACO_STEPS } from './monaco-steps';

export type Monaco = typeof import('./monaco');

/** How long an idle start waits for the page's first preview before it loads Monaco anyway. */
export const MONACO_WAITS_FOR_PREVIEW_MS = 5000;

let loading: Promise<Monaco> | null = null;
let loaded: Monaco | null = null;
/** Someone waits for Monaco now (a view the user opened): steps follow each other without waiting for idle time. */
let urgent = false;

/** Resolves in a later task: when the page is idle, or at once when Monaco is urgent. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (!urgent && 'requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}

/** Monaco's modules step by step (monaco-steps.ts), then the editor module and its preparations, each in a task of its own. */
async function loadInSteps(): Promise<Monaco> {
  for (const step of MONACO_STEPS) {
    await nextTask();
    await step();
  }
  await nextTask();
  const m = await import('./monaco');
  for (const prepare of m.preparations) {
    await nextTask();
    prepare();
  }
  return m;
}

/** Monaco's module, downloaded once for every editor and viewer on the page. */
export function loadMonaco(start: 'idle' | 'now' = 'idle'): Promise<Monaco> {
  if (start === 'now') urgent = true;
  if (!loading) {
    loading = loadInSteps().then((m) => (loaded = m));
    // A failed download (offline, a new deployment) may be retried by the next editor.
    loading.catch(() => (loading = null));
  }
  return loading;
}

/**
 * Views waiting for Monaco, given it one per task: creating an editor takes a while, and two
 * created in one task would block the page twice as long.
 */
const waiting: (() => void)[] = [];
let handingOut = false;

async function handOut(): Promise<void> {
  if (handingOut) return;
  handingOut = true;
  while (waiting.length) {
    await nextTask();
    waiting.shift()!();
  }
  handingOut = false;
}

/**
 * Monaco once loaded (at once for a component mounted after that), null until then. `idle`
 * waits for the browser to be idle after first paint (2 s at most) and for the page's first
 * preview, so the form and preview are interactive before Monaco downloads; `now` is for views
 * the user just asked for.
 */
export function useMonaco(start: 'idle' | 'now' = 'idle'): Monaco | null {
  const [monaco, setMonaco] = useState<Monaco | null>(loaded);
  useEffect(() => {
    if (monaco) return;
    let cancelled = false;
    const load = (): void => {
      loadMonaco(start).then(
        (m) => {
          waiting.push(() => !cancelled && setMonaco(m));
          void handOut();
        },
        () => undefined, // the plain text views stay in place
      );
    };
    // `idle` also waits for the page's first preview: evaluating Monaco would hold up the main
    // thread that passes the engine's messages on, and compete with the worker for the CPU. A
    // preview that is slow (a loaded machine, a render stopped at its time budget) or never
    // comes must not keep the editor a plain textarea: after a few seconds Monaco starts anyway.
    const afterPreview = (): void => void afterFirstPreview(MONACO_WAITS_FOR_PREVIEW_MS).then(load);
    const idle = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (start === 'now') load();
    else if (idle) idle(afterPreview, { timeout: 2000 });
    else setTimeout(afterPreview, 50);
    return () => {
      cancelled = true;
    };
  }, [start, monaco]);
  return monaco;
}
