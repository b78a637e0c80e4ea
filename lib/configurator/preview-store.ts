/**
 * The preview's state outside React: renders come back from the worker and only the
 * components that show them re-render (the form and the editor don't). Also keeps the last
 * good render (shown, marked stale, while the values are broken) and the one before it (for
 * the "previous render" diff).
 */
import type { ChartInfo } from './chart-info';
import { LatencyTracker } from './latency';
import { RenderClient, type WorkerLike } from './render-client';
import { renderFailure, type ChartSource, type EngineProgress, type RenderOutcome, type RenderRequest, type RenderSuccess, type RenderTrace, type StableRandom } from './render-protocol';
import type { ValuePath } from './plain-values';
import { errorReport, type ErrorReport } from '../errors';
import type { YamlProblem } from './values-document';
import type { Finding } from '../validate';

/**
 * This page's editing session: every preview render (the values' and the defaults' for the
 * diff) pins random values and the clock to it, so a re-render changes only what was edited.
 */
const EDITING_SESSION: StableRandom = {
  seed: Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''),
  startedMs: Date.now(),
};

/**
 * The tracing render of the render on screen, made when the user asks where something comes
 * from; `render` is the render it traced, whose resources and values go with its lines.
 */
export type TraceState =
  | { status: 'none' }
  | { status: 'tracing'; revision: number }
  | { status: 'ready'; revision: number; trace: RenderTrace; elapsedMs: number; render: RenderSuccess }
  | { status: 'failed'; revision: number; message: string };

/** What the user asked about: a line of the manifests (of the stream, or of one resource), or a value; `revision` is the render it was asked of. */
export type Inspection =
  | { kind: 'line'; resourceId: string | null; line: number; revision: number }
  | { kind: 'value'; path: ValuePath; revision: number };

/** The checks of the render on screen: no findings until they are in, or when they failed (`error` says why). */
export interface FindingsState {
  findings: Finding[] | null;
  error: string | null;
}

export interface PreviewState {
  info: ChartInfo | null;
  loadError: ErrorReport | null;
  /** Loading the engine's code, then the chart; `ready` once renders can run. */
  engine: EngineProgress;
  /** The newest outcome and the edit revision it was rendered for. */
  latest: RenderOutcome | null;
  latestRevision: number;
  lastGood: RenderSuccess | null;
  lastGoodRevision: number;
  previousGood: RenderSuccess | null;
  trace: TraceState;
  inspection: Inspection | null;
  /** What the checks found in the render on screen: the Findings tab lists it, the values.yaml editor marks the findings about values. */
  findings: FindingsState;
  /** The newest revision asked for (a render is pending while it is above latestRevision). */
  requestedRevision: number;
}

export const INITIAL_PREVIEW: PreviewState = {
  info: null,
  loadError: null,
  engine: { phase: 'engine' },
  latest: null,
  latestRevision: -1,
  lastGood: null,
  lastGoodRevision: -1,
  previousGood: null,
  trace: { status: 'none' },
  inspection: null,
  findings: { findings: null, error: null },
  requestedRevision: -1,
};

export class PreviewStore {
  private state: PreviewState = INITIAL_PREVIEW;
  private listeners = new Set<() => void>();
  private client: RenderClient;
  /** The requests of renders asked for and not yet answered, and the request of the render on screen. */
  private requests = new Map<number, RenderRequest>();
  private lastGoodRequest: RenderRequest | null = null;
  /** Keystroke-to-preview latency, fed by the editor and the form, read by the preview. */
  readonly latency = new LatencyTracker();

  constructor(
    private readonly source: ChartSource,
    createWorker: () => WorkerLike,
  ) {
    this.client = new RenderClient({ createWorker, onRendered: (rev, outcome) => this.rendered(rev, outcome), onProgress: (engine) => this.set({ engine }) });
    this.load();
  }

  /** Loads the chart again after it failed to load. */
  retryLoad(): void {
    this.set({ loadError: null });
    this.load();
  }

  private load(): void {
    this.client.load(this.source).then(
      (info) => this.set({ info }),
      (e: unknown) => this.set({ loadError: errorReport(e) }),
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): PreviewState => this.state;

  /** Asks for a render of the given edit revision (the newest request wins). */
  render(revision: number, request: RenderRequest): void {
    this.set({ requestedRevision: Math.max(revision, this.state.requestedRevision) });
    const full = { stable: EDITING_SESSION, ...request };
    this.requests.set(revision, full);
    this.client.render(revision, full);
  }

  /**
   * Asks where a line of the manifests on screen, or a value, comes from (null closes the
   * question), and traces the render on screen if it has not been yet.
   */
  inspect(target: { kind: 'line'; resourceId: string | null; line: number } | { kind: 'value'; path: ValuePath } | null): void {
    this.set({ inspection: target && { ...target, revision: this.state.lastGoodRevision } });
    if (target) this.traceShown();
  }

  /** Traces the render on screen, unless its trace is there or on its way. */
  traceShown(): void {
    const revision = this.state.lastGoodRevision;
    const request = this.lastGoodRequest;
    const shown = this.state.lastGood;
    const t = this.state.trace;
    if (!request || !shown || (t.status !== 'none' && t.status !== 'failed' && t.revision === revision)) return;
    this.set({ trace: { status: 'tracing', revision } });
    void this.client.trace(request).then((outcome) => {
      const current = this.state.trace;
      // A trace asked for later (of a newer render) owns the state now.
      if (current.status !== 'tracing' || current.revision !== revision) return;
      if (!outcome.ok) this.set({ trace: { status: 'failed', revision, message: outcome.message } });
      else if (outcome.trace.output !== shown.output) {
        this.set({ trace: { status: 'failed', revision, message: 'The tracing render wrote other manifests than the preview shows, so its sources would point at the wrong lines.' } });
      } else this.set({ trace: { status: 'ready', revision, trace: outcome.trace, elapsedMs: outcome.elapsedMs, render: shown } });
    });
  }

  /**
   * An edit whose values.yaml doesn't parse: it is not rendered, and the preview reports the
   * same problems, at the same places, as the editor (the last good render stays, marked stale).
   */
  valuesBroken(revision: number, problems: readonly YamlProblem[]): void {
    this.set({ requestedRevision: Math.max(revision, this.state.requestedRevision) });
    const message = problems.map((p) => `Line ${p.line}, column ${p.column}: ${p.message}`).join('\n');
    const first = problems[0];
    const where = first ? { file: 'values.yaml', line: first.line, column: first.column } : { file: 'values.yaml' };
    this.rendered(revision, renderFailure({ code: 'values-yaml', message: `values.yaml does not parse; it was not rendered.\n${message}`, where, schemaProblems: [] }, 0));
  }

  /** The checks' answer for the render on screen (they run in a worker of their own, after a pause in rendering). */
  checked(findings: FindingsState): void {
    this.set({ findings });
  }

  /** A chart file's text, for the template source view. */
  fileText(file: string): Promise<string | null> {
    return this.client.fileText(file);
  }

  dispose(): void {
    this.client.dispose();
    this.listeners.clear();
  }

  private rendered(revision: number, outcome: RenderOutcome): void {
    const request = this.requests.get(revision);
    for (const r of this.requests.keys()) if (r <= revision) this.requests.delete(r);
    if (revision < this.state.latestRevision) return;
    const next: Partial<PreviewState> = { latest: outcome, latestRevision: revision };
    if (outcome.ok) {
      next.previousGood = this.state.lastGood;
      next.lastGood = outcome;
      next.lastGoodRevision = revision;
      this.lastGoodRequest = request ?? null;
    }
    this.set(next);
  }

  private set(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
