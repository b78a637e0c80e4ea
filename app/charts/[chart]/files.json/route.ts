import { bundledChartFiles, bundledChartNames } from '../../../_server/bundled-charts';

// Built once: the chart's files as JSON, which the render worker loads.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { chart: string }[] {
  return bundledChartNames().map((chart) => ({ chart }));
}

export async function GET(_req: Request, ctx: { params: Promise<{ chart: string }> }): Promise<Response> {
  const { chart } = await ctx.params;
  return Response.json(bundledChartFiles(chart));
}
