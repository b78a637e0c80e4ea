/**
 * Structural validation of one object against a compact schema (see format.ts): unknown fields,
 * wrong types, missing required fields, and Kubernetes' value rules for names, ports and quantities.
 */
import { childPath } from '../path';
import type { KubeSchemaData, TypeCode } from './format';
import { FIELD_CHECKS, labelValue, qualifiedKey, quantity, configKey } from './formats';

/** A schema problem at a path, before it becomes a Finding. */
export interface SchemaIssue {
  id: 'schema/unknown-field' | 'schema/type' | 'schema/required' | 'schema/value';
  path: string;
  message: string;
}

type Schema = Pick<KubeSchemaData, 'defs' | 'open' | 'enums'>;

/** Fields of every top-level object that its kind's definition leaves out. */
export const TOP_LEVEL_FIELDS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'status']);
/**
 * Definitions of whole objects (`KubePersistentVolumeClaimProps`): embedded ones, such as a
 * StatefulSet's volumeClaimTemplates, may carry apiVersion and kind like any top-level object.
 */
const OBJECT_DEF = /^Kube\w*Props$/;

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'map' : typeof v);

const EXPECTED: Record<string, string> = { s: 'a string', n: 'an integer', f: 'a number', b: 'a boolean', d: 'a date-time string', q: 'a quantity', i: 'an integer or a string' };

/** Checks `value` against type code `t`, appending problems to `out`. */
export function checkValue(value: unknown, t: TypeCode, schema: Schema, path: string, out: SchemaIssue[]): void {
  // A null field is an unset field to the API server.
  if (value === null || value === undefined || t === '*') return;
  const wrong = (what: string): void => void out.push({ id: 'schema/type', path, message: `${path || 'object'} must be ${what}, not ${typeName(value)}${typeof value === 'object' ? '' : ` (${JSON.stringify(value)})`}` });
  switch (t[0]) {
    case 's':
    case 'd':
      if (typeof value !== 'string') wrong(EXPECTED[t]);
      return;
    case 'n':
      if (typeof value !== 'number' || !Number.isInteger(value)) wrong(EXPECTED.n);
      return;
    case 'f':
      if (typeof value !== 'number') wrong(EXPECTED.f);
      return;
    case 'b':
      if (typeof value !== 'boolean') wrong(EXPECTED.b);
      return;
    case 'i':
      if (typeof value === 'number' ? !Number.isInteger(value) : typeof value !== 'string') wrong(EXPECTED.i);
      return;
    case 'q': {
      if (typeof value !== 'string' && typeof value !== 'number') return wrong(EXPECTED.q);
      const bad = quantity(value);
      if (bad) out.push({ id: 'schema/value', path, message: bad });
      return;
    }
    case '[':
      if (!Array.isArray(value)) return wrong('a list');
      for (let i = 0; i < value.length; i++) checkValue(value[i], t.slice(2), schema, childPath(path, i), out);
      return;
    case '{':
      if (typeof value !== 'object' || Array.isArray(value)) return wrong('a map');
      for (const [k, v] of Object.entries(value)) checkValue(v, t.slice(2), schema, childPath(path, k), out);
      return;
    case '@':
      return checkObject(value, t.slice(1), schema, path, out);
  }
}

/** Checks an object against the named type. */
export function checkObject(value: unknown, def: string, schema: Schema, path: string, out: SchemaIssue[], extra?: ReadonlySet<string>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push({ id: 'schema/type', path, message: `${path || 'object'} must be a map, not ${typeName(value)}` });
    return;
  }
  const d = schema.defs[def];
  if (!d) return;
  const [fields, required] = d;
  const obj = value as Record<string, unknown>;
  const open = schema.open?.includes(def);
  extra ??= OBJECT_DEF.test(def) ? TOP_LEVEL_FIELDS : undefined;
  for (const [k, v] of Object.entries(obj)) {
    const p = childPath(path, k);
    const t = fields[k];
    if (t === undefined) {
      if (!open && !extra?.has(k)) out.push({ id: 'schema/unknown-field', path: p, message: `unknown field "${k}"${path ? ` in ${path}` : ''}` });
      continue;
    }
    checkValue(v, t, schema, p, out);
    const bad = FIELD_CHECKS[`${def}.${k}`]?.(v) ?? notAllowed(v, schema.enums?.[`${def}.${k}`]);
    if (bad) out.push({ id: 'schema/value', path: p, message: bad });
  }
  for (const r of required ?? []) {
    if (obj[r] === undefined || obj[r] === null) out.push({ id: 'schema/required', path: childPath(path, r), message: `missing required field "${r}"${path ? ` in ${path}` : ''}` });
  }
  if (def === 'ObjectMeta') checkMeta(obj, path, out);
  if (def.startsWith('Kube') && (def === 'KubeConfigMapProps' || def === 'KubeSecretProps')) checkDataKeys(obj, path, out);
}

/** A string outside the field's enum (for a list, the first such item), described. */
function notAllowed(v: unknown, allowed: readonly string[] | undefined): string | undefined {
  if (!allowed) return undefined;
  const bad = (Array.isArray(v) ? v : [v]).find((x) => typeof x === 'string' && !allowed.includes(x));
  return bad === undefined ? undefined : `"${bad}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`;
}

function checkMeta(meta: Record<string, unknown>, path: string, out: SchemaIssue[]): void {
  for (const field of ['labels', 'annotations'] as const) {
    const m = meta[field];
    if (!m || typeof m !== 'object' || Array.isArray(m)) continue;
    for (const [k, v] of Object.entries(m)) {
      const p = childPath(childPath(path, field), k);
      const bad = qualifiedKey(k) ?? (field === 'labels' ? labelValue(v) : undefined);
      if (bad) out.push({ id: 'schema/value', path: p, message: `${field === 'labels' ? 'label' : 'annotation'} ${bad}` });
    }
  }
}

function checkDataKeys(obj: Record<string, unknown>, path: string, out: SchemaIssue[]): void {
  for (const field of ['data', 'stringData', 'binaryData']) {
    const m = obj[field];
    if (!m || typeof m !== 'object') continue;
    for (const k of Object.keys(m)) {
      const bad = configKey(k);
      if (bad) out.push({ id: 'schema/value', path: childPath(childPath(path, field), k), message: bad });
    }
  }
}
