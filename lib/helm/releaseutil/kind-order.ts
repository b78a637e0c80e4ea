import { isHelm4, type HelmVersion } from '../version';

/** The order in which Helm 3 installs kinds (releaseutil.InstallOrder); unknown kinds come last. */
export const INSTALL_ORDER: readonly string[] = [
  'PriorityClass',
  'Namespace',
  'NetworkPolicy',
  'ResourceQuota',
  'LimitRange',
  'PodSecurityPolicy',
  'PodDisruptionBudget',
  'ServiceAccount',
  'Secret',
  'SecretList',
  'ConfigMap',
  'StorageClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleList',
  'ClusterRoleBinding',
  'ClusterRoleBindingList',
  'Role',
  'RoleList',
  'RoleBinding',
  'RoleBindingList',
  'Service',
  'DaemonSet',
  'Pod',
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'HorizontalPodAutoscaler',
  'StatefulSet',
  'Job',
  'CronJob',
  'IngressClass',
  'Ingress',
  'APIService',
];

/** Helm 4 knows the admission webhook configurations too, and installs them last. */
export const INSTALL_ORDER_4: readonly string[] = [...INSTALL_ORDER, 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];

const RANK_3 = new Map(INSTALL_ORDER.map((k, i) => [k, i]));
const RANK_4 = new Map(INSTALL_ORDER_4.map((k, i) => [k, i]));

/** The install order of a helm version. */
export function installOrder(helm?: HelmVersion): readonly string[] {
  return isHelm4(helm) ? INSTALL_ORDER_4 : INSTALL_ORDER;
}

/** Go's lessByKind: known kinds by rank, unknown kinds after them alphabetically. */
export function lessByKind(kindA: string, kindB: string, helm?: HelmVersion): boolean {
  const rank = isHelm4(helm) ? RANK_4 : RANK_3;
  const a = rank.get(kindA);
  const b = rank.get(kindB);
  if (a === undefined && b === undefined) return kindA !== kindB ? kindA < kindB : false;
  if (a === undefined) return false;
  if (b === undefined) return true;
  return a < b;
}

/** A stable sort by kind, as Go's sort.SliceStable with lessByKind. */
export function sortByKind<T>(items: T[], kindOf: (t: T) => string, helm?: HelmVersion): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((x, y) => {
      const kx = kindOf(x.item);
      const ky = kindOf(y.item);
      if (lessByKind(kx, ky, helm)) return -1;
      if (lessByKind(ky, kx, helm)) return 1;
      return x.i - y.i;
    })
    .map((e) => e.item);
}
