'use client';
import { useEffect, useMemo, useState } from 'react';
import type { PreviewState } from '@/lib/configurator';

type LineSources = typeof import('@/lib/configurator/line-sources');

export interface ValueUses {
  /** Lines using the value in the resource shown (1-based), when that resource uses it. */
  inResource: number[] | undefined;
  /** Lines using the value in the whole stream. */
  inStream: number[];
  /** How many lines of each resource use the value. */
  counts: Map<string, number>;
}

/**
 * Where the value asked about is used in the manifests on screen; null when no value was asked about,
 * its trace is not in, or the tracing code has not loaded yet (it loads on the first such question:
 * the first view never needs it).
 */
export function useValueUses(preview: PreviewState, resourceId: string | null): ValueUses | null {
  const { inspection, trace, lastGood, lastGoodRevision } = preview;
  const [sources, setSources] = useState<LineSources | null>(null);
  const asked = inspection?.kind === 'value';
  useEffect(() => {
    if (asked && !sources) void import('@/lib/configurator/line-sources').then((m) => setSources(m));
  }, [asked, sources]);
  const uses = useMemo(() => {
    if (!sources || inspection?.kind !== 'value' || trace.status !== 'ready' || trace.revision !== lastGoodRevision || inspection.revision !== lastGoodRevision || !lastGood) return null;
    return sources.usedBy(trace.trace, sources.streamDocuments(trace.trace, lastGood.resources), sources.tracePathOf(inspection.path), lastGood.values);
  }, [sources, inspection, trace, lastGood, lastGoodRevision]);
  return useMemo(() => {
    if (!uses || !sources) return null;
    return {
      inResource: resourceId ? sources.viewLines(uses, resourceId) : undefined,
      inStream: sources.viewLines(uses, null),
      counts: new Map(uses.flatMap((u) => (u.doc.resourceId ? [[u.doc.resourceId, u.lines.length] as const] : []))),
    };
  }, [uses, sources, resourceId]);
}
