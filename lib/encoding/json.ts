/**
 * Go's encoding/json for the template value model: Marshal/MarshalIndent/Encoder output byte for
 * byte (sorted map keys, HTML escaping, Go's float text) and Unmarshal into interface{} with
 * Go's error texts.
 */
import { GoInt, GoStruct, GoTime, isGoFunc, isGoNil, sortedKeys, typeName, type GoValue, formatGoTime } from '../go';
import { formatJsonFloat } from './json-float';

export { decodeJson, unmarshalJson, type JsonDecoded, type JsonTarget } from './json-decode';

/** An error from encoding/json; `message` is Go's `err.Error()`. */
export class JsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonError';
  }
}

export interface MarshalJsonOptions {
  /** Escape `<`, `>`, `&` as \u003c etc. (json.Marshal does; Encoder.SetEscapeHTML(false) doesn't). */
  escapeHtml?: boolean;
  /** MarshalIndent's prefix and indent. */
  indent?: { prefix: string; indent: string };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding (padded), as encoding/json writes []byte. */
export function base64Std(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

/** time.Time in RFC 3339 with nanoseconds (trailing zeros dropped), as its MarshalJSON writes. */
export function rfc3339Nano(t: GoTime): string {
  return formatGoTime(t, '2006-01-02T15:04:05.999999999Z07:00');
}

/**
 * The members encoding/json writes for a struct, in order. Struct types that carry json tags
 * provide them through a `jsonFields` hook on their type info (see lib/helm/chart/gostruct.ts);
 * others are written with their Go field names, as Go does for untagged fields.
 */
export function jsonStructFields(s: GoStruct): Array<readonly [string, GoValue]> {
  const hook = (s.type as { jsonFields?: (self: GoStruct) => Array<readonly [string, GoValue]> }).jsonFields;
  return hook ? hook(s) : s.promotedFields();
}

const HEX = '0123456789abcdef';

/** A JSON string literal as encoding/json writes it. */
export function quoteJsonString(s: string, escapeHtml = true): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else out += '\\ufffd';
      continue;
    }
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c < 0x20) {
      const short: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };
      out += short[c] ?? '\\u00' + HEX[c >> 4] + HEX[c & 15];
    } else if (escapeHtml && (c === 0x3c || c === 0x3e || c === 0x26)) out += '\\u00' + HEX[c >> 4] + HEX[c & 15];
    else if (c === 0x2028 || c === 0x2029) out += '\\u202' + HEX[c & 15];
    else out += s[i];
  }
  return out + '"';
}

/** A container being written: its members (keyed, or with a null key in a list) and how many are out. */
interface Open {
  close: string;
  members: Array<readonly [string | null, GoValue]>;
  i: number;
}

/**
 * encoding/json's encoder, walking with a stack of its own rather than the call stack: Go
 * marshals values nested as deep as decoding allows (10000 levels), and so must this.
 */
function encode(root: GoValue, html: boolean): string {
  const out: string[] = [];
  const open: Open[] = [];
  const write = (v: GoValue): void => {
    for (;;) {
      if (v === undefined || v === null || isGoNil(v)) return void out.push('null');
      switch (typeof v) {
        case 'boolean':
          return void out.push(v ? 'true' : 'false');
        case 'string':
          return void out.push(quoteJsonString(v, html));
        case 'number':
          if (!Number.isFinite(v)) throw new JsonError(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`);
          return void out.push(formatJsonFloat(v));
      }
      if (v instanceof GoInt) return void out.push(v.toString());
      if (v instanceof Uint8Array) return void out.push(`"${base64Std(v)}"`);
      if (v instanceof GoTime) return void out.push(`"${rfc3339Nano(v)}"`);
      if (v instanceof GoStruct && v.type.jsonValue) {
        v = v.type.jsonValue(v);
        continue;
      }
      if (v instanceof Map) {
        const m = v;
        out.push('{');
        return void open.push({ close: '}', members: sortedKeys(m).map((k) => [k, m.get(k)] as const), i: 0 });
      }
      if (Array.isArray(v)) {
        out.push('[');
        return void open.push({ close: ']', members: v.map((x) => [null, x] as const), i: 0 });
      }
      if (v instanceof GoStruct) {
        out.push('{');
        return void open.push({ close: '}', members: jsonStructFields(v), i: 0 });
      }
      if (isGoFunc(v)) throw new JsonError(`json: unsupported type: ${typeName(v)}`);
      return void out.push('null');
    }
  };
  write(root);
  while (open.length > 0) {
    const top = open[open.length - 1];
    if (top.i === top.members.length) {
      out.push(top.close);
      open.pop();
      continue;
    }
    const [key, x] = top.members[top.i];
    out.push(`${top.i > 0 ? ',' : ''}${key === null ? '' : `${quoteJsonString(key, html)}:`}`);
    top.i++;
    write(x);
  }
  return out.join('');
}

/** json.Indent over compact JSON (strings can't contain raw newlines, so a simple walk works). */
function indentJson(src: string, prefix: string, indent: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => '\n' + prefix + indent.repeat(depth);
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inString) {
      out += c;
      if (c === '\\') out += src[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (src[i + 1] === close) {
        out += c + close;
        i++;
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') out += c + newline();
    else if (c === ':') out += ': ';
    else out += c;
  }
  return out;
}

/** encoding/json Marshal (or MarshalIndent with `indent`); throws {@link JsonError}. */
export function marshalJson(v: GoValue, opts: MarshalJsonOptions = {}): string {
  const compact = encode(v, opts.escapeHtml ?? true);
  return opts.indent ? indentJson(compact, opts.indent.prefix, opts.indent.indent) : compact;
}
