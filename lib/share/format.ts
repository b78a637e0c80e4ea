/**
 * The configuration format's constants, apart from its schema (config.ts): the page reads them
 * on every load, while zod and the share-link decoder load only when a link or file is opened.
 */
import type { HelmVersion } from '../helm';

/** The current format version; links and files carry it so later formats can read older ones. */
export const CONFIG_FORMAT = 1;

/** Upper bound on any values text, so a crafted link or file can't make us parse megabytes. */
export const MAX_VALUES_TEXT = 128 * 1024;

/** Fragment prefix of format-1 share links. */
export const LINK_PREFIX = 'cr1.';

/** The Helm a configuration renders as: one without a version predates Helm 4 support (3.17). */
export function configHelmVersion(c: { helmVersion?: HelmVersion }): HelmVersion {
  return c.helmVersion ?? '3.17';
}
