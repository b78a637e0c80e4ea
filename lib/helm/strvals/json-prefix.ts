/**
 * json.Decoder.Decode on the rest of a `--set-json` line: one JSON value from the start
 * (after blanks), decoded as encoding/json decodes into interface{} (numbers → float64),
 * and how many characters it used, so that parsing can go on after it.
 */
import { fromPlain, type GoValue } from '../../go';

/** A JSON syntax error (Helm replaces its text with its own). */
export class JsonSyntaxError extends Error {}

const WS = new Set([' ', '\t', '\n', '\r']);

/** encoding/json's scanner refuses more nested objects and arrays than this (maxNestingDepth). */
const MAX_NESTING_DEPTH = 10000;

const LITERAL = /true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** The end of the string or literal at `i`. */
function scanScalar(s: string, i: number): number {
  const c = s[i];
  if (c === undefined) throw new JsonSyntaxError('unexpected EOF');
  if (c === '"') {
    i++;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    if (i >= s.length) throw new JsonSyntaxError('unexpected EOF');
    return i + 1;
  }
  LITERAL.lastIndex = i;
  const m = LITERAL.exec(s);
  if (!m) throw new JsonSyntaxError(`invalid character ${JSON.stringify(c)} looking for beginning of value`);
  return i + m[0].length;
}

/**
 * Finds the end of the JSON value starting at `i` (after blanks). Nesting is tracked with a
 * stack of open containers, not recursion: helm takes values 10000 levels deep.
 */
function scanValue(s: string, i: number): number {
  const open: string[] = [];
  const skipBlanks = () => {
    while (WS.has(s[i])) i++;
  };
  /** Reads a value's start: a scalar whole, or the opening of a container. */
  const begin = (): void => {
    const c = s[i];
    if (c !== '{' && c !== '[') {
      i = scanScalar(s, i);
      return;
    }
    if (open.length === MAX_NESTING_DEPTH) throw new JsonSyntaxError(`invalid character '${c}' exceeded max depth`);
    open.push(c);
    i++;
    skipBlanks();
    if (s[i] === (c === '{' ? '}' : ']')) {
      open.pop();
      i++;
    } else member();
  };
  /** Reads up to a member's value (its key first, in an object). */
  const member = (): void => {
    if (open[open.length - 1] === '{') {
      if (s[i] !== '"') throw new JsonSyntaxError(`invalid character ${JSON.stringify(s[i] ?? '')} looking for beginning of object key string`);
      i = scanScalar(s, i);
      skipBlanks();
      if (s[i] !== ':') throw new JsonSyntaxError(`invalid character ${JSON.stringify(s[i] ?? '')} after object key`);
      i++;
      skipBlanks();
    }
    pending = true;
  };
  let pending = false;
  begin();
  while (pending || open.length > 0) {
    if (pending) {
      pending = false;
      begin();
      continue;
    }
    skipBlanks();
    const c = open[open.length - 1];
    if (s[i] === ',') {
      i++;
      skipBlanks();
      member();
    } else if (s[i] === (c === '{' ? '}' : ']')) {
      open.pop();
      i++;
    } else if (s[i] === undefined) throw new JsonSyntaxError('unexpected EOF');
    else throw new JsonSyntaxError(`invalid character ${JSON.stringify(s[i])} after ${c === '{' ? 'object key:value pair' : 'array element'}`);
  }
  return i;
}

/** Decodes the JSON value at the start of `text`. @throws JsonSyntaxError */
export function parseJsonPrefix(text: string): { value: GoValue; length: number } {
  let i = 0;
  while (WS.has(text[i])) i++;
  const end = scanValue(text, i);
  let plain: unknown;
  try {
    plain = JSON.parse(text.slice(i, end));
  } catch (e) {
    throw new JsonSyntaxError((e as Error).message);
  }
  return { value: fromPlain(plain), length: end };
}
