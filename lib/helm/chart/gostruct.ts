/**
 * Go struct values for Helm's Go types, with what `encoding/json` would emit for them.
 *
 * Sprig's `toJson`/`toYaml` marshal structs through their json tags (`omitempty`, renamed
 * keys, embedded fields promoted). The template value model has no notion of tags, so types
 * built here carry a {@link JsonTypeInfo.jsonFields} hook: the JSON members in
 * encoding/json's order (declaration order; a YAML marshaller sorts them itself).
 */
import { GoStruct, isGoNil, type GoTypeInfo, type GoValue } from '../../go';

/** GoTypeInfo of a struct type that knows its JSON encoding. */
export interface JsonTypeInfo extends GoTypeInfo {
  /** The members `json.Marshal` writes for the struct, in order. */
  readonly jsonFields?: (self: GoStruct) => Array<readonly [string, GoValue]>;
}

/** The JSON members of a struct built here, or undefined for other structs. */
export function structJsonFields(s: GoStruct): Array<readonly [string, GoValue]> | undefined {
  return (s.type as JsonTypeInfo).jsonFields?.(s);
}

/** One Go struct field: Go name, value, and its json tag (`name,omitempty`, or `-`). */
export type FieldSpec = readonly [goName: string, value: GoValue, jsonTag?: string];

/** encoding/json's notion of an empty value for `omitempty`. */
function isEmptyForJson(v: GoValue): boolean {
  if (v === null || v === undefined || v === false || v === '' || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (v instanceof Map) return v.size === 0;
  if (v instanceof Uint8Array) return v.length === 0;
  if (typeof v === 'object' && 'v' in v && typeof (v as { v: unknown }).v === 'bigint') return (v as { v: bigint }).v === 0n;
  return false;
}

/** JSON members for fields with tags, applying `omitempty` and `-`. */
export function jsonMembers(specs: readonly FieldSpec[]): Array<readonly [string, GoValue]> {
  const out: Array<readonly [string, GoValue]> = [];
  for (const [goName, value, tag] of specs) {
    const [name, ...opts] = (tag ?? '').split(',');
    if (name === '-') continue;
    if (opts.includes('omitempty') && isEmptyForJson(value)) continue;
    out.push([name || goName, value]);
  }
  return out;
}

/** Builds a GoStruct whose JSON form follows the fields' json tags. */
export function makeStruct(
  type: Omit<JsonTypeInfo, 'jsonFields'>,
  specs: readonly FieldSpec[],
  pointer: boolean,
  addressable = false,
): GoStruct {
  const info: JsonTypeInfo = { ...type, jsonFields: () => jsonMembers(specs) };
  return new GoStruct(
    info,
    specs.map(([n, v]) => [n, v] as const),
    pointer,
    addressable,
  );
}
