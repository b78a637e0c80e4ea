/**
 * BurntSushi/toml's Encoder as Helm's `toToml` uses it: per table, plain keys first and then
 * sub-tables, each group sorted; nested tables indented two spaces per level; nil values skipped.
 */
import { GoInt, GoStruct, GoTime, isGoFunc, isGoNil, typeName, type GoValue, formatFloat } from '../go';
import { rfc3339Nano } from './json';
import type { TomlRelease } from './toml-lex';

/** An encoding error; `message` is BurntSushi's error text. */
export class TomlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TomlError';
  }
}

type TomlType = 'nil' | 'bool' | 'int' | 'float' | 'string' | 'datetime' | 'array' | 'arrayHash' | 'hash';

/** nil, and nil slices and maps, which BurntSushi/toml leaves out like nil. */
function isNil(v: GoValue): boolean {
  return v === undefined || v === null || isGoNil(v);
}

function tomlType(v: GoValue): TomlType {
  const t = shallowType(v);
  if (t === 'array' && isTableArray(v as GoValue[] | Uint8Array)) return 'arrayHash';
  return t;
}

/** tomlType without telling arrays of tables from other arrays. */
function shallowType(v: GoValue): TomlType {
  if (isNil(v)) return 'nil';
  if (v instanceof GoTime) return 'datetime';
  if (v instanceof GoStruct || v instanceof Map) return 'hash';
  if (typeof v === 'boolean') return 'bool';
  if (v instanceof GoInt) return 'int';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v) || v instanceof Uint8Array) return 'array';
  return 'nil';
}

/**
 * Whether every element is a table. BurntSushi asks each element's type, which for an array asks
 * its elements in turn: a nil anywhere down nested arrays fails. That descent is a loop here
 * (arrays may nest 10,000 deep).
 */
function isTableArray(arr: GoValue[] | Uint8Array): boolean {
  if (arr instanceof Uint8Array || arr.length === 0) return false;
  let ret = true;
  const nested: GoValue[][] = [];
  for (const x of arr) {
    const t = shallowType(x);
    if (t === 'nil') throw new TomlError('toml: cannot encode array with nil element');
    if (t !== 'hash') ret = false;
    if (Array.isArray(x)) nested.push(x);
  }
  for (let a = nested.pop(); a !== undefined; a = nested.pop()) {
    for (const x of a) {
      if (shallowType(x) === 'nil') throw new TomlError('toml: cannot encode array with nil element');
      if (Array.isArray(x)) nested.push(x);
    }
  }
  return ret;
}

const isTable = (t: TomlType) => t === 'hash' || t === 'arrayHash';

function quoteString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 12) out += '\\f';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

const BARE = /^[A-Za-z0-9_-]+$/;

/** A key as the library prints it: bare when it can be, else a basic string. */
export function quoteKey(k: string): string {
  if (k === '') return '""';
  return BARE.test(k) ? k : quoteString(k);
}

function entriesOf(v: Map<string, GoValue> | GoStruct): Array<readonly [string, GoValue]> {
  return v instanceof Map ? [...v] : v.promotedFields();
}

type Step = () => void;

/**
 * BurntSushi's encoder recurses through nested tables and arrays (values 10,000 levels deep render
 * in helm). Here each nested part is a step on a stack of its own, run in the order the recursive
 * encoder writes them: a method writes what comes before its first nested part and leaves the rest
 * as steps, so no depth runs out of JavaScript stack.
 */
class Encoder {
  out = '';
  private written = false;
  private readonly steps: Step[] = [];
  constructor(
    private readonly release: TomlRelease,
    private readonly indent = '  ',
  ) {}

  run(first: Step): void {
    this.steps.push(first);
    for (let step = this.steps.pop(); step !== undefined; step = this.steps.pop()) step();
  }

  /** Runs `steps` in order, before whatever was left to do. */
  private then(steps: Step[]): void {
    for (let i = steps.length - 1; i >= 0; i--) this.steps.push(steps[i]);
  }

  private wf(s: string): void {
    this.out += s;
    this.written = true;
  }
  private newline(): void {
    if (this.written) this.wf('\n');
  }
  private indentStr(key: string[]): string {
    return this.indent.repeat(Math.max(key.length - 1, 0));
  }

