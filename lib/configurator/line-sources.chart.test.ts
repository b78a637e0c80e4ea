/**
 * "Where is it used?" on a real render: the bundled Aeterna chart traced with a user's values.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTree } from '../cli/node-io';
import { loadChartDirectory, mergeUserValues, templateChart } from '../helm';
import { removeStandins, withStandins } from '../../tests/charts/standins';
import { streamDocuments, usedBy } from './line-sources';
import type { RenderTrace } from './render-protocol';

const root = resolve(__dirname, '../..');

describe('used by, on the Aeterna chart', () => {
  let dir: string;
  let trace: RenderTrace;
  let values: unknown;
  beforeAll(() => {
    dir = withStandins(join(root, 'charts', 'aeterna'));
    const user = mergeUserValues({ valueFiles: [{ name: 'values.yaml', data: 'aeterna:\n  replicas: 3\n  podLabels:\n    app.kubernetes.io/part-of: shop\n' }] });
    const r = templateChart(loadChartDirectory(readTree(dir)), { values: user, releaseName: 'rel', trace: true });
    trace = { output: r.output, trace: r.trace! };
    values = r.values;
  });
  afterAll(() => removeStandins(dir));

  const usedLines = (target: string): string[] => {
    const lines = trace.output.split('\n');
    return usedBy(trace, streamDocuments(trace, []), target, values).flatMap((u) => u.lines.map((l) => lines[l - 1]));
  };

  it('marks what reads the value, not what reads a sibling through the same map', () => {
    expect(usedLines('aeterna.replicas')).toEqual(['  replicas: 3']);
    expect(usedLines('aeterna.terminationGracePeriodSeconds')).toEqual(['      terminationGracePeriodSeconds: 30']);
    // A key with dots in it, written by `toYaml` of the map holding it.
    expect(usedLines('aeterna.podLabels.app\\.kubernetes\\.io/part-of')).toEqual(['        app.kubernetes.io/part-of: shop']);
  });

  it('marks all a whole-subtree read wrote for any value inside it (toYaml .Values.aeterna.strategy)', () => {
    expect(usedLines('aeterna.strategy.type')).toEqual(['    rollingUpdate:', '      maxSurge: 1', '      maxUnavailable: 0', '    type: RollingUpdate']);
  });

  it('marks a map wherever a value inside it is read', () => {
    const lines = usedLines('aeterna');
    expect(lines).toEqual(expect.arrayContaining(['  replicas: 3', '      terminationGracePeriodSeconds: 30', '    type: RollingUpdate']));
    expect(lines.length).toBeLessThan(trace.output.split('\n').length);
  });
});
