import { describe, expect, it } from 'vitest';
import { referenceExecute } from '../../../tests/helm/reference';
import { sprintf } from '../fmt/fmt';
import {
  NumError,
  atoi,
  canBackquote,
  formatFloat,
  parseBool,
  parseFloat,
  parseInt,
  parseUint,
  quote,
  quoteRune,
  quoteRuneToASCII,
  quoteToASCII,
  unquote,
} from './index';

/** A deterministic spread of doubles: random bit patterns, short decimals, exact binary ties. */
function sampleFloats(): number[] {
  let seed = 0x2545f491;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const out: number[] = [];
  const view = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < 150; i++) {
    // Random mantissa bits with an exponent between 2^-80 and 2^80.
    view.setUint32(0, ((1023 + Math.floor(next() * 160) - 80) << 20) | Math.floor(next() * 2 ** 20));
    view.setUint32(4, Math.floor(next() * 2 ** 32));
    out.push(view.getFloat64(0) * (next() < 0.3 ? -1 : 1));
  }
  for (let i = 0; i < 150; i++) {
    const digits = 1 + Math.floor(next() * 7);
    const mant = Math.floor(next() * 10 ** digits);
    out.push(Number(`${mant}e${Math.floor(next() * 36) - 12}`));
  }
  for (let i = 0; i < 60; i++) out.push(Math.floor(next() * 4000) / 16 - 100);
  out.push(0.5, 1.5, 2.5, 0.125, 0.375, 1e21, 1e20, 123456789012345680000, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1e-7, 0.1, 0.2, 0.3);
  return out.filter((x) => !Object.is(x, -0));
}

const FLOAT_VERBS = ['%v', '%e', '%.3e', '%.0e', '%.17e', '%f', '%.2f', '%.0f', '%.20f', '%g', '%.1g', '%.5g', '%.17g', '%G', '%x', '%.3x', '%.0x', '%.13x', '%.20x', '%X', '%b', '%#v', '%8.3f', '%+.4e', '%#.4g', '%#x', '% .3g'];

describe('formatFloat against helm printf', async () => {
  const floats = sampleFloats();
  const values = `r: [${floats.map((x) => String(x)).join(', ')}]\n`;
  const reference = await referenceExecute(FLOAT_VERBS.map((v) => ({ template: `{{ printf "${v}" .Values.r }}`, values })));
  it.each(FLOAT_VERBS.map((v, i) => [v, i] as const))('%s over %# sample floats', (verb, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(ref.error);
    const want = ref.output.slice(1, -1).split(' ');
    const got = sprintf(verb, [floats]).slice(1, -1).split(' ');
    // Compare element-wise so a failure names the float.
    const diffs = floats.map((x, j) => [x, want[j], got[j]]).filter(([, w, g]) => w !== g);
    expect(diffs).toEqual([]);
  });
});

