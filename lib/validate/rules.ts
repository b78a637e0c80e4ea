/**
 * Every rule a finding can come from: its id, its default severity and one line on why it matters.
 * The UI can list these; findings carry the same `why`.
 */
import type { Severity } from './types';

export interface Rule {
  severity: Severity;
  why: string;
  /** Only checked with the production preset. */
  productionOnly?: boolean;
}

export const RULES = {
  'render/error': { severity: 'error', why: 'The chart does not render with these values (its own validation or a template error): nothing can be installed.' },
  'schema/unknown-field': { severity: 'error', why: 'The API server drops unknown fields (or rejects them with strict validation): the setting never takes effect, usually a typo or wrong indentation.' },
  'schema/type': { severity: 'error', why: 'The API server rejects an object whose field has the wrong type.' },
  'schema/required': { severity: 'error', why: 'The API server rejects an object without its required fields.' },
  'schema/value': { severity: 'error', why: 'The API server validates names, labels, ports and quantities and rejects values outside their rules.' },
  'schema/name': { severity: 'error', why: 'Object names must be valid DNS names for their kind, or the API server rejects them.' },
  'schema/unknown-kind': { severity: 'info', why: 'No schema is bundled for this kind (a custom resource?): it was not validated.' },
  'schema/not-an-object': { severity: 'error', why: 'A manifest must be a map with apiVersion, kind and metadata.name.' },
  'schema/duplicate': { severity: 'error', why: 'Two objects with the same kind, namespace and name: the second overwrites the first (helm install fails).' },
  'api/removed': { severity: 'error', why: 'The target Kubernetes version no longer serves this API version: the install fails with "no matches for kind".' },
  'api/deprecated': { severity: 'warning', why: 'This API version is deprecated and will be removed in a later Kubernetes release.' },
  'api/unknown': { severity: 'error', why: 'The target Kubernetes version serves no such API version or kind: the install fails with "no matches for kind".' },
  'prod/image-tag': { severity: 'warning', why: 'Without a fixed tag or digest, the image changes under you: restarts can run different code.' },
  'prod/resources': { severity: 'warning', why: 'Without CPU and memory requests the scheduler overcommits nodes; without a memory limit one pod can starve its neighbours.' },
  'prod/probes': { severity: 'warning', why: 'Without readiness and liveness probes, traffic reaches pods that are not ready and hung pods are never restarted.' },
  'prod/run-as-root': { severity: 'warning', why: 'A container running as root turns any escape into root on the node.' },
  'prod/privilege-escalation': { severity: 'warning', why: 'allowPrivilegeEscalation defaults to true: setuid binaries can gain more privileges than the container started with.' },
  'prod/writable-root-fs': { severity: 'warning', why: 'A writable root filesystem lets an attacker persist tools and modify the application; mount writable emptyDirs where needed.' },
  'prod/capabilities': { severity: 'warning', why: 'Containers keep a default set of Linux capabilities unless they drop ALL.' },
  'prod/seccomp': { severity: 'warning', why: 'Without a seccomp profile (RuntimeDefault) every system call is allowed.' },
  'prod/privileged': { severity: 'error', why: 'A privileged container has full access to the node.' },
  'prod/host-namespaces': { severity: 'warning', why: 'hostNetwork, hostPID and hostIPC share the node\'s namespaces with the pod, bypassing network policies and isolation.' },
  'prod/host-path': { severity: 'warning', why: 'hostPath volumes expose the node\'s filesystem to the pod.' },
  'prod/single-replica': { severity: 'warning', productionOnly: true, why: 'A single replica without a PodDisruptionBudget goes down on every node drain or rollout.' },
  'prod/pdb-blocks-evictions': { severity: 'warning', why: 'A PodDisruptionBudget that allows no disruption blocks node drains and cluster upgrades.' },
  'prod/hpa-min-max': { severity: 'error', why: 'An HPA whose minReplicas exceeds maxReplicas is rejected by the API server.' },
  'prod/hpa-fixed-replicas': { severity: 'warning', why: 'A workload that sets replicas while an HPA scales it is reset to that number on every helm upgrade.' },
  'prod/hpa-target': { severity: 'warning', why: 'The HPA scales a workload that the chart does not render.' },
  'prod/ingress-tls': { severity: 'warning', productionOnly: true, why: 'An Ingress without TLS serves traffic in clear text.' },
  'prod/network-policy': { severity: 'warning', productionOnly: true, why: 'Pods that no NetworkPolicy selects accept traffic from anywhere in the cluster.' },
  'prod/secret-in-configmap': { severity: 'warning', why: 'ConfigMaps are not secret: anyone who can read them (and every GitOps repository) sees the value.' },
  'prod/secret-in-env': { severity: 'warning', why: 'A secret written as a literal env value is stored in the workload spec in clear text; reference a Secret instead.' },
  'xref/service-selector': { severity: 'warning', why: 'A Service whose selector matches no pod template has no endpoints: every connection fails.' },
  'xref/missing-object': { severity: 'warning', why: 'Pods referencing a ConfigMap, Secret, ServiceAccount or PVC that does not exist never start.' },
  'xref/port-name': { severity: 'error', why: 'A named port must exist on the container: probes fail and Services route nowhere otherwise.' },
  'gitops/nondeterministic': { severity: 'warning', why: 'Argo CD and Flux render the chart with helm template at every sync: a random value, key or timestamp changes each time, so the application never stays in sync and generated secrets are replaced.' },
  'gitops/lookup': { severity: 'warning', why: 'lookup returns nothing under helm template, which is how Argo CD and Flux render: whatever the chart reads from the live cluster is missing there.' },
  'xref/pdb-selector': { severity: 'warning', why: 'A PodDisruptionBudget that selects no pod template protects nothing.' },
  'values/unused-override': { severity: 'warning', why: 'Helm ignores a value that no template reads: a misspelt key or one placed under the wrong parent silently deploys the default.' },
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

/** Whether `--disable` entries (rule ids, or prefixes ending in `/`) turn a rule off. */
export function isRuleDisabled(id: string, disable: readonly string[] = []): boolean {
  return disable.some((d) => id === d || (d.endsWith('/') && id.startsWith(d)));
}
