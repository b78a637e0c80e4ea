/**
 * Test support: runs a template the way tests/helm/reference.ts runs it inside helm (a
 * `define`d template named `caseN` in `fixture/templates/_caseN.tpl`, `.Values` from YAML),
 * so that outputs and error texts compare byte for byte.
 */
import { Template } from '../../lib/gotemplate/template';
import type { FuncMap } from '../../lib/go/func';
import { parse as parseYaml } from 'yaml';
import { fromPlain, goMap, withType, type GoMap } from '../../lib/go/value';
import type { GoRelease } from '../../lib/gotemplate/exec';

export type CaseResult = { ok: true; output: string } | { ok: false; error: string };

/** What differs between the helms a case is compared with (see tests/helm/reference-style.ts). */
export interface CaseStyle {
  go: GoRelease;
  valuesType: string;
  errorText: (e: Error) => string;
}

const HELM_3: CaseStyle = { go: '1.23', valuesType: 'chartutil.Values', errorText: (e) => e.message };

/** Executes `template` as helm's `include "case0" .` would, with `values` as .Values. */
export function runCase(funcs: FuncMap, template: string, values = '', style: CaseStyle = HELM_3): CaseResult {
  // Values files reach templates through JSON, so every number is a float64 (fromPlain's rule).
  const asValues = (m: GoMap): GoMap => withType(m, { name: style.valuesType });
  try {
    const t = new Template('fixture/templates/_case0.tpl').funcs(funcs).option('missingkey=zero');
    t.parse(`{{ define "case0" }}${template}{{ end }}`);
    const top = asValues(goMap({ Values: asValues((fromPlain(parseYaml(values) ?? {}) as GoMap)) }));
    return { ok: true, output: t.executeTemplate('case0', top, { go: style.go }) };
  } catch (e) {
    return { ok: false, error: style.errorText(e as Error) };
  }
}
