import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartInfo } from './chart-info';
import { RenderClient, crashReason, type WorkerLike } from './render-client';
import type { RenderOutcome, TraceOutcome, WorkerRequest, WorkerResponse, EngineProgress } from './render-protocol';
import { DEFAULT_RELEASE } from './release-options';

class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(msg: WorkerRequest): void {
    this.sent.push(msg);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(msg: WorkerResponse): void {
    this.onmessage?.({ data: msg } as MessageEvent<WorkerResponse>);
  }
  lastRender(): Extract<WorkerRequest, { type: 'render' }> {
    return this.sent.filter((m) => m.type === 'render').at(-1) as Extract<WorkerRequest, { type: 'render' }>;
  }
}

/** The worker's answer to its last load. */
function loadedOn(w: FakeWorker): void {
  const load = w.sent.filter((m) => m.type === 'load').at(-1)!;
  w.answer({ type: 'loaded', id: load.id, info: { name: 'x' } as ChartInfo });
}

const ok: RenderOutcome = { ok: true, output: '', resources: [], notes: '', remoteDependencies: [], gitopsCalls: [], values: new Map(), valuesUse: { set: [], read: { values: [], subtrees: [], defaults: [] } }, vendoredDependencies: [], elapsedMs: 1 };
const req = (valuesText: string) => ({ valuesText, release: DEFAULT_RELEASE, budget: { deadlineMs: 1000, maxOutputBytes: 1000 } });

