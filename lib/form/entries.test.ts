import { describe, expect, it } from 'vitest';
import { withRemovals, withoutNulls } from './changes';
import { withDataKeys } from './entries';
import { getIn } from './paths';

/** Map keys that name members of Object.prototype, as an annotation or label may be called. */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

/** A map with these own keys (an object literal would set the prototype for `__proto__`). */
const map = (entries: [string, unknown][]): Record<string, unknown> => Object.fromEntries(entries);

describe('keys named like Object.prototype members are data', () => {
  for (const name of NAMES) {
    it(`withRemovals keeps a new key ${name}`, () => {
      const out = withRemovals({ a: '1' }, map([[name, 'x']])) as Record<string, unknown>;
      expect(Object.keys(out).sort()).toEqual([name, 'a'].sort());
      expect(Object.getOwnPropertyDescriptor(out, name)?.value).toBe('x');
      expect(out.a).toBeNull();
      expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    });
    it(`withRemovals removes a key ${name}`, () => {
      const out = withRemovals(map([[name, 'x']]), { a: '1' }) as Record<string, unknown>;
      expect(Object.getOwnPropertyDescriptor(out, name)?.value).toBeNull();
    });
    it(`withoutNulls and getIn keep ${name}`, () => {
      const out = withoutNulls(map([[name, map([['k', 'v']])], ['gone', null]]));
      expect(Object.keys(out as object)).toEqual([name]);
      expect(getIn(out, [name, 'k'])).toBe('v');
      expect(getIn({}, [name])).toBeUndefined();
    });
  }
});

describe('withDataKeys', () => {
  /** How react-hook-form copies what it holds: a fresh object of the same prototype, keys assigned. */
  const copyByAssignment = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v;
    const out = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
    for (const [k, x] of Object.entries(v)) out[k] = copyByAssignment(x);
    return out;
  };
  it('lets a __proto__ key survive a copy by assignment', () => {
    const value = { service: map([['__proto__', 'kept'], ['b', [map([['__proto__', 1]])]]]) };
    expect(Object.keys((copyByAssignment(value) as typeof value).service)).toEqual(['b']);
    const copied = copyByAssignment(withDataKeys(value)) as typeof value;
    expect(Object.keys(copied.service)).toEqual(['__proto__', 'b']);
    expect(getIn(copied, ['service', '__proto__'])).toBe('kept');
    expect(getIn(copied, ['service', 'b', '0', '__proto__'])).toBe(1);
  });
});
