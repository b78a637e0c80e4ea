/**
 * go-yaml v2's decoding of the first document into interface{} (decode.go): implicit typing of
 * plain scalars, merge keys that override earlier keys, the last duplicate key winning, aliases
 * decoded again at each use, and go-yaml's guard against alias expansion bombs.
 */
import { composeFirstDocument, NODE, type YamlNode } from './composer';
import { YamlError, YamlProblem } from './errors';
import { utf8ToGoString } from './reader';
import { isResolvableTag, resolveScalar, shortTag, TAG, type YamlScalar } from './resolve';

/** A go-yaml v2 map[interface{}]interface{}: entries keyed by Go key identity, in insertion order. */
export class YamlMap {
  readonly entries = new Map<string, [YamlNative, YamlNative]>();
  /** The text the emitter wrote for it, when kept for reuse (emit-reuse.ts). */
  written: unknown = undefined;
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

/** Parses the first YAML document of `text` as go-yaml v2's Unmarshal into interface{} does. */
export function decodeYaml(text: string): YamlNative {
  let root: YamlNode | null;
  try {
    root = composeFirstDocument(text);
  } catch (e) {
    throw e instanceof YamlProblem ? e.toYamlError() : e;
  }
  return root ? new Decoder().decode(root) : null;
}

// Thresholds of go-yaml's alias expansion guard (allowedAliasRatio).
const ALIAS_RATIO_LOW = 400000;
const ALIAS_RATIO_HIGH = 4000000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_LOW) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW));
}

const mergeError = () => new YamlError('yaml: map merge requires map or sequence of maps as the value', 'merge');

/** Marks a collection opened for filling rather than a decoded value. */
const OPENED = Symbol('opened');
/** A mapping's slot before its next key is decoded. */
const NO_KEY = Symbol('no key');

/** A collection being decoded: its node, the value taking shape, the next child, a mapping's pending key. */
interface Filling {
  node: YamlNode;
  out: YamlNative[] | YamlMap;
  i: number;
  key: YamlNative | typeof NO_KEY;
}

class Decoder {
  private readonly activeAliases = new Set<YamlNode>();
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;

  /** Counts a decode step and stops documents that expand aliases excessively. */
  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new YamlError('yaml: document contains excessive aliasing', 'alias');
    }
  }

  /**
   * go-yaml's decoder recurses through nested collections (flow values 10,000 levels deep decode);
   * this keeps the open collections on a stack of its own, visiting nodes in the same order, so
   * the alias counting and every error come out as go-yaml's.
   */
  decode(n: YamlNode): YamlNative {
    const open: Filling[] = [];
    return this.fill(open, this.begin(n, open));
  }

  /** Counts a node and decodes it if it holds no others; a collection is opened on `open` instead. */
  private begin(n: YamlNode, open: Filling[]): YamlNative | typeof OPENED {
    for (;;) {
      this.count();
      switch (n.kind) {
        case NODE.DOCUMENT:
          if (n.children.length !== 1) return null;
          n = n.children[0];
          continue;
        case NODE.ALIAS:
          return this.alias(n);
        case NODE.SCALAR:
          return scalar(n);
        case NODE.SEQUENCE:
          open.push({ node: n, out: new Array(n.children.length), i: 0, key: NO_KEY });
          return OPENED;
        default:
          open.push({ node: n, out: new YamlMap(), i: 0, key: NO_KEY });
          return OPENED;
      }
    }
  }

  /** Runs until the collections opened on `open` are complete; returns the outermost one's value. */
  private fill(open: Filling[], first: YamlNative | typeof OPENED): YamlNative {
    let v = first;
    for (;;) {
      let top = open[open.length - 1];
      if (v !== OPENED) {
        if (top === undefined) return v;
        if (Array.isArray(top.out)) top.out[top.i++] = v;
        else if (top.key === NO_KEY) {
          if (v instanceof YamlMap || Array.isArray(v)) throw new YamlError(`yaml: invalid map key: ${goSyntax(v)}`, 'key');
          top.key = v;
        } else {
          top.out.set(top.key, v);
          top.key = NO_KEY;
          top.i += 2;
        }
      }
      top = open[open.length - 1];
      const c = top.node.children;
      if (!Array.isArray(top.out)) {
        // Merge keys write into this map before the entries after them.
        while (top.key === NO_KEY && top.i < c.length && isMerge(c[top.i])) {
          this.merge(c[top.i + 1], top.out);
          top.i += 2;
        }
      }
      if (top.i >= c.length) {
        open.pop();
        v = top.out;
        continue;
      }
      v = this.begin(Array.isArray(top.out) || top.key === NO_KEY ? c[top.i] : c[top.i + 1], open);
    }
  }

  private alias(n: YamlNode): YamlNative {
    if (this.activeAliases.has(n)) throw new YamlError(`yaml: anchor '${n.value}' value contains itself`, 'alias');
    this.activeAliases.add(n);
    this.aliasDepth++;
    const v = this.decode(n.alias!);
    this.aliasDepth--;
    this.activeAliases.delete(n);
    return v;
  }

  /** Decodes a mapping node into `out` (merged mappings write into their parent's map). */
  private mapping(n: YamlNode, out: YamlMap): void {
    this.fill([{ node: n, out, i: 0, key: NO_KEY }], OPENED);
  }

  /** Decodes a node that must be a mapping into an existing map, counting it as go-yaml does. */
  private into(n: YamlNode, out: YamlMap): void {
    this.count();
    if (n.kind === NODE.ALIAS) {
      if (this.activeAliases.has(n)) throw new YamlError(`yaml: anchor '${n.value}' value contains itself`, 'alias');
      this.activeAliases.add(n);
      this.aliasDepth++;
      this.into(n.alias!, out);
      this.aliasDepth--;
      this.activeAliases.delete(n);
      return;
    }
    this.mapping(n, out);
  }

  private merge(n: YamlNode, out: YamlMap): void {
    if (n.kind === NODE.MAPPING) return this.into(n, out);
    if (n.kind === NODE.ALIAS) {
      if (n.alias!.kind !== NODE.MAPPING) throw mergeError();
      return this.into(n, out);
    }
    if (n.kind !== NODE.SEQUENCE) throw mergeError();
    // Earlier maps take precedence, so they are applied last.
    for (let i = n.children.length - 1; i >= 0; i--) {
      const ni = n.children[i];
      if (ni.kind === NODE.ALIAS ? ni.alias!.kind !== NODE.MAPPING : ni.kind !== NODE.MAPPING) throw mergeError();
      this.into(ni, out);
    }
  }
}

function isMerge(n: YamlNode): boolean {
  return n.kind === NODE.SCALAR && n.value === '<<' && (n.implicit || n.tag === TAG.merge);
}

/** decoder.scalar for an interface{} target. */
function scalar(n: YamlNode): YamlNative {
  const text = n.value;
  const tag = n.tag;
  if (tag === '' && !n.implicit) return text;
  if (tag === '') return resolveScalar('', text).value;
  if (!isResolvableTag(tag)) return tag === TAG.binary ? decodeBinary(text) : text;
  const r = resolveScalar(tag, text);
  if (tag === TAG.str) return text;
  if (r.tag === tag) return tag === TAG.timestamp ? text : r.value;
  if (tag === TAG.float && r.tag === TAG.int && typeof r.value === 'object' && r.value && 'v' in r.value && r.value.kind === 'int') {
    return Number(r.value.v);
  }
  throw new YamlError(`yaml: cannot decode ${shortTag(r.tag)} \`${text}\` as a ${shortTag(tag)}`, 'tag');
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
  return utf8ToGoString(Uint8Array.from(bytes));
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
