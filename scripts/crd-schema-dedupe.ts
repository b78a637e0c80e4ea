/**
 * Shrinks a compact schema: keeps only the types reachable from its kinds, and merges types with
 * the same fields (cdk8s import repeats each embedded Kubernetes type under every path that uses
 * it), repeating until nothing changes.
 */
import type { KubeSchemaData, ObjectDef, TypeCode } from '../lib/validate/schema/format';

// Types whose names the validator looks up (ObjectMeta's label checks, FIELD_CHECKS): they keep them.
const KEEP = new Set(['ObjectMeta', 'Container', 'ContainerPort', 'Volume', 'HttpGetAction', 'TcpSocketAction', 'GrpcAction', 'ServicePort']);

const refOf = (t: TypeCode): string | undefined => (t.includes('@') ? t.slice(t.indexOf('@') + 1) : undefined);

function rename(t: TypeCode, map: Map<string, string>): TypeCode {
  const r = refOf(t);
  return r && map.has(r) ? t.slice(0, t.indexOf('@') + 1) + map.get(r) : t;
}

/** The same schema with types renamed by `map` (old name → new name), references and enums included. */
export function renameDefs<T extends KubeSchemaData & { enums: Record<string, string[]> }>(data: T, map: Map<string, string>): T {
  const to = (n: string) => map.get(n) ?? n;
  const defs: Record<string, ObjectDef> = {};
  for (const [name, [fields, required]] of Object.entries(data.defs)) {
    const f = Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, rename(t, map)]));
    defs[to(name)] = required ? [f, required] : [f];
  }
  const kinds = Object.fromEntries(Object.entries(data.kinds).map(([k, d]) => [k, to(d)]));
  const enums = Object.fromEntries(Object.entries(data.enums).map(([k, v]) => [to(k.slice(0, k.indexOf('.'))) + k.slice(k.indexOf('.')), v]));
  return { ...data, kinds, defs, enums, ...(data.open ? { open: data.open.map(to) } : {}) };
}

/** Reachable types only, identical ones (fields, required, openness, enums) merged under the shortest name. */
export function dedupeDefs(data: KubeSchemaData, enumsIn: Record<string, string[]> = {}): KubeSchemaData & { enums: Record<string, string[]> } {
  let defs = data.defs;
  let kinds = data.kinds;
  let enums = enumsIn;
  const open = new Set(data.open ?? []);
  for (;;) {
    const byShape = new Map<string, string>();
    const map = new Map<string, string>();
    // Preferred names first: the kept ones, then the shortest.
    const names = Object.keys(defs).sort((a, b) => Number(KEEP.has(b)) - Number(KEEP.has(a)) || a.length - b.length || a.localeCompare(b));
    for (const name of names) {
      const [fields, required] = defs[name];
      const entries = Object.entries(fields).sort(([a], [b]) => a.localeCompare(b));
      const shape = JSON.stringify([entries, [...(required ?? [])].sort(), open.has(name), entries.map(([k]) => enums[`${name}.${k}`] ?? null)]);
      const same = byShape.get(shape);
      if (same && !KEEP.has(name)) map.set(name, same);
      else if (!same) byShape.set(shape, name);
    }
    if (map.size === 0) break;
    const next: Record<string, ObjectDef> = {};
    for (const [name, [fields, required]] of Object.entries(defs)) {
      if (map.has(name)) continue;
      const f = Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, rename(t, map)]));
      next[name] = required ? [f, required] : [f];
    }
    defs = next;
    kinds = Object.fromEntries(Object.entries(kinds).map(([k, d]) => [k, map.get(d) ?? d]));
    enums = Object.fromEntries(Object.entries(enums).filter(([k]) => !map.has(k.slice(0, k.indexOf('.')))));
  }
  // Reachability from the kinds.
  const seen = new Set<string>();
  const queue = Object.values(kinds);
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const t of Object.values(defs[name][0])) {
      const r = refOf(t);
      if (r) queue.push(r);
    }
  }
  const kept = Object.fromEntries(Object.keys(defs).sort().filter((n) => seen.has(n)).map((n) => [n, defs[n]]));
  const openKept = [...open].filter((n) => seen.has(n)).sort();
  const enumsKept = Object.fromEntries(Object.entries(enums).filter(([k]) => seen.has(k.slice(0, k.indexOf('.')))).sort(([a], [b]) => a.localeCompare(b)));
  return { version: data.version, kinds, defs: kept, ...(openKept.length ? { open: openKept } : {}), enums: enumsKept };
}
