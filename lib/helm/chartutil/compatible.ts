/** chartutil's compatible.go: semver range checks for dependency versions and `kubeVersion`. */
import { parseConstraintCached, parseVersionCached, satisfies } from '../../deps';
import { semverRelease, type HelmVersion } from '../version';

/** chartutil.IsCompatibleRange: whether `version` satisfies the semver `constraint`, by the semver release the helm links. */
export function isCompatibleRange(constraint: string, version: string, helmVersion: HelmVersion | undefined): boolean {
  const release = semverRelease(helmVersion);
  try {
    return satisfies(parseVersionCached(version, release), parseConstraintCached(constraint, release));
  } catch {
    return false;
  }
}
