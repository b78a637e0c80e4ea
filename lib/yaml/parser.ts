/**
 * go-yaml v2's parser (parserc.go): libyaml's LL(1) state machine turning tokens into events,
 * with its error messages and the marks they point at.
 */
import { YamlProblem, type Mark } from './errors';
import { E, type YamlEvent } from './events';
import { Scanner } from './scanner';
import { STYLE, T, type Token } from './tokens';

const S = {
  STREAM_START: 0,
  IMPLICIT_DOCUMENT_START: 1,
  DOCUMENT_START: 2,
  DOCUMENT_CONTENT: 3,
  DOCUMENT_END: 4,
  BLOCK_NODE: 5,
  BLOCK_SEQUENCE_FIRST_ENTRY: 6,
  BLOCK_SEQUENCE_ENTRY: 7,
  INDENTLESS_SEQUENCE_ENTRY: 8,
  BLOCK_MAPPING_FIRST_KEY: 9,
  BLOCK_MAPPING_KEY: 10,
  BLOCK_MAPPING_VALUE: 11,
  FLOW_SEQUENCE_FIRST_ENTRY: 12,
  FLOW_SEQUENCE_ENTRY: 13,
  FLOW_SEQUENCE_ENTRY_MAPPING_KEY: 14,
  FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: 15,
  FLOW_SEQUENCE_ENTRY_MAPPING_END: 16,
  FLOW_MAPPING_FIRST_KEY: 17,
  FLOW_MAPPING_KEY: 18,
  FLOW_MAPPING_VALUE: 19,
  FLOW_MAPPING_EMPTY_VALUE: 20,
  END: 21,
} as const;

interface TagDirective {
  handle: string;
  prefix: string;
}

const DEFAULT_TAG_DIRECTIVES: TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

function fail(problem: string, problemMark: Mark, context = '', contextMark: Mark | null = null): never {
  throw new YamlProblem('parser', problem, problemMark, context, contextMark);
}

/** Produces go-yaml's events for a text, one at a time. */
export class Parser {
  private readonly scanner: Scanner;
  private state: number = S.STREAM_START;
  private readonly states: number[] = [];
  private readonly marks: Mark[] = [];
  private tagDirectives: TagDirective[] = [];

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  /** The next event, or null after the end of the stream. */
  parse(): YamlEvent | null {
    if (this.scanner.streamEndProduced || this.state === S.END) return null;
    return this.stateMachine();
  }

  private peek(): Token {
    return this.scanner.peek();
  }

  private skip(): void {
    this.scanner.next();
  }

  private pop(): void {
    this.state = this.states.pop()!;
  }

  private stateMachine(): YamlEvent {
    switch (this.state) {
      case S.STREAM_START: return this.parseStreamStart();
      case S.IMPLICIT_DOCUMENT_START: return this.parseDocumentStart(true);
      case S.DOCUMENT_START: return this.parseDocumentStart(false);
      case S.DOCUMENT_CONTENT: return this.parseDocumentContent();
      case S.DOCUMENT_END: return this.parseDocumentEnd();
      case S.BLOCK_NODE: return this.parseNode(true, false);
      case S.BLOCK_SEQUENCE_FIRST_ENTRY: return this.parseBlockSequenceEntry(true);
      case S.BLOCK_SEQUENCE_ENTRY: return this.parseBlockSequenceEntry(false);
      case S.INDENTLESS_SEQUENCE_ENTRY: return this.parseIndentlessSequenceEntry();
      case S.BLOCK_MAPPING_FIRST_KEY: return this.parseBlockMappingKey(true);
      case S.BLOCK_MAPPING_KEY: return this.parseBlockMappingKey(false);
      case S.BLOCK_MAPPING_VALUE: return this.parseBlockMappingValue();
      case S.FLOW_SEQUENCE_FIRST_ENTRY: return this.parseFlowSequenceEntry(true);
      case S.FLOW_SEQUENCE_ENTRY: return this.parseFlowSequenceEntry(false);
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY: return this.parseFlowSequenceEntryMappingKey();
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: return this.parseFlowSequenceEntryMappingValue();
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_END: return this.parseFlowSequenceEntryMappingEnd();
      case S.FLOW_MAPPING_FIRST_KEY: return this.parseFlowMappingKey(true);
      case S.FLOW_MAPPING_KEY: return this.parseFlowMappingKey(false);
      case S.FLOW_MAPPING_VALUE: return this.parseFlowMappingValue(false);
      case S.FLOW_MAPPING_EMPTY_VALUE: return this.parseFlowMappingValue(true);
      default: throw new Error('invalid parser state');
    }
  }

