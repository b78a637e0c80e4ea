/** The storefront fixture (README.md here): both chart versions and the configuration that meets every case. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import { mergeUserValues } from '../../lib/helm/chartutil/merge-values';
import type { Chart } from '../../lib/helm';
import type { GoMap } from '../../lib/go/value';
import type { HelmVersion } from '../../lib/helm/version';

export const FIXTURE_DIR = join(fileURLToPath(new URL('.', import.meta.url)), 'charts');
export const V1_DIR = join(FIXTURE_DIR, 'storefront-1');
export const V2_DIR = join(FIXTURE_DIR, 'storefront-2');
export const VALUES_FILE = join(FIXTURE_DIR, 'values-a.yaml');
export const RELEASE = 'shop';

export function storefront(version: 1 | 2): Chart {
  return loadChartFromDisk(version === 1 ? V1_DIR : V2_DIR);
}

/** values-a.yaml read as `-f` reads it (plus `--set` texts). */
export function userValues(helmVersion: HelmVersion = '4.1', set: string[] = []): GoMap {
  return mergeUserValues({ helmVersion, valueFiles: [{ name: 'values-a.yaml', data: readFileSync(VALUES_FILE) }], values: set });
}