describe('RenderClient', () => {
  let workers: FakeWorker[];
  let rendered: [number, RenderOutcome][];
  let progress: EngineProgress[];
  let client: RenderClient;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    rendered = [];
    progress = [];
    client = new RenderClient({
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      onRendered: (rev, o) => rendered.push([rev, o]),
      onProgress: (p) => progress.push(p),
      watchdogGraceMs: 500,
    });
  });
  afterEach(() => vi.useRealTimers());

  it('keeps one render in flight and only the newest waiting', () => {
    client.render(1, req('a'));
    client.render(2, req('b'));
    client.render(3, req('c'));
    const w = workers[0];
    expect(w.sent.filter((m) => m.type === 'render')).toHaveLength(1);
    w.answer({ type: 'rendered', id: w.lastRender().id, outcome: ok });
    expect(rendered.map(([r]) => r)).toEqual([1]);
    expect(w.lastRender().request.valuesText).toBe('c');
    w.answer({ type: 'rendered', id: w.lastRender().id, outcome: ok });
    expect(rendered.map(([r]) => r)).toEqual([1, 3]);
  });

  it('restarts a worker that overruns its budget and reloads the chart', async () => {
    void client.load({ kind: 'url', url: '/x.json' }).catch(() => undefined);
    loadedOn(workers[0]);
    await vi.advanceTimersByTimeAsync(0);
    client.render(1, req('slow'));
    vi.advanceTimersByTime(1499);
    expect(rendered).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent[0].type).toBe('load');
    expect(rendered[0][1]).toMatchObject({ ok: false, kind: 'timeout' });
    client.render(2, req('fine'));
    expect(workers[1].lastRender().request.valuesText).toBe('fine');
  });

  it('waits for a slow load before timing a render', async () => {
    const loading = client.load({ kind: 'url', url: '/x.json' });
    client.render(1, req('a'));
    vi.advanceTimersByTime(10_000);
    expect(workers).toHaveLength(1);
    loadedOn(workers[0]);
    await loading;
    await vi.advanceTimersByTimeAsync(1501);
    expect(rendered[0][1]).toMatchObject({ ok: false, kind: 'timeout' });
  });

  it('says plainly that the loader died, does not feed the chart to the new worker, and can try again', async () => {
    const loading = client.load({ kind: 'archive', bytes: new Uint8Array(1) });
    client.render(1, req('a'));
    workers[0].onerror?.({ message: '', preventDefault: () => undefined } as ErrorEvent);
    await expect(loading).rejects.toThrow('The loader stopped: out of memory. The chart, or its archive once unpacked, is probably too large for this tab.');
    expect(workers).toHaveLength(2);
    expect(workers[1].sent).toEqual([]);
    expect(rendered[0][1]).toMatchObject({ ok: false, kind: 'crash' });
    const again = client.load({ kind: 'url', url: '/x.json' });
    expect(workers[1].sent.at(-1)?.type).toBe('load');
    loadedOn(workers[1]);
    await expect(again).resolves.toMatchObject({ name: 'x' });
  });

  it('reports loading progress until the chart is in, then nothing more', async () => {
    expect(progress).toEqual([{ phase: 'engine' }]);
    void client.load({ kind: 'url', url: '/x.json' });
    workers[0].answer({ type: 'progress', progress: { phase: 'chart', percent: 40 } });
    expect(progress.at(-1)).toEqual({ phase: 'chart', percent: 40 });
    loadedOn(workers[0]);
    await vi.advanceTimersByTimeAsync(0);
    expect(progress.at(-1)).toEqual({ phase: 'ready' });
    workers[0].answer({ type: 'progress', progress: { phase: 'chart', percent: 99 } });
    expect(progress.at(-1)).toEqual({ phase: 'ready' });
  });

  it('names what killed the worker', () => {
    expect(crashReason(undefined)).toBe('out of memory');
    expect(crashReason('Uncaught RangeError: Array buffer allocation failed')).toBe('out of memory');
    expect(crashReason('Uncaught TypeError: x is not a function')).toBe('TypeError: x is not a function');
  });

  it('ignores answers from a render it gave up on', () => {
    client.render(1, req('a'));
    const first = workers[0].lastRender().id;
    vi.advanceTimersByTime(2000);
    workers[0].answer({ type: 'rendered', id: first, outcome: ok });
    expect(rendered).toHaveLength(1);
  });

  describe('tracing renders', () => {
    const traced: TraceOutcome = { ok: true, trace: { output: '', trace: { version: 1, lines: [], origins: [] } }, elapsedMs: 3 };
    const lastTrace = (w: FakeWorker) => w.sent.filter((m) => m.type === 'trace').at(-1) as Extract<WorkerRequest, { type: 'trace' }> | undefined;

    it('wait behind the render in flight and the one waiting, with three times the budget, and never count as renders', async () => {
      client.render(1, req('a'));
      client.render(2, req('b'));
      const trace = client.trace(req('a'));
      const w = workers[0];
      w.answer({ type: 'rendered', id: w.lastRender().id, outcome: ok });
      expect(lastTrace(w)).toBeUndefined();
      expect(w.lastRender().request.valuesText).toBe('b');
      w.answer({ type: 'rendered', id: w.lastRender().id, outcome: ok });
      const sent = lastTrace(w)!;
      expect(sent.request).toMatchObject({ valuesText: 'a', budget: { deadlineMs: 3000 } });
      client.render(3, req('c'));
      expect(w.sent.at(-1)?.type).toBe('trace'); // the new render waits for the trace in flight
      w.answer({ type: 'traced', id: sent.id, outcome: traced });
      await expect(trace).resolves.toEqual(traced);
      expect(rendered.map(([r]) => r)).toEqual([1, 2]);
      expect(w.lastRender().request.valuesText).toBe('c');
    });

    it('fail alone when they overrun: the worker restarts and the render on screen stays', async () => {
      const trace = client.trace(req('a'));
      vi.advanceTimersByTime(3000 + 501);
      await expect(trace).resolves.toMatchObject({ ok: false, kind: 'timeout', message: expect.stringMatching(/^Tracing took longer than 3\.0 s/) });
      expect(workers).toHaveLength(2);
      expect(rendered).toEqual([]);
    });

    it('a newer one replaces one still waiting', async () => {
      client.render(1, req('a'));
      const first = client.trace(req('a'));
      const second = client.trace(req('b'));
      await expect(first).resolves.toMatchObject({ ok: false });
      const w = workers[0];
      w.answer({ type: 'rendered', id: w.lastRender().id, outcome: ok });
      expect(w.sent.filter((m) => m.type === 'trace')).toHaveLength(1);
      expect(lastTrace(w)!.request.valuesText).toBe('b');
      w.answer({ type: 'traced', id: lastTrace(w)!.id, outcome: traced });
      await expect(second).resolves.toEqual(traced);
    });
  });
});
