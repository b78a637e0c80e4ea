/**
 * Value names that JavaScript objects carry on their prototypes (`constructor`, `toString`,
 * `__proto__`, `length`, `call`, ...) are ordinary names to Go: at every level of .Values, on
 * every built-in object, through the dictionary functions, YAML/JSON decoding and --set, each
 * must render exactly as helm 3.17.3 and 4.1.4 render it.
 */
import { describe, expect, test } from 'vitest';
import { REFERENCE_HELM_VERSION, referenceTemplateFiles, removeChart, writeChart, type ChartFiles } from '../helm/reference';
import { chartroom, errorText } from '../diff/chartroom-cli';

const IDENT = /^[A-Za-z_]\w*$/;
const namesOf = (...protos: object[]) => [...new Set(protos.flatMap((p) => Object.getOwnPropertyNames(p)))].filter((n) => IDENT.test(n)).sort();
/** Every name on the prototypes of the objects chartroom keeps values in. */
const ALL = namesOf(Object.prototype, Function.prototype, Map.prototype, Array.prototype, String.prototype, Uint8Array.prototype);
/** The names the issue was about; the cases that make helm fail run one helm process each, so they use these. */
const CORE = namesOf(Object.prototype, Function.prototype);

const VALUES = `a:\n  b:\n    c: 1\nlist: [1, 2]\ns: text\nown:\n${ALL.map((n) => `  ${n}: ${n} value`).join('\n')}\n`;
const CHART_YAML = 'apiVersion: v2\nname: fixture\nversion: 0.1.0\n';

/** Templates with N standing for the name under test. */
const VALUE_CASES = [
  '{{ .Values.N }}',
  '{{ .Values.a.N }}',
  '{{ .Values.a.b.N }}',
  '{{ .Values.own.N }}',
  '{{ if .Values.N }}yes{{ else }}no{{ end }} {{ with .Values.a.N }}with{{ end }}',
  '{{ default "fallback" .Values.N }} {{ default "fallback" .Values.a.b.N }}',
  '{{ get .Values "N" }}|{{ hasKey .Values "N" }}|{{ hasKey .Values.own "N" }}|{{ dig "b" "N" "deflt" .Values.a }}|{{ dig "N" "deflt" .Values.own }}',
  '{{ pluck "N" .Values.own .Values.a | toJson }}',
  '{{ $d := dict "N" 1 }}{{ $d.N }} {{ toJson $d }} {{ hasKey $d "N" }} {{ keys $d | toJson }}',
  '{{ $d := dict }}{{ $_ := set $d "N" 2 }}{{ toJson $d }} {{ $_ := unset $d "N" }}{{ toJson $d }}',
  '{{ (fromYaml "N: 1").N }} {{ toJson (fromYaml "N: {N: 1}") }} {{ (fromJson "{\\"N\\": 1}").N }} {{ toYaml (dict "N" (list 1)) }}',
  '{{ toJson (merge (dict "N" 1) (dict "N" 2 "x" 3)) }} {{ toJson (mergeOverwrite (dict) (dict "N" 2)) }}',
  '{{ .N }}|{{ .Release.N }}|{{ .Template.N }}|{{ .Subcharts.N }}',
];
/** Built-ins that are Go structs or slices: helm refuses fields they don't have. */
const STRUCT_CASES = ['{{ .Chart.N }}', '{{ .Capabilities.N }}', '{{ .Capabilities.KubeVersion.N }}', '{{ .Capabilities.APIVersions.N }}', '{{ .Values.list.N }}', '{{ .Values.s.N }}'];
/** The names as template functions and as duration units. */
const FUNCTION_CASES = ['{{ N }}', '{{ duration "1N" }}'];
const SET_CASES = ['{{ .Values.N }}|{{ .Values.nested.N }}|{{ toJson .Values.json.N }}'];

interface Case {
  label: string;
  template: string;
}

const casesFor = (templates: string[], names: string[]): Case[] =>
  templates.flatMap((t) => names.map((n) => ({ label: `${t} with ${n}`, template: t.replaceAll('N', n) })));

function chartFiles(cases: Case[]): ChartFiles {
  const defines = cases.map((c, i) => `{{- define "case${i}" }}${c.template}{{ end }}`).join('\n');
  const runner = cases.map((_, i) => `case${i}: {{ include "case${i}" . | toJson }}`).join('\n');
  return { 'Chart.yaml': CHART_YAML, 'values.yaml': VALUES, 'templates/_cases.tpl': defines, 'templates/cases.yaml': `${runner}\n` };
}

