/** encoding/json output for the Go values Helm's structs hold, for comparing with helm's toJson. */
import { GoInt, GoStruct, sortedKeys, type GoValue } from '../../lib/go/value';
import { isGoNil } from '../../lib/go/value';
import { structJsonFields } from '../../lib/helm/chart/gostruct';

/** json.Marshal of strings, bools, numbers, lists, maps and structs built with makeStruct. */
export function goJson(v: GoValue): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' || v instanceof GoInt) return String(v);
  if (isGoNil(v)) return 'null';
  if (Array.isArray(v)) return `[${v.map(goJson).join(',')}]`;
  if (v instanceof Map) return `{${sortedKeys(v).map((k) => `${goJson(k)}:${goJson(v.get(k))}`).join(',')}}`;
  if (v instanceof GoStruct) return `{${structJsonFields(v)!.map(([k, x]) => `${goJson(k)}:${goJson(x)}`).join(',')}}`;
  return '?';
}
