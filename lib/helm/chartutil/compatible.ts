/** chartutil's compatible.go: semver range checks for dependency versions and `kubeVersion`. */
import { parseConstraintCached, parseVersionCached, satisfies } from '../../deps';

/** chartutil.IsCompatibleRange: whether `version` satisfies the semver `constraint`. */
export function isCompatibleRange(constraint: string, version: string): boolean {
  try {
    return satisfies(parseVersionCached(version), parseConstraintCached(constraint));
  } catch {
    return false;
  }
}