  private parseStreamStart(): YamlEvent {
    const token = this.peek();
    if (token.type !== T.STREAM_START) fail('did not find expected <stream-start>', token.start);
    this.state = S.IMPLICIT_DOCUMENT_START;
    this.skip();
    return { type: E.STREAM_START, start: token.start, end: token.end };
  }

  private parseDocumentStart(implicit: boolean): YamlEvent {
    let token = this.peek();
    if (!implicit) {
      while (token.type === T.DOCUMENT_END) {
        this.skip();
        token = this.peek();
      }
    }
    if (
      implicit &&
      token.type !== T.VERSION_DIRECTIVE &&
      token.type !== T.TAG_DIRECTIVE &&
      token.type !== T.DOCUMENT_START &&
      token.type !== T.STREAM_END
    ) {
      this.processDirectives();
      this.states.push(S.DOCUMENT_END);
      this.state = S.BLOCK_NODE;
      return { type: E.DOCUMENT_START, start: token.start, end: token.end };
    }
    if (token.type !== T.STREAM_END) {
      const start = token.start;
      this.processDirectives();
      token = this.peek();
      if (token.type !== T.DOCUMENT_START) fail('did not find expected <document start>', token.start);
      this.states.push(S.DOCUMENT_END);
      this.state = S.DOCUMENT_CONTENT;
      this.skip();
      return { type: E.DOCUMENT_START, start, end: token.end };
    }
    this.state = S.END;
    this.skip();
    return { type: E.STREAM_END, start: token.start, end: token.end };
  }

  private parseDocumentContent(): YamlEvent {
    const t = this.peek().type;
    if (t === T.VERSION_DIRECTIVE || t === T.TAG_DIRECTIVE || t === T.DOCUMENT_START || t === T.DOCUMENT_END || t === T.STREAM_END) {
      this.pop();
      return emptyScalar(this.peek().start);
    }
    return this.parseNode(true, false);
  }

  private parseDocumentEnd(): YamlEvent {
    const token = this.peek();
    const start = token.start;
    let end = token.start;
    if (token.type === T.DOCUMENT_END) {
      end = token.end;
      this.skip();
    }
    this.tagDirectives = [];
    this.state = S.DOCUMENT_START;
    return { type: E.DOCUMENT_END, start, end };
  }

  private parseNode(block: boolean, indentlessSequence: boolean): YamlEvent {
    let token = this.peek();
    if (token.type === T.ALIAS) {
      this.pop();
      this.skip();
      return { type: E.ALIAS, start: token.start, end: token.end, anchor: token.value };
    }
    const start = token.start;
    let end = token.start;
    let anchor: string | undefined;
    let tagToken: Token | undefined;
    if (token.type === T.ANCHOR) {
      anchor = token.value;
      end = token.end;
      this.skip();
      token = this.peek();
      if (token.type === T.TAG) {
        tagToken = token;
        end = token.end;
        this.skip();
        token = this.peek();
      }
    } else if (token.type === T.TAG) {
      tagToken = token;
      end = token.end;
      this.skip();
      token = this.peek();
      if (token.type === T.ANCHOR) {
        anchor = token.value;
        end = token.end;
        this.skip();
        token = this.peek();
      }
    }
    let tag = '';
    if (tagToken) {
      const handle = tagToken.value ?? '';
      if (handle === '') tag = tagToken.suffix ?? '';
      else {
        const d = this.tagDirectives.find((x) => x.handle === handle);
        if (d) tag = d.prefix + (tagToken.suffix ?? '');
        if (tag === '') fail('found undefined tag handle', tagToken.start, 'while parsing a node', start);
      }
    }
    const implicit = tag === '';
    const props = { anchor, tag: tag || undefined, implicit };
    if (indentlessSequence && token.type === T.BLOCK_ENTRY) {
      this.state = S.INDENTLESS_SEQUENCE_ENTRY;
      return { type: E.SEQUENCE_START, start, end: token.end, ...props };
    }
    if (token.type === T.SCALAR) {
      this.pop();
      this.skip();
      const plainImplicit = (tag === '' && token.style === STYLE.PLAIN) || tag === '!';
      return { type: E.SCALAR, start, end: token.end, ...props, implicit: plainImplicit, value: token.value, style: token.style };
    }
    if (token.type === T.FLOW_SEQUENCE_START) {
      this.state = S.FLOW_SEQUENCE_FIRST_ENTRY;
      return { type: E.SEQUENCE_START, start, end: token.end, ...props };
    }
    if (token.type === T.FLOW_MAPPING_START) {
      this.state = S.FLOW_MAPPING_FIRST_KEY;
      return { type: E.MAPPING_START, start, end: token.end, ...props };
    }
    if (block && token.type === T.BLOCK_SEQUENCE_START) {
      this.state = S.BLOCK_SEQUENCE_FIRST_ENTRY;
      return { type: E.SEQUENCE_START, start, end: token.end, ...props };
    }
    if (block && token.type === T.BLOCK_MAPPING_START) {
      this.state = S.BLOCK_MAPPING_FIRST_KEY;
      return { type: E.MAPPING_START, start, end: token.end, ...props };
    }
    if (anchor !== undefined || tag !== '') {
      // Properties with no content: an empty plain scalar.
      this.pop();
      return { type: E.SCALAR, start, end, ...props, value: '', style: STYLE.PLAIN };
    }
    fail('did not find expected node content', token.start, block ? 'while parsing a block node' : 'while parsing a flow node', start);
  }

