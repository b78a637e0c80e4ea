/** The order in which Helm installs kinds (releaseutil.InstallOrder); unknown kinds come last. */
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

const RANK = new Map(INSTALL_ORDER.map((k, i) => [k, i]));

/** Go's lessByKind: known kinds by rank, unknown kinds after them alphabetically. */
export function lessByKind(kindA: string, kindB: string): boolean {
  const a = RANK.get(kindA);
  const b = RANK.get(kindB);
  if (a === undefined && b === undefined) return kindA !== kindB ? kindA < kindB : false;
  if (a === undefined) return false;
  if (b === undefined) return true;
  return a < b;
}

/** A stable sort by kind, as Go's sort.SliceStable with lessByKind. */
export function sortByKind<T>(items: T[], kindOf: (t: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((x, y) => {
      const kx = kindOf(x.item);
      const ky = kindOf(y.item);
      if (lessByKind(kx, ky)) return -1;
      if (lessByKind(ky, kx)) return 1;
      return x.i - y.i;
    })
    .map((e) => e.item);
}
