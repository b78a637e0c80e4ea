/** The storefront fixture (README.md here): both chart versions and the configuration that meets every case. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import { loadChartFiles } from '../../lib/helm/chart/loader';
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

/**
 * Two versions of a small chart whose values have keys holding dots (`nodeSelector`'s
 * `kubernetes.io/os`, a top-level `a.b` beside `a: {b}`); its one template renders every value.
 * 2.0.0 changes the `kubernetes.io/os` default, drops `scrapePort` for a `prometheus.io/port`
 * annotation holding the same value, and its schema wants `a`'s `b` (not `a.b`) a string.
 */
export function dottedKeys(version: 1 | 2): Chart {
  const values = [
    'podAnnotations:',
    '  prometheus.io/scrape: "true"',
    ...(version === 2 ? ['  prometheus.io/port: 9090'] : []),
    'nodeSelector:',
    `  kubernetes.io/os: ${version === 1 ? 'linux' : 'windows'}`,
    ...(version === 1 ? ['scrapePort: 9090'] : []),
    'a:',
    '  b: x',
    'a.b: 0',
    'sso:',
    '  id.example.com/client: ""',
    '',
  ].join('\n');
  const files: Record<string, string> = {
    'Chart.yaml': `apiVersion: v2\nname: dotted\nversion: ${version}.0.0\n`,
    'values.yaml': values,
    'templates/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  values: {{ toJson .Values | quote }}\n',
    ...(version === 2 ? { 'values.schema.json': JSON.stringify({ type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } } } } }) } : {}),
  };
  return loadChartFiles(Object.entries(files).map(([name, text]) => ({ name, data: new TextEncoder().encode(text) })));
}

/** A configuration of {@link dottedKeys} 1.0.0: an annotation, `scrapePort`, `a.b` and `a: {b}` (the number `b` that 2.0.0's schema refuses), a client id. */
export function dottedUserValues(): GoMap {
  return mergeUserValues({ helmVersion: '4.1', valueFiles: [{ name: 'values.yaml', data: new TextEncoder().encode(DOTTED_USER_VALUES) }], values: [] });
}

const DOTTED_USER_VALUES = [
  'podAnnotations:',
  '  prometheus.io/scrape: "false"',
  'scrapePort: 9090',
  'a.b: 1',
  'a:',
  '  b: 2',
  'sso:',
  '  id.example.com/client: client-0451',
  '',
].join('\n');
