/**
 * chartutil.ValidateAgainstSchema: each chart's values.schema.json checks that chart's coalesced
 * values, subcharts against their own sections. Helm 3.17 validates with gojsonschema, Helm 4
 * with jsonschema v6 (other texts, draft 2020-12, subcharts without values skipped).
 */
import { type GoMap, toPlain } from '../../go';
import { chartName, type Chart } from '../chart/chart';
import type { Json } from './jsonschema/json';
import { Validator } from './jsonschema/validator';
import { joinPath, pathOf } from '../strvals';
import { isHelm4, type HelmVersion } from '../version';
import { formatV6, problemsV6, SchemaCompileError, V6Schema, validateV6 } from './jsonschema/v6';
import type { CombiningKeyword, SchemaProblem } from '../../errors';

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
 * A loaded chart keeps its schema bytes across renders: looking them up by identity (for either
 * helm's validator) skips decoding and hashing tens of kilobytes of text on every keystroke.
 */
const validatorsByBytes = new WeakMap<Uint8Array, Validator | Error>();
const v6SchemasByBytes = new WeakMap<Uint8Array, V6Schema | Error>();

function cachedByBytes<T>(cache: WeakMap<Uint8Array, T>, bytes: Uint8Array, compile: (text: string) => T): T {
  let v = cache.get(bytes);
  if (v === undefined) {
    v = compile(new TextDecoder().decode(bytes));
    cache.set(bytes, v);
  }
  return v;
}

const validatorForBytes = (bytes: Uint8Array): Validator | Error => cachedByBytes(validatorsByBytes, bytes, validatorFor);
const v6SchemaForBytes = (bytes: Uint8Array): V6Schema | Error => cachedByBytes(v6SchemasByBytes, bytes, v6SchemaFor);

/** One chart's schema problems: Helm's text for them, and each problem as a values path and message. */
interface SingleCheck {
  text: string;
  problems: { path: string; keys: string[]; message: string; keyword?: CombiningKeyword }[];
}

const VALID: SingleCheck = { text: '', problems: [] };
/** A problem with the schema itself: Helm prints its text alone (no `- ` and no newline), and names no value. */
const unusable = (message: string): SingleCheck => ({ text: message, problems: [] });

function checkSingle(values: GoMap, schema: Uint8Array | string): SingleCheck {
  const validator = typeof schema === 'string' ? validatorFor(schema) : validatorForBytes(schema);
  if (validator instanceof Error) return unusable(validator.message);
  let errors;
  try {
    errors = validator.validate(valuesAsJson(values));
  } catch (e) {
    return unusable((e as Error).message);
  }
  return {
    text: errors.map((e) => `- ${e.field}: ${e.description}\n`).join(''),
    problems: errors.map((e) => (e.keyword ? { path: e.field, keys: e.keys, message: e.description, keyword: e.keyword } : { path: e.field, keys: e.keys, message: e.description })),
  };
}

/**
 * ValidateAgainstSingleSchema: `- FIELD: DESCRIPTION\n` per problem, or '' when valid.
 * A schema that is not JSON yields the parse error's text, as Helm reports it.
 */
export function validateAgainstSingleSchema(values: GoMap, schema: Uint8Array | string): string {
  return checkSingle(values, schema).text;
}

/** Compiled v6 schemas by text, or the error compiling gave. */
const v6Schemas = new Map<string, V6Schema | Error>();

function v6SchemaFor(text: string): V6Schema | Error {
  let v = v6Schemas.get(text);
  if (v === undefined) {
    try {
      v = new V6Schema(JSON.parse(text) as Json);
    } catch (e) {
      v = e instanceof SchemaCompileError || e instanceof SyntaxError ? e : new Error(`unable to validate schema: ${(e as Error).message}`);
    }
    if (v6Schemas.size >= MAX_VALIDATORS) v6Schemas.delete(v6Schemas.keys().next().value!);
    v6Schemas.set(text, v);
  }
  return v;
}

/** gojsonschema's name for a place in the values, which Helm 4's problems are given too: `(root)`, `a.b`. */
const fieldName = (tokens: string[]): string => (tokens.length === 0 ? '(root)' : tokens.join('.'));

function checkSingleV6(values: GoMap, schema: Uint8Array | string): SingleCheck {
  const compiled = typeof schema === 'string' ? v6SchemaFor(schema) : v6SchemaForBytes(schema);
  if (compiled instanceof Error) return unusable(compiled.message);
  try {
    const err = validateV6(compiled, valuesAsJson(values));
    if (!err) return VALID;
    return { text: `${formatV6(err)}\n`, problems: problemsV6(err).map((p) => ({ ...p, path: fieldName(p.path), keys: p.path })) };
  } catch (e) {
    return unusable((e as Error).message);
  }
}

/** Helm 4's ValidateAgainstSingleSchema: v6's error tree and a newline, or a bare compile error. */
export function validateAgainstSingleSchemaV6(values: GoMap, schema: Uint8Array | string): string {
  return checkSingleV6(values, schema).text;
}

/** Go's %T of a values entry that should have been a map. */
function goTypeName(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'int64';
}

/** The outcome of checking values against every schema of a chart tree. */
export interface SchemaCheck {
  /** Helm's text: every failing chart as `NAME:\n- ...\n`, parents first; '' when the values fit. */
  text: string;
  /** Each problem with the chart whose schema it breaks, in the text's order. */
  problems: SchemaProblem[];
}

/** ValidateAgainstSchema, with the problems as data as well as Helm's text. */
export function checkAgainstSchema(chart: Chart, values: GoMap, helm?: HelmVersion, valuesPrefix = ''): SchemaCheck {
  const h4 = isHelm4(helm);
  const out: SchemaCheck = { text: '', problems: [] };
  if (chart.schema) {
    const single = h4 ? checkSingleV6(values, chart.schema) : checkSingle(values, chart.schema);
    if (single.text) {
      out.text += `${chartName(chart)}:\n${single.text}`;
      for (const { keys, ...p } of single.problems) {
        out.problems.push({ chart: chartName(chart), ...p, valuesPath: pathOf(keys, valuesPrefix) });
      }
    }
  }
  const add = (sub: SchemaCheck) => {
    out.text += sub.text;
    out.problems.push(...sub.problems);
  };
  for (const sub of chart.dependencies) {
    const subValues = values.get(chartName(sub));
    if (!h4) {
      add(checkAgainstSchema(sub, subValues instanceof Map ? subValues : new Map(), helm, joinPath(valuesPrefix, chartName(sub))));
      continue;
    }
    // Helm 4 checks a subchart only when the parent's values have its section.
    if (subValues === undefined || subValues === null) continue;
    if (!(subValues instanceof Map)) {
      out.text += `${chartName(sub)}:\ninvalid type for values: expected object (map), got ${goTypeName(subValues)}\n`;
      continue;
    }
    add(checkAgainstSchema(sub, subValues, helm, joinPath(valuesPrefix, chartName(sub))));
  }
  return out;
}

/**
 * ValidateAgainstSchema: every failing chart as `NAME:\n- ...\n`, parents first, or '' when
 * the values fit every schema.
 */
export function validateAgainstSchema(chart: Chart, values: GoMap, helm?: HelmVersion): string {
  return checkAgainstSchema(chart, values, helm).text;
}
