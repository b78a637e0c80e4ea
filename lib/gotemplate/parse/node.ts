/**
 * Parse-tree nodes, as in Go's text/template/parse/node.go. Every node knows its position
 * (UTF-16 offset into the tree's text) and prints itself canonically with `toString()`,
 * because execution errors quote nodes: `executing "x" at <.Values.foo>: ...`.
 */
import { quote } from '../../go';

export enum NodeType {
  Text,
  Action,
  Bool,
  Chain,
  Command,
  Dot,
  Else,
  End,
  Field,
  Identifier,
  If,
  List,
  Nil,
  Number,
  Pipe,
  Range,
  String,
  Template,
  Variable,
  With,
  Comment,
  Break,
  Continue,
}

/** What a node needs from the tree that owns it, for error locations. */
export interface TreeRef {
  readonly text: string;
  readonly parseName: string;
}

/*
 * Fields are declared, not initialised in the class body, and set in the constructor: a class
 * field runs a separate initialiser per instance, and a parse makes a node for nearly every token.
 */
abstract class BaseNode {
  abstract readonly type: NodeType;
  declare readonly tree: TreeRef;
  declare readonly pos: number;
  constructor(tree: TreeRef, pos: number) {
    this.tree = tree;
    this.pos = pos;
  }
  abstract toString(): string;
}

