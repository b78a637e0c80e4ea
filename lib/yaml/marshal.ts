/**
 * sigs.k8s.io/yaml.Marshal: encoding/json.Marshal, then go-yaml v2 reads that JSON back (so
 * integral numbers become ints and the rest float64) and marshals it as YAML.
 */
import { GoInt, GoStruct, GoTime, isGoFunc, isGoNil, type GoValue } from '../go';
import { formatJsonFloat, base64Std, jsonStructFields, rfc3339Nano, JsonError } from '../encoding';
import { YamlMap, type YamlNative } from './decode';
import { resolveScalar } from './resolve';
import { emitYaml } from './emit';
import { YamlError } from './errors';

/** Where a converted value goes: an array slot (or the result), a map entry (its key checked as a string), a struct field. */
const Slot = { Index: 0, MapKey: 1, FieldKey: 2 } as const;
type Slot = (typeof Slot)[keyof typeof Slot];

/**
 * The value go-yaml v2 gets from `yaml.Unmarshal(json.Marshal(v))`. Go's encoder recurses as deep
 * as the value goes (values 10,000 levels deep render); this walks with a stack of its own, in the
 * same order, so no depth runs out of JavaScript stack.
 */
export function goToYamlNative(v: GoValue): YamlNative {
  return toNative(v).native;
}

/** The value go-yaml gets (see {@link goToYamlNative}) and how many nodes it holds. */
function toNative(v: GoValue): { native: YamlNative; nodes: number } {
  const result: YamlNative[] = [null];
  let nodes = 0;
  // Pending conversions, as parallel stacks: the Go value, its container, where in it, and how.
  const values: GoValue[] = [v];
  const parents: (YamlNative[] | YamlMap)[] = [result];
  const keys: (string | number)[] = [0];
  const slots: Slot[] = [Slot.Index];
  while (values.length > 0) {
    nodes++;
    let x = values.pop();
    const parent = parents.pop()!;
    const key = keys.pop()!;
    const slot = slots.pop()!;
    // Helm's toYaml goes through encoding/json, so a MarshalJSON method decides the text.
    while (x instanceof GoStruct && x.type.jsonValue) x = x.type.jsonValue(x);
    let native: YamlNative;
    let children: Iterable<readonly [string, GoValue]> | GoValue[] | undefined;
    let childSlot: Slot = Slot.Index;
    if (x === undefined || x === null || isGoNil(x)) native = null;
    else if (x instanceof Map) {
      native = new YamlMap();
      children = x;
      childSlot = Slot.MapKey;
    } else if (x instanceof GoStruct) {
      native = new YamlMap();
      children = jsonStructFields(x);
      childSlot = Slot.FieldKey;
    } else if (Array.isArray(x)) {
      native = new Array<YamlNative>(x.length).fill(null);
      children = x;
    } else native = leafNative(x);
    if (slot === Slot.Index) (parent as YamlNative[])[key as number] = native;
    else (parent as YamlMap).set(slot === Slot.MapKey ? toValidString(key as string) : key, native);
    if (children === undefined) continue;
    // Pushed last to first, so they are converted first to last, as the recursive encoder does.
    const list = Array.isArray(children) ? children : [...children];
    for (let i = list.length - 1; i >= 0; i--) {
      if (childSlot === Slot.Index) {
        values.push(list[i] as GoValue);
        keys.push(i);
      } else {
        const [k, c] = list[i] as readonly [string, GoValue];
        values.push(c);
        keys.push(k);
      }
      parents.push(native as YamlNative[] | YamlMap);
      slots.push(childSlot);
    }
  }
  return { native: result[0], nodes };
}

/** A value that holds no others, as go-yaml reads back its JSON. */
function leafNative(v: GoValue): YamlNative {
  if (v === undefined || v === null || isGoNil(v)) return null;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return toValidString(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new JsonError(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`);
    return numberNative(v);
  }
  if (v instanceof GoInt) return resolveScalar('', v.toString()).value;
  if (v instanceof Uint8Array) return base64Std(v);
  if (v instanceof GoTime) return rfc3339Nano(v);
  if (isGoFunc(v)) throw new JsonError('json: unsupported type: func(...)');
  return null;
}

/**
 * What a finite float64 reads back as, by value: charts print the same ports and sizes at every
 * render, and float formatting is costly. -0 is left out (a Map key can't tell it from 0).
 * The natives are shared, and nothing modifies them.
 */
const numberNatives = new Map<number, YamlNative>();
const MAX_NUMBER_NATIVES = 4096;

function numberNative(v: number): YamlNative {
  if (Object.is(v, -0)) return resolveScalar('', formatJsonFloat(v)).value;
  let n = numberNatives.get(v);
  if (n === undefined) {
    n = resolveScalar('', formatJsonFloat(v)).value;
    if (numberNatives.size >= MAX_NUMBER_NATIVES) numberNatives.clear();
    numberNatives.set(v, n);
  }
  return n;
}

/** Characters encoding/json leaves raw but go-yaml's reader rejects, failing JSONToYAML. */
const UNREADABLE = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * A string as go-yaml reads it back from encoding/json's output: unpaired surrogates became
 * U+FFFD, and a raw NEL (U+0085, which JSON leaves unescaped) is a line break inside the quoted
 * scalar, folded with the blanks around it (one break → a space, n breaks → n-1 newlines).
 */
function toValidString(s: string): string {
  if (UNREADABLE.test(s)) throw new YamlError('error converting JSON to YAML: yaml: control characters are not allowed', 'syntax');
  if (s.includes('\u0085')) {
    s = s.replace(/[ \t]*(?:\u0085[ \t]*)+/g, (m) => {
      const n = m.split('\u0085').length - 1;
      return n === 1 ? ' ' : '\n'.repeat(n - 1);
    });
  }
  if (!SURROGATE.test(s)) return s;
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** `yaml.Marshal(v)` of sigs.k8s.io/yaml; throws a YamlError with Go's message on failure. */
export function marshalYaml(v: GoValue): string {
  let made: { native: YamlNative; nodes: number };
  try {
    made = toNative(v);
  } catch (e) {
    if (e instanceof JsonError) throw new YamlError(`error marshaling into JSON: ${e.message}`, 'json');
    throw e;
  }
  return emitYaml(made.native, undefined, made.nodes);
}
