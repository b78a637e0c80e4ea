/**
 * The page's side of rendering: one worker, one render in flight, and only the newest request
 * waiting behind it (older ones are dropped — only the latest values matter). A tracing render,
 * asked for by the user, waits its turn the same way, behind a waiting render: typing never
 * waits for a trace it didn't ask for. A watchdog
 * terminates a worker that doesn't answer within the budget and starts a fresh one, so a
 * pathological template never freezes the page.
 */
import type { ChartInfo } from './chart-info';
import { renderFailure, type ChartSource, type EngineProgress, type RenderFailure, type RenderOutcome, type RenderRequest, type TraceOutcome, type WorkerRequest, type WorkerResponse } from './render-protocol';
import { CodedError, type ErrorReport } from '../errors';

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
  /** How far the worker is in loading its code and the chart (before its first render, and after a restart). */
  onProgress?: (progress: EngineProgress) => void;
  /** Extra time the worker gets beyond the engine's own deadline before it is restarted. */
  watchdogGraceMs?: number;
}

/** A tracing render records every line's source: it may take this many times a render's budget. */
export const TRACE_BUDGET_FACTOR = 3;

interface TraceJob {
  request: RenderRequest;
  resolve(outcome: TraceOutcome): void;
}

interface InFlight {
  id: number;
  /** The revision rendered; a trace has its job instead. */
  revision: number;
  trace: TraceJob | null;
  /** The watchdog; armed once the chart has loaded, so a slow load isn't taken for a slow render. */
  timer: ReturnType<typeof setTimeout> | undefined;
  request: RenderRequest;
}

interface Waiter {
  answer(msg: WorkerResponse): void;
  /** The worker died before answering. */
  fail(reason: string): void;
}

/**
 * What a dying worker's error says, in words for the page. A worker that runs out of memory
 * reports little or nothing, or an allocation failure.
 */
export function crashReason(message: string | undefined): string {
  const text = (message ?? '').replace(/^Uncaught\s+/, '').trim();
  if (text === '' || /memory|allocation failed|invalid (typed )?array length|buffer/i.test(text)) return 'out of memory';
  return text;
}

/** A render or trace the client stopped (or never started). */
function stopped(kind: 'timeout' | 'crash', message: string, elapsedMs = 0): RenderFailure {
  const error: ErrorReport = { code: kind === 'timeout' ? 'render-limit' : 'internal', message, where: {}, schemaProblems: [] };
  return renderFailure(error, elapsedMs, kind);
}

export class RenderClient {
  private worker: WorkerLike;
  private nextId = 1;
  private source: ChartSource | null = null;
  private loading: Promise<ChartInfo> | null = null;
  /** Whether the current source loaded; only then is it loaded again into a restarted worker. */
  private loaded = false;
  private inFlight: InFlight | null = null;
  private pending: { revision: number; request: RenderRequest } | null = null;
  private pendingTrace: TraceJob | null = null;
  private waiters = new Map<number, Waiter>();
  private disposed = false;

  constructor(private readonly opts: RenderClientOptions) {
    this.worker = this.spawn();
  }

  private spawn(): WorkerLike {
    this.opts.onProgress?.({ phase: 'engine' });
    const w = this.opts.createWorker();
    w.onmessage = (ev) => this.receive(ev.data);
    w.onerror = (ev) => {
      ev.preventDefault?.();
      const reason = crashReason(ev.message);
      this.restart('crash', `The renderer stopped: ${reason}. It was restarted; change the values to try again.`, reason);
    };
    return w;
  }

  /** Loads a chart into the worker (and again after every restart). */
  load(source: ChartSource): Promise<ChartInfo> {
    this.source = source;
    this.loaded = false;
    const loading = this.request<ChartInfo>(
      { type: 'load', id: this.nextId++, source },
      (msg) => {
        if (msg.type === 'loaded') return msg.info;
        throw msg.type === 'load-failed' ? CodedError.fromReport(msg.error) : new Error(`the loader answered ${msg.type}`);
      },
      (reason) => `The loader stopped: ${reason}. The chart, or its archive once unpacked, is probably too large for this tab.`,
    );
    this.loading = loading;
    loading.then(
      () => {
        if (this.loading !== loading) return;
        this.loaded = true;
        this.opts.onProgress?.({ phase: 'ready' });
      },
      () => undefined,
    );
    return loading;
  }

  /** A chart file's text (for the template source view). */
  fileText(file: string): Promise<string | null> {
    return this.request({ type: 'source', id: this.nextId++, file }, (msg) => (msg.type === 'source' ? msg.text : null)).catch(() => null);
  }

