/**
 * The form's words for Helm's schema messages, checked against what each real helm prints: a
 * change in either helm's wording makes these fail instead of leaving the raw rule name on screen.
 */
import { describe, expect, it } from 'vitest';
import { cachedHelmTemplate, type ChartFiles } from '../../tests/helm/reference';
import { errorText } from '../../tests/diff/chartroom-cli';
import { schemaErrorsByPath } from '../configurator/render-errors';
import { errorReport } from '../errors';
import { loadChartFiles, templateChart } from '../helm';
import { HELM_RELEASE, type HelmVersion } from '../helm/version';
import { readableHelmErrors } from './helm-messages';
import type { JsonSchema } from './schema';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    database: {
      type: 'object',
      properties: { mode: { type: 'string' }, host: { type: 'string', title: 'Host name' }, port: { type: 'integer' }, size: { type: 'string' } },
      if: { properties: { mode: { const: 'external' } } },
      then: { required: ['host', 'port'] },
      else: { required: ['size'] },
    },
    storage: { anyOf: [{ title: 'A size', type: 'string' }, { type: 'object', required: ['claimName'] }] },
    pick: { oneOf: [{ type: 'object', required: ['a'] }, { type: 'object', required: ['b'] }] },
    both: { allOf: [{ type: 'object', required: ['a'] }, { type: 'object', required: ['b'] }] },
    never: { not: { type: 'string' } },
  },
};

function chart(values: string): ChartFiles {
  return {
    'Chart.yaml': 'apiVersion: v2\nname: messages\nversion: 0.1.0\n',
    'values.schema.json': JSON.stringify(schema),
    'values.yaml': values,
    'templates/cm.yaml': 'kind: ConfigMap\n',
  };
}

/** chartroom's error for the chart, as the render worker reports it. */
function chartroomError(files: ChartFiles, helmVersion: HelmVersion) {
  const enc = new TextEncoder();
  try {
    templateChart(loadChartFiles(Object.entries(files).map(([name, text]) => ({ name, data: typeof text === 'string' ? enc.encode(text) : text })), { helmVersion }), { helmVersion });
  } catch (e) {
    return errorReport(e);
  }
  throw new Error('rendered without an error');
}

/** What the form shows for these values under the given helm, whose text chartroom's error must be. */
async function formErrors(helmVersion: HelmVersion, values: string) {
  const run = await cachedHelmTemplate(chart(values), [], { version: HELM_RELEASE[helmVersion] });
  expect(run.status, run.stderr).not.toBe(0);
  const ours = chartroomError(chart(values), helmVersion);
  expect(errorText(`Error: ${ours.message}`)).toBe(errorText(run.stderr));
  return readableHelmErrors(schema, schemaErrorsByPath(ours.schemaProblems));
}

const cases: [string, string, Record<string, string[]>][] = [
  ['then', 'database: {mode: external}\n', { database: ['Because Mode is "external", Host name and Port must be set.'] }],
  ['else', 'database: {mode: bundled}\n', { database: ['Unless Mode is "external", Size must be set.'] }],
  ['anyOf', 'storage: 3\n', { storage: ['Must match one of: A size; with Claim name.'] }],
  ['oneOf, none matched', 'pick: {}\n', { pick: ['Must match exactly one of: with A; with B.'] }],
  ['oneOf, both matched', 'pick: {a: 1, b: 2}\n', { pick: ['Must match exactly one of: with A; with B.'] }],
  ['allOf', 'both: {}\n', { both: ['A must be set.', 'B must be set.'] }],
  ['not', 'never: text\n', { never: ['Must not be string.'] }],
];

describe.each(Object.keys(HELM_RELEASE) as HelmVersion[])('schema messages in words, helm %s', (helm) => {
  it.each(cases)('%s', async (_name, values, want) => {
    expect(await formErrors(helm, values)).toEqual(want);
  });
});
