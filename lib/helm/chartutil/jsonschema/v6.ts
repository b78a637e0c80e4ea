/**
 * JSON Schema validation as Helm 4 does it, with santhosh-tekuri/jsonschema v6: drafts 4 to
 * 2020-12 (2020-12 when `$schema` names none), `$ref` within the document, and its error tree
 * printed as v6 prints it (`- at '/a/b': minLength: got 0, want 1`, causes indented below).
 *
 * Helm 4 would fetch a remote `$ref` (or `$schema`) over HTTP; chartroom renders offline and in
 * the browser, so it refuses them with helm's own prefix (`failing loading "URL": ...`).
 */
import { goRegexp } from './go-regexp';
import { formatFloat } from '../../../go';
import { isMultipleOf, type Json } from './json';
import { checkFormatV6 } from './v6-formats';
import { below, pointerOf, refLocation, SCHEMA_ROOT, type SchemaLocation as Loc } from './schema-location';

type Obj = { [k: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const ROOT_URL = 'file:///values.schema.json';

/** One node of v6's ValidationError tree. */
export interface V6Error {
  instance: string[];
  /** The text after `at '...': `; empty for the nodes v6 leaves out of its output. */
  message: string;
  /** A `$ref` hop: printed only through its causes when it has exactly one. */
  reference?: boolean;
  /** Several errors of one schema (`validation failed`), unwrapped at the top. */
  group?: boolean;
  /** An `anyOf` or `oneOf` that failed: each cause describes one option only. */
  choice?: 'anyOf' | 'oneOf';
  /**
   * The failing keyword's place in the schema (`#/properties/a/maximum`; through a `$ref`, the place
   * it points at); a `false` schema's own place. None on the nodes that only gather causes.
   */
  keywordLocation?: string;
  causes: V6Error[];
}

/** A problem with the schema itself: helm prints its text alone. */
export class SchemaCompileError extends Error {}

/** v6's draftFromURL: the draft a `$schema` names, http or https, `#` allowed at the end. */
const DRAFTS: Record<string, number> = {
  'json-schema.org/schema': 2020,
  'json-schema.org/draft/2020-12/schema': 2020,
  'json-schema.org/draft/2019-09/schema': 2019,
  'json-schema.org/draft-07/schema': 7,
  'json-schema.org/draft-06/schema': 6,
  'json-schema.org/draft-04/schema': 4,
};

function draftOf(root: Json): number {
  if (!isObj(root) || typeof root.$schema !== 'string') return 2020;
  const url = root.$schema.replace(/#$/, '');
  const d = DRAFTS[url.replace(/^https?:\/\//, '')];
  if (d === undefined) throw remoteRefused(url);
  return d;
}

const META_URLS: Record<number, string> = {
  4: 'http://json-schema.org/draft-04/schema',
  6: 'http://json-schema.org/draft-06/schema',
  7: 'http://json-schema.org/draft-07/schema',
  2019: 'https://json-schema.org/draft/2019-09/schema',
  2020: 'https://json-schema.org/draft/2020-12/schema',
};

/** The JSON types the metaschemas allow for keywords' values. */
const SCHEMA = ['boolean', 'object'];
const KEYWORD_TYPES: Record<string, string[]> = {
  items: SCHEMA,
  additionalProperties: SCHEMA,
  additionalItems: SCHEMA,
  not: SCHEMA,
  if: SCHEMA,
  then: SCHEMA,
  else: SCHEMA,
  contains: SCHEMA,
  propertyNames: SCHEMA,
  properties: ['object'],
  patternProperties: ['object'],
  $defs: ['object'],
  definitions: ['object'],
  dependentSchemas: ['object'],
  allOf: ['array'],
  anyOf: ['array'],
  oneOf: ['array'],
  prefixItems: ['array'],
  title: ['string'],
  description: ['string'],
  required: ['array'],
  enum: ['array'],
  minimum: ['number'],
  maximum: ['number'],
  multipleOf: ['number'],
  exclusiveMinimum: ['number'],
  exclusiveMaximum: ['number'],
  minLength: ['integer'],
  maxLength: ['integer'],
  minItems: ['integer'],
  maxItems: ['integer'],
  minProperties: ['integer'],
  maxProperties: ['integer'],
  uniqueItems: ['boolean'],
  pattern: ['string'],
  format: ['string'],
  $ref: ['string'],
};

/** Keywords whose values are schemas: by name, in a list, or one. */
const KEYWORD_ORDER = new Map(Object.keys(KEYWORD_TYPES).map((k, i) => [k, i]));
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema']);

function remoteRefused(url: string): SchemaCompileError {
  if (/^https?:/i.test(url)) {
    return new SchemaCompileError(`failing loading "${url}": HTTP request failed for ${url}: Get "${url}": chartroom does not fetch remote schemas`);
  }
  const file = url.startsWith('file://') ? url.slice('file://'.length) : url;
  return new SchemaCompileError(`failing loading "${url}": open ${file}: no such file or directory`);
}

function decodePointerToken(t: string): string {
  return decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A compiled schema document: its draft and the targets of its references. */
export class V6Schema {
  readonly draft: number;

  constructor(readonly root: Json) {
    this.draft = draftOf(root);
    this.checkSchema(root, '');
  }

  /**
   * What v6 checks before validating: the schema against its draft's metaschema (here: the
   * types of the keywords' values, and patterns being Go regexps), then that references resolve.
   */
  private checkSchema(s: Json, loc: string): void {
    if (s !== true && s !== false && !isObj(s)) throw this.metaError(loc, `got ${typeOf(s)}, want boolean or object`, schemaLevels(loc).slice(0, -1));
    if (!isObj(s)) return;
    // A schema level holds a few of the keywords: those it has, taken in the metaschema's order
    // (the first wrong one is the one v6 names), without trying each keyword on every level.
    const present = Object.keys(s).filter((k) => KEYWORD_ORDER.has(k));
    if (present.length > 1) present.sort((a, b) => KEYWORD_ORDER.get(a)! - KEYWORD_ORDER.get(b)!);
    for (const kw of present) {
      const want = KEYWORD_TYPES[kw];
      const v = s[kw];
      if (kw === 'items' && this.draft < 2020 && Array.isArray(v)) continue;
      if (kw === 'exclusiveMinimum' || kw === 'exclusiveMaximum') {
        if (this.draft === 4 ? typeof v === 'boolean' : typeof v === 'number') continue;
        throw this.metaError(`${loc}/${kw}`, `got ${typeOf(v)}, want ${this.draft === 4 ? 'boolean' : 'number'}`, schemaLevels(loc));
      }
      const got = typeOf(v);
      const ok = want.includes(got) || (want.includes('integer') && got === 'number' && Number.isInteger(v));
      if (!ok) throw this.metaError(`${loc}/${kw}`, `got ${got}, want ${TYPES.filter((t) => want.includes(t)).join(' or ')}`, schemaLevels(loc));
    }
    if ('type' in s) this.checkType(s.type, `${loc}/type`, loc);
    if (typeof s.$ref === 'string') this.resolve(s.$ref);
    if (typeof s.pattern === 'string') this.checkPattern(s.pattern, `${loc}/pattern`, loc);
    const esc = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');
    for (const [k, v] of Object.entries(s)) {
      if (SCHEMA_MAPS.has(k) && isObj(v)) {
        for (const [name, sub] of Object.entries(v)) {
          // `dependencies` entries may be lists of names instead of schemas.
          if (k === 'dependencies' && Array.isArray(sub)) continue;
          this.checkSchema(sub, `${loc}/${k}/${esc(name)}`);
        }
      } else if (SCHEMA_LISTS.has(k) && Array.isArray(v)) v.forEach((sub, i) => this.checkSchema(sub, `${loc}/${k}/${i}`));
      else if (SCHEMA_ONE.has(k)) this.checkSchema(v, `${loc}/${k}`);
    }
  }

  /** `type` is one simple type name or a list of them: the metaschema's anyOf of the two. */
  private checkType(v: Json, at: string, schemaLoc: string): void {
    if (typeof v === 'string' ? TYPES.includes(v) : Array.isArray(v)) return;
    const names = `value must be one of ${[...TYPES].sort().map((t) => quote(t)).join(', ')}`;
    const causes = typeof v === 'string' ? [names, 'got string, want array'] : [names, `got ${typeOf(v)}, want array`];
    throw this.metaError(at, `'anyOf' failed`, schemaLevels(schemaLoc), causes.map((c) => `- at ${quote(at)}: ${c}`));
  }

  private checkPattern(pattern: string, at: string, schemaLoc: string): void {
    try {
      goRegexp(pattern);
    } catch (e) {
      throw this.metaError(at, `${quote(pattern)} is not valid regex: ${goRegexpError(e as Error)}`, schemaLevels(schemaLoc));
    }
  }

  /**
   * The metaschema's verdict on one keyword. The 2019-09 and 2020-12 metaschemas are an allOf of
   * vocabularies, so every schema level down to the keyword adds an `'allOf' failed` line.
   */
  private metaError(at: string, message: string, levels: string[], causes: string[] = []): SchemaCompileError {
    const meta = META_URLS[this.draft];
    let text = `"${ROOT_URL}#" is not valid against metaschema: jsonschema validation failed with ${quote(`${meta}#`)}`;
    const chain = this.draft >= 2019 ? ['', ...levels] : [];
    chain.forEach((l, depth) => (text += `\n${'  '.repeat(depth)}- at ${quote(l)}: 'allOf' failed`));
    text += `\n${'  '.repeat(chain.length)}- at ${quote(at)}: ${message}`;
    for (const cause of causes) text += `\n${'  '.repeat(chain.length + 1)}${cause}`;
    return new SchemaCompileError(text);
  }

  /** References resolved so far (every one is at compile time): validation meets them again for each value. */
  private readonly targets = new Map<string, Json>();

  /** The schema a `$ref` points at. @throws SchemaCompileError */
  resolve(ref: string): Json {
    const known = this.targets.get(ref);
    if (known !== undefined) return known;
    const target = this.lookUp(ref);
    this.targets.set(ref, target);
    return target;
  }

  private lookUp(ref: string): Json {
    const hash = ref.indexOf('#');
    const base = hash < 0 ? ref : ref.slice(0, hash);
    if (base !== '' && base !== ROOT_URL) throw remoteRefused(/^[a-z][a-z0-9+.-]*:/i.test(base) ? base : `file:///${base.replace(/^\.?\//, '')}`);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    if (fragment !== '' && !fragment.startsWith('/')) {
      const found = findAnchor(this.root, fragment);
      if (found === undefined) throw new SchemaCompileError(`anchor in "${ROOT_URL}#${fragment}" not found`);
      return found;
    }
    let cur: Json | undefined = this.root;
    for (const raw of fragment === '' ? [] : fragment.slice(1).split('/')) {
      const t = decodePointerToken(raw);
      if (Array.isArray(cur)) cur = cur[Number(t)];
      else if (isObj(cur)) cur = cur[t];
      else cur = undefined;
      if (cur === undefined) throw new SchemaCompileError(`json-pointer in "${ROOT_URL}#${fragment}" not found`);
    }
    return cur!;
  }
}

function findAnchor(s: Json, name: string): Json | undefined {
  if (Array.isArray(s)) {
    for (const x of s) {
      const f = findAnchor(x, name);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  if (!isObj(s)) return undefined;
  if (s.$anchor === name || s.$dynamicAnchor === name) return s;
  for (const [k, v] of Object.entries(s)) {
    if (k === 'enum' || k === 'const') continue;
    const f = findAnchor(v, name);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** `/properties/a/items` → the schema locations above it that are schemas: `/properties/a`. */
function schemaLevels(loc: string): string[] {
  const parts = loc.split('/').slice(1);
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < parts.length; i++) {
    const kw = parts[i];
    cur += `/${kw}`;
    if (['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'allOf', 'anyOf', 'oneOf', 'prefixItems'].includes(kw) && i + 1 < parts.length) {
      i++;
      cur += `/${parts[i]}`;
    }
    out.push(cur);
  }
  return out;
}

/** Why a `format: regex` string is not a Go regexp, or null. */
function regexProblem(v: string): string | null {
  try {
    goRegexp(v);
    return null;
  } catch (e) {
    return goRegexpError(e as Error);
  }
}

/** Go's regexp.Compile error text for a pattern RE2JS refused. */
function goRegexpError(e: Error): string {
  const msg = e.message.replace(/^error parsing regexp: /, '');
  const m = /^(.*?): `?(.*?)`?$/.exec(msg);
  return m ? `error parsing regexp: ${m[1]}: \`${m[2]}\`` : `error parsing regexp: ${msg}`;
}

// ---- error texts, as v6's kind package words them -------------------------------------------

/** v6's quote: Go's %q with `"` unescaped and `'` escaped, in single quotes. */
export function quote(s: string): string {
  const q = JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${q}'`;
}

function display(v: Json): string {
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v) || isObj(v)) return 'value';
  if (v === null) return '<nil>';
  if (typeof v === 'number') return formatFloat(v, 'g', -1);
  return String(v);
}

/** golang.org/x/text's English printer: thousands grouped in %d and %v numbers. */
function grouped(n: number): string {
  const text = Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : formatFloat(n, 'g', -1);
  const m = /^(-?)(\d+)(.*)$/.exec(text);
  if (!m || /e/.test(text)) return text;
  return m[1] + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + m[3];
}

const TYPES = ['null', 'boolean', 'number', 'integer', 'string', 'array', 'object'];

function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v === 'number' ? 'number' : typeof v === 'string' ? 'string' : 'boolean';
}

function equals(a: Json, b: Json): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equals(x, b[i]));
  if (isObj(a)) {
    if (!isObj(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equals(a[k], b[k]));
  }
  return a === b;
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// ---- validation -----------------------------------------------------------------------------

interface Ctx {
  doc: V6Schema;
  /** Only whether it is valid matters (if, not, oneOf after a match). */
  boolOnly: boolean;
  /** Errors carry their keywordLocation (costs a little on every step into a subschema). */
  locate: boolean;
}

function node(instance: string[], message: string, causes: V6Error[] = [], keywordLocation?: string): V6Error {
  return keywordLocation === undefined ? { instance, message, causes } : { instance, message, keywordLocation, causes };
}

/** Validates `v` against the document's root; null when valid. `locate`: errors say which keyword failed. */
export function validateV6(doc: V6Schema, v: Json, { locate = false } = {}): V6Error | null {
  return validate({ doc, boolOnly: false, locate }, doc.root, v, [], SCHEMA_ROOT);
}

function validate(ctx: Ctx, s: Json, v: Json, at: string[], loc: Loc): V6Error | null {
  if (s === true || s === undefined) return null;
  if (s === false) return node(at, 'false schema', [], ctx.locate ? pointerOf(loc) : undefined);
  if (!isObj(s)) return null;
  const draft = ctx.doc.draft;
  const errors: V6Error[] = [];
  const add = (keyword: string, message: string, causes: V6Error[] = []) => {
    const n = node(at, message, causes, keywordAt(ctx, loc, keyword));
    errors.push(n);
    return n;
  };
  const addErr = (e: V6Error | null) => e && errors.push(e);
  const sub = (schema: Json, value: Json, tok: string | null, schemaLoc: Loc, boolOnly = ctx.boolOnly) =>
    validate(boolOnly === ctx.boolOnly ? ctx : { ...ctx, boolOnly }, schema, value, tok === null ? at : [...at, tok], schemaLoc);

  const t = typeOf(v);
  if (s.type !== undefined) {
    const want = (Array.isArray(s.type) ? s.type : [s.type]).filter((x): x is string => typeof x === 'string');
    const ok = want.includes(t) || (want.includes('integer') && t === 'number' && Number.isInteger(v));
    if (!ok && want.length) return node(at, `got ${t}, want ${TYPES.filter((x) => want.includes(x)).join(' or ')}`, [], keywordAt(ctx, loc, 'type'));
  }
  if ('const' in s && !equals(v, s.const)) {
    return node(at, Array.isArray(s.const) || isObj(s.const) ? "'const' failed" : `value must be ${display(s.const)}`, [], keywordAt(ctx, loc, 'const'));
  }
  if (Array.isArray(s.enum) && !s.enum.some((x) => equals(v, x))) {
    const prim = s.enum.every((x) => !Array.isArray(x) && !isObj(x));
    return node(at, !prim ? "'enum' failed" : s.enum.length === 1 ? `value must be ${display(s.enum[0])}` : `value must be one of ${s.enum.map(display).join(', ')}`, [], keywordAt(ctx, loc, 'enum'));
  }
  if (typeof s.format === 'string' && draft < 2019 && typeof v === 'string') {
    const problem = s.format === 'regex' ? regexProblem(v) : checkFormatV6(s.format, v);
    if (problem !== null) return node(at, `${display(v)} is not valid ${s.format}: ${problem}`, [], keywordAt(ctx, loc, 'format'));
  }
  if (typeof s.$ref === 'string') {
    const target = ctx.doc.resolve(s.$ref);
    const e = sub(target, v, null, ctx.locate ? refLocation(s.$ref) : loc);
    const refErr = e && { instance: at, message: 'validation failed', reference: true, causes: e.group ? e.causes : [e] };
    if (draft < 2019) return refErr;
    addErr(refErr);
  }

  if (isObj(v)) objValidate(ctx, s, v, at, loc, errors, add, addErr, sub, draft);
  else if (Array.isArray(v)) arrValidate(ctx, s, v, loc, add, addErr, sub, draft);
  else if (typeof v === 'string') strValidate(s, v, add);
  else if (typeof v === 'number') numValidate(s, v, add, draft);

  if (errors.length === 0 || !ctx.boolOnly) condValidate(ctx, s, loc, add, addErr, (schema, schemaLoc, boolOnly) => sub(schema, v, null, schemaLoc, boolOnly));

  if (errors.length === 0) return null;
  if (errors.length === 1) return errors[0];
  return { instance: at, message: 'validation failed', group: true, causes: errors };
}

/** Records a failure of the keyword of the schema being validated. */
type Add = (keyword: string, message: string, causes?: V6Error[]) => V6Error;
type AddErr = (e: V6Error | null) => void;
type Sub = (schema: Json, value: Json, tok: string | null, schemaLoc: Loc, boolOnly?: boolean) => V6Error | null;
/** The location of the subschema under `keyword` (and `name` within it), when errors are located. */
function step(ctx: Ctx, loc: Loc, keyword: string, name?: string): Loc {
  return ctx.locate ? below(loc, keyword, name) : loc;
}

/** A failed keyword's location, when errors are located and will be read (not where only validity matters). */
function keywordAt(ctx: Ctx, loc: Loc, keyword: string): string | undefined {
  return ctx.locate && !ctx.boolOnly ? pointerOf(loc, keyword) : undefined;
}

function missing(obj: Obj, names: Json): string[] {
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && !(n in obj)) : [];
}

function missingText(m: string[]): string {
  return m.length === 1 ? `missing property ${quote(m[0])}` : `missing properties ${m.map(quote).join(', ')}`;
}

function objValidate(ctx: Ctx, s: Obj, obj: Obj, at: string[], loc: Loc, errors: V6Error[], add: Add, addErr: AddErr, sub: Sub, draft: number): void {
  const n = Object.keys(obj).length;
  if (typeof s.minProperties === 'number' && n < s.minProperties) add('minProperties', `minProperties: got ${grouped(n)}, want ${grouped(s.minProperties)}`);
  if (typeof s.maxProperties === 'number' && n > s.maxProperties) add('maxProperties', `maxProperties: got ${grouped(n)}, want ${grouped(s.maxProperties)}`);
  const req = missing(obj, s.required);
  if (req.length) add('required', missingText(req));
  if (ctx.boolOnly && errors.length) return;

  if (isObj(s.dependencies)) {
    for (const [p, dep] of Object.entries(s.dependencies)) {
      if (!(p in obj)) continue;
      if (Array.isArray(dep)) {
        const m = missing(obj, dep);
        if (m.length) add('dependencies', `properties ${m.map(quote).join(', ')} required, if ${quote(p)} exists`);
      } else addErr(sub(dep, obj, null, step(ctx, loc, 'dependencies', p)));
    }
  }

  const props = isObj(s.properties) ? s.properties : {};
  const patterns = isObj(s.patternProperties) ? Object.entries(s.patternProperties) : [];
  const additional: string[] = [];
  for (const [name, value] of Object.entries(obj)) {
    if (ctx.boolOnly && errors.length) return;
    let evaluated = false;
    if (name in props) {
      evaluated = true;
      addErr(sub(props[name], value, name, step(ctx, loc, 'properties', name)));
    }
    for (const [re, schema] of patterns) {
      if (goRegexp(re).find(name)) {
        evaluated = true;
        addErr(sub(schema, value, name, step(ctx, loc, 'patternProperties', re)));
      }
    }
    if (!evaluated && s.additionalProperties !== undefined) {
      if (s.additionalProperties === false) additional.push(name);
      else if (s.additionalProperties !== true) addErr(sub(s.additionalProperties, value, name, step(ctx, loc, 'additionalProperties')));
    }
  }
  if (additional.length) add('additionalProperties', `additional properties ${additional.map(quote).join(', ')} not allowed`);
  if (draft === 4) return;

  if (s.propertyNames !== undefined) {
    for (const name of Object.keys(obj)) {
      // A fresh validation of the name: v6 reports it and its causes at the root ('').
      const e = validate({ ...ctx }, s.propertyNames, name, [], step(ctx, loc, 'propertyNames'));
      if (e) errors.push(node([], `invalid propertyName ${quote(name)}`, e.group ? e.causes : [e], keywordAt(ctx, loc, 'propertyNames')));
    }
  }
  if (draft < 2019) return;
  if (isObj(s.dependentSchemas)) for (const [p, schema] of Object.entries(s.dependentSchemas)) if (p in obj) addErr(sub(schema, obj, null, step(ctx, loc, 'dependentSchemas', p)));
  if (isObj(s.dependentRequired)) {
    for (const [p, names] of Object.entries(s.dependentRequired)) {
      if (!(p in obj)) continue;
      const m = missing(obj, names);
      if (m.length) add('dependentRequired', `properties ${m.map(quote).join(', ')} required, if ${quote(p)} exists`);
    }
  }
}

function arrValidate(ctx: Ctx, s: Obj, arr: Json[], loc: Loc, add: Add, addErr: AddErr, sub: Sub, draft: number): void {
  if (typeof s.minItems === 'number' && arr.length < s.minItems) add('minItems', `minItems: got ${grouped(arr.length)}, want ${grouped(s.minItems)}`);
  if (typeof s.maxItems === 'number' && arr.length > s.maxItems) add('maxItems', `maxItems: got ${grouped(arr.length)}, want ${grouped(s.maxItems)}`);
  if (s.uniqueItems === true && arr.length > 1) {
    outer: for (let i = 1; i < arr.length; i++) {
      for (let j = 0; j < i; j++) {
        if (equals(arr[i], arr[j])) {
          add('uniqueItems', `items at ${grouped(j)} and ${grouped(i)} are equal`);
          break outer;
        }
      }
    }
  }
  if (draft < 2020) {
    let evaluated = 0;
    if (Array.isArray(s.items)) {
      evaluated = Math.min(arr.length, s.items.length);
      for (let i = 0; i < evaluated; i++) addErr(sub(s.items[i], arr[i], String(i), step(ctx, loc, 'items', String(i))));
    } else if (s.items !== undefined) {
      arr.forEach((x, i) => addErr(sub(s.items, x, String(i), step(ctx, loc, 'items'))));
      evaluated = arr.length;
    }
    if (s.additionalItems !== undefined && Array.isArray(s.items)) {
      if (s.additionalItems === false) {
        if (evaluated !== arr.length) add('additionalItems', `last ${grouped(arr.length - evaluated)} additionalItem(s) not allowed`);
      } else if (s.additionalItems !== true) arr.slice(evaluated).forEach((x, i) => addErr(sub(s.additionalItems, x, String(i), step(ctx, loc, 'additionalItems'))));
    }
  } else {
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
    const evaluated = Math.min(prefix.length, arr.length);
    for (let i = 0; i < evaluated; i++) addErr(sub(prefix[i], arr[i], String(i), step(ctx, loc, 'prefixItems', String(i))));
    if (s.items !== undefined) arr.slice(evaluated).forEach((x, i) => addErr(sub(s.items, x, String(i), step(ctx, loc, 'items'))));
  }
  if (s.contains !== undefined) {
    const errs: V6Error[] = [];
    const matched: number[] = [];
    arr.forEach((x, i) => {
      const e = sub(s.contains, x, String(i), step(ctx, loc, 'contains'));
      if (e) errs.push(e);
      else matched.push(i);
    });
    if (typeof s.minContains === 'number' && draft >= 2019) {
      if (matched.length < s.minContains) {
        add(
          'minContains',
          matched.length === 0
            ? `min ${grouped(s.minContains)} items required to match contains schema, but none matched`
            : `min ${grouped(s.minContains)} items required to match contains schema, but matched ${grouped(matched.length)} items at ${matched.join(' ')}`,
          errs,
        );
      }
    } else if (matched.length === 0) add('contains', 'no items match contains schema', errs);
    if (typeof s.maxContains === 'number' && draft >= 2019 && matched.length > s.maxContains) {
      add('maxContains', `max ${grouped(s.maxContains)} items required to match contains schema, but matched ${grouped(matched.length)} items at ${matched.join(' ')}`);
    }
  }
}

function strValidate(s: Obj, str: string, add: Add): void {
  const len = typeof s.minLength === 'number' || typeof s.maxLength === 'number' ? runeCount(str) : -1;
  if (typeof s.minLength === 'number' && len < s.minLength) add('minLength', `minLength: got ${grouped(len)}, want ${grouped(s.minLength)}`);
  if (typeof s.maxLength === 'number' && len > s.maxLength) add('maxLength', `maxLength: got ${grouped(len)}, want ${grouped(s.maxLength)}`);
  if (typeof s.pattern === 'string' && !goRegexp(s.pattern).find(str)) add('pattern', `${quote(str)} does not match pattern ${quote(s.pattern)}`);
}

function numValidate(s: Obj, n: number, add: Add, draft: number): void {
  const bound = (kw: string, fails: (limit: number) => boolean) => {
    const limit = s[kw];
    if (typeof limit === 'number' && fails(limit)) add(kw, `${kw}: got ${grouped(n)}, want ${grouped(limit)}`);
  };
  // Draft 4 spells exclusive bounds as booleans beside minimum and maximum.
  if (draft === 4 && s.exclusiveMinimum === true) bound('minimum', (l) => n <= l);
  else bound('minimum', (l) => n < l);
  if (draft === 4 && s.exclusiveMaximum === true) bound('maximum', (l) => n >= l);
  else bound('maximum', (l) => n > l);
  bound('exclusiveMinimum', (l) => n <= l);
  bound('exclusiveMaximum', (l) => n >= l);
  bound('multipleOf', (l) => !isMultipleOf(n, l));
}

/** The same value against another schema of the same level (allOf, if, ...). */
type Self = (schema: Json, schemaLoc: Loc, boolOnly?: boolean) => V6Error | null;

function condValidate(ctx: Ctx, s: Obj, loc: Loc, add: Add, addErr: AddErr, self: Self): void {
  if (s.not !== undefined && self(s.not, step(ctx, loc, 'not'), true) === null) add('not', "'not' failed");
  if (Array.isArray(s.allOf)) {
    const errs = s.allOf.map((x, i) => self(x, step(ctx, loc, 'allOf', String(i)))).filter((e): e is V6Error => e !== null);
    if (errs.length) add('allOf', "'allOf' failed", errs);
  }
  if (Array.isArray(s.anyOf)) {
    const errs: V6Error[] = [];
    let matched = false;
    for (const [i, x] of s.anyOf.entries()) {
      const e = self(x, step(ctx, loc, 'anyOf', String(i)));
      if (e) errs.push(e);
      else {
        matched = true;
        break;
      }
    }
    if (!matched) add('anyOf', "'anyOf' failed", errs).choice = 'anyOf';
  }
  if (Array.isArray(s.oneOf)) {
    let matched = -1;
    const errs: V6Error[] = [];
    for (let i = 0; i < s.oneOf.length; i++) {
      const e = self(s.oneOf[i], step(ctx, loc, 'oneOf', String(i)), matched !== -1);
      if (e) {
        if (matched === -1) errs.push(e);
      } else if (matched === -1) matched = i;
      else {
        add('oneOf', `'oneOf' failed, subschemas ${grouped(matched)}, ${grouped(i)} matched`).choice = 'oneOf';
        break;
      }
    }
    if (matched === -1) add('oneOf', "'oneOf' failed, none matched", errs).choice = 'oneOf';
  }
  if (s.if !== undefined) {
    if (self(s.if, step(ctx, loc, 'if'), true) === null) {
      if (s.then !== undefined) addErr(self(s.then, step(ctx, loc, 'then')));
    } else if (s.else !== undefined) addErr(self(s.else, step(ctx, loc, 'else')));
  }
}

// ---- output ---------------------------------------------------------------------------------

function pointer(tokens: string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * ValidationError.Error() below its `jsonschema validation failed with ...` line (which Helm
 * cuts), each node `- at 'POINTER': MESSAGE`, a `$ref` with one cause left out.
 */
export function formatV6(top: V6Error): string {
  const causes = top.group ? top.causes : [top];
  let out = '';
  const show = (e: V6Error, indent: number) => {
    if (e.reference && e.causes.length === 1) {
      show(e.causes[0], indent);
      return;
    }
    out += `${out ? '\n' : ''}${'  '.repeat(indent)}- at ${quote(pointer(e.instance))}: ${e.message}`;
    for (const c of e.causes) show(c, indent + 1);
  };
  for (const c of causes) show(c, 0);
  return out;
}

/**
 * The problems formatV6 prints, as values paths and messages: the innermost lines say what is
 * wrong (a group line above them only says that its causes failed), except that a choice keeps its
 * own line too, since each cause below it describes one option only.
 */
export function problemsV6(top: V6Error): { path: string[]; message: string; keyword?: 'anyOf' | 'oneOf' }[] {
  const out: { path: string[]; message: string; keyword?: 'anyOf' | 'oneOf' }[] = [];
  const visit = (e: V6Error) => {
    if (e.reference && e.causes.length === 1) {
      visit(e.causes[0]);
      return;
    }
    if (e.choice) out.push({ path: e.instance, message: e.message, keyword: e.choice });
    else if (e.causes.length === 0) out.push({ path: e.instance, message: e.message });
    for (const c of e.causes) visit(c);
  };
  for (const c of top.group ? top.causes : [top]) visit(c);
  return out;
}
