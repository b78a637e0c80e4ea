/** Sprig's semver functions over the Masterminds/semver port (lib/deps/semver.ts). */
import { defineFunc, type FuncMap } from '../go';
import { parseConstraintCached, parseVersion, parseVersionCached, satisfies, versionValue, type SemverRelease } from '../deps';

/** Sprig's `semver` and `semverCompare` over the Masterminds/semver release the helm links. */
export function semverFuncs(release: SemverRelease = 'v3.3.0'): FuncMap {
  return {
    semver: defineFunc('semver', ['string'], (s: string) => versionValue(parseVersion(s, release)), { returnsError: true }),
    semverCompare: defineFunc('semverCompare', ['string', 'string'], (c: string, s: string) => {
      const constraint = parseConstraintCached(c, release);
      return satisfies(parseVersionCached(s, release), constraint);
    }, {
      returnsError: true,
    }),
  };
}
