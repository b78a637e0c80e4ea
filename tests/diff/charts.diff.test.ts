import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { runHelm, firstDifference, REFERENCE } from '../helm/reference';
import { chartroom, errorText } from './chartroom-cli';
import { SCENARIOS } from './scenarios';

const CHARTS = resolve(__dirname, 'charts');

describe(`helm template, chart level: chartroom vs helm ${REFERENCE.release}`, () => {
  test.each(SCENARIOS)('$name', async ({ args }) => {
    const helm = await runHelm(args, { cwd: CHARTS });
    const ours = chartroom(args);
    expect({ status: ours.status === 0 ? 0 : 1, error: errorText(ours.stderr).slice(0, 4000) }).toEqual({
      status: helm.status === 0 ? 0 : 1,
      error: errorText(helm.stderr).slice(0, 4000),
    });
    if (helm.status !== 0) {
      expect(errorText(ours.stderr)).toBe(errorText(helm.stderr));
      return;
    }
    const diff = firstDifference(helm.stdout, ours.stdout);
    expect(diff, diff ?? '').toBeNull();
    // Warnings too: Helm 4's slog records, Helm 3's log lines with their Go source position.
    expect(ours.stderr).toBe(helm.stderr);
  });
});