describe('formatFloat', () => {
  it.each([
    [1, 'e', 5, 64, '1.00000e+00'],
    [1, 'f', 5, 64, '1.00000'],
    [1, 'g', 5, 64, '1'],
    [20, 'g', -1, 64, '20'],
    // Chart.yaml numbers become strings through FormatFloat(f, 'g', -1, 32).
    [1.1, 'g', -1, 32, '1.1'],
    [3.14159265358979, 'g', -1, 32, '3.1415927'],
    [16777217, 'g', -1, 32, '1.6777216e+07'],
    [0.1 + 0.2, 'g', -1, 64, '0.30000000000000004'],
    [1234567.8, 'g', -1, 64, '1.2345678e+06'],
    [200000, 'g', -1, 64, '200000'],
    [2000000, 'g', -1, 64, '2e+06'],
    [400, 'g', 2, 64, '4e+02'],
    [40, 'g', 2, 64, '40'],
    [0.00004, 'g', 2, 64, '4e-05'],
    [0, 'e', 5, 64, '0.00000e+00'],
    [0, 'g', -1, 64, '0'],
    [-0, 'g', -1, 64, '-0'],
    [-0, 'x', -1, 64, '-0x0p+00'],
    [32, 'g', 0, 64, '3e+01'],
    [1e23, 'e', 17, 64, '9.99999999999999916e+22'],
    [1e23, 'f', 17, 64, '99999999999999991611392.00000000000000000'],
    [1e23, 'g', 17, 64, '9.9999999999999992e+22'],
    [1e23, 'g', -1, 64, '1e+23'],
    [100, 'x', -1, 64, '0x1.9p+06'],
    [100, 'x', 0, 64, '0x1p+07'],
    [0.1, 'x', -1, 64, '0x1.999999999999ap-04'],
    [0.1, 'X', -1, 64, '0X1.999999999999AP-04'],
    [1, 'x', 4, 64, '0x1.0000p+00'],
    [1, 'b', -1, 64, '4503599627370496p-52'],
    [-1, 'b', -1, 64, '-4503599627370496p-52'],
    [5e-324, 'b', -1, 64, '1p-1074'],
    [100, 'y', -1, 64, '%y'],
    [Infinity, 'g', -1, 64, '+Inf'],
    [-Infinity, 'f', 3, 64, '-Inf'],
    [NaN, 'e', -1, 64, 'NaN'],
    [2.5, 'f', 0, 64, '2'],
    [3.5, 'f', 0, 64, '4'],
    [0.125, 'f', 2, 64, '0.12'],
    [0.375, 'f', 2, 64, '0.38'],
    // float32: shortest digits are those of the float32 value
    [0.1, 'g', -1, 32, '0.1'],
    [Math.fround(0.1), 'g', -1, 64, '0.10000000149011612'],
    [16777216, 'e', -1, 32, '1.6777216e+07'],
    [3.4028234663852886e38, 'g', -1, 32, '3.4028235e+38'],
    [1, 'b', -1, 32, '8388608p-23'],
    [1.1, 'f', 10, 32, '1.1000000238'],
    [1e-45, 'g', -1, 32, '1e-45'],
  ] as const)('FormatFloat(%s, %s, %s, %s) = %s', (f, fmt, prec, bits, want) => {
    expect(formatFloat(f, fmt, prec, bits)).toBe(want);
  });
});

describe('quoting', () => {
  it.each([
    ['', '""', '""'],
    ['hello', '"hello"', '"hello"'],
    ['héllo, 世界', '"héllo, 世界"', '"h\\u00e9llo, \\u4e16\\u754c"'],
    ['\x07\b\f\n\r\t\v\\"\'', '"\\a\\b\\f\\n\\r\\t\\v\\\\\\"\'"', '"\\a\\b\\f\\n\\r\\t\\v\\\\\\"\'"'],
    ['\x00\x1b\x7f', '"\\x00\\x1b\\x7f"', '"\\x00\\x1b\\x7f"'],
    ['\u00ad\ufeff\u2028', '"\\u00ad\\ufeff\\u2028"', '"\\u00ad\\ufeff\\u2028"'],
    ['😀', '"😀"', '"\\U0001f600"'],
    ['\u{e0001}', '"\\U000e0001"', '"\\U000e0001"'],
    ['\ud800', '"�"', '"\\ufffd"'],
  ])('Quote(%j)', (s, q, ascii) => {
    expect(quote(s)).toBe(q);
    expect(quoteToASCII(s)).toBe(ascii);
  });

  it.each([
    [0x41, "'A'", "'A'"],
    [0x27, "'\\''", "'\\''"],
    [0x22, `'"'`, `'"'`],
    [0xe9, "'é'", "'\\u00e9'"],
    [0x1f600, "'😀'", "'\\U0001f600'"],
    [0xd800, "'�'", "'\\ufffd'"],
    [0x110000, "'�'", "'\\ufffd'"],
    [-1, "'�'", "'\\ufffd'"],
    [0x0a, "'\\n'", "'\\n'"],
  ])('QuoteRune(%i)', (r, q, ascii) => {
    expect(quoteRune(r)).toBe(q);
    expect(quoteRuneToASCII(r)).toBe(ascii);
  });

  it.each([
    ['abc', true],
    ['a\tb', true],
    ['a`b', false],
    ['a\nb', false],
    ['\u007f', false],
    ['\ufeff', false],
    ['世界', true],
  ])('CanBackquote(%j) = %s', (s, want) => expect(canBackquote(s)).toBe(want));

  it.each([
    ['"abc"', 'abc'],
    ['`a\\nb`', 'a\\nb'],
    ['`a\r\nb`', 'a\nb'],
    ['"\\x41\\101\\u00e9\\U0001F600\\n\\""', 'AAé😀\n"'],
    ['"\\xc3\\xa9"', 'é'],
    ['"\\xff"', '\ufffd'],
    ["'a'", 'a'],
    ["'\\''", "'"],
    ["'世'", '世'],
    ['"世界 a\rb\t"', '世界 a\rb\t'],
    ['"a😀b"', 'a😀b'],
    ['"a\ud800b"', 'a\ufffdb'],
    ['""', ''],
  ])('Unquote(%j)', (s, want) => expect(unquote(s)).toBe(want));

  it.each(['"', '"abc', '"a"b"', "'ab'", "''", '"\\q"', '"\\400"', '"\\ud800"', '"a\nb"', '`a`b`', "'\\\"'", 'abc'])('Unquote(%j) fails', (s) => {
    expect(() => unquote(s)).toThrow('invalid syntax');
  });
});

