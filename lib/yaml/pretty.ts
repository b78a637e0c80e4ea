/**
 * Helm's toYamlPretty: go-yaml v3's Encoder with SetIndent(2) applied straight to the Go value
 * (no JSON round trip, so float64 1000000 prints as 1e+06), sequences indented under their key
 * and long scalars never folded.
 */
import { GoInt, GoStruct, GoTime, isGoFunc, type GoValue } from '../go';
import { base64Std, rfc3339Nano } from '../encoding';
import { YamlMap, type YamlNative } from './decode';
import { emitYaml } from './emit';
import { YamlError } from './errors';

function toNative(v: GoValue): YamlNative {
  if (v === undefined || v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v ?? null;
  if (v instanceof GoInt) return { kind: v.signed ? 'int' : 'uint64', v: v.v };
  if (v instanceof Uint8Array) return base64Std(v);
  if (v instanceof GoTime) return rfc3339Nano(v);
  if (v instanceof Map) {
    const m = new YamlMap();
    for (const [k, x] of v) m.set(k, toNative(x));
    return m;
  }
  if (Array.isArray(v)) return v.map(toNative);
  if (v instanceof GoStruct) {
    const m = new YamlMap();
    for (const [k, x] of v.promotedFields()) m.set(k.toLowerCase(), toNative(x));
    return m;
  }
  if (isGoFunc(v)) throw new YamlError('cannot marshal type: func', 'type');
  return null;
}

/** go-yaml v3 `Encoder.SetIndent(2)` + `Encode(v)`: the document text, ending in a newline. */
export function goToYamlPretty(v: GoValue): string {
  return emitYaml(toNative(v), { bestWidth: Infinity, v3: true });
}
