/**
 * go-yaml v2's node builder (the `parser` of decode.go): reads the events of the first document
 * into a tree, binding each alias to the latest anchor of that name seen so far. An unknown
 * alias fails as soon as it is read, before any later syntax error.
 */
import { YamlError } from './errors';
import { E, type YamlEvent } from './events';
import { Parser } from './parser';

/** Node kinds, as decode.go numbers them. */
export const NODE = { DOCUMENT: 1, MAPPING: 2, SEQUENCE: 4, SCALAR: 8, ALIAS: 16 } as const;

/** A node of the first document. */
export interface YamlNode {
  kind: number;
  /** 0-based line and column where the node's event starts. */
  line: number;
  column: number;
  /** The resolved tag, `''` when none was given. */
  tag: string;
  /** Scalar text, or an alias's anchor name. */
  value: string;
  /** Scalars: plain and untagged (or tagged `!`), so subject to implicit typing. */
  implicit: boolean;
  children: YamlNode[];
  /** For an alias, the anchored node it refers to. */
  alias?: YamlNode;
}

const EVENT_NAMES: Record<number, string> = {
  [E.STREAM_START]: 'stream start',
  [E.STREAM_END]: 'stream end',
  [E.DOCUMENT_START]: 'document start',
  [E.DOCUMENT_END]: 'document end',
  [E.ALIAS]: 'alias',
  [E.SCALAR]: 'scalar',
  [E.SEQUENCE_START]: 'sequence start',
  [E.SEQUENCE_END]: 'sequence end',
  [E.MAPPING_START]: 'mapping start',
  [E.MAPPING_END]: 'mapping end',
};

class Composer {
  private readonly parser: Parser;
  private event: YamlEvent | null = null;
  private anchors = new Map<string, YamlNode>();

  constructor(text: string) {
    this.parser = new Parser(text);
  }

  private peek(): YamlEvent {
    if (!this.event) this.event = this.parser.parse();
    if (!this.event) throw new YamlError('yaml: attempted to parse past the end of stream', 'syntax');
    return this.event;
  }

  private expect(type: number): void {
    const ev = this.peek();
    if (ev.type === E.STREAM_END && type !== E.STREAM_END) {
      throw new YamlError('yaml: attempted to go past the end of stream; corrupted value?', 'syntax');
    }
    if (ev.type !== type) {
      throw new YamlError(`yaml: expected ${EVENT_NAMES[type]} event but got ${EVENT_NAMES[ev.type]}`, 'syntax');
    }
    this.event = null;
  }

  private node(kind: number): YamlNode {
    const ev = this.peek();
    return { kind, line: ev.start.line, column: ev.start.column, tag: ev.tag ?? '', value: '', implicit: false, children: [] };
  }

  private anchor(n: YamlNode): void {
    const name = this.peek().anchor;
    if (name !== undefined) this.anchors.set(name, n);
  }

  /** The first document, or null for a stream without one. */
  root(): YamlNode | null {
    this.expect(E.STREAM_START);
    return this.parse();
  }

  private parse(): YamlNode | null {
    const t = this.peek().type;
    if (t === E.STREAM_END) return null;
    if (t === E.DOCUMENT_START) return this.document();
    return this.content();
  }

  private document(): YamlNode {
    const n = this.node(NODE.DOCUMENT);
    this.anchors = new Map();
    this.expect(E.DOCUMENT_START);
    n.children.push(this.content());
    this.expect(E.DOCUMENT_END);
    return n;
  }

  /**
   * One node and everything in it. Collections are kept on a stack rather than recursed into,
   * so nesting as deep as go-yaml allows (10000 flow levels) fits the JS call stack.
   */
  private content(): YamlNode {
    const open: YamlNode[] = [];
    for (;;) {
      const ev = this.peek();
      const top = open[open.length - 1];
      if (top && ev.type === (top.kind === NODE.MAPPING ? E.MAPPING_END : E.SEQUENCE_END)) {
        this.expect(ev.type);
        open.pop();
        if (open.length === 0) return top;
        continue;
      }
      let n: YamlNode;
      switch (ev.type) {
        case E.SCALAR:
          n = this.scalar();
          break;
        case E.ALIAS:
          n = this.alias();
          break;
        case E.MAPPING_START:
        case E.SEQUENCE_START:
          n = this.node(ev.type === E.MAPPING_START ? NODE.MAPPING : NODE.SEQUENCE);
          this.anchor(n);
          this.expect(ev.type);
          break;
        default:
          throw new YamlError(`yaml: attempted to parse unknown event: ${EVENT_NAMES[ev.type]}`, 'syntax');
      }
      if (top) top.children.push(n);
      if (n.kind === NODE.MAPPING || n.kind === NODE.SEQUENCE) open.push(n);
      else if (!top) return n;
    }
  }

  private alias(): YamlNode {
    const n = this.node(NODE.ALIAS);
    n.value = this.peek().anchor ?? '';
    n.alias = this.anchors.get(n.value);
    if (!n.alias) throw new YamlError(`yaml: unknown anchor '${n.value}' referenced`, 'alias');
    this.expect(E.ALIAS);
    return n;
  }

  private scalar(): YamlNode {
    const ev = this.peek();
    const n = this.node(NODE.SCALAR);
    n.value = ev.value ?? '';
    n.implicit = ev.implicit === true;
    this.anchor(n);
    this.expect(E.SCALAR);
    return n;
  }
}

/**
 * Reads the first document of `text` into nodes as go-yaml v2 does. Throws {@link YamlError}
 * worded as go-yaml's (syntax errors, unknown anchors).
 */
export function composeFirstDocument(text: string): YamlNode | null {
  return new Composer(text).root();
}
