/**
 * A chart's schema patterns that a backtracking matcher takes exponential or high polynomial time
 * over, against long values: Go's matcher answers at once, and so must chartroom (same output,
 * same error), not hang a CI job or a render worker.
 */
import { describe, expect, test } from 'vitest';
import { referenceTemplateFiles, removeChart, writeChart } from '../helm/reference';
import { chartroom, errorText } from '../diff/chartroom-cli';

const CHART_YAML = 'apiVersion: v2\nname: patterns\nversion: 0.1.0\n';
const TEMPLATE = 'length: {{ len .Values.v }}\n';
const schema = (pattern: string) => JSON.stringify({ type: 'object', properties: { v: { type: 'string', pattern } } });

const CASES: [string, string, string][] = [
  ['a repeated repeat, failing', '^(a+)+$', `${'a'.repeat(40)}!`],
  ['a repeated choice, matching 5,000 characters', '^(a|aa)+$', 'a'.repeat(5000)],
  ['a repeated choice, failing', '^(a|aa)+$', `${'a'.repeat(60)}!`],
  ['four adjacent repeats, failing', '^[0-9]*[0-9]*[0-9]*[0-9]*x$', '1'.repeat(3000)],
  ['twenty optional characters, failing', `^${'a?'.repeat(20)}${'a'.repeat(20)}$`, `${'a'.repeat(20)}!`],
];

describe.each(['3.17.3', '4.1.4'])('backtracking schema patterns: helm %s', (version) => {
  test.each(CASES)('%s', async (_name, pattern, value) => {
    const files = { 'Chart.yaml': CHART_YAML, 'values.yaml': `v: ${JSON.stringify(value)}\n`, 'values.schema.json': schema(pattern), 'templates/t.yaml': TEMPLATE };
    const helm = await referenceTemplateFiles(files, [], version);
    const dir = writeChart(files);
    try {
      const r = chartroom(['template', 'release-name', dir, '--helm-version', version]);
      expect(r.status === 0).toBe(helm.ok);
      if (helm.ok) expect(r.stdout).toBe(helm.output);
      else expect(errorText(r.stderr)).toBe(`Error: ${helm.error}`);
    } finally {
      removeChart(dir);
    }
  });
});
