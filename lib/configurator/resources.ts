/** Grouping rendered resources for the preview's resource list. */
import type { RenderedResource } from './render-protocol';

export interface ResourceGroup {
  kind: string;
  count: number;
  items: RenderedResource[];
}

/**
 * Resources grouped by kind, groups in the order their first resource appears (helm's install
 * order, hooks last).
 */
export function groupByKind(resources: RenderedResource[]): ResourceGroup[] {
  const groups = new Map<string, ResourceGroup>();
  for (const r of resources) {
    const key = r.hookEvents.length > 0 ? `${r.kind} (hook)` : r.kind || '(no kind)';
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: key, count: 0, items: [] }));
    g.count++;
    g.items.push(r);
  }
  return [...groups.values()];
}

/** The resource matching `id`, else the same kind and name (ids shift when a render adds one). */
export function findResource(resources: RenderedResource[], id: string | null): RenderedResource | null {
  if (!id) return null;
  const exact = resources.find((r) => r.id === id);
  if (exact) return exact;
  const kindName = id.slice(0, id.indexOf('@'));
  return resources.find((r) => `${r.kind}/${r.name}` === kindName) ?? null;
}

/** The manifest stream of a set of resources in one text, for diffing ("---" separated). */
export function manifestsText(resources: RenderedResource[]): string {
  return resources.map((r) => `---\n# Source: ${r.source}\n${r.content}\n`).join('');
}
