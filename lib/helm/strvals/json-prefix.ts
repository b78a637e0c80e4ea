/**
 * json.Decoder.Decode on the rest of a `--set-json` line: one JSON value from the start
 * (after blanks), decoded as encoding/json decodes into interface{} (numbers → float64),
 * and how many characters it used, so that parsing can go on after it.
 */
import { fromPlain, type GoValue } from '../../gotemplate/value';

/** A JSON syntax error (Helm replaces its text with its own). */
export class JsonSyntaxError extends Error {}

const WS = new Set([' ', '\t', '\n', '\r']);

/** Finds the end of the JSON value starting at `i` (after blanks). */
function scanValue(s: string, i: number): number {
  const c = s[i];
  if (c === undefined) throw new JsonSyntaxError('unexpected EOF');
  if (c === '{' || c === '[') {
    const close = c === '{' ? '}' : ']';
    i++;
    for (;;) {
      while (WS.has(s[i])) i++;
      if (s[i] === close) return i + 1;
      if (c === '{') {
        if (s[i] !== '"') throw new JsonSyntaxError(`invalid character ${JSON.stringify(s[i] ?? '')} looking for beginning of object key string`);
        i = scanValue(s, i);
        while (WS.has(s[i])) i++;
        if (s[i] !== ':') throw new JsonSyntaxError(`invalid character ${JSON.stringify(s[i] ?? '')} after object key`);
        i++;
        while (WS.has(s[i])) i++;
      }
      i = scanValue(s, i);
      while (WS.has(s[i])) i++;
      if (s[i] === ',') {
        i++;
        while (WS.has(s[i])) i++;
        continue;
      }
      if (s[i] === close) return i + 1;
      if (s[i] === undefined) throw new JsonSyntaxError('unexpected EOF');
      throw new JsonSyntaxError(`invalid character ${JSON.stringify(s[i])} after ${c === '{' ? 'object key:value pair' : 'array element'}`);
    }
  }
  if (c === '"') {
    i++;
    while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
    if (i >= s.length) throw new JsonSyntaxError('unexpected EOF');
    return i + 1;
  }
  const m = /^(?:true|false|null|-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)/.exec(s.slice(i));
  if (!m) throw new JsonSyntaxError(`invalid character ${JSON.stringify(c)} looking for beginning of value`);
  return i + m[0].length;
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
