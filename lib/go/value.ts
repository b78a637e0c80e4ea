/**
 * The Go value model that the template engine, Sprig and the Helm layer share.
 *
 * Go templates are typed: `eq 1 1.0` is an error, `1000000` from a values file prints as
 * `1e+06` (YAML numbers reach templates as float64) while `--set x=1000000` prints `1000000`
 * (int64). To be byte-identical with Helm we keep Go's types instead of JavaScript's one number:
 *
 * | Go                       | here                                                        |
 * |--------------------------|-------------------------------------------------------------|
 * | invalid reflect.Value    | `undefined` (a missing map key; prints `<no value>`)        |
 * | nil (interface/pointer)  | `null`                                                      |
 * | bool                     | `boolean`                                                   |
 * | string                   | `string` (UTF-16 here; byte semantics via `utf8` helpers)   |
 * | float64                  | `number`                                                    |
 * | int, int64, uint8, ...   | {@link GoInt} (bigint value + kind)                         |
 * | map[string]T             | `Map<string, GoValue>` ({@link GoMap})                      |
 * | []T                      | `GoValue[]` ({@link GoSlice})                               |
 * | []byte                   | `Uint8Array`                                                |
 * | struct / *struct         | {@link GoStruct}                                            |
 * | func                     | {@link GoFunc}                                              |
 * | time.Time                | {@link GoTime}                                              |
 *
 * Maps and slices are `interface{}`-typed by default; a different Go type (e.g. `[]string`,
 * `chartutil.Values`, `engine.files`) is attached with {@link withType}, which is also how a
 * map-based type gets methods (`.Files.Get`).
 */

export type IntKind =
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'uintptr';

const INT_BITS: Record<IntKind, number> = {
  int: 64,
  int8: 8,
  int16: 16,
  int32: 32,
  int64: 64,
  uint: 64,
  uint8: 8,
  uint16: 16,
  uint32: 32,
  uint64: 64,
  uintptr: 64,
};

/** A Go integer of a given kind. Values are always normalised (wrapped) to the kind's width. */
export class GoInt {
  readonly v: bigint;
  constructor(
    v: bigint | number,
    readonly kind: IntKind = 'int',
    /** A named type over an integer kind, e.g. `time.Duration`; printed by `%T` and `typeOf`. */
    readonly typeName?: string,
  ) {
    if (typeof v === 'number' && (kind === 'int' || kind === 'int64') && Number.isSafeInteger(v)) {
      // Already within int64: skip the wrapping (range loops and len make many of these).
      this.v = BigInt(v);
      return;
    }
    const b = typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    const bits = INT_BITS[kind];
    this.v = kind.startsWith('u') ? BigInt.asUintN(bits, b) : BigInt.asIntN(bits, b);
  }
  get signed(): boolean {
    return !this.kind.startsWith('u');
  }
  /** The value as a JS number (exact below 2^53). */
  toNumber(): number {
    return Number(this.v);
  }
  toString(): string {
    return this.v.toString();
  }
}

export const int = (v: bigint | number): GoInt => new GoInt(v, 'int');
export const int64 = (v: bigint | number): GoInt => new GoInt(v, 'int64');

/** A Go `map[string]T`. */
export type GoMap = Map<string, GoValue>;
/** A Go slice or array. */
export type GoSlice = GoValue[];

/** A method or function callable from a template. */
export interface GoFunc {
  readonly kind: 'func';
  /** Name used in error messages (`error calling NAME: ...`). */
  readonly name: string;
  /** Go types of the fixed parameters, e.g. `['int', 'string']`; see {@link GoTypeName}. */
  readonly params: readonly GoTypeName[];
  /** Element type of a final variadic parameter (`...interface {}` → `'interface {}'`). */
  readonly variadic?: GoTypeName;
  /** Whether the Go function returns `(T, error)`; errors are then thrown as {@link GoError}. */
  readonly returnsError?: boolean;
  /** Number of results: 1, or 2 when `returnsError`. A Go func with 0 results can't be called. */
  readonly call: (...args: GoValue[]) => GoValue;
  /** What the function does besides computing its result from its arguments; none means pure. */
  readonly effect?: FuncEffect;
}

/**
 * A template function's effect, declared where the function is defined:
 * - `random`: draws random numbers (random strings, keys, salts, IVs), new at every run;
 * - `clock`: reads the clock at every call;
 * - `clock-sometimes`: reads the clock for some arguments (`date` of a non-time, `durationRound` of a time);
 * - `mutates`: modifies a value passed to it.
 */
export type FuncEffect = 'random' | 'clock' | 'clock-sometimes' | 'mutates';

/**
 * A Go type name as Go prints it (`reflect.Type.String()`): `interface {}`, `string`, `int`,
 * `int64`, `float64`, `bool`, `[]interface {}`, `[]string`, `map[string]interface {}`,
 * `time.Time`, `*semver.Version`, ... Used for argument conversion and for `%T`/`typeOf`.
 */
export type GoTypeName = string;

