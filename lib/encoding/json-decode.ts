/**
 * encoding/json.Unmarshal into interface{} (or a map/slice variable): Go's scanner is replayed
 * first so syntax errors carry Go's exact text, then the value is built with float64 numbers.
 */
import type { GoMap, GoValue } from '../go';

/** The Go variable Unmarshal decodes into. */
export type JsonTarget = 'interface' | 'map' | 'slice';

class JsonSyntaxError extends Error {}

/** Go's quoteChar: the offending byte as a quoted Go character literal. */
function quoteChar(b: number): string {
  if (b === 0x27) return `'\\''`;
  if (b === 0x22) return `'"'`;
  const s = JSON.stringify(String.fromCharCode(b)).slice(1, -1);
  const esc: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 11: '\\v', 0x7f: '\\x7f' };
  if (esc[b]) return `'${esc[b]}'`;
  if (b < 0x20) return `'${/^\\u00/.test(s) ? '\\x' + s.slice(4) : s}'`;
  if (b >= 0x80 && b < 0xa0) return `'\\u00${b.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCharCode(b)}'`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Recursive-descent twin of Go's scanner state machine over UTF-8 bytes; throws Go's error text. */
class Checker {
  i = 0;
  constructor(private readonly b: Uint8Array) {}

  private fail(context: string): never {
    if (this.i >= this.b.length) throw new JsonSyntaxError('unexpected end of JSON input');
    throw new JsonSyntaxError(`invalid character ${quoteChar(this.b[this.i])} ${context}`);
  }
  private skip(): void {
    while (this.i < this.b.length && isSpace(this.b[this.i])) this.i++;
  }
  private peek(): number {
    return this.i < this.b.length ? this.b[this.i] : -1;
  }

  top(): void {
    this.value();
    this.skip();
    if (this.i < this.b.length) this.fail('after top-level value');
  }

  private value(): void {
    this.skip();
    const c = this.peek();
    if (c === 0x7b) return this.object();
    if (c === 0x5b) return this.array();
    if (c === 0x22) return this.string();
    if (c === 0x2d || isDigit(c)) return this.number();
    if (c === 0x74) return this.literal('true');
    if (c === 0x66) return this.literal('false');
    if (c === 0x6e) return this.literal('null');
    this.fail('looking for beginning of value');
  }

  private object(): void {
    this.i++;
    this.skip();
    if (this.peek() === 0x7d) return void this.i++;
    for (;;) {
      this.skip();
      if (this.peek() !== 0x22) this.fail('looking for beginning of object key string');
      this.string();
      this.skip();
      if (this.peek() !== 0x3a) this.fail('after object key');
      this.i++;
      this.value();
      this.skip();
      const c = this.peek();
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x7d) return void this.i++;
      this.fail('after object key:value pair');
    }
  }

  private array(): void {
    this.i++;
    this.skip();
    if (this.peek() === 0x5d) return void this.i++;
    for (;;) {
      this.value();
      this.skip();
      const c = this.peek();
      if (c === 0x2c) {
        this.i++;
        continue;
      }
      if (c === 0x5d) return void this.i++;
      this.fail('after array element');
    }
  }

  private string(): void {
    this.i++;
    for (;;) {
      const c = this.peek();
      if (c === -1) this.fail('');
      if (c === 0x22) return void this.i++;
      if (c < 0x20) this.fail('in string literal');
      if (c === 0x5c) {
        this.i++;
        const e = this.peek();
        if (e === 0x75) {
          this.i++;
          for (let k = 0; k < 4; k++) {
            const h = this.peek();
            if (!(isDigit(h) || (h >= 0x61 && h <= 0x66) || (h >= 0x41 && h <= 0x46))) this.fail('in \\u hexadecimal character escape');
            this.i++;
          }
          continue;
        }
        if (e !== -1 && 'bfnrt\\/"'.includes(String.fromCharCode(e))) {
          this.i++;
          continue;
        }
        this.fail('in string escape code');
      }
      this.i++;
    }
  }

  private number(): void {
    if (this.peek() === 0x2d) {
      this.i++;
      if (!isDigit(this.peek())) this.fail('in numeric literal');
    }
    if (this.peek() === 0x30) this.i++;
    else while (isDigit(this.peek())) this.i++;
    if (this.peek() === 0x2e) {
      this.i++;
      if (!isDigit(this.peek())) this.fail('after decimal point in numeric literal');
      while (isDigit(this.peek())) this.i++;
    }
    if (this.peek() === 0x65 || this.peek() === 0x45) {
      this.i++;
      if (this.peek() === 0x2b || this.peek() === 0x2d) this.i++;
      if (!isDigit(this.peek())) this.fail('in exponent of numeric literal');
      while (isDigit(this.peek())) this.i++;
    }
  }

  private literal(word: string): void {
    this.i++;
    for (let k = 1; k < word.length; k++) {
      if (this.peek() !== word.charCodeAt(k)) this.fail(`in literal ${word} (expecting '${word[k]}')`);
      this.i++;
    }
  }
}

