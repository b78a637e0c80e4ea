/**
 * Keystroke-to-preview latency: each edit gets a revision and a timestamp; when the preview
 * shows a revision, every earlier edit not yet measured is done (a render can cover several
 * quick edits).
 */
export class LatencyTracker {
  private edits: { revision: number; at: number }[] = [];

  /** Records an edit. */
  edited(revision: number, at: number): void {
    this.edits.push({ revision, at });
  }

  /** The preview now shows `revision`; returns the latency of each edit it covers. */
  shown(revision: number, at: number): number[] {
    const done = this.edits.filter((e) => e.revision <= revision);
    this.edits = this.edits.filter((e) => e.revision > revision);
    return done.map((e) => at - e.at);
  }
}

/** The p-th percentile (0..100) by nearest rank; NaN for no samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}
