import type { FuncEffect, GoFunc, GoTypeName, GoValue } from './value';

/** Functions available to a template by name (Go's template.FuncMap). */
export type FuncMap = Record<string, GoFunc>;

/**
 * Declares a template function with its Go signature, so that the engine converts and checks
 * arguments exactly as text/template does (`wrong type for value; expected int; got float64`).
 *
 * @example defineFunc('repeat', ['int', 'string'], (n, s) => ...)
 * @example defineFunc('list', [], (...items) => items, { variadic: 'interface {}' })
 * @example defineFunc('now', [], () => goNow(), { effect: 'clock' })
 */
export function defineFunc(
  name: string,
  params: readonly GoTypeName[],
  call: (...args: any[]) => GoValue,
  opts: { variadic?: GoTypeName; returnsError?: boolean; effect?: FuncEffect } = {},
): GoFunc {
  return { kind: 'func', name, params, call, ...opts };
}
