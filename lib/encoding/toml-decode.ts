/**
 * `toml.Unmarshal` into map[string]interface{} as Helm's `fromToml` calls it: BurntSushi/toml's
 * parser over its lexer (./toml-lex.ts), with the release's error texts
 * (`toml: line N (last key "k"): ...`). Integers are int64, floats float64, date-times
 * time.Time (offset date-times in Local, local ones in the library's `datetime-local` zones).
 */
import { GoInt, type GoMap, type GoValue, NumError, parseFloat, parseInt, quote, parseGoTime, fixedZone, zoneAt, validRune } from '../go';
import { quoteKey } from './toml';
import { Item, Lexer, TomlBug, isHex, type LexItem, type TomlRelease } from './toml-lex';

export { TomlBug, type TomlRelease } from './toml-lex';

/** A TOML syntax or semantics error; `message` is the library's `ParseError.Error()`. */
export class TomlParseError extends Error {
  constructor(line: number, lastKey: string, msg: string) {
    super(lastKey === '' ? `toml: line ${line}: ${msg}` : `toml: line ${line} (last key ${quote(lastKey)}): ${msg}`);
    this.name = 'TomlParseError';
  }
}

type Table = Map<string, unknown>;
/** `[]map[string]any`, an array of tables (`[[a]]`), which the parser tells apart from `[]any`. */
class TableArray {
  constructor(readonly tables: Table[]) {}
}
type TomlType = 'hash' | 'arrayHash' | 'array' | 'primitive';

const keyString = (key: readonly string[]) => key.map(quoteKey).join('.');

class Parser {
  readonly lx: Lexer;
  context: string[] = [];
  currentKey = '';
  line = 0;
  readonly keyInfo = new Map<string, TomlType>();
  readonly mapping: Table = new Map();
  readonly implicits = new Set<string>();

  constructor(
    data: string,
    readonly release: TomlRelease,
  ) {
    this.lx = new Lexer(data, release);
  }

  get next11(): boolean {
    return this.release === 'v1.6.0';
  }

  current(): string {
    if (this.currentKey === '') return keyString(this.context);
    if (this.context.length === 0) return this.currentKey;
    return `${keyString(this.context)}.${this.currentKey}`;
  }

  fail(line: number, msg: string): never {
    throw new TomlParseError(line, this.current(), msg);
  }

  bug(msg: string): never {
    throw new TomlBug(`BUG: ${msg}\n\n`);
  }

  next(): LexItem {
    const it = this.lx.nextItem();
    if (it.typ === Item.Error) this.fail(it.line, it.err ?? it.val);
    return it;
  }

  nextPos(): LexItem {
    const it = this.next();
    this.line = it.line;
    return it;
  }

  expect(typ: Item): LexItem {
    const it = this.next();
    if (it.typ !== typ) this.bug(`Expected '${Item[typ]}' but got '${Item[it.typ]}'.`);
    return it;
  }

  readKey(first: LexItem, end: Item): string[] {
    const key: string[] = [];
    let k = first;
    for (; k.typ !== end && k.typ !== Item.EOF; k = this.next()) key.push(this.keyString(k));
    if (k.typ !== end) this.bug(`Expected '${Item[end]}' but got '${Item[k.typ]}'.`);
    return key;
  }

  topLevel(item: LexItem): void {
    switch (item.typ) {
      case Item.CommentStart:
        this.expect(Item.Text);
        return;
      case Item.TableStart:
      case Item.ArrayTableStart: {
        const array = item.typ === Item.ArrayTableStart;
        const key = this.readKey(this.nextPos(), array ? Item.ArrayTableEnd : Item.TableEnd);
        this.addContext(key, array);
        this.setType('', array ? 'arrayHash' : 'hash');
        return;
      }
      case Item.KeyStart: {
        const outer = this.context;
        const key = this.readKey(this.nextPos(), Item.KeyEnd);
        this.currentKey = key[key.length - 1];
        const parent = key.slice(0, -1);
        for (let i = 0; i < parent.length; i++) this.addImplicitContext([...this.context, parent[i]]);
        const [val, typ] = this.value(this.next(), false);
        this.setValue(this.currentKey, val);
        this.setType(this.currentKey, typ);
        this.context = outer;
        this.currentKey = '';
        return;
      }
      default:
        this.bug(`Unexpected type at top level: ${Item[item.typ]}`);
    }
  }

  keyString(it: LexItem): string {
    if (it.typ === Item.Text) return it.val;
    if ([Item.String, Item.StringEsc, Item.MultilineString, Item.RawString, Item.RawMultilineString].includes(it.typ)) {
      return this.value(it, false)[0] as string;
    }
    this.bug(`Unexpected key type: ${Item[it.typ]}`);
  }

