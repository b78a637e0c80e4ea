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

abstract class BaseNode {
  abstract readonly type: NodeType;
  constructor(
    readonly tree: TreeRef,
    readonly pos: number,
  ) {}
  abstract toString(): string;
}

export class TextNode extends BaseNode {
  readonly type = NodeType.Text;
  constructor(tree: TreeRef, pos: number, readonly text: string) {
    super(tree, pos);
  }
  toString(): string {
    return this.text;
  }
}

export class CommentNode extends BaseNode {
  readonly type = NodeType.Comment;
  constructor(tree: TreeRef, pos: number, readonly text: string) {
    super(tree, pos);
  }
  toString(): string {
    return `{{${this.text}}}`;
  }
}

export class ListNode extends BaseNode {
  readonly type = NodeType.List;
  readonly nodes: Node[] = [];
  toString(): string {
    let s = '';
    for (const n of this.nodes) s += n.toString();
    return s;
  }
}

export class VariableNode extends BaseNode {
  readonly type = NodeType.Variable;
  /** `$x.A.B` → `['$x', 'A', 'B']`. */
  readonly ident: string[];
  constructor(tree: TreeRef, pos: number, ident: string) {
    super(tree, pos);
    this.ident = ident.split('.');
  }
  toString(): string {
    return this.ident.join('.');
  }
}

export class PipeNode extends BaseNode {
  readonly type = NodeType.Pipe;
  isAssign = false;
  readonly decl: VariableNode[] = [];
  readonly cmds: CommandNode[] = [];
  constructor(tree: TreeRef, pos: number, readonly line: number) {
    super(tree, pos);
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
  readonly type = NodeType.Action;
  constructor(tree: TreeRef, pos: number, readonly line: number, readonly pipe: PipeNode) {
    super(tree, pos);
  }
  toString(): string {
    return `{{${this.pipe}}}`;
  }
}

export class CommandNode extends BaseNode {
  readonly type = NodeType.Command;
  readonly args: Node[] = [];
  toString(): string {
    return this.args.map((a) => (a.type === NodeType.Pipe ? `(${a})` : a.toString())).join(' ');
  }
}

export class IdentifierNode extends BaseNode {
  readonly type = NodeType.Identifier;
  constructor(tree: TreeRef, pos: number, readonly ident: string) {
    super(tree, pos);
  }
  toString(): string {
    return this.ident;
  }
}

export class DotNode extends BaseNode {
  readonly type = NodeType.Dot;
  toString(): string {
    return '.';
  }
}

export class NilNode extends BaseNode {
  readonly type = NodeType.Nil;
  toString(): string {
    return 'nil';
  }
}

export class FieldNode extends BaseNode {
  readonly type = NodeType.Field;
  /** `.A.B` → `['A', 'B']`. */
  readonly ident: string[];
  constructor(tree: TreeRef, pos: number, ident: string) {
    super(tree, pos);
    this.ident = ident.slice(1).split('.');
  }
  toString(): string {
    let s = '';
    for (const id of this.ident) s += '.' + id;
    return s;
  }
}

export class ChainNode extends BaseNode {
  readonly type = NodeType.Chain;
  readonly field: string[] = [];
  constructor(tree: TreeRef, pos: number, readonly node: Node) {
    super(tree, pos);
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
  readonly type = NodeType.Bool;
  constructor(tree: TreeRef, pos: number, readonly value: boolean) {
    super(tree, pos);
  }
  toString(): string {
    return this.value ? 'true' : 'false';
  }
}

/** A numeric constant with every Go interpretation that fits (as Go's NumberNode). */
export class NumberNode extends BaseNode {
  readonly type = NodeType.Number;
  isInt = false;
  isUint = false;
  isFloat = false;
  isComplex = false;
  int64 = 0n;
  uint64 = 0n;
  float64 = 0;
  /** The constant converted to integer kinds, kept by the executor (GoInts are immutable). */
  asInt?: Map<string, unknown>;
  constructor(tree: TreeRef, pos: number, readonly text: string) {
    super(tree, pos);
  }
  toString(): string {
    return this.text;
  }
}

export class StringNode extends BaseNode {
  readonly type = NodeType.String;
  constructor(tree: TreeRef, pos: number, readonly quoted: string, readonly text: string) {
    super(tree, pos);
  }
  toString(): string {
    return this.quoted;
  }
}

export class EndNode extends BaseNode {
  readonly type = NodeType.End;
  toString(): string {
    return '{{end}}';
  }
}

export class ElseNode extends BaseNode {
  readonly type = NodeType.Else;
  constructor(tree: TreeRef, pos: number, readonly line: number) {
    super(tree, pos);
  }
  toString(): string {
    return '{{else}}';
  }
}

/** The shared shape of if, range and with. */
export class BranchNode extends BaseNode {
  constructor(
    tree: TreeRef,
    pos: number,
    readonly type: NodeType.If | NodeType.Range | NodeType.With,
    readonly line: number,
    readonly pipe: PipeNode,
    readonly list: ListNode,
    readonly elseList: ListNode | null,
  ) {
    super(tree, pos);
  }
  toString(): string {
    const name = this.type === NodeType.If ? 'if' : this.type === NodeType.Range ? 'range' : 'with';
    let s = `{{${name} ${this.pipe}}}${this.list}`;
    if (this.elseList) s += `{{else}}${this.elseList}`;
    return s + '{{end}}';
  }
}

export class BreakNode extends BaseNode {
  readonly type = NodeType.Break;
  constructor(tree: TreeRef, pos: number, readonly line: number) {
    super(tree, pos);
  }
  toString(): string {
    return '{{break}}';
  }
}

export class ContinueNode extends BaseNode {
  readonly type = NodeType.Continue;
  constructor(tree: TreeRef, pos: number, readonly line: number) {
    super(tree, pos);
  }
  toString(): string {
    return '{{continue}}';
  }
}

export class TemplateNode extends BaseNode {
  readonly type = NodeType.Template;
  constructor(tree: TreeRef, pos: number, readonly line: number, readonly name: string, readonly pipe: PipeNode | null) {
    super(tree, pos);
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
