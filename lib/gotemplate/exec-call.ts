/**
 * Function and method calls with Go's argument rules (exec.go's evalCall, evalArg,
 * validateType, idealConstant): constants take the parameter's type, values must be
 * assignable, the previous pipeline stage's value is the last argument.
 */
import { canBeNil, assignable, EMPTY_INTERFACE, isIntKindName, isTrue, isUintKindName, REFLECT_VALUE, indirectInterface } from './exec-types';
import type { State } from './exec';
import { callBuiltinCall, IncompatibleTypesError } from './builtins';
import { isStackExhaustion, LimitError, TemplateError, lineAndByteCol } from './errors';
import { tooLongMessage, GoError, GoInt, GoStruct, type GoFunc, type GoTypeName, type GoValue, type IntKind, typeName } from '../go';
import { type Node, NodeType, type NumberNode } from './parse/node';

/** Marks "no value from a previous pipeline stage" (Go's missingVal). */
export const MISSING: unique symbol = Symbol('missing');
export type Final = typeof MISSING;

/** A number literal as a GoInt of a kind, made once per node and kind (GoInts are immutable). */
function intConstant(n: NumberNode, kind: IntKind, v: bigint): GoInt {
  const cache = (n.asInt ??= new Map()) as Map<string, GoInt>;
  let i = cache.get(kind);
  if (i === undefined) {
    i = new GoInt(v, kind);
    cache.set(kind, i);
  }
  return i;
}

/** Go's idealConstant: the value of a number literal in a context without a type. */
export function idealConstant(s: State, c: NumberNode): GoValue {
  s.at(c);
  if (c.isComplex) s.errorf(`complex constant ${c.text} is not supported`);
  const t = c.text;
  const isHexInt = t.length > 2 && t[0] === '0' && (t[1] === 'x' || t[1] === 'X') && !/[pP]/.test(t);
  const isRuneInt = t[0] === "'";
  if (c.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(t)) return c.float64;
  if (c.isInt) return intConstant(c, 'int', c.int64);
  if (c.isUint) s.errorf(`${t} overflows int`);
  return undefined;
}

/** Go's validateType: checks a value against a parameter type, converting invalid to nil. */
export function validateType(s: State, value: GoValue, typ: GoTypeName | null): GoValue {
  if (value === undefined) {
    if (typ === null || typ === REFLECT_VALUE) return undefined;
    if (canBeNil(typ)) return null;
    s.errorf(`invalid value; expected ${typ}`);
  }
  if (typ === null || typ === REFLECT_VALUE || typ === EMPTY_INTERFACE) return value;
  if (value === null) s.errorf(`wrong type for value; expected ${typ}; got interface {}`);
  if (assignable(value, typ)) return value;
  // A pointer to a struct of the wanted type is dereferenced once.
  if (value instanceof GoStruct && value.pointer && value.type.name === `*${typ}`) {
    return new GoStruct({ ...value.type, name: typ }, value.fields, false);
  }
  s.errorf(`wrong type for value; expected ${typ}; got ${typeName(value)}`);
}

/** Go's evalArg: evaluates an argument node for a parameter of type `typ` (null: untyped). */
export function evalArg(s: State, dot: GoValue, typ: GoTypeName | null, n: Node): GoValue {
  s.at(n);
  switch (n.type) {
    case NodeType.Dot:
      return validateType(s, dot, typ);
    case NodeType.Nil:
      if (typ !== null && canBeNil(typ)) return typ === REFLECT_VALUE ? undefined : null;
      s.errorf(`cannot assign nil to ${typ}`);
    case NodeType.Field:
      // Go passes []Node{n}: the field's own node, i.e. no arguments, which null also means.
      return validateType(s, s.evalFieldNode(dot, n, null, MISSING), typ);
    case NodeType.Variable:
      return validateType(s, s.evalVariableNode(dot, n, null, MISSING), typ);
    case NodeType.Pipe:
      return validateType(s, s.evalPipeline(dot, n), typ);
    case NodeType.Identifier:
      return validateType(s, evalFunctionArg(s, dot, n), typ);
    case NodeType.Chain:
      return validateType(s, s.evalChainNode(dot, n, null, MISSING), typ);
  }
  if (typ === EMPTY_INTERFACE || typ === REFLECT_VALUE) return evalEmptyInterface(s, dot, n);
  if (typ === 'bool') {
    if (n.type === NodeType.Bool) return n.value;
    s.errorf(`expected bool; found ${n}`);
  }
  if (typ === 'string') {
    if (n.type === NodeType.String) return n.text;
    s.errorf(`expected string; found ${n}`);
  }
  if (typ === 'float64' || typ === 'float32') {
    if (n.type === NodeType.Number && n.isFloat) return n.float64;
    s.errorf(`expected float; found ${n}`);
  }
  if (typ !== null && isIntKindName(typ)) {
    if (n.type === NodeType.Number && n.isInt) return intConstant(n, typ as IntKind, n.int64);
    s.errorf(`expected integer; found ${n}`);
  }
  if (typ !== null && isUintKindName(typ)) {
    if (n.type === NodeType.Number && n.isUint) return intConstant(n, typ as IntKind, n.uint64);
    s.errorf(`expected unsigned integer; found ${n}`);
  }
  if (typ === 'complex128' || typ === 'complex64') s.errorf(`expected complex; found ${n}`);
  s.errorf(`can't handle ${n} for arg of type ${typ}`);
}

