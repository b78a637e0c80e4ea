/**
 * The configurator's state as a chartroom configuration (share links, `chartroom.json`,
 * exports) and back: release options map to the configuration's release and render target.
 */
import { type ChartContext, type ChartroomConfig, type ChartroomEnvironment, CONFIG_FORMAT, configHelmVersion } from '../share';
import type { ChartInfo } from './chart-info';
import type { Configuration } from './configuration';
import { DEFAULT_RELEASE, type ReleaseOptions } from './release-options';
import { defaultValues } from './values-document';

/**
 * The configuration being edited, as format-1 configuration data; `from` says where a chart that
 * is not bundled came from (its digest, and the repository it was opened from).
 */
export function configurationToShare(c: Configuration, info: ChartInfo, environments: ChartroomEnvironment[] = [], from: { digest?: string; repository?: string } = {}): ChartroomConfig {
  const out: ChartroomConfig = {
    format: CONFIG_FORMAT,
    chart: { name: info.name, version: info.version, ...(from.repository ? { repository: from.repository } : {}), ...(from.digest ? { digest: from.digest } : {}) },
    release: { name: c.release.releaseName, namespace: c.release.namespace },
    helmVersion: c.release.helmVersion,
    kubeVersion: c.release.kubeVersion,
    values: c.valuesText,
  };
  if (c.release.apiVersions.length > 0) out.apiVersions = [...c.release.apiVersions];
  if (environments.length > 0) out.environments = environments;
  return out;
}

/** The release options a configuration renders with. */
export function releaseFromShare(config: ChartroomConfig): ReleaseOptions {
  return {
    helmVersion: configHelmVersion(config),
    releaseName: config.release.name,
    namespace: config.release.namespace,
    kubeVersion: config.kubeVersion?.replace(/^v/, '') ?? DEFAULT_RELEASE.kubeVersion,
    apiVersions: config.apiVersions ?? [],
  };
}

/** What a configuration is checked against, from the summary of the chart that is open. */
export function chartContextOfInfo(info: ChartInfo): ChartContext {
  const passThrough = ['global', ...info.dependencies.map((d) => d.alias || d.name), ...info.bundledDependencies];
  return { name: info.name, version: info.version, defaults: defaultValues(info.defaultsText), schema: info.schema ?? undefined, passThrough };
}
