/** Sprig's semver functions over the Masterminds/semver port (lib/deps/semver.ts). */
import { defineFunc, type FuncMap } from '../go/func';
import { parseConstraintCached, parseVersion, parseVersionCached, satisfies, versionValue } from '../deps/semver';

/** Sprig's `semver` and `semverCompare`. */
export const semverFuncs: FuncMap = {
  semver: defineFunc('semver', ['string'], (s: string) => versionValue(parseVersion(s)), { returnsError: true }),
  semverCompare: defineFunc('semverCompare', ['string', 'string'], (c: string, s: string) => {
    const constraint = parseConstraintCached(c);
    return satisfies(parseVersionCached(s), constraint);
  }, {
    returnsError: true,
  }),
};