/** Method set and Go type name attached to a Map, array or GoStruct. */
export interface GoTypeInfo {
  /** Go's name of the type, e.g. `chartutil.Values`, `[]string`, `*chart.Metadata`. */
  readonly name: GoTypeName;
  /**
   * Methods callable as `.Name args...`; for a struct these take precedence over fields.
   * Methods are bound to their receiver: `call` receives only the template's arguments, and
   * `params` lists only those (so a receiver with methods gets its own GoTypeInfo object).
   */
  readonly methods?: Readonly<Record<string, GoFunc>>;
  /** `fmt`'s Stringer: when present, `%v`/print use it (as Go does for types with String()). */
  readonly stringer?: (self: unknown) => string;
  /**
   * The struct's String and other methods have pointer receivers: a struct value (not a
   * pointer) has them only while addressable, i.e. reached through fields rather than
   * handed to a function, which receives a copy.
   */
  readonly pointerMethods?: boolean;
  /** What the type's MarshalJSON writes, as a value to encode instead of the struct's fields. */
  readonly jsonValue?: (self: GoStruct) => GoValue;
  /** Fields that embed a struct: their own fields are promoted to this one (`.Chart.Name`). */
  readonly embedded?: readonly string[];
}

const TYPE = Symbol.for('chartroom.goType');

/** Attaches a Go type (name + methods) to a map or slice; returns the same object. */
export function withType<T extends GoMap | GoSlice>(value: T, info: GoTypeInfo): T {
  Object.defineProperty(value, TYPE, { value: info, enumerable: false, configurable: true });
  return value;
}

/** The Go type attached to a map or slice, if any. */
export function typeInfoOf(value: GoMap | GoSlice): GoTypeInfo | undefined {
  return (value as unknown as Record<symbol, GoTypeInfo | undefined>)[TYPE];
}

/**
 * The method `name` of a type, if it has one. Method tables are plain objects: an own-property
 * check keeps JavaScript's `constructor`, `toString`, ... from passing for Go methods.
 */
export function methodOf(info: GoTypeInfo | undefined, name: string): GoFunc | undefined {
  const methods = info?.methods;
  return methods && Object.hasOwn(methods, name) ? methods[name] : undefined;
}

/** A Go struct (or pointer to one). Field order matters for `%v` printing. */
export class GoStruct {
  constructor(
    readonly type: GoTypeInfo,
    /** Exported fields in declaration order. */
    readonly fields: ReadonlyArray<readonly [string, GoValue]>,
    /** Whether the value is a pointer to the struct (`&{...}` when printed). */
    readonly pointer = true,
    /** Whether the struct value is addressable (matters only for `pointerMethods` types). */
    readonly addressable = false,
  ) {}
  /** Whether `pointerMethods` methods (and String) apply to this value. */
  hasPointerMethods(): boolean {
    return this.pointer || this.addressable || !this.type.pointerMethods;
  }
  field(name: string): GoValue | undefined {
    for (const [k, v] of this.fields) if (k === name) return v;
    for (const e of this.embeddedStructs()) if (e.hasField(name)) return e.field(name);
    return undefined;
  }
  hasField(name: string): boolean {
    return this.fields.some(([k]) => k === name) || this.embeddedStructs().some((e) => e.hasField(name));
  }
  /** The fields with embedded structs' fields in their place, as encoders see them. */
  promotedFields(): Array<readonly [string, GoValue]> {
    const embedded = this.type.embedded ?? [];
    return this.fields.flatMap(([k, v]) => (embedded.includes(k) && v instanceof GoStruct ? v.promotedFields() : [[k, v] as const]));
  }
  private embeddedStructs(): GoStruct[] {
    const embedded = this.type.embedded ?? [];
    return this.fields.filter(([k, v]) => embedded.includes(k) && v instanceof GoStruct).map(([, v]) => v as GoStruct);
  }
}

/** A Go `time.Time`: an instant plus the location it is shown in. */
export class GoTime {
  constructor(
    /** Milliseconds since the Unix epoch. */
    readonly epochMs: number,
    /** Nanoseconds within the millisecond (0..999999). */
    readonly nanos: number = 0,
    /** IANA zone name, `UTC` or `Local`. */
    readonly zone: string = 'UTC',
  ) {}
}

export type GoValue =
  | undefined
  | null
  | boolean
  | string
  | number
  | GoInt
  | GoMap
  | GoSlice
  | Uint8Array
  | GoStruct
  | GoFunc
  | GoTime;

/** Go's reflect.Kind names, as `kindOf` prints them. */
export type GoKind =
  | 'invalid'
  | 'bool'
  | IntKind
  | 'float64'
  | 'string'
  | 'map'
  | 'slice'
  | 'struct'
  | 'ptr'
  | 'func'
  | 'interface';

export function isGoFunc(v: GoValue): v is GoFunc {
  return typeof v === 'object' && v !== null && (v as GoFunc).kind === 'func' && !(v instanceof Map) && !Array.isArray(v);
}

