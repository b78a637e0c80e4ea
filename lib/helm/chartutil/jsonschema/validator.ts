/**
 * JSON Schema validation that reports what gojsonschema v1.2.0 (Helm 3.17's validator) reports:
 * the same keywords, the same traversal (type first, then combinators, then the type's own
 * keywords, then properties), the same error texts and field paths (`(root)`, `image.tag`,
 * `list.0`). Go iterates schema properties in map order, so sibling errors may come out in
 * another order in helm; each line is the same.
 */
import { goRegexp } from './go-regexp';
import { checkFormat, isKnownFormat } from './formats';
import { formatFloat } from '../../../go';
import { canonicalJson, isMultipleOf, type Json } from './json';
import { below, pointerOf, refLocation, SCHEMA_ROOT, type SchemaLocation as Loc } from './schema-location';
import type { CombiningKeyword } from '../../../errors';

export interface SchemaError {
  /** Path without the `(root).` prefix; `(root)` at the top. */
  field: string;
  /** The keys of the place, exactly (`field` joins them with dots, so a key holding a dot reads as two). */
  keys: string[];
  description: string;
  /** The combining keyword this is the verdict of, when it is one. */
  keyword?: CombiningKeyword;
  /**
   * Where in the schema the failing keyword sits, as a JSON pointer fragment (`#/properties/a/maximum`;
   * through a `$ref`, the location it points at). A `false` schema fails at its own location. Only
   * from a validator made with `locate`.
   */
  keywordLocation?: string;
}

type Schema = Json;

/**
 * Pattern and format verdicts by (keyword, string). Values are validated on every render and
 * mostly hold the same strings as the render before; RE2 matching is the costly part.
 */
const verdicts = new Map<string, boolean>();
const MAX_VERDICTS = 4096;

function remembered(key: string, compute: () => boolean): boolean {
  let v = verdicts.get(key);
  if (v === undefined) {
    v = compute();
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
    verdicts.set(key, v);
  }
  return v;
}

const matches = (pattern: string, s: string): boolean => remembered(`p\0${pattern}\0${s}`, () => goRegexp(pattern).find(s));
const formatOk = (format: string, s: string): boolean => remembered(`f\0${format}\0${s}`, () => checkFormat(format, s));

/** Where the validator is in the value: built as a chain so only an error pays for the text. */
interface Path {
  readonly up: Path | null;
  readonly key: string;
}

const ROOT: Path = { up: null, key: '(root)' };

function keysOf(ctx: Path): string[] {
  const keys: string[] = [];
  for (let p: Path | null = ctx; p && p !== ROOT; p = p.up) keys.push(p.key);
  return keys.reverse();
}

/** gojsonschema's field text: `(root)` alone, otherwise the keys below it joined by dots. */
function fieldOf(ctx: Path): string {
  return ctx === ROOT ? ROOT.key : keysOf(ctx).join('.');
}

interface Result {
  errors: SchemaError[];
  score: number;
}

const isObj = (v: Json): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonType(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'boolean' : 'string';
}

