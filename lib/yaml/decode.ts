/**
 * go-yaml v2's decoding into interface{}: the `yaml` package parses, and this walks its AST with
 * v2's semantics (implicit typing, merge keys that override earlier keys, last duplicate wins,
 * aliases re-decoded at each use, only the first document read).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { isResolvableTag, resolveScalar, shortTag, TAG, type YamlScalar } from './resolve';
import { syntaxError, YamlError } from './errors';

/** A go-yaml v2 map[interface{}]interface{}: entries keyed by Go key identity, in insertion order. */
export class YamlMap {
  readonly entries = new Map<string, [YamlNative, YamlNative]>();
  set(k: YamlNative, v: YamlNative): void {
    this.entries.set(keyIdentity(k), [k, v]);
  }
}
/** A value as go-yaml v2 decodes it into interface{}. */
export type YamlNative = YamlScalar | YamlMap | YamlNative[];

function keyIdentity(k: YamlNative): string {
  if (k === null) return 'nil';
  if (typeof k === 'string') return 's:' + k;
  if (typeof k === 'number') return 'f:' + (Object.is(k, -0) ? '0' : String(k));
  if (typeof k === 'boolean') return 'b:' + k;
  if (k instanceof YamlMap || Array.isArray(k)) return 'x:' + Math.random(); // rejected later
  if ('v' in k) return (k.kind === 'int' ? 'i:' : 'u:') + k.v;
  return 'merge';
}

type AnyNode = Node | null | undefined;

/** Parses the first YAML document of `text` as go-yaml v2's Unmarshal into interface{} does. */
export function decodeYaml(text: string): YamlNative {
  const docs = parseAllDocuments(text, {
    schema: 'failsafe',
    uniqueKeys: false,
    merge: false,
    strict: false,
    resolveKnownTags: false,
    keepSourceTokens: true,
  });
  if (!Array.isArray(docs) || docs.length === 0) {
    const errs = Array.isArray(docs) ? [] : (docs as { errors?: unknown[] }).errors;
    if (errs && errs.length) throw syntaxError(text, errs as never);
    return null;
  }
  const doc = docs[0];
  if (doc.errors.length) throw syntaxError(text, doc.errors);
  // Aliases bind to the latest anchor defined before them in the text, as go-yaml's parser does.
  const targets = new Map<Node, Node>();
  const anchors = new Map<string, Node>();
  const scan = (n: AnyNode): void => {
    if (!n) return;
    if (isAlias(n)) {
      const t = anchors.get(n.source);
      if (!t) throw new YamlError(`yaml: unknown anchor '${n.source}' referenced`, 'alias');
      targets.set(n, t);
      return;
    }
    if (n.anchor) anchors.set(n.anchor, n);
    if (isMap(n)) for (const p of n.items) (scan(p.key as AnyNode), scan(p.value as AnyNode));
    else if (isSeq(n)) for (const it of n.items) scan(isPair(it) ? (it.key as AnyNode) : (it as AnyNode));
  };
  scan(doc.contents as AnyNode);
  return new Decoder(targets, text).decode(doc.contents as AnyNode);
}

class Decoder {
  private readonly active = new Set<Node>();
  constructor(
    private readonly targets: Map<Node, Node>,
    private readonly text: string,
  ) {}

  decode(n: AnyNode): YamlNative {
    if (!n) return null;
    if (isAlias(n)) {
      const t = this.targets.get(n)!;
      if (this.active.has(t)) throw new YamlError(`yaml: anchor '${n.source}' value contains itself`, 'alias');
      this.active.add(t);
      try {
        return this.decode(t);
      } finally {
        this.active.delete(t);
      }
    }
    if (isScalar(n)) return this.scalar(n);
    if (isMap(n)) {
      const out = new YamlMap();
      this.mapping(n, out);
      return out;
    }
    if (isSeq(n)) {
      // A pair inside a flow sequence (`[a: 1]`) is a single-entry map.
      return n.items.map((it) => (isPair(it) ? this.singlePairMap(it) : this.decode(it as AnyNode)));
    }
    return null;
  }

  private singlePairMap(p: unknown): YamlMap {
    const out = new YamlMap();
    this.mapping({ items: [p] }, out);
    return out;
  }

  private scalar(n: Node & { value: unknown; type?: string; tag?: string }): YamlNative {
    let text = typeof n.value === 'string' ? n.value : String(n.value);
    const raw = (n.srcToken as { source?: string } | undefined)?.source;
    if (raw && /[\u0085\u2028\u2029]/.test(raw) && !n.type?.startsWith('BLOCK')) text = foldYaml11Breaks(text);
    const tag = n.tag ?? '';
    const implicit = n.type === 'PLAIN' && !n.tag;
    if (!implicit && !tag) return text;
    if (n.type === 'PLAIN' && !tag) return resolveScalar('', text).value;
    if (!isResolvableTag(tag)) {
      if (tag === TAG.binary) return decodeBinary(text);
      return text;
    }
    const r = resolveScalar(tag, text);
    if (tag === r.tag || tag === TAG.str) return tag === TAG.str ? text : r.value;
    if (tag === TAG.timestamp) return text;
    if (tag === TAG.float && r.tag === TAG.int && typeof r.value === 'object' && r.value && 'v' in r.value && r.value.kind === 'int') {
      return Number(r.value.v);
    }
    throw new YamlError(`yaml: cannot decode ${shortTag(r.tag)} \`${text}\` as a ${shortTag(tag)}`, 'tag');
  }

