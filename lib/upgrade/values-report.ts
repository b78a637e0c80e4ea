/**
 * The values half of an upgrade: each of the user's overrides classified against the target
 * chart, and the defaults the user does not override whose change reaches this configuration.
 * "Read by a template" is decided by rendering: an override is read when taking it away changes
 * what the chart renders, which follows `with`, `include`, `toYaml` and computed keys alike.
 */
import { type Chart, coalesceValues, checkAgainstSchema, pathKeys, pathOf, type HelmVersion } from '../helm';
import { deepCopy, toPlain, type GoMap, type GoValue } from '../go';
import { getIn, isPlainMap, leafPaths, plainEqual, type PlainMap, type PlainValue } from '../configurator';
import { resolveNode, type JsonSchema } from '../form';
import type { DefaultChange, OverrideReport, ValuesReport } from './types';

/** One chart of the comparison, and how to render it with other values. */
export interface ValuesSide {
  chart: Chart;
  /** What the chart renders with these user values (equal texts = equal renders). */
  render(values: GoMap): string;
}

type Path = string[];
/** A path as the report writes it: as everywhere in chartroom, a `.` inside a key escaped (`nodeSelector.kubernetes\.io/os`). */
const dotted = (p: Path) => pathOf(p);

function plainMap(v: GoValue): PlainMap {
  const p = toPlain(v);
  return isPlainMap(p) ? (p as PlainMap) : {};
}

function chartSchema(chart: Chart): JsonSchema | null {
  if (!chart.schema) return null;
  try {
    const s: unknown = JSON.parse(new TextDecoder().decode(chart.schema));
    return s && typeof s === 'object' && !Array.isArray(s) ? (s as JsonSchema) : null;
  } catch {
    return null;
  }
}

/** Whether the schema names the key at `path` (an open map, `additionalProperties` a schema, counts). */
export function schemaDeclares(root: JsonSchema | null, path: Path): boolean {
  if (!root) return false;
  let node = resolveNode(root, root);
  for (const key of path) {
    const child = node.properties?.[key];
    if (child && typeof child === 'object') {
      node = resolveNode(root, child as JsonSchema);
      continue;
    }
    if (node.additionalProperties && typeof node.additionalProperties === 'object') return true;
    const patterns = (node as { patternProperties?: Record<string, unknown> }).patternProperties;
    return !!patterns && Object.keys(patterns).some((p) => safeTest(p, key));
  }
  return true;
}

function safeTest(pattern: string, key: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(key);
  } catch {
    return false;
  }
}

function kindOfValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'map';
  return typeof v;
}

/** `values` without the key at `path` (a copy). */
function without(values: GoMap, path: Path): GoMap {
  const copy = deepCopy(values);
  let m: GoValue = copy;
  for (const key of path.slice(0, -1)) {
    m = m instanceof Map ? m.get(key) : undefined;
    if (!(m instanceof Map)) return copy;
  }
  if (m instanceof Map) m.delete(path[path.length - 1]);
  return copy;
}

/** `values` with `value` at `path` (a copy; maps on the way are created). */
function withValue(values: GoMap, path: Path, value: GoValue): GoMap {
  const copy = deepCopy(values);
  let m: GoMap = copy;
  for (const key of path.slice(0, -1)) {
    let next = m.get(key);
    if (!(next instanceof Map)) {
      next = new Map();
      m.set(key, next);
    }
    m = next;
  }
  m.set(path[path.length - 1], deepCopy(value));
  return copy;
}

function goAt(values: GoMap, path: Path): GoValue {
  let v: GoValue = values;
  for (const key of path) {
    if (!(v instanceof Map)) return undefined;
    v = v.get(key);
  }
  return v;
}

/** Helm's own schema check of the values as helm checks them (defaults coalesced), problem by problem. */
function schemaErrors(chart: Chart, user: GoMap, helmVersion: HelmVersion | undefined): { path: string; message: string }[] {
  // Each problem's values path already places a subchart's under its section, written as this report writes paths.
  return checkAgainstSchema(chart, coalesceValues(chart, user, undefined, helmVersion), helmVersion).problems.map((p) => ({ path: p.valuesPath === '' ? '(root)' : p.valuesPath, message: p.message }));
}

/**
 * The problems about the value at `path`: at it, under it, or at a map above it that names its
 * key (`additional properties 'port' not allowed`).
 */
export function errorsAt(errors: readonly { path: string; message: string }[], path: string): string[] {
  // Paths are escaped, so a `.` after one is always a separator: a prefix test finds what lies under it.
  const key = pathKeys(path).at(-1) ?? '';
  const names = new RegExp(`(^|[^\\w-])['"]?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?([^\\w-]|$)`);
  return errors
    .filter((e) => e.path === path || e.path.startsWith(`${path}.`) || ((e.path === '(root)' || path.startsWith(`${e.path}.`)) && names.test(e.message)))
    .map((e) => (e.path === path || !e.path.startsWith(`${path}.`) ? e.message : `${e.path.slice(path.length + 1)}: ${e.message}`));
}

// Values too common to say that a new key holding the same one took an old key's place.
function distinctive(v: PlainValue | undefined): boolean {
  if (typeof v === 'string') return v.length > 1;
  if (typeof v === 'number') return v !== 0 && v !== 1;
  return false;
}

/**
 * The target's key that most likely replaced `path`: among keys new in the target's defaults,
 * one with the same name (scored highest) or holding the old default or the user's value.
 */
