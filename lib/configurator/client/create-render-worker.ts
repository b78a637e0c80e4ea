/**
 * The render worker: in a production build, the one esbuild built from `render.worker.ts`
 * (scripts/build-render-worker.mjs: its engine comes as one chunk, not a dozen loaded one after
 * another); under the development server, Turbopack's bundle of the same file.
 */
const BUILT = process.env.CHARTROOM_RENDER_WORKER;
const NAME = 'chartroom-render';
const spawn = (): Worker =>
  BUILT ? new Worker(BUILT, { type: 'module', name: NAME }) : new Worker(new URL('../render.worker.ts', import.meta.url), { type: 'module', name: NAME });

/** A worker started before the page asked for one, and what it said meanwhile (a message with no listener is lost). */
interface EarlyWorker {
  worker: Worker;
  said: MessageEvent[];
  keep: (ev: MessageEvent) => void;
}

let early: EarlyWorker | null = null;

/** Where the boot script leaves the worker it started. */
const BOOTED = '__chartroomRenderWorker';

/**
 * An inline script for the HTML of a page that renders a chart at once (null when there is no
 * built worker to start, under the development server): it starts the render worker as the
 * HTML is read, so the engine loads while the page's own scripts load and hydrate, and keeps
 * what the worker says until `createRenderWorker` takes it.
 */
export function renderWorkerBootScript(): string | null {
  if (!BUILT) return null;
  const options = JSON.stringify({ type: 'module', name: NAME });
  return `try{const worker=new Worker(${JSON.stringify(BUILT)},${options}),said=[],keep=(ev)=>said.push(ev);worker.addEventListener('message',keep);globalThis.${BOOTED}={worker,said,keep}}catch{}`;
}

/** The worker the boot script started, taken once. */
function booted(): EarlyWorker | null {
  const scope = globalThis as typeof globalThis & { [BOOTED]?: EarlyWorker };
  const found = scope[BOOTED] ?? null;
  delete scope[BOOTED];
  return found;
}

/**
 * Starts a render worker now, for the next `createRenderWorker` to take: a page that renders a
 * chart at once calls it while its scripts load, so the engine (the page's largest download
 * and longest evaluation) loads while the page hydrates instead of after. The boot script's
 * worker, when the HTML had one, is that worker already.
 */
export function startRenderWorker(): void {
  if (early || typeof Worker === 'undefined') return;
  early = booted();
  if (early) return;
  const worker = spawn();
  const said: MessageEvent[] = [];
  const keep = (ev: MessageEvent): void => void said.push(ev);
  worker.addEventListener('message', keep);
  early = { worker, said, keep };
}

/** A render worker: the one started early if there is one, else a new one. */
export function createRenderWorker(): Worker {
  early ??= booted();
  if (!early) return spawn();
  const { worker, said, keep } = early;
  early = null;
  worker.removeEventListener('message', keep);
  // The taker sets its handler as soon as this returns, in the same task: what the worker said
  // so far follows then, before any message still to come.
  if (said.length) queueMicrotask(() => said.forEach((ev) => worker.dispatchEvent(new MessageEvent('message', { data: ev.data }))));
  return worker;
}