  /** Asks for a render of `revision`; supersedes any request still waiting. */
  render(revision: number, request: RenderRequest): void {
    this.pending = { revision, request };
    this.pump();
  }

  /**
   * A tracing render of `request` (the one that rendered what is on screen), after any render in
   * flight or waiting. A newer trace supersedes one still waiting, which then fails. Never
   * rejects: a trace that failed, timed out or crashed the worker is a failure outcome.
   */
  trace(request: RenderRequest): Promise<TraceOutcome> {
    this.pendingTrace?.resolve(stopped('timeout', 'A newer trace was asked for.'));
    const budget = { ...request.budget, deadlineMs: request.budget.deadlineMs * TRACE_BUDGET_FACTOR };
    return new Promise<TraceOutcome>((resolve) => {
      this.pendingTrace = { request: { ...request, budget }, resolve };
      this.pump();
    });
  }

  dispose(): void {
    this.disposed = true;
    const closed = stopped('crash', 'The page closed the renderer.');
    this.pendingTrace?.resolve(closed);
    this.pendingTrace = null;
    this.inFlight?.trace?.resolve(closed);
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.worker.terminate();
  }

  private request<T>(msg: WorkerRequest, map: (res: WorkerResponse) => T, died: (reason: string) => string = (r) => `The renderer stopped: ${r}.`): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiters.set(msg.id, {
        answer: (res) => {
          try {
            resolve(map(res));
          } catch (e) {
            reject(e);
          }
        },
        fail: (reason) => reject(new Error(died(reason))),
      });
      this.worker.postMessage(msg);
    });
  }

  private pump(): void {
    if (this.inFlight || this.disposed) return;
    let inFlight: InFlight;
    if (this.pending) {
      inFlight = { id: this.nextId++, revision: this.pending.revision, trace: null, timer: undefined, request: this.pending.request };
      this.pending = null;
    } else if (this.pendingTrace) {
      inFlight = { id: this.nextId++, revision: -1, trace: this.pendingTrace, timer: undefined, request: this.pendingTrace.request };
      this.pendingTrace = null;
    } else return;
    const { id, request } = inFlight;
    const limit = request.budget.deadlineMs + (this.opts.watchdogGraceMs ?? 1500);
    const arm = (): void => {
      if (this.inFlight !== inFlight) return;
      inFlight.timer = setTimeout(() => {
        this.restart('timeout', `${inFlight.trace ? 'Tracing' : 'Rendering'} took longer than ${(request.budget.deadlineMs / 1000).toFixed(1)} s and was stopped. A template or value probably loops or builds something huge.`);
      }, limit);
    };
    this.inFlight = inFlight;
    this.worker.postMessage({ type: inFlight.trace ? 'trace' : 'render', id, request });
    if (this.loading && !this.loaded) this.loading.then(arm, arm);
    else arm();
  }

  private receive(msg: WorkerResponse): void {
    if (msg.type === 'progress') {
      if (!this.loaded) this.opts.onProgress?.(msg.progress);
      return;
    }
    if (msg.type === 'rendered' || msg.type === 'traced') {
      const f = this.inFlight;
      if (!f || f.id !== msg.id) return;
      clearTimeout(f.timer);
      this.inFlight = null;
      if (msg.type === 'traced') f.trace?.resolve(msg.outcome);
      else this.opts.onRendered(f.revision, msg.outcome);
      this.pump();
      return;
    }
    const waiter = this.waiters.get(msg.id);
    if (waiter) {
      this.waiters.delete(msg.id);
      waiter.answer(msg);
    }
  }

  private restart(kind: 'timeout' | 'crash', message: string, reason = 'it took too long'): void {
    if (this.disposed) return;
    const f = this.inFlight;
    if (f) clearTimeout(f.timer);
    this.inFlight = null;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
    this.worker = this.spawn();
    // Requests other than renders die with the old worker. A chart that loaded is loaded again;
    // one whose loading killed the worker is not, or it would kill every new one.
    const waiters = [...this.waiters.values()];
    this.waiters.clear();
    for (const waiter of waiters) waiter.fail(reason);
    if (this.source && this.loaded) void this.load(this.source).catch(() => undefined);
    if (f) {
      const elapsedMs = f.request.budget.deadlineMs + (this.opts.watchdogGraceMs ?? 1500);
      const failure = stopped(kind, message, kind === 'timeout' ? elapsedMs : 0);
      // A trace that killed the worker fails alone: the render on screen is still right.
      if (f.trace) f.trace.resolve(failure);
      else this.opts.onRendered(f.revision, failure);
    }
    this.pump();
  }
}
