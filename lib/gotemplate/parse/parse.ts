/**
 * Recursive-descent parser for templates, modelled on Go's text/template/parse/parse.go.
 * Parsing a text yields one tree per template it defines (`{{define}}`/`{{block}}`) plus the
 * top-level tree, collected in a tree set keyed by name.
 */
import { parseError, TemplateError } from '../errors';
import { type Item, ItemType, itemString, Lexer } from './lex';
import {
  ActionNode,
  BoolNode,
  BranchNode,
  BreakNode,
  ChainNode,
  CommandNode,
  CommentNode,
  ContinueNode,
  DotNode,
  ElseNode,
  EndNode,
  FieldNode,
  IdentifierNode,
  isEmptyTree,
  ListNode,
  type Node,
  NodeType,
  NilNode,
  PipeNode,
  StringNode,
  TemplateNode,
  TextNode,
  type TreeRef,
  VariableNode,
} from './node';
import { newNumber } from './number';
import { quote, unquote } from '../../go';

const MAX_STACK_DEPTH = 10000;
const MAX_PIPELINE_CMDS = 100000;

export interface ParseOptions {
  leftDelim?: string;
  rightDelim?: string;
  /** Whether a function name is known; unknown names are a parse error (`function "x" not defined`). */
  hasFunction?: (name: string) => boolean;
  /** Keep comments as CommentNodes (Go's ParseComments mode). */
  parseComments?: boolean;
}

/** One parsed template. */
export class Tree implements TreeRef {
  root: ListNode | null = null;
  parseName = '';
  text = '';

  // Parsing state; cleared after parse.
  private lex: Lexer | null = null;
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = [];
  private treeSet: Map<string, Tree> | null = null;
  private actionLine = 0;
  private rangeDepth = 0;
  private stackDepth = 0;
  private hasFunction: (name: string) => boolean = () => true;
  private parseComments = false;

  constructor(public name: string) {}