  value(it: LexItem, parentIsArray: boolean): [unknown, TomlType] {
    switch (it.typ) {
      case Item.String:
      case Item.RawString:
        return [it.val, 'primitive'];
      case Item.StringEsc:
        return [this.replaceEscapes(it, it.val), 'primitive'];
      case Item.MultilineString:
        return [this.replaceEscapes(it, stripEscapedNewlines(stripFirstNewline(it.val))), 'primitive'];
      case Item.RawMultilineString:
        return [stripFirstNewline(it.val), 'primitive'];
      case Item.Integer:
        return [this.valueInteger(it), 'primitive'];
      case Item.Float:
        return [this.valueFloat(it), 'primitive'];
      case Item.Bool:
        return [it.val === 'true', 'primitive'];
      case Item.Datetime:
        return [this.valueDatetime(it), 'primitive'];
      case Item.Array:
        return this.valueArray();
      case Item.InlineTableStart:
        return this.valueInlineTable(parentIsArray);
      default:
        this.bug(`Unexpected value type: ${Item[it.typ]}`);
    }
  }

  valueInteger(it: LexItem): GoInt {
    if (!numUnderscoresOK(it.val)) this.fail(it.line, `Invalid integer ${quote(it.val)}: underscores must be surrounded by digits`);
    if (numHasLeadingZero(it.val)) this.fail(it.line, `Invalid integer ${quote(it.val)}: cannot have leading zeroes`);
    try {
      return new GoInt(parseInt(it.val, 0, 64), 'int64');
    } catch (e) {
      if (e instanceof NumError && e.isRange) this.fail(it.line, `${it.val} is out of range for int64`);
      this.bug(`Expected integer value, but got '${it.val}'.`);
    }
  }

  valueFloat(it: LexItem): number {
    const parts = it.val.split(/[.eE]/).filter((p) => p !== '');
    for (const part of parts) {
      if (!numUnderscoresOK(part)) this.fail(it.line, `Invalid float ${quote(it.val)}: underscores must be surrounded by digits`);
    }
    if (parts.length > 0 && numHasLeadingZero(parts[0])) this.fail(it.line, `Invalid float ${quote(it.val)}: cannot have leading zeroes`);
    if (!numPeriodsOK(it.val)) this.fail(it.line, `Invalid float ${quote(it.val)}: '.' must be followed by one or more digits`);
    let val = it.val.replaceAll('_', '');
    let signbit = false;
    if (val === '+nan' || val === '-nan') {
      signbit = val === '-nan';
      val = 'nan';
    }
    let num: number;
    try {
      num = parseFloat(val, 64);
    } catch (e) {
      if (e instanceof NumError && e.isRange) this.fail(it.line, `${it.val} is out of range for float64`);
      this.fail(it.line, `Invalid float value: ${quote(it.val)}`);
    }
    return signbit ? -Math.abs(num) : num;
  }

  valueDatetime(it: LexItem): GoValue {
    const val = it.val.replace(/[zt ]/g, (c) => (c === 'z' ? 'Z' : 'T'));
    for (const [layout, zone, next] of DATETIME_LAYOUTS) {
      if (next && !this.next11) continue;
      let t: GoValue;
      try {
        t = parseGoTime(layout, val, zone === 'Local' ? 'Local' : fixedZone(zone, localOffset()));
      } catch {
        continue;
      }
      if (missingLeadingZero(val, layout)) break;
      return t;
    }
    this.fail(it.line, `invalid datetime: ${quote(val)}`);
  }

  valueArray(): [unknown, TomlType] {
    this.setType(this.currentKey, 'array');
    const array: unknown[] = [];
    for (let it = this.next(); it.typ !== Item.ArrayEnd; it = this.next()) {
      if (it.typ === Item.CommentStart) {
        this.expect(Item.Text);
        continue;
      }
      array.push(this.value(it, true)[0]);
    }
    return [array, 'array'];
  }

