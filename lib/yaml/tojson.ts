/**
 * The YAML→JSON→interface{} half of sigs.k8s.io/yaml.Unmarshal: map keys become strings the way
 * convertToJSONableObject writes them, then encoding/json's rules apply (every number a float64,
 * NaN/Inf rejected, the target type checked).
 */
import { sortedKeys, type GoMap, type GoValue, formatFloat } from '../go';
import { goSyntax, YamlMap, type YamlNative } from './decode';
import { YamlError } from './errors';

/** The Go variable `yaml.Unmarshal` decodes into. */
export type UnmarshalTarget = 'interface' | 'map' | 'slice';

function keyString(k: YamlNative, v: YamlNative): string {
  if (typeof k === 'string') return k;
  if (typeof k === 'boolean') return k ? 'true' : 'false';
  if (typeof k === 'number') {
    // sigs.k8s.io/yaml formats float keys with 32-bit precision.
    const s = formatFloat(k, 'g', -1, 32);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  if (k !== null && typeof k === 'object' && 'v' in k && k.kind === 'int') return k.v.toString();
  const type = k === null ? '%!s(<nil>)' : typeof k === 'object' && 'v' in k ? 'uint64' : 'string';
  throw new YamlError(
    `error converting YAML to JSON: unsupported map key of type: ${type}, key: ${goSyntax(k)}, value: ${goSyntax(v)}`,
    'key',
  );
}

// Set when a conversion meets NaN or ±Inf; encoding/json rejects them only once the whole
// document is converted, so the error waits for the end (and map-key errors come first).
let sawNonFinite = false;

/** A leaf's value; containers are left to {@link toGo}. */
function leafToGo(v: YamlNative): GoValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) sawNonFinite = true;
    return v;
  }
  if (Array.isArray(v) || v instanceof YamlMap) throw new Error('containers are converted by toGo');
  if ('v' in v) return Number(v.v);
  return '<<';
}

/**
 * Converts depth-first with a stack of its own (nesting may be 10,000 deep): map keys are checked
 * in the order the recursive conversion would meet them, and the depth reached is recorded.
 */
function toGo(root: YamlNative, rootDepth = 1): GoValue {
  const result: GoValue[] = [null];
  const values: YamlNative[] = [root];
  const parents: (GoValue[] | GoMap)[] = [result];
  const keys: (number | YamlNative)[] = [0];
  const depths: number[] = [rootDepth];
  while (values.length > 0) {
    const v = values.pop()!;
    const parent = parents.pop()!;
    const key = keys.pop()!;
    const d = depths.pop()!;
    let g: GoValue;
    if (Array.isArray(v)) g = new Array<GoValue>(v.length);
    else if (v instanceof YamlMap) g = new Map();
    else g = leafToGo(v);
    if (Array.isArray(parent)) parent[key as number] = g;
    else {
      const ks = keyString(key as YamlNative, v);
      // Keys that collide once stringified: encoding/json keeps the last one it reads.
      parent.delete(ks);
      parent.set(ks, g);
    }
    if (Array.isArray(v)) {
      deepest = Math.max(deepest, d);
      for (let i = v.length - 1; i >= 0; i--) {
        values.push(v[i]);
        parents.push(g as GoValue[]);
        keys.push(i);
        depths.push(d + 1);
      }
    } else if (v instanceof YamlMap) {
      deepest = Math.max(deepest, d);
      const entries = [...v.entries.values()];
      for (let i = entries.length - 1; i >= 0; i--) {
        values.push(entries[i][1]);
        parents.push(g as GoMap);
        keys.push(entries[i][0]);
        depths.push(d + 1);
      }
    }
  }
  return result[0];
}

/** json.Marshal's error for the first NaN/±Inf it meets: map keys sorted, lists in order. */
function rejectNonFinite(root: GoValue): void {
  const stack: GoValue[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') {
      if (Number.isFinite(v)) continue;
      const s = Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
      throw new YamlError(`error converting YAML to JSON: json: unsupported value: ${s}`, 'json');
    }
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v instanceof Map) {
      const keys = sortedKeys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push(v.get(keys[i]));
    }
  }
}

