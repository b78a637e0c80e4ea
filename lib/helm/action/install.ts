import { addDependency, API_VERSION_V3, type Chart, type Dependency } from '../chart/chart';
import { templateCapabilities, checkKubeVersion } from '../chartutil/capabilities';
import { processDependenciesWithMerge } from '../chartutil/dependencies';
import { deepCopy, toRenderValues } from '../chartutil/values';
import type { Warn } from '../chartutil/coalesce';
import type { GoMap } from '../../go';
import { HelmError } from './errors';
import { isHelm4, type HelmVersion } from '../version';
import { isReleaseName, RELEASE_NAME, RELEASE_NAME_MAX_LENGTH } from '../../kube';

/** What `helm template` knows about the release it pretends to install. */
export interface ReleaseSettings {
  /** Which helm's rules to follow; default 4.1. */
  helmVersion?: HelmVersion;
  /** Release name; helm template's default is `release-name`. */
  releaseName?: string;
  /** `-n/--namespace`; default `default`. */
  namespace?: string;
  /** The user's merged values (`-f`, `--set`...), see mergeUserValues. */
  values?: GoMap;
  /** `--kube-version`, e.g. `1.29` or `v1.29.3`. */
  kubeVersion?: string;
  /** `-a/--api-versions`. */
  apiVersions?: string[];
  /** `--is-upgrade`: `.Release.IsUpgrade` true, `.Release.IsInstall` false. */
  isUpgrade?: boolean;
  /** `--skip-schema-validation`. */
  skipSchemaValidation?: boolean;
  /** Receives Helm's warnings (coalescing, conditions) instead of stderr. */
  warn?: Warn;
  /**
   * Not in helm: render the chart even when Chart.yaml dependencies are missing from charts/
   * (they are installed from their repository at deploy time). Receives the missing ones that
   * are enabled after tags and conditions (names are aliases by then). Without it, a missing
   * dependency fails as in helm.
   */
  onMissingDependencies?: (enabled: Dependency[]) => void;
}

export interface PreparedRelease {
  /** A working copy of the chart with disabled dependencies removed and imports applied. */
  chart: Chart;
  /** The top-level template object (Values, Release, Capabilities, Chart). */
  top: GoMap;
  /** `.Values` of the top chart. */
  values: GoMap;
}

/**
 * The part of `action.Install.Run` that `helm template` exercises before rendering: chart type
 * and dependency checks, release name validation, dependency processing, capabilities, and
 * ToRenderValues (coalescing + schema validation). Works on a copy, so a loaded chart can be
 * rendered again and again with different values.
 */
export function prepareRelease(source: Chart, opts: ReleaseSettings): PreparedRelease {
  const type = source.metadata.type;
  if (type !== '' && type !== 'application') throw new HelmError('release', `${type} charts are not installable`, { where: { chart: source.metadata.name, file: 'Chart.yaml' } });
  if (source.metadata.deprecated) opts.warn?.('WARNING: This chart is deprecated');
  if (isHelm4(opts.helmVersion) && source.metadata.apiVersion === API_VERSION_V3) refuseV3Chart(source, !opts.onMissingDependencies);
  if (!opts.onMissingDependencies) checkDependenciesPresent(source, opts.helmVersion);

  const name = opts.releaseName ?? 'release-name';
  if (!isReleaseName(name)) {
    throw new HelmError(
      'release',
      `${isHelm4(opts.helmVersion) ? 'release name check failed: ' : ''}release name "${name}": invalid release name, must match regex ${RELEASE_NAME.source} and the length must not be longer than ${RELEASE_NAME_MAX_LENGTH}`,
    );
  }

  const chart = copyChartTree(source);
  const vals = deepCopy(opts.values ?? new Map()) as GoMap;
  try {
    processDependenciesWithMerge(chart, vals, opts.warn, opts.helmVersion);
  } catch (e) {
    throw HelmError.from(e, 'chart-dependencies');
  }

  if (opts.onMissingDependencies) {
    const present = new Set(chart.dependencies.map((d) => d.metadata.name));
    const enabled = (chart.metadata.dependencies ?? []).filter((d): d is Dependency => d !== null && !present.has(d.name));
    opts.onMissingDependencies(enabled.map((d) => ({ ...d })));
  }

  let caps;
  try {
    caps = templateCapabilities({ kubeVersion: opts.kubeVersion, apiVersions: opts.apiVersions, helmVersion: opts.helmVersion });
  } catch (e) {
    throw HelmError.from(e, 'release');
  }

  const isUpgrade = opts.isUpgrade ?? false;
  let top: GoMap;
  try {
    top = toRenderValues(
      chart,
      vals,
      { name, namespace: opts.namespace ?? 'default', revision: 1, isInstall: !isUpgrade, isUpgrade },
      caps,
      { skipSchemaValidation: opts.skipSchemaValidation, warn: opts.warn },
    );
  } catch (e) {
    throw HelmError.from(e, 'internal');
  }
  try {
    checkKubeVersion(chart, caps);
  } catch (e) {
    throw HelmError.from(e, 'release', { afterRender: true });
  }
  return { chart, top, values: top.get('Values') as GoMap };
}

