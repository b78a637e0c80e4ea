'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { readLocalChart, type LocalChart } from '@/lib/configurator';
import { Configurator } from '../layout/Configurator';

/** The configurator for a chart opened from disk (kept in this tab's sessionStorage). */
export function LocalConfigurator() {
  const [chart, setChart] = useState<LocalChart | null | undefined>(undefined);
  useEffect(() => setChart(readLocalChart(sessionStorage)), []);
  if (chart === undefined) return <p className="page-message">Opening your chart…</p>;
  if (chart === null) {
    return (
      <p className="page-message">
        No chart is open in this tab. <Link href="/">Open one from the catalog</Link>.
      </p>
    );
  }
  return <Configurator chartKey={`local:${chart.label}`} source={chart.source} />;
}
