/**
 * Test support: runs a template the way tests/helm/reference.ts runs it inside helm (a
 * `define`d template named `caseN` in `fixture/templates/_caseN.tpl`, `.Values` from YAML),
 * so that outputs and error texts compare byte for byte.
 */
import { Template } from '../gotemplate/template';
import type { FuncMap } from '../gotemplate/func';
import { parse as parseYaml } from 'yaml';
import { fromPlain, goMap, withType, type GoMap } from '../gotemplate/value';

export type CaseResult = { ok: true; output: string } | { ok: false; error: string };

// Values files reach templates through JSON, so every number is a float64 (fromPlain's rule).
const asValues = (m: GoMap): GoMap => withType(m, { name: 'chartutil.Values' });

/** Executes `template` as helm's `include "case0" .` would, with `values` as .Values. */
export function runCase(funcs: FuncMap, template: string, values = ''): CaseResult {
  try {
    const t = new Template('fixture/templates/_case0.tpl').funcs(funcs).option('missingkey=zero');
    t.parse(`{{ define "case0" }}${template}{{ end }}`);
    const top = asValues(goMap({ Values: asValues((fromPlain(parseYaml(values) ?? {}) as GoMap)) }));
    return { ok: true, output: t.executeTemplate('case0', top) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
