/**
 * Go's fmt.Sprint, Sprintln and Sprintf over the Go value model (value.ts), byte-identical to
 * Go 1.23 including its in-band error forms: `%!d(string=hi)`, `%!v(MISSING)`,
 * `%!(EXTRA int=1)`, `%!(BADWIDTH)`, `%!(BADPREC)`, `%!(NOVERB)`, `%!v(BADINDEX)`.
 */
import { Printer, clearFlags } from './printer';
import { GoInt, type GoValue, typeName } from '../value';

const isString = (v: GoValue): v is string => typeof v === 'string';

/** Go's fmt.Sprint: operands in their default format, a space between two non-strings. */
export function sprint(args: readonly GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const str = isString(arg);
    if (i > 0 && !str && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = str;
  });
  return p.buf;
}

/** Go's fmt.Sprintln: operands separated by spaces, then a newline. */
export function sprintln(args: readonly GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/** One value in a verb's default form, as `Sprintf("%"+verb, v)` prints it. */
export function formatValue(v: GoValue, verb = 'v'): string {
  return sprintf('%' + verb, [v]);
}

const TOO_LARGE = 1e6;

/** Go's parsenum: a decimal number at s[start:end]; [num, isnum, newi]. */
function parseNum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && s[i] >= '0' && s[i] <= '9'; i++) {
    if (num > TOO_LARGE || num < -TOO_LARGE) return [0, false, end];
    num = num * 10 + (s.charCodeAt(i) - 48);
    isnum = true;
  }
  return [num, isnum, i];
}

/** Go's parseArgNumber: `[n]` at the start of s → [index, width, ok]. */
function parseArgNumber(s: string): [number, number, boolean] {
  if (s.length < 3) return [0, 1, false];
  for (let i = 1; i < s.length; i++) {
    if (s[i] === ']') {
      const [width, ok, newi] = parseNum(s, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

/** Go's intFromArg: a `*` width or precision must be an integer kind within ±1e6. */
function intFromArg(args: readonly GoValue[], argNum: number): [num: number, isInt: boolean, newArgNum: number] {
  if (argNum >= args.length) return [0, false, argNum];
  const a = args[argNum];
  let num = 0;
  let isInt = false;
  if (a instanceof GoInt) {
    // An unsigned value must fit int64; a signed one always fits Go's 64-bit int.
    if (a.signed || a.v < 1n << 63n) {
      if (a.v <= BigInt(TOO_LARGE) && a.v >= -BigInt(TOO_LARGE)) {
        num = Number(a.v);
        isInt = true;
      } else isInt = false;
    }
  }
  return [num, isInt, argNum + 1];
}

/** Go's fmt.Sprintf. */
export function sprintf(format: string, args: readonly GoValue[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex = false;
  let reordered = false;
  let goodArgNum = true;

  const argNumber = (i: number): number => {
    if (format.length <= i || format[i] !== '[') {
      afterIndex = false;
      return i;
    }
    reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < args.length) {
      argNum = index;
      afterIndex = true;
      return i + wid;
    }
    goodArgNum = false;
    afterIndex = ok;
    return i + wid;
  };

  for (let i = 0; i < end; ) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.buf += format.slice(lasti, i);
    if (i >= end) break;
    i++;

    const f = (p.f = clearFlags());
    flags: for (; i < end; i++) {
      switch (format[i]) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = !f.minus; // Go pads with zeros only on the left.
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          f.zero = false;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          break flags;
      }
    }

    i = argNumber(i);

    if (i < end && format[i] === '*') {
      i++;
      [f.wid, f.widPresent, argNum] = intFromArg(args, argNum);
      if (!f.widPresent) p.buf += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      [f.wid, f.widPresent, i] = parseNum(format, i, end);
      if (afterIndex && f.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      i = argNumber(i);
      if (i < end && format[i] === '*') {
        i++;
        [f.prec, f.precPresent, argNum] = intFromArg(args, argNum);
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.buf += '%!(BADPREC)';
        afterIndex = false;
      } else {
        [f.prec, f.precPresent, i] = parseNum(format, i, end);
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }

    if (!afterIndex) i = argNumber(i);

    if (i >= end) {
      p.buf += '%!(NOVERB)';
      break;
    }

    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;

    if (verb === '%') {
      p.buf += '%';
    } else if (!goodArgNum) {
      p.buf += '%!' + verb + '(BADINDEX)';
    } else if (argNum >= args.length) {
      p.buf += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum], verb);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, j) => {
      if (j > 0) p.buf += ', ';
      if (arg === null || arg === undefined) p.buf += '<nil>';
      else {
        p.buf += typeName(arg) + '=';
        p.printArg(arg, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}
