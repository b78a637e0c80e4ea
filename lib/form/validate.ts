/**
 * validateValues: ajv (draft-07, formats) over the merged values, errors keyed by the dotted
 * path of the field they belong to.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describeError } from './messages';
import { dottedPath, pointerToPath } from './paths';
import type { JsonSchema } from './schema';

/** Messages by dotted values path (`postgresql.external.host`); `''` is the root. */
export type FieldErrors = Record<string, string[]>;

let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction | Error>();

function validatorFor(schema: JsonSchema): ValidateFunction | Error {
  const cached = compiled.get(schema);
  if (cached) return cached;
  if (!ajv) {
    // strict off: charts carry `x-chartroom` and other annotations ajv does not know;
    // verbose: errors carry their schema, which `not` needs to name the forbidden key.
    ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
    addFormats(ajv);
  }
  let result: ValidateFunction | Error;
  try {
    // A chart's own `$id` would clash between compiles of the same id; the form only needs
    // the schema's content.
    const { $id: _id, ...rest } = schema;
    result = ajv.compile(rest);
  } catch (e) {
    result = e instanceof Error ? e : new Error(String(e));
  }
  compiled.set(schema, result);
  return result;
}

/** The path an error belongs on: the missing or unexpected child for key-level keywords. */
function errorPath(error: ErrorObject): string[] {
  const base = pointerToPath(error.instancePath);
  const p = error.params as Record<string, unknown>;
  if (typeof p.missingProperty === 'string') return [...base, p.missingProperty];
  if (error.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
    return [...base, p.additionalProperty];
  }
  return base;
}

/** `not: {required: [k]}` means "k must not be set": point at k instead of the parent. */
function forbiddenKeys(error: ErrorObject): string[] {
  if (error.keyword !== 'not') return [];
  const sub = error.schema as JsonSchema | undefined;
  if (!sub || typeof sub !== 'object' || !Array.isArray(sub.required)) return [];
  const others = Object.keys(sub).filter((k) => k !== 'required');
  return others.length === 0 ? sub.required : [];
}

function add(errors: FieldErrors, path: string, message: string): void {
  const list = (errors[path] ??= []);
  if (!list.includes(message)) list.push(message);
}

/**
 * Validates plain values against the chart schema. Keys are dotted values paths that match
 * the ids of `buildFormModel` fields: a missing required key is reported on the key itself,
 * an `if`/`then` failure on the field that fails the `then` rule.
 */
export function validateValues(schema: JsonSchema, values: unknown): FieldErrors {
  const validate = validatorFor(schema);
  const errors: FieldErrors = {};
  if (validate instanceof Error) {
    add(errors, '', `The chart's values.schema.json is not valid: ${validate.message}`);
    return errors;
  }
  if (validate(values ?? {})) return errors;
  for (const error of validate.errors ?? []) {
    const forbidden = forbiddenKeys(error);
    if (forbidden.length > 0) {
      const base = pointerToPath(error.instancePath);
      for (const key of forbidden) add(errors, dottedPath([...base, key]), 'Must not be set here.');
      continue;
    }
    const message = describeError(error);
    if (message) add(errors, dottedPath(errorPath(error)), message);
  }
  return errors;
}