  // ---- token stream ----

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex!.nextItem();
    return this.token[this.peekCount];
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lex!.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === ItemType.Space);
    return token;
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // ---- errors ----

  private errorf(msg: string): never {
    this.root = null;
    const tok = this.token[0];
    throw parseError(this.parseName, tok ? tok.line : 1, msg);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  private expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // ---- setup ----

  private startParse(lex: Lexer, treeSet: Map<string, Tree>, hasFunction: (name: string) => boolean, parseComments: boolean): void {
    this.root = null;
    this.lex = lex;
    this.vars = ['$'];
    this.treeSet = treeSet;
    this.stackDepth = 0;
    this.hasFunction = hasFunction;
    this.parseComments = parseComments;
    lex.options = { emitComment: parseComments, breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') };
  }

  private stopParse(): void {
    this.lex = null;
    this.vars = [];
    this.treeSet = null;
  }

  private child(name: string): Tree {
    const t = new Tree(name);
    t.text = this.text;
    t.parseName = this.parseName;
    t.startParse(this.lex!, this.treeSet!, this.hasFunction, this.parseComments);
    return t;
  }

  /** Parses `text` into this tree, adding it and every defined template to `treeSet`. */
  parse(text: string, treeSet: Map<string, Tree>, opts: ParseOptions = {}): this {
    this.parseName = this.name;
    const lex = new Lexer(this.name, text, opts.leftDelim || '{{', opts.rightDelim || '}}');
    this.startParse(lex, treeSet, opts.hasFunction ?? (() => true), opts.parseComments ?? false);
    this.text = text;
    this.parseTop();
    this.add();
    this.stopParse();
    return this;
  }

  /** Adds the tree to the set; a non-empty tree may not replace a non-empty one. */
  private add(): void {
    const existing = this.treeSet!.get(this.name);
    if (!existing || isEmptyTree(existing.root)) {
      this.treeSet!.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  // ---- grammar ----

  // parse: (textOrAction | define)* EOF — the top level also accepts {{define}}.
  private parseTop(): void {
    this.root = new ListNode(this, this.peek().pos);
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const newT = this.child('definition');
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) this.errorf(`unexpected ${n}`);
      else this.root.nodes.push(n);
    }
  }

  // define: {{define stringValue}} itemList {{end}} — the "define" keyword is past.
  private parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    this.name = this.unquote(name.val);
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end} in ${context}`);
    this.add();
    this.stopParse();
  }

  private unquote(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }

  // itemList: textOrAction* — terminates at {{end}} or {{else}}, returned separately.
  private itemList(): [ListNode, Node] {
    const list = new ListNode(this, this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === NodeType.End || n.type === NodeType.Else) return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  // textOrAction: text | comment | action
  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return new TextNode(this, token.pos, token.val);
      case ItemType.LeftDelim:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case ItemType.Comment:
        return new CommentNode(this, token.pos, token.val);
      default:
        this.unexpected(token, 'input');
    }
  }

  // action: control | command ("|" command)* — the left delim is past.
  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block:
        return this.blockControl();
      case ItemType.Break:
        return this.breakControl(token.pos, token.line);
      case ItemType.Continue:
        return this.continueControl(token.pos, token.line);
      case ItemType.Else:
        return this.elseControl();
      case ItemType.End:
        return this.endControl();
      case ItemType.If:
        return this.ifControl();
      case ItemType.Range:
        return this.rangeControl();
      case ItemType.Template:
        return this.templateControl();
      case ItemType.With:
        return this.withControl();
    }
    this.backup();
    const t = this.peek();
    // Variables declared here persist until the enclosing {{end}}.
    return new ActionNode(this, t.pos, t.line, this.pipeline('command', ItemType.RightDelim));
  }

  // break: {{break}} — the keyword is past.
  private breakControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return new BreakNode(this, pos, line);
  }

  // continue: {{continue}} — the keyword is past.
  private continueControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return new ContinueNode(this, pos, line);
  }

  // pipeline: declarations? command ('|' command)*
  private pipeline(context: string, end: ItemType): PipeNode {
    const start = this.peekNonSpace();
    const pipe = new PipeNode(this, start.pos, start.line);
    // Declarations or assignments: "$x :=", "$x =", or (range only) "$i, $v :=".
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== ItemType.Variable) break;
      this.next();
      // Space is a token, so "$x foo" needs three tokens of look-ahead to tell an argument
      // from a declaration: remember the token right after the variable to push it back.
      const tokenAfterVariable = this.peek();
      const nxt = this.peekNonSpace();
      if (nxt.typ === ItemType.Assign || nxt.typ === ItemType.Declare) {
        pipe.isAssign = nxt.typ === ItemType.Assign;
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this, v.pos, v.val));
        this.vars.push(v.val);
      } else if (nxt.typ === ItemType.Char && nxt.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(new VariableNode(this, v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === ItemType.Variable || p === ItemType.RightDelim || p === ItemType.RightParen) continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === ItemType.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          if (pipe.cmds.length > MAX_PIPELINE_CMDS) this.errorf('pipeline too long');
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    // Only the first command of a pipeline may start with a non-executable operand.
    for (let i = 1; i < pipe.cmds.length; i++) {
      switch (pipe.cmds[i].args[0].type) {
        case NodeType.Bool:
        case NodeType.Dot:
        case NodeType.Nil:
        case NodeType.Number:
        case NodeType.String:
          this.errorf(`non executable command in pipeline stage ${i + 1}`);
      }
    }
  }

  private parseControl(context: 'if' | 'range' | 'with'): [number, number, PipeNode, ListNode, ListNode | null] {
    const varMark = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (context === 'range') this.rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === NodeType.Else) {
        // "{{else if b}}" / "{{else with b}}" is treated as "{{else}}{{if b}}...{{end}}{{end}}":
        // the nested control consumes the single {{end}}.
        if (context === 'if' && this.peek().typ === ItemType.If) {
          this.next();
          elseList = new ListNode(this, next.pos);
          elseList.nodes.push(this.ifControl());
        } else if (context === 'with' && this.peek().typ === ItemType.With) {
          this.next();
          elseList = new ListNode(this, next.pos);
          elseList.nodes.push(this.withControl());
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== NodeType.End) this.errorf(`expected end; found ${next}`);
        }
      }
      return [pipe.pos, pipe.line, pipe, list, elseList];
    } finally {
      this.vars.length = varMark;
    }
  }

  // if: {{if pipeline}} itemList {{end}} | {{if pipeline}} itemList {{else}} itemList {{end}}
  private ifControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('if');
    return new BranchNode(this, pos, NodeType.If, line, pipe, list, elseList);
  }

  // range: {{range pipeline}} itemList {{end}} | ... {{else}} itemList {{end}}
  private rangeControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('range');
    return new BranchNode(this, pos, NodeType.Range, line, pipe, list, elseList);
  }

  // with: {{with pipeline}} itemList {{end}} | ... {{else}} itemList {{end}}
  private withControl(): Node {
    const [pos, line, pipe, list, elseList] = this.parseControl('with');
    return new BranchNode(this, pos, NodeType.With, line, pipe, list, elseList);
  }

  // end: {{end}} — the keyword is past.
  private endControl(): Node {
    return new EndNode(this, this.expect(ItemType.RightDelim, 'end').pos);
  }

  // else: {{else}} — the keyword is past; "else if"/"else with" leave the keyword pending.
  private elseControl(): Node {
    const peek = this.peekNonSpace();
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) return new ElseNode(this, peek.pos, peek.line);
    const token = this.expect(ItemType.RightDelim, 'else');
    return new ElseNode(this, token.pos, token.line);
  }

  // block: {{block stringValue pipeline}} itemList {{end}} — defines the template and calls it.
  private blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    const block = this.child(name);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== NodeType.End) this.errorf(`unexpected ${end} in ${context}`);
    block.add();
    block.stopParse();
    return new TemplateNode(this, token.pos, token.line, name, pipe);
  }

  // template: {{template stringValue pipeline?}}
  private templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return new TemplateNode(this, token.pos, token.line, name, pipe);
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) return this.unquote(token.val);
    this.unexpected(token, context);
  }

  // command: operand (space operand)* — up to a pipe character or the closing delimiter.
  private command(): CommandNode {
    const cmd = new CommandNode(this, this.peekNonSpace().pos);
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  // operand: term .Field*
  private operand(): Node | null {
    let node = this.term();
    if (!node) return null;
    if (this.peek().typ === ItemType.Field) {
      const chain = new ChainNode(this, this.peek().pos, node);
      while (this.peek().typ === ItemType.Field) chain.add(this.next().val);
      // Fields after a field or variable extend it; literal values can't have fields.
      switch (node.type) {
        // Go reparses the chain's text (`.A` + `.B` → `.A.B`); the identifiers are the node's and the chain's.
        case NodeType.Field:
          node = new FieldNode(this, chain.pos, node.ident.concat(chain.field));
          break;
        case NodeType.Variable:
          node = new VariableNode(this, chain.pos, node.ident.concat(chain.field));
          break;
        case NodeType.Bool:
        case NodeType.String:
        case NodeType.Number:
        case NodeType.Nil:
        case NodeType.Dot:
          this.errorf(`unexpected . after term ${quote(node.toString())}`);
        default:
          node = chain;
      }
    }
    return node;
  }

  // term: literal | function | . | .Field | $ | '(' pipeline ')'
  private term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return new IdentifierNode(this, token.pos, token.val);
      case ItemType.Dot:
        return new DotNode(this, token.pos);
      case ItemType.Nil:
        return new NilNode(this, token.pos);
      case ItemType.Variable:
        return this.useVar(token.pos, token.val);
      case ItemType.Field:
        return new FieldNode(this, token.pos, token.val);
      case ItemType.Bool:
        return new BoolNode(this, token.pos, token.val === 'true');
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        try {
          return newNumber(this, token.pos, token.val, token.typ);
        } catch (e) {
          if (e instanceof TemplateError) throw e;
          this.errorf((e as Error).message);
        }
      case ItemType.LeftParen: {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', ItemType.RightParen);
        } finally {
          this.stackDepth--;
        }
      }
      case ItemType.String:
      case ItemType.RawString:
        return new StringNode(this, token.pos, token.val, this.unquote(token.val));
    }
    this.backup();
    return null;
  }

  private useVar(pos: number, name: string): Node {
    const v = new VariableNode(this, pos, name);
    if (this.vars.includes(v.ident[0])) return v;
    this.errorf(`undefined variable ${quote(v.ident[0])}`);
  }
}

/** Parses `text` as template `name`, returning every tree it defines (Go's parse.Parse). */
export function parse(name: string, text: string, opts: ParseOptions = {}): Map<string, Tree> {
  const treeSet = new Map<string, Tree>();
  new Tree(name).parse(text, treeSet, opts);
  return treeSet;
}