  encode(key: string[], v: GoValue): void {
    const t = tomlType(v);
    switch (t) {
      case 'nil':
        if (isGoFunc(v)) throw new TomlError(`toml: unsupported type for key '${key.map(quoteKey).join('.')}': func`);
        return;
      case 'hash':
        return this.table(key, v as Map<string, GoValue> | GoStruct);
      case 'arrayHash':
        return this.arrayOfTables(key, v as GoValue[]);
      default:
        return this.keyValue(key, v, false);
    }
  }

  private table(key: string[], v: Map<string, GoValue> | GoStruct): void {
    if (v instanceof GoTime) return this.keyValue(key, v, false);
    if (key.length === 1) this.newline();
    if (key.length > 0) {
      this.wf(`${this.indentStr(key)}[${key.map(quoteKey).join('.')}]`);
      this.newline();
    }
    this.mapBody(key, v, false);
  }

  private arrayOfTables(key: string[], arr: GoValue[]): void {
    if (key.length === 0) throw new TomlError('toml: top-level values must be Go maps or structs');
    this.then(
      arr.map((t) => () => {
        if (isNil(t)) return;
        this.newline();
        this.wf(`${this.indentStr(key)}[[${key.map(quoteKey).join('.')}]]`);
        this.newline();
        this.mapBody(key, t as Map<string, GoValue>, false);
      }),
    );
  }

  private mapBody(key: string[], v: Map<string, GoValue> | GoStruct, inline: boolean): void {
    const direct: Array<readonly [string, GoValue]> = [];
    const sub: Array<readonly [string, GoValue]> = [];
    for (const e of entriesOf(v)) (isTable(tomlType(e[1])) ? sub : direct).push(e);
    const write = (list: Array<readonly [string, GoValue]>, trailComma: boolean): Step[] => {
      if (v instanceof Map) list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return list.flatMap(([k, x], i): Step[] => {
        if (isNil(x)) return [];
        if (!inline) return [() => this.encode([...key, k], x)];
        const comma = trailComma || i !== list.length - 1;
        return comma ? [() => this.keyValue([k], x, true), () => this.wf(', ')] : [() => this.keyValue([k], x, true)];
      });
    };
    if (inline) this.wf('{');
    const steps = write(direct, sub.length > 0).concat(write(sub, false));
    if (inline) steps.push(() => this.wf('}'));
    this.then(steps);
  }

  private keyValue(key: string[], v: GoValue, inline: boolean): void {
    if (key.length === 0) return this.element(v);
    this.wf(`${this.indentStr(key)}${quoteKey(key[key.length - 1])} = `);
    this.then([
      () => this.element(v),
      () => {
        if (!inline) this.newline();
      },
    ]);
  }

  private element(v: GoValue): void {
    if (v instanceof GoTime) return this.wf(rfc3339Nano(v));
    if (typeof v === 'string') return this.wf(quoteString(v));
    if (typeof v === 'boolean') return this.wf(String(v));
    if (v instanceof GoInt) return this.wf(v.toString());
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return this.wf('nan');
      if (!Number.isFinite(v)) return this.wf(v < 0 ? '-inf' : 'inf');
      // v1.6.0 writes the shortest form (`1e+06`); an exponent is a float without a `.0` too.
      const s = formatFloat(v, this.release === 'v1.4.0' ? 'f' : 'g', -1);
      return this.wf(/[.e]/.test(s) ? s : s + '.0');
    }
    if (Array.isArray(v) || v instanceof Uint8Array) {
      const items = Array.from(v as ArrayLike<GoValue>, (x) => (v instanceof Uint8Array ? new GoInt(x as number, 'uint8') : x));
      this.wf('[');
      const steps = items.flatMap((x, i): Step[] => (i === items.length - 1 ? [() => this.element(x)] : [() => this.element(x), () => this.wf(', ')]));
      steps.push(() => this.wf(']'));
      return this.then(steps);
    }
    if (v instanceof Map || v instanceof GoStruct) return this.mapBody([], v, true);
    throw new TomlError(`toml: unexpected type: ${isNil(v) ? '<nil>' : typeName(v)}`);
  }
}

/** `toml.NewEncoder(w).Encode(v)` of a BurntSushi/toml release: the TOML text; throws {@link TomlError}. */
export function encodeToml(v: GoValue, release: TomlRelease): string {
  const e = new Encoder(release);
  e.run(() => e.encode([], v));
  return e.out;
}
