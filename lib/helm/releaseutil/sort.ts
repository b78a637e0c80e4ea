import { compareGoStrings, goTrimSpace, quote } from '../../go';
import { CodedError, whereOf } from '../../errors';
import { chartOfTemplate } from '../chart/chart';
import { sortByKind } from './kind-order';
import { hookFromManifest, type Hook } from './hooks';
import { readHead, readHeadAfter, SIMPLE_HEAD_TYPE, type Manifest, type SimpleHead } from './manifest';
import { splitManifests } from './split';
import { isHelm4, type HelmVersion } from '../version';

export interface SortedManifests {
  hooks: Hook[];
  manifests: Manifest[];
}

/**
 * A document Helm could not read while sorting, with the file it came from; a YAML problem's line
 * and column count in that rendered file.
 */
export class ManifestParseError extends CodedError {
  constructor(
    readonly path: string,
    readonly cause: Error,
    helm?: HelmVersion,
    /** Lines of the file before the document. */
    linesBefore = 0,
  ) {
    // Heads are cached across versions; the struct's package name is the version's.
    const msg = isHelm4(helm) ? cause.message.replace(`type ${SIMPLE_HEAD_TYPE}`, 'type util.SimpleHead') : cause.message;
    const inDocument = whereOf(cause);
    const where = inDocument.line === undefined ? {} : { line: inDocument.line + linesBefore, column: inDocument.column };
    super('manifest-yaml', `YAML parse error on ${path}: ${msg}`, whereOf(undefined, { ...where, chart: chartOfTemplate(path), file: path }), { cause });
    this.name = 'ManifestParseError';
  }
}

/**
 * Helm's releaseutil.SortManifests: files in path order (partials and blank files skipped), each
 * split into documents, hooks separated by their annotation, then both stably sorted by kind in
 * install order. Unknown hook events drop the document, as Helm does, with its log line to `warn`.
 */
export function sortManifests(files: ReadonlyMap<string, string>, helm?: HelmVersion, warn: (message: string) => void = () => {}): SortedManifests {
  const hooks: Hook[] = [];
  const manifests: Manifest[] = [];
  const paths = [...files.keys()].sort(compareGoStrings);
  for (const path of paths) {
    const content = files.get(path)!;
    if (baseName(path).startsWith('_')) continue;
    if (goTrimSpace(content) === '') continue;
    for (const [doc, head] of documentsOf(path, content, helm)) {
      const hookEvents = head.metadata?.annotations?.['helm.sh/hook'];
      if (hookEvents === undefined) {
        manifests.push({ name: path, content: doc, head });
        continue;
      }
      const hook = hookFromManifest(path, doc, head, hookEvents);
      if (hook) hooks.push(hook);
      else warn(`info: skipping unknown hook: ${quote(hookEvents)}`);
    }
  }
  return { hooks: sortByKind(hooks, (h) => h.kind, helm), manifests: sortByKind(manifests, (m) => m.head.kind, helm) };
}

/**
 * A file's documents with their heads, kept per path while its rendered text stays the same
 * (most files of a re-render are unchanged): comparing the text once is cheaper than splitting
 * it and looking every document up again.
 */
const filesByPath = new Map<string, { content: string; docs: [string, SimpleHead][] }>();
const MAX_FILES = 1000;

function documentsOf(path: string, content: string, helm: HelmVersion | undefined): [string, SimpleHead][] {
  const hit = filesByPath.get(path);
  if (hit !== undefined && hit.content === content) return hit.docs;
  const docs: [string, SimpleHead][] = [];
  for (const doc of splitManifests(content)) {
    // A document in the same place last time may have changed only in values (new secrets).
    const before = hit?.docs[docs.length];
    try {
      docs.push([doc, before === undefined ? readHead(doc) : readHeadAfter(before[0], before[1], doc)]);
    } catch (e) {
      throw new ManifestParseError(path, e as Error, helm, linesBefore(content, docs.map(([d]) => d), doc));
    }
  }
  if (filesByPath.size >= MAX_FILES) filesByPath.clear();
  filesByPath.set(path, { content, docs });
  return docs;
}

/** How many lines of `content` come before `doc`, the document after `earlier` (split trims them). */
function linesBefore(content: string, earlier: string[], doc: string): number {
  let from = 0;
  for (const d of earlier) from = content.indexOf(d, from) + d.length;
  const at = content.indexOf(doc, from);
  let lines = 0;
  for (let i = content.indexOf('\n'); i >= 0 && i < at; i = content.indexOf('\n', i + 1)) lines++;
  return lines;
}

function baseName(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}
