/**
 * Differential tests: each template runs through our engine and through helm 3.17.3's
 * text/template (tests/helm/reference.ts), with only builtins and `.Values` data. Output must
 * match byte for byte; errors must match Go's text exactly.
 */
import { describe, expect, it } from 'vitest';
import { referenceExecute, REFERENCE, type ReferenceResult, type TemplateCase } from '../../tests/helm/reference';
import { traceExecError } from '../helm/engine/exec-trace';
import {
  DIFF_CASES,
  DIFF_VALUES,
  ERROR_CASES,
  HELPER_ERROR_CASES,
  HELPER_OK_CASES,
  HELPERS,
  HELPERS_PATH,
  OK_CASES,
} from '../../tests/gotemplate/exec.diff.cases';
import { Template, TemplateError } from './index';
import { fromPlain, goMap } from '../go/value';

interface Outcome {
  ok: boolean;
  text: string;
}

const VALUES = JSON.stringify(DIFF_VALUES);
const DATA = goMap({ Values: fromPlain(DIFF_VALUES) });

/** How helm is asked to run case i: failing cases get a values text of their own so passing ones batch. */
function referenceCase(i: number): TemplateCase {
  const template = DIFF_CASES[i];
  const okEnd = OK_CASES.length;
  const errEnd = okEnd + ERROR_CASES.length;
  const helperOkEnd = errEnd + HELPER_OK_CASES.length;
  if (i < okEnd) return { template, values: VALUES };
  if (i < errEnd) return { template, values: `${VALUES}\n# failing case\n` };
  const files = { [HELPERS_PATH]: HELPERS };
  if (i < helperOkEnd) return { template, values: VALUES, files };
  return { template, values: `${VALUES}\n# failing case\n`, files };
}

/** Runs a case the way helm does: `{{define "caseN"}}` in its own file, missingkey=zero. */
function runOurs(c: TemplateCase, n: number): Outcome {
  try {
    const t = new Template('fixture').option('missingkey=zero');
    for (const [path, text] of Object.entries(c.files ?? {})) t.new(`fixture/${path}`).parse(String(text));
    t.new(`fixture/templates/_case${n}.tpl`).parse(`{{ define "case${n}" }}${c.template}{{ end }}`);
    return { ok: true, text: t.executeTemplate(`case${n}`, DATA, { go: GO }) };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    if (e.kind === 'parse') {
      // helm reports parse errors through its cleanupParseError.
      const tokens = e.message.split(': ');
      return { ok: false, text: `parse error at (${tokens[1]}): ${tokens[tokens.length - 1]}` };
    }
    return { ok: false, text: (REFERENCE.setting === '4.1' && traceExecError(e)) || e.message };
  }
}

/** The Go release the reference helm was built with. */
const GO = REFERENCE.setting === '4.1' ? '1.25' : '1.23';

function expected(r: ReferenceResult): Outcome {
  if (r.ok) return { ok: true, text: r.output };
  return { ok: false, text: r.inner ?? r.error };
}

/** Helm numbers a case by its position in its batch: 0 when it ran alone, as failing cases do. */
function caseNumber(r: ReferenceResult, i: number): number {
  if (r.ok) return i;
  const m = /_case(\d+)\.tpl/.exec(r.error) ?? /"case(\d+)"/.exec(r.error);
  return m ? Number(m[1]) : i;
}

describe(`text/template against helm ${REFERENCE.release}`, async () => {
  const cases = DIFF_CASES.map((_, i) => referenceCase(i));
  const results = await referenceExecute(cases);
  it('has at least 150 cases', () => expect(DIFF_CASES.length).toBeGreaterThanOrEqual(150));
  it.each(DIFF_CASES.map((c, i) => [i, c] as const))('case %i: %s', (i) => {
    const ref = results[i];
    expect(runOurs(cases[i], caseNumber(ref, i))).toEqual(expected(ref));
  });
});
