'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState } from 'react';
import { manifestsText, type ChartSource, type RenderSuccess, type ReleaseOptions } from '@/lib/configurator';
import { usePreviewState, usePreviewStore } from '@/lib/configurator/client/use-preview';
import type { HelmVersion } from '@/lib/helm';

const DiffView = dynamic(() => import('../editor/DiffView').then((m) => m.DiffView), { ssr: false, loading: () => <p className="muted">Loading the diff viewer…</p> });

interface DiffTabProps {
  current: RenderSuccess;
  previous: RenderSuccess | null;
  source: ChartSource;
  release: ReleaseOptions;
  /** The values text of the current render, for rendering it again with the other Helm. */
  valuesText: () => string;
}

/** The manifests against the chart defaults' render, the previous render, or the other Helm version's render. */
export function DiffTab({ current, previous, source, release, valuesText }: DiffTabProps) {
  const [against, setAgainst] = useState<'defaults' | 'previous' | 'helm'>('defaults');
  const other = otherHelm(release.helmVersion);
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
        <label className="check">
          <input type="radio" name="diff-against" checked={against === 'helm'} onChange={() => setAgainst('helm')} />
          Against Helm {other}
        </label>
      </fieldset>
      {against === 'defaults' ? (
        <DefaultsDiff current={current} source={source} release={release} />
      ) : against === 'helm' ? (
        <HelmVersionDiff current={current} source={source} release={release} valuesText={valuesText} />
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

function otherHelm(v: HelmVersion): HelmVersion {
  return v === '4.1' ? '3.17' : '4.1';
}

function HelmVersionDiff({ current, source, release, valuesText }: Omit<DiffTabProps, 'previous'>) {
  // The same configuration rendered with the other Helm's rules, in a worker of its own.
  const store = usePreviewStore(source);
  const other = usePreviewState(store);
  const otherVersion = otherHelm(release.helmVersion);
  useEffect(() => {
    store?.render(1, { valuesText: valuesText(), release: { ...release, helmVersion: otherVersion }, budget: { deadlineMs: 3000, maxOutputBytes: 20_000_000 } });
  }, [store, release, otherVersion, current, valuesText]);
  const o = other.latest;
  if (!o) return <p className="muted">Rendering with Helm {otherVersion}…</p>;
  if (!o.ok) return <p className="muted">Helm {otherVersion} does not render this configuration: {o.message.split('\n')[0]}</p>;
  const label = `Helm ${otherVersion} (left) against Helm ${release.helmVersion} (right)`;
  if (o.output === current.output) return <p className="muted" data-testid="helm-diff-same">Helm {otherVersion} and Helm {release.helmVersion} render this configuration identically.</p>;
  return <DiffView original={o.output} modified={current.output} label={label} />;
}
