/**
 * The YAML→JSON→interface{} half of sigs.k8s.io/yaml.Unmarshal: map keys become strings the way
 * convertToJSONableObject writes them, then encoding/json's rules apply (every number a float64,
 * NaN/Inf rejected, the target type checked).
 */
import { sortedKeys, type GoMap, type GoValue } from '../go/value';
import { formatFloat } from '../go/strconv';
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

function toGo(v: YamlNative): GoValue {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) sawNonFinite = true;
    return v;
  }
  // Containers are converted by small functions of their own: nesting may be 10000 deep, and
  // small frames keep that within the JS call stack.
  if (Array.isArray(v)) return listToGo(v);
  if (v instanceof YamlMap) return mapToGo(v);
  if ('v' in v) return Number(v.v);
  return '<<';
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
// The nesting of the conversion under way, and the deepest it reached.
let depth = 0;
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

function listToGo(v: YamlNative[]): GoValue[] {
  deepest = Math.max(deepest, ++depth);
  const out: GoValue[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = toGo(v[i]);
  depth--;
  return out;
}

function mapToGo(v: YamlMap): GoMap {
  deepest = Math.max(deepest, ++depth);
  const m: GoMap = new Map();
  for (const [k, x] of v.entries.values()) {
    const ks = keyString(k, x);
    // Keys that collide once stringified: encoding/json keeps the last one it reads.
    m.delete(ks);
    m.set(ks, toGo(x));
  }
  depth--;
  return m;
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
  depth = deepest = 0;
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
  depth = deepest = 0;
  return converted(targeted(v, target));
}

function targeted(v: YamlNative, target: StringTarget): GoValue {
  if (target === 'string') return scalarText(v) ?? toGo(v);
  if (!(v instanceof YamlMap)) return toGo(v);
  deepest = Math.max(deepest, ++depth);
  const m: GoMap = new Map();
  for (const [k, x] of v.entries.values()) {
    const ks = keyString(k, x);
    const sub = 'elem' in target ? target.elem : fieldTarget(target.fields, ks);
    m.delete(ks);
    m.set(ks, sub === undefined ? toGo(x) : targeted(x, sub));
  }
  depth--;
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
