/**
 * values.Options.MergeValues of Helm 3.17: the user's values from `-f` files (deep-merged in
 * order), then `--set-json`, `--set`, `--set-string`, `--set-file` and `--set-literal`, each
 * flag in the order given. Pure: file contents are passed in.
 */
import type { GoMap } from '../../go';
import { CodedError, whereOf } from '../../errors';
import { loadValuesDocuments, unmarshalMap } from '../chart/yaml-doc';
import { isHelm4, type HelmVersion } from '../version';
import { parseSet, parseSetFile, parseSetJson, parseSetLiteral, parseSetString } from '../strvals';

/** A `-f` values file: its name (for messages) and contents. */
export interface ValuesFile {
  name: string;
  data: Uint8Array | string;
}

export interface ValueOptions {
  /** `-f/--values`, in order. */
  valueFiles?: ValuesFile[];
  /** Helm 4 reads each values file as a stream of YAML documents and lets a `--set` name end inside `[`; default 4.1. */
  helmVersion?: HelmVersion;
  /** `--set-json`. */
  jsonValues?: string[];
  /** `--set`. */
  values?: string[];
  /** `--set-string`. */
  stringValues?: string[];
  /** `--set-file` (`key=path`). */
  fileValues?: string[];
  /** `--set-literal`. */
  literalValues?: string[];
  /**
   * Contents of a `--set-file` path; throw an Error with Go's text when it can't be read
   * (`open x: no such file or directory`).
   */
  readFile?: (path: string) => string;
}

/** mergeMaps: b over a, maps merged recursively, anything else replaced. */
export function mergeMaps(a: GoMap, b: GoMap): GoMap {
  const out: GoMap = new Map(a);
  for (const [k, v] of b) {
    const existing = out.get(k);
    if (v instanceof Map && existing instanceof Map) out.set(k, mergeMaps(existing, v));
    else out.set(k, v);
  }
  return out;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The user-supplied values map `helm template` passes on with the chart.
 * @throws CodedError `values-yaml` with Helm's text (`failed to parse x.yaml: ...`, `failed parsing --set data: ...`)
 */
export function mergeUserValues(opts: ValueOptions): GoMap {
  let base: GoMap = new Map();
  for (const f of opts.valueFiles ?? []) {
    let current: GoMap;
    try {
      current = isHelm4(opts.helmVersion) ? loadValuesDocuments(f.data, mergeMaps) : unmarshalMap(f.data);
    } catch (e) {
      throw new CodedError('values-yaml', `failed to parse ${f.name}: ${message(e)}`, whereOf(e, { file: f.name }), { cause: e });
    }
    base = mergeMaps(base, current);
  }
  for (const value of opts.jsonValues ?? []) {
    try {
      parseSetJson(value, base, opts.helmVersion);
    } catch (e) {
      throw new CodedError('values-yaml', `failed parsing --set-json data ${value}`, {}, { cause: e });
    }
  }
  const each = (list: string[] | undefined, flag: string, parse: (line: string) => void): void => {
    for (const value of list ?? []) {
      try {
        parse(value);
      } catch (e) {
        throw new CodedError('values-yaml', `failed parsing ${flag} data: ${message(e)}`, {}, { cause: e });
      }
    }
  };
  each(opts.values, '--set', (v) => parseSet(v, base, opts.helmVersion));
  each(opts.stringValues, '--set-string', (v) => parseSetString(v, base, opts.helmVersion));
  const readFile = opts.readFile ?? ((p: string): string => {
    throw new Error(`open ${p}: no such file or directory`);
  });
  each(opts.fileValues, '--set-file', (v) => parseSetFile(v, readFile, base, opts.helmVersion));
  each(opts.literalValues, '--set-literal', (v) => parseSetLiteral(v, base, opts.helmVersion));
  return base;
}