  valueInlineTable(parentIsArray: boolean): [unknown, TomlType] {
    const topHash: Table = new Map();
    const outerContext = this.context;
    const outerKey = this.currentKey;
    this.context = [...this.context, this.currentKey];
    const prevContext = this.context;
    this.currentKey = '';
    this.addImplicit(this.context);
    this.addContext(this.context, parentIsArray);
    for (let it = this.next(); it.typ !== Item.InlineTableEnd; it = this.next()) {
      if (it.typ === Item.CommentStart) {
        this.expect(Item.Text);
        continue;
      }
      const key = this.readKey(this.nextPos(), Item.KeyEnd);
      this.currentKey = key[key.length - 1];
      const parent = key.slice(0, -1);
      for (let i = 0; i < parent.length; i++) this.addImplicitContext([...this.context, parent[i]]);
      const [val, typ] = this.value(this.next(), false);
      this.setValue(this.currentKey, val);
      this.setType(this.currentKey, typ);
      let hash = topHash;
      for (const c of parent) {
        let h = hash.get(c);
        if (h === undefined) {
          h = new Map();
          hash.set(c, h);
        }
        if (!(h instanceof Map)) this.fail(this.line, `${quote(keyString(this.context))} is not a table`);
        hash = h as Table;
      }
      hash.set(this.currentKey, val);
      this.context = prevContext;
    }
    this.context = outerContext;
    this.currentKey = outerKey;
    return [topHash, 'hash'];
  }

  /** Makes `key` the current table (or a new element of the array of tables), creating implicit parents. */
  addContext(key: string[], array: boolean): void {
    let hashContext = this.mapping;
    const keyContext: string[] = [];
    for (const k of key.slice(0, -1)) {
      const has = hashContext.has(k);
      keyContext.push(k);
      if (!has) {
        this.addImplicit(keyContext);
        hashContext.set(k, new Map());
      }
      const t = hashContext.get(k);
      if (t instanceof TableArray) hashContext = t.tables[t.tables.length - 1];
      else if (t instanceof Map) hashContext = t as Table;
      else this.fail(this.line, `Key '${keyString(keyContext)}' was already created as a hash.`);
    }
    this.context = keyContext;
    const last = key[key.length - 1];
    if (array) {
      if (!hashContext.has(last)) hashContext.set(last, new TableArray([]));
      const arr = hashContext.get(last);
      if (arr instanceof TableArray) arr.tables.push(new Map());
      else this.fail(this.line, `Key '${keyString(key)}' was already created and cannot be used as an array.`);
    } else {
      this.setValue(last, new Map());
    }
    this.context = [...this.context, last];
  }

  setValue(key: string, value: unknown): void {
    let hash = this.mapping;
    const keyContext: string[] = [];
    for (const k of this.context) {
      keyContext.push(k);
      if (!hash.has(k)) this.bug(`Context for key '${keyString(keyContext)}' has not been established.`);
      const t = hash.get(k);
      if (t instanceof TableArray) hash = t.tables[t.tables.length - 1];
      else if (t instanceof Map) hash = t as Table;
      else this.fail(this.line, `Key '${keyString(keyContext)}' has already been defined.`);
    }
    keyContext.push(key);
    if (hash.has(key)) {
      // A table made implicitly by `[a.b]` or `a.b = 1` may be defined once explicitly.
      if (this.keyInfo.get(keyString(keyContext)) === 'array') {
        if (this.next11 && !this.isImplicit(keyContext)) this.fail(this.line, `Key '${keyString(keyContext)}' has already been defined.`);
        this.implicits.delete(keyString(keyContext));
        hash.set(key, value);
        return;
      }
      if (this.isImplicit(keyContext)) {
        this.implicits.delete(keyString(keyContext));
        return;
      }
      this.fail(this.line, `Key '${keyString(keyContext)}' has already been defined.`);
    }
    hash.set(key, value);
  }

  setType(key: string, typ: TomlType): void {
    const keyContext = key === '' ? [...this.context] : [...this.context, key];
    this.keyInfo.set(keyContext.length === 0 ? '""' : keyString(keyContext), typ);
  }

  addImplicit(key: string[]): void {
    this.implicits.add(keyString(key));
  }
  isImplicit(key: string[]): boolean {
    return this.implicits.has(keyString(key));
  }
  addImplicitContext(key: string[]): void {
    this.addImplicit(key);
    this.addContext(key, false);
  }

  replaceEscapes(it: LexItem, s: string): string {
    let out = '';
    const rs = Array.from(s);
    for (let i = 0; i < rs.length; i++) {
      const c = rs[i];
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = rs[i + 1];
      switch (e) {
        case ' ':
        case '\t':
          return this.fail(it.line, `invalid escape: '\\${e}'`);
        case 'b':
          out += '\b';
          break;
        case 't':
          out += '\t';
          break;
        case 'n':
          out += '\n';
          break;
        case 'f':
          out += '\f';
          break;
        case 'r':
          out += '\r';
          break;
        case 'e':
          // v1.4.0's lexer refuses `\e`, so only v1.6.0 gets here.
          out += '\x1b';
          break;
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case 'x':
        case 'u':
        case 'U': {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          out += this.hexRune(it, rs.slice(i + 2, i + 2 + n).join(''));
          i += n;
          break;
        }
        default:
          this.bug(`Expected valid escape code after \\, but got ${quote(e ?? '')}.`);
      }
      i++;
    }
    return out;
  }

