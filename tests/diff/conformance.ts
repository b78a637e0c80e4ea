import { afterAll, describe, expect, test } from 'vitest';
import { firstDifference, removeChart, runHelm, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';

/** A small chart of our own pinning one behaviour of helm template, with the flags to render it. */
export interface ConformanceCase {
  name: string;
  /** The chart's files besides Chart.yaml (a plain v2 chart named `conformance`). */
  files: ChartFiles;
  /** Flags after `template release-name CHART`; relative paths resolve from the chart folder. */
  args?: string[];
}

const CHART_YAML = 'apiVersion: v2\nname: conformance\nversion: 0.1.0\n';

/** Renders each case with helm 3.17.3 and chartroom: same status, same error text, same bytes. */
export function describeConformance(title: string, cases: ConformanceCase[]): void {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeChart));

  describe(`${title}: chartroom vs helm 3.17.3`, () => {
    test.each(cases)('$name', async ({ files, args = [] }) => {
      const dir = writeChart({ 'Chart.yaml': CHART_YAML, ...files });
      dirs.push(dir);
      const argv = ['template', 'release-name', dir, ...args];
      const helm = await runHelm(argv, { cwd: dir });
      const ours = chartroom(argv, dir);
      expect(errorText(ours.stderr)).toBe(errorText(helm.stderr));
      expect(ours.status === 0).toBe(helm.status === 0);
      const diff = firstDifference(helm.stdout, ours.stdout);
      expect(diff, diff ?? '').toBeNull();
    });
  });
}
