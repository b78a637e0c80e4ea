/** Shared inputs of the export tests: Aeterna's production preset with secrets planted in it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { loadChartFromDisk } from '../../lib/cli/node-io';
import type { ChartroomConfig } from '../../lib/share/config';

export const root = resolve(__dirname, '../..');
export const aeterna = () => loadChartFromDisk(resolve(root, 'charts/aeterna'));

/** Every planted secret starts with this; no exported byte may contain it. */
export const PLANTED = 'PLANTED-S3CRET';

const production = readFileSync(resolve(root, 'charts/aeterna/values-production.yaml'), 'utf8');

export const productionValues = production
  .replace(/^aeterna:\n/m, `aeterna:\n  extraEnv:\n    - name: SMTP_PASSWORD\n      value: ${PLANTED}-smtp\n    - name: FEATURE_FLAG\n      value: "on"\n`)
  .replace(/^qdrant:\n/m, `qdrant:\n  external:\n    apiKey: ${PLANTED}-qdrant\n`);

/** Aeterna production with a dev and a prod environment, secrets planted in the base and in dev. */
export function plantedConfig(): ChartroomConfig {
  return {
    format: 1,
    chart: { name: 'aeterna', version: '0.1.0' },
    release: { name: 'aeterna', namespace: 'aeterna' },
    kubeVersion: '1.31.0',
    preset: 'production',
    values: productionValues,
    environments: [
      { name: 'dev', values: `aeterna:\n  replicas: 3\n  config:\n    logLevel: debug\nsecrets:\n  openaiApiKey: ${PLANTED}-openai\n` },
      { name: 'prod', values: 'aeterna:\n  replicas: 5\nautoscaling:\n  maxReplicas: 20\n' },
    ],
  };
}

/** The files of a zip by path (without its top folder), as text. */
export function unzipText(zip: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const dec = new TextDecoder();
  for (const [path, data] of Object.entries(unzipSync(zip))) {
    if (path.endsWith('/')) continue;
    out.set(path.slice(path.indexOf('/') + 1), dec.decode(data));
  }
  return out;
}

/** Files whose text contains the planted marker. */
export function leaks(files: Map<string, string>): string[] {
  return [...files].filter(([, text]) => text.includes(PLANTED)).map(([p]) => p);
}
