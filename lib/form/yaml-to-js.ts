/**
 * A YAML document as plain JS, with aliases expanded under a cap. A "billion laughs" text (a
 * few lines whose aliases expand to millions of nodes) or an alias to an anchor that doesn't
 * exist is a problem in the user's text, reported like a syntax error, never an exception that
 * loses what they typed.
 */
import { visit, type Document } from 'yaml';

/** The `yaml` package's alias budget, scaled so ordinary anchors in values files pass. */
export const MAX_ALIAS_COUNT = 1000;

export type ToJsResult = { ok: true; value: unknown } | { ok: false; message: string; range: [number, number] };

/** The first alias (named `source`, if given). */
function aliasRange(doc: Document, source?: string): [number, number] {
  let range: [number, number] = [0, 1];
  visit(doc, {
    Alias: (_, node) => {
      if (source !== undefined && node.source !== source) return undefined;
      if (node.range) range = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return range;
}

/** The document's value, or the alias problem that stopped it (in go-yaml's words, as helm reads values). */
export function documentToJS(doc: Document): ToJsResult {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (e) {
    // The yaml package throws ReferenceErrors for aliases; anything else is a bug and surfaces as one.
    if (!(e instanceof ReferenceError)) throw e;
    if (/^Excessive alias count/.test(e.message)) return { ok: false, message: 'document contains excessive aliasing', range: aliasRange(doc) };
    const unresolved = /^Unresolved alias.*: (.*)$/.exec(e.message);
    if (unresolved) return { ok: false, message: `unknown anchor '${unresolved[1]}' referenced`, range: aliasRange(doc, unresolved[1]) };
    throw e;
  }
}
