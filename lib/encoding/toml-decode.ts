/**
 * toml.Unmarshal into map[string]interface{} (BurntSushi/toml): integers are int64, floats
 * float64, date-times time.Time. Parsing is smol-toml's; error texts are approximations of
 * BurntSushi's (`toml: line N: ...`).
 */
import { parse, TomlDate, TomlError as SmolTomlError } from 'smol-toml';
import { GoInt, GoTime, type GoMap, type GoValue } from '../go/value';

function toGo(v: unknown): GoValue {
  if (typeof v === 'bigint') return new GoInt(v, 'int64');
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof TomlDate || v instanceof Date) {
    const ms = v.getTime();
    return new GoTime(Number.isNaN(ms) ? 0 : ms);
  }
  if (Array.isArray(v)) return v.map(toGo);
  if (v && typeof v === 'object') {
    const m: GoMap = new Map();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, toGo(x));
    return m;
  }
  return null;
}

/** Parses TOML text to a Go map; throws an Error with a BurntSushi-style message. */
export function decodeToml(text: string): GoMap {
  try {
    return toGo(parse(text, { integersAsBigInt: true })) as GoMap;
  } catch (e) {
    if (e instanceof SmolTomlError) {
      const msg = e.message.split('\n')[0].replace(/^Invalid TOML document: /, '');
      throw new Error(`toml: line ${e.line}: ${msg}`);
    }
    throw e;
  }
}