  private parseBlockSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === T.BLOCK_ENTRY) {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== T.BLOCK_ENTRY && token.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_SEQUENCE_ENTRY);
        return this.parseNode(true, false);
      }
      this.state = S.BLOCK_SEQUENCE_ENTRY;
      return emptyScalar(mark);
    }
    if (token.type === T.BLOCK_END) {
      this.pop();
      this.marks.pop();
      this.skip();
      return { type: E.SEQUENCE_END, start: token.start, end: token.end };
    }
    fail("did not find expected '-' indicator", token.start, 'while parsing a block collection', this.marks.pop()!);
  }

  private parseIndentlessSequenceEntry(): YamlEvent {
    let token = this.peek();
    if (token.type === T.BLOCK_ENTRY) {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== T.BLOCK_ENTRY && token.type !== T.KEY && token.type !== T.VALUE && token.type !== T.BLOCK_END) {
        this.states.push(S.INDENTLESS_SEQUENCE_ENTRY);
        return this.parseNode(true, false);
      }
      this.state = S.INDENTLESS_SEQUENCE_ENTRY;
      return emptyScalar(mark);
    }
    this.pop();
    return { type: E.SEQUENCE_END, start: token.start, end: token.start };
  }

  private parseBlockMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type === T.KEY) {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== T.KEY && token.type !== T.VALUE && token.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_MAPPING_VALUE);
        return this.parseNode(true, true);
      }
      this.state = S.BLOCK_MAPPING_VALUE;
      return emptyScalar(mark);
    }
    if (token.type === T.BLOCK_END) {
      this.pop();
      this.marks.pop();
      this.skip();
      return { type: E.MAPPING_END, start: token.start, end: token.end };
    }
    fail('did not find expected key', token.start, 'while parsing a block mapping', this.marks.pop()!);
  }

  private parseBlockMappingValue(): YamlEvent {
    let token = this.peek();
    if (token.type === T.VALUE) {
      const mark = token.end;
      this.skip();
      token = this.peek();
      if (token.type !== T.KEY && token.type !== T.VALUE && token.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_MAPPING_KEY);
        return this.parseNode(true, true);
      }
      this.state = S.BLOCK_MAPPING_KEY;
      return emptyScalar(mark);
    }
    this.state = S.BLOCK_MAPPING_KEY;
    return emptyScalar(token.start);
  }

  private parseFlowSequenceEntry(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== T.FLOW_SEQUENCE_END) {
      if (!first) {
        if (token.type !== T.FLOW_ENTRY) {
          fail("did not find expected ',' or ']'", token.start, 'while parsing a flow sequence', this.marks.pop()!);
        }
        this.skip();
        token = this.peek();
      }
      if (token.type === T.KEY) {
        // `[key: value]`: a single-pair mapping.
        this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
        this.skip();
        return { type: E.MAPPING_START, start: token.start, end: token.end, implicit: true };
      }
      if (token.type !== T.FLOW_SEQUENCE_END) {
        this.states.push(S.FLOW_SEQUENCE_ENTRY);
        return this.parseNode(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.skip();
    return { type: E.SEQUENCE_END, start: token.start, end: token.end };
  }

  private parseFlowSequenceEntryMappingKey(): YamlEvent {
    const token = this.peek();
    if (token.type !== T.VALUE && token.type !== T.FLOW_ENTRY && token.type !== T.FLOW_SEQUENCE_END) {
      this.states.push(S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
      return this.parseNode(false, false);
    }
    // go-yaml consumes the token that follows an empty key here.
    const mark = token.end;
    this.skip();
    this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
    return emptyScalar(mark);
  }

  private parseFlowSequenceEntryMappingValue(): YamlEvent {
    const token = this.peek();
    if (token.type === T.VALUE) {
      this.skip();
      const next = this.peek();
      if (next.type !== T.FLOW_ENTRY && next.type !== T.FLOW_SEQUENCE_END) {
        this.states.push(S.FLOW_SEQUENCE_ENTRY_MAPPING_END);
        return this.parseNode(false, false);
      }
    }
    this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_END;
    return emptyScalar(token.start);
  }

  private parseFlowSequenceEntryMappingEnd(): YamlEvent {
    const token = this.peek();
    this.state = S.FLOW_SEQUENCE_ENTRY;
    return { type: E.MAPPING_END, start: token.start, end: token.start };
  }

  private parseFlowMappingKey(first: boolean): YamlEvent {
    if (first) {
      this.marks.push(this.peek().start);
      this.skip();
    }
    let token = this.peek();
    if (token.type !== T.FLOW_MAPPING_END) {
      if (!first) {
        if (token.type !== T.FLOW_ENTRY) {
          fail("did not find expected ',' or '}'", token.start, 'while parsing a flow mapping', this.marks.pop()!);
        }
        this.skip();
        token = this.peek();
      }
      if (token.type === T.KEY) {
        this.skip();
        token = this.peek();
        if (token.type !== T.VALUE && token.type !== T.FLOW_ENTRY && token.type !== T.FLOW_MAPPING_END) {
          this.states.push(S.FLOW_MAPPING_VALUE);
          return this.parseNode(false, false);
        }
        this.state = S.FLOW_MAPPING_VALUE;
        return emptyScalar(token.start);
      }
      if (token.type !== T.FLOW_MAPPING_END) {
        this.states.push(S.FLOW_MAPPING_EMPTY_VALUE);
        return this.parseNode(false, false);
      }
    }
    this.pop();
    this.marks.pop();
    this.skip();
    return { type: E.MAPPING_END, start: token.start, end: token.end };
  }

  private parseFlowMappingValue(empty: boolean): YamlEvent {
    let token = this.peek();
    if (empty) {
      this.state = S.FLOW_MAPPING_KEY;
      return emptyScalar(token.start);
    }
    if (token.type === T.VALUE) {
      this.skip();
      token = this.peek();
      if (token.type !== T.FLOW_ENTRY && token.type !== T.FLOW_MAPPING_END) {
        this.states.push(S.FLOW_MAPPING_KEY);
        return this.parseNode(false, false);
      }
    }
    this.state = S.FLOW_MAPPING_KEY;
    return emptyScalar(token.start);
  }

  private processDirectives(): void {
    let token = this.peek();
    let version = false;
    while (token.type === T.VERSION_DIRECTIVE || token.type === T.TAG_DIRECTIVE) {
      if (token.type === T.VERSION_DIRECTIVE) {
        if (version) fail('found duplicate %YAML directive', token.start);
        if (token.major !== 1 || token.minor !== 1) fail('found incompatible YAML document', token.start);
        version = true;
      } else {
        this.appendTagDirective({ handle: token.value ?? '', prefix: token.suffix ?? '' }, false, token.start);
      }
      this.skip();
      token = this.peek();
    }
    for (const d of DEFAULT_TAG_DIRECTIVES) this.appendTagDirective(d, true, token.start);
  }

  private appendTagDirective(value: TagDirective, allowDuplicates: boolean, mark: Mark): void {
    if (this.tagDirectives.some((d) => d.handle === value.handle)) {
      if (allowDuplicates) return;
      fail('found duplicate %TAG directive', mark);
    }
    this.tagDirectives.push(value);
  }
}

function emptyScalar(mark: Mark): YamlEvent {
  return { type: E.SCALAR, start: mark, end: mark, value: '', implicit: true, style: STYLE.PLAIN };
}
