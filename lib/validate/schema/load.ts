/**
 * Loads the bundled Kubernetes schema of one minor version on demand: each version is its own
 * module, so a browser only downloads the version the user picked.
 */
import { KUBE_VERSIONS, type KubeVersion } from '../types';
import type { KubeSchemaData } from './format';

const LOADERS: Record<KubeVersion, () => Promise<{ default: KubeSchemaData }>> = {
  '1.29': () => import('../schemas/kube-1.29'),
  '1.30': () => import('../schemas/kube-1.30'),
  '1.31': () => import('../schemas/kube-1.31'),
  '1.32': () => import('../schemas/kube-1.32'),
  '1.33': () => import('../schemas/kube-1.33'),
};

const loaded = new Map<KubeVersion, KubeSchemaData>();

/** `v1.31.2`, `1.31.0-gke.1` or `1.31` → `{major, minor}`; undefined when it isn't a version. */
export function parseKubeVersion(v: string): { major: number; minor: number } | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(v.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** The bundled schema version closest to `v` (older versions use 1.29's, newer ones 1.33's). */
export function schemaVersionFor(v: string): KubeVersion {
  const p = parseKubeVersion(v);
  if (!p) throw new Error(`invalid Kubernetes version "${v}"`);
  const key = `${p.major}.${p.minor}`;
  if ((KUBE_VERSIONS as readonly string[]).includes(key)) return key as KubeVersion;
  const first = parseKubeVersion(KUBE_VERSIONS[0])!;
  return p.major < first.major || (p.major === first.major && p.minor < first.minor) ? KUBE_VERSIONS[0] : KUBE_VERSIONS[KUBE_VERSIONS.length - 1];
}

/** Loads (once) the schema used for Kubernetes version `v`. */
export async function loadKubeSchema(v: string): Promise<KubeSchemaData> {
  const key = schemaVersionFor(v);
  const have = loaded.get(key);
  if (have) return have;
  const data = (await LOADERS[key]()).default;
  loaded.set(key, data);
  return data;
}

/** The schema for `v` if it was loaded already (validation itself is synchronous). */
export function loadedKubeSchema(v: string): KubeSchemaData | undefined {
  return loaded.get(schemaVersionFor(v));
}
