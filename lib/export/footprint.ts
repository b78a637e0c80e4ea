/**
 * What a configuration puts into a cluster, read from its renders: the namespaces it writes to,
 * the cluster-scoped kinds it creates, the CRDs it installs (and how large they are), and the
 * API groups it uses that something else must serve. GitOps projects and READMEs are derived
 * from this rather than assumed.
 */
import { parseAllDocuments } from 'yaml';
import type { PreparedRender } from './prepare';

/** Built-in kinds that live outside namespaces. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding', 'PriorityClass', 'StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment',
  'VolumeAttributesClass', 'IngressClass', 'RuntimeClass', 'FlowSchema', 'PriorityLevelConfiguration', 'CertificateSigningRequest',
  'ClusterTrustBundle', 'DeviceClass', 'ResourceSlice', 'IPAddress', 'ServiceCIDR', 'StorageVersionMigration',
]);

/**
 * Client-side apply stores the whole object in the `last-applied-configuration` annotation,
 * and a object's annotations may hold at most this many bytes.
 */
export const CLIENT_SIDE_APPLY_LIMIT = 262_144;

/** A CRD the configuration installs (from templates or the chart's crds/ folders). */
export interface InstalledCrd {
  name: string;
  group: string;
  kind: string;
  scope: string;
  /** Bytes of the object as JSON: what client-side apply would put in its annotation. */
  bytes: number;
}

export interface Footprint {
  /** Namespaces named explicitly by rendered objects (the release namespace aside). */
  namespaces: string[];
  /** Cluster-scoped kinds created, as `group/kind` (`/Namespace` for the core group). */
  clusterKinds: { group: string; kind: string }[];
  crds: InstalledCrd[];
  /** API groups of rendered objects that are neither built in nor installed by the chart. */
  externalGroups: { group: string; kinds: string[] }[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '');

/** Groups Kubernetes serves itself: the core group, dotless ones (apps, batch...), and *.k8s.io except CRD-based API projects. */
function builtinGroup(group: string): boolean {
  if (!group.includes('.')) return true;
  return group.endsWith('.k8s.io') && !group.endsWith('.x-k8s.io') && group !== 'gateway.networking.k8s.io';
}

function crdOf(o: Record<string, unknown>): InstalledCrd | undefined {
  if (o.kind !== 'CustomResourceDefinition' || !isRecord(o.spec)) return undefined;
  const names = isRecord(o.spec.names) ? o.spec.names : {};
  return {
    name: isRecord(o.metadata) ? String(o.metadata.name ?? '') : '',
    group: String(o.spec.group ?? ''),
    kind: String(names.kind ?? ''),
    scope: String(o.spec.scope ?? 'Namespaced'),
    bytes: new TextEncoder().encode(JSON.stringify(o)).length,
  };
}

/** The footprint of every render of a configuration, together. */
export function footprintOf(renders: readonly PreparedRender[], releaseNamespaces: readonly string[]): Footprint {
  const namespaces = new Set<string>();
  const cluster = new Map<string, { group: string; kind: string }>();
  const crds = new Map<string, InstalledCrd>();
  const used = new Map<string, Set<string>>();
  const objects: Record<string, unknown>[] = [];
  for (const r of renders) {
    objects.push(...r.objects.map((o) => o.object));
    for (const c of r.result?.crds ?? []) {
      for (const doc of parseAllDocuments(c.content)) {
        const o = doc.toJS() as unknown;
        if (isRecord(o)) objects.push(o);
      }
    }
  }
  for (const o of objects) {
    const crd = crdOf(o);
    if (crd) crds.set(crd.name, crd);
  }
  const clusterCrdKinds = new Set([...crds.values()].filter((c) => c.scope === 'Cluster').map((c) => `${c.group}/${c.kind}`));
  for (const o of objects) {
    const kind = String(o.kind ?? '');
    const group = groupOf(String(o.apiVersion ?? ''));
    const ns = isRecord(o.metadata) && typeof o.metadata.namespace === 'string' ? o.metadata.namespace : undefined;
    if ((builtinGroup(group) && CLUSTER_SCOPED.has(kind)) || clusterCrdKinds.has(`${group}/${kind}`)) cluster.set(`${group}/${kind}`, { group, kind });
    else if (ns && !releaseNamespaces.includes(ns)) namespaces.add(ns);
    if (!builtinGroup(group) && ![...crds.values()].some((c) => c.group === group)) {
      if (!used.has(group)) used.set(group, new Set());
      used.get(group)!.add(kind);
    }
  }
  return {
    namespaces: [...namespaces].sort(),
    clusterKinds: [...cluster.values()].sort((a, b) => `${a.group}/${a.kind}`.localeCompare(`${b.group}/${b.kind}`)),
    crds: [...crds.values()].sort((a, b) => a.name.localeCompare(b.name)),
    externalGroups: [...used].map(([group, kinds]) => ({ group, kinds: [...kinds].sort() })).sort((a, b) => a.group.localeCompare(b.group)),
  };
}

/** The CRDs too large for client-side apply. */
export function oversizedCrds(f: Footprint): InstalledCrd[] {
  return f.crds.filter((c) => c.bytes > CLIENT_SIDE_APPLY_LIMIT);
}
