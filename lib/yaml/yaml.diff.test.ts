/**
 * Differential test of the YAML/JSON/TOML codecs against the reference helm (4.1.4 or 3.17.3):
 * each fixture is helm's values.yaml, and each template prints it through an encoding function.
 * Our side loads the same text as the chart loader does and calls our implementations directly,
 * so the parser and the marshallers are checked together.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, referenceExecute, firstDifference, type ReferenceResult } from '../../tests/helm/reference';
import { loadChartFiles } from '../helm/chart/loader';
import type { GoValue } from '../go/value';
import {
  helmFromJson,
  helmFromJsonArray,
  helmFromYaml,
  helmFromYamlArray,
  helmToJson,
  helmToToml,
  helmToYaml,
  helmToYamlPretty,
} from '../helm/engine/funcs-encoding';
import { sprigJsonFuncs } from '../sprig/json';
import { VALUES_FIXTURES } from '../../tests/yaml/yaml.diff.fixtures';
import { STRING_CASES, VALUES_FILE_CASES } from '../../tests/yaml/yaml.diff.strings';

type Ours = { ok: true; output: string } | { ok: false };

const OPS: Record<string, { template: string; ours: (values: GoValue) => string }> = {
  toYaml: { template: '{{ toYaml .Values }}', ours: helmToYaml },
  toJson: { template: '{{ .Values | toJson }}', ours: helmToJson },
  toPrettyJson: { template: '{{ toPrettyJson .Values }}', ours: (v) => sprigJsonFuncs.toPrettyJson.call(v) as string },
  toRawJson: { template: '{{ toRawJson .Values }}', ours: (v) => sprigJsonFuncs.toRawJson.call(v) as string },
  toToml: { template: '{{ toToml .Values }}', ours: (v) => helmToToml(v, REFERENCE.setting) },
  toYamlPretty: { template: '{{ toYamlPretty .Values }}', ours: helmToYamlPretty },
  roundTrip: {
    template: '{{ toYaml .Values | fromYaml | toJson }}',
    ours: (v) => helmToJson(helmFromYaml(helmToYaml(v))),
  },
};

interface Row {
  group: string;
  name: string;
  template: string;
  values: string;
  ours: Ours;
}

function run(f: () => string): Ours {
  try {
    return { ok: true, output: f() };
  } catch {
    return { ok: false };
  }
}

const enc = new TextEncoder();
const CHART_YAML = enc.encode('apiVersion: v2\nname: fixture\nversion: 0.1.0\n');
/** A values.yaml as the reference helm loads it (an empty document is an empty map; Helm 4 merges a stream of documents). */
const loadValues = (values: string): GoValue =>
  loadChartFiles([{ name: 'Chart.yaml', data: CHART_YAML }, { name: 'values.yaml', data: enc.encode(values) }], { helmVersion: REFERENCE.setting }).values;

const rows: Row[] = [];
for (const [fixture, values] of Object.entries(VALUES_FIXTURES)) {
  for (const [op, { template, ours }] of Object.entries(OPS)) {
    rows.push({ group: fixture, name: op, template, values, ours: run(() => ours(loadValues(values))) });
  }
}

const STRING_OPS: Record<string, { template: string; ours: (s: string) => string }> = {
  fromYaml: { template: '{{ fromYaml .Values.s | toJson }}', ours: (s) => helmToJson(helmFromYaml(s)) },
  fromYamlArray: { template: '{{ fromYamlArray .Values.s | toJson }}', ours: (s) => helmToJson(helmFromYamlArray(s)) },
  fromJson: { template: '{{ fromJson .Values.s | toJson }}', ours: (s) => helmToJson(helmFromJson(s)) },
  fromJsonArray: { template: '{{ fromJsonArray .Values.s | toJson }}', ours: (s) => helmToJson(helmFromJsonArray(s)) },
};
for (const [op, inputs] of Object.entries(STRING_CASES)) {
  const { template, ours } = STRING_OPS[op];
  for (const s of inputs) {
    rows.push({ group: op, name: JSON.stringify(s), template, values: `s: ${JSON.stringify(s)}\n`, ours: run(() => ours(s)) });
  }
}

// Values files as helm loads them (into a map); a load error is compared with helm's whole message.
VALUES_FILE_CASES.forEach((v, i) => {
  const values = `${v}\n# values case ${i}\n`;
  let ours: Ours;
  try {
    loadValues(values);
    ours = { ok: true, output: 'loaded' };
  } catch (e) {
    ours = { ok: true, output: (e as Error).message };
  }
  rows.push({ group: 'valuesFile', name: JSON.stringify(v), template: 'loaded', values, ours });
});

let reference: ReferenceResult[] = [];

beforeAll(async () => {
  // A failing case gets values of its own so it doesn't fail the batch of its fixture.
  reference = await referenceExecute(
    rows.map((r, i) => ({ template: r.template, values: r.ours.ok ? r.values : `${r.values}\n# case ${i}\n` })),
  );
}, 600_000);

describe(`encodings match helm ${REFERENCE.release}`, () => {
  it('has at least 120 cases', () => expect(rows.length).toBeGreaterThanOrEqual(120));
  const groups = [...new Set(rows.map((r) => r.group))];
  for (const group of groups) {
    describe(group, () => {
      rows.forEach((row, i) => {
        if (row.group !== group) return;
        it(row.name, () => {
          const ref = reference[i];
          if (row.group === 'valuesFile') {
            expect(row.ours.ok && row.ours.output).toBe(ref.ok ? ref.output : ref.error);
            return;
          }
          if (!ref.ok) {
            // helm fails the render (e.g. toRawJson's panic): ours must fail too.
            expect(row.ours.ok, ref.error).toBe(false);
            return;
          }
          expect(row.ours.ok, 'helm succeeded').toBe(true);
          if (row.ours.ok) {
            const diff = firstDifference(ref.output, row.ours.output);
            expect(row.ours.output, diff ?? '').toBe(ref.output);
          }
        });
      });
    });
  }
});
