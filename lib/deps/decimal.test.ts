import { describe, expect, it } from 'vitest';
import { decimalAdd, decimalDiv, decimalFromFloat, decimalMul, decimalSub, decimalToFloat } from './decimal';

const op = (f: typeof decimalAdd, a: number, b: number): number => decimalToFloat(f(decimalFromFloat(a), decimalFromFloat(b)));

describe('decimal arithmetic (shopspring/decimal as Sprig uses it)', () => {
  it.each([
    ['add', decimalAdd, 0.1, 0.2, 0.3],
    ['add', decimalAdd, 1e300, 1e300, 2e300],
    ['sub', decimalSub, 1, 0.9, 0.1],
    ['mul', decimalMul, 1.1, 3, 3.3],
    ['mul', decimalMul, 0.1, 0.1, 0.01],
    ['div', decimalDiv, 1, 3, 0.3333333333333333],
    ['div', decimalDiv, 2, 3, 0.6666666666666667],
    ['div', decimalDiv, -2, 3, -0.6666666666666667],
    ['div', decimalDiv, 1e-20, 3, 0],
    ['div', decimalDiv, 10, 4, 2.5],
  ] as const)('%s %d %d', (_, f, a, b, want) => {
    expect(op(f, a, b)).toBe(want);
  });

  it('keeps the shortest decimal of a float', () => {
    expect(decimalFromFloat(0.1)).toEqual({ coef: 1n, exp: -1 });
    expect(decimalFromFloat(1.5e-7)).toEqual({ coef: 15n, exp: -8 });
    expect(decimalFromFloat(-1e21)).toEqual({ coef: -1n, exp: 21 });
  });

  it('panics like Go on division by zero and NaN', () => {
    expect(() => op(decimalDiv, 1, 0)).toThrow('decimal division by 0');
    expect(() => decimalFromFloat(NaN)).toThrow('Cannot create a Decimal from NaN');
  });
});
