/**
 * The render worker: in a production build, the one esbuild built from `render.worker.ts`
 * (scripts/build-render-worker.mjs: its engine comes as one chunk, not a dozen loaded one after
 * another); under the development server, Turbopack's bundle of the same file.
 */
const BUILT = process.env.CHARTROOM_RENDER_WORKER;
const spawn = (): Worker =>
  BUILT
    ? new Worker(BUILT, { type: 'module', name: 'chartroom-render' })
    : new Worker(new URL('../render.worker.ts', import.meta.url), { type: 'module', name: 'chartroom-render' });

/** A worker started before the page asked for one, and what it said meanwhile (a message with no listener is lost). */
let early: { worker: Worker; said: MessageEvent[]; keep: (ev: MessageEvent) => void } | null = null;

/**
 * Starts a render worker now, for the next `createRenderWorker` to take: a page that renders a
 * chart at once calls it while its scripts load, so the engine (the page's largest download
 * and longest evaluation) loads while the page hydrates instead of after.
 */
export function startRenderWorker(): void {
  if (early || typeof Worker === 'undefined') return;
  const worker = spawn();
  const said: MessageEvent[] = [];
  const keep = (ev: MessageEvent): void => void said.push(ev);
  worker.addEventListener('message', keep);
  early = { worker, said, keep };
}

/** A render worker: the one started early if there is one, else a new one. */
export function createRenderWorker(): Worker {
  if (!early) return spawn();
  const { worker, said, keep } = early;
  early = null;
  worker.removeEventListener('message', keep);
  // The taker sets its handler as soon as this returns, in the same task: what the worker said
  // so far follows then, before any message still to come.
  if (said.length) queueMicrotask(() => said.forEach((ev) => worker.dispatchEvent(new MessageEvent('message', { data: ev.data }))));
  return worker;
}
