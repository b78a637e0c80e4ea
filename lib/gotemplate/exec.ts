/**
 * Template execution, modelled on Go's text/template/exec.go: walks a parsed tree against a
 * data value and produces output. Function calls and argument conversion live in
 * exec-call.ts; Go's type rules in exec-types.ts.
 *
 * Go values carry static types; the one that shows in behaviour is `interface {}`: a value
 * fetched from a `map[string]interface{}` or `[]interface{}` is an interface until a pipeline
 * stage ends, so `.a.b` on a nil entry fails with "nil pointer evaluating interface {}.b"
 * and errors name `interface {}` as the type. We track that with a flag beside dot, each
 * variable and each field-chain step.
 */
import { execError, isStackExhaustion, LimitError, TemplateError } from './errors';
import { evalArg, evalCall, idealConstant, MISSING, type Final } from './exec-call';
import { indirectInterface, isTrue, mapElemType, sliceElemIsInterface, zeroOf, EMPTY_INTERFACE } from './exec-types';
import { sprint, sprintf, quote, GoInt, GoStruct, type GoFunc, type GoValue, isGoFunc, sortedKeys, methodOf, typeInfoOf, typeName } from '../go';
import {
  type ActionNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  NodeType,
  type PipeNode,
  type TemplateNode,
  type VariableNode,
} from './parse/node';
import { printableValue } from './escape';
import type { ExecTracer } from './tracer';

/** How a missing map key evaluates (Go's missingkey option). */
export const enum MissingKey {
  Invalid,
  Zero,
  Error,
}

/** What the executor needs from a template (see template.ts). */
export interface ExecTemplate {
  readonly name: string;
  readonly root: ListNode | null;
  lookup(name: string): ExecTemplate | undefined;
  findFunction(name: string): { fn: GoFunc; builtin: boolean } | undefined;
  readonly missingKey: MissingKey;
}

/** Limits that keep a runaway template from hanging the page. */
export interface ExecOptions {
  /** Nested {{template}} calls allowed (Go allows 100000; the default is what the JS stack holds). */
  maxDepth?: number;
  /** Output size limit in UTF-16 code units. */
  maxOutputBytes?: number;
  /** Wall-clock budget in milliseconds for this execution. */
  deadlineMs?: number;
  /** Polled periodically; return true to abort. */
  checkAbort?: () => boolean;
  /** Told of every call to the functions it names, just before the call. */
  observer?: CallObserver;
  /**
   * The Go release whose messages to reproduce where they changed: Go 1.24 names both types in
   * `incompatible types for comparison` (helm 4 is built with Go 1.25, helm 3.17 with 1.23).
   */
  go?: GoRelease;
  /** Told which node wrote each piece of output (see tracer.ts); tracing renders only. */
  tracer?: ExecTracer;
}

/** Where a function call is written: the template text it is in and its offset there. */
export interface CallSite {
  /** The file the call is written in (its parse name). */
  template: string;
  /** UTF-16 offset of the function's name in that file. */
  pos: number;
  /** 1-based line of the call. */
  line: number;
}

/** Watches calls of some functions (their results, their sites), e.g. to report or pin them. */
export interface CallObserver {
  readonly names: ReadonlySet<string>;
  call(name: string, site: CallSite, args: readonly GoValue[]): void;
}

/** Go releases whose text/template messages differ. */
export type GoRelease = '1.23' | '1.25';

/** Go's maxExecDepth, quoted in the depth error. */
export const GO_MAX_EXEC_DEPTH = 100000;
const DEFAULT_MAX_DEPTH = 1500;
const POLL_EVERY = 1024;

const NONE = 0;
const BREAK = 1;
const CONTINUE = 2;
type Signal = typeof NONE | typeof BREAK | typeof CONTINUE;


/** The state of one execution (Go's `state`). */
export class State {
  out = '';
  node: Node | null = null;
  /** Whether the current dot is statically `interface {}`. */
  dotIface = false;
  /** Whether the last evaluated field-chain step yielded a statically `interface {}` value. */
  lastIface = false;
  varNames: string[] = [];
  varValues: GoValue[] = [];
  varIfaces: boolean[] = [];
  nVars = 0;
  /** Index of the executing template's `$`; variables below belong to callers. */
  varBase = 0;
  depth = 0;
  private steps = 0;
  private readonly maxDepth: number;
  private readonly maxOutput: number;
  private readonly deadline: number;
  private readonly checkAbort?: () => boolean;
  readonly observer?: CallObserver;
  readonly tracer?: ExecTracer;
  readonly go: GoRelease;

