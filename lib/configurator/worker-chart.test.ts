import { describe, expect, it } from 'vitest';
import type { Chart, HelmVersion } from '../helm';
import type { ChartSource } from './render-protocol';
import { WorkerChart, type ReadSource } from './worker-chart';

/** A WorkerChart over fake reads (each one counted, settled by the test) and loads. */
function setup() {
  const reads: { from: ChartSource; settle: (ok: boolean) => void }[] = [];
  const loads: [string, HelmVersion][] = [];
  const chart = new WorkerChart(
    (from) =>
      new Promise<ReadSource>((resolve, reject) => {
        reads.push({ from, settle: (ok) => (ok ? resolve({ kind: 'files', files: [], subcharts: from.subcharts }) : reject(new Error(`could not read ${JSON.stringify(from)}`))) });
      }),
    (source, helmVersion) => {
      loads.push([`${source.kind}:${source.subcharts?.length ?? 0}`, helmVersion]);
      return { name: `chart ${loads.length}` } as unknown as Chart;
    },
  );
  return { chart, reads, loads };
}

const aeterna = { kind: 'url', url: '/charts/aeterna/files.json' } as const;

describe('WorkerChart', () => {
  it('a load of the preloaded location takes the read and the chart already on their way', async () => {
    const { chart, reads, loads } = setup();
    chart.preload(aeterna);
    expect(reads).toHaveLength(1);
    const loading = chart.load({ ...aeterna });
    reads[0].settle(true);
    expect(await loading).toEqual({ name: 'chart 1' });
    expect(reads).toHaveLength(1);
    expect(loads).toEqual([['files:0', '4.1']]);
    // Another Helm version loads the same files again, once.
    await chart.chartFor('3.17');
    await chart.chartFor('3.17');
    expect(loads).toEqual([
      ['files:0', '4.1'],
      ['files:0', '3.17'],
    ]);
  });

  it('another location, or the same one with subcharts added, is read anew', async () => {
    const { chart, reads } = setup();
    chart.preload(aeterna);
    void chart.load({ kind: 'url', url: '/charts/verta/files.json' });
    expect(reads.map((r) => r.from)).toEqual([aeterna, { kind: 'url', url: '/charts/verta/files.json' }]);
    const withSubcharts = { ...aeterna, subcharts: [{ fileName: 'redis-1.0.0.tgz', bytes: new Uint8Array([1]) }] };
    void chart.load(withSubcharts);
    expect(reads).toHaveLength(3);
  });

  it('only the first load after a preload takes it: a later load of the same location reads it again', async () => {
    const { chart, reads } = setup();
    chart.preload(aeterna);
    const first = chart.load(aeterna);
    reads[0].settle(true);
    await first;
    const second = chart.load(aeterna);
    expect(reads).toHaveLength(2);
    reads[1].settle(true);
    expect(await second).toEqual({ name: 'chart 2' });
  });

  it('a failed preload fails the load that takes it; after forget() a retry reads again', async () => {
    const { chart, reads } = setup();
    chart.preload(aeterna);
    reads[0].settle(false);
    await expect(chart.load(aeterna)).rejects.toThrow(/could not read/);
    chart.forget();
    expect(chart.chartFor('4.1')).toBeNull();
    const retry = chart.load(aeterna);
    expect(reads).toHaveLength(2);
    reads[1].settle(true);
    expect(await retry).toEqual({ name: 'chart 1' });
  });

  it('nothing to render before a load or a preload', () => {
    expect(setup().chart.chartFor('4.1')).toBeNull();
  });
});
