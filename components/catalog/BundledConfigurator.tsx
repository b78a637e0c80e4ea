'use client';
import dynamic from 'next/dynamic';
import { useEffect, useMemo, useState } from 'react';
import type { ChartInfo, ChartSource } from '@/lib/configurator';
import { startRenderWorker } from '@/lib/configurator/client/create-render-worker';
import { afterFirstPreview } from '@/lib/configurator/client/first-preview';
import type { ResolvedDependencies } from '@/lib/remote-chart';
import { Configurator } from '../layout/Configurator';

// Shown only once dependencies were looked for, after the page is up: not part of its first load.
const DependencyNotes = dynamic(() => import('./DependencyNotes').then((m) => m.DependencyNotes), { ssr: false });

// A preview that is slow, or never comes, holds the dependencies back this long at most.
const DEPENDENCIES_WAIT_FOR_PREVIEW_MS = 5000;

// A bundled chart renders at once: its engine loads while the page hydrates (the preview takes this worker).
startRenderWorker();

/**
 * The configurator for a bundled chart. It renders at once from the bundled files; dependencies
 * that Chart.yaml names but charts/ lacks are fetched from their repositories meanwhile and,
 * once here, render with the chart as helm installs it. When they can't be fetched (offline),
 * the chart renders as before and a note names what is missing and why.
 */
export function BundledConfigurator({ chart, info }: { chart: string; info: ChartInfo }) {
  const bundled = useMemo<ChartSource>(() => ({ kind: 'url', url: `/charts/${chart}/files.json` }), [chart]);
  const [source, setSource] = useState<ChartSource>(bundled);
  const [resolved, setResolved] = useState<{ dependencies: ResolvedDependencies; offline: string[] } | null>(null);

  useEffect(() => {
    const missing = info.dependencies.filter((d) => !info.bundledDependencies.includes(d.name));
    if (missing.length === 0) return;
    let cancelled = false;
    const offline: string[] = [];
    void (async () => {
      // The first preview renders without them anyway: their code (zod among it) and their
      // downloads wait for it rather than compete with the engine for the main thread and the network.
      await afterFirstPreview(DEPENDENCIES_WAIT_FOR_PREVIEW_MS);
      if (cancelled) return;
      const [{ fetchDependencyArchives }, { pageEnv }] = await Promise.all([import('@/lib/remote-chart/open-remote'), import('@/lib/remote-chart/page-env')]);
      const dependencies = await fetchDependencyArchives(
        missing.map((d) => ({ ...d, enabled: true })),
        null,
        pageEnv((url) => offline.push(url)),
      );
      if (cancelled) return;
      setResolved({ dependencies, offline });
      if (dependencies.subcharts.length > 0) setSource({ ...bundled, subcharts: dependencies.subcharts });
    })();
    return () => {
      cancelled = true;
    };
  }, [bundled, info]);

  return (
    <>
      {resolved && <DependencyNotes chart={info} dependencies={resolved.dependencies} offline={resolved.offline} />}
      <Configurator chartKey={`bundled:${chart}`} info={info} source={source} />
    </>
  );
}
