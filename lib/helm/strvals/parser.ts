/**
 * Helm's strvals parser (`--set`, `--set-string`, `--set-json`, `--set-file`): lines of
 * `name=value` pairs separated by commas, with dotted names (`a.b=1`), list indexes
 * (`a[0].b=1`), `{x,y}` lists and backslash escapes. Messages are Helm's own.
 */
import { int64, typeName, type GoMap, type GoSlice, type GoValue } from '../../go';
import { isHelm4, type HelmVersion } from '../version';
import { parseJsonPrefix } from './json-prefix';

/** setIndex refuses larger indexes (strvals.MaxIndex). */
export const MAX_INDEX = 65536;
/** Names may nest at most this deep (strvals.MaxNestedNameLevel). */
export const MAX_NESTED_NAME_LEVEL = 30;

/** io.EOF: the end of the input, which ends parsing without an error. */
export class EndOfInput extends Error {
  constructor() {
    super('EOF');
  }
}
const EOF = new EndOfInput();

/** ErrNotList: the value does not start with `{`. */
class NotList extends Error {}

/** A strvals error (what Helm wraps as `failed parsing --set data: ...`). */
export class StrvalsError extends Error {}

/**
 * `error parsing index: EOF`, a name that ends inside `[`. Helm 3 reports it. Helm 4 wraps io.EOF
 * with `%w` and its parse loop asks `errors.Is(err, io.EOF)`, so there the line just ends: what
 * was set before stays, and the key with the open index sets nothing.
 */
export class IndexEndOfInput extends StrvalsError {
  constructor() {
    super('error parsing index: EOF');
  }
}

/** Whether an error from one key ends the line without an error, in the given helm. */
export function endsLine(e: unknown, helmVersion: HelmVersion | undefined): boolean {
  return e instanceof EndOfInput || (e instanceof IndexEndOfInput && isHelm4(helmVersion));
}

/** A Go panic inside the parser (a failed type assertion), recovered as Helm recovers it. */
class Panic extends Error {}

/** Produces the value for a key from its raw text (the runes after `=`). */
export type RunesValueReader = (runes: string) => GoValue;

/** Reads runes like Go's bytes.Buffer.ReadRune/UnreadRune. */
export class RuneScanner {
  private readonly runes: string[];
  pos = 0;
  constructor(text: string) {
    this.runes = [...text];
  }
  read(): string | undefined {
    return this.pos < this.runes.length ? this.runes[this.pos++] : undefined;
  }
  unread(): void {
    this.pos--;
  }
  rest(): string {
    return this.runes.slice(this.pos).join('');
  }
  /** Skips the runes of `text` (a prefix of {@link rest}). */
  skip(text: string): void {
    this.pos += [...text].length;
  }
}

function runesUntil(sc: RuneScanner, stop: string, escapes: boolean): { v: string; last: string | undefined; eof: boolean } {
  let v = '';
  for (;;) {
    const r = sc.read();
    if (r === undefined) return { v, last: undefined, eof: true };
    if (stop.includes(r)) return { v, last: r, eof: false };
    if (escapes && r === '\\') {
      const next = sc.read();
      if (next === undefined) return { v, last: undefined, eof: true };
      v += next;
    } else v += r;
  }
}

/** Go's `%q` of a []rune: each rune single-quoted, e.g. `['a' 'b']`. */
export function quoteRunes(s: string): string {
  const one = (r: string): string => {
    if (r === "'") return "'\\''";
    if (r === '\\') return "'\\\\'";
    const esc: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\v': '\\v' };
    if (esc[r]) return `'${esc[r]}'`;
    const cp = r.codePointAt(0)!;
    if (cp < 0x20 || cp === 0x7f) return `'\\x${cp.toString(16).padStart(2, '0')}'`;
    return `'${r}'`;
  };
  return `[${[...s].map(one).join(' ')}]`;
}

/** typedVal: true/false/null (any case), int64 when it parses as one, else the string. */
export function typedVal(val: string, forceString: boolean): GoValue {
  if (forceString) return val;
  const lower = val.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (val === '0') return int64(0);
  if (val.length !== 0 && val[0] !== '0' && /^[+-]?[0-9]+$/.test(val)) {
    const n = BigInt(val);
    if (n >= -(2n ** 63n) && n < 2n ** 63n) return int64(n);
  }
  return val;
}

function set(data: GoMap, key: string, val: GoValue): void {
  if (key.length === 0) return;
  data.set(key, val);
}

/** Go's type name as a failed interface conversion reports it. */
function goTypeOf(v: GoValue): string {
  return v === null || v === undefined ? 'nil' : typeName(v);
}

function assertList(v: GoValue): GoSlice {
  if (Array.isArray(v)) return v;
  throw new Panic(`interface conversion: interface {} is ${goTypeOf(v)}, not []interface {}`);
}

function assertMap(v: GoValue): GoMap {
  if (v instanceof Map) return v;
  throw new Panic(`interface conversion: interface {} is ${goTypeOf(v)}, not map[string]interface {}`);
}

/** setIndex: stores `val` at `index`, growing the list with nils; refuses negative or huge indexes. */
export function setIndex(list: GoSlice, index: number, val: GoValue): GoSlice {
  if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) throw new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  if (list.length <= index) {
    const grown: GoSlice = new Array(index + 1).fill(null);
    list.forEach((x, i) => (grown[i] = x));
    list = grown;
  }
  list[index] = val;
  return list;
}

/** strconv.Atoi, with its error texts. */
export function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new StrvalsError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = BigInt(s);
  if (n < -(2n ** 63n) || n >= 2n ** 63n) throw new StrvalsError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(n);
}

