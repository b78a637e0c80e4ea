import type { SemverRelease } from '../deps';
import type { GoRelease } from '../go';

/**
 * The Helm release chartroom renders as. Helm 4 changed a few rendering rules (default
 * capabilities, install order, `.Chart`, error texts, values schema validation); each rule that
 * differs asks this setting instead of the engine being forked.
 */
export type HelmVersion = '3.17' | '4.1';

export const HELM_VERSIONS: readonly HelmVersion[] = ['4.1', '3.17'];

/** What new configurations and the CLI render as. */
export const DEFAULT_HELM_VERSION: HelmVersion = '4.1';

/** The exact helm release each setting is checked against, byte for byte. */
export const HELM_RELEASE: Readonly<Record<HelmVersion, string>> = { '3.17': '3.17.3', '4.1': '4.1.4' };

/** `--helm-version 4`, `4.1`, `3`, `3.17` (and the full releases); undefined for anything else. */
export function parseHelmVersion(text: string): HelmVersion | undefined {
  const t = text.trim().replace(/^v/, '');
  if (t === '4' || t === '4.1' || t === HELM_RELEASE['4.1']) return '4.1';
  if (t === '3' || t === '3.17' || t === HELM_RELEASE['3.17']) return '3.17';
  return undefined;
}

export function isHelmVersion(v: unknown): v is HelmVersion {
  return v === '3.17' || v === '4.1';
}

/** Whether rendering follows Helm 4's rules. */
export function isHelm4(v: HelmVersion | undefined): boolean {
  return (v ?? DEFAULT_HELM_VERSION) === '4.1';
}

/** Go's package of Values and Capabilities: chartutil in Helm 3, common in Helm 4 (`typeOf .Values`). */
export function valuesPackage(v: HelmVersion | undefined): 'chartutil' | 'common' {
  return isHelm4(v) ? 'common' : 'chartutil';
}

/** The Masterminds/semver each helm links, for Sprig's functions and chart constraints alike: v3.3.0 in 3.17.3, v3.4.0 in 4.1.4. */
export function semverRelease(v: HelmVersion | undefined): SemverRelease {
  return isHelm4(v) ? 'v3.4.0' : 'v3.3.0';
}

/** The Go release each helm was built with, for the standard library rules that changed: go1.23.7 in 3.17.3, go1.25.9 in 4.1.4. */
export function goRelease(v: HelmVersion | undefined): GoRelease {
  return isHelm4(v) ? 'go1.25' : 'go1.23';
}
