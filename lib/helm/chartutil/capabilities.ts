/**
 * chartutil.Capabilities (common.Capabilities in Helm 4) as `helm template` sees a cluster: the
 * Kubernetes version of the client-go the binary was built with (v1.32.0 in 3.17.3, v1.35.0 in
 * 4.1.4), the API versions client-go's scheme knows plus the CRD groups, `--kube-version` /
 * `--api-versions` overrides, and the `.Capabilities` value.
 */
import { defineFunc, withType, type GoStruct, type GoValue } from '../../go';
import { parseVersion, versionString } from '../../deps';
import type { Chart } from '../chart/chart';
import { makeStruct } from '../chart/gostruct';
import { isCompatibleRange } from './compatible';
import { isHelm4, type HelmVersion } from '../version';

/** chartutil.KubeVersion. */
export interface KubeVersion {
  version: string;
  major: string;
  minor: string;
  /**
   * Helm 4 only: the version without pre-release or build suffixes (`v1.33.4` for
   * `v1.33.4-gke.1`), what String() prints and what kubeVersion constraints are checked against.
   */
  normalized?: string;
}

/** helm's version.BuildInfo. */
export interface BuildInfo {
  version: string;
  gitCommit: string;
  gitTreeState: string;
  goVersion: string;
  /** Helm 4 only: the client-go minor it was built with (`v1.35`). */
  kubeClientVersion?: string;
}

/** chartutil.Capabilities. */
export interface Capabilities {
  /** Which helm's rules these follow (Go type names differ). */
  helm: HelmVersion;
  kubeVersion: KubeVersion;
  apiVersions: string[];
  helmVersion: BuildInfo;
}

/**
 * client-go's scheme groups in priority order, then apiextensions v1beta1 and v1: client-go 0.32
 * in helm 3.17.3, 0.35 in helm 4.1.4. A pair names the one helm whose client-go has the group.
 */
const SCHEME_GROUP_VERSIONS: readonly (string | readonly [string, HelmVersion])[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'admissionregistration.k8s.io/v1alpha1',
  'admissionregistration.k8s.io/v1beta1',
  'internal.apiserver.k8s.io/v1alpha1',
  'apps/v1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1',
  'authentication.k8s.io/v1alpha1',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v1',
  'autoscaling/v2',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1',
  'batch/v1beta1',
  'certificates.k8s.io/v1',
  'certificates.k8s.io/v1beta1',
  'certificates.k8s.io/v1alpha1',
  'coordination.k8s.io/v1alpha2',
  'coordination.k8s.io/v1beta1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1',
  'events.k8s.io/v1beta1',
  'extensions/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'networking.k8s.io/v1',
  ['networking.k8s.io/v1alpha1', '3.17'],
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1',
  ['resource.k8s.io/v1', '4.1'],
  ['resource.k8s.io/v1beta2', '4.1'],
  'resource.k8s.io/v1beta1',
  'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  ['storagemigration.k8s.io/v1alpha1', '3.17'],
  ['storagemigration.k8s.io/v1beta1', '4.1'],
  'apiextensions.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
];

function schemeGroupVersions(helm: HelmVersion): readonly string[] {
  return SCHEME_GROUP_VERSIONS.flatMap((g) => (typeof g === 'string' ? [g] : g[1] === helm ? [g[0]] : []));
}

/** The API versions helm 3.17.3 knows without a cluster. */
export const DEFAULT_API_VERSIONS_3: readonly string[] = schemeGroupVersions('3.17');
/** The same for helm 4.1.4: resource.k8s.io v1 and v1beta2 join, two alphas go. */
export const DEFAULT_API_VERSIONS_4: readonly string[] = schemeGroupVersions('4.1');

/** What each helm reports about itself. */
export const HELM_BUILD_INFO: Readonly<Record<HelmVersion, Readonly<BuildInfo>>> = {
  '3.17': {
    version: 'v3.17.3',
    gitCommit: 'e4da49785aa6e6ee2b86efd5dd9e43400318262b',
    gitTreeState: 'clean',
    goVersion: 'go1.23.7',
  },
  '4.1': {
    version: 'v4.1.4',
    gitCommit: '05fa37973dc9e42b76e1d2883494c87174b6074f',
    gitTreeState: 'clean',
    goVersion: 'go1.25.9',
    kubeClientVersion: 'v1.35',
  },
};

/** The default API versions of a helm version. */
export function defaultApiVersions(helm?: HelmVersion): readonly string[] {
  return isHelm4(helm) ? DEFAULT_API_VERSIONS_4 : DEFAULT_API_VERSIONS_3;
}

/** chartutil.DefaultCapabilities (a fresh copy). */
export function defaultCapabilities(helm?: HelmVersion): Capabilities {
  const h4 = isHelm4(helm);
  return {
    helm: h4 ? '4.1' : '3.17',
    kubeVersion: h4 ? { version: 'v1.35.0', major: '1', minor: '35', normalized: 'v1.35.0' } : { version: 'v1.32.0', major: '1', minor: '32' },
    apiVersions: [...defaultApiVersions(helm)],
    helmVersion: { ...HELM_BUILD_INFO[h4 ? '4.1' : '3.17'] },
  };
}

const MASTERMINDS_TEXT: Record<string, string> = {
  'invalid semantic version': 'Invalid Semantic Version',
  'version segment starts with 0': 'Version segment starts with 0',
  'invalid prerelease string': 'Invalid Prerelease string',
  'invalid metadata string': 'Invalid Metadata string',
};

/**
 * chartutil.ParseKubeVersion. Helm 3 reads a semantic version (`1.2` → v1.2.0); Helm 4 reads
 * Kubernetes' generic version (two or more numbers, suffixes kept in Version but not in String).
 * @throws Error as `helm template --kube-version` reports it: `invalid kube version 'x': ...`
 */
