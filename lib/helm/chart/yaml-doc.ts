/**
 * `sigs.k8s.io/yaml.Unmarshal` into the Go targets Helm uses for chart files and values:
 * parsing is lib/yaml's; the type check against `map[string]interface{}` is encoding/json's.
 */
import { GoInt, type GoMap, type GoValue } from '../../go';
import { yamlToGo } from '../../yaml';
import { CodedError, whereOf } from '../../errors';

const utf8 = new TextDecoder('utf-8');

/** Bytes or text as a string (UTF-8). */
export function asText(data: Uint8Array | string): string {
  return typeof data === 'string' ? data : utf8.decode(data);
}

/** Parses YAML into Go values (numbers as float64). Throws lib/yaml's YamlError. */
export function parseYaml(data: Uint8Array | string): GoValue {
  return yamlToGo(asText(data));
}

/** encoding/json's word for a decoded value's JSON kind. */
export function jsonKindOf(v: GoValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || v instanceof GoInt) return 'number';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Map) return 'object';
  return 'null';
}

/** An error from decoding YAML into a Go map, worded as sigs.k8s.io/yaml words it. */
export class UnmarshalError extends Error {}

/**
 * yaml.Unmarshal(data, &map[string]interface{}): a document that is not a map fails with
 * `error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of
 * type map[string]interface {}`; an empty or null document gives an empty map.
 */
export function unmarshalMap(data: Uint8Array | string, goType = 'map[string]interface {}'): GoMap {
  const v = parseYaml(data);
  if (v === null || v === undefined) return new Map();
  if (!(v instanceof Map)) {
    throw new UnmarshalError(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${jsonKindOf(v)} into Go value of type ${goType}`);
  }
  return v;
}

/**
 * Helm 4's loader.LoadValues: the data split into YAML documents as Kubernetes' YAMLReader
 * splits them (a line starting with `---`, only a comment allowed after it), each read as a map,
 * the maps merged in order.
 * @throws CodedError `values-yaml`: `error reading yaml document: ...` or `cannot unmarshal yaml document: ...`
 */
export function loadValuesDocuments(data: Uint8Array | string, merge: (a: GoMap, b: GoMap) => GoMap): GoMap {
  const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
  let values: GoMap = new Map();
  let doc = '';
  // Lines before the current document, so a problem's line counts in the whole text.
  let lineNo = 0;
  let docStart = 0;
  const flush = () => {
    if (doc === '') return;
    let current: GoMap;
    try {
      current = unmarshalMap(doc);
    } catch (e) {
      const inDoc = whereOf(e);
      const where = inDoc.line === undefined ? {} : { line: inDoc.line + docStart, column: inDoc.column };
      throw new CodedError('values-yaml', `cannot unmarshal yaml document: ${(e as Error).message}`, whereOf(undefined, where), { cause: e });
    }
    values = merge(values, current);
    doc = '';
  };
  // Without a separator line the whole text is the one document: no need to split it into lines.
  if (!text.startsWith('---') && !text.includes('\n---')) {
    doc = text;
    flush();
    return values;
  }
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    lineNo++;
    if (line.startsWith('---')) {
      const rest = line.slice(3).trim();
      if (rest.length > 0 && rest[0] !== '#') throw new CodedError('values-yaml', `error reading yaml document: invalid Yaml document separator: ${rest}`, { line: lineNo });
      flush();
      docStart = lineNo;
      continue;
    }
    doc += line;
  }
  flush();
  return values;
}
