import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { BundledConfigurator } from '@/components/catalog/BundledConfigurator';
import { renderWorkerBootScript } from '@/lib/configurator/client/create-render-worker';
import { bundledChartInfo, bundledChartNames, isBundledChart } from '../../_server/bundled-charts';

export const dynamicParams = false;

export function generateStaticParams(): { chart: string }[] {
  return bundledChartNames().map((chart) => ({ chart }));
}

/** The bundled chart a request names; pages are rendered per request, so an unknown name reaches here and gets the 404 page. */
async function bundledChart(params: Promise<{ chart: string }>): Promise<string> {
  const { chart } = await params;
  if (!isBundledChart(chart)) notFound();
  return chart;
}

export async function generateMetadata({ params }: { params: Promise<{ chart: string }> }): Promise<Metadata> {
  const chart = await bundledChart(params);
  return { title: `Configure ${chart} — chartroom` };
}

export default async function ConfigurePage({ params }: { params: Promise<{ chart: string }> }) {
  const chart = await bundledChart(params);
  const info = bundledChartInfo(chart);
  // The chart renders at once: its engine starts loading as the HTML is read, not after hydration.
  const boot = renderWorkerBootScript();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <>
      {boot && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: boot }} />}
      <BundledConfigurator chart={chart} info={info} />
    </>
  );
}
