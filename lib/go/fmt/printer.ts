/**
 * The value printer behind Go's fmt functions (fmt's `pp` type, print.go), for the Go value
 * model of value.ts. Flags, padding and the `%!verb(type=value)` error forms follow Go 1.23.
 */
import { Formatter, LDIGITS, UDIGITS } from './format';
import { durationString } from '../time/duration';
import { goTimeString as timeString } from '../time/gotime';
import { utf8Decode, utf8Encode } from '../utf8/utf8';
import { GoInt, GoStruct, GoTime, type GoValue, compareGoStrings, isGoFunc, typeInfoOf, typeName } from '../value';

export { clearFlags, type FmtFlags } from './format';

/** Go prints real addresses for pointers, maps and funcs; ours have none, so print a stable stand-in. */
export const STAND_IN_ADDRESS = 0xc000010000n;
let standInAddress = STAND_IN_ADDRESS;

/**
 * Changes the stand-in address, so a differential test can tell output that depends on an
 * address (hashed, measured) from output that does not: it changes with the address.
 */
export function setStandInAddress(address: bigint): void {
  standInAddress = address;
}

/** A value's String method when Go's type has one (fmt.Stringer). */
function stringerOf(v: GoValue): (() => string) | undefined {
  if (v instanceof GoTime) return () => timeString(v);
  if (v instanceof GoInt) return v.typeName === 'time.Duration' ? () => durationString(v.v) : undefined;
  // fmt only sees copies: a String method with a pointer receiver needs a pointer here.
  if (v instanceof GoStruct) return v.type.stringer && (v.pointer || !v.type.pointerMethods) ? () => v.type.stringer!(v) : undefined;
  if (v instanceof Map || Array.isArray(v)) {
    const s = typeInfoOf(v)?.stringer;
    return s ? () => s(v) : undefined;
  }
  return undefined;
}

/** Go's printer state for one Sprint/Sprintf call. */
export class Printer extends Formatter {
  /** The value being printed, for `%!verb(type=value)`; `hasValue` false means nil. */
  private current: GoValue = null;
  private hasValue = false;
  private erroring = false;

  // ---- per-kind verb dispatch (pp.fmtXxx) ----

