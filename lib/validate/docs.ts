/**
 * Turning rendered manifests into parsed documents, and locating paths as lines. Manifests are
 * read as Kubernetes and Helm read them, with lib/yaml (sigs.k8s.io/yaml over go-yaml v2): the
 * one YAML reader of rendered output, so a finding sees the object helm's head reader and the
 * API server see.
 */
import { toPlain } from '../go';
import { composeYaml, YAML_NODE, yamlToGo, type YamlNode } from '../yaml';
import { splitPath } from './path';
import type { ManifestDoc } from './types';

/** What templateChart returns that validation needs (a structural subset of TemplateResult). */
export interface RenderedManifests {
  manifests: { name: string; content: string }[];
  hooks?: { path: string; manifest: string }[];
}

/** One YAML document of a manifest's text and the 0-based line it starts on. */
interface DocumentText {
  text: string;
  line: number;
}

/**
 * The documents of a text, split at lines starting with `---` as Kubernetes' YAML reader splits a
 * stream. Helm has already split a render into one document per manifest; files written by
 * hand or by the GitOps export may hold several.
 */
function documentsOf(content: string): DocumentText[] {
  if (!/^---/m.test(content)) return [{ text: content, line: 0 }];
  const out: DocumentText[] = [];
  const lines = content.split('\n');
  let start = 0;
  const flush = (end: number) => {
    const text = lines.slice(start, end).join('\n');
    // Text before a leading separator (nothing, or comments) is not a document.
    if (out.length > 0 || start > 0 || /^[ \t]*[^#\s]/m.test(text)) out.push({ text, line: start });
  };
  lines.forEach((l, i) => {
    if (!l.startsWith('---')) return;
    if (i > 0 || start > 0) flush(i);
    start = i + 1;
  });
  flush(lines.length);
  return out;
}

/**
 * Parsed documents by manifest text. A values change usually re-renders most manifests to the
 * same text, so a live preview only parses what changed. Parsed objects are shared: read-only.
 */
const parsedCache = new Map<string, unknown[]>();
const PARSED_CACHE_SIZE = 1024;

/** A document as plain JavaScript; null when it does not parse (helm reported that already). */
function readDocument(text: string): unknown {
  try {
    return toPlain(yamlToGo(text));
  } catch {
    return null;
  }
}

function parseManifest(content: string): unknown[] {
  let docs = parsedCache.get(content);
  if (docs) {
    parsedCache.delete(content);
  } else {
    docs = documentsOf(content).map((d) => readDocument(d.text));
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
  const doc = documentsOf(content)[docIndex];
  if (!doc) return undefined;
  const root = nodesOf(doc.text);
  if (!root) return undefined;
  let node = root;
  let line = root.line;
  for (const key of splitPath(path)) {
    const child = childOf(node, key);
    if (!child) break;
    line = child.at.line;
    node = child.node;
  }
  return doc.line + line + 1;
}

/** The entry `key` of a mapping or sequence node: where it is written (its key) and its value. */
function childOf(node: YamlNode, key: string | number): { at: YamlNode; node: YamlNode } | undefined {
  const n = node.kind === YAML_NODE.ALIAS && node.alias ? node.alias : node;
  if (n.kind === YAML_NODE.MAPPING) {
    for (let i = 0; i + 1 < n.children.length; i += 2) {
      if (n.children[i].value === String(key)) return { at: n.children[i], node: n.children[i + 1] };
    }
  } else if (n.kind === YAML_NODE.SEQUENCE && typeof key === 'number' && n.children[key]) {
    return { at: n.children[key], node: n.children[key] };
  }
  return undefined;
}

const nodeCache = new Map<string, YamlNode | null>();

/** The document's node tree with line positions, for the few manifests that have findings. */
function nodesOf(text: string): YamlNode | null {
  let root = nodeCache.get(text);
  if (root === undefined) {
    try {
      const doc = composeYaml(text);
      root = doc && doc.kind === YAML_NODE.DOCUMENT ? (doc.children[0] ?? null) : doc;
    } catch {
      root = null;
    }
    if (nodeCache.size >= 128) nodeCache.delete(nodeCache.keys().next().value!);
    nodeCache.set(text, root);
  }
  return root;
}
