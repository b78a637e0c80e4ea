import { afterEach, describe, expect, test, vi } from 'vitest';

/** A Worker that records how it was made and can speak first. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  constructor(
    readonly url: string | URL,
    readonly options: WorkerOptions,
  ) {
    super();
    FakeWorker.made.push(this);
  }
  say(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

/** The module as a production build has it (the built worker's URL set), with FakeWorker as Worker. */
async function built(url = '/engine/render.worker-ABC.js') {
  vi.resetModules();
  vi.stubEnv('CHARTROOM_RENDER_WORKER', url);
  vi.stubGlobal('Worker', FakeWorker);
  FakeWorker.made = [];
  return import('./create-render-worker');
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  delete (globalThis as { __chartroomRenderWorker?: unknown }).__chartroomRenderWorker;
});

/** What the page's handler receives from a taken worker, its early messages first. */
async function heard(worker: Worker): Promise<unknown[]> {
  const got: unknown[] = [];
  worker.addEventListener('message', (ev) => got.push((ev as MessageEvent).data));
  await Promise.resolve();
  return got;
}

describe('the render worker', () => {
  test('the development server has no boot script: Turbopack bundles its worker', async () => {
    vi.resetModules();
    vi.stubEnv('CHARTROOM_RENDER_WORKER', '');
    const { renderWorkerBootScript } = await import('./create-render-worker');
    expect(renderWorkerBootScript()).toBeNull();
  });

  test("the boot script's worker is the page's: what it said before is heard, and no second worker starts", async () => {
    const { renderWorkerBootScript, startRenderWorker, createRenderWorker } = await built();
    new Function(renderWorkerBootScript()!)();
    expect(FakeWorker.made.map((w) => [w.url, w.options])).toEqual([['/engine/render.worker-ABC.js', { type: 'module', name: 'chartroom-render' }]]);
    FakeWorker.made[0].say('engine ready');
    startRenderWorker();
    const worker = createRenderWorker();
    expect(worker).toBe(FakeWorker.made[0]);
    expect(await heard(worker)).toEqual(['engine ready']);
    expect(FakeWorker.made).toHaveLength(1);
    // Taken once: the next page that asks gets a new one.
    expect(createRenderWorker()).not.toBe(worker);
  });

  test('without a boot script, startRenderWorker starts the worker the page takes', async () => {
    const { startRenderWorker, createRenderWorker } = await built();
    startRenderWorker();
    FakeWorker.made[0].say('engine ready');
    const worker = createRenderWorker();
    expect(worker).toBe(FakeWorker.made[0]);
    expect(await heard(worker)).toEqual(['engine ready']);
  });
});