/** Builds the Go value from text already validated by {@link Checker}. */
class Builder {
  i = 0;
  /** The first type error; Go keeps decoding after one, leaving the zero value in place. */
  error?: string;
  constructor(private readonly s: string) {}
  private skip(): void {
    while (this.i < this.s.length && isSpace(this.s.charCodeAt(this.i))) this.i++;
  }
  value(): GoValue {
    this.skip();
    const c = this.s[this.i];
    if (c === '{') {
      this.i++;
      const m: GoMap = new Map();
      this.skip();
      if (this.s[this.i] === '}') return (this.i++, m);
      for (;;) {
        this.skip();
        const k = this.string();
        this.skip();
        this.i++; // ':'
        const v = this.value();
        m.delete(k);
        m.set(k, v);
        this.skip();
        if (this.s[this.i++] === '}') return m;
      }
    }
    if (c === '[') {
      this.i++;
      const a: GoValue[] = [];
      this.skip();
      if (this.s[this.i] === ']') return (this.i++, a);
      for (;;) {
        a.push(this.value());
        this.skip();
        if (this.s[this.i++] === ']') return a;
      }
    }
    if (c === '"') return this.string();
    if (c === 't') return ((this.i += 4), true);
    if (c === 'f') return ((this.i += 5), false);
    if (c === 'n') return ((this.i += 4), null);
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.i, this.i + 400))!;
    this.i += m[0].length;
    const f = Number(m[0]);
    if (!Number.isFinite(f)) {
      this.error ??= `json: cannot unmarshal number ${m[0]} into Go value of type float64`;
      return null;
    }
    return f;
  }
  private string(): string {
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i++];
      if (c === '"') return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      if (e !== 'u') {
        out += ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
        continue;
      }
      let cu = parseInt(this.s.slice(this.i, this.i + 4), 16);
      this.i += 4;
      if (cu >= 0xd800 && cu < 0xdc00) {
        const lo = /^\\u([0-9a-fA-F]{4})/.exec(this.s.slice(this.i, this.i + 6));
        const lv = lo ? parseInt(lo[1], 16) : -1;
        if (lv >= 0xdc00 && lv < 0xe000) {
          out += String.fromCharCode(cu, lv);
          this.i += 6;
          continue;
        }
        cu = 0xfffd;
      } else if (cu >= 0xdc00 && cu < 0xe000) cu = 0xfffd;
      out += String.fromCharCode(cu);
    }
  }
}

const kindOfJson = (v: GoValue) =>
  v instanceof Map ? 'object' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'bool' : 'string';

/** Result of {@link decodeJson}: what Go leaves in the variable, and the error Unmarshal returns. */
export interface JsonDecoded {
  value: GoValue;
  error?: string;
}

/**
 * json.Unmarshal of `text` into a variable of `target` type, keeping Go's partial results: on a
 * syntax error nothing is decoded; on a type error the rest is still decoded.
 */
export function decodeJson(text: string, target: JsonTarget = 'interface'): JsonDecoded {
  try {
    new Checker(new TextEncoder().encode(text)).top();
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { value: undefined, error: e.message };
    throw e;
  }
  const b = new Builder(text);
  const v = b.value();
  if (target !== 'interface' && v !== null) {
    const want = target === 'map' ? 'object' : 'array';
    if (kindOfJson(v) !== want) {
      const type = target === 'map' ? 'map[string]interface {}' : '[]interface {}';
      return { value: undefined, error: `json: cannot unmarshal ${kindOfJson(v)} into Go value of type ${type}` };
    }
  }
  return { value: v, error: b.error };
}

/**
 * json.Unmarshal of `text` into a variable of `target` type. Throws an Error whose message is
 * Go's err.Error(); a JSON null yields null (a nil map/slice in Go).
 */
export function unmarshalJson(text: string, target: JsonTarget = 'interface'): GoValue {
  const r = decodeJson(text, target);
  if (r.error !== undefined) throw new Error(r.error);
  return r.value ?? null;
}
