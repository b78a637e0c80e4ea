/**
 * Go's raw formatter (the `fmt` type of fmt/format.go): padding, integers, runes, quoting, hex
 * and floats under the current flags, width and precision.
 */
import { formatFloat } from '../strconv/ftoa';
import { canBackquote, isPrint, quote, quoteRune, quoteRuneToASCII, quoteToASCII } from '../strconv/quote';
import { RUNE_ERROR, MAX_RUNE, runeCount, validRune } from '../utf8/utf8';

/** Formatting flags of one verb (Go's fmtFlags plus width and precision). */
export interface FmtFlags {
  widPresent: boolean;
  precPresent: boolean;
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  /** `%+v`: print struct field names. */
  plusV: boolean;
  /** `%#v`: Go syntax. */
  sharpV: boolean;
  wid: number;
  prec: number;
}

/** Flags as Go clears them before each verb. */
export function clearFlags(): FmtFlags {
  return { widPresent: false, precPresent: false, minus: false, plus: false, sharp: false, space: false, zero: false, plusV: false, sharpV: false, wid: 0, prec: 0 };
}

/** Digit sets; index 16 is the letter of the `0x` prefix. */
export const LDIGITS = '0123456789abcdefx';
export const UDIGITS = '0123456789ABCDEFX';

/** Formats into `buf` under the flags `f`; the value printer builds on it. */
export class Formatter {
  buf = '';
  f: FmtFlags = clearFlags();

  // ---- padding (fmt.pad / writePadding) ----

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.f.zero ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.f.wid - runeCount(s);
    if (!this.f.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  protected truncate(s: string): string {
    if (this.f.precPresent) {
      let n = this.f.prec;
      let i = 0;
      for (const ch of s) {
        if (--n < 0) return s.slice(0, i);
        i += ch.length;
      }
    }
    return s;
  }

  // ---- basic formatters (fmt.fmtXxx) ----

  protected fmtS(s: string): void {
    this.pad(this.truncate(s));
  }

  protected fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  /** fmt.fmtInteger: `v` is the signed value (or unsigned when !isSigned). */
  fmtIntegerBase(v: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    const f = this.f;
    const negative = isSigned && v < 0n;
    let u = negative ? -v : BigInt.asUintN(64, v);
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = f.zero;
        f.zero = false;
        this.writePadding(f.wid);
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let s = u.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (prec > s.length) s = '0'.repeat(prec - s.length) + s;
    if (f.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8) {
        if (s[0] !== '0') s = '0' + s;
      } else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (f.plus) s = '+' + s;
    else if (f.space) s = ' ' + s;
    const oldZero = f.zero;
    f.zero = false;
    this.pad(s);
    f.zero = oldZero;
  }

  protected fmtUnicode(u: bigint): void {
    const f = this.f;
    let prec = 4;
    if (f.precPresent && f.prec > 4) prec = f.prec;
    let s = 'U+' + u.toString(16).toUpperCase().padStart(prec, '0');
    if (f.sharp && u <= BigInt(MAX_RUNE) && isPrint(Number(u))) s += " '" + String.fromCodePoint(Number(u)) + "'";
    const oldZero = f.zero;
    f.zero = false;
    this.pad(s);
    f.zero = oldZero;
  }

  protected runeOf(u: bigint): number {
    const r = u > BigInt(MAX_RUNE) ? RUNE_ERROR : Number(u);
    return validRune(r) ? r : RUNE_ERROR;
  }

  protected fmtC(u: bigint): void {
    this.pad(String.fromCodePoint(this.runeOf(u)));
  }

  protected fmtQc(u: bigint): void {
    const r = this.runeOf(u);
    this.pad(this.f.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  protected fmtQ(s: string): void {
    s = this.truncate(s);
    if (this.f.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.f.plus ? quoteToASCII(s) : quote(s));
  }

  /** fmt.fmtSbx: hex of a string's or byte slice's bytes. */
  protected fmtSbx(b: Uint8Array, digits: string): void {
    const f = this.f;
    let length = b.length;
    if (f.precPresent && f.prec < length) length = f.prec;
    let width = 2 * length;
    if (width > 0) {
      if (f.space) {
        if (f.sharp) width *= 2;
        width += length - 1;
      } else if (f.sharp) width += 2;
    } else {
      if (f.widPresent) this.writePadding(f.wid);
      return;
    }
    if (f.widPresent && f.wid > width && !f.minus) this.writePadding(f.wid - width);
    let out = '';
    if (f.sharp) out += '0' + digits[16];
    for (let i = 0; i < length; i++) {
      if (f.space && i > 0) {
        out += ' ';
        if (f.sharp) out += '0' + digits[16];
      }
      out += digits[b[i] >> 4] + digits[b[i] & 0xf];
    }
    this.buf += out;
    if (f.widPresent && f.wid > width && f.minus) this.writePadding(f.wid - width);
  }

  /** fmt.fmtFloat (64-bit). */
  protected fmtFloatVerb(v: number, verb: string, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num = formatFloat(v, verb, prec, 64);
    num = num[0] === '-' || num[0] === '+' ? num : '+' + num;
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = oldZero;
      return;
    }
    if (f.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const c = num[i];
        const isExponent = c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X');
        if (c === '.') hasDecimalPoint = true;
        else if (isExponent) {
          tail = num.slice(i);
          num = num.slice(0, i);
          break;
        } else {
          if (c !== '0') sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === '0') digits--;
        num += '.';
      }
      while (digits > 0) {
        num += '0';
        digits--;
      }
      num += tail;
    }
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.buf += num[0];
        this.writePadding(f.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }
}
