/** Finding the pod templates inside workloads, their containers, and label selector matching. */
import { childPath } from './path';
import type { ManifestDoc } from './types';

export type Obj = Record<string, unknown>;

export const asObj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const asStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A pod template (or a bare Pod) found in a rendered object. */
export interface PodTemplate {
  doc: ManifestDoc;
  kind: string;
  name: string;
  namespace?: string;
  /** Path of the pod spec inside the object, e.g. `spec.template.spec`. */
  specPath: string;
  spec: Obj;
  labels: Record<string, string>;
  /** Controllers that keep pods running (not Jobs, CronJobs or bare Pods). */
  longRunning: boolean;
  /** `spec.replicas` of Deployments, StatefulSets, ReplicaSets (undefined: not set). */
  replicas?: unknown;
}

const TEMPLATE_PATHS: Record<string, { path: string[]; longRunning: boolean }> = {
  Deployment: { path: ['spec', 'template'], longRunning: true },
  StatefulSet: { path: ['spec', 'template'], longRunning: true },
  DaemonSet: { path: ['spec', 'template'], longRunning: true },
  ReplicaSet: { path: ['spec', 'template'], longRunning: true },
  ReplicationController: { path: ['spec', 'template'], longRunning: true },
  Job: { path: ['spec', 'template'], longRunning: false },
  CronJob: { path: ['spec', 'jobTemplate', 'spec', 'template'], longRunning: false },
  PodTemplate: { path: ['template'], longRunning: false },
};

/** The pod template of one object, if it has one. */
export function podTemplateOf(doc: ManifestDoc): PodTemplate | undefined {
  const o = doc.object;
  const kind = asStr(o.kind) ?? '';
  const meta = asObj(o.metadata) ?? {};
  const base = { doc, kind, name: asStr(meta.name) ?? '', namespace: asStr(meta.namespace) };
  if (kind === 'Pod') {
    const spec = asObj(o.spec);
    return spec && { ...base, specPath: 'spec', spec, labels: stringMap(meta.labels), longRunning: false };
  }
  const where = TEMPLATE_PATHS[kind];
  if (!where) return undefined;
  let cur: unknown = o;
  for (const k of where.path) cur = asObj(cur)?.[k];
  const tpl = asObj(cur);
  const spec = asObj(tpl?.spec);
  if (!tpl || !spec) return undefined;
  const replicas = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(kind) ? asObj(o.spec)?.replicas : undefined;
  return {
    ...base,
    specPath: [...where.path, 'spec'].reduce<string>((p, k) => childPath(p, k), ''),
    spec,
    labels: stringMap(asObj(tpl.metadata)?.labels),
    longRunning: where.longRunning,
    replicas,
  };
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(asObj(v) ?? {})) out[k] = String(x);
  return out;
}

/** A container of a pod spec with its path. */
export interface ContainerAt {
  container: Obj;
  path: string;
  init: boolean;
}

/** Containers and init containers of a pod spec. */
export function containersOf(t: PodTemplate): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const [field, init] of [['containers', false], ['initContainers', true]] as const) {
    asList(t.spec[field]).forEach((c, i) => {
      const container = asObj(c);
      if (container) out.push({ container, path: childPath(childPath(t.specPath, field), i), init });
    });
  }
  return out;
}

/** Whether a `{matchLabels, matchExpressions}` selector selects pods with `labels`. */
export function labelSelectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  const s = asObj(selector);
  if (!s) return false;
  for (const [k, v] of Object.entries(asObj(s.matchLabels) ?? {})) if (labels[k] !== String(v)) return false;
  for (const e of asList(s.matchExpressions)) {
    const x = asObj(e) ?? {};
    const key = String(x.key);
    const values = asList(x.values).map(String);
    const has = key in labels;
    switch (x.operator) {
      case 'In': if (!has || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** Whether a Service-style selector (a plain map) selects pods with `labels`; an empty one selects nothing. */
export function mapSelectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  const s = Object.entries(asObj(selector) ?? {});
  return s.length > 0 && s.every(([k, v]) => labels[k] === String(v));
}
