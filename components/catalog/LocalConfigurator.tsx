'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { readLocalChart, type LocalChart, type ReadConfig, localChartDigest } from '@/lib/configurator';
import { Configurator } from '../layout/Configurator';
import { peekShareLink } from '../layout/share-fragment';
import { LocalChartPicker } from './LocalChartPicker';

/**
 * The configurator for a chart opened from disk (kept in this tab's sessionStorage). A share
 * link to such a chart opened in another tab says which chart it needs and asks for it.
 */
export function LocalConfigurator() {
  const [chart, setChart] = useState<LocalChart | null | undefined>(undefined);
  const [link, setLink] = useState<ReadConfig | null>(null);
  useEffect(() => {
    setChart(readLocalChart(sessionStorage));
    void peekShareLink().then(setLink);
  }, []);
  if (chart === undefined) return <p className="page-message">Opening your chart…</p>;
  if (chart === null) {
    const wanted = link?.ok ? link.config.chart : null;
    return (
      <main className="page-message" id="main" tabIndex={-1}>
        <h1>{wanted ? `This link needs the chart ${wanted.name} ${wanted.version}` : 'No chart is open in this tab'}</h1>
        {wanted ? (
          <p>
            The link holds a configuration for a chart that was opened from someone&apos;s disk, not one bundled here, so the chart itself is not in the link. Open the same chart
            (<strong>{wanted.name}</strong>, version <strong>{wanted.version}</strong>
            {wanted.digest ? (
              <>
                , <code className="digest">{wanted.digest}</code>
              </>
            ) : null}
            ) and the configuration opens over it.
          </p>
        ) : null}
        <LocalChartPicker onOpened={setChart}>
          <p>Drop the chart&apos;s .tgz or its folder here, or choose it.</p>
        </LocalChartPicker>
        <p>
          <Link href="/">Back to the catalog</Link>
        </p>
      </main>
    );
  }
  const digestMismatch = link?.ok && link.config.chart.digest && link.config.chart.digest !== localChartDigest(chart.source);
  return (
    <>
      {digestMismatch && (
        <p className="banner warning" role="status">
          The open chart is not the file the link was made with (its digest differs): the configuration may not match it.
        </p>
      )}
      <Configurator chartKey={`local:${chart.label}`} source={chart.source} />
    </>
  );
}
