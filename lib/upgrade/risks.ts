/**
 * What a reviewer of an upgrade must not miss: changes Kubernetes refuses to apply in place,
 * deletions that lose data, CRDs helm leaves alone, APIs the target cluster no longer serves
 * and hooks that start or stop running.
 */
import { parse as parseYaml } from 'yaml';
import { apiChange, apiGroup } from '../validate';
import { plainEqual } from '../configurator';
import type { CrdChange, ResourceDiff, RiskNote } from './types';

/** Fields Kubernetes refuses to change on an existing object, by group/kind. */
export const IMMUTABLE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'apps/Deployment': ['spec.selector'],
  'apps/DaemonSet': ['spec.selector'],
  'apps/StatefulSet': ['spec.selector', 'spec.volumeClaimTemplates', 'spec.serviceName'],
  '/Service': ['spec.clusterIP'],
  'batch/Job': ['spec.selector', 'spec.template'],
  '/PersistentVolumeClaim': ['spec.storageClassName'],
};

/** Kinds whose deletion deletes data (volumes, credentials nobody can render again). */
const DATA_KINDS = new Set(['/PersistentVolumeClaim', '/Secret']);

function kindKey(apiVersion: string, kind: string): string {
  return `${apiGroup(apiVersion)}/${kind}`;
}

function parse(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}

function at(obj: unknown, dotted: string): unknown {
  let v = obj;
  for (const k of dotted.split('.')) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

// An unset clusterIP and an empty one both let Kubernetes pick the address.
function normalised(field: string, v: unknown): unknown {
  return field === 'spec.clusterIP' && (v === '' || v === undefined || v === null) ? undefined : v;
}

/** Immutable fields whose value differs between the old and new text of one object. */
export function changedImmutableFields(apiVersion: string, kind: string, oldText: string, newText: string): string[] {
  const fields = IMMUTABLE_FIELDS[kindKey(apiVersion, kind)] ?? [];
  if (fields.length === 0) return [];
  const a = parse(oldText);
  const b = parse(newText);
  return fields.filter((f) => !plainEqual(normalised(f, at(a, f)) ?? null, normalised(f, at(b, f)) ?? null));
}

/** Minor version of a Kubernetes version text (`v1.35.0` → 35). */
function minorOf(kubeVersion: string): number | undefined {
  const m = /^v?1\.(\d+)/.exec(kubeVersion);
  return m ? Number(m[1]) : undefined;
}

/** Risk notes for an upgrade's resource diff and CRD changes, against the target Kubernetes version. */
export function riskNotes(resources: readonly ResourceDiff[], crds: readonly CrdChange[], kubeVersion: string): RiskNote[] {
  const notes: RiskNote[] = [];
  const minor = minorOf(kubeVersion);
  for (const r of resources) {
    const { old, new: next } = r;
    if (r.change === 'changed' && old && next) {
      for (const field of changedImmutableFields(next.apiVersion, next.kind, old.text, next.text)) {
        notes.push({
          kind: 'immutable-field',
          resource: r.id,
          field,
          message: `${r.id}: ${field} changed, and Kubernetes does not allow changing it in place: the upgrade fails unless the object is deleted first.`,
        });
      }
    }
    if (old && (r.change === 'removed' || r.change === 'renamed') && DATA_KINDS.has(kindKey(old.apiVersion, old.kind))) {
      const what = old.kind === 'Secret' ? 'its data (passwords, keys) is lost unless it can be rendered again' : 'the volume it claims is released and its data may be deleted';
      const how = r.change === 'renamed' ? `is renamed to ${next!.name}, so helm deletes ${old.name}` : 'is removed';
      notes.push({ kind: 'data-loss', resource: r.change === 'renamed' ? `${old.kind} ${old.namespace}/${old.name}` : r.id, message: `${old.kind} ${old.name} ${how}: ${what}.` });
    }
    const wasHook = (old?.hookEvents.length ?? 0) > 0;
    const isHook = (next?.hookEvents.length ?? 0) > 0;
    if (isHook && !wasHook) notes.push({ kind: 'hook-added', resource: r.id, message: `${r.id} is a new hook (${next!.hookEvents.join(', ')}): it runs as part of the release, outside the normal apply.` });
    if (wasHook && !isHook) notes.push({ kind: 'hook-removed', resource: r.id, message: `${r.id} no longer runs as a hook (${old!.hookEvents.join(', ')}).` });
    if (next && minor !== undefined) {
      const change = apiChange(next.apiVersion, next.kind);
      if (change?.removedIn !== undefined && minor >= change.removedIn) {
        notes.push({
          kind: 'api-not-served',
          resource: r.id,
          message: `${r.id} uses ${next.apiVersion}, which Kubernetes stopped serving in 1.${change.removedIn} (target 1.${minor}); use ${change.replacement}.`,
        });
      }
    }
  }
  for (const c of crds) {
    const message =
      c.change === 'changed'
        ? `${c.file} changed, but helm never upgrades CRDs in crds/: apply it with kubectl before upgrading.`
        : c.change === 'added'
          ? `${c.file} is new, but helm installs crds/ only on first install: apply it with kubectl before upgrading.`
          : `${c.file} is gone from the chart, but helm never deletes CRDs: the CRD and its objects stay in the cluster.`;
    notes.push({ kind: 'crd-not-upgraded', resource: c.file, message });
  }
  return notes;
}