/** reflect.Kind of a value (`ptr` for pointer structs, as Go reports `*T`). */
export function kindOf(v: GoValue): GoKind {
  if (v === undefined || v === null) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.kind;
  if (v instanceof Map) return 'map';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'slice';
  if (v instanceof GoStruct) return v.pointer ? 'ptr' : 'struct';
  if (v instanceof GoTime) return 'struct';
  return 'func';
}

/** Go's type name of a value (`%T`, `typeOf`); nil prints as `<nil>`. */
export function typeName(v: GoValue): GoTypeName {
  if (v === undefined || v === null) return '<nil>';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
  }
  if (v instanceof GoInt) return v.typeName ?? v.kind;
  if (v instanceof Map) return typeInfoOf(v)?.name ?? 'map[string]interface {}';
  if (Array.isArray(v)) return typeInfoOf(v)?.name ?? '[]interface {}';
  if (v instanceof Uint8Array) return '[]uint8';
  if (v instanceof GoStruct) return v.type.name;
  if (v instanceof GoTime) return 'time.Time';
  return 'func(...)';
}

/** Builds a `map[string]interface{}` from entries or a plain object. */
export function goMap(entries?: Iterable<readonly [string, GoValue]> | Record<string, GoValue>): GoMap {
  if (!entries) return new Map();
  if (Symbol.iterator in Object(entries)) return new Map(entries as Iterable<[string, GoValue]>);
  return new Map(Object.entries(entries as Record<string, GoValue>));
}

/** Map keys in Go's sorted order (byte order of UTF-8, which equals code-point order). */
export function sortedKeys(m: GoMap): string[] {
  return [...m.keys()].sort(compareGoStrings);
}

/** Compares strings by UTF-8 bytes, as Go does (JS `<` compares UTF-16 units, which differs above the BMP). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length - b.length;
}

/** A slice tagged `[]string`, as Go functions returning []string produce. */
export function stringSlice(items: string[]): GoSlice {
  return withType(items as GoSlice, { name: '[]string' });
}

/**
 * An error raised by a function called from a template (a Go `error` result or a panic).
 * The engine wraps it as Go does: `error calling NAME: MESSAGE`.
 */
export class GoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoError';
  }
}

/** `o[k] = v` for any key: assigning `__proto__` would replace the object's prototype instead. */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Converts a Go value to plain JSON-like JavaScript (for UI and exporters, not for templates). */
export function toPlain(v: GoValue): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof GoInt) return v.toNumber();
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) setOwn(o, k, toPlain(x));
    return o;
  }
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Uint8Array) return [...v];
  if (v instanceof GoStruct) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v.fields) o[k] = toPlain(x);
    return o;
  }
  if (v instanceof GoTime) return new Date(v.epochMs).toISOString();
  if (typeof v === 'object') return undefined;
  return v;
}

/** The parts of a plain container as [key, value] pairs (list indexes as numbers), or null for a scalar. */
function plainParts(v: unknown): Array<[string | number, unknown]> | null {
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  if (v instanceof Map) return [...v].map(([k, x]) => [String(k), x]);
  if (typeof v === 'object' && v !== null) return Object.entries(v as Record<string, unknown>);
  return null;
}

function plainScalar(v: unknown): GoValue {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return new GoInt(v, 'int64');
  return null;
}

/**
 * Converts plain JavaScript (e.g. parsed JSON) to Go values the way `encoding/json` decodes into
 * `interface{}`: objects → map[string]interface{}, arrays → []interface{}, numbers → float64.
 * Iterative: JSON may nest 10000 levels deep.
 */
export function fromPlain(root: unknown): GoValue {
  const work: [Array<[string | number, unknown]>, GoValue][] = [];
  const convert = (v: unknown): GoValue => {
    const parts = plainParts(v);
    if (!parts) return plainScalar(v);
    const c: GoValue = Array.isArray(v) ? new Array(v.length) : new Map();
    work.push([parts, c]);
    return c;
  };
  const top = convert(root);
  while (work.length > 0) {
    const [parts, to] = work.pop()!;
    for (const [k, x] of parts) {
      if (typeof k === 'number') (to as GoValue[])[k] = convert(x);
      else (to as GoMap).set(k, convert(x));
    }
  }
  return top;
}

const NIL = Symbol.for('chartroom.goNil');

/**
 * Marks an empty map or slice as Go's nil map/slice (e.g. `fromJson "null"`): it prints like an
 * empty one, but encoding/json writes `null` and BurntSushi/toml leaves it out.
 */
export function markNil<T extends GoMap | GoSlice | Uint8Array>(v: T): T {
  Object.defineProperty(v, NIL, { value: true, enumerable: false });
  return v;
}

/** A nil slice or map of a named Go type (see {@link markNil}). */
export function goNil<T extends GoMap | GoSlice>(empty: T, typeName: string): T {
  return markNil(withType(empty, { name: typeName }));
}

/** Whether a slice or map stands for Go's nil (see {@link markNil}). */
export function isGoNil(v: GoValue): boolean {
  return (v instanceof Map || Array.isArray(v) || v instanceof Uint8Array) && (v as unknown as Record<symbol, boolean>)[NIL] === true;
}
