/** Turning rendered manifests into parsed documents, and locating paths as lines. */
import { isMap, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { splitPath } from './path';
import type { ManifestDoc } from './types';

/** What templateChart returns that validation needs (a structural subset of TemplateResult). */
export interface RenderedManifests {
  manifests: { name: string; content: string }[];
  hooks?: { path: string; manifest: string }[];
}

// Kubernetes reads manifests with YAML 1.1 rules (sigs.k8s.io/yaml over go-yaml).
const YAML_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false } as const;

/**
 * Parsed documents by manifest text. A values change usually re-renders most manifests to the
 * same text, so a live preview only parses what changed. Parsed objects are shared: read-only.
 */
const parsedCache = new Map<string, unknown[]>();
const PARSED_CACHE_SIZE = 1024;

function parseManifest(content: string): unknown[] {
  let docs = parsedCache.get(content);
  if (docs) {
    parsedCache.delete(content);
  } else {
    docs = parseAllDocuments(content, YAML_OPTIONS).map((d) => d.toJS({ maxAliasCount: 1000 }) as unknown);
    if (parsedCache.size >= PARSED_CACHE_SIZE) parsedCache.delete(parsedCache.keys().next().value!);
  }
  parsedCache.set(content, docs);
  return docs;
}

/** Forgets parsed manifests (benchmarks measure cold parsing with it). */
export function clearParsedManifests(): void {
  parsedCache.clear();
}

/** Parses every manifest and hook of a render; documents that are empty or not maps are dropped. */
export function manifestDocs(r: RenderedManifests): ManifestDoc[] {
  const out: ManifestDoc[] = [];
  const add = (template: string, content: string, hook: boolean) => {
    parseManifest(content).forEach((object, docIndex) => {
      if (object && typeof object === 'object' && !Array.isArray(object)) out.push({ template, object: object as Record<string, unknown>, content, docIndex, hook });
    });
  };
  for (const m of r.manifests) add(m.name, m.content, false);
  for (const h of r.hooks ?? []) add(h.path, h.manifest, true);
  return out;
}

/** Line (1-based) of `path` inside a manifest's YAML text (its `docIndex`th document), or of its deepest existing parent. */
export function lineOf(content: string, path: string, docIndex = 0): number | undefined {
  const { docs, lc } = astOf(content);
  const doc = docs[docIndex];
  if (!doc || !('contents' in doc)) return undefined;
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const key of splitPath(path)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(key));
      if (!pair) break;
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? undefined : lc.linePos(offset).line;
}

const astCache = new Map<string, { docs: ReturnType<typeof parseAllDocuments>; lc: LineCounter }>();

/** Syntax trees with line positions, for the few manifests that have findings. */
function astOf(content: string) {
  let a = astCache.get(content);
  if (!a) {
    const lc = new LineCounter();
    a = { docs: parseAllDocuments(content, { ...YAML_OPTIONS, lineCounter: lc }), lc };
    if (astCache.size >= 128) astCache.delete(astCache.keys().next().value!);
    astCache.set(content, a);
  }
  return a;
}
