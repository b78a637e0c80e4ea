/**
 * Helm's `--set-literal` parser: one `name=value` where the value is the rest of the line taken
 * verbatim (no commas, escapes or lists), the name still dotted and indexed.
 */
import { type GoMap, type GoSlice, typeName } from '../../go';
import type { HelmVersion } from '../version';
import { atoi, EndOfInput, endsLine, IndexEndOfInput, MAX_NESTED_NAME_LEVEL, quoteRunes, RuneScanner, setIndex, StrvalsError } from './parser';

const EOF = new EndOfInput();

class Panic extends Error {}

function until(sc: RuneScanner, stop: string): { v: string; last?: string; eof: boolean } {
  let v = '';
  for (;;) {
    const r = sc.read();
    if (r === undefined) return { v, eof: true };
    if (stop.includes(r)) return { v, last: r, eof: false };
    v += r;
  }
}

function conversion(v: unknown, want: string): Panic {
  const got = v === null || v === undefined ? 'nil' : typeName(v as never);
  return new Panic(`interface conversion: interface {} is ${got}, not ${want}`);
}

/** The literal parser (strvals.literalParser). */
export class LiteralParser {
  constructor(
    private readonly sc: RuneScanner,
    private readonly data: GoMap,
    private readonly helmVersion?: HelmVersion,
  ) {}

  /** @throws StrvalsError */
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

  private key(data: GoMap, level: number): void {
    try {
      this.keyInner(data, level);
    } catch (e) {
      if (e instanceof Panic) throw new StrvalsError(`unable to parse key: ${e.message}`);
      throw e;
    }
  }

  private keyInner(data: GoMap, level: number): void {
    const { v: key, last, eof } = until(this.sc, '=[.');
    if (eof) {
      if (key.length === 0) throw EOF;
      throw new StrvalsError(`key ${JSON.stringify(key)} has no value`);
    }
    if (last === '=') {
      if (key.length) data.set(key, until(this.sc, '').v);
      return;
    }
    if (last === '.') {
      level++;
      if (level > MAX_NESTED_NAME_LEVEL) {
        throw new StrvalsError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
      }
      let inner: GoMap = new Map();
      if (data.has(key)) {
        const x = data.get(key);
        if (!(x instanceof Map)) throw conversion(x, 'map[string]interface {}');
        inner = x;
      }
      let err: unknown;
      try {
        this.key(inner, level);
      } catch (e) {
        err = e;
      }
      if (err === undefined && inner.size === 0) throw new StrvalsError(`key map ${JSON.stringify(key)} has no value`);
      if (inner.size !== 0 && key.length) data.set(key, inner);
      if (err !== undefined) throw err;
      return;
    }
    const i = this.keyIndex();
    let list: GoSlice = [];
    if (data.has(key)) {
      const x = data.get(key);
      if (!Array.isArray(x)) throw conversion(x, '[]interface {}');
      list = x;
    }
    let result = list;
    try {
      result = this.listItem(list, i, level);
    } finally {
      if (key.length) data.set(key, result);
    }
  }

  private keyIndex(): number {
    const { v, eof } = until(this.sc, ']');
    if (eof) throw new IndexEndOfInput();
    try {
      return atoi(v);
    } catch (e) {
      throw new StrvalsError(`error parsing index: ${(e as Error).message}`);
    }
  }

  private listItem(list: GoSlice, i: number, level: number): GoSlice {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { v: key, last, eof } = until(this.sc, '[.=');
    if (key.length > 0) throw new StrvalsError(`unexpected data at end of array index: ${quoteRunes(key)}`);
    if (eof) throw EOF;
    if (last === '=') return setIndex(list, i, until(this.sc, '').v);
    if (last === '.') {
      let inner: GoMap = new Map();
      if (list.length > i) {
        const x = list[i];
        if (x instanceof Map) inner = x;
        else list[i] = inner;
      }
      this.key(inner, level);
      return setIndex(list, i, inner);
    }
    const nextI = this.keyIndex();
    let crt: GoSlice = [];
    if (list.length > i && list[i] !== null) {
      const x = list[i];
      if (!Array.isArray(x)) throw conversion(x, '[]interface {}');
      crt = x;
    }
    return setIndex(list, i, this.listItem(crt, nextI, level));
  }
}
