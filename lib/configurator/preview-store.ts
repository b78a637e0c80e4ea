/**
 * The preview's state outside React: renders come back from the worker and only the
 * components that show them re-render (the form and the editor don't). Also keeps the last
 * good render (shown, marked stale, while the values are broken) and the one before it (for
 * the "previous render" diff).
 */
import type { ChartInfo } from './chart-info';
import { LatencyTracker } from './latency';
import { RenderClient, type WorkerLike } from './render-client';
import { renderFailure, type ChartSource, type EngineProgress, type RenderOutcome, type RenderRequest, type RenderSuccess, type StableRandom } from './render-protocol';
import { errorReport, type ErrorReport } from '../errors';
import type { YamlProblem } from './values-document';

/**
 * This page's editing session: every preview render (the values' and the defaults' for the
 * diff) pins random values and the clock to it, so a re-render changes only what was edited.
 */
const EDITING_SESSION: StableRandom = {
  seed: Array.from(globalThis.crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''),
  startedMs: Date.now(),
};

export interface PreviewState {
  info: ChartInfo | null;
  loadError: ErrorReport | null;
  /** Loading the engine's code, then the chart; `ready` once renders can run. */
  engine: EngineProgress;
  /** The newest outcome and the edit revision it was rendered for. */
  latest: RenderOutcome | null;
  latestRevision: number;
  lastGood: RenderSuccess | null;
  previousGood: RenderSuccess | null;
  /** The newest revision asked for (a render is pending while it is above latestRevision). */
  requestedRevision: number;
}

export const INITIAL_PREVIEW: PreviewState = { info: null, loadError: null, engine: { phase: 'engine' }, latest: null, latestRevision: -1, lastGood: null, previousGood: null, requestedRevision: -1 };

export class PreviewStore {
  private state: PreviewState = INITIAL_PREVIEW;
  private listeners = new Set<() => void>();
  private client: RenderClient;
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
    this.client.render(revision, { stable: EDITING_SESSION, ...request });
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

  /** A chart file's text, for the template source view. */
  fileText(file: string): Promise<string | null> {
    return this.client.fileText(file);
  }

  dispose(): void {
    this.client.dispose();
    this.listeners.clear();
  }

  private rendered(revision: number, outcome: RenderOutcome): void {
    if (revision < this.state.latestRevision) return;
    const next: Partial<PreviewState> = { latest: outcome, latestRevision: revision };
    if (outcome.ok) {
      next.previousGood = this.state.lastGood;
      next.lastGood = outcome;
    }
    this.set(next);
  }

  private set(patch: Partial<PreviewState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
