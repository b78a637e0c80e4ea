/**
 * text/template's escapers behind the `html`, `js` and `urlquery` builtins, byte for byte.
 */
import { sprint, isPrint, utf8Encode, GoStruct, type GoValue, isGoFunc } from '../go';

const HTML_ESCAPES: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Go's template.HTMLEscapeString. */
export function htmlEscapeString(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => HTML_ESCAPES[c]);
}

const JS_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '<': '\\u003C',
  '>': '\\u003E',
  '&': '\\u0026',
  '=': '\\u003D',
};

/** Go's template.JSEscapeString: quotes and HTML-significant ASCII escaped, control and non-printable runes as \uXXXX. */
export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r < 0x80) {
      const e = JS_ESCAPES[ch];
      if (e) out += e;
      else if (r < 0x20) out += '\\u00' + r.toString(16).toUpperCase().padStart(2, '0');
      else out += ch;
    } else if (isPrint(r) || (r >= 0xd800 && r <= 0xdfff)) {
      // A lone surrogate stands for bytes Go would decode as U+FFFD, which is printable.
      out += ch;
    } else {
      out += '\\u' + r.toString(16).toUpperCase().padStart(4, '0');
    }
  }
  return out;
}

/** Go's url.QueryEscape: everything but `A-Za-z0-9-_.~` percent-encoded by UTF-8 byte, space as `+`. */
export function urlQueryEscape(s: string): string {
  if (/^[A-Za-z0-9\-_.~]*$/.test(s)) return s;
  let out = '';
  for (const b of utf8Encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/**
 * text/template's printableValue, used when an action prints a value and by evalArgs: nil (an
 * invalid reflect.Value) becomes `<no value>`, a pointer to a struct without a String method is
 * printed as the struct itself. Returns `ok: false` for a func, which text/template can't print
 * (`can't print X of type func...`); evalArgs then leaves it to fmt.
 */
export function printableValue(v: GoValue): { value: GoValue; ok: boolean } {
  if (v === null || v === undefined) return { value: '<no value>', ok: true };
  if (v instanceof GoStruct) {
    if (v.pointer && !v.type.stringer) return { value: new GoStruct(v.type, v.fields, false), ok: true };
    // An addressable value whose String has a pointer receiver is printed through its address.
    if (!v.pointer && v.addressable && v.type.pointerMethods) return { value: new GoStruct(v.type, v.fields, true), ok: true };
  }
  if (isGoFunc(v)) return { value: v, ok: false };
  return { value: v, ok: true };
}

/**
 * text/template's evalArgs: the text the `html`/`js`/`urlquery` builtins escape. A single string
 * argument is used as is; anything else goes through fmt.Sprint after printableValue.
 */
export function evalArgsString(args: readonly GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => printableValue(a).value));
}