/** action.CheckDependencies, with the hint `helm template` adds (Helm 4 starts it in lower case). */
function checkDependenciesPresent(c: Chart, helmVersion: HelmVersion | undefined): void {
  const missing = missingDependencies(c, c.metadata.dependencies ?? []);
  if (missing.length > 0) throw dependencyCheckError(c, `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`, helmVersion);
}

function missingDependencies(c: Chart, declared: (Dependency | null)[]): string[] {
  return declared.filter((req): req is Dependency => req !== null && !c.dependencies.some((d) => d.metadata.name === req.name)).map((req) => req.name);
}

function dependencyCheckError(c: Chart, problem: string, helmVersion: HelmVersion | undefined): HelmError {
  return new HelmError(
    'chart-dependencies',
    `${isHelm4(helmVersion) ? 'a' : 'A'}n error occurred while checking for chart dependencies. You may need to run \`helm dependency build\` to fetch missing dependencies: ${problem}`,
    { where: { chart: c.metadata.name, file: 'Chart.yaml' } },
  );
}

/**
 * Helm 4 loads an apiVersion v3 chart but cannot install it: `helm template` runs its type and
 * dependency checks first, then says `invalid chart apiVersion`. Its dependency list for the
 * check (v3Accessor.MetaDependencies) is as long as the subcharts loaded and filled from
 * Chart.yaml: with more declared than loaded helm 4.1.4 panics (index out of range), with fewer
 * the empty places fail the check as `unsupported chart dependency type`, and with no subchart
 * there is no check. Helm 3 reads such a chart as a v2 chart.
 */
function refuseV3Chart(c: Chart, checkDependencies: boolean): never {
  const where = { chart: c.metadata.name, file: 'Chart.yaml' };
  const declared = c.metadata.dependencies ?? [];
  const loaded = c.dependencies.length;
  if (checkDependencies && declared.length > loaded) {
    throw new HelmError(
      'chart-dependencies',
      `helm 4.1.4 stops with "panic: runtime error: index out of range [${loaded}] with length ${loaded}" on this chart: it is apiVersion v3 and its Chart.yaml names ${declared.length} dependencies where charts/ has ${loaded}`,
      { where },
    );
  }
  if (checkDependencies && loaded > 0) {
    const missing = missingDependencies(c, declared);
    if (declared.length < loaded) throw dependencyCheckError(c, 'unsupported chart dependency type', '4.1');
    if (missing.length > 0) throw dependencyCheckError(c, `found in Chart.yaml, but missing in charts/ directory: ${missing.join(', ')}`, '4.1');
  }
  throw new HelmError('chart-load', 'invalid chart apiVersion', { where });
}

/**
 * Dependency processing rewrites the chart tree (drops disabled subcharts, copies aliased ones,
 * imports values), so each render works on its own copy. File contents are shared, not copied,
 * and so are default values: they are only ever read (and copied) by coalescing, and importing
 * values replaces a chart's `values` instead of changing the map.
 */
function copyChartTree(c: Chart): Chart {
  const copy: Chart = {
    ...c,
    metadata: {
      ...c.metadata,
      dependencies: c.metadata.dependencies?.map((d) => (d ? { ...d, tags: d.tags && [...d.tags] } : d)),
    },
    values: c.values,
    dependencies: [],
    parent: undefined,
  };
  for (const d of c.dependencies) addDependency(copy, copyChartTree(d));
  return copy;
}
