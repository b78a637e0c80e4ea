/**
 * Sprig's list functions. Each accepts any slice or array (via reflection in Go) and returns a
 * fresh []interface{}; the plain and must* forms fail with the same message (a panic in one,
 * an error in the other, which text/template reports identically).
 */
import { markNil, defineFunc, type FuncMap, GoError, GoInt, kindOf, typeInfoOf, withType, type GoSlice, type GoValue } from '../go';
import { castToInt64, intArg, isList, listItems } from './conversion';
import { isEmpty } from './defaults';
import { deepEqual } from './reflect';

const NIL_DEREF = 'runtime error: invalid memory address or nil pointer dereference';

/** The items of a list argument, or Go's error for a non-list (`Cannot <what> on type <kind>`). */
export function requireList(v: GoValue, message: (kind: string) => string): GoValue[] {
  // reflect.TypeOf(nil).Kind() dereferences a nil Type.
  if (v === null || v === undefined) throw new GoError(NIL_DEREF);
  if (!isList(v)) throw new GoError(message(kindOf(v)));
  return listItems(v);
}

const inList = (haystack: GoValue[], needle: GoValue): boolean => haystack.some((h) => deepEqual(needle, h));

function push(list: GoValue, v: GoValue): GoSlice {
  return [...requireList(list, (k) => `Cannot push on type ${k}`), v];
}

function prepend(list: GoValue, v: GoValue): GoSlice {
  return [v, ...requireList(list, (k) => `Cannot prepend on type ${k}`)];
}

function first(list: GoValue): GoValue {
  const l = requireList(list, (k) => `Cannot find first on type ${k}`);
  return l.length === 0 ? null : l[0];
}

function last(list: GoValue): GoValue {
  const l = requireList(list, (k) => `Cannot find last on type ${k}`);
  return l.length === 0 ? null : l[l.length - 1];
}

// rest/initial of an empty list are nil []interface{} in Go: printed as [], encoded as null.
function rest(list: GoValue): GoSlice {
  const l = requireList(list, (k) => `Cannot find rest on type ${k}`);
  return l.length === 0 ? markNil([]) : l.slice(1);
}

function initial(list: GoValue): GoSlice {
  const l = requireList(list, (k) => `Cannot find initial on type ${k}`);
  return l.length === 0 ? markNil([]) : l.slice(0, -1);
}

function reverse(list: GoValue): GoSlice {
  return requireList(list, (k) => `Cannot find reverse on type ${k}`).reverse();
}

function compact(list: GoValue): GoSlice {
  return requireList(list, (k) => `Cannot compact on type ${k}`).filter((x) => !isEmpty(x));
}

function uniq(list: GoValue): GoSlice {
  const out: GoValue[] = [];
  for (const x of requireList(list, (k) => `Cannot find uniq on type ${k}`)) if (!inList(out, x)) out.push(x);
  return out;
}

function without(list: GoValue, ...omit: GoValue[]): GoSlice {
  return requireList(list, (k) => `Cannot find without on type ${k}`).filter((x) => !inList(omit, x));
}

function has(needle: GoValue, haystack: GoValue): boolean {
  if (haystack === null || haystack === undefined) return false;
  return inList(
    requireList(haystack, (k) => `Cannot find has on type ${k}`),
    needle,
  );
}

/** Sprig's slice: list[start:end] keeping the list's Go type; indexes go through cast.ToInt. */
function slice(list: GoValue, ...indices: GoValue[]): GoValue {
  if (list === null || list === undefined) throw new GoError(NIL_DEREF);
  if (!isList(list)) throw new GoError(`list should be type of slice or array but ${kindOf(list)}`);
  const l = list.length;
  if (l === 0) return null;
  const start = indices.length > 0 ? Number(castToInt64(indices[0])) : 0;
  const end = indices.length < 2 ? l : Number(castToInt64(indices[1]));
  if (start < 0 || end < start || end > l) throw new GoError('reflect.Value.Slice: slice index out of bounds');
  if (list instanceof Uint8Array) return list.slice(start, end);
  const out = list.slice(start, end);
  const info = typeInfoOf(list);
  return info ? withType(out, info) : out;
}

function concat(...lists: GoValue[]): GoSlice {
  const out: GoValue[] = [];
  for (const l of lists) {
    if (l === null || l === undefined) throw new GoError(NIL_DEREF);
    if (!isList(l)) throw new GoError(`Cannot concat type ${kindOf(l)} as list`);
    out.push(...listItems(l));
  }
  // Go appends to a nil slice: with nothing appended, the result stays nil.
  return out.length === 0 ? markNil(out) : out;
}

function chunk(sizeArg: GoInt, list: GoValue): GoSlice {
  const items = requireList(list, (k) => `Cannot chunk type ${k}`);
  const size = intArg(sizeArg);
  // Go computes the chunk count with float math; any size <= 0 ends in a negative make() length.
  if (size <= 0) throw new GoError('runtime error: makeslice: len out of range');
  const out: GoValue[] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return withType(out, { name: '[][]interface {}' });
}

const listFn = (name: string, f: (l: GoValue) => GoValue, returnsError = false) =>
  defineFunc(name, ['interface {}'], f, returnsError ? { returnsError } : {});

export const listFuncs: FuncMap = {
  list: defineFunc('list', [], (...v: GoValue[]) => v, { variadic: 'interface {}' }),
  tuple: defineFunc('tuple', [], (...v: GoValue[]) => v, { variadic: 'interface {}' }),
  append: defineFunc('append', ['interface {}', 'interface {}'], push),
  push: defineFunc('push', ['interface {}', 'interface {}'], push),
  mustAppend: defineFunc('mustAppend', ['interface {}', 'interface {}'], push, { returnsError: true }),
  mustPush: defineFunc('mustPush', ['interface {}', 'interface {}'], push, { returnsError: true }),
  prepend: defineFunc('prepend', ['interface {}', 'interface {}'], prepend),
  mustPrepend: defineFunc('mustPrepend', ['interface {}', 'interface {}'], prepend, { returnsError: true }),
  first: listFn('first', first),
  mustFirst: listFn('mustFirst', first, true),
  rest: listFn('rest', rest),
  mustRest: listFn('mustRest', rest, true),
  last: listFn('last', last),
  mustLast: listFn('mustLast', last, true),
  initial: listFn('initial', initial),
  mustInitial: listFn('mustInitial', initial, true),
  reverse: listFn('reverse', reverse),
  mustReverse: listFn('mustReverse', reverse, true),
  uniq: listFn('uniq', uniq),
  mustUniq: listFn('mustUniq', uniq, true),
  compact: listFn('compact', compact),
  mustCompact: listFn('mustCompact', compact, true),
  without: defineFunc('without', ['interface {}'], without, { variadic: 'interface {}' }),
  mustWithout: defineFunc('mustWithout', ['interface {}'], without, { variadic: 'interface {}', returnsError: true }),
  has: defineFunc('has', ['interface {}', 'interface {}'], has),
  mustHas: defineFunc('mustHas', ['interface {}', 'interface {}'], has, { returnsError: true }),
  slice: defineFunc('slice', ['interface {}'], slice, { variadic: 'interface {}' }),
  mustSlice: defineFunc('mustSlice', ['interface {}'], slice, { variadic: 'interface {}', returnsError: true }),
  concat: defineFunc('concat', [], concat, { variadic: 'interface {}' }),
  chunk: defineFunc('chunk', ['int', 'interface {}'], chunk),
  mustChunk: defineFunc('mustChunk', ['int', 'interface {}'], chunk, { returnsError: true }),
};
