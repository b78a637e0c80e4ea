/** Turning rendered manifests into parsed documents, and locating paths as lines. */
import { isMap, isSeq, LineCounter, parseAllDocuments, parseDocument, type Node } from 'yaml';
import { splitPath } from './path';
import type { ManifestDoc } from './types';

/** What templateChart returns that validation needs (a structural subset of TemplateResult). */
export interface RenderedManifests {
  manifests: { name: string; content: string }[];
  hooks?: { path: string; manifest: string }[];
}

// Kubernetes reads manifests with YAML 1.1 rules (sigs.k8s.io/yaml over go-yaml).
const YAML_OPTIONS = { version: '1.1', merge: true, uniqueKeys: false } as const;

/** Parses every manifest and hook of a render; documents that are empty or not maps are dropped. */
export function manifestDocs(r: RenderedManifests): ManifestDoc[] {
  const out: ManifestDoc[] = [];
  const add = (template: string, content: string, hook: boolean) => {
    parseAllDocuments(content, YAML_OPTIONS).forEach((d, docIndex) => {
      const object = d.toJS({ maxAliasCount: 1000 }) as unknown;
      if (object && typeof object === 'object' && !Array.isArray(object)) out.push({ template, object: object as Record<string, unknown>, content, docIndex, hook });
    });
  };
  for (const m of r.manifests) add(m.name, m.content, false);
  for (const h of r.hooks ?? []) add(h.path, h.manifest, true);
  return out;
}

/** Line (1-based) of `path` inside a manifest's YAML text (its `docIndex`th document), or of its deepest existing parent. */
export function lineOf(content: string, path: string, docIndex = 0): number | undefined {
  const lc = new LineCounter();
  const doc = docIndex === 0 ? parseDocument(content, { ...YAML_OPTIONS, lineCounter: lc }) : parseAllDocuments(content, { ...YAML_OPTIONS, lineCounter: lc })[docIndex];
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
