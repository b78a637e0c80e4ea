/**
 * `sigs.k8s.io/yaml.Unmarshal` into the Go targets Helm uses for chart files and values:
 * parsing is lib/yaml's; the type check against `map[string]interface{}` is encoding/json's.
 */
import { GoInt, type GoMap, type GoValue } from '../../gotemplate/value';
import { yamlToGo } from '../../yaml';

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
