/**
 * The resources half of an upgrade: objects of both renders matched by group, kind, namespace
 * and name (as Kubernetes knows them; an apiVersion change alone keeps the object), and objects
 * whose release-name-based name changed paired as renames (helm deletes the old one and creates
 * the new one).
 */
import type { RenderedDoc } from './render';
import type { ResourceDiff, ResourceSide } from './types';

function side(d: RenderedDoc): ResourceSide {
  return { apiVersion: d.apiVersion, kind: d.kind, namespace: d.namespace, name: d.name, source: d.source, hookEvents: d.hookEvents, text: d.text };
}

/** The template path inside the chart (`templates/x.yaml`), the same whatever the chart is called. */
function templatePath(source: string): string {
  const slash = source.indexOf('/');
  return slash < 0 ? source : source.slice(slash + 1);
}

function group(d: RenderedDoc): string {
  const slash = d.apiVersion.indexOf('/');
  return slash < 0 ? '' : d.apiVersion.slice(0, slash);
}

/** Whether `b` is `a` under a name derived from the release name another way (same template, same kind). */
function isRename(a: RenderedDoc, b: RenderedDoc, releaseName: string): boolean {
  return (
    group(a) === group(b) &&
    a.kind === b.kind &&
    a.namespace === b.namespace &&
    templatePath(a.source) === templatePath(b.source) &&
    a.name.includes(releaseName) &&
    b.name.includes(releaseName)
  );
}

/**
 * Matches the documents of the old and new render (generated values already masked): the
 * target's objects in install order, then the objects only the old render had.
 */
export function diffResources(from: readonly RenderedDoc[], to: readonly RenderedDoc[], releaseName: string): ResourceDiff[] {
  const oldById = new Map(from.map((d) => [d.id, d]));
  const newIds = new Set(to.map((d) => d.id));
  const removed = from.filter((d) => !newIds.has(d.id));
  const out: ResourceDiff[] = [];
  for (const d of to) {
    const old = oldById.get(d.id);
    if (old) {
      out.push({ change: old.text === d.text ? 'unchanged' : 'changed', id: d.id, old: side(old), new: side(d) });
      continue;
    }
    const i = removed.findIndex((r) => isRename(r, d, releaseName));
    if (i >= 0) {
      out.push({ change: 'renamed', id: d.id, old: side(removed[i]), new: side(d) });
      removed.splice(i, 1);
    } else {
      out.push({ change: 'added', id: d.id, new: side(d) });
    }
  }
  for (const r of removed) out.push({ change: 'removed', id: r.id, old: side(r) });
  return out;
}
