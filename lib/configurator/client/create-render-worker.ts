/** Starts the render worker (bundled by Next.js from `render.worker.ts`). */
export function createRenderWorker(): Worker {
  return new Worker(new URL('../render.worker.ts', import.meta.url), { type: 'module', name: 'chartroom-render' });
}
