/**
 * chartutil.Values: reading values files, looking up tables and paths, and building the
 * top-level object templates render against (ToRenderValues).
 */
import { GoInt, withType, type GoMap, type GoValue, defineFunc, deepCopy } from '../../go';
import { goToYaml } from '../../yaml';
import type { Chart } from '../chart/chart';
import { metadataAsMap, metadataToGo } from '../chart/metadata-go';
import { unmarshalMap } from '../chart/yaml-doc';
import { defaultCapabilities, type Capabilities, capabilitiesToGo } from './capabilities';
import { coalesceValues, type Warn } from './coalesce';

export { deepCopy };
import { checkAgainstSchema } from './schema';
import { CodedError } from '../../errors';
import { isHelm4, valuesPackage, type HelmVersion } from '../version';

/** The values key shared with every subchart. */
export const GLOBAL_KEY = 'global';

/** chartutil.ErrNoTable. */
export class ErrNoTable extends Error {
  constructor(readonly key: string) {
    super(`${JSON.stringify(key)} is not a table`);
  }
}

/** chartutil.ErrNoValue. */
export class ErrNoValue extends Error {
  constructor(readonly key: string) {
    super(`${JSON.stringify(key)} is not a value`);
  }
}

/** istable: whether a value is a YAML table (map). */
export function isTable(v: GoValue): v is GoMap {
  return v instanceof Map;
}

/** Values.Table: the table at a dotted path. @throws ErrNoTable */
export function table(v: GoMap, name: string): GoMap {
  const t = tableOrMissingKey(v, name);
  if (typeof t === 'string') throw new ErrNoTable(t);
  return t;
}

/** Values.Table without the throw, for lookups that are usually absent (every render asks for `tags`). */
export function tableOrMissingKey(v: GoMap, name: string): GoMap | string {
  let t = v;
  for (const n of name.split('.')) {
    const next = t.get(n);
    if (!(next instanceof Map)) return n;
    t = next;
  }
  return t;
}

/** Values.PathValue: the non-table value at a dotted path. @throws ErrNoValue, Error */
export function pathValue(v: GoMap, path: string): GoValue {
  if (path === '') throw new Error('YAML path cannot be empty');
  const parts = path.split('.');
  const key = parts[parts.length - 1];
  let t: GoMap;
  if (parts.length === 1) {
    t = v;
  } else {
    try {
      t = table(v, parts.slice(0, -1).join('.'));
    } catch {
      throw new ErrNoValue(key);
    }
  }
  if (t.has(key) && !isTable(t.get(key))) return t.get(key) ?? null;
  throw new ErrNoValue(key);
}

/**
 * chartutil.ReadValues: a YAML document as values; an empty document gives `{}`.
 * @throws lib/yaml's YamlError or an UnmarshalError (`... cannot unmarshal array into Go value
 * of type chartutil.Values`)
 */
export function readValues(data: Uint8Array | string): GoMap {
  return unmarshalMap(data, 'chartutil.Values');
}

/** Tags a map as `chartutil.Values`, with the methods templates can call on it. */
export function asValuesType(m: GoMap, helm?: HelmVersion): GoMap {
  return withType(m, {
    name: `${valuesPackage(helm)}.Values`,
    methods: {
      YAML: defineFunc('YAML', [], () => goToYaml(m), { returnsError: true }),
      Table: defineFunc('Table', ['string'], (name: string) => asValuesType(table(m, name), helm), { returnsError: true }),
      AsMap: defineFunc('AsMap', [], () => m),
      PathValue: defineFunc('PathValue', ['string'], (p: string) => pathValue(m, p), { returnsError: true }),
    },
  });
}

/** chartutil.ReleaseOptions. */
export interface ReleaseOptions {
  name: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  isInstall: boolean;
}

export interface RenderValuesOptions {
  /** Skip values.schema.json checks (`--skip-schema-validation`). */
  skipSchemaValidation?: boolean;
  /** Receives coalescing warnings (Helm logs them to stderr). */
  warn?: Warn;
}

/**
 * chartutil.ToRenderValuesWithSchemaValidation: the top-level template object
 * `{Chart, Capabilities, Release, Values}` (a `chartutil.Values`).
 *
 * Values are the chart defaults coalesced with `chrtVals`, then checked against every
 * values.schema.json in the chart tree. The engine completes the object per chart and template:
 * it replaces `Chart` with {@link chartValueForTemplate}, scopes `Values` to the subchart, and
 * adds `Files`, `Subcharts` and `Template` (`{Name, BasePath}`).
 * @throws CodedError `values-schema`: `values don't meet the specifications of the schema(s) in the following chart(s):\n...`
 */
export function toRenderValues(
  chart: Chart,
  chrtVals: GoMap,
  options: ReleaseOptions,
  caps: Capabilities = defaultCapabilities(),
  opts: RenderValuesOptions = {},
): GoMap {
  const release = new Map<string, GoValue>([
    ['Name', options.name],
    ['Namespace', options.namespace],
    ['IsUpgrade', options.isUpgrade],
    ['IsInstall', options.isInstall],
    ['Revision', new GoInt(options.revision, 'int')],
    ['Service', 'Helm'],
  ]);
  const top: GoMap = asValuesType(
    new Map<string, GoValue>([
      ['Chart', isHelm4(caps.helm) ? metadataAsMap(chart.metadata) : metadataToGo(chart.metadata)],
      ['Capabilities', capabilitiesToGo(caps)],
      ['Release', release],
    ]),
    caps.helm,
  );
  const vals = coalesceValues(chart, chrtVals, opts.warn, caps.helm);
  if (!opts.skipSchemaValidation) {
    const check = checkAgainstSchema(chart, vals, caps.helm);
    if (check.text) {
      const first = check.problems[0];
      throw new CodedError('values-schema', `values don't meet the specifications of the schema(s) in the following chart(s):\n${check.text}`, first ? { chart: first.chart, ...(first.valuesPath ? { valuesPath: first.valuesPath } : {}) } : {}, {
        schemaProblems: check.problems,
      });
    }
  }
  top.set('Values', asValuesType(vals, caps.helm));
  return top;
}
