/**
 * The functions every template has (Go 1.23 text/template funcs.go): and, or, not, len,
 * index, slice, print, printf, println, eq, ne, lt, le, gt, ge, html, js, urlquery, call.
 * Parameters typed `reflect.Value` receive values unconverted: `undefined` is Go's invalid
 * value, `null` a nil interface.
 */
import { htmlEscapeString, jsEscapeString, urlQueryEscape } from './escape';
import {
  assignable,
  canBeNil,
  indirectInterface,
  isIntKindName,
  isTrue,
  isUintKindName,
  mapElemType,
  REFLECT_VALUE,
  zeroOf,
} from './exec-types';
import { sprint, sprintf, sprintln, byteLength, defineFunc, type FuncMap, compareGoStrings, GoError, GoInt, GoStruct, GoTime, type GoFunc, type GoValue, isGoFunc, typeInfoOf, typeName, withType } from '../go';

const RV = REFLECT_VALUE;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fail(msg: string): never {
  throw new GoError(msg);
}

/** Comparing values of different basic kinds; Go 1.24 added the two types to the message. */
export class IncompatibleTypesError extends GoError {
  constructor(
    readonly typeA: string,
    readonly typeB: string,
  ) {
    super('incompatible types for comparison');
  }
  /** The text of the given Go release. */
  textFor(go: '1.23' | '1.25'): string {
    return go === '1.23' ? this.message : `${this.message}: ${this.typeA} and ${this.typeB}`;
  }
}

// indexArg: an index must be an integer within [0, cap].
function indexArg(index: GoValue, cap: number): number {
  if (!(index instanceof GoInt)) {
    if (index === undefined || index === null) fail('cannot index slice/array with nil');
    fail(`cannot index slice/array with type ${typeName(index)}`);
  }
  const x = index.signed ? index.v : BigInt.asIntN(64, index.v);
  if (x < 0n || x > BigInt(cap)) fail(`index out of range: ${x}`);
  return Number(x);
}

