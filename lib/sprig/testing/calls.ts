/**
 * Test support for function-family tests: calls a FuncMap entry as a template would (with Go
 * values), renders the template text for the same call, and prints results the way
 * text/template prints them, so results can be compared with helm's output.
 */
import { type FuncMap, GoError, GoInt, GoStruct, GoTime, sortedKeys, type GoValue, goTimeString } from '../../go';

/** A template-side argument: a literal (string/int/bool) or a sub-expression. */
export type Arg = string | number | boolean | GoInt | { tpl: string; value: () => GoValue };

/** One differential case: the template text and our own evaluation of it. */
export interface Case {
  template: string;
  run: () => GoValue;
  /** The function whose error message helm reports (`error calling NAME: ...`). */
  fn: string;
}

const literal = (a: Arg): string => {
  if (typeof a === 'string') return JSON.stringify(a);
  if (typeof a === 'number' || typeof a === 'boolean') return String(a);
  if (a instanceof GoInt) return a.kind === 'int' ? a.toString() : `(${a.kind} ${a.toString()})`;
  return `(${a.tpl})`;
};
const value = (a: Arg): GoValue => {
  if (typeof a === 'number') return Number.isInteger(a) ? new GoInt(a, 'int') : a;
  if (typeof a === 'string' || typeof a === 'boolean' || a instanceof GoInt) return a;
  return a.value();
};

/** Builds a call of `name` from a FuncMap with template-literal arguments. */
export function callOf(funcs: FuncMap, name: string, ...args: Arg[]): Case & { tpl: string; value: () => GoValue } {
  const f = funcs[name];
  if (!f) throw new Error(`no function ${name}`);
  const tpl = [name, ...args.map(literal)].join(' ');
  const run = () => f.call(...args.map(value));
  return { template: `{{ ${tpl} }}`, run, fn: name, tpl, value: run };
}

/** text/template's printing of a value (`{{ . }}`), enough for these families' results. */
export function printGo(v: GoValue): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v);
  if (v instanceof GoInt) return v.toString();
  if (v instanceof GoTime) return goTimeString(v);
  if (v instanceof Map) return `map[${sortedKeys(v).map((k) => `${k}:${printGo(v.get(k))}`).join(' ')}]`;
  if (Array.isArray(v)) return `[${v.map(printGo).join(' ')}]`;
  if (v instanceof GoStruct) {
    if (v.type.stringer) return v.type.stringer(v);
    return `${v.pointer ? '&' : ''}{${v.fields.map(([, x]) => printGo(x)).join(' ')}}`;
  }
  return String(v);
}

/** Runs a case like the engine would: the printed output, or `error calling NAME: msg`. */
export function runCase(c: Case): { ok: true; output: string } | { ok: false; error: string } {
  try {
    return { ok: true, output: printGo(c.run()) };
  } catch (e) {
    if (e instanceof GoError) return { ok: false, error: `error calling ${c.fn}: ${e.message}` };
    throw e;
  }
}
