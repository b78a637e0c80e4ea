import type { Metadata } from 'next';
import { BundledConfigurator } from '@/components/catalog/BundledConfigurator';
import { bundledChartInfo, bundledChartNames } from '../../_server/bundled-charts';

export const dynamicParams = false;

export function generateStaticParams(): { chart: string }[] {
  return bundledChartNames().map((chart) => ({ chart }));
}

export async function generateMetadata({ params }: { params: Promise<{ chart: string }> }): Promise<Metadata> {
  const { chart } = await params;
  return { title: `Configure ${chart} — chartroom` };
}

export default async function ConfigurePage({ params }: { params: Promise<{ chart: string }> }) {
  const { chart } = await params;
  const info = bundledChartInfo(chart);
  return <BundledConfigurator chart={chart} info={info} />;
}