function numError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof NumError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('parsing', () => {
  it.each([
    ['0', 10, 64, 0n],
    ['-42', 10, 64, -42n],
    ['+42', 10, 64, 42n],
    ['0x1F', 0, 64, 31n],
    ['0b101', 0, 64, 5n],
    ['0o17', 0, 64, 15n],
    ['017', 0, 64, 15n],
    ['1_000', 0, 64, 1000n],
    ['-0x_1F', 0, 64, -31n],
    ['zz', 36, 64, 1295n],
    ['127', 10, 8, 127n],
    ['-128', 10, 8, -128n],
    ['9223372036854775807', 10, 0, 9223372036854775807n],
    ['-9223372036854775808', 10, 64, -9223372036854775808n],
  ] as const)('ParseInt(%j, %i, %i) = %s', (s, base, bits, want) => {
    expect(parseInt(s, base, bits)).toBe(want);
  });

  it.each([
    [() => parseInt('', 10, 64), 'strconv.ParseInt: parsing "": invalid syntax'],
    [() => parseInt('x', 10, 64), 'strconv.ParseInt: parsing "x": invalid syntax'],
    [() => parseInt('1_000', 10, 64), 'strconv.ParseInt: parsing "1_000": invalid syntax'],
    [() => parseInt('1__0', 0, 64), 'strconv.ParseInt: parsing "1__0": invalid syntax'],
    [() => parseInt('128', 10, 8), 'strconv.ParseInt: parsing "128": value out of range'],
    [() => parseInt('-129', 10, 8), 'strconv.ParseInt: parsing "-129": value out of range'],
    [() => parseInt('9223372036854775808', 10, 64), 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    [() => parseInt('99999999999999999999x', 10, 64), 'strconv.ParseInt: parsing "99999999999999999999x": value out of range'],
    [() => parseInt('1', 1, 64), 'strconv.ParseInt: parsing "1": invalid base 1'],
    [() => parseInt('1', 10, 65), 'strconv.ParseInt: parsing "1": invalid bit size 65'],
    [() => parseInt('-', 10, 64), 'strconv.ParseInt: parsing "-": invalid syntax'],
    [() => parseInt('\u00e9', 10, 64), 'strconv.ParseInt: parsing "é": invalid syntax'],
    [() => parseUint('-1', 10, 64), 'strconv.ParseUint: parsing "-1": invalid syntax'],
    [() => parseUint('18446744073709551616', 10, 64), 'strconv.ParseUint: parsing "18446744073709551616": value out of range'],
    [() => atoi('12a'), 'strconv.Atoi: parsing "12a": invalid syntax'],
    [() => atoi(' 1'), 'strconv.Atoi: parsing " 1": invalid syntax'],
    [() => atoi('99999999999999999999'), 'strconv.Atoi: parsing "99999999999999999999": value out of range'],
    [() => parseBool('yes'), 'strconv.ParseBool: parsing "yes": invalid syntax'],
    [() => parseFloat('1.2.3'), 'strconv.ParseFloat: parsing "1.2.3": invalid syntax'],
    [() => parseFloat('1e400'), 'strconv.ParseFloat: parsing "1e400": value out of range'],
    [() => parseFloat('0x1.8'), 'strconv.ParseFloat: parsing "0x1.8": invalid syntax'],
    [() => parseFloat('infin'), 'strconv.ParseFloat: parsing "infin": invalid syntax'],
    [() => parseFloat('+nan'), 'strconv.ParseFloat: parsing "+nan": invalid syntax'],
    [() => parseFloat(''), 'strconv.ParseFloat: parsing "": invalid syntax'],
    [() => parseFloat('1_.5'), 'strconv.ParseFloat: parsing "1_.5": invalid syntax'],
  ])('error %#: %s', (fn, want) => expect(numError(fn)).toBe(want));

  it('range errors carry the clamped value', () => {
    const e = (() => {
      try {
        parseInt('-1000', 10, 8);
      } catch (x) {
        return x as NumError;
      }
    })();
    expect(e?.value).toBe(-128n);
  });

  it.each([
    ['1', true],
    ['t', true],
    ['T', true],
    ['TRUE', true],
    ['true', true],
    ['True', true],
    ['0', false],
    ['f', false],
    ['F', false],
    ['FALSE', false],
    ['false', false],
    ['False', false],
  ])('ParseBool(%j) = %s', (s, want) => expect(parseBool(s)).toBe(want));

  it.each([
    ['1.5', 1.5],
    ['-0', -0],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-3', 0.001],
    ['1_000.5', 1000.5],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
    ['+INF', Infinity],
    ['NaN', NaN],
    ['0x1.8p1', 3],
    ['0x1p-1074', 5e-324],
    ['0X_1FFFP-16', 0.1249847412109375],
    ['1e-400', 0],
    ['123456789012345678901234567890', 1.2345678901234568e29],
    ['1.7976931348623157e308', 1.7976931348623157e308],
  ])('ParseFloat(%j) = %s', (s, want) => expect(parseFloat(s)).toBe(want));
});

/** Every code point of planes 0–3 and 14 through `%q`: Go escapes exactly the non-printable ones. */
describe('isPrint agrees with Go 1.23 unicode tables', async () => {
  const CHUNK = 0x2000;
  const starts: number[] = [];
  for (let cp = 0xa0; cp < 0x40000; cp += CHUNK) starts.push(cp);
  starts.push(0xe0000);
  const chunk = (start: number) => {
    let s = '';
    for (let cp = start; cp < Math.min(start + CHUNK, start === 0xe0000 ? 0xe1000 : 0x40000); cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      s += String.fromCodePoint(cp);
    }
    return s;
  };
  const reference = await referenceExecute(starts.map((st) => ({ template: `{{ printf "%q" "${chunk(st)}" }}` })));
  it.each(starts.map((st, i) => [st, i] as const))('U+%s…', (st, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(ref.error);
    const want = [...ref.output.slice(1, -1).matchAll(/\\u[0-9a-f]{4}|\\U[0-9a-f]{8}|./gsu)].map((m) => m[0]);
    const got = [...quote(chunk(st)).slice(1, -1).matchAll(/\\u[0-9a-f]{4}|\\U[0-9a-f]{8}|./gsu)].map((m) => m[0]);
    const diffs = got.map((g, j) => [g, want[j]]).filter(([g, w]) => g !== w).slice(0, 20);
    expect(diffs).toEqual([]);
  });
});

/** Binary fractions are exact decimal ties at many positions: Go rounds them half to even. */
describe('rounding of exact ties against helm printf', async () => {
  const floats: number[] = [];
  for (let k = 1; k <= 60; k++) floats.push(k / 8, (k * 37) / 1024, -(k * 101) / 65536, (k * 12345) / 2 ** 20 + 1000, k * 2.5, k * 0.5 + 1e6);
  const verbs = [
    ...Array.from({ length: 13 }, (_, n) => `%.${n}f`),
    ...Array.from({ length: 10 }, (_, n) => `%.${n}e`),
    ...Array.from({ length: 10 }, (_, n) => `%.${n + 1}g`),
  ];
  const values = `t: [${floats.map(String).join(', ')}]\n`;
  const reference = await referenceExecute(verbs.map((v) => ({ template: `{{ printf "${v}" .Values.t }}`, values })));
  it.each(verbs.map((v, i) => [v, i] as const))('%s', (verb, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(ref.error);
    const want = ref.output.slice(1, -1).split(' ');
    const got = sprintf(verb, [floats]).slice(1, -1).split(' ');
    expect(floats.map((x, j) => [x, want[j], got[j]]).filter(([, w, g]) => w !== g)).toEqual([]);
  });
});
