/**
 * The encoding functions Helm adds to Sprig's map (pkg/engine/funcs.go). These are merged
 * over Sprig's, so Helm's `toJson`/`fromJson` win over Sprig's versions of the same names.
 * None of them fail a render on Go's errors: those become "" (toYaml, toJson), the error text (toToml), an
 * `Error` key (fromYaml, fromJson, fromToml) or a one-element list (fromYamlArray, fromJsonArray).
 */
import { deepCopy, defineFunc, type FuncMap, GoError, markNil, type GoMap, type GoValue } from '../../go';
import { isInternalFailure } from '../../gotemplate';
import { decodeJson, marshalJson, encodeToml, decodeToml, TomlBug, type TomlRelease } from '../../encoding';
import { isHelm4, type HelmVersion } from '../version';
import { goToYaml, unmarshalYaml, goToYamlPretty } from '../../yaml';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Helm's toYaml: sigs.k8s.io/yaml.Marshal without its final newline; "" on error. */
export function helmToYaml(v: GoValue): string {
  try {
    return goToYaml(v).replace(/\n$/, '');
  } catch (e) {
    if (isInternalFailure(e)) throw e;
    return '';
  }
}

/** Helm's toYamlPretty: go-yaml v3's encoder with 2-space indentation; "" on error. */
export function helmToYamlPretty(v: GoValue): string {
  try {
    return goToYamlPretty(v).replace(/\n$/, '');
  } catch (e) {
    if (isInternalFailure(e)) throw e;
    return '';
  }
}

/** Helm's fromYaml: the decoded map, or a map holding only `Error`. */
export function helmFromYaml(s: string): GoMap {
  try {
    const v = unmarshalYaml(s, 'map');
    return v instanceof Map ? v : new Map();
  } catch (e) {
    if (isInternalFailure(e)) throw e;
    return new Map([['Error', errorText(e)]]);
  }
}

/** Helm's fromYamlArray: the decoded list, or a list holding only the error text. */
export function helmFromYamlArray(s: string): GoValue[] {
  try {
    const v = unmarshalYaml(s, 'slice');
    return Array.isArray(v) ? v : [];
  } catch (e) {
    if (isInternalFailure(e)) throw e;
    return [errorText(e)];
  }
}

/** Helm's toJson: json.Marshal; "" on error. */
export function helmToJson(v: GoValue): string {
  try {
    return marshalJson(v);
  } catch (e) {
    if (isInternalFailure(e)) throw e;
    return '';
  }
}

/** Helm's fromJson: the decoded map (nil for `null`), plus an `Error` key if decoding failed. */
export function helmFromJson(s: string): GoMap {
  const r = decodeJson(s, 'map');
  const m: GoMap = r.value instanceof Map ? r.value : r.value === null && r.error === undefined ? markNil(new Map()) : new Map();
  if (r.error !== undefined) m.set('Error', r.error);
  return m;
}

/** Helm's fromJsonArray: the decoded list (nil for `null`), or a list holding only the error text. */
export function helmFromJsonArray(s: string): GoValue[] {
  const r = decodeJson(s, 'slice');
  if (r.error !== undefined) return [r.error];
  return Array.isArray(r.value) ? r.value : markNil([]);
}

/** The BurntSushi/toml release each helm vendors: its TOML dialect, float format and error texts differ. */
const tomlRelease = (v: HelmVersion | undefined): TomlRelease => (isHelm4(v) ? 'v1.6.0' : 'v1.4.0');

/** Helm's toToml: BurntSushi/toml's encoding, or the error text in its place. */
export function helmToToml(v: GoValue, helmVersion?: HelmVersion): string {
  // The encoder asks reflect for the type of a nil interface: a panic, so the call fails.
  if (v === null || v === undefined) throw new GoError('reflect: call of reflect.Value.Type on zero Value');
  try {
    return encodeToml(v, tomlRelease(helmVersion));
  } catch (e) {
    if (isInternalFailure(e)) throw e;
    return errorText(e);
  }
}

/** Helm's fromToml: the decoded map, or a map holding only `Error`; a library panic fails the call. */
export function helmFromToml(s: string, helmVersion?: HelmVersion): GoMap {
  try {
    return decodeToml(s, tomlRelease(helmVersion));
  } catch (e) {
    if (isInternalFailure(e)) throw e;
    if (e instanceof TomlBug) throw new GoError(e.message);
    return new Map([['Error', errorText(e)]]);
  }
}

/**
 * Decoded texts by function and text. Charts decode the same text at every render (a values
 * string, a helper's YAML made from unchanged values), and decoding is pure: the same text gives
 * the same value. Templates may change what they get (`merge`, `set`), so each call gets its own
 * copy, which costs far less than parsing again.
 */
class DecodedTexts {
  private readonly byText = new Map<string, GoValue>();
  private chars = 0;
  constructor(private readonly decode: (s: string) => GoValue) {}

  get(s: string): GoValue {
    let v = this.byText.get(s);
    if (v === undefined) {
      // A failure to finish (the render's deadline, a nesting limit) is thrown, never kept.
      v = this.decode(s);
      if (this.byText.size >= MAX_DECODED_TEXTS || this.chars + s.length > MAX_DECODED_CHARS) {
        this.byText.clear();
        this.chars = 0;
      }
      this.byText.set(s, v);
      this.chars += s.length;
    }
    return deepCopy(v);
  }
}
const MAX_DECODED_TEXTS = 512;
const MAX_DECODED_CHARS = 4_000_000;
const decodedYamlMaps = new DecodedTexts(helmFromYaml);
const decodedYamlLists = new DecodedTexts(helmFromYamlArray);
const decodedJsonMaps = new DecodedTexts(helmFromJson);
const decodedJsonLists = new DecodedTexts(helmFromJsonArray);

/** Helm's encoding functions (merged over Sprig's map) for a Helm release. */
export const helmEncodingFuncs = (helmVersion?: HelmVersion): FuncMap => ({
  toYaml: defineFunc('toYaml', ['interface {}'], helmToYaml),
  toYamlPretty: defineFunc('toYamlPretty', ['interface {}'], helmToYamlPretty),
  fromYaml: defineFunc('fromYaml', ['string'], (s: string) => decodedYamlMaps.get(s)),
  fromYamlArray: defineFunc('fromYamlArray', ['string'], (s: string) => decodedYamlLists.get(s)),
  toJson: defineFunc('toJson', ['interface {}'], helmToJson),
  fromJson: defineFunc('fromJson', ['string'], (s: string) => decodedJsonMaps.get(s)),
  fromJsonArray: defineFunc('fromJsonArray', ['string'], (s: string) => decodedJsonLists.get(s)),
  toToml: defineFunc('toToml', ['interface {}'], (v: GoValue) => helmToToml(v, helmVersion)),
  fromToml: defineFunc('fromToml', ['string'], (s: string) => helmFromToml(s, helmVersion)),
});
