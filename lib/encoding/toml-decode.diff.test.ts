/**
 * `fromToml` against the reference helm: helm 3.17.3 decodes with BurntSushi/toml v1.4.0 and
 * helm 4.1.4 with v1.6.0, so the accepted dialect and the error texts (line numbers at end of
 * input, inline-table newlines, `\e`/`\x` escapes) differ by release. Each case's decoded value
 * or `Error` text is printed with toJson and must match byte for byte.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE, referenceExecute, type ReferenceResult } from '../../tests/helm/reference';
import { Template } from '../gotemplate/template';
import { setLocalTimeZone } from '../go/time/timezone';
import { goMap } from '../go/value';
import { helmFuncMap } from '../helm/engine/funcs';

const DOCS: string[] = [
  'a',
  'a\n',
  'a = ',
  'a =\n',
  'a = 1\nb',
  'a = 1\nb\n',
  '= 1',
  '.a = 1',
  'a. = 1',
  'a.b = 1\na.b.c = 2',
  'a = 1\na = 2',
  '[t]\n[t]',
  '[t]\nx = 1\n[t.x]',
  '[[t]]\nx = 1\n[[t]]\nx = 2\n[t2]\ny = [1, 2]',
  'a = [1, 2]\n[[a]]',
  'a = [{b = 1}, {b = 2}]',
  'a = {b = 1, c = {d = 2}}',
  'a = {b = 1,}',
  'a = {b = 1,\nc = 2}',
  'a = {\n}',
  'a = {b.c = 1, b.d = 2}',
  'a = {b = 1, b.c = 2}',
  '[',
  '[]',
  '[a.]',
  '[a b]',
  '[[a]',
  'a = [1,,2]',
  'a = [1 2]',
  'a = [1, 2',
  'a = "x',
  'a = "x\ny"',
  "a = 'x",
  'a = """x',
  "a = '''x",
  'a = """x""""""',
  'a = "\\e"',
  'a = "\\x41"',
  'a = "\\q"',
  'a = "\\u12"',
  'a = "\\U0010FFFF"',
  'a = "\\uD800"',
  'a = "a\\ b"',
  'a = """\n  one \\\n   two"""',
  'a = 0x',
  'a = 0o9',
  'a = 0b2',
  'a = 0xDEAD_BEEF\nb = 0o17\nc = 0b101\nd = 1_000',
  'a = +0x1',
  'a = 01',
  'a = 1__0',
  'a = 9223372036854775808',
  'a = -9223372036854775808',
  'a = 1.',
  'a = .5',
  'a = 1e400',
  'a = 1.5e3\nb = -0.0\nc = inf\nd = -inf\ne = nan',
  'a = +nax',
  'a = 1e2e3',
  'a = 3.0_1',
  'a = true\nb = false',
  'a = tru',
  'a = yes',
  'a = 1979-05-27T07:32:00Z',
  'a = 1979-05-27 07:32:00.5-07:00',
  'a = 1979-05-27T07:32:00',
  'a = 1979-05-27',
  'a = 07:32:00',
  'a = 07:32',
  'a = 1979-05-27T07:32Z',
  'a = 1979-02-30',
  'a = 1979-05-27T7:32:00Z',
  'a = 1 # comment\n# another\nb = 2 # trailing',
  'a = 1 b = 2',
  '"quoted key" = 1\n\'raw key\' = 2\n"" = 3',
  'a\u0001 = 1',
  'a = "\u0007"',
  'a = 1\r\nb = 2\r\n',
  'a = 1\rb = 2',
  '\ufeffa = 1',
  '\n\n\na',
  '[a]\nb = 1\n[a.b.c]',
  '[a.b]\n[a]\n[a]',
  'a.b = 1\n[a]',
  'a = {}\n[a.b]',
  'x = [[1], ["a"], [{}]]',
  'é = 1',
];

const CASES = DOCS.map((doc) => `{{ fromToml ${JSON.stringify(doc)} | toJson }}`);

function ours(template: string): ReferenceResult {
  try {
    const t = new Template('fixture/templates/_case0.tpl').funcs(helmFuncMap(REFERENCE.setting)).option('missingkey=zero');
    t.parse(`{{ define "case0" }}${template}{{ end }}`);
    return { ok: true, output: t.executeTemplate('case0', goMap({})) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

let reference: ReferenceResult[] = [];

beforeAll(async () => {
  // Local date-times take the machine's zone; the reference helm runs in UTC.
  setLocalTimeZone('UTC');
  reference = await referenceExecute(CASES.map((template) => ({ template })));
}, 600_000);

describe(`fromToml decodes and fails as helm ${REFERENCE.release} does`, () => {
  CASES.forEach((template, i) => {
    it(JSON.stringify(DOCS[i]), () => {
      const ref = reference[i];
      if (!ref.ok) throw new Error(`helm failed on ${template}: ${ref.error}`);
      expect(ours(template)).toEqual({ ok: true, output: ref.output });
    });
  });
});
