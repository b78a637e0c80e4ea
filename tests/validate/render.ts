/** Renders the bundled charts with the engine (dependency stand-ins in place) for validation tests. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import { mergeUserValues, templateChart, type TemplateResult } from '../../lib/helm/index';
import { removeStandins, withStandins } from '../charts/standins';

const chartsDir = resolve(__dirname, '../../charts');

export interface ChartRender {
  result: TemplateResult;
  /** The user-supplied values (what `-f`/`--set` gave), for tracing and external names. */
  values: unknown;
}

/** Renders charts/NAME as release `rel` with chart-relative values files, --set values and API versions. */
export function renderChart(name: string, files: string[], opts: { set?: string[]; apiVersions?: string[]; kubeVersion?: string } = {}): ChartRender {
  const dir = withStandins(join(chartsDir, name));
  try {
    const chart = loadChartFromDisk(dir);
    const values = mergeUserValues({
      valueFiles: files.map((f) => ({ name: f, data: readFileSync(join(dir, f)) })),
      jsonValues: [],
      values: opts.set ?? [],
      stringValues: [],
      fileValues: [],
      literalValues: [],
      readFile: () => '',
    });
    const result = templateChart(chart, { releaseName: 'rel', values, apiVersions: opts.apiVersions, kubeVersion: opts.kubeVersion });
    return { result, values: result.values };
  } finally {
    removeStandins(dir);
  }
}