function isASCII(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function index(item: GoValue, ...indexes: GoValue[]): GoValue {
  item = indirectInterface(item);
  if (item === undefined) fail('index of untyped nil');
  for (let raw of indexes) {
    const idx = indirectInterface(raw);
    if (item === null) fail('index of nil pointer');
    if (Array.isArray(item)) {
      const x = indexArg(idx, item.length);
      if (x >= item.length) fail('reflect: slice index out of range');
      item = item[x];
    } else if (item instanceof Uint8Array) {
      const x = indexArg(idx, item.length);
      if (x >= item.length) fail('reflect: slice index out of range');
      item = new GoInt(item[x], 'uint8');
    } else if (typeof item === 'string') {
      const bytes = isASCII(item) ? null : encoder.encode(item);
      const len = bytes ? bytes.length : item.length;
      const x = indexArg(idx, len);
      if (x >= len) fail('reflect: string index out of range');
      item = new GoInt(bytes ? bytes[x] : item.charCodeAt(x), 'uint8');
    } else if (item instanceof Map) {
      if (idx === undefined) fail('value is nil; should be of type string');
      if (typeof idx !== 'string') fail(`value has type ${typeName(idx)}; should be string`);
      item = item.has(idx) ? item.get(idx) : zeroOf(mapElemType(item));
    } else {
      fail(`can't index item of type ${typeName(item)}`);
    }
  }
  return item;
}

function slice(item: GoValue, ...indexes: GoValue[]): GoValue {
  item = indirectInterface(item);
  if (item === undefined) fail('slice of untyped nil');
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Uint8Array | null = null;
  if (typeof item === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    bytes = isASCII(item) ? null : encoder.encode(item);
    len = bytes ? bytes.length : item.length;
  } else if (Array.isArray(item) || item instanceof Uint8Array) {
    len = item.length;
  } else {
    fail(`can't slice item of type ${typeName(item)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((ix, i) => (idx[i] = indexArg(ix, len)));
  if (idx[0] > idx[1]) fail(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1] > idx[2]) fail(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (typeof item === 'string') return bytes ? decoder.decode(bytes.subarray(idx[0], idx[1])) : item.slice(idx[0], idx[1]);
  if (item instanceof Uint8Array) return item.slice(idx[0], idx[1]);
  const out = item.slice(idx[0], idx[1]);
  const info = typeInfoOf(item);
  return info ? withType(out, info) : out;
}

function length(item: GoValue): GoValue {
  if (item === null) fail('len of nil pointer');
  if (item === undefined) fail('reflect: call of reflect.Value.Type on zero Value');
  if (typeof item === 'string') return new GoInt(byteLength(item));
  if (item instanceof Map) return new GoInt(item.size);
  if (Array.isArray(item) || item instanceof Uint8Array) return new GoInt(item.length);
  fail(`len of type ${typeName(item)}`);
}

// ---- comparison ----

const enum Kind {
  Invalid,
  Bool,
  Int,
  Float,
  String,
  Uint,
}

function basicKind(v: GoValue): Kind {
  switch (typeof v) {
    case 'boolean':
      return Kind.Bool;
    case 'number':
      return Kind.Float;
    case 'string':
      return Kind.String;
  }
  if (v instanceof GoInt) return v.signed ? Kind.Int : Kind.Uint;
  return Kind.Invalid;
}

function comparable(v: GoValue): boolean {
  return !(v instanceof Map || Array.isArray(v) || v instanceof Uint8Array || isGoFunc(v));
}

function sameValue(a: GoValue, b: GoValue): boolean {
  if (a instanceof GoStruct && b instanceof GoStruct) {
    if (a.pointer || b.pointer) return a === b;
    return a.type.name === b.type.name && a.fields.every(([k, x], i) => b.fields[i]?.[0] === k && sameValue(x, b.fields[i][1]));
  }
  if (a instanceof GoTime && b instanceof GoTime) return a.epochMs === b.epochMs && a.nanos === b.nanos && a.zone === b.zone;
  if (a instanceof GoInt && b instanceof GoInt) return a.kind === b.kind && a.typeName === b.typeName && a.v === b.v;
  return a === b;
}

function eq(arg1: GoValue, ...arg2: GoValue[]): boolean {
  arg1 = indirectInterface(arg1);
  if (arg2.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (let arg of arg2) {
    arg = indirectInterface(arg);
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      // Integers compare regardless of signedness.
      if (k1 === Kind.Int && k2 === Kind.Uint) truth = (arg1 as GoInt).v >= 0n && (arg1 as GoInt).v === (arg as GoInt).v;
      else if (k1 === Kind.Uint && k2 === Kind.Int) truth = (arg as GoInt).v >= 0n && (arg1 as GoInt).v === (arg as GoInt).v;
      else if (arg1 !== undefined && arg !== undefined) throw new IncompatibleTypesError(typeName(arg1), typeName(arg));
    } else {
      switch (k1) {
        case Kind.Bool:
        case Kind.Float:
        case Kind.String:
          truth = arg1 === arg;
          break;
        case Kind.Int:
        case Kind.Uint:
          truth = (arg1 as GoInt).v === (arg as GoInt).v;
          break;
        default: {
          const kindA = arg1 === undefined ? 'invalid' : nonBasicKind(arg1);
          const kindB = arg === undefined ? 'invalid' : nonBasicKind(arg);
          if (kindA !== kindB && kindA !== 'invalid' && kindB !== 'invalid') {
            fail(`non-comparable types ${sprintf('%s', [arg1])}: ${typeName(arg1)}, ${typeName(arg)}: ${sprintf('%v', [arg])}`);
          }
          if (arg1 === undefined || arg === undefined) truth = arg1 === arg;
          else {
            if (!comparable(arg)) fail(`non-comparable type ${sprintf('%s', [arg])}: ${typeName(arg)}`);
            truth = sameValue(arg1, arg);
          }
        }
      }
    }
    if (truth) return true;
  }
  return false;
}

function nonBasicKind(v: GoValue): string {
  if (v instanceof Map) return 'map';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoStruct) return v.pointer ? 'ptr' : 'struct';
  if (v instanceof GoTime) return 'struct';
  return 'func';
}

function lt(arg1: GoValue, arg2: GoValue): boolean {
  arg1 = indirectInterface(arg1);
  const k1 = basicKind(arg1);
  if (k1 === Kind.Invalid) fail('invalid type for comparison');
  arg2 = indirectInterface(arg2);
  const k2 = basicKind(arg2);
  if (k2 === Kind.Invalid) fail('invalid type for comparison');
  if (k1 !== k2) {
    if (k1 === Kind.Int && k2 === Kind.Uint) return (arg1 as GoInt).v < 0n || (arg1 as GoInt).v < (arg2 as GoInt).v;
    if (k1 === Kind.Uint && k2 === Kind.Int) return (arg2 as GoInt).v >= 0n && (arg1 as GoInt).v < (arg2 as GoInt).v;
    throw new IncompatibleTypesError(typeName(arg1), typeName(arg2));
  }
  switch (k1) {
    case Kind.Bool:
      fail('invalid type for comparison');
    case Kind.Float:
      return (arg1 as number) < (arg2 as number);
    case Kind.String:
      return compareGoStrings(arg1 as string, arg2 as string) < 0;
    default:
      return (arg1 as GoInt).v < (arg2 as GoInt).v;
  }
}

function le(a: GoValue, b: GoValue): boolean {
  return lt(a, b) || eq(a, b);
}

// ---- printing and escaping ----

/** fmt.Sprint of the args, except that a nil argument prints as `<no value>` (Go's evalArgs). */
function evalArgs(args: GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

// ---- call ----

function prepareArg(value: GoValue, argType: string): GoValue {
  if (value === undefined) {
    if (!canBeNil(argType)) fail(`value is nil; should be of type ${argType}`);
    return null;
  }
  if (value === null || assignable(value, argType)) return value;
  if (value instanceof GoInt && (isIntKindName(argType) || isUintKindName(argType))) return new GoInt(value.v, argType as GoInt['kind']);
  fail(`value has type ${typeName(value)}; should be ${argType}`);
}

/** The `call` builtin: calls a function value with Go's argument checks. */
export function callBuiltinCall(name: string, argv: GoValue[]): GoValue {
  const fn = indirectInterface(argv[0]);
  const args = argv.slice(1);
  if (fn === undefined) fail('call of nil');
  if (!isGoFunc(fn)) fail(`non-function ${name} of type ${typeName(fn)}`);
  const numIn = fn.params.length;
  if (fn.variadic !== undefined) {
    if (args.length < numIn) fail(`wrong number of args for ${name}: got ${args.length} want at least ${numIn}`);
  } else if (args.length !== numIn) {
    fail(`wrong number of args for ${name}: got ${args.length} want ${numIn}`);
  }
  const prepared = args.map((a, i) => {
    const t = i < numIn ? fn.params[i] : fn.variadic!;
    try {
      return prepareArg(indirectInterface(a), t);
    } catch (e) {
      fail(`arg ${i}: ${(e as Error).message}`);
    }
  });
  return fn.call(...prepared);
}

function unreachable(): never {
  throw new Error('unreachable: implemented in evalCall');
}

const BUILTINS: FuncMap = {
  and: defineFunc('and', [RV], unreachable, { variadic: RV }),
  or: defineFunc('or', [RV], unreachable, { variadic: RV }),
  not: defineFunc('not', [RV], (a: GoValue) => !isTrue(indirectInterface(a))),
  call: defineFunc('call', [RV], unreachable, { variadic: RV, returnsError: true }),
  html: defineFunc('html', [], (...a: GoValue[]) => htmlEscapeString(evalArgs(a)), { variadic: 'interface {}' }),
  js: defineFunc('js', [], (...a: GoValue[]) => jsEscapeString(evalArgs(a)), { variadic: 'interface {}' }),
  urlquery: defineFunc('urlquery', [], (...a: GoValue[]) => urlQueryEscape(evalArgs(a)), { variadic: 'interface {}' }),
  index: defineFunc('index', [RV], index, { variadic: RV, returnsError: true }),
  slice: defineFunc('slice', [RV], slice, { variadic: RV, returnsError: true }),
  len: defineFunc('len', [RV], length, { returnsError: true }),
  print: defineFunc('print', [], (...a: GoValue[]) => sprint(a), { variadic: 'interface {}' }),
  printf: defineFunc('printf', ['string'], (f: string, ...a: GoValue[]) => sprintf(f, a), { variadic: 'interface {}' }),
  println: defineFunc('println', [], (...a: GoValue[]) => sprintln(a), { variadic: 'interface {}' }),
  eq: defineFunc('eq', [RV], eq, { variadic: RV, returnsError: true }),
  ne: defineFunc('ne', [RV, RV], (a: GoValue, b: GoValue) => !eq(a, b), { returnsError: true }),
  lt: defineFunc('lt', [RV, RV], lt, { returnsError: true }),
  le: defineFunc('le', [RV, RV], le, { returnsError: true }),
  gt: defineFunc('gt', [RV, RV], (a: GoValue, b: GoValue) => !le(a, b), { returnsError: true }),
  ge: defineFunc('ge', [RV, RV], (a: GoValue, b: GoValue) => !lt(a, b), { returnsError: true }),
};

/** The builtin function of that name, if any. */
export function builtin(name: string): GoFunc | undefined {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
}

/** Names of all builtins. */
export const BUILTIN_NAMES: readonly string[] = Object.keys(BUILTINS);
