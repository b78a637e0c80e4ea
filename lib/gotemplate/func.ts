import type { GoFunc, GoTypeName, GoValue } from '../go/value';

/** Functions available to a template by name (Go's template.FuncMap). */
export type FuncMap = Record<string, GoFunc>;

/**
 * Declares a template function with its Go signature, so that the engine converts and checks
 * arguments exactly as text/template does (`wrong type for value; expected int; got float64`).
 *
 * @example defineFunc('repeat', ['int', 'string'], (n, s) => ...)
 * @example defineFunc('list', [], (...items) => items, { variadic: 'interface {}' })
 */
export function defineFunc(
  name: string,
  params: readonly GoTypeName[],
  call: (...args: any[]) => GoValue,
  opts: { variadic?: GoTypeName; returnsError?: boolean } = {},
): GoFunc {
  return { kind: 'func', name, params, call, ...opts };
}
