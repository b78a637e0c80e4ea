/**
 * chartutil.Capabilities as `helm template` 3.17.3 sees a cluster: Kubernetes v1.32.0 (the
 * client-go the binary was built with), the API versions client-go's scheme knows plus the
 * CRD groups, `--kube-version` / `--api-versions` overrides, and the `.Capabilities` value.
 */
import { defineFunc } from '../../gotemplate/func';
import { withType, type GoStruct, type GoValue } from '../../gotemplate/value';
import { parseVersion, versionString } from '../../sprig/semver';
import type { Chart } from '../chart/chart';
import { makeStruct } from '../chart/gostruct';
import { isCompatibleRange } from './dependencies';

/** chartutil.KubeVersion. */
export interface KubeVersion {
  version: string;
  major: string;
  minor: string;
}

/** helm's version.BuildInfo. */
export interface BuildInfo {
  version: string;
  gitCommit: string;
  gitTreeState: string;
  goVersion: string;
}

/** chartutil.Capabilities. */
export interface Capabilities {
  kubeVersion: KubeVersion;
  apiVersions: string[];
  helmVersion: BuildInfo;
}

/** client-go 0.32's scheme groups in priority order, then apiextensions v1beta1 and v1. */
export const DEFAULT_API_VERSIONS: readonly string[] = [
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
  'networking.k8s.io/v1alpha1',
  'networking.k8s.io/v1beta1',
  'node.k8s.io/v1',
  'node.k8s.io/v1alpha1',
  'node.k8s.io/v1beta1',
  'policy/v1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1',
  'rbac.authorization.k8s.io/v1beta1',
  'rbac.authorization.k8s.io/v1alpha1',
  'resource.k8s.io/v1beta1',
  'resource.k8s.io/v1alpha3',
  'scheduling.k8s.io/v1alpha1',
  'scheduling.k8s.io/v1beta1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1beta1',
  'storage.k8s.io/v1',
  'storage.k8s.io/v1alpha1',
  'storagemigration.k8s.io/v1alpha1',
  'apiextensions.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1',
];

/** The version helm 3.17.3 reports about itself. */
export const HELM_BUILD_INFO: Readonly<BuildInfo> = {
  version: 'v3.17.3',
  gitCommit: 'e4da49785aa6e6ee2b86efd5dd9e43400318262b',
  gitTreeState: 'clean',
  goVersion: 'go1.23.7',
};

/** chartutil.DefaultCapabilities (a fresh copy). */
export function defaultCapabilities(): Capabilities {
  return {
    kubeVersion: { version: 'v1.32.0', major: '1', minor: '32' },
    apiVersions: [...DEFAULT_API_VERSIONS],
    helmVersion: { ...HELM_BUILD_INFO },
  };
}

const MASTERMINDS_TEXT: Record<string, string> = {
  'invalid semantic version': 'Invalid Semantic Version',
  'version segment starts with 0': 'Version segment starts with 0',
  'invalid prerelease string': 'Invalid Prerelease string',
  'invalid metadata string': 'Invalid Metadata string',
};

/**
 * chartutil.ParseKubeVersion: `1.2` → v1.2.0.
 * @throws Error as `helm template --kube-version` reports it: `invalid kube version 'x': Invalid Semantic Version`
 */
export function parseKubeVersion(text: string): KubeVersion {
  try {
    const sv = parseVersion(text);
    return { version: `v${versionString(sv)}`, major: sv.major.toString(), minor: sv.minor.toString() };
  } catch (e) {
    const msg = (e as Error).message;
    throw new Error(`invalid kube version '${text}': ${MASTERMINDS_TEXT[msg] ?? msg}`);
  }
}

export interface CapabilityOptions {
  /** `--kube-version`. */
  kubeVersion?: string;
  /** `--api-versions` flags; each may hold several comma-separated versions. */
  apiVersions?: string[];
}

/** The capabilities `helm template` uses for the given flags. @throws Error on a bad kube version */
export function templateCapabilities(opts: CapabilityOptions = {}): Capabilities {
  const caps = defaultCapabilities();
  if (opts.kubeVersion) caps.kubeVersion = parseKubeVersion(opts.kubeVersion);
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
  if (want !== '' && !isCompatibleRange(want, caps.kubeVersion.version)) {
    throw new Error(`chart requires kubeVersion: ${want} which is incompatible with Kubernetes ${caps.kubeVersion.version}`);
  }
}

function kubeVersionToGo(kv: KubeVersion): GoStruct {
  const getVersion = defineFunc('GitVersion', [], () => kv.version);
  return makeStruct(
    {
      name: 'chartutil.KubeVersion',
      methods: { String: defineFunc('String', [], () => kv.version), GitVersion: getVersion },
      stringer: () => kv.version,
      // Helm declares String and GitVersion on *KubeVersion: printing the field uses them,
      // a function handed the field gets a plain struct (`{v1.32.0 1 32}`).
      pointerMethods: true,
    },
    [
      ['Version', kv.version],
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
    ],
    false,
  );
}

/** `.Capabilities`: a `*chartutil.Capabilities` with `.APIVersions.Has` and friends. */
export function capabilitiesToGo(caps: Capabilities): GoStruct {
  const list = [...caps.apiVersions];
  const apiVersions = withType(list as GoValue[], {
    name: 'chartutil.VersionSet',
    methods: { Has: defineFunc('Has', ['string'], (v: string) => list.includes(v)) },
  });
  return makeStruct(
    { name: '*chartutil.Capabilities' },
    [
      ['KubeVersion', kubeVersionToGo(caps.kubeVersion)],
      ['APIVersions', apiVersions],
      ['HelmVersion', buildInfoToGo(caps.helmVersion)],
    ],
    true,
  );
}