export class TextNode extends BaseNode {
  declare readonly type: NodeType.Text;
  declare readonly text: string;
  constructor(tree: TreeRef, pos: number, text: string) {
    super(tree, pos);
    this.type = NodeType.Text;
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

export class CommentNode extends BaseNode {
  declare readonly type: NodeType.Comment;
  declare readonly text: string;
  constructor(tree: TreeRef, pos: number, text: string) {
    super(tree, pos);
    this.type = NodeType.Comment;
    this.text = text;
  }
  toString(): string {
    return `{{${this.text}}}`;
  }
}

export class ListNode extends BaseNode {
  declare readonly type: NodeType.List;
  declare readonly nodes: Node[];
  constructor(tree: TreeRef, pos: number) {
    super(tree, pos);
    this.type = NodeType.List;
    this.nodes = [];
  }
  toString(): string {
    let s = '';
    for (const n of this.nodes) s += n.toString();
    return s;
  }
}

export class VariableNode extends BaseNode {
  declare readonly type: NodeType.Variable;
  /** `$x.A.B` → `['$x', 'A', 'B']`. */
  declare readonly ident: string[];
  /** `ident`: the text (`$x.A`) or its identifiers. */
  constructor(tree: TreeRef, pos: number, ident: string | string[]) {
    super(tree, pos);
    this.type = NodeType.Variable;
    this.ident = typeof ident === 'string' ? ident.split('.') : ident;
  }
  toString(): string {
    return this.ident.join('.');
  }
}

export class PipeNode extends BaseNode {
  declare readonly type: NodeType.Pipe;
  declare readonly line: number;
  declare isAssign: boolean;
  declare readonly decl: VariableNode[];
  declare readonly cmds: CommandNode[];
  constructor(tree: TreeRef, pos: number, line: number) {
    super(tree, pos);
    this.type = NodeType.Pipe;
    this.line = line;
    this.isAssign = false;
    this.decl = [];
    this.cmds = [];
  }
  toString(): string {
    let s = '';
    if (this.decl.length > 0) {
      s = this.decl.map((d) => d.toString()).join(', ') + (this.isAssign ? ' = ' : ' := ');
    }
    return s + this.cmds.map((c) => c.toString()).join(' | ');
  }
}

export class ActionNode extends BaseNode {
  declare readonly type: NodeType.Action;
  declare readonly line: number;
  declare readonly pipe: PipeNode;
  constructor(tree: TreeRef, pos: number, line: number, pipe: PipeNode) {
    super(tree, pos);
    this.type = NodeType.Action;
    this.line = line;
    this.pipe = pipe;
  }
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}

export class CommandNode extends BaseNode {
  declare readonly type: NodeType.Command;
  declare readonly args: Node[];
  constructor(tree: TreeRef, pos: number) {
    super(tree, pos);
    this.type = NodeType.Command;
    this.args = [];
  }
  toString(): string {
    return this.args.map((a) => (a.type === NodeType.Pipe ? `(${a})` : a.toString())).join(' ');
  }
}

export class IdentifierNode extends BaseNode {
  declare readonly type: NodeType.Identifier;
  declare readonly ident: string;
  constructor(tree: TreeRef, pos: number, ident: string) {
    super(tree, pos);
    this.type = NodeType.Identifier;
    this.ident = ident;
  }
  toString(): string {
    return this.ident;
  }
}

export class DotNode extends BaseNode {
  declare readonly type: NodeType.Dot;
  constructor(tree: TreeRef, pos: number) {
    super(tree, pos);
    this.type = NodeType.Dot;
  }
  toString(): string {
    return '.';
  }
}

export class NilNode extends BaseNode {
  declare readonly type: NodeType.Nil;
  constructor(tree: TreeRef, pos: number) {
    super(tree, pos);
    this.type = NodeType.Nil;
  }
  toString(): string {
    return 'nil';
  }
}

export class FieldNode extends BaseNode {
  declare readonly type: NodeType.Field;
  /** `.A.B` → `['A', 'B']`. */
  declare readonly ident: string[];
  /** `ident`: the text (`.A.B`) or its identifiers. */
  constructor(tree: TreeRef, pos: number, ident: string | string[]) {
    super(tree, pos);
    this.type = NodeType.Field;
    this.ident = typeof ident === 'string' ? ident.slice(1).split('.') : ident;
  }
  toString(): string {
    let s = '';
    for (const id of this.ident) s += '.' + id;
    return s;
  }
}

export class ChainNode extends BaseNode {
  declare readonly type: NodeType.Chain;
  declare readonly node: Node;
  declare readonly field: string[];
  constructor(tree: TreeRef, pos: number, node: Node) {
    super(tree, pos);
    this.type = NodeType.Chain;
    this.node = node;
    this.field = [];
  }
  /** Adds a field (given with its leading '.') to the chain. */
  add(field: string): void {
    if (field.length === 0 || field[0] !== '.') throw new Error('no dot in field');
    const f = field.slice(1);
    if (f === '') throw new Error('empty field');
    this.field.push(f);
  }
  toString(): string {
    let s = this.node.type === NodeType.Pipe ? `(${this.node})` : this.node.toString();
    for (const f of this.field) s += '.' + f;
    return s;
  }
}

export class BoolNode extends BaseNode {
  declare readonly type: NodeType.Bool;
  declare readonly value: boolean;
  constructor(tree: TreeRef, pos: number, value: boolean) {
    super(tree, pos);
    this.type = NodeType.Bool;
    this.value = value;
  }
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}

/** A numeric constant with every Go interpretation that fits (as Go's NumberNode). */
export class NumberNode extends BaseNode {
  declare readonly type: NodeType.Number;
  declare readonly text: string;
  declare isInt: boolean;
  declare isUint: boolean;
  declare isFloat: boolean;
  declare isComplex: boolean;
  declare int64: bigint;
  declare uint64: bigint;
  declare float64: number;
  /** The constant converted to integer kinds, kept by the executor (GoInts are immutable). */
  declare asInt?: Map<string, unknown>;
  constructor(tree: TreeRef, pos: number, text: string) {
    super(tree, pos);
    this.type = NodeType.Number;
    this.text = text;
    this.isInt = false;
    this.isUint = false;
    this.isFloat = false;
    this.isComplex = false;
    this.int64 = 0n;
    this.uint64 = 0n;
    this.float64 = 0;
    this.asInt = undefined;
  }
  toString(): string {
    return this.text;
  }
}

export class StringNode extends BaseNode {
  declare readonly type: NodeType.String;
  declare readonly quoted: string;
  declare readonly text: string;
  constructor(tree: TreeRef, pos: number, quoted: string, text: string) {
    super(tree, pos);
    this.type = NodeType.String;
    this.quoted = quoted;
    this.text = text;
  }
  toString(): string {
    return this.quoted;
  }
}

export class EndNode extends BaseNode {
  declare readonly type: NodeType.End;
  constructor(tree: TreeRef, pos: number) {
    super(tree, pos);
    this.type = NodeType.End;
  }
  toString(): string {
    return '{{end}}';
  }
}

export class ElseNode extends BaseNode {
  declare readonly type: NodeType.Else;
  declare readonly line: number;
  constructor(tree: TreeRef, pos: number, line: number) {
    super(tree, pos);
    this.type = NodeType.Else;
    this.line = line;
  }
  toString(): string {
    return '{{else}}';
  }
}

/** The shared shape of if, range and with. */
export class BranchNode extends BaseNode {
  declare readonly type: NodeType.If | NodeType.Range | NodeType.With;
  declare readonly line: number;
  declare readonly pipe: PipeNode;
  declare readonly list: ListNode;
  declare readonly elseList: ListNode | null;
  constructor(
    tree: TreeRef,
    pos: number,
    type: NodeType.If | NodeType.Range | NodeType.With,
    line: number,
    pipe: PipeNode,
    list: ListNode,
    elseList: ListNode | null,
  ) {
    super(tree, pos);
    this.type = type;
    this.line = line;
    this.pipe = pipe;
    this.list = list;
    this.elseList = elseList;
  }
  toString(): string {
    const name = this.type === NodeType.If ? 'if' : this.type === NodeType.Range ? 'range' : 'with';
    let s = `{{${name} ${this.pipe}}}${this.list}`;
    if (this.elseList) s += `{{else}}${this.elseList}`;
    return s + '{{end}}';
  }
}

export class BreakNode extends BaseNode {
  declare readonly type: NodeType.Break;
  declare readonly line: number;
  constructor(tree: TreeRef, pos: number, line: number) {
    super(tree, pos);
    this.type = NodeType.Break;
    this.line = line;
  }
  toString(): string {
    return '{{break}}';
  }
}

export class ContinueNode extends BaseNode {
  declare readonly type: NodeType.Continue;
  declare readonly line: number;
  constructor(tree: TreeRef, pos: number, line: number) {
    super(tree, pos);
    this.type = NodeType.Continue;
    this.line = line;
  }
  toString(): string {
    return '{{continue}}';
  }
}

export class TemplateNode extends BaseNode {
  declare readonly type: NodeType.Template;
  declare readonly line: number;
  declare readonly name: string;
  declare readonly pipe: PipeNode | null;
  constructor(tree: TreeRef, pos: number, line: number, name: string, pipe: PipeNode | null) {
    super(tree, pos);
    this.type = NodeType.Template;
    this.line = line;
    this.name = name;
    this.pipe = pipe;
  }
  toString(): string {
    return this.pipe ? `{{template ${quote(this.name)} ${this.pipe}}}` : `{{template ${quote(this.name)}}}`;
  }
}

export type Node =
  | TextNode
  | CommentNode
  | ListNode
  | PipeNode
  | ActionNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | EndNode
  | ElseNode
  | BranchNode
  | BreakNode
  | ContinueNode
  | TemplateNode;

/** Whether a tree holds nothing but space and comments (Go's IsEmptyTree). */
export function isEmptyTree(n: Node | null): boolean {
  if (!n) return true;
  switch (n.type) {
    case NodeType.Comment:
      return true;
    case NodeType.List:
      return n.nodes.every(isEmptyTree);
    case NodeType.Text:
      return !/[^\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/.test(n.text);
    default:
      return false;
  }
}
