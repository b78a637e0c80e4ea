/**
 * chartutil.ValidateAgainstSchema (Helm 3.17, gojsonschema): each chart's values.schema.json
 * checks that chart's coalesced values, subcharts against their own sections.
 */
import type { GoMap } from '../../gotemplate/value';
import { chartName, type Chart } from '../chart/chart';
import type { Json } from './jsonschema/json';
import { Validator } from './jsonschema/validator';
import { toPlain } from '../../gotemplate/value';

/**
 * The values as the validator sees them: Helm marshals them to YAML and back to JSON, so
 * int64 and float64 both become JSON numbers and an empty document becomes `{}`.
 */
function valuesAsJson(values: GoMap): Json {
  // Converting directly gives what the YAML round trip gives (numbers of either Go type become
  // JSON numbers, nil becomes null) without serialising the values on every render.
  const plain = toPlain(values);
  return (plain ?? {}) as Json;
}

/** Compiled validators by schema text: charts are validated on every render, schemas rarely change. */
const validators = new Map<string, Validator | Error>();
const MAX_VALIDATORS = 32;

function validatorFor(text: string): Validator | Error {
  let v = validators.get(text);
  if (v === undefined) {
    try {
      const validator = new Validator(JSON.parse(text) as Json);
      validator.check();
      v = validator;
    } catch (e) {
      v = e as Error;
    }
    if (validators.size >= MAX_VALIDATORS) validators.delete(validators.keys().next().value!);
    validators.set(text, v);
  }
  return v;
}

/**
 * A loaded chart keeps its schema bytes across renders: looking them up by identity skips decoding
 * and hashing tens of kilobytes of text on every keystroke.
 */
const validatorsByBytes = new WeakMap<Uint8Array, Validator | Error>();

function validatorForBytes(bytes: Uint8Array): Validator | Error {
  let v = validatorsByBytes.get(bytes);
  if (v === undefined) {
    v = validatorFor(new TextDecoder().decode(bytes));
    validatorsByBytes.set(bytes, v);
  }
  return v;
}

/**
 * ValidateAgainstSingleSchema: `- FIELD: DESCRIPTION\n` per problem, or '' when valid.
 * A schema that is not JSON yields the parse error's text, as Helm reports it.
 */
export function validateAgainstSingleSchema(values: GoMap, schema: Uint8Array | string): string {
  // Problems with the schema itself come back bare (no `- ` and no newline), as in Helm.
  const validator = typeof schema === 'string' ? validatorFor(schema) : validatorForBytes(schema);
  if (validator instanceof Error) return validator.message;
  let errors;
  try {
    errors = validator.validate(valuesAsJson(values));
  } catch (e) {
    return (e as Error).message;
  }
  return errors.map((e) => `- ${e.field}: ${e.description}\n`).join('');
}

/**
 * ValidateAgainstSchema: every failing chart as `NAME:\n- ...\n`, parents first, or '' when
 * the values fit every schema.
 */
export function validateAgainstSchema(chart: Chart, values: GoMap): string {
  let out = '';
  if (chart.schema) {
    const problems = validateAgainstSingleSchema(values, chart.schema);
    if (problems) out += `${chartName(chart)}:\n${problems}`;
  }
  for (const sub of chart.dependencies) {
    const subValues = values.get(chartName(sub));
    out += validateAgainstSchema(sub, subValues instanceof Map ? subValues : new Map());
  }
  return out;
}