  hexRune(it: LexItem, hex: string): string {
    if (![...hex].every((c) => isHex(c.codePointAt(0)!))) this.bug(`Could not parse '${hex}' as a hexadecimal number`);
    const r = Number.parseInt(hex, 16);
    if (!validRune(r)) this.fail(it.line, `Escaped character '\\u${hex}' is not valid UTF-8.`);
    return String.fromCodePoint(r);
  }
}

/** The layouts `time.ParseInLocation` tries, in order; the last three are TOML 1.1's (v1.6.0). */
const DATETIME_LAYOUTS: ReadonlyArray<readonly [layout: string, zone: string, next: boolean]> = [
  ['2006-01-02T15:04:05.999999999Z07:00', 'Local', false],
  ['2006-01-02T15:04:05.999999999', 'datetime-local', false],
  ['2006-01-02', 'date-local', false],
  ['15:04:05.999999999', 'time-local', false],
  ['2006-01-02T15:04Z07:00', 'Local', true],
  ['2006-01-02T15:04', 'datetime-local', true],
  ['15:04', 'time-local', true],
];

/** The library's local zones take the machine's offset when the program starts. */
let offset: number | undefined;
const localOffset = () => (offset ??= zoneAt('Local', Math.floor(Date.now() / 1000)).offset);

/** Go's time.Parse accepts a one-digit hour; the library refuses it by the separators' places. */
function missingLeadingZero(d: string, layout: string): boolean {
  for (let i = 0; i < layout.length; i++) {
    const c = layout[i];
    if (c === '.' || c === 'Z') return false;
    if ((c < '0' || c > '9') && d[i] !== c) return true;
  }
  return false;
}

function numHasLeadingZero(s: string): boolean {
  if (s.length > 1 && s[0] === '0' && !'box'.includes(s[1])) return true;
  return s.length > 2 && (s[0] === '-' || s[0] === '+') && s[1] === '0';
}

function numUnderscoresOK(s: string): boolean {
  if (['nan', '+nan', '-nan', 'inf', '-inf', '+inf'].includes(s)) return true;
  let accept = false;
  for (const c of s) {
    if (c === '_' && !accept) return false;
    accept = isHex(c.codePointAt(0)!);
  }
  return accept;
}

function numPeriodsOK(s: string): boolean {
  let period = false;
  for (const c of s) {
    if (period && !(c >= '0' && c <= '9')) return false;
    period = c === '.';
  }
  return !period;
}

function stripFirstNewline(s: string): string {
  if (s.startsWith('\n')) return s.slice(1);
  if (s.startsWith('\r\n')) return s.slice(2);
  return s;
}

/** Drops a line-ending backslash and the whitespace after it in a `"""` string. */
function stripEscapedNewlines(s: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const ix = s.indexOf('\\', i);
    if (ix < 0) return out + s;
    i = ix;
    if (s[i + 1] === '\\') {
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < s.length && ' \t\r\n'.includes(s[j])) j++;
    if (j === i + 1 || !s.slice(i, j).includes('\n')) {
      i++;
      continue;
    }
    out += s.slice(0, i);
    s = s.slice(j);
    i = 0;
  }
}

function toGo(v: unknown): GoValue {
  if (v instanceof TableArray) return v.tables.map(toGo);
  if (Array.isArray(v)) return v.map(toGo);
  if (v instanceof Map) {
    const m: GoMap = new Map();
    for (const [k, x] of v) m.set(k, toGo(x));
    return m;
  }
  return v as GoValue;
}

/**
 * Parses TOML text as the given BurntSushi/toml release does; throws {@link TomlParseError} with
 * the library's message, or {@link TomlBug} where the library panics.
 */
export function decodeToml(text: string, release: TomlRelease): GoMap {
  const data = text.startsWith('\ufeff') ? text.slice(1) : text;
  const head = new TextEncoder().encode(data).subarray(0, 6);
  if (head.includes(0)) {
    throw new TomlParseError(1, '', 'files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8');
  }
  const p = new Parser(data, release);
  for (;;) {
    const item = p.next();
    if (item.typ === Item.EOF) break;
    p.topLevel(item);
  }
  return toGo(p.mapping) as GoMap;
}