type Outcome = { label: string; output: string } | { label: string; error: string } | { label: string; fails: true };

function outcomes(cases: Case[], ok: boolean, stdout: string, error: string): Outcome[] {
  if (!ok) return cases.map((c) => ({ label: c.label, error }));
  return cases.map((c, i) => {
    const m = new RegExp(`^case${i}: (.*)$`, 'm').exec(stdout);
    return { label: c.label, output: m ? (JSON.parse(m[1]) as string) : `(missing from output: ${stdout.slice(0, 200)})` };
  });
}

async function helmOutcomes(cases: Case[], args: string[], version: string): Promise<Outcome[]> {
  const r = await referenceTemplateFiles(chartFiles(cases), args, version);
  return r.ok ? outcomes(cases, true, r.output, '') : outcomes(cases, false, '', `Error: ${r.error}`);
}

function ourOutcomes(cases: Case[], args: string[]): Outcome[] {
  const dir = writeChart(chartFiles(cases));
  try {
    const r = chartroom(['template', 'release-name', dir, ...args]);
    return outcomes(cases, r.status === 0, r.stdout, errorText(r.stderr));
  } finally {
    removeChart(dir);
  }
}

/** helm's outcomes for `cases`: together, or one by one (a few helm processes at a time) when the batch fails. */
async function helmEach(cases: Case[], args: string[], version: string): Promise<{ batched: boolean; outcomes: Outcome[] }> {
  const whole = await helmOutcomes(cases, args, version);
  if (!('error' in whole[0])) return { batched: true, outcomes: whole };
  const each: Outcome[] = [];
  for (let i = 0; i < cases.length; i += 4) {
    each.push(...(await Promise.all(cases.slice(i, i + 4).map(async (c) => (await helmOutcomes([c], args, version))[0]))));
  }
  return { batched: false, outcomes: each };
}

/**
 * Where helm 4 changed behaviour, chartroom keeps helm 3.17.3's: helm 4 passes `.Chart` to
 * templates as a map, so a field it lacks is `<no value>` where helm 3 fails.
 */
const HELM4_CHANGED = (label: string) => label.startsWith('{{ .Chart.N }}');

async function compare(cases: Case[], args: string[], version: string): Promise<void> {
  const reference = await helmEach(cases, args, REFERENCE_HELM_VERSION);
  const ours = reference.batched ? ourOutcomes(cases, args) : cases.flatMap((c) => ourOutcomes([c], args));
  if (version === REFERENCE_HELM_VERSION) {
    expect(ours).toEqual(reference.outcomes);
    return;
  }
  // helm 4 words and lays out errors its own way; what must agree is what renders and what fails.
  const shape = (o: Outcome): Outcome => ('error' in o ? { label: o.label, fails: true } : o);
  const helm = (await helmEach(cases, args, version)).outcomes.map(shape);
  const expected = reference.outcomes.map(shape);
  const changed = new Set(cases.filter((_, i) => JSON.stringify(expected[i]) !== JSON.stringify(helm[i])).map((c) => c.label));
  expect([...changed].filter((l) => !HELM4_CHANGED(l))).toEqual([]);
  const unchanged = (list: Outcome[]) => list.map(shape).filter((o) => !changed.has(o.label));
  expect(unchanged(ours)).toEqual(unchanged(helm));
}

const setArgs = ['--set', ALL.map((n) => `${n}=1`).join(','), '--set-string', CORE.map((n) => `nested.${n}=x`).join(','), '--set-json', `json=${JSON.stringify(Object.fromEntries(CORE.map((n) => [n, { [n]: 1 }])))}`];

describe.each(['3.17.3', '4.1.4'])('JavaScript prototype names as Go names: helm %s', (version) => {
  test(`${ALL.length} names through .Values, dictionaries, decoding and the built-in maps`, () => compare(casesFor(VALUE_CASES, ALL), [], version));
  test(`${CORE.length} names on the built-in structs and on lists and strings`, () => compare(casesFor(STRUCT_CASES, CORE), [], version), 300_000);
  test(`${CORE.length} names as template functions and duration units`, () => compare(casesFor(FUNCTION_CASES, CORE), [], version), 300_000);
  test('names set with --set, --set-string and --set-json', () => compare(casesFor(SET_CASES, CORE), setArgs, version));
});
