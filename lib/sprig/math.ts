/** Sprig's integer and float arithmetic, rounding and sequences. */
import { defineFunc, type FuncMap, GoError, GoInt, withType, type GoValue } from '../go';
import { castToFloat64, castToInt64 } from './conversion';
import { decimalAdd, decimalDiv, decimalFromFloat, decimalMul, decimalSub, decimalToFloat, type Decimal } from '../deps';

const i64 = (v: bigint): GoInt => new GoInt(v, 'int64');
const wrap64 = (v: bigint): bigint => BigInt.asIntN(64, v);

function divide(a: bigint, b: bigint, op: 'div' | 'mod'): bigint {
  if (b === 0n) throw new GoError('runtime error: integer divide by zero');
  // BigInt division truncates toward zero like Go's; MinInt64 / -1 wraps as in Go.
  return wrap64(op === 'div' ? a / b : a % b);
}

function decimalOp(first: GoValue, rest: GoValue[], op: (a: Decimal, b: Decimal) => Decimal): number {
  let acc = decimalFromFloat(castToFloat64(first));
  for (const x of rest) acc = op(acc, decimalFromFloat(castToFloat64(x)));
  return decimalToFloat(acc);
}

/**
 * The most numbers `until`, `untilStep` and `seq` will produce. Go builds a list of 50 million ints
 * in a second; JavaScript needs most of a minute and the memory of a browser tab, so a runaway
 * range stops here with a clear error instead. No chart needs lists anywhere near this long.
 */
export const MAX_RANGE_ITEMS = 1_000_000;

/** Sprig's untilStep: integers from start toward stop (exclusive) by step; empty when step points away. */
export function untilStep(start: number, stop: number, step: number): GoValue[] {
  const out: GoValue[] = [];
  if (step !== 0 && Math.sign(stop - start) === Math.sign(step) && Math.abs((stop - start) / step) > MAX_RANGE_ITEMS) {
    throw new GoError(`a range of ${Math.ceil(Math.abs((stop - start) / step))} numbers is more than chartroom renders (at most ${MAX_RANGE_ITEMS})`);
  }
  if (stop < start) {
    if (step >= 0) return withType(out, { name: '[]int' });
    for (let i = start; i > stop; i += step) out.push(new GoInt(i, 'int'));
    return withType(out, { name: '[]int' });
  }
  if (step <= 0) return withType(out, { name: '[]int' });
  for (let i = start; i < stop; i += step) out.push(new GoInt(i, 'int'));
  return withType(out, { name: '[]int' });
}

function seq(...params: GoInt[]): string {
  const p = params.map((x) => x.toNumber());
  const join = (l: GoValue[]): string => l.map(String).join(' ');
  switch (p.length) {
    case 1: {
      const inc = p[0] < 1 ? -1 : 1;
      return join(untilStep(1, p[0] + inc, inc));
    }
    case 2: {
      const step = p[1] < p[0] ? -1 : 1;
      return join(untilStep(p[0], p[1] + step, step));
    }
    case 3: {
      const [start, step, end] = p;
      let inc = 1;
      if (end < start) {
        inc = -1;
        if (step > 0) return '';
      }
      return join(untilStep(start, end + inc, step));
    }
    default:
      return '';
  }
}

