/**
 * Test support: evaluates the argument list of a template action like
 * `printf "%d" 255 .Values.x (list 1 "a")` into the Go values text/template would pass, so fmt
 * can be compared against helm before the template executor exists.
 */
import { parse as parseYaml } from 'yaml';
import { parseFloat as goParseFloat, unquote } from '../../lib/go/strconv/index';
import { GoInt, GoStruct, type GoValue, fromPlain, goMap } from '../../lib/go/value';

/** Splits an action into tokens: strings, raw strings, chars, parens and words. */
function tokenize(src: string): string[] {
  const re = /\s*("(?:[^"\\]|\\.)*"|`[^`]*`|'(?:[^'\\]|\\.)+'|\(|\)|[^\s()]+)/gy;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(src))) {
    out.push(m[1]);
    end = re.lastIndex;
  }
  if (src.slice(end).trim()) throw new Error(`cannot tokenize ${src}`);
  return out;
}

function lookup(values: GoValue, path: string): GoValue {
  let v: GoValue = values;
  for (const k of path.split('.').filter(Boolean)) v = v instanceof Map ? v.get(k) : v instanceof GoStruct ? v.field(k) : undefined;
  // A missing key reaches a function as a nil interface.
  return v === undefined ? null : v;
}

/** A template number literal: integers are `int`, anything with a fraction or exponent is float64. */
function numberLiteral(t: string): GoValue {
  if (/^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*)$/.test(t)) {
    const neg = t.startsWith('-');
    const body = t.replace(/^[+-]/, '').replace(/_/g, '');
    const v = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body);
    return new GoInt(neg ? -v : v, 'int');
  }
  return Number(t.replace(/_/g, ''));
}

export type Fn = (args: GoValue[]) => GoValue;
const FUNCS: Record<string, Fn> = {
  list: (a) => a,
  dict: (a) => {
    const m = goMap();
    for (let i = 0; i < a.length; i += 2) m.set(String(a[i]), a[i + 1] ?? null);
    return m;
  },
  int64: (a) => new GoInt(a[0] instanceof GoInt ? a[0].v : BigInt(Math.trunc(Number(a[0]))), 'int64'),
  int: (a) => new GoInt(a[0] instanceof GoInt ? a[0].v : BigInt(Math.trunc(Number(a[0]))), 'int'),
  float64: (a) => (typeof a[0] === 'string' ? goParseFloat(a[0]) : a[0] instanceof GoInt ? a[0].toNumber() : (a[0] as number)),
  len: (a) => new GoInt(typeof a[0] === 'string' ? new TextEncoder().encode(a[0]).length : (a[0] as GoValue[]).length, 'int'),
};

/** Evaluates `fn arg arg...` tokens; returns the function name and its evaluated arguments. */
export function evalAction(
  src: string,
  valuesYaml: string,
  /** Extra top-level objects (`.Chart`, `.Files`) and functions for the case. */
  extra: { objects?: Record<string, GoValue>; funcs?: Record<string, Fn> } = {},
): { fn: string; args: GoValue[] } {
  const values = goMap([['Values', fromPlain(parseYaml(valuesYaml) ?? {})], ...Object.entries(extra.objects ?? {})]);
  const funcs = { ...FUNCS, ...extra.funcs };
  const toks = tokenize(src);
  let pos = 0;
  const term = (): GoValue => {
    const t = toks[pos++];
    if (t === '(') {
      const name = toks[pos++];
      const args: GoValue[] = [];
      while (toks[pos] !== ')') args.push(term());
      pos++;
      const f = funcs[name];
      if (!f) throw new Error(`unknown function ${name}`);
      return f(args);
    }
    if (t[0] === '"' || t[0] === '`') return unquote(t);
    if (t[0] === "'") return new GoInt(unquote(t).codePointAt(0)!, 'int');
    if (t === 'nil') return null;
    if (t === 'true' || t === 'false') return t === 'true';
    if (t[0] === '.') return lookup(values, t);
    return numberLiteral(t);
  };
  const fn = toks[pos++];
  const args: GoValue[] = [];
  while (pos < toks.length) args.push(term());
  return { fn, args };
}
