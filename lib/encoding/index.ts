/**
 * Go-compatible encodings beyond YAML: encoding/json and BurntSushi/toml.
 * Other layers import it from here.
 */
export { base64Std, jsonStructFields, rfc3339Nano, JsonError, marshalJson, unmarshalJson, decodeJson, quoteJsonString } from './json';
export { formatJsonFloat } from './json-float';
export { encodeToml } from './toml';
export { decodeToml, TomlBug, type TomlRelease } from './toml-decode';
