import { describe, expect, it } from 'vitest';
import { generateSecret, parseNumberText, parseScalarText, scalarToText, withRemovals, withoutNulls, type JsonType } from './index';

describe('generateSecret', () => {
  it.each([
    ['password', /^[A-Za-z0-9]{32}$/],
    ['base64-32', /^[A-Za-z0-9+/]{43}=$/],
    ['hex-32', /^[0-9a-f]{64}$/],
  ] as const)('%s has the right shape and differs each time', (kind, shape) => {
    const seen = new Set(Array.from({ length: 20 }, () => generateSecret(kind)));
    expect(seen.size).toBe(20);
    for (const s of seen) expect(s).toMatch(shape);
  });

  it('base64-32 decodes to 32 bytes', () => {
    expect(atob(generateSecret('base64-32')).length).toBe(32);
  });

  it('password draws unbiased: bytes past the last full alphabet round are skipped', () => {
    let calls = 0;
    // All 255s first (rejected: 255 >= 248), then zeros ('A').
    const source = (b: Uint8Array) => b.fill(calls++ === 0 ? 255 : 0);
    expect(generateSecret('password', source)).toBe('A'.repeat(32));
    expect(calls).toBe(2);
  });
});

describe('parseNumberText', () => {
  it.each([
    ['3', true, { ok: true, value: 3 }],
    [' 42 ', true, { ok: true, value: 42 }],
    ['2.0', true, { ok: true, value: 2 }],
    ['2.5', true, { ok: false, reason: 'Must be a whole number.' }],
    ['2.5', false, { ok: true, value: 2.5 }],
    ['1e3', false, { ok: true, value: 1000 }],
    ['', true, { ok: false, reason: 'Enter a number.' }],
    ['abc', false, { ok: false, reason: 'Must be a number.' }],
    ['99999999999999999999', true, { ok: false, reason: 'Number is too large.' }],
  ] as const)('%j (integer %s)', (text, integer, expected) => {
    expect(parseNumberText(text, integer)).toEqual(expected);
  });
});

describe('parseScalarText', () => {
  const rows: [string, JsonType[], unknown, unknown][] = [
    ['1', ['integer', 'string'], 1, 1],
    ['50%', ['integer', 'string'], 1, '50%'],
    ['2', ['integer', 'string'], '50%', '2'],
    ['250m', ['string', 'number'], '100m', '250m'],
    ['1', ['string', 'number'], '1', '1'],
    ['7', ['number'], undefined, 7],
    ['true', ['string', 'number', 'boolean'], false, true],
    ['true', ['string', 'number', 'boolean'], 'x', 'true'],
    ['x', ['integer'], 1, 'x'],
  ];
  it.each(rows)('%j as %j after %j', (text, types, previous, expected) => {
    expect(parseScalarText(text, types, previous)).toEqual(expected);
  });

  it('scalarToText', () => {
    expect([undefined, null, 'a', 1, true].map(scalarToText)).toEqual(['', '', 'a', '1', 'true']);
  });
});

describe('withRemovals / withoutNulls', () => {
  it.each([
    ['removed key becomes null', { a: 1, b: 2 }, { a: 1 }, { a: 1, b: null }],
    ['nested removal', { s: { x: 1, y: { z: 1 } } }, { s: { y: {} } }, { s: { x: null, y: { z: null } } }],
    ['lists replace', { l: [1, 2] }, { l: [1] }, { l: [1] }],
    ['new keys pass', {}, { a: 1 }, { a: 1 }],
    ['not a map', 'x', { a: 1 }, { a: 1 }],
  ])('%s', (_name, previous, next, expected) => {
    const emitted = withRemovals(previous, next);
    expect(emitted).toEqual(expected);
    expect(withoutNulls(emitted)).toEqual(next);
  });
});
