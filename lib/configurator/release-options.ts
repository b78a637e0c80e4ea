/** The release a configuration is rendered for: what `helm template` takes as flags. */
import { DEFAULT_HELM_VERSION, isHelmVersion, type HelmVersion } from '../helm';
import { RELEASE_NAME, RELEASE_NAME_MAX_LENGTH } from '../kube';

export interface ReleaseOptions {
  /** The Helm whose rendering rules apply (4.1 for new configurations). */
  helmVersion: HelmVersion;
  releaseName: string;
  namespace: string;
  /** Target Kubernetes version, e.g. `1.31.0`. */
  kubeVersion: string;
  /** Extra API versions the cluster serves (`-a`), e.g. `monitoring.coreos.com/v1`. */
  apiVersions: string[];
}

export const DEFAULT_RELEASE: ReleaseOptions = {
  helmVersion: DEFAULT_HELM_VERSION,
  releaseName: 'release-name',
  namespace: 'default',
  kubeVersion: '1.31.0',
  apiVersions: [],
};

/** Kubernetes versions offered in the target-version picker, newest first. */
export const KUBE_VERSIONS = ['1.33.0', '1.32.0', '1.31.0', '1.30.0', '1.29.0', '1.28.0', '1.27.0', '1.26.0', '1.25.0'];

/** API groups charts commonly probe with `.Capabilities.APIVersions.Has`, offered as toggles. */
export const OPTIONAL_API_VERSIONS = [
  { id: 'monitoring.coreos.com/v1', label: 'Prometheus Operator (monitoring.coreos.com/v1)' },
  { id: 'postgresql.cnpg.io/v1', label: 'CloudNativePG (postgresql.cnpg.io/v1)' },
  { id: 'cert-manager.io/v1', label: 'cert-manager (cert-manager.io/v1)' },
  { id: 'gateway.networking.k8s.io/v1', label: 'Gateway API (gateway.networking.k8s.io/v1)' },
  { id: 'autoscaling.k8s.io/v1', label: 'Vertical Pod Autoscaler (autoscaling.k8s.io/v1)' },
];

/** Checks a release name the way helm does; returns a message or null. */
export function releaseNameProblem(name: string): string | null {
  if (name === '') return 'A release name is required.';
  if (name.length > RELEASE_NAME_MAX_LENGTH) return `At most ${RELEASE_NAME_MAX_LENGTH} characters.`;
  if (!RELEASE_NAME.test(name)) return 'Lowercase letters, digits, "-" and "."; start and end with a letter or digit.';
  return null;
}

/** Offered in the release bar: label and setting. */
export const HELM_VERSION_CHOICES: readonly { id: HelmVersion; label: string }[] = [
  { id: '4.1', label: 'Helm 4.1' },
  { id: '3.17', label: 'Helm 3.17' },
];

/**
 * Reads release options from untrusted JSON, falling back to defaults field by field. Options
 * saved before chartroom knew Helm 4 carry no Helm version: they were rendered as Helm 3.17.
 */
export function releaseOptionsFrom(raw: unknown): ReleaseOptions {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const str = (k: 'releaseName' | 'namespace' | 'kubeVersion'): string => (typeof r[k] === 'string' ? (r[k] as string) : DEFAULT_RELEASE[k]);
  return {
    helmVersion: isHelmVersion(r.helmVersion) ? r.helmVersion : '3.17',
    releaseName: str('releaseName'),
    namespace: str('namespace'),
    kubeVersion: str('kubeVersion'),
    apiVersions: Array.isArray(r.apiVersions) ? r.apiVersions.filter((x): x is string => typeof x === 'string') : [],
  };
}
