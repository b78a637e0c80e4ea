import { loadChartFromDisk } from '../cli/node-io';
import { describe, expect, it } from 'vitest';
import { computeFindings } from './findings-job';
import { DEFAULT_RELEASE } from './release-options';
import { renderConfiguration } from './render-job';

describe('computeFindings', () => {
  it('finds what the Findings tab lists, for a rendered chart', async () => {
    const chart = await loadChartFromDisk('charts/aeterna');
    const out = renderConfiguration(chart, { valuesText: 'aeterna:\n  image:\n    tag: latest\n', release: DEFAULT_RELEASE, budget: { deadlineMs: 5000, maxOutputBytes: 10_000_000 } });
    if (!out.ok) throw new Error(out.message);
    const res = await computeFindings({ id: 7, resources: out.resources, gitopsCalls: out.gitopsCalls, kubeVersion: '1.31.0', preset: 'production', values: {} });
    if (!res.ok) throw new Error(res.message);
    expect(res.id).toBe(7);
    expect(res.findings.length).toBeGreaterThan(0);
    expect(res.findings.every((f) => typeof f.message === 'string' && f.severity)).toBe(true);
  });
});
