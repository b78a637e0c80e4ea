import { describe, expect, it } from 'vitest';
import { PreviewStore } from './preview-store';
import type { WorkerLike } from './render-client';
import { renderFailure, type RenderSuccess, type TraceOutcome, type WorkerRequest, type WorkerResponse } from './render-protocol';
import { DEFAULT_RELEASE } from './release-options';

class FakeWorker implements WorkerLike {
  sent: WorkerRequest[] = [];
  onmessage: ((ev: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  postMessage(msg: WorkerRequest): void {
    this.sent.push(msg);
  }
  terminate(): void {}
  answer(msg: WorkerResponse): void {
    this.onmessage?.({ data: msg } as MessageEvent<WorkerResponse>);
  }
  last<T extends WorkerRequest['type']>(type: T): Extract<WorkerRequest, { type: T }> {
    return this.sent.filter((m) => m.type === type).at(-1) as Extract<WorkerRequest, { type: T }>;
  }
}

const rendered = (output: string): RenderSuccess => ({ ok: true, output, resources: [], notes: '', remoteDependencies: [], vendoredDependencies: [], gitopsCalls: [], values: new Map(), valuesUse: { set: [], read: { values: [], subtrees: [], defaults: [] } }, elapsedMs: 1 });
const request = (valuesText: string) => ({ valuesText, release: DEFAULT_RELEASE, budget: { deadlineMs: 1000, maxOutputBytes: 1000 } });
const traced = (output: string): TraceOutcome => ({ ok: true, trace: { output, trace: { version: 1, lines: [], origins: [] } }, elapsedMs: 2 });
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const worker = new FakeWorker();
  const store = new PreviewStore({ kind: 'url', url: '/x.json' }, () => worker);
  const render = (revision: number, text: string, output = text) => {
    store.render(revision, request(text));
    worker.answer({ type: 'rendered', id: worker.last('render').id, outcome: rendered(output) });
  };
  return { worker, store, render };
}

describe('PreviewStore traces', () => {
  it('traces the request that rendered the preview on screen, once, when asked', async () => {
    const { worker, store, render } = setup();
    render(1, 'a: 1\n');
    render(2, 'a: 2\n');
    expect(worker.sent.filter((m) => m.type === 'trace')).toHaveLength(0); // renders stay untraced
    store.inspect({ kind: 'line', resourceId: null, line: 1 });
    const sent = worker.last('trace');
    expect(sent.request.valuesText).toBe('a: 2\n');
    expect(sent.request.stable).toBeDefined(); // pinned like the render, so random values match
    expect(store.getState()).toMatchObject({ inspection: { kind: 'line', line: 1, revision: 2 }, trace: { status: 'tracing', revision: 2 } });
    worker.answer({ type: 'traced', id: sent.id, outcome: traced('a: 2\n') });
    await flush();
    expect(store.getState().trace).toMatchObject({ status: 'ready', revision: 2 });
    store.inspect({ kind: 'value', path: ['a'] });
    expect(worker.sent.filter((m) => m.type === 'trace')).toHaveLength(1);
  });

  it('says so when the trace fails or wrote other manifests than the preview shows', async () => {
    const { worker, store, render } = setup();
    render(1, 'a: 1\n');
    store.inspect({ kind: 'line', resourceId: null, line: 1 });
    worker.answer({ type: 'traced', id: worker.last('trace').id, outcome: traced('something else') });
    await flush();
    expect(store.getState().trace).toMatchObject({ status: 'failed', message: expect.stringContaining('other manifests') });
    store.inspect({ kind: 'line', resourceId: null, line: 1 }); // a failed trace is tried again
    worker.answer({ type: 'traced', id: worker.last('trace').id, outcome: renderFailure({ code: 'template-exec', message: 'boom', where: {}, schemaProblems: [] }, 0) });
    await flush();
    expect(store.getState().trace).toMatchObject({ status: 'failed', message: 'boom' });
    expect(store.getState().lastGood?.output).toBe('a: 1\n');
  });

  it('keeps an answer for the render it traced when a newer render arrives meanwhile', async () => {
    const { worker, store, render } = setup();
    render(1, 'a: 1\n');
    store.inspect({ kind: 'value', path: ['a'] });
    const sent = worker.last('trace');
    store.render(2, request('a: 2\n')); // waits behind the trace
    worker.answer({ type: 'traced', id: sent.id, outcome: traced('a: 1\n') });
    await flush();
    worker.answer({ type: 'rendered', id: worker.last('render').id, outcome: rendered('a: 2\n') });
    expect(store.getState()).toMatchObject({ trace: { status: 'ready', revision: 1 }, inspection: { revision: 1 }, lastGoodRevision: 2 });
    store.inspect(null);
    expect(store.getState().inspection).toBeNull();
  });
});