export function suggestRename(path: Path, userValue: PlainValue, oldDefaults: PlainMap, newDefaults: PlainMap): string | undefined {
  const name = path[path.length - 1];
  const oldDefault = getIn(oldDefaults, path);
  let best: { path: Path; score: number; shared: number } | undefined;
  for (const q of leafPaths(newDefaults) as Path[]) {
    if (getIn(oldDefaults, q) !== undefined) continue;
    const value = getIn(newDefaults, q);
    let score = 0;
    if (q[q.length - 1] === name) score += 2;
    if ((distinctive(oldDefault) && plainEqual(value, oldDefault)) || (distinctive(userValue) && plainEqual(value, userValue))) score += 1;
    if (score === 0) continue;
    let shared = 0;
    while (shared < q.length && shared < path.length && q[shared] === path[shared]) shared++;
    if (!best || score > best.score || (score === best.score && (shared > best.shared || (shared === best.shared && q.length < best.path.length)))) {
      best = { path: q, score, shared };
    }
  }
  return best && dotted(best.path);
}

/**
 * Classifies each override in `user` (the user's merged values) from `from`'s chart to `to`'s,
 * and lists the defaults whose change this configuration would pick up.
 */
export function valuesReport(user: GoMap, from: ValuesSide, to: ValuesSide, helmVersion?: HelmVersion): ValuesReport {
  const userPlain = plainMap(user);
  const oldDefaults = plainMap(coalesceValues(from.chart, null, undefined, helmVersion));
  const newDefaults = plainMap(coalesceValues(to.chart, null, undefined, helmVersion));
  const oldGoDefaults = coalesceValues(from.chart, null, undefined, helmVersion);
  const oldSchema = chartSchema(from.chart);
  const newSchema = chartSchema(to.chart);
  const oldErrors = schemaErrors(from.chart, user, helmVersion);
  const newErrors = schemaErrors(to.chart, user, helmVersion);
  const baseline = { from: from.render(user), to: to.render(user) };
  const reads = (side: 'from' | 'to', path: Path) => (side === 'from' ? from : to).render(without(user, path)) !== baseline[side];
  const label = { from: `${from.chart.metadata.name} ${from.chart.metadata.version}`, to: `${to.chart.metadata.name} ${to.chart.metadata.version}` };

  const overrides: OverrideReport[] = [];
  for (const path of leafPaths(userPlain) as Path[]) {
    const value = getIn(userPlain, path) ?? null;
    const oldDefault = getIn(oldDefaults, path);
    const newDefault = getIn(newDefaults, path);
    const entry = { path: dotted(path), value, ...(oldDefault !== undefined ? { oldDefault } : {}), ...(newDefault !== undefined ? { newDefault } : {}) };
    const oldKnown = oldDefault !== undefined || schemaDeclares(oldSchema, path);
    const newKnown = newDefault !== undefined || schemaDeclares(newSchema, path);
    const rejected = errorsAt(newErrors, entry.path).filter((m) => !errorsAt(oldErrors, entry.path).includes(m));
    const suggest = () => {
      const s = suggestRename(path, value, oldDefaults, newDefaults);
      return s ? { suggestion: s } : {};
    };
    if (oldKnown && !newKnown) {
      const s = suggest();
      overrides.push({ ...entry, status: 'unread', ...s, detail: `${label.to} has no ${entry.path} in its values or schema${s.suggestion ? `; ${s.suggestion} looks like its new name` : ''}.` });
    } else if (rejected.length > 0) {
      overrides.push({ ...entry, status: 'rejected', detail: `${label.to}'s values.schema.json rejects it: ${rejected.join('; ')}` });
    } else if (oldDefault !== undefined && oldDefault !== null && newDefault !== undefined && newDefault !== null && kindOfValue(oldDefault) !== kindOfValue(newDefault)) {
      overrides.push({ ...entry, status: 'type-changed', detail: `The default was a ${kindOfValue(oldDefault)} and is now a ${kindOfValue(newDefault)}.` });
    } else if (!reads('to', path) && reads('from', path)) {
      const s = suggest();
      overrides.push({ ...entry, status: 'unread', ...s, detail: `No template of ${label.to} reads it any more${s.suggestion ? `; ${s.suggestion} looks like its new name` : ''}.` });
    } else if ((oldKnown || newKnown) && !plainEqual(oldDefault, newDefault)) {
      overrides.push({ ...entry, status: 'default-changed', detail: `The default underneath changed from ${show(oldDefault)} to ${show(newDefault)}.` });
    } else {
      overrides.push({ ...entry, status: 'kept', detail: 'Read as before.' });
    }
  }

  const overridden = (p: Path) => getIn(userPlain, p) !== undefined || leafPaths(userPlain).some((u) => u.length < p.length && u.every((k, i) => k === p[i]));
  const changedDefaults: DefaultChange[] = [];
  for (const path of leafPaths(oldDefaults) as Path[]) {
    const oldDefault = getIn(oldDefaults, path);
    const newDefault = getIn(newDefaults, path);
    if (newDefault === undefined || plainEqual(oldDefault, newDefault) || overridden(path)) continue;
    // The default matters here when putting the old one back changes the target's render.
    if (to.render(withValue(user, path, goAt(oldGoDefaults, path))) === baseline.to) continue;
    changedDefaults.push({ path: dotted(path), oldDefault, newDefault });
  }
  return { overrides, changedDefaults };
}

function show(v: unknown): string {
  return v === undefined ? 'none' : JSON.stringify(v);
}
