'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { configHelmVersion, type ChartSource, type ReadConfig } from '@/lib/configurator';
import type { ChartOrigin, RemoteChartRef, ResolvedDependencies } from '@/lib/remote-chart';
import { Configurator } from '../layout/Configurator';
import { peekShareLink } from '../layout/share-fragment';
import { DependencyNotes } from './DependencyNotes';
import { remoteChartFromSearch, remoteChartHref } from './remote-chart-href';

type State =
  | { phase: 'none' }
  | { phase: 'opening'; ref: RemoteChartRef }
  | { phase: 'failed'; ref: RemoteChartRef; message: string; offline: boolean }
  | { phase: 'ready'; ref: RemoteChartRef; source: ChartSource; origin: ChartOrigin; dependencies: ResolvedDependencies; offline: string[] };

const describe = (ref: RemoteChartRef) => `${ref.name}${ref.version ? ` ${ref.version}` : ''} from ${ref.repository}`;

/**
 * The configurator for a chart in a repository: the address (or a share link's configuration)
 * names it; it is fetched through the server's chart material route with its missing
 * dependencies, and kept in the browser so it reopens offline.
 */
export function RemoteConfigurator() {
  const [state, setState] = useState<State | null>(null);
  const [link, setLink] = useState<ReadConfig | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const offline: string[] = [];
    void (async () => {
      const shared = await peekShareLink();
      if (cancelled) return;
      setLink(shared);
      const fromLink = shared?.ok && shared.config.chart.repository ? { repository: shared.config.chart.repository, name: shared.config.chart.name, version: shared.config.chart.version } : null;
      const ref = remoteChartFromSearch(location.search) ?? fromLink;
      if (!ref) return setState({ phase: 'none' });
      setState({ phase: 'opening', ref });
      try {
        const [{ openRemoteChart }, { pageEnv }] = await Promise.all([import('@/lib/remote-chart/open-remote'), import('@/lib/remote-chart/page-env')]);
        // Versions are chosen as the configuration's helm chooses them (a link's own, else the default).
        const opened = await openRemoteChart(ref, pageEnv((url) => offline.push(url), shared?.ok ? configHelmVersion(shared.config) : undefined));
        if (cancelled) return;
        // The address names the chart from now on, so a reload reopens it (the link's fragment stays for the configurator).
        history.replaceState(null, '', `${remoteChartHref({ ...ref, version: opened.origin.version })}${location.hash}`);
        setState({ phase: 'ready', ref, source: { kind: 'archive', bytes: opened.bytes, subcharts: opened.dependencies.subcharts }, origin: opened.origin, dependencies: opened.dependencies, offline });
      } catch (e) {
        // The browser's copy answers whatever it has; what is left needed a network the browser says it lacks.
        if (!cancelled) setState({ phase: 'failed', ref, message: e instanceof Error ? e.message : String(e), offline: !navigator.onLine });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  // Offline, the chart opens by itself once the network is back.
  const waitingForNetwork = state?.phase === 'failed' && state.offline;
  useEffect(() => {
    if (!waitingForNetwork) return;
    const retry = (): void => setAttempt((n) => n + 1);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [waitingForNetwork]);

  if (!state || state.phase === 'opening') return <p className="page-message" role="status">{state ? `Opening ${describe(state.ref)}…` : 'Opening the chart…'}</p>;
  if (state.phase === 'none' || state.phase === 'failed') {
    return (
      <main className="page-message" id="main" tabIndex={-1}>
        <h1>{state.phase === 'failed' ? `Could not open ${describe(state.ref)}` : 'No chart is named here'}</h1>
        {state.phase === 'failed' && (
          <>
            <p role="alert" className="error-text">
              {state.offline
                ? `The browser is offline and has no copy of ${describe(state.ref)} yet: opening it the first time needs the network (once opened, it reopens offline). The values you typed are kept, and the chart opens with them when the network is back.`
                : state.message}
            </p>
            {state.offline && <p className="muted small">{state.message}</p>}
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </>
        )}
        <p>
          <Link href="/">Back to the catalog</Link>
        </p>
      </main>
    );
  }
  const wanted = link?.ok ? link.config.chart.digest : undefined;
  return (
    <>
      {wanted && wanted !== state.origin.digest && (
        <p className="banner warning" role="status">
          The repository now serves a different archive for {state.origin.name} {state.origin.version} than the one the link was made with (its digest differs): the configuration may not match it.
        </p>
      )}
      <DependencyNotes chart={state.origin} dependencies={state.dependencies} offline={state.offline} />
      <Configurator chartKey={`remote:${state.origin.repository}/${state.origin.name}`} source={state.source} origin={state.origin} />
    </>
  );
}
