/**
 * Differential test of Helm's and Sprig's encoding functions inside real templates: values built
 * by Sprig (ints, lists, dicts, times), results printed by fmt, errors raised by `must*`.
 * Each case runs through helm 3.17.3 and through our template engine with Helm's function map.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, referenceExecute, type ReferenceResult } from '../../../tests/helm/reference';
import { Template } from '../../gotemplate/template';
import { goMap, withType, type GoMap } from '../../go/value';
import { yamlToGo } from '../../yaml';
import { helmFuncMap } from './funcs';

const VALUES = `
a: 1
f: 1.5
big: 1000000
s: "x: [1, 2]"
list: [1, two, {three: 3}]
nested: {b: {c: [true, null]}}
`;

const CASES: string[] = [
  '{{ toJson (list 1 "a" 2.5 true nil) }}',
  '{{ toJson (dict "b" 1 "a" (list) "c" (dict)) }}',
  '{{ toJson (dict "html" "<a href=\\"x\\">&</a>") }}',
  '{{ toRawJson (dict "html" "<a href=\\"x\\">&</a>") }}',
  '{{ toPrettyJson (dict "a" (list 1 (dict "b" nil)) "e" (list) "m" (dict)) }}',
  '{{ toPrettyJson (list) }}|{{ toPrettyJson (dict) }}|{{ toPrettyJson 1 }}',
  '{{ mustToJson .Values }}',
  '{{ mustToPrettyJson .Values.nested }}',
  '{{ mustToRawJson (list "<>") }}',
  '{{ toJson 1000000.0 }}|{{ toJson 1e21 }}|{{ toJson 0.0000001 }}|{{ toJson 1e-6 }}|{{ toJson -0.0 }}',
  '{{ toJson (float64 "1e20") }}|{{ toJson (float64 "123456789.125") }}|{{ toJson (int64 "9007199254740993") }}',
  '{{ toYaml 1000000.0 }}|{{ toYaml 1e21 }}|{{ toYaml 1.5 }}|{{ toYaml (int64 42) }}|{{ toYaml 0.1 }}',
  '{{ toYaml (dict "a" 1 "b" (list 1 (dict "c" "d")) "e" (list) "f" (dict)) }}',
  '{{ toYaml (list (list 1 2) (list) (dict "a" (list 3))) }}',
  '{{ toYaml "" }}|{{ toYaml "true" }}|{{ toYaml "a\\nb" }}|{{ toYaml " x" }}|{{ toYaml nil }}',
  '{{ toYaml .Values }}',
  '{{ toYaml .Values.list }}',
  '{{ .Values.s | fromYaml | toYaml }}',
  '{{ fromYaml .Values.s }}',
  '{{ fromYaml "a: 1\\nb: [x, y]" }}',
  '{{ fromYaml "- a" }}',
  '{{ (fromYaml "a: b: c").Error }}',
  '{{ fromYaml "" }}|{{ fromYaml "" | toJson }}',
  '{{ fromYamlArray "- 1\\n- b" }}|{{ fromYamlArray "a: 1" }}',
  '{{ fromJson "{\\"a\\":[1,2],\\"b\\":null}" }}',
  '{{ fromJson "null" }}|{{ fromJson "null" | toJson }}',
  '{{ fromJson "{bad" }}',
  '{{ fromJsonArray "[1,\\"a\\"]" }}|{{ fromJsonArray "null" | toJson }}|{{ fromJsonArray "{}" }}',
  '{{ mustFromJson "{\\"a\\":1}" }}',
  '{{ toToml .Values }}',
  '{{ toToml (dict "a" 1 "b" 1.5 "c" (list 1 2) "d" (dict "e" "f")) }}',
  '{{ toToml (dict "arr" (list (dict "x" 1) (dict "x" 2))) }}',
  '{{ toToml (dict "a" nil "b" "x") }}',
  '{{ toToml (list 1) }}|{{ toToml "s" }}|{{ toToml 1.0 }}',
  '{{ toToml (dict "k y" 1 "" 2 "é" 3 "a.b" 4) }}',
  '{{ fromToml "a = 1\\nb = 1.5\\n[t]\\nc = \\"x\\"\\nd = [1, 2]" | toJson }}',
  '{{ fromToml "a = 1" }}',
  '{{ toYamlPretty .Values }}',
  '{{ toYamlPretty (dict "n" 1000000.0 "i" 1000000 "l" (list 1 (list 2))) }}',
  '{{ toJson (list (int 1) (int64 2) (float64 3)) }}',
  // Nil maps and slices from fromJson "null": merged into, they become fresh maps; copied, they stay nil.
  '{{ merge (fromJson "null") (fromJson "null") | toJson }}|{{ mergeOverwrite (fromJson "null") (dict "a" 1) | toJson }}|{{ merge (dict) (fromJson "null") | toJson }}',
  '{{ deepCopy (fromJson "null") | toJson }}|{{ deepCopy (list 1 (fromJsonArray "null")) | toJson }}',
  // Decoding the same text again gives a value the template has not changed since.
  '{{ $a := fromYaml "a: {b: 1}" }}{{ $_ := set $a.a "b" 2 }}{{ $_ := unset $a "c" }}{{ fromYaml "a: {b: 1}" | toJson }}{{ toJson $a }}',
  '{{ $a := fromJson "{\\"a\\":{\\"b\\":[1]}}" }}{{ $_ := set $a.a "b" (list) }}{{ fromJson "{\\"a\\":{\\"b\\":[1]}}" | toJson }}',
  '{{ $l := fromYamlArray "- {a: 1}" }}{{ $_ := set (index $l 0) "a" 2 }}{{ fromYamlArray "- {a: 1}" | toJson }}',
  '{{ $l := fromJsonArray "[{\\"a\\":1}]" }}{{ $_ := set (index $l 0) "a" 2 }}{{ fromJsonArray "[{\\"a\\":1}]" | toJson }}',
  '{{ $e := fromYaml "a: b: c" }}{{ $_ := set $e "Error" "x" }}{{ (fromYaml "a: b: c").Error }}',
];

// `mustFromJson` and `toRawJson` fail the render: those run alone.
const FAILING: string[] = [
  '{{ mustFromJson "{bad" }}',
  '{{ toRawJson (float64 "NaN") }}',
  '{{ mustToJson (float64 "+Inf") }}',
  '{{ mustToPrettyJson (list (float64 "NaN")) }}',
  '{{ toToml .Values.missing }}',
];

type Result = { ok: true; output: string } | { ok: false; error: string };

function runOurs(template: string): Result {
  try {
    const t = new Template('fixture/templates/_case0.tpl').funcs(helmFuncMap(REFERENCE.setting)).option('missingkey=zero');
    t.parse(`{{ define "case0" }}${template}{{ end }}`);
    const values = withType(yamlToGo(VALUES) as GoMap, { name: 'chartutil.Values' });
    return { ok: true, output: t.executeTemplate('case0', withType(goMap({ Values: values }), { name: 'chartutil.Values' })) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

const rows = [...CASES, ...FAILING].flatMap((line) =>
  line.split('}}|{{').map((t, i, all) => (i > 0 ? '{{' : '') + t + (i < all.length - 1 ? '}}' : '')),
);
let reference: ReferenceResult[] = [];

beforeAll(async () => {
  reference = await referenceExecute(
    rows.map((template, i) => ({ template, values: FAILING.includes(template) ? `${VALUES}# case ${i}\n` : VALUES })),
  );
}, 600_000);

describe('encoding functions in templates match helm 3.17.3', () => {
  rows.forEach((template, i) => {
    it(template, () => {
      const ref = reference[i];
      const theirs: Result = ref.ok ? { ok: true, output: ref.output } : { ok: false, error: ref.inner ?? ref.error };
      expect(runOurs(template)).toEqual(theirs);
    });
  });
});
