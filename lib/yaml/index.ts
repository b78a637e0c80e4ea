/**
 * YAML as Helm 3.17.3 reads and writes it: sigs.k8s.io/yaml v1.4.0 over its go-yaml v2 fork.
 * Unmarshal = YAML → JSON → interface{} (every number a float64); Marshal = JSON → YAML.
 */
import type { GoValue } from '../go';
import { decodeYaml } from './decode';
import { YamlError } from './errors';
import { marshalYaml } from './marshal';
import { yamlNativeToGo, yamlNativeToGoTargeted, type StringTarget, type UnmarshalTarget } from './tojson';

export { YamlError } from './errors';
export { composeFirstDocument as composeYaml, NODE as YAML_NODE, type YamlNode } from './composer';
export type { StringTarget, UnmarshalTarget } from './tojson';

/**
 * `yaml.Unmarshal(data, &v)` of sigs.k8s.io/yaml with `v` of the given Go type (default
 * interface{}). Throws {@link YamlError} whose message is Go's `err.Error()`.
 */
export function unmarshalYaml(text: string, target: UnmarshalTarget = 'interface'): GoValue {
  return yamlNativeToGo(decodeForJson(text), target);
}

/**
 * `yaml.Unmarshal(data, &v)` for a struct `v` with string fields: numbers and booleans bound for a
 * string arrive as their text, the way sigs.k8s.io/yaml converts them before encoding/json runs.
 * Returns the JSON-shaped value; checking it against the rest of the struct is the caller's part.
 */
export function unmarshalYamlToStrings(text: string, target: StringTarget): GoValue {
  return yamlNativeToGoTargeted(decodeForJson(text), target);
}

function decodeForJson(text: string) {
  try {
    return decodeYaml(text);
  } catch (e) {
    if (e instanceof YamlError) e.message = `error converting YAML to JSON: ${e.message}`;
    throw e;
  }
}

/** `sigs.k8s.io/yaml.Unmarshal(data, &interface{})`: maps → GoMap, numbers → float64. */
export function yamlToGo(text: string): GoValue {
  return unmarshalYaml(text, 'interface');
}

/** `sigs.k8s.io/yaml.Marshal(v)`: the YAML text, ending in a newline. */
export function goToYaml(v: GoValue): string {
  return marshalYaml(v);
}
export { goToYamlPretty } from './pretty';