  private isMergeKey(k: AnyNode): boolean {
    if (!k || !isScalar(k)) return false;
    const s = k as unknown as { value: unknown; type?: string; tag?: string };
    return s.value === '<<' && ((s.type === 'PLAIN' && !s.tag) || s.tag === TAG.merge);
  }

  /** go-yaml rejects `: value` with no key in a block mapping (only `? ` may leave a key empty). */
  private checkEmptyKey(n: { srcToken?: unknown }, idx: number): void {
    type Item = { start?: { type: string }[]; key?: unknown; sep?: { type: string; offset: number }[] };
    const tok = n.srcToken as { type?: string; items?: Item[] } | undefined;
    if (!tok || tok.type !== 'block-map') return;
    const item = tok.items?.[idx];
    if (!item || item.key || item.start?.some((t) => t.type === 'explicit-key-ind')) return;
    const ind = item.sep?.find((t) => t.type === 'map-value-ind');
    const line0 = ind ? (this.text.slice(0, ind.offset).match(/\n/g) ?? []).length : 0;
    throw new YamlError(`yaml: ${line0 > 0 ? `line ${line0}: ` : ''}did not find expected key`, 'syntax');
  }

  private mapping(n: { items: unknown[]; srcToken?: unknown }, out: YamlMap): void {
    n.items.forEach((_, i) => this.checkEmptyKey(n, i));
    for (const p of n.items as { key: AnyNode; value: AnyNode }[]) {
      if (this.isMergeKey(p.key)) {
        this.merge(p.value, out);
        continue;
      }
      const k = this.decode(p.key);
      if (k instanceof YamlMap || Array.isArray(k)) throw new YamlError(`yaml: invalid map key: ${goSyntax(k)}`, 'key');
      out.set(k, this.decode(p.value));
    }
  }

  private mergeTarget(n: AnyNode): AnyNode {
    if (n && isAlias(n)) {
      const t = this.targets.get(n)!;
      if (!isMap(t)) throw new YamlError('yaml: map merge requires map or sequence of maps as the value', 'merge');
      return t;
    }
    return n;
  }

  private merge(v: AnyNode, out: YamlMap): void {
    if (v && isMap(this.mergeTarget(v))) {
      this.mapping(this.mergeTarget(v) as unknown as { items: unknown[] }, out);
      return;
    }
    if (v && isSeq(v)) {
      // Earlier maps take precedence, so they are applied last.
      for (let i = v.items.length - 1; i >= 0; i--) {
        const t = this.mergeTarget(v.items[i] as AnyNode);
        if (!t || !isMap(t)) throw new YamlError('yaml: map merge requires map or sequence of maps as the value', 'merge');
        this.mapping(t, out);
      }
      return;
    }
    throw new YamlError('yaml: map merge requires map or sequence of maps as the value', 'merge');
  }
}

/**
 * YAML 1.1 (go-yaml) also breaks lines at NEL, LS and PS inside flow scalars: blanks around them
 * are dropped, and a lone NEL folds to a space (NEL counts as `\n`; LS/PS are kept).
 */
function foldYaml11Breaks(s: string): string {
  return s.replace(/[ \t]*([\u0085\u2028\u2029][ \t]*)+/g, (m) => {
    const breaks = m.replace(/[ \t]/g, '');
    if (breaks[0] !== '\u0085') return breaks.replace(/\u0085/g, '\n');
    return breaks.length === 1 ? ' ' : breaks.slice(1).replace(/\u0085/g, '\n');
  });
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `!!binary`: base64 (whitespace allowed) decoded to bytes, which Go then treats as a string. */
function decodeBinary(text: string): string {
  const s = text.replace(/[\r\n]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) {
    throw new YamlError('yaml: !!binary value contains invalid base64 data', 'tag');
  }
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of s.replace(/=+$/, '')) {
    acc = (acc << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return bytesToGoString(Uint8Array.from(bytes));
}

/** Decodes UTF-8 the way Go's range/json does: each invalid byte becomes U+FFFD. */
export function bytesToGoString(b: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let cp = 0;
    let min = 0;
    if (c < 0x80) [n, cp] = [1, c];
    else if (c >= 0xc2 && c < 0xe0) [n, cp, min] = [2, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c < 0xf0) [n, cp, min] = [3, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c < 0xf5) [n, cp, min] = [4, c & 0x07, 0x10000];
    let ok = n > 0 && i + n <= b.length;
    for (let k = 1; ok && k < n; k++) {
      if ((b[i + k] & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (b[i + k] & 0x3f);
    }
    if (ok && n > 1 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

/** `%#v` of a decoded value, for error messages (a nil inside a container is `interface {}(nil)`). */
export function goSyntax(v: YamlNative, nested = false): string {
  if (v === null) return nested ? 'interface {}(nil)' : '<nil>';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof YamlMap) {
    const parts = [...v.entries.values()].map(([k, x]) => `${goSyntax(k, true)}:${goSyntax(x, true)}`);
    return `map[interface {}]interface {}{${parts.join(', ')}}`;
  }
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSyntax(x, true)).join(', ')}}`;
  if ('v' in v) return v.kind === 'uint64' ? '0x' + v.v.toString(16) : v.v.toString();
  return '"<<"';
}