/** The parser behind Parse, ParseString, ParseJSON and ParseFile. */
export class Parser {
  constructor(
    private readonly sc: RuneScanner,
    private readonly data: GoMap,
    private readonly reader: RunesValueReader | null,
    private readonly isJsonVal: boolean,
    private readonly helmVersion?: HelmVersion,
  ) {}

  /** Parses the whole line into the data map. @throws StrvalsError */
  parse(): void {
    for (;;) {
      try {
        this.key(this.data, 0);
      } catch (e) {
        if (endsLine(e, this.helmVersion)) return;
        throw e;
      }
    }
  }

  private key(data: GoMap, nestedNameLevel: number): void {
    try {
      this.keyInner(data, nestedNameLevel);
    } catch (e) {
      if (e instanceof Panic) throw new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: GoMap, nestedNameLevel: number): void {
    const { v: k, last, eof } = runesUntil(this.sc, '=[,.', true);
    if (eof) {
      if (k.length === 0) throw EOF;
      throw new StrvalsError(`key ${JSON.stringify(k)} has no value`);
    }
    switch (last) {
      case '[': {
        const i = this.keyIndex();
        const list = data.has(k) ? assertList(data.get(k)) : [];
        let result: GoSlice = list;
        try {
          result = this.listItem(list, i, nestedNameLevel);
        } finally {
          set(data, k, result);
        }
        return;
      }
      case '=': {
        if (this.isJsonVal) {
          if (this.emptyVal()) {
            set(data, k, null);
            return;
          }
          set(data, k, this.jsonValue());
          this.emptyVal();
          return;
        }
        let vl: GoSlice;
        try {
          vl = this.valList();
        } catch (e) {
          if (e instanceof EndOfInput) {
            set(data, k, '');
            throw e;
          }
          if (e instanceof NotList) {
            const rs = this.val();
            set(data, k, this.reader!(rs));
            return;
          }
          throw e;
        }
        set(data, k, vl);
        return;
      }
      case ',':
        set(data, k, '');
        throw new StrvalsError(`key ${JSON.stringify(k)} has no value (cannot end with ,)`);
      default: {
        nestedNameLevel++;
        if (nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
          throw new StrvalsError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
        }
        const inner: GoMap = data.has(k) ? assertMap(data.get(k)) : new Map();
        let err: unknown;
        try {
          this.key(inner, nestedNameLevel);
        } catch (e) {
          err = e;
        }
        if (err === undefined && inner.size === 0) throw new StrvalsError(`key map ${JSON.stringify(k)} has no value`);
        if (inner.size !== 0) set(data, k, inner);
        if (err !== undefined) throw err;
      }
    }
  }

  private keyIndex(): number {
    const { v, eof } = runesUntil(this.sc, ']', true);
    if (eof) throw new IndexEndOfInput();
    try {
      return atoi(v);
    } catch (e) {
      throw new StrvalsError(`error parsing index: ${(e as Error).message}`);
    }
  }

  private listItem(list: GoSlice, i: number, nestedNameLevel: number): GoSlice {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { v: k, last, eof } = runesUntil(this.sc, '[.=', true);
    if (k.length > 0) throw new StrvalsError(`unexpected data at end of array index: ${quoteRunes(k)}`);
    if (eof) throw EOF;
    switch (last) {
      case '=': {
        if (this.isJsonVal) {
          if (this.emptyVal()) return setIndex(list, i, null);
          const out = setIndex(list, i, this.jsonValue());
          this.emptyVal();
          return out;
        }
        let vl: GoSlice;
        try {
          vl = this.valList();
        } catch (e) {
          if (e instanceof EndOfInput) return setIndex(list, i, '');
          if (e instanceof NotList) return setIndex(list, i, this.reader!(this.val()));
          throw e;
        }
        return setIndex(list, i, vl);
      }
      case '[': {
        const nextI = this.keyIndex();
        let crt: GoSlice = [];
        if (list.length > i && list[i] !== null) crt = assertList(list[i]);
        return setIndex(list, i, this.listItem(crt, nextI, nestedNameLevel));
      }
      default: {
        let inner: GoMap = new Map();
        if (list.length > i) {
          const existing = list[i];
          if (existing instanceof Map) inner = existing;
          else {
            inner = new Map();
            list[i] = inner;
          }
        }
        this.key(inner, nestedNameLevel);
        return setIndex(list, i, inner);
      }
    }
  }

  /** Consumes blanks up to a comma or the end (true) or stops before anything else (false). */
  private emptyVal(): boolean {
    for (;;) {
      const r = this.sc.read();
      if (r === undefined || r === ',') return true;
      if (!/\s/u.test(r)) {
        this.sc.unread();
        return false;
      }
    }
  }

  private jsonValue(): GoValue {
    const rest = this.sc.rest();
    const { value, length } = parseJsonPrefix(rest);
    this.sc.skip(rest.slice(0, length));
    return value;
  }

  private val(): string {
    return runesUntil(this.sc, ',', true).v;
  }

  private valList(): GoSlice {
    const r = this.sc.read();
    if (r === undefined) throw EOF;
    if (r !== '{') {
      this.sc.unread();
      throw new NotList();
    }
    const list: GoSlice = [];
    for (;;) {
      const { v: rs, last, eof } = runesUntil(this.sc, ',}', true);
      if (eof) throw new StrvalsError("list must terminate with '}'");
      if (last === '}') {
        const next = this.sc.read();
        if (next !== undefined && next !== ',') this.sc.unread();
        list.push(this.reader!(rs));
        return list;
      }
      list.push(this.reader!(rs));
    }
  }
}