export function parseKubeVersion(text: string, helm?: HelmVersion): KubeVersion {
  if (isHelm4(helm)) {
    try {
      return parseGenericKubeVersion(text);
    } catch (e) {
      throw new Error(`invalid kube version '${text}': ${(e as Error).message}`);
    }
  }
  try {
    const sv = parseVersion(text);
    return { version: `v${versionString(sv)}`, major: sv.major.toString(), minor: sv.minor.toString() };
  } catch (e) {
    const msg = (e as Error).message;
    throw new Error(`invalid kube version '${text}': ${MASTERMINDS_TEXT[msg] ?? msg}`);
  }
}

/** k8s.io/apimachinery's version.ParseGeneric, as Helm 4's ParseKubeVersion uses it. */
function parseGenericKubeVersion(text: string): KubeVersion {
  const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/s.exec(text);
  if (!m) throw new Error(`could not parse ${goQuoteAscii(text)} as version`);
  const parts = m[1].split('.');
  if (parts.length < 2) throw new Error(`illegal version string ${goQuoteAscii(text)}`);
  const numbers: bigint[] = [];
  parts.forEach((p, i) => {
    if (i === 0 && p.startsWith('0') && p !== '0') throw new Error(`illegal zero-prefixed version component ${goQuoteAscii(p)} in ${goQuoteAscii(text)}`);
    const n = BigInt(p);
    if (n > 0xffffffffffffffffn) {
      throw new Error(`illegal non-numeric version component ${goQuoteAscii(p)} in ${goQuoteAscii(text)}: strconv.ParseUint: parsing ${goQuoteAscii(p)}: value out of range`);
    }
    numbers.push(n);
  });
  return {
    version: text.startsWith('v') ? text : `v${text}`,
    normalized: `v${numbers.join('.')}`,
    major: numbers[0].toString(),
    minor: numbers[1].toString(),
  };
}

function goQuoteAscii(s: string): string {
  return JSON.stringify(s);
}

export interface CapabilityOptions {
  /** `--kube-version`. */
  kubeVersion?: string;
  /** `--api-versions` flags; each may hold several comma-separated versions. */
  apiVersions?: string[];
  helmVersion?: HelmVersion;
}

/** The capabilities `helm template` uses for the given flags. @throws Error on a bad kube version */
export function templateCapabilities(opts: CapabilityOptions = {}): Capabilities {
  const caps = defaultCapabilities(opts.helmVersion);
  if (opts.kubeVersion) caps.kubeVersion = parseKubeVersion(opts.kubeVersion, opts.helmVersion);
  for (const flag of opts.apiVersions ?? []) {
    for (const v of flag.split(',')) caps.apiVersions.push(v);
  }
  return caps;
}

/**
 * The kubeVersion constraint check of install/template.
 * @throws Error `chart requires kubeVersion: X which is incompatible with Kubernetes vY`
 */
export function checkKubeVersion(chart: Chart, caps: Capabilities): void {
  const want = chart.metadata.kubeVersion;
  if (want !== '' && !isCompatibleRange(want, caps.kubeVersion.normalized ?? caps.kubeVersion.version, caps.helm)) {
    throw new Error(`chart requires kubeVersion: ${want} which is incompatible with Kubernetes ${caps.kubeVersion.version}`);
  }
}

function kubeVersionToGo(kv: KubeVersion, h4: boolean): GoStruct {
  const getVersion = defineFunc('GitVersion', [], () => kv.version);
  const shown = kv.normalized ?? kv.version;
  return makeStruct(
    {
      name: h4 ? 'common.KubeVersion' : 'chartutil.KubeVersion',
      methods: { String: defineFunc('String', [], () => shown), GitVersion: getVersion },
      stringer: () => shown,
      // Helm declares String and GitVersion on *KubeVersion: printing the field uses them,
      // a function handed the field gets a plain struct (`{v1.32.0 1 32}`; Helm 4 also shows
      // its unexported normalized version: `{v1.35.0 v1.35.0 1 35}`).
      pointerMethods: true,
    },
    [
      ['Version', kv.version],
      ...(h4 ? [['normalizedVersion', shown, '-'] as const] : []),
      ['Major', kv.major],
      ['Minor', kv.minor],
    ],
    false,
    true,
  );
}

function buildInfoToGo(b: BuildInfo): GoStruct {
  return makeStruct(
    { name: 'version.BuildInfo' },
    [
      ['Version', b.version, 'version,omitempty'],
      ['GitCommit', b.gitCommit, 'git_commit,omitempty'],
      ['GitTreeState', b.gitTreeState, 'git_tree_state,omitempty'],
      ['GoVersion', b.goVersion, 'go_version,omitempty'],
      ...(b.kubeClientVersion !== undefined ? [['KubeClientVersion', b.kubeClientVersion, 'kube_client_version'] as const] : []),
    ],
    false,
  );
}

/** `.Capabilities`: a `*chartutil.Capabilities` with `.APIVersions.Has` and friends. */
export function capabilitiesToGo(caps: Capabilities): GoStruct {
  const list = [...caps.apiVersions];
  const h4 = isHelm4(caps.helm);
  const pkg = h4 ? 'common' : 'chartutil';
  const apiVersions = withType(list as GoValue[], {
    name: `${pkg}.VersionSet`,
    methods: { Has: defineFunc('Has', ['string'], (v: string) => list.includes(v)) },
  });
  return makeStruct(
    { name: `*${pkg}.Capabilities` },
    [
      ['KubeVersion', kubeVersionToGo(caps.kubeVersion, h4)],
      ['APIVersions', apiVersions],
      ['HelmVersion', buildInfoToGo(caps.helmVersion)],
    ],
    true,
  );
}
