import { describe, expect, it } from 'vitest';
import { GoError, GoInt, GoStruct } from '../go/value';
import { compareVersions, parseConstraint, parseStrictVersion, parseVersion, satisfies, versionOf, versionString, versionValue } from './semver';

describe('parseVersion', () => {
  it.each([
    ['1.2.3', '1.2.3'],
    ['v1.2', '1.2.0'],
    ['2', '2.0.0'],
    ['1.0.0-rc.1+build.5', '1.0.0-rc.1+build.5'],
    ['007.1.0', '7.1.0'],
  ])('%s → %s', (input, canonical) => {
    const v = parseVersion(input);
    expect(versionString(v)).toBe(canonical);
    expect(v.original).toBe(input);
  });

  it.each([
    ['', 'Invalid Semantic Version'],
    ['1.2.3.4', 'Invalid Semantic Version'],
    ['1.2.3-01', 'Version segment starts with 0'],
  ])('rejects %j', (input, message) => expect(() => parseVersion(input)).toThrow(new GoError(message)));
});

describe('compareVersions', () => {
  const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.10.0', '2.0.0'];
  it('orders SemVer 2.0 precedence examples', () => {
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(compareVersions(parseVersion(ordered[i]), parseVersion(ordered[j]))).toBe(Math.sign(i - j));
      }
    }
  });

  it('ignores build metadata', () => {
    expect(compareVersions(parseVersion('1.0.0+a'), parseVersion('1.0.0+b'))).toBe(0);
  });
});

describe('constraints as the Helm layer uses them', () => {
  it.each([
    ['>=1.19.0-0', 'v1.28.3-gke.100', true],
    ['>= 1.19.0', '1.28.3-gke.100', false],
    ['~1.2.0 || ^2', '2.9.0', true],
    ['~1.2.0 || ^2', '1.3.0', false],
    ['1.x', '1.99.1', true],
    ['>=1.0.0, <2.0.0', '2.0.0', false],
    ['1.2 - 1.4.x', '1.4.9', true],
    ['*', '0.0.1', true],
  ])('%s ∋ %s is %s', (c, v, ok) => expect(satisfies(parseVersion(v), parseConstraint(c))).toBe(ok));

  it.each(['', 'foo', '>=1.0 <', '1.0 ||'])('rejects constraint %j', (c) => expect(() => parseConstraint(c)).toThrow(/^improper constraint: /));
});

// Masterminds' StrictNewVersion (helm reads OCI tags with it): v3.3.0 takes empty identifiers, v3.4.0 refuses them.
describe('parseStrictVersion', () => {
  it.each([
    ['1.2.3', '1.2.3', '1.2.3'],
    ['1.2.3-rc.1+b.2', '1.2.3-rc.1+b.2', '1.2.3-rc.1+b.2'],
    ['1.2.3+b-c', '1.2.3+b-c', '1.2.3+b-c'],
    ['3.0.0-', '3.0.0', 'invalid prerelease string'],
    ['3.0.0+', '3.0.0', 'invalid metadata string'],
    ['1.0.0-a..b', '1.0.0-a..b', 'invalid prerelease string'],
    ['1.0.0-01', 'Version segment starts with 0', 'version segment starts with 0'],
    ['01.0.0', 'Version segment starts with 0', 'version segment starts with 0'],
    ['v1.2.3', 'Invalid characters in version', 'invalid characters in version'],
    ['1.2', 'Invalid Semantic Version', 'invalid semantic version'],
    ['1.2.3.4', 'Invalid characters in version', 'invalid characters in version'],
    ['1.0.0-a_b', 'Invalid Prerelease string', 'invalid prerelease string'],
    ['', 'Version string empty', 'version string empty'],
    ['1..0', 'strconv.ParseUint: parsing "": invalid syntax', 'strconv.ParseUint: parsing "": invalid syntax'],
  ])('%j: v3.3.0 %j, v3.4.0 %j', (text, v330, v340) => {
    for (const [release, want] of [['v3.3.0', v330], ['v3.4.0', v340]] as const) {
      let got: string;
      try {
        got = versionString(parseStrictVersion(text, release));
      } catch (e) {
        got = (e as Error).message;
      }
      expect(got, release).toBe(want);
    }
  });
});

describe('*semver.Version values', () => {
  const v = versionValue(parseVersion('v1.2.3-rc.1+meta'));
  const m = (name: string, ...args: never[]) => v.type.methods![name].call(...args);

  it('prints with String() and names its type', () => {
    expect(v.type.name).toBe('*semver.Version');
    expect(v.type.stringer!(v)).toBe('1.2.3-rc.1+meta');
    expect(versionOf(v)?.original).toBe('v1.2.3-rc.1+meta');
  });

  it('has Go\'s accessors', () => {
    expect(m('Major')).toEqual(new GoInt(1n, 'uint64'));
    expect(m('Prerelease')).toBe('rc.1');
    expect(m('Metadata')).toBe('meta');
    expect(m('Original')).toBe('v1.2.3-rc.1+meta');
  });

  it('increments into semver.Version values without Original', () => {
    const next = m('IncMinor') as GoStruct;
    expect(next.type.name).toBe('semver.Version');
    expect(next.type.stringer!(next)).toBe('1.3.0');
    expect(next.type.methods!.Original).toBeUndefined();
  });
});
