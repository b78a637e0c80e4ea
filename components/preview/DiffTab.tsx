'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { manifestsText, type ChartSource, type RenderSuccess, type ReleaseOptions } from '@/lib/configurator';
import { usePreviewState, usePreviewStore } from '@/lib/configurator/client/use-preview';

const DiffView = dynamic(() => import('../editor/DiffView').then((m) => m.DiffView), { ssr: false, loading: () => <p className="muted">Loading the diff viewer…</p> });

/** The manifests against the chart defaults' render, or against the previous render. */
export function DiffTab({ current, previous, source, release }: { current: RenderSuccess; previous: RenderSuccess | null; source: ChartSource; release: ReleaseOptions }) {
  const [against, setAgainst] = useState<'defaults' | 'previous'>('defaults');
  return (
    <div className="diff-tab">
      <fieldset className="row">
        <legend className="visually-hidden">Compare with</legend>
        <label className="check">
          <input type="radio" name="diff-against" checked={against === 'defaults'} onChange={() => setAgainst('defaults')} />
          Against the chart defaults
        </label>
        <label className="check">
          <input type="radio" name="diff-against" checked={against === 'previous'} onChange={() => setAgainst('previous')} />
          Against the previous render
        </label>
      </fieldset>
      {against === 'defaults' ? (
        <DefaultsDiff current={current} source={source} release={release} />
      ) : previous ? (
        <DiffView original={manifestsText(previous.resources)} modified={manifestsText(current.resources)} label="Changes since the previous render" />
      ) : (
        <p className="muted">There is no previous render yet.</p>
      )}
    </div>
  );
}

function DefaultsDiff({ current, source, release }: { current: RenderSuccess; source: ChartSource; release: ReleaseOptions }) {
  // A second worker renders the defaults, so the main render queue is never held up by it.
  const store = usePreviewStore(source);
  const baseline = usePreviewState(store);
  useEffect(() => {
    store?.render(1, { valuesText: '', release, budget: { deadlineMs: 3000, maxOutputBytes: 20_000_000 } });
  }, [store, release]);
  const b = baseline.latest;
  if (!b) return <p className="muted">Rendering the chart defaults…</p>;
  if (!b.ok) return <p className="muted">The chart defaults alone don&apos;t render ({b.message.split('\n')[0]}), so there is nothing to compare with.</p>;
  return <DiffView original={manifestsText(b.resources)} modified={manifestsText(current.resources)} label="Changes from the chart defaults" />;
}