/** Sprig's round: rounds at `places` decimals, up when the fraction reaches `roundOn` (default .5). */
function round(a: GoValue, places: GoInt, ...rOpt: number[]): number {
  const roundOn = rOpt.length > 0 ? rOpt[0] : 0.5;
  const val = castToFloat64(a);
  const pow = Math.pow(10, places.toNumber());
  const digit = pow * val;
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

export const mathFuncs: FuncMap = {
  add1: defineFunc('add1', ['interface {}'], (v: GoValue) => i64(wrap64(castToInt64(v) + 1n))),
  add: defineFunc('add', [], (...vs: GoValue[]) => i64(vs.reduce<bigint>((a, v) => wrap64(a + castToInt64(v)), 0n)), { variadic: 'interface {}' }),
  sub: defineFunc('sub', ['interface {}', 'interface {}'], (a: GoValue, b: GoValue) => i64(wrap64(castToInt64(a) - castToInt64(b)))),
  div: defineFunc('div', ['interface {}', 'interface {}'], (a: GoValue, b: GoValue) => i64(divide(castToInt64(a), castToInt64(b), 'div'))),
  mod: defineFunc('mod', ['interface {}', 'interface {}'], (a: GoValue, b: GoValue) => i64(divide(castToInt64(a), castToInt64(b), 'mod'))),
  mul: defineFunc(
    'mul',
    ['interface {}'],
    (a: GoValue, ...vs: GoValue[]) => i64(vs.reduce<bigint>((acc, v) => wrap64(acc * castToInt64(v)), castToInt64(a))),
    { variadic: 'interface {}' },
  ),
  add1f: defineFunc('add1f', ['interface {}'], (v: GoValue) => decimalOp(v, [new GoInt(1, 'int')], decimalAdd)),
  addf: defineFunc('addf', [], (...vs: GoValue[]) => decimalOp(0, vs, decimalAdd), { variadic: 'interface {}' }),
  subf: defineFunc('subf', ['interface {}'], (a: GoValue, ...vs: GoValue[]) => decimalOp(a, vs, decimalSub), { variadic: 'interface {}' }),
  divf: defineFunc('divf', ['interface {}'], (a: GoValue, ...vs: GoValue[]) => decimalOp(a, vs, decimalDiv), { variadic: 'interface {}' }),
  mulf: defineFunc('mulf', ['interface {}'], (a: GoValue, ...vs: GoValue[]) => decimalOp(a, vs, decimalMul), { variadic: 'interface {}' }),
  biggest: defineFunc('biggest', ['interface {}'], (a: GoValue, ...vs: GoValue[]) => i64(maxInt(a, vs)), { variadic: 'interface {}' }),
  max: defineFunc('max', ['interface {}'], (a: GoValue, ...vs: GoValue[]) => i64(maxInt(a, vs)), { variadic: 'interface {}' }),
  min: defineFunc('min', ['interface {}'], (a: GoValue, ...vs: GoValue[]) => i64(minInt(a, vs)), { variadic: 'interface {}' }),
  maxf: defineFunc('maxf', ['interface {}'], (a: GoValue, ...vs: GoValue[]) => vs.reduce<number>((m, v) => goMax(m, castToFloat64(v)), castToFloat64(a)), {
    variadic: 'interface {}',
  }),
  minf: defineFunc('minf', ['interface {}'], (a: GoValue, ...vs: GoValue[]) => vs.reduce<number>((m, v) => goMin(m, castToFloat64(v)), castToFloat64(a)), {
    variadic: 'interface {}',
  }),
  ceil: defineFunc('ceil', ['interface {}'], (v: GoValue) => Math.ceil(castToFloat64(v))),
  floor: defineFunc('floor', ['interface {}'], (v: GoValue) => Math.floor(castToFloat64(v))),
  round: defineFunc('round', ['interface {}', 'int'], round, { variadic: 'float64' }),
  seq: defineFunc('seq', [], seq, { variadic: 'int' }),
  until: defineFunc('until', ['int'], (n: GoInt) => {
    const c = n.toNumber();
    return untilStep(0, c, c < 0 ? -1 : 1);
  }),
  untilStep: defineFunc('untilStep', ['int', 'int', 'int'], (a: GoInt, b: GoInt, c: GoInt) => untilStep(a.toNumber(), b.toNumber(), c.toNumber())),
};

function maxInt(a: GoValue, vs: GoValue[]): bigint {
  return vs.reduce<bigint>((m, v) => {
    const x = castToInt64(v);
    return x > m ? x : m;
  }, castToInt64(a));
}

function minInt(a: GoValue, vs: GoValue[]): bigint {
  return vs.reduce<bigint>((m, v) => {
    const x = castToInt64(v);
    return x < m ? x : m;
  }, castToInt64(a));
}

// Go's math.Max/Min: NaN wins, and +0 beats -0 for max (-0 for min).
function goMax(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return Math.max(a, b);
}

function goMin(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  return Math.min(a, b);
}