function typesOf(s: { [k: string]: Json }): string[] {
  const t = s.type;
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function typesString(types: string[]): string {
  return types.length > 1 ? `[${types.join(',')}]` : types[0];
}

const PRIMITIVES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

/** The schema checks gojsonschema makes while compiling; throws the first problem's text. */
function checkSchema(s: Schema): void {
  if (!isObj(s)) return;
  // gojsonschema's parseSchema checks these kinds first, in this order.
  for (const k of ['title', 'description', '$ref']) {
    if (k in s && typeof s[k] !== 'string') throw new Error(`Invalid type. Expected: string, given: ${k}`);
  }
  if ('type' in s && typeof s.type !== 'string' && !Array.isArray(s.type)) {
    throw new Error('Invalid type. Expected: string/array of strings, given: type');
  }
  for (const t of typesOf(s)) {
    if (!PRIMITIVES.includes(t)) throw new Error(`has a primitive type that is NOT VALID -- given: ${t} Expected valid values are:[${PRIMITIVES.join(' ')}]`);
  }
  if (typeof s.multipleOf === 'number' && s.multipleOf <= 0) throw new Error(`${formatFloat(s.multipleOf, 'g', -1)} must be strictly greater than 0`);
  for (const k of ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']) {
    if (typeof s[k] === 'number' && (s[k] as number) < 0) throw new Error(`${k} must be greater than or equal to 0`);
  }
  const pairs: [string, string][] = [
    ['minimum', 'maximum'],
    ['minLength', 'maxLength'],
    ['minProperties', 'maxProperties'],
  ];
  for (const [lo, hi] of pairs) {
    if (typeof s[lo] === 'number' && typeof s[hi] === 'number' && (s[lo] as number) > (s[hi] as number)) {
      throw new Error(`${lo} cannot be greater than ${hi}`);
    }
  }
  if (typeof s.pattern === 'string') {
    try {
      goRegexp(s.pattern);
    } catch {
      throw new Error('pattern must be a valid regex');
    }
  }
  for (const k of ['properties', 'patternProperties', 'definitions', 'dependencies']) {
    const m = s[k];
    if (isObj(m)) for (const x of Object.values(m)) checkSchema(x);
  }
  for (const k of ['items', 'additionalItems', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames']) {
    const x = s[k];
    if (Array.isArray(x)) x.forEach(checkSchema);
    else if (x !== undefined) checkSchema(x);
  }
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    const x = s[k];
    if (Array.isArray(x)) x.forEach(checkSchema);
  }
}

/** Validates `value` against a root schema; errors in gojsonschema's order and wording. */
export class Validator {
  /** Resolved `$ref` targets: the schema never changes, and values are validated on every render. */
  private readonly refs = new Map<string, Schema>();

  private readonly locate: boolean;

  /** `locate`: errors say which keyword failed (costs a little on every step into a subschema). */
  constructor(
    private readonly root: Schema,
    { locate = false } = {},
  ) {
    this.locate = locate;
  }

  /** gojsonschema's compile-time checks. @throws Error with its message */
  check(): void {
    checkSchema(this.root);
  }

  validate(value: Json): SchemaError[] {
    const r: Result = { errors: [], score: 0 };
    this.recurse(this.root, value, r, ROOT, SCHEMA_ROOT);
    return r.errors;
  }

  private resolveRef(ref: string): Schema {
    let target = this.refs.get(ref);
    if (target === undefined) {
      target = this.lookupRef(ref);
      this.refs.set(ref, target);
    }
    return target;
  }

  private lookupRef(ref: string): Schema {
    if (!ref.startsWith('#')) throw new Error(`unable to resolve reference ${ref}`);
    let cur: Json = this.root;
    for (const raw of ref.slice(1).split('/').slice(1)) {
      const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (isObj(cur)) cur = cur[part];
      else if (Array.isArray(cur)) cur = cur[Number(part)];
      else cur = undefined as unknown as Json;
      if (cur === undefined) throw new Error(`Object has no key '${part}'`);
    }
    return cur;
  }

  /** Records a failure of the keyword `failed` of the schema at `loc` (the schema itself when undefined). */
  private add(r: Result, ctx: Path, loc: Loc, failed: string | undefined, description: string, keyword?: CombiningKeyword): void {
    const keys = keysOf(ctx);
    const field = keys.length === 0 ? ROOT.key : keys.join('.');
    const error: SchemaError = keyword ? { field, keys, description, keyword } : { field, keys, description };
    if (this.locate) error.keywordLocation = pointerOf(loc, failed);
    r.errors.push(error);
    r.score -= 2;
  }

  /** The location of the subschema under `keyword` (and `name` within it), when errors are located. */
  private step(loc: Loc, keyword: string, name?: string): Loc {
    return this.locate ? below(loc, keyword, name) : loc;
  }

  private sub(schema: Schema, value: Json, ctx: Path, loc: Loc): Result {
    const r: Result = { errors: [], score: 0 };
    this.recurse(schema, value, r, ctx, loc);
    return r;
  }

  private merge(r: Result, other: Result): void {
    r.errors.push(...other.errors);
    r.score += other.score;
  }

  private recurse(schema: Schema, value: Json, r: Result, ctx: Path, loc: Loc): void {
    if (schema === true) {
      r.score++;
      return;
    }
    if (schema === false) {
      this.add(r, ctx, loc, undefined, 'False always fails validation');
      return;
    }
    if (!isObj(schema)) return;
    if (typeof schema.$ref === 'string') {
      this.recurse(this.resolveRef(schema.$ref), value, r, ctx, this.locate ? refLocation(schema.$ref) : loc);
      return;
    }
    const types = typesOf(schema);
    const given = jsonType(value);
    if (types.length > 0) {
      const ok = types.includes(given) || (given === 'integer' && types.includes('number'));
      if (!ok) {
        this.add(r, ctx, loc, 'type', `Invalid type. Expected: ${typesString(types)}, given: ${given}`);
        return;
      }
    }
    this.validateSchema(schema, value, r, ctx, loc);
    if (typeof value === 'number') {
      this.validateNumber(schema, value, r, ctx, loc);
      this.validateCommon(schema, value, r, ctx, loc);
    } else if (Array.isArray(value)) {
      this.validateArray(schema, value, r, ctx, loc);
      this.validateCommon(schema, value, r, ctx, loc);
    } else if (isObj(value)) {
      this.validateObject(schema, value, r, ctx, loc);
      this.validateCommon(schema, value, r, ctx, loc);
      if (isObj(schema.properties)) {
        for (const [k, ps] of Object.entries(schema.properties)) {
          if (Object.prototype.hasOwnProperty.call(value, k)) this.recurse(ps, value[k], r, { up: ctx, key: k }, this.step(loc, 'properties', k));
        }
      }
    } else {
      this.validateCommon(schema, value, r, ctx, loc);
      if (typeof value === 'string') this.validateString(schema, value, r, ctx, loc);
    }
    r.score++;
  }

  private validateSchema(s: { [k: string]: Json }, value: Json, r: Result, ctx: Path, loc: Loc): void {
    if (Array.isArray(s.anyOf) && s.anyOf.length) {
      let best: Result | undefined;
      let valid = false;
      for (const [i, a] of s.anyOf.entries()) {
        const res = this.sub(a, value, ctx, this.step(loc, 'anyOf', String(i)));
        if (res.errors.length === 0) {
          valid = true;
          break;
        }
        if (!best || res.score > best.score) best = res;
      }
      if (!valid) {
        this.add(r, ctx, loc, 'anyOf', 'Must validate at least one schema (anyOf)', 'anyOf');
        if (best) this.merge(r, best);
      }
    }
    if (Array.isArray(s.oneOf) && s.oneOf.length) {
      let n = 0;
      let best: Result | undefined;
      for (const [i, o] of s.oneOf.entries()) {
        const res = this.sub(o, value, ctx, this.step(loc, 'oneOf', String(i)));
        if (res.errors.length === 0) n++;
        else if (n === 0 && (!best || res.score > best.score)) best = res;
      }
      if (n !== 1) {
        this.add(r, ctx, loc, 'oneOf', 'Must validate one and only one schema (oneOf)', 'oneOf');
        if (n === 0 && best) this.merge(r, best);
      }
    }
    if (Array.isArray(s.allOf) && s.allOf.length) {
      let n = 0;
      for (const [i, a] of s.allOf.entries()) {
        const res = this.sub(a, value, ctx, this.step(loc, 'allOf', String(i)));
        if (res.errors.length === 0) n++;
        this.merge(r, res);
      }
      if (n !== s.allOf.length) this.add(r, ctx, loc, 'allOf', 'Must validate all the schemas (allOf)', 'allOf');
    }
    if (s.not !== undefined && this.sub(s.not, value, ctx, this.step(loc, 'not')).errors.length === 0) {
      this.add(r, ctx, loc, 'not', 'Must not validate the schema (not)', 'not');
    }
    if (isObj(s.dependencies) && isObj(value)) {
      for (const [k, dep] of Object.entries(s.dependencies)) {
        if (!(k in value)) continue;
        if (Array.isArray(dep)) {
          for (const d of dep) if (typeof d === 'string' && !(d in value)) this.add(r, ctx, loc, 'dependencies', `Has a dependency on ${d}`);
        } else {
          this.merge(r, this.sub(dep, value, ctx, this.step(loc, 'dependencies', k)));
        }
      }
    }
    if (s.if !== undefined) {
      const ifOk = this.sub(s.if, value, ctx, this.step(loc, 'if')).errors.length === 0;
      if (ifOk && s.then !== undefined) {
        const res = this.sub(s.then, value, ctx, this.step(loc, 'then'));
        if (res.errors.length) {
          this.add(r, ctx, loc, 'then', 'Must validate "then" as "if" was valid', 'then');
          this.merge(r, res);
        }
      }
      if (!ifOk && s.else !== undefined) {
        const res = this.sub(s.else, value, ctx, this.step(loc, 'else'));
        if (res.errors.length) {
          this.add(r, ctx, loc, 'else', 'Must validate "else" as "if" was not valid', 'else');
          this.merge(r, res);
        }
      }
    }
    r.score++;
  }

  private validateCommon(s: { [k: string]: Json }, value: Json, r: Result, ctx: Path, loc: Loc): void {
    if (s.const !== undefined && canonicalJson(value) !== canonicalJson(s.const)) {
      this.add(r, ctx, loc, 'const', `${fieldOf(ctx)} does not match: ${canonicalJson(s.const)}`);
    }
    if (Array.isArray(s.enum) && s.enum.length) {
      const allowed = s.enum.map(canonicalJson);
      if (!allowed.includes(canonicalJson(value))) {
        this.add(r, ctx, loc, 'enum', `${fieldOf(ctx)} must be one of the following: ${allowed.join(', ')}`);
      }
    }
  }

  private validateArray(s: { [k: string]: Json }, value: Json[], r: Result, ctx: Path, loc: Loc): void {
    const items = s.items;
    if (items !== undefined && !Array.isArray(items)) {
      value.forEach((x, i) => this.merge(r, this.sub(items, x, { up: ctx, key: String(i) }, this.step(loc, 'items'))));
    } else if (Array.isArray(items) && items.length) {
      for (let i = 0; i < items.length && i < value.length; i++) this.merge(r, this.sub(items[i], value[i], { up: ctx, key: String(i) }, this.step(loc, 'items', String(i))));
      if (items.length < value.length) {
        const extra = s.additionalItems;
        if (extra === false) this.add(r, ctx, loc, 'additionalItems', 'No additional items allowed on array');
        else if (isObj(extra)) {
          for (let i = items.length; i < value.length; i++) this.merge(r, this.sub(extra, value[i], { up: ctx, key: String(i) }, this.step(loc, 'additionalItems')));
        }
      }
    }
    if (typeof s.minItems === 'number' && value.length < s.minItems) this.add(r, ctx, loc, 'minItems', `Array must have at least ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && value.length > s.maxItems) this.add(r, ctx, loc, 'maxItems', `Array must have at most ${s.maxItems} items`);
    if (s.uniqueItems === true) {
      const seen = new Map<string, number>();
      value.forEach((x, j) => {
        const key = canonicalJson(x);
        const i = seen.get(key);
        if (i !== undefined) this.add(r, ctx, loc, 'uniqueItems', `array items[${i},${j}] must be unique`);
        seen.set(key, j);
      });
    }
    if (s.contains !== undefined) {
      let best: Result | undefined;
      let any = false;
      for (let i = 0; i < value.length; i++) {
        const res = this.sub(s.contains, value[i], { up: ctx, key: String(i) }, this.step(loc, 'contains'));
        if (res.errors.length === 0) {
          any = true;
          break;
        }
        if (!best || res.score > best.score) best = res;
      }
      if (!any) {
        this.add(r, ctx, loc, 'contains', 'At least one of the items must match');
        if (best) this.merge(r, best);
      }
    }
  }

  private validateObject(s: { [k: string]: Json }, value: { [k: string]: Json }, r: Result, ctx: Path, loc: Loc): void {
    const n = Object.keys(value).length;
    if (typeof s.minProperties === 'number' && n < s.minProperties) this.add(r, ctx, loc, 'minProperties', `Must have at least ${s.minProperties} properties`);
    if (typeof s.maxProperties === 'number' && n > s.maxProperties) this.add(r, ctx, loc, 'maxProperties', `Must have at most ${s.maxProperties} properties`);
    if (Array.isArray(s.required)) {
      for (const p of s.required) {
        if (typeof p !== 'string') continue;
        if (Object.prototype.hasOwnProperty.call(value, p)) r.score++;
        else this.add(r, ctx, loc, 'required', `${p} is required`);
      }
    }
    const props = isObj(s.properties) ? s.properties : {};
    const patterns = isObj(s.patternProperties) ? Object.entries(s.patternProperties) : [];
    for (const [pk, pv] of Object.entries(value)) {
      const found = Object.prototype.hasOwnProperty.call(props, pk);
      let ppMatch = false;
      for (const [pattern, ps] of patterns) {
        if (matches(pattern, pk)) {
          ppMatch = true;
          this.merge(r, this.sub(ps, pv, { up: ctx, key: pk }, this.step(loc, 'patternProperties', pattern)));
        }
      }
      if (found || ppMatch) continue;
      const ap = s.additionalProperties;
      if (ap === false) this.add(r, ctx, loc, 'additionalProperties', `Additional property ${pk} is not allowed`);
      else if (isObj(ap)) this.merge(r, this.sub(ap, pv, { up: ctx, key: pk }, this.step(loc, 'additionalProperties')));
    }
    if (s.propertyNames !== undefined) {
      for (const pk of Object.keys(value)) {
        const res = this.sub(s.propertyNames, pk, ctx, this.step(loc, 'propertyNames'));
        if (res.errors.length) {
          this.add(r, ctx, loc, 'propertyNames', `Property name of "${pk}" does not match`);
          this.merge(r, res);
        }
      }
    }
  }

  private validateString(s: { [k: string]: Json }, value: string, r: Result, ctx: Path, loc: Loc): void {
    if (typeof s.minLength === 'number' || typeof s.maxLength === 'number') {
      const len = [...value].length;
      if (typeof s.minLength === 'number' && len < s.minLength) this.add(r, ctx, loc, 'minLength', `String length must be greater than or equal to ${s.minLength}`);
      if (typeof s.maxLength === 'number' && len > s.maxLength) this.add(r, ctx, loc, 'maxLength', `String length must be less than or equal to ${s.maxLength}`);
    }
    if (typeof s.pattern === 'string' && !matches(s.pattern, value)) this.add(r, ctx, loc, 'pattern', `Does not match pattern '${s.pattern}'`);
    if (typeof s.format === 'string' && !formatOk(s.format, value)) this.add(r, ctx, loc, 'format', `Does not match format '${s.format}'`);
  }

  private validateNumber(s: { [k: string]: Json }, value: number, r: Result, ctx: Path, loc: Loc): void {
    if (typeof s.multipleOf === 'number' && !isMultipleOf(value, s.multipleOf)) {
      this.add(r, ctx, loc, 'multipleOf', `Must be a multiple of ${formatFloat(s.multipleOf, 'g', -1)}`);
    }
    // Draft 4 spells exclusive bounds as booleans beside maximum/minimum, later drafts as numbers.
    let max = typeof s.maximum === 'number' ? s.maximum : undefined;
    let exMax = s.exclusiveMaximum === true;
    if (typeof s.exclusiveMaximum === 'number') {
      max = s.exclusiveMaximum;
      exMax = true;
    }
    const maxKeyword = typeof s.exclusiveMaximum === 'number' ? 'exclusiveMaximum' : 'maximum';
    if (max !== undefined) {
      if (exMax && value >= max) this.add(r, ctx, loc, maxKeyword, `Must be less than ${formatFloat(max, 'g', -1)}`);
      else if (!exMax && value > max) this.add(r, ctx, loc, maxKeyword, `Must be less than or equal to ${formatFloat(max, 'g', -1)}`);
    }
    let min = typeof s.minimum === 'number' ? s.minimum : undefined;
    let exMin = s.exclusiveMinimum === true;
    if (typeof s.exclusiveMinimum === 'number') {
      min = s.exclusiveMinimum;
      exMin = true;
    }
    const minKeyword = typeof s.exclusiveMinimum === 'number' ? 'exclusiveMinimum' : 'minimum';
    if (min !== undefined) {
      if (exMin && value <= min) this.add(r, ctx, loc, minKeyword, `Must be greater than ${formatFloat(min, 'g', -1)}`);
      else if (!exMin && value < min) this.add(r, ctx, loc, minKeyword, `Must be greater than or equal to ${formatFloat(min, 'g', -1)}`);
    }
    // Every known format's checker wants a string: a number fails it.
    if (typeof s.format === 'string' && isKnownFormat(s.format)) this.add(r, ctx, loc, 'format', `Does not match format '${s.format}'`);
  }
}
