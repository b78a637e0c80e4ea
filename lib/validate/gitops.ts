/**
 * Findings about rendering under GitOps. Argo CD and Flux run `helm template` at every sync:
 * a template that draws random values, keys or the clock renders something new each time
 * (endless drift, or a regenerated secret that breaks the application), and `lookup` finds
 * nothing there, so the branch that reads the live cluster never runs.
 */
import type { CallSite } from '../gotemplate';
import type { Chart, RenderObserver } from '../helm';
import { functionsWith } from '../sprig';
import { isRuleDisabled, RULES } from './rules';
import { decidingValues, defaultGuards } from './template-conditions';
import type { Finding, ManifestDoc } from './types';
import { asObj, asStr } from './workloads';

/** Functions whose result differs at each run of `helm template` (formatting a given date does not). */
export const VARYING_FUNCTIONS: ReadonlySet<string> = functionsWith('random', 'clock');

/** A call made while rendering: what, where it is written, and which chart file was rendering. */
export interface TemplateCall {
  function: string;
  site: CallSite;
  file: string;
}

/** An observer recording each call site of varying functions and `lookup` once. */
export function gitopsCallRecorder(): { observer: RenderObserver; calls: TemplateCall[] } {
  const calls: TemplateCall[] = [];
  const seen = new Set<string>();
  let file = '';
  const names = new Set([...VARYING_FUNCTIONS, 'lookup']);
  return {
    calls,
    observer: {
      names,
      beginFile: (f) => {
        file = f;
      },
      call: (name, site) => {
        const key = `${name}\0${site.template}\0${site.pos}`;
        if (seen.has(key)) return;
        seen.add(key);
        calls.push({ function: name, site, file });
      },
    },
  };
}

function shortPath(file: string): string {
  return file.slice(file.indexOf('/') + 1);
}

/** The advice naming the settings that decide whether the call runs. */
function advice(paths: string[], lookup: boolean): string {
  if (paths.length === 0) {
    return lookup
      ? ' No value turns this branch off: supply what it reads yourself (an existing Secret, say) where the chart lets you.'
      : ' No value turns it off: give the value yourself where the chart lets you, or keep the object out of GitOps.';
  }
  const list = paths.map((p) => `\`${p}\``).join(', ');
  return lookup
    ? ` Decided by ${list}: set them so the chart does not need to read the cluster (e.g. give the value or an existing Secret).`
    : ` Decided by ${list}: set the value yourself or point the chart at an existing Secret so nothing is generated.`;
}

/** A call with the values paths that decide whether it runs (structured-clonable, for the page). */
export interface DecidedCall extends TemplateCall {
  deciding: string[];
}

/** A values path's value in the engine's values (Maps) or plain objects. */
function valueAt(values: unknown, path: string): unknown {
  let v = values;
  for (const k of path.split('.')) {
    if (v instanceof Map) v = v.get(k);
    else if (v && typeof v === 'object') v = (v as Record<string, unknown>)[k];
    else return undefined;
  }
  return v;
}

const empty = (v: unknown) => v === undefined || v === null || v === '' || v === false || (v instanceof Map && v.size === 0);

/**
 * Reads, from the chart's templates, which values decide each call. A call that is only the
 * fallback of `default` whose given values are all set has no effect on the output: dropped.
 */
export function decideCalls(chart: Chart, calls: readonly TemplateCall[], values: unknown): DecidedCall[] {
  const out: DecidedCall[] = [];
  for (const c of calls) {
    const guards = defaultGuards(chart, c.site.template, c.site.pos);
    if (guards.length && guards.every((g) => !empty(valueAt(values, g)))) continue;
    const deciding = [...new Set([...guards, ...decidingValues(chart, c.site.template, c.site.pos)])].sort();
    out.push({ ...c, deciding });
  }
  return out;
}

/**
 * `gitops/nondeterministic` and `gitops/lookup` findings for the calls a render made, each on the
 * first object of the file that made it, naming the template line and the deciding values.
 */
export function gitopsFindings(chart: Chart, calls: readonly TemplateCall[], values: unknown, docs: readonly ManifestDoc[], disable: readonly string[] = []): Finding[] {
  return decidedCallFindings(decideCalls(chart, calls, values), docs, disable);
}

/** {@link gitopsFindings} for calls whose deciding values are known already. */
export function decidedCallFindings(calls: readonly DecidedCall[], docs: readonly ManifestDoc[], disable: readonly string[] = []): Finding[] {
  const out: Finding[] = [];
  const off = (id: string) => isRuleDisabled(id, disable);
  for (const c of calls) {
    const lookup = c.function === 'lookup';
    const id = lookup ? 'gitops/lookup' : 'gitops/nondeterministic';
    if (off(id)) continue;
    const doc = docs.find((d) => d.template === c.file);
    const meta = asObj(doc?.object.metadata) ?? {};
    const where = `${shortPath(c.site.template)}:${c.site.line}`;
    const paths = c.deciding;
    const message = lookup
      ? `${where} calls lookup, which finds nothing under helm template (how Argo CD and Flux render): the branch that reads the live cluster never runs there.${advice(paths, true)}`
      : `${where} calls ${c.function}, which gives a new result at every render: Argo CD and Flux render at every sync, so this changes each time (endless drift, or a regenerated secret).${advice(paths, false)}`;
    const f: Finding = {
      id,
      severity: RULES[id].severity,
      message,
      why: RULES[id].why,
      resource: doc
        ? { kind: asStr(doc.object.kind) ?? '?', name: asStr(meta.name) ?? '?', template: c.file, ...(asStr(meta.namespace) ? { namespace: asStr(meta.namespace) } : {}) }
        : { kind: 'Template', name: shortPath(c.file), template: c.file },
      source: { template: c.site.template, line: c.site.line },
    };
    if (paths.length) f.valuesPath = paths[0];
    out.push(f);
  }
  return out;
}
