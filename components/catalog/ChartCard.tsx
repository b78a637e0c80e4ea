import Link from 'next/link';
import type { ChartInfo } from '@/lib/configurator';

/** A catalog entry: what the chart is and what it pulls in. */
export function ChartCard({ chart, href }: { chart: Pick<ChartInfo, 'name' | 'description' | 'version' | 'appVersion' | 'dependencies'>; href: string }) {
  return (
    <article className="chart-card" aria-labelledby={`chart-${chart.name}`}>
      <h2 id={`chart-${chart.name}`}>
        <Link href={href}>{chart.name}</Link>
      </h2>
      <p>{chart.description}</p>
      <dl className="facts">
        <div>
          <dt>Chart version</dt>
          <dd>{chart.version}</dd>
        </div>
        <div>
          <dt>App version</dt>
          <dd>{chart.appVersion || '—'}</dd>
        </div>
      </dl>
      {chart.dependencies.length > 0 && (
        <>
          <h3>Dependencies</h3>
          <ul className="deps">
            {chart.dependencies.map((d) => (
              <li key={d.alias || d.name}>
                {d.name}
                {d.alias && d.alias !== d.name ? ` (as ${d.alias})` : ''} {d.version}
                {d.condition ? <span className="muted"> — if {d.condition}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <Link className="button" href={href} aria-label={`Configure ${chart.name}`}>
        Configure
      </Link>
    </article>
  );
}
