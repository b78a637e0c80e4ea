/**
 * YAML errors worded as go-yaml v2 words them. The `yaml` package finds the problems; this maps
 * its findings onto go-yaml's messages and go-yaml's peculiar line numbers: scanner errors print
 * the 1-based line (omitted on line 1), parser errors print the 0-based line (omitted when 0).
 */
import type { YAMLError } from 'yaml';

/** A YAML or YAML→JSON conversion error; `message` is Go's `err.Error()` text after the prefix. */
export class YamlError extends Error {
  /** 1-based line of the problem in the source, when known. */
  line?: number;
  /** 1-based column of the problem in the source, when known. */
  column?: number;
  constructor(
    message: string,
    /** What went wrong: `syntax`, `alias`, `merge`, `key`, `tag`, `json`. */
    readonly code: string,
    pos?: { line: number; column: number },
  ) {
    super(message);
    this.name = 'YamlError';
    if (pos) [this.line, this.column] = [pos.line, pos.column];
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo; // 0-based
}

const scannerAt = (line0: number, msg: string): string => (line0 > 0 ? `yaml: line ${line0 + 1}: ${msg}` : `yaml: ${msg}`);
const parserAt = (line0: number, msg: string): string => (line0 > 0 ? `yaml: line ${line0}: ${msg}` : `yaml: ${msg}`);

/** 0-based line of go-yaml's stream-end mark (it forces a new line after unterminated text). */
function streamEndLine(text: string): number {
  const n = (text.match(/\n/g) ?? []).length;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

/** Whether the nearest earlier line indented exactly like `line0` is a block sequence entry. */
function sequenceAtSameIndent(lines: string[], line0: number): boolean {
  const indent = /^ */.exec(lines[line0] ?? '')![0].length;
  for (let i = line0 - 1; i >= 0; i--) {
    const l = lines[i];
    if (/^\s*(#.*)?$/.test(l)) continue;
    const ind = /^ */.exec(l)![0].length;
    if (ind < indent) return false;
    if (ind === indent) return /^ *-( |$)/.test(l);
  }
  return false;
}

/** Offset of the `: ` that makes a compact mapping invalid, searching from `from`. */
function offendingColon(text: string, from: number): number {
  let i = from;
  const q = text[i];
  if (q === '"' || q === "'") {
    i++;
    while (i < text.length && text[i] !== q) i += text[i] === '\\' && q === '"' ? 2 : 1;
  }
  for (; i < text.length; i++) {
    if (text[i] === ':' && (i + 1 >= text.length || /[ \t\r\n]/.test(text[i + 1]))) return i;
  }
  return from;
}

/** 0-based line where the outermost still-open flow collection starts, ignoring quotes/comments. */
function openFlowLine(text: string, starts: number[]): number {
  let depth = 0;
  let open = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) while (i < text.length && text[i] !== '\n') i++;
    else if (c === '[' || c === '{') {
      if (depth++ === 0) open = lineOf(starts, i);
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return open;
}

/**
 * Where go-yaml's parser gives up on an unclosed flow collection: at the first later `key:` (a
 * value indicator where `,` or `]` was expected), else at the end of the stream.
 */
function unclosedFlowLine(text: string, starts: number[], lines: string[]): number {
  for (let l = openFlowLine(text, starts) + 1; l < lines.length; l++) {
    if (/:(\s|$)/.test(lines[l].replace(/\s#.*$/, ''))) return l;
  }
  return streamEndLine(text);
}

/** Whether `col` is where the enclosing block collection's entries start (go-yaml then requires a `:`). */
function atSiblingColumn(lines: string[], line0: number, col: number): boolean {
  for (let i = line0 - 1; i >= 0; i--) {
    if (/^\s*(#.*)?$/.test(lines[i])) continue;
    const ind = /^ */.exec(lines[i])![0].length;
    if (ind <= col) return ind === col || (/^ *- +/.exec(lines[i])?.[0].length ?? -1) === col;
  }
  return col === 0;
}

/** Maps the `yaml` package's errors for a document onto go-yaml v2's message for it. */
export function syntaxError(text: string, errs: readonly YAMLError[]): YamlError {
  // `key: 1\n- x` is reported first as a multi-line key; go-yaml sees the stray `-` first.
  const err =
    errs.find((e) => /block-seq-ind/.test(e.message)) ??
    errs.find((e) => e.code === 'BAD_INDENT' && /Flow (sequence|map)/.test(e.message)) ??
    errs[0];
  const starts = lineStarts(text);
  const lines = text.split('\n');
  const offset = err.pos?.[0] ?? 0;
  const line0 = lineOf(starts, offset);
  const pos = { line: line0 + 1, column: offset - starts[line0] + 1 };
  const message = err.message;
  let msg: string;
  const firstContent = (l: number) => {
    // The token go-yaml stumbles over may sit after the indentation the `yaml` package points at.
    const m = /^\s*/.exec(lines[l] ?? '')!;
    return starts[l] + m[0].length;
  };
  switch (err.code) {
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const q = text[offset];
      if (err.code === 'MULTILINE_IMPLICIT_KEY' && offset === firstContent(line0) && q !== '"' && q !== "'" && err.linePos?.[1]) {
        // A line without `:` where a key must be: reported at the next token.
        msg = `yaml: line ${err.linePos[1].line}: could not find expected ':'`;
        break;
      }
      if ((q === '"' || q === "'") && errs.some((e) => e.code === 'UNEXPECTED_TOKEN')) {
        msg = parserAt(line0, 'did not find expected key');
        break;
      }
      msg = scannerAt(lineOf(starts, offendingColon(text, offset)), 'mapping values are not allowed in this context');
      break;
    }
    case 'BAD_ALIAS':
      msg = scannerAt(line0, 'did not find expected alphabetic or numeric character');
      break;
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(message)) {
        const seq = /Flow sequence/.test(message);
        if (text[offset] === (seq ? '}' : ']')) msg = parserAt(line0, 'did not find expected node content');
        else msg = parserAt(unclosedFlowLine(text, starts, lines), seq ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'");
      } else if (/sequence items/.test(message)) {
        msg = parserAt(line0, "did not find expected '-' indicator");
      } else if (errs[1]?.code === 'MISSING_CHAR' && /map values/.test(errs[1].message)) {
        const keyOffset = errs[1].pos[0];
        const keyLine = lineOf(starts, keyOffset);
        if (atSiblingColumn(lines, keyLine, keyOffset - starts[keyLine])) {
          let next = keyLine + 1;
          while (next < lines.length && /^\s*$/.test(lines[next])) next++;
          msg = scannerAt(next < lines.length ? next : streamEndLine(text), "could not find expected ':'");
        } else msg = parserAt(keyLine, 'did not find expected key');
      } else {
        const l = lineOf(starts, firstContent(line0));
        msg = parserAt(l, sequenceAtSameIndent(lines, l) ? "did not find expected '-' indicator" : 'did not find expected key');
      }
      break;
    case 'MISSING_CHAR':
      if (/quote/.test(message)) {
        msg = scannerAt(lineOf(starts, text.length), 'found unexpected end of stream');
      } else if (/map values/.test(message)) {
        // The key's plain scalar stops at the next non-blank line (comments included).
        let next = line0 + 1;
        while (next < lines.length && /^\s*$/.test(lines[next])) next++;
        msg = scannerAt(next < lines.length ? next : streamEndLine(text), "could not find expected ':'");
      } else msg = parserAt(line0, 'did not find expected key');
      break;
    case 'BAD_SCALAR_START':
      msg = scannerAt(line0, 'found character that cannot start any token');
      break;
    case 'TAB_AS_INDENT': {
      // After `key: value` the tab sits inside that plain scalar's continuation lines.
      let prev = line0 - 1;
      while (prev >= 0 && /^\s*(#.*)?$/.test(lines[prev])) prev--;
      const inPlain = prev >= 0 && /^\s*(- +)?([^\s#][^:#]*:\s+|- +)[^\s#|>&*!'"[{]/.test(lines[prev]);
      msg = scannerAt(line0, inPlain ? 'found a tab character that violates indentation' : 'found character that cannot start any token');
      break;
    }
    case 'BAD_DQ_ESCAPE':
      msg = scannerAt(line0, 'found unknown escape character while parsing a quoted scalar');
      break;
    case 'UNEXPECTED_TOKEN': {
      const l = lineOf(starts, firstContent(line0));
      msg = parserAt(l, /seq-ind/.test(message) || !sequenceAtSameIndent(lines, l) ? 'did not find expected key' : "did not find expected '-' indicator");
      break;
    }
    default:
      msg = parserAt(line0, 'did not find expected key');
  }
  return new YamlError(msg, 'syntax', pos);
}
