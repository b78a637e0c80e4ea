/**
 * Differential test: every case in sprig.diff.cases.ts runs through helm 3.17.3 (tests/helm/
 * reference.ts) and through our engine with the same define/include wrapping, and the outputs
 * (or Go error texts) must be identical.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceExecute, REFERENCE, type ReferenceResult, type TemplateCase } from '../../tests/helm/reference';
import { REFERENCE_STYLE } from '../../tests/helm/reference-style';
import { DIFF_CASES, DIFF_VALUES } from '../../tests/sprig/sprig.diff.cases';
import { runCase, type CaseResult } from '../../tests/sprig/sprig-harness';
import { sprigFuncMap } from './functions';

interface Row {
  family: string;
  template: string;
  ours: CaseResult;
}

const funcs = sprigFuncMap();

// Lines hold several `|`-separated actions; each becomes its own case for precise reporting.
const rows: Row[] = Object.entries(DIFF_CASES).flatMap(([family, lines]) =>
  lines.flatMap((line) => line.split('}}|{{').map((t, i, all) => (i > 0 ? '{{' : '') + t + (i < all.length - 1 ? '}}' : ''))).map((template) => ({
    family,
    template,
    ours: runCase(funcs, template, DIFF_VALUES, REFERENCE_STYLE),
  })),
);

let reference: ReferenceResult[] = [];

beforeAll(async () => {
  // Cases that fail run alone in helm (a failing batch would otherwise be retried case by case).
  const cases: TemplateCase[] = rows.map((r, i) => ({
    template: r.template,
    values: r.ours.ok ? DIFF_VALUES : `${DIFF_VALUES}# case ${i}\n`,
  }));
  reference = await referenceExecute(cases);
}, 600_000);

describe(`Sprig core families match helm ${REFERENCE.release}`, () => {
  it('has at least 200 cases', () => expect(rows.length).toBeGreaterThanOrEqual(200));
  for (const family of Object.keys(DIFF_CASES)) {
    describe(family, () => {
      rows.forEach((row, i) => {
        if (row.family !== family) return;
        it(row.template, () => {
          const ref = reference[i];
          const theirs = ref.ok ? { ok: true, output: ref.output } : { ok: false, error: ref.inner ?? ref.error };
          expect(row.ours).toEqual(theirs);
        });
      });
    });
  }
});
