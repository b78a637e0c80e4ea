import { ChartCard } from '@/components/catalog/ChartCard';
import { OpenFromRepository } from '@/components/catalog/OpenFromRepository';
import { OpenLocalChart } from '@/components/catalog/OpenLocalChart';
import { OpenSavedConfiguration } from '@/components/catalog/OpenSavedConfiguration';
import { bundledChartInfo, bundledChartNames } from './_server/bundled-charts';

export default function CatalogPage() {
  const charts = bundledChartNames().map((name) => bundledChartInfo(name));
  return (
    <main className="catalog" id="main" tabIndex={-1}>
      <h1>Charts</h1>
      <p className="lead">Pick a chart to configure. Everything renders in your browser; nothing you type leaves it.</p>
      <ul className="chart-grid" aria-label="Bundled charts">
        {charts.map((c) => (
          <li key={c.name}>
            <ChartCard chart={c} href={`/configure/${c.name}`} />
          </li>
        ))}
      </ul>
      <OpenSavedConfiguration charts={charts.map((c) => c.name)} />
      <OpenFromRepository />
      <OpenLocalChart />
    </main>
  );
}
