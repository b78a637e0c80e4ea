/**
 * Upgrade previews: one configuration against two charts (or two sets of values).
 * Other layers import it from here.
 */
export { formatUpgradeReport, CHANGE_LABEL, resourceCounts, STATUS_LABEL } from './format';
export { redactReport } from './redact';
export { type RepositoryVersions } from './repository-target';
export { type UpgradeReport, type ResourceDiff } from './types';
export { upgradeReport } from './upgrade';