/** encoding/json's scanner refuses more nested objects and arrays than this (maxNestingDepth). */
const MAX_NESTING_DEPTH = 10000;
// The deepest nesting the conversion under way reached.
let deepest = 0;

/** The scanner's error for the first container, in the JSON text's order, past the depth limit. */
function rejectTooDeep(root: GoValue): void {
  const stack: [GoValue, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (!(v instanceof Map) && !Array.isArray(v)) continue;
    if (d > MAX_NESTING_DEPTH) {
      throw new YamlError(`error unmarshaling JSON: while decoding JSON: invalid character '${v instanceof Map ? '{' : '['}' exceeded max depth`, 'json');
    }
    const parts = v instanceof Map ? sortedKeys(v).map((k) => v.get(k)) : v;
    for (let i = parts.length - 1; i >= 0; i--) stack.push([parts[i], d + 1]);
  }
}

function converted(g: GoValue): GoValue {
  if (sawNonFinite) rejectNonFinite(g);
  if (deepest > MAX_NESTING_DEPTH) rejectTooDeep(g);
  return g;
}

function jsonKind(v: GoValue): string {
  if (v instanceof Map) return 'object';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

/** Converts go-yaml's decoded value to what encoding/json leaves in a variable of `target` type. */
export function yamlNativeToGo(v: YamlNative, target: UnmarshalTarget): GoValue {
  sawNonFinite = false;
  deepest = 0;
  const g = converted(toGo(v));
  if (target === 'interface' || g === null) return g;
  const want = target === 'map' ? 'object' : 'array';
  if (jsonKind(g) !== want) {
    const type = target === 'map' ? 'map[string]interface {}' : '[]interface {}';
    throw new YamlError(
      `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKind(g)} into Go value of type ${type}`,
      'json',
    );
  }
  return g;
}

/**
 * The Go type `yaml.Unmarshal` decodes into, as far as it matters to sigs.k8s.io/yaml: where the
 * target is a Go string, a YAML number or boolean is turned into its text before the JSON step.
 * `fields` is a struct (keys matched exactly, else case-insensitively), `elem` a map's values.
 */
export type StringTarget =
  | 'string'
  | { readonly fields: Readonly<Record<string, StringTarget>> }
  | { readonly elem: StringTarget };

/** `yamlNativeToGo` into a target with string fields (convertToJSONableObject with a jsonTarget). */
export function yamlNativeToGoTargeted(v: YamlNative, target: StringTarget): GoValue {
  sawNonFinite = false;
  deepest = 0;
  return converted(targeted(v, target));
}

/** Recurses only as deep as the target type goes; below it, {@link toGo} takes over. */
function targeted(v: YamlNative, target: StringTarget, depth = 1): GoValue {
  if (target === 'string') return scalarText(v) ?? toGo(v, depth);
  if (!(v instanceof YamlMap)) return toGo(v, depth);
  deepest = Math.max(deepest, depth);
  const m: GoMap = new Map();
  for (const [k, x] of v.entries.values()) {
    const ks = keyString(k, x);
    const sub = 'elem' in target ? target.elem : fieldTarget(target.fields, ks);
    m.delete(ks);
    m.set(ks, sub === undefined ? toGo(x, depth + 1) : targeted(x, sub, depth + 1));
  }
  return m;
}

function fieldTarget(fields: Readonly<Record<string, StringTarget>>, key: string): StringTarget | undefined {
  if (Object.hasOwn(fields, key)) return fields[key];
  const lower = key.toLowerCase();
  for (const name in fields) if (name.toLowerCase() === lower) return fields[name];
  return undefined;
}

/** The text sigs.k8s.io/yaml gives a number or boolean bound for a string (floats at 32-bit precision). */
function scalarText(v: YamlNative): string | undefined {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return formatFloat(v, 'g', -1, 32);
  if (v !== null && typeof v === 'object' && 'v' in v) return v.v.toString();
  return undefined;
}
