/**
 * Where a validator is in the schema, kept as a chain (one small object per step down) and
 * written out as a JSON pointer fragment only when a keyword fails.
 */
export interface SchemaLocation {
  readonly up: SchemaLocation | null;
  /** A key or index below `up`; at the top of a chain, a fragment as written (`#`, or a `$ref`'s `#/definitions/a`). */
  readonly key: string;
}

export const SCHEMA_ROOT: SchemaLocation = { up: null, key: '#' };

/** The schema a `$ref` points at, as a location of its own. */
export function refLocation(ref: string): SchemaLocation {
  const hash = ref.indexOf('#');
  return { up: null, key: hash < 0 ? '#' : ref.slice(hash) };
}

/** The subschema under `keyword` (and `name` or index within it). */
export function below(up: SchemaLocation, keyword: string, name?: string): SchemaLocation {
  const loc: SchemaLocation = { up, key: keyword };
  return name === undefined ? loc : { up: loc, key: name };
}

/**
 * `#/properties/a~1b/maximum`: the location, and `keyword` of the schema there when given. A URI
 * fragment like a `$ref`'s, so a `%` in a key is written `%25`.
 */
export function pointerOf(loc: SchemaLocation, keyword?: string): string {
  const keys: string[] = keyword === undefined ? [] : [keyword];
  let p = loc;
  for (; p.up; p = p.up) keys.push(p.key);
  return p.key + keys.reverse().map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1').replace(/%/g, '%25')}`).join('');
}
