import { bundledChartFiles, bundledChartNames } from '../../../_server/bundled-charts';

// Built once: the chart's files as JSON, which the render worker loads.
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams(): { chart: string }[] {
  return bundledChartNames().map((chart) => ({ chart }));
}

export async function GET(_req: Request, ctx: { params: Promise<{ chart: string }> }): Promise<Response> {
  const { chart } = await ctx.params;
  const body = JSON.stringify(bundledChartFiles(chart));
  // The body's size before compression: the worker shows how much of the chart has arrived.
  return new Response(body, { headers: { 'content-type': 'application/json', 'x-chartroom-length': String(Buffer.byteLength(body)) } });
}
