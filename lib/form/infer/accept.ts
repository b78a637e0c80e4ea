/**
 * The form's schema must never reject what a chart ships. `acceptShipped` validates the chart's
 * own value files with Helm's validators (3.17's and 4.1's rules) and removes each keyword that
 * fails one of them (at the schema location the validator reports), until all pass. The keywords
 * that had to go are returned, so a caller can tell which rules of a declared schema the chart
 * itself breaks. The validators interpret the schema: nothing is compiled to code, which the
 * page's Content-Security-Policy (no 'unsafe-eval') would refuse.
 */
import { Validator, V6Schema, validateV6, type Json, type V6Error } from '../../helm';
import type { JsonSchema } from '../schema';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Helm's view of a shipped values file: the chart's defaults with the file merged over them
 * (maps merge key by key, `null` removes a default), as Helm validates it.
 */
export function coalesceOver(defaults: unknown, override: unknown): unknown {
  if (!isRecord(defaults) || !isRecord(override)) return override === undefined ? defaults : override;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(override)) {
    if (v === null) delete out[k];
    else out[k] = k in defaults ? coalesceOver(defaults[k], v) : v;
  }
  return out;
}

/** A JSON pointer token of a URI fragment; null when its %-escapes are broken. */
function unpointer(segment: string): string | null {
  try {
    return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
  } catch {
    return null;
  }
}

/**
 * Removes the keyword at a schema location (`#/properties/a/type`); false when there is none, or
 * when the location is an entry of a list (`#/anyOf/0`), which cannot go without shifting the others.
 */
function dropKeyword(root: JsonSchema, schemaPath: string): boolean {
  if (!schemaPath.startsWith('#/')) return false;
  const parts = schemaPath.slice(2).split('/').map(unpointer);
  if (parts.includes(null)) return false;
  let node: unknown = root;
  for (const p of parts.slice(0, -1) as string[]) {
    if (Array.isArray(node)) node = node[Number(p)];
    else if (isRecord(node)) node = node[p];
    else return false;
  }
  const last = parts[parts.length - 1]!;
  if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, last)) return false;
  delete node[last];
  return true;
}

interface Verdicts {
  /** Whether both validators accept every document. */
  accepted: boolean;
  /** The schema locations of the keywords that failed, in either validator. */
  failed: string[];
}

function v6Locations(e: V6Error, out: Set<string>): void {
  if (e.keywordLocation !== undefined) out.add(e.keywordLocation);
  for (const c of e.causes) v6Locations(c, out);
}

/** @throws when either validator refuses the schema itself */
function judge(schema: JsonSchema, documents: readonly unknown[]): Verdicts {
  const v3 = new Validator(schema as Json, { locate: true });
  v3.check();
  const v4 = new V6Schema(schema as Json);
  const failed = new Set<string>();
  for (const d of documents) {
    for (const e of v3.validate(d as Json)) if (e.keywordLocation !== undefined) failed.add(e.keywordLocation);
    const e = validateV6(v4, d as Json, { locate: true });
    if (e) v6Locations(e, failed);
  }
  return { accepted: failed.size === 0, failed: [...failed] };
}

/** Whether both Helm validators (3.17's gojsonschema rules, 4.1's jsonschema v6 rules) accept every document. */
export function helmAccepts(schema: JsonSchema, documents: readonly unknown[]): boolean {
  try {
    return judge(schema, documents).accepted;
  } catch {
    return false;
  }
}

export interface Accepted {
  schema: JsonSchema;
  /** Schema locations of the keywords removed because a shipped file broke them. */
  dropped: string[];
}

/**
 * A copy of `schema` that every document validates against. A schema Helm's validators refuse
 * is returned unchanged (the form reads it anyway; Helm reports it on render).
 */
export function acceptShipped(schema: JsonSchema, documents: readonly unknown[]): Accepted {
  const copy = structuredClone(schema);
  const dropped: string[] = [];
  for (let round = 0; round < 50; round++) {
    let verdicts: Verdicts;
    try {
      verdicts = judge(copy, documents);
    } catch {
      break;
    }
    if (verdicts.accepted) break;
    let changed = false;
    for (const location of verdicts.failed) {
      if (dropKeyword(copy, location)) {
        dropped.push(location);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { schema: copy, dropped };
}