  constructor(
    public tmpl: ExecTemplate,
    opts: ExecOptions = {},
  ) {
    this.maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxOutput = opts.maxOutputBytes ?? Infinity;
    this.deadline = opts.deadlineMs === undefined ? Infinity : Date.now() + opts.deadlineMs;
    this.checkAbort = opts.checkAbort;
    this.observer = opts.observer;
    this.tracer = opts.tracer;
    this.go = opts.go ?? '1.23';
  }

  // ---- variables ----
  // A stack with an explicit height: popping just lowers the height, which is much cheaper
  // than truncating arrays on every {{end}}.

  push(name: string, value: GoValue, iface: boolean): void {
    const n = this.nVars++;
    this.varNames[n] = name;
    this.varValues[n] = value;
    this.varIfaces[n] = iface;
  }

  mark(): number {
    return this.nVars;
  }

  pop(mark: number): void {
    this.nVars = mark;
  }

  setVar(name: string, value: GoValue, iface: boolean): void {
    for (let i = this.nVars - 1; i >= this.varBase; i--) {
      if (this.varNames[i] === name) {
        this.varValues[i] = value;
        this.varIfaces[i] = iface;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: GoValue, iface: boolean): void {
    const i = this.nVars - n;
    this.varValues[i] = value;
    this.varIfaces[i] = iface;
  }

  varValue(name: string): GoValue {
    for (let i = this.nVars - 1; i >= this.varBase; i--) {
      if (this.varNames[i] === name) {
        this.lastIface = this.varIfaces[i];
        return this.varValues[i];
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // ---- errors and output ----

  at(node: Node): void {
    this.node = node;
  }

  /** Raises an execution error located at the current node. */
  errorf(detail: string, cause?: unknown): never {
    const n = this.node;
    throw execError(this.tmpl.name, n ? { text: n.tree.text, parseName: n.tree.parseName, pos: n.pos, context: n.toString() } : null, detail, cause);
  }

  write(s: string): void {
    this.out += s;
    if (this.out.length > this.maxOutput) throw new LimitError(`template output exceeds the limit of ${this.maxOutput} bytes`);
  }

  private poll(): void {
    if (++this.steps < POLL_EVERY) return;
    this.steps = 0;
    if (Date.now() > this.deadline) throw new LimitError('template execution exceeded its time budget');
    if (this.checkAbort?.()) throw new LimitError('template execution aborted');
  }

  // ---- walking ----

  /** Executes a node, returning a break/continue signal for the enclosing range. */
  walk(dot: GoValue, node: Node): Signal {
    this.at(node);
    switch (node.type) {
      case NodeType.Text:
        if (this.tracer !== undefined) this.tracer.text(node, this.out.length);
        this.write(node.text);
        return NONE;
      case NodeType.Action: {
        const tracer = this.tracer;
        if (tracer !== undefined) tracer.beginPipeline();
        // Declared variables persist to the enclosing {{end}}; a declaration prints nothing.
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) {
          const start = this.out.length;
          this.printValue(node, val);
          if (tracer !== undefined) tracer.action(node, start, this.out.length, this.out);
        }
        return NONE;
      }
      case NodeType.List: {
        this.poll();
        const nodes = node.nodes;
        for (let i = 0; i < nodes.length; i++) {
          const sig = this.walk(dot, nodes[i]);
          if (sig !== NONE) return sig;
        }
        return NONE;
      }
      case NodeType.If:
      case NodeType.With:
        return this.walkIfOrWith(dot, node);
      case NodeType.Range:
        return this.walkRange(dot, node);
      case NodeType.Template:
        this.walkTemplate(dot, node);
        return NONE;
      case NodeType.Break:
        return BREAK;
      case NodeType.Continue:
        return CONTINUE;
      case NodeType.Comment:
        return NONE;
    }
    this.errorf(`unknown node: ${node}`);
  }

  private walkIfOrWith(dot: GoValue, node: BranchNode): Signal {
    const mark = this.mark();
    const tracer = this.tracer;
    if (tracer !== undefined) tracer.beginPipeline();
    const val = this.evalPipeline(dot, node.pipe);
    if (tracer !== undefined) tracer.enterBranch();
    let sig: Signal = NONE;
    if (isTrue(indirectInterface(val))) {
      if (node.type === NodeType.With) {
        const saved = this.dotIface;
        this.dotIface = false;
        sig = this.walk(val, node.list);
        this.dotIface = saved;
      } else {
        sig = this.walk(dot, node.list);
      }
    } else if (node.elseList) {
      sig = this.walk(dot, node.elseList);
    }
    if (tracer !== undefined) tracer.leaveBranch();
    this.pop(mark);
    return sig;
  }

  private walkRange(dot: GoValue, r: BranchNode): Signal {
    this.at(r);
    const outer = this.mark();
    const tracer = this.tracer;
    if (tracer !== undefined) tracer.beginPipeline();
    const val = this.evalPipeline(dot, r.pipe);
    // A map's keys are taken before the body runs, so a tracer counts that walk among the reads deciding it.
    const keys = val instanceof Map ? sortedKeys(val) : undefined;
    if (tracer !== undefined) tracer.enterBranch();
    const mark = this.mark();
    const decl = r.pipe.decl;
    let ran = false;
    if (Array.isArray(val)) {
      const iface = sliceElemIsInterface(val);
      for (let i = 0; i < val.length; i++) {
        ran = true;
        if (this.iteration(r, mark, decl.length > 1 ? new GoInt(i) : undefined, val[i], iface) === BREAK) break;
      }
    } else if (val instanceof Uint8Array) {
      for (let i = 0; i < val.length; i++) {
        ran = true;
        if (this.iteration(r, mark, decl.length > 1 ? new GoInt(i) : undefined, new GoInt(val[i], 'uint8'), false) === BREAK) break;
      }
    } else if (val instanceof Map) {
      const iface = mapElemType(val) === EMPTY_INTERFACE;
      for (const k of keys!) {
        ran = true;
        if (this.iteration(r, mark, k, val.get(k), iface) === BREAK) break;
      }
    } else if (val instanceof GoInt && this.go === '1.25') {
      // Go 1.24 ranges over an integer n: 0 … n-1, of n's type, one variable at most.
      if (decl.length > 1) this.errorf(`can't use ${sprintf('%v', [val])} to iterate over more than one variable`);
      for (let i = 0n; i < val.v; i++) {
        ran = true;
        if (this.iteration(r, mark, undefined, new GoInt(i, val.kind, val.typeName), false) === BREAK) break;
      }
    } else if (val !== undefined) {
      this.errorf(`range can't iterate over ${sprintf('%v', [val])}`);
    }
    if (!ran && r.elseList) this.walk(dot, r.elseList);
    if (tracer !== undefined) tracer.leaveBranch();
    this.pop(outer);
    return NONE;
  }

  private iteration(r: BranchNode, mark: number, index: GoValue, elem: GoValue, elemIface: boolean): Signal {
    const decl = r.pipe.decl;
    if (decl.length > 0) {
      if (r.pipe.isAssign) {
        // With two variables the index comes first; with one, the element.
        if (decl.length > 1) this.setVar(decl[0].ident[0], index, false);
        else this.setVar(decl[0].ident[0], elem, elemIface);
      } else {
        this.setTopVar(1, elem, elemIface);
      }
    }
    if (decl.length > 1) {
      if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem, elemIface);
      else this.setTopVar(2, index, false);
    }
    const saved = this.dotIface;
    this.dotIface = elemIface;
    const sig = this.walk(elem, r.list);
    this.dotIface = saved;
    this.pop(mark);
    return sig;
  }

  private walkTemplate(dot: GoValue, t: TemplateNode): void {
    this.at(t);
    const tmpl = this.tmpl.lookup(t.name);
    if (!tmpl || !tmpl.root) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth >= this.maxDepth) this.errorf(`exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`);
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : undefined;
    // No dynamic scoping: the called template sees only `$`, set to its dot.
    // The callee's variables go above ours; its lookups stop at its own `$`.
    const saved = { tmpl: this.tmpl, base: this.varBase, n: this.nVars, dotIface: this.dotIface };
    this.tmpl = tmpl;
    this.varBase = this.nVars;
    this.push('$', newDot, false);
    this.dotIface = false;
    this.depth++;
    if (this.tracer !== undefined) this.tracer.enterTemplate(t);
    try {
      this.walk(newDot, tmpl.root);
    } finally {
      if (this.tracer !== undefined) this.tracer.leaveTemplate();
      this.depth--;
      this.tmpl = saved.tmpl;
      this.varBase = saved.base;
      this.nVars = saved.n;
      this.dotIface = saved.dotIface;
    }
  }

  // ---- evaluation ----

  /** Evaluates a pipeline, pushing (or assigning) its declared variables. */
  evalPipeline(dot: GoValue, pipe: PipeNode): GoValue {
    this.at(pipe);
    let value: GoValue | Final = MISSING;
    const cmds = pipe.cmds;
    for (let i = 0; i < cmds.length; i++) {
      value = this.evalCommand(dot, cmds[i], value);
      // A stage's interface{} result is unwrapped: a nil interface becomes the invalid value.
      if (value === null) value = undefined;
    }
    const v = value as GoValue;
    const decl = pipe.decl;
    for (let i = 0; i < decl.length; i++) {
      if (pipe.isAssign) this.setVar(decl[i].ident[0], v, false);
      else this.push(decl[i].ident[0], v, false);
    }
    return v;
  }

  notAFunction(args: Node[] | null, final: GoValue | Final): void {
    if ((args && args.length > 1) || final !== MISSING) this.errorf(`can't give argument to non-function ${args![0]}`);
  }

  evalCommand(dot: GoValue, cmd: CommandNode, final: GoValue | Final): GoValue {
    const first = cmd.args[0];
    switch (first.type) {
      case NodeType.Field:
        return this.evalFieldNode(dot, first, cmd.args, final);
      case NodeType.Chain:
        return this.evalChainNode(dot, first, cmd.args, final);
      case NodeType.Identifier:
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case NodeType.Pipe:
        // A parenthesized pipeline takes no arguments; final must be missing.
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case NodeType.Variable:
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case NodeType.Bool:
        return first.value;
      case NodeType.Dot:
        return dot;
      case NodeType.Nil:
        this.errorf('nil is not a command');
      case NodeType.Number:
        return idealConstant(this, first);
      case NodeType.String:
        return first.text;
    }
    this.errorf(`can't evaluate command ${quote(String(first))}`);
  }

  evalFieldNode(dot: GoValue, field: FieldNode, args: Node[] | null, final: GoValue | Final): GoValue {
    this.at(field);
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, 0, args, final);
  }

  evalChainNode(dot: GoValue, chain: ChainNode, args: Node[] | null, final: GoValue | Final): GoValue {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === NodeType.Nil) this.errorf(`indirection through explicit nil in ${chain}`);
    // (pipe).Field1.Field2: evaluate the pipeline, then the fields.
    const pipe = evalArg(this, dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, false, chain, chain.field, 0, args, final);
  }

