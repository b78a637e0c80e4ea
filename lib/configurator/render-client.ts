/**
 * The page's side of rendering: one worker, one render in flight, and only the newest request
 * waiting behind it (older ones are dropped — only the latest values matter). A watchdog
 * terminates a worker that doesn't answer within the budget and starts a fresh one, so a
 * pathological template never freezes the page.
 */
import type { ChartInfo } from './chart-info';
import type { ChartSource, RenderOutcome, RenderRequest, WorkerRequest, WorkerResponse } from './render-protocol';

/** The part of the Worker API used here (injectable for tests). */
export interface WorkerLike {
  postMessage(msg: WorkerRequest): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

export interface RenderClientOptions {
  createWorker: () => WorkerLike;
  /** Called with each finished render: the revision it was for, and its outcome. */
  onRendered: (revision: number, outcome: RenderOutcome) => void;
  /** Extra time the worker gets beyond the engine's own deadline before it is restarted. */
  watchdogGraceMs?: number;
}

interface InFlight {
  id: number;
  revision: number;
  timer: ReturnType<typeof setTimeout>;
  request: RenderRequest;
}

export class RenderClient {
  private worker: WorkerLike;
  private nextId = 1;
  private source: ChartSource | null = null;
  private loading: Promise<ChartInfo> | null = null;
  private inFlight: InFlight | null = null;
  private pending: { revision: number; request: RenderRequest } | null = null;
  private waiters = new Map<number, (msg: WorkerResponse) => void>();
  private disposed = false;

  constructor(private readonly opts: RenderClientOptions) {
    this.worker = this.spawn();
  }

  private spawn(): WorkerLike {
    const w = this.opts.createWorker();
    w.onmessage = (ev) => this.receive(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault?.();
      this.restart('crash', `The renderer stopped: ${ev.message || 'out of memory or an internal error'}. It was restarted; change the values to try again.`);
    };
    return w;
  }

  /** Loads a chart into the worker (and again after every restart). */
  load(source: ChartSource): Promise<ChartInfo> {
    this.source = source;
    this.loading = this.request<ChartInfo>({ type: 'load', id: this.nextId++, source }, (msg) => {
      if (msg.type === 'loaded') return msg.info;
      throw new Error(msg.type === 'load-failed' ? msg.message : 'unexpected answer');
    });
    return this.loading;
  }

  /** A chart file's text (for the template source view). */
  fileText(file: string): Promise<string | null> {
    return this.request({ type: 'source', id: this.nextId++, file }, (msg) => (msg.type === 'source' ? msg.text : null));
  }

  /** Asks for a render of `revision`; supersedes any request still waiting. */
  render(revision: number, request: RenderRequest): void {
    this.pending = { revision, request };
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.worker.terminate();
  }

  private request<T>(msg: WorkerRequest, map: (res: WorkerResponse) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiters.set(msg.id, (res) => {
        try {
          resolve(map(res));
        } catch (e) {
          reject(e);
        }
      });
      this.worker.postMessage(msg);
    });
  }

  private pump(): void {
    if (this.inFlight || !this.pending || this.disposed) return;
    const { revision, request } = this.pending;
    this.pending = null;
    const id = this.nextId++;
    const limit = request.budget.deadlineMs + (this.opts.watchdogGraceMs ?? 1500);
    const timer = setTimeout(() => {
      this.restart('timeout', `Rendering took longer than ${(request.budget.deadlineMs / 1000).toFixed(1)} s and was stopped. A template or value probably loops or builds something huge.`);
    }, limit);
    this.inFlight = { id, revision, timer, request };
    this.worker.postMessage({ type: 'render', id, request });
  }

  private receive(msg: WorkerResponse): void {
    if (msg.type === 'rendered') {
      const f = this.inFlight;
      if (!f || f.id !== msg.id) return;
      clearTimeout(f.timer);
      this.inFlight = null;
      this.opts.onRendered(f.revision, msg.outcome);
      this.pump();
      return;
    }
    const waiter = this.waiters.get(msg.id);
    if (waiter) {
      this.waiters.delete(msg.id);
      waiter(msg);
    }
  }

  private restart(kind: 'timeout' | 'crash', message: string): void {
    if (this.disposed) return;
    const f = this.inFlight;
    if (f) clearTimeout(f.timer);
    this.inFlight = null;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = this.spawn();
    // Requests other than renders (file reads) die with the old worker.
    for (const waiter of this.waiters.values()) waiter({ type: 'source', id: -1, file: '', text: null });
    this.waiters.clear();
    if (this.source) void this.load(this.source).catch(() => undefined);
    if (f) {
      const elapsedMs = f.request.budget.deadlineMs + (this.opts.watchdogGraceMs ?? 1500);
      this.opts.onRendered(f.revision, { ok: false, kind, message, location: null, schemaProblems: [], elapsedMs: kind === 'timeout' ? elapsedMs : 0 });
    }
    this.pump();
  }
}
