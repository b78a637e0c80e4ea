/**
 * Text written by earlier toYaml calls, reused by later ones. A chart that writes all its values
 * out (`toYaml .Values` into a secret, or hashed for a checksum annotation) does so at every
 * render, and an edit changes one leaf of them: the mappings around it that did not change are
 * written as they were.
 *
 * A block mapping that is the value of a mapping entry starts a new line (the emitter always
 * breaks after the key's `:`) indented from its parent's indentation, and what it writes from
 * there depends only on its contents and that indentation (folding at the best width counts
 * columns from that line's start). So its text, with the emitter's column and flags at its end,
 * is kept by node; a document's mapping equal to the one at the same place in the last document
 * with the same top-level keys is given that mapping's text.
 */
import { YamlMap, type YamlNative } from './decode';

/** What a mapping wrote, from its parent's indentation, and the emitter's state after it. */
export interface Written {
  indent: number;
  text: string;
  column: number;
  whitespace: boolean;
  indention: boolean;
}

/** The last document written with each list of top-level keys, most recent last. */
const documents = new Map<string, YamlMap>();
const MAX_DOCUMENTS = 32;

/** Documents of fewer nodes are written in full: keeping their text would cost more than it saves. */
export const MIN_REUSE_NODES = 200;

/** Deeper than this, mappings are compared no further (and written again): the walk recurses. */
const MAX_DEPTH = 200;

export function writtenText(m: YamlMap): Written | undefined {
  return m.written as Written | undefined;
}

export function keepWritten(m: YamlMap, w: Written): void {
  m.written = w;
}

/**
 * Makes `doc` (a new document, about to be written) the last one with its top-level keys, and
 * gives each of its mappings equal to the one at the same place in the previous such document
 * that mapping's text.
 */
export function takeEarlierText(doc: YamlMap): void {
  let sig = '';
  for (const id of doc.entries.keys()) sig += `${id}\0`;
  const before = documents.get(sig);
  documents.delete(sig);
  if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
  documents.set(sig, doc);
  if (before !== undefined) same(doc, before, 0);
}

/** Whether `a` equals `b` (an earlier node at the same place); equal mappings inside take their texts. */
function same(a: YamlNative, b: YamlNative, depth: number): boolean {
  if (a instanceof YamlMap) {
    if (!(b instanceof YamlMap) || depth > MAX_DEPTH) return false;
    const earlier = b.entries;
    let all = a.entries.size === earlier.size;
    for (const [id, entry] of a.entries) {
      const other = earlier.get(id);
      if (other === undefined || !Object.is(entry[0], other[0]) || !same(entry[1], other[1], depth + 1)) all = false;
    }
    if (all) a.written = b.written;
    return all;
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || depth > MAX_DEPTH) return false;
    let all = true;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i], depth + 1)) all = false;
    return all;
  }
  if (a === null || typeof a !== 'object') return Object.is(a, b);
  if (b === null || typeof b !== 'object' || b instanceof YamlMap || Array.isArray(b) || a.kind !== b.kind) return false;
  return !('v' in a) || ('v' in b && a.v === b.v);
}