  badVerb(verb: string): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    if (this.hasValue && this.current !== null && this.current !== undefined) {
      const v = this.current;
      this.buf += typeName(v) + '=';
      this.printValue(v, 'v', 0);
    } else this.buf += '<nil>';
    this.buf += ')';
    this.erroring = false;
  }

  private fmtBool(v: boolean, verb: string): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb);
  }

  private fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.f.sharp;
    this.f.sharp = leading0x;
    this.fmtIntegerBase(v, 16, false, 'v', LDIGITS);
    this.f.sharp = sharp;
  }

  fmtInteger(v: bigint, isSigned: boolean, verb: string): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV && !isSigned) this.fmt0x64(v, true);
        else this.fmtIntegerBase(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'd':
        return this.fmtIntegerBase(v, 10, isSigned, verb, LDIGITS);
      case 'b':
        return this.fmtIntegerBase(v, 2, isSigned, verb, LDIGITS);
      case 'o':
      case 'O':
        return this.fmtIntegerBase(v, 8, isSigned, verb, LDIGITS);
      case 'x':
        return this.fmtIntegerBase(v, 16, isSigned, verb, LDIGITS);
      case 'X':
        return this.fmtIntegerBase(v, 16, isSigned, verb, UDIGITS);
      case 'c':
        return this.fmtC(BigInt.asUintN(64, v));
      case 'q':
        return this.fmtQc(BigInt.asUintN(64, v));
      case 'U':
        return this.fmtUnicode(BigInt.asUintN(64, v));
      default:
        return this.badVerb(verb);
    }
  }

  private fmtFloat(v: number, verb: string): void {
    switch (verb) {
      case 'v':
        return this.fmtFloatVerb(v, 'g', -1);
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        return this.fmtFloatVerb(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloatVerb(v, verb, 6);
      case 'F':
        return this.fmtFloatVerb(v, 'f', 6);
      default:
        return this.badVerb(verb);
    }
  }

  private fmtString(v: string, verb: string): void {
    switch (verb) {
      case 'v':
        return this.f.sharpV ? this.fmtQ(v) : this.fmtS(v);
      case 's':
        return this.fmtS(v);
      case 'x':
        return this.fmtSbx(utf8Encode(v), LDIGITS);
      case 'X':
        return this.fmtSbx(utf8Encode(v), UDIGITS);
      case 'q':
        return this.fmtQ(v);
      default:
        return this.badVerb(verb);
    }
  }

  private fmtBytes(v: Uint8Array, verb: string, typeString: string): void {
    switch (verb) {
      case 'v':
      case 'd':
        if (this.f.sharpV) {
          this.buf += typeString + '{';
          v.forEach((c, i) => {
            if (i > 0) this.buf += ', ';
            this.fmt0x64(BigInt(c), true);
          });
          this.buf += '}';
        } else {
          this.buf += '[';
          v.forEach((c, i) => {
            if (i > 0) this.buf += ' ';
            this.fmtIntegerBase(BigInt(c), 10, false, verb, LDIGITS);
          });
          this.buf += ']';
        }
        return;
      case 's':
        return this.fmtS(utf8Decode(v));
      case 'x':
        return this.fmtSbx(v, LDIGITS);
      case 'X':
        return this.fmtSbx(v, UDIGITS);
      case 'q':
        return this.fmtQ(utf8Decode(v));
      default:
        return this.printValue(v, verb, 0);
    }
  }

  private fmtPointer(v: GoValue, verb: string): void {
    const isPointer = v instanceof Map || Array.isArray(v) || v instanceof Uint8Array || isGoFunc(v) || (v instanceof GoStruct && v.pointer);
    if (!isPointer) return this.badVerb(verb);
    const u = standInAddress;
    switch (verb) {
      case 'v':
        if (this.f.sharpV) {
          this.buf += '(' + typeName(v) + ')(';
          this.fmt0x64(u, true);
          this.buf += ')';
        } else this.fmt0x64(u, !this.f.sharp);
        return;
      case 'p':
        return this.fmt0x64(u, !this.f.sharp);
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        return this.fmtInteger(u, false, verb);
      default:
        return this.badVerb(verb);
    }
  }

  /** pp.handleMethods: uses a Stringer for the string-like verbs (not for `%#v`). */
  private handleMethods(v: GoValue, verb: string): boolean {
    if (this.erroring || this.f.sharpV) return false;
    if (verb !== 'v' && verb !== 's' && verb !== 'x' && verb !== 'X' && verb !== 'q') return false;
    const s = stringerOf(v);
    if (!s) return false;
    this.fmtString(s(), verb);
    return true;
  }

  /** pp.printArg: prints one operand for a verb. */
  printArg(arg: GoValue, verb: string): void {
    this.current = arg;
    this.hasValue = arg !== null && arg !== undefined;
    if (arg === null || arg === undefined) {
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb);
      return;
    }
    if (verb === 'T') return this.fmtS(typeName(arg));
    if (verb === 'p') return this.fmtPointer(arg, 'p');
    switch (typeof arg) {
      case 'boolean':
        return this.fmtBool(arg, verb);
      case 'number':
        return this.fmtFloat(arg, verb);
      case 'string':
        return this.fmtString(arg, verb);
    }
    if (arg instanceof GoInt && !arg.typeName) return this.fmtInteger(arg.v, arg.signed, verb);
    if (arg instanceof Uint8Array) return this.fmtBytes(arg, verb, '[]byte');
    if (!this.handleMethods(arg, verb)) this.printValue(arg, verb, 0);
  }

  /** pp.printValue: prints composite values element by element with the same verb. */
  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > 0 && v !== null && v !== undefined && this.handleMethods(v, verb)) return;
    this.current = v;
    this.hasValue = v !== null && v !== undefined;
    const f = this.f;
    if (v === null || v === undefined) {
      // An interface{} element holding nil.
      this.buf += f.sharpV ? 'interface {}(nil)' : '<nil>';
      return;
    }
    switch (typeof v) {
      case 'boolean':
        return this.fmtBool(v, verb);
      case 'number':
        return this.fmtFloat(v, verb);
      case 'string':
        return this.fmtString(v, verb);
    }
    if (v instanceof GoInt) return this.fmtInteger(v.v, v.signed, verb);
    if (v instanceof Map) {
      if (f.sharpV) this.buf += typeName(v) + '{';
      else this.buf += 'map[';
      const keys = [...v.keys()].sort(compareGoStrings);
      keys.forEach((k, i) => {
        if (i > 0) this.buf += f.sharpV ? ', ' : ' ';
        this.printValue(k, verb, depth + 1);
        this.buf += ':';
        this.printValue(v.get(k), verb, depth + 1);
      });
      this.buf += f.sharpV ? '}' : ']';
      return;
    }
    if (v instanceof Uint8Array) {
      if (verb === 's' || verb === 'q' || verb === 'x' || verb === 'X') return this.fmtBytes(v, verb, '[]uint8');
      return this.printList(Array.from(v, (c) => new GoInt(c, 'uint8')), '[]uint8', verb, depth);
    }
    if (Array.isArray(v)) return this.printList(v, typeName(v), verb, depth);
    if (v instanceof GoStruct) {
      if (v.pointer) {
        if (depth === 0) {
          this.buf += '&';
          return this.printStruct(v, verb, depth + 1);
        }
        return this.fmtPointer(v, verb);
      }
      return this.printStruct(v, verb, depth);
    }
    if (v instanceof GoTime) {
      // time.Time printed without its String method (e.g. `%d`): Go shows its private fields.
      this.buf += '{';
      this.fmtInteger(BigInt(v.epochMs) * 1_000_000n + BigInt(v.nanos), true, verb);
      this.buf += '}';
      return;
    }
    return this.fmtPointer(v, verb);
  }

  private printList(items: GoValue[], type: string, verb: string, depth: number): void {
    if (this.f.sharpV) {
      this.buf += type + '{';
      items.forEach((x, i) => {
        if (i > 0) this.buf += ', ';
        this.printValue(x, verb, depth + 1);
      });
      this.buf += '}';
      return;
    }
    this.buf += '[';
    items.forEach((x, i) => {
      if (i > 0) this.buf += ' ';
      this.printValue(x, verb, depth + 1);
    });
    this.buf += ']';
  }

  private printStruct(v: GoStruct, verb: string, depth: number): void {
    const f = this.f;
    if (f.sharpV) this.buf += v.type.name.replace(/^\*/, '');
    this.buf += '{';
    v.fields.forEach(([name, x], i) => {
      if (i > 0) this.buf += f.sharpV ? ', ' : ' ';
      if (f.plusV || f.sharpV) this.buf += name + ':';
      this.printValue(x, verb, depth + 1);
    });
    this.buf += '}';
  }
}