function evalFunctionArg(s: State, dot: GoValue, n: Node & { type: NodeType.Identifier }): GoValue {
  return s.evalFunction(dot, n, n, null, MISSING);
}

function evalEmptyInterface(s: State, dot: GoValue, n: Node): GoValue {
  s.at(n);
  switch (n.type) {
    case NodeType.Bool:
      return n.value;
    case NodeType.Number:
      return idealConstant(s, n);
    case NodeType.String:
      return n.text;
  }
  s.errorf(`can't handle assignment of ${n} to empty interface argument`);
}

/**
 * Calls a function or method. `args` includes the function's own node at index 0 (as Go's
 * evalCall receives it); `final` is the previous pipeline stage's value, if any.
 */
export function evalCall(
  s: State,
  dot: GoValue,
  fn: GoFunc,
  isBuiltin: boolean,
  node: Node,
  name: string,
  args: Node[] | null,
  final: GoValue | Final,
): GoValue {
  const numArgs = args ? args.length - 1 : 0;
  const params = fn.params;
  const variadic = fn.variadic;
  const numIn = numArgs + (final !== MISSING ? 1 : 0);
  let numFixed = numArgs;
  if (variadic !== undefined) {
    numFixed = params.length;
    if (numIn < numFixed) s.errorf(`wrong number of args for ${name}: want at least ${params.length} got ${numArgs}`);
  } else if (numIn !== params.length) {
    s.errorf(`wrong number of args for ${name}: want ${params.length} got ${numIn}`);
  }

  // and/or short-circuit and return the deciding value.
  if (isBuiltin && (name === 'and' || name === 'or')) {
    let v: GoValue = undefined;
    for (let i = 1; i <= numArgs; i++) {
      v = evalArg(s, dot, REFLECT_VALUE, args![i]);
      if (isTrue(indirectInterface(v)) === (name === 'or')) return v;
    }
    if (final !== MISSING) v = validateType(s, final, REFLECT_VALUE);
    return v;
  }

  const argv: GoValue[] = new Array(numIn);
  let i = 0;
  for (; i < numFixed && i < numArgs; i++) argv[i] = evalArg(s, dot, params[i], args![i + 1]);
  if (variadic !== undefined) for (; i < numArgs; i++) argv[i] = evalArg(s, dot, variadic, args![i + 1]);
  if (final !== MISSING) {
    let t: GoTypeName;
    if (variadic !== undefined) t = numIn - 1 < numFixed ? params[numIn - 1] : variadic;
    else t = params[params.length - 1];
    argv[i] = validateType(s, final, t);
  }

  // A function receives copies: an addressable struct value loses its pointer-receiver methods.
  for (let k = 0; k < numIn; k++) {
    const a = argv[k];
    if (a instanceof GoStruct && a.addressable) argv[k] = new GoStruct(a.type, a.fields, a.pointer, false);
  }

  let calleeName = '';
  if (isBuiltin && name === 'call') calleeName = numArgs === 0 ? String(final as GoValue) : String(args![1]);

  const observer = s.observer;
  if (observer !== undefined && observer.names.has(name)) {
    const at = args?.[0] ?? node;
    observer.call(name, { template: at.tree.parseName, pos: at.pos, line: lineAndByteCol(at.tree.text, at.pos).line }, argv);
  }
  if (s.tracer !== undefined) s.tracer.call(name, args?.[0] ?? node);
  try {
    return calleeName ? callBuiltinCall(calleeName, argv) : fn.call(...argv);
  } catch (e) {
    if (e instanceof LimitError) throw e;
    s.at(node);
    s.errorf(`error calling ${name}: ${e instanceof IncompatibleTypesError ? e.textFor(s.go) : errorText(e)}`, e);
  }
}

function errorText(e: unknown): string {
  // Go's stacks grow as needed; JavaScript's don't. Say so rather than quote V8.
  if (isStackExhaustion(e)) return 'value nested too deeply for chartroom (JavaScript stack exhausted)';
  if (e instanceof RangeError && /Invalid string length/i.test(e.message)) return tooLongMessage(undefined);
  if (e instanceof RangeError && /Invalid (typed )?array length|allocation failed/i.test(e.message)) return 'a list or byte string longer than chartroom renders';
  if (e instanceof GoError || e instanceof TemplateError || e instanceof Error) return e.message;
  return String(e);
}
