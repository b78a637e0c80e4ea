/**
 * Sprig's JSON functions. Helm's own `toJson` and `fromJson` (lib/helm/engine/funcs-encoding.ts)
 * are merged over Sprig's map and win in charts; Sprig's versions stay here for completeness.
 */
import { defineFunc, type FuncMap, GoError, type GoValue } from '../go';
import { JsonError, marshalJson, unmarshalJson } from '../encoding';

function tryMarshal(v: GoValue, indent: boolean, escapeHtml = true): { ok: true; s: string } | { ok: false; err: string } {
  try {
    return { ok: true, s: marshalJson(v, { escapeHtml, indent: indent ? { prefix: '', indent: '  ' } : undefined }) };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, err: e.message };
    throw e;
  }
}

function must(r: ReturnType<typeof tryMarshal>): string {
  if (!r.ok) throw new GoError(r.err);
  return r.s;
}

/** Sprig's toJson, mustToJson, toPrettyJson, mustToPrettyJson, toRawJson, mustToRawJson, fromJson, mustFromJson. */
export const sprigJsonFuncs: FuncMap = {
  // json.Marshal's error is dropped: the output is then empty.
  toJson: defineFunc('toJson', ['interface {}'], (v: GoValue) => {
    const r = tryMarshal(v, false);
    return r.ok ? r.s : '';
  }),
  mustToJson: defineFunc('mustToJson', ['interface {}'], (v: GoValue) => must(tryMarshal(v, false)), { returnsError: true }),
  toPrettyJson: defineFunc('toPrettyJson', ['interface {}'], (v: GoValue) => {
    const r = tryMarshal(v, true);
    return r.ok ? r.s : '';
  }),
  mustToPrettyJson: defineFunc('mustToPrettyJson', ['interface {}'], (v: GoValue) => must(tryMarshal(v, true)), {
    returnsError: true,
  }),
  // toRawJson panics on error (text/template reports it like an error result).
  toRawJson: defineFunc('toRawJson', ['interface {}'], (v: GoValue) => must(tryMarshal(v, false, false))),
  mustToRawJson: defineFunc('mustToRawJson', ['interface {}'], (v: GoValue) => must(tryMarshal(v, false, false)), {
    returnsError: true,
  }),
  fromJson: defineFunc('fromJson', ['string'], (s: string) => {
    try {
      return unmarshalJson(s);
    } catch {
      return null;
    }
  }),
  mustFromJson: defineFunc(
    'mustFromJson',
    ['string'],
    (s: string) => {
      try {
        return unmarshalJson(s);
      } catch (e) {
        throw new GoError((e as Error).message);
      }
    },
    { returnsError: true },
  ),
};
