/**
 * The form's schema must never reject what a chart ships. `acceptShipped` validates the chart's
 * own value files with ajv and removes each keyword that fails one of them (at the schema
 * location ajv reports), until all pass. The keywords that had to go are returned, so a caller
 * can tell which rules of a declared schema the chart itself breaks.
 */
import Ajv, { type AnySchema, type ErrorObject } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Validator, V6Schema, validateV6, type Json } from '../../helm';
import type { JsonSchema } from '../schema';

type AjvLike = Pick<Ajv, 'compile'>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validatorFor(schema: JsonSchema): AjvLike {
  const uri = typeof schema.$schema === 'string' ? schema.$schema : '';
  // strict off: charts carry annotations ajv does not know, and formats only need to exist.
  const options = { allErrors: true, strict: false, allowUnionTypes: true, validateSchema: false, logger: false as const, code: { optimize: false } };
  const ajv = /2020-12/.test(uri) ? new Ajv2020(options) : /2019-09/.test(uri) ? new Ajv2019(options) : new Ajv(options);
  addFormats(ajv as Ajv);
  return ajv;
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

function unpointer(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Removes the keyword at an ajv `schemaPath` (`#/properties/a/type`); false when there is none. */
function dropKeyword(root: JsonSchema, schemaPath: string): boolean {
  if (!schemaPath.startsWith('#/')) return false;
  const parts = schemaPath.slice(2).split('/').map(unpointer);
  let node: unknown = root;
  for (const p of parts.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(p)];
    else if (isRecord(node)) node = node[p];
    else return false;
  }
  const last = parts[parts.length - 1];
  if (!isRecord(node) || !(last in node)) return false;
  delete node[last];
  return true;
}

/**
 * Whether both Helm validators (3.17's gojsonschema rules, 4.1's jsonschema v6 rules) accept
 * every document. They interpret the schema without compiling it, so the common case, a schema
 * the chart's files already pass, costs no ajv compile.
 */
export function helmAccepts(schema: JsonSchema, documents: readonly unknown[]): boolean {
  try {
    const v3 = new Validator(schema as Json);
    v3.check();
    const v4 = new V6Schema(schema as Json);
    return documents.every((d) => v3.validate(d as Json).length === 0 && validateV6(v4, d as Json) === null);
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
 * A copy of `schema` that every document validates against. A schema ajv cannot compile is
 * returned unchanged (the form reads it anyway; Helm reports it on render).
 */
export function acceptShipped(schema: JsonSchema, documents: readonly unknown[]): Accepted {
  const copy = structuredClone(schema);
  const dropped: string[] = [];
  if (helmAccepts(copy, documents)) return { schema: copy, dropped };
  for (let round = 0; round < 50; round++) {
    let validate;
    try {
      const { $id: _id, ...rest } = copy;
      validate = validatorFor(copy).compile(rest as AnySchema);
    } catch {
      return { schema: copy, dropped };
    }
    const failures: ErrorObject[] = [];
    for (const doc of documents) if (!validate(doc)) failures.push(...(validate.errors ?? []));
    if (failures.length === 0) break;
    let changed = false;
    for (const error of failures) {
      if (dropKeyword(copy, error.schemaPath)) {
        dropped.push(error.schemaPath);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { schema: copy, dropped };
}