  evalVariableNode(dot: GoValue, variable: VariableNode, args: Node[] | null, final: GoValue | Final): GoValue {
    // $x.Field has $x as the first ident and Field as the second.
    this.at(variable);
    const value = this.varValue(variable.ident[0]);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, this.lastIface, variable, variable.ident, 1, args, final);
  }

  /** Evaluates `.X.Y.Z` from `receiver`, passing any arguments to the last step. */
  private evalFieldChain(
    dot: GoValue,
    receiver: GoValue,
    recvIface: boolean,
    node: Node,
    ident: string[],
    start: number,
    args: Node[] | null,
    final: GoValue | Final,
  ): GoValue {
    const n = ident.length;
    for (let i = start; i < n - 1; i++) {
      receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver, recvIface);
      recvIface = this.lastIface;
    }
    return this.evalField(dot, ident[n - 1], node, args, final, receiver, recvIface);
  }

  evalFunction(dot: GoValue, node: IdentifierNode, cmd: Node, args: Node[] | null, final: GoValue | Final): GoValue {
    this.at(node);
    const name = node.ident;
    const found = this.tmpl.findFunction(name);
    if (!found) this.errorf(`${quote(name)} is not a defined function`);
    this.lastIface = false;
    return evalCall(this, dot, found.fn, found.builtin, cmd, name, args, final);
  }

  /** Evaluates `.Field` (or `.Method args`) on a receiver; sets lastIface for the result. */
  private evalField(
    dot: GoValue,
    fieldName: string,
    node: Node,
    args: Node[] | null,
    final: GoValue | Final,
    receiver: GoValue,
    recvIface: boolean,
  ): GoValue {
    if (receiver === undefined) {
      if (this.tmpl.missingKey === MissingKey.Error) this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      this.lastIface = false;
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating ${EMPTY_INTERFACE}.${fieldName}`);
    const info = receiver instanceof Map || Array.isArray(receiver) ? typeInfoOf(receiver) : undefined;
    const method = receiver instanceof GoStruct ? (receiver.hasPointerMethods() ? methodOf(receiver.type, fieldName) : undefined) : methodOf(info, fieldName);
    if (method) {
      const v = evalCall(this, dot, method, false, node, fieldName, args, final);
      this.lastIface = false;
      return v;
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof Map) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const elemType = info === undefined ? EMPTY_INTERFACE : mapElemType(receiver);
      this.lastIface = elemType === EMPTY_INTERFACE;
      const result = receiver.get(fieldName);
      if (result === undefined && !receiver.has(fieldName)) {
        switch (this.tmpl.missingKey) {
          case MissingKey.Zero:
            return zeroOf(elemType);
          case MissingKey.Error:
            this.errorf(`map has no entry for key ${quote(fieldName)}`);
        }
        this.lastIface = false;
        return undefined;
      }
      return result;
    }
    if (receiver instanceof GoStruct && receiver.hasField(fieldName)) {
      // Go names starting with a lower-case letter are unexported: printed by fmt, never readable here.
      if (!/^\p{Lu}/u.test(fieldName)) this.errorf(`${fieldName} is an unexported field of struct type ${receiver.type.name.replace(/^\*/, '')}`);
      if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
      this.lastIface = false;
      return receiver.field(fieldName);
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${recvIface ? EMPTY_INTERFACE : typeName(receiver)}`);
  }

  /** Writes a value's text as Go's fmt.Fprint does (invalid values print `<no value>`). */
  private printValue(n: ActionNode, v: GoValue): void {
    this.at(n);
    if (typeof v === 'string') this.write(v);
    else if (v === undefined) this.write('<no value>');
    else if (v instanceof GoInt && v.typeName === undefined) this.write(v.v.toString());
    else if (typeof v === 'boolean') this.write(v ? 'true' : 'false');
    else if (isGoFunc(v)) this.errorf(`can't print ${n} of type ${typeName(v)}`);
    else this.write(sprint([v instanceof GoStruct ? printableValue(v).value : v]));
  }
}

/** Runs a template's tree against data; returns the output or throws a TemplateError/LimitError. */
export function executeTree(tmpl: ExecTemplate, nilOrData: GoValue, opts?: ExecOptions): string {
  // Execute takes data as interface{}: reflect.ValueOf(nil) is no value at all, so `.x` on it
  // is a missing key (helm's `include "t" nil`), not a nil pointer.
  const data = nilOrData === null ? undefined : nilOrData;
  const s = new State(tmpl, opts);
  s.push('$', data, false);
  if (!tmpl.root) s.errorf(`${quote(tmpl.name)} is an incomplete or empty template`);
  const tracer = s.tracer;
  if (tracer !== undefined) tracer.beginExec();
  try {
    s.walk(data, tmpl.root!);
    if (tracer !== undefined) tracer.endExec(s.out);
  } catch (e) {
    if (tracer !== undefined) tracer.abortExec();
    if (isStackExhaustion(e)) {
      s.errorf(`exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`);
    }
    throw e;
  }
  return s.out;
}

export { LimitError, TemplateError };
