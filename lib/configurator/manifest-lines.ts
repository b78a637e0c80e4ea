/**
 * Where each document of a manifest stream sits in its text, in 1-based line numbers: the
 * coordinates of the manifest viewer, so that folds, "copy this resource" and any click target
 * on a line can name the document (and the rendered resource) it belongs to.
 */
import type { RenderedResource } from './render-protocol';

/** One `---`-separated document of a `helm template` stream. */
export interface ManifestDocument {
  /** Position in the stream, from 0. */
  index: number;
  /** Its `---` line (the first line, for a text that doesn't start with one). */
  startLine: number;
  /** The first line of the object itself, after `---` and `# Source:`. */
  bodyStartLine: number;
  /** Its last non-empty line; bodyStartLine - 1 for an empty document. */
  endLine: number;
  /** The template path from its `# Source:` line, null without one. */
  source: string | null;
  /** Id of the rendered resource it shows, null when the stream has no resource for it. */
  resourceId: string | null;
}

/** A fold of lines start+1..end under line start (1-based, inclusive). */
export interface FoldRange {
  start: number;
  end: number;
}

const SOURCE = '# Source: ';

/** Lines as a text editor numbers them (a final newline starts an empty last line). */
export const textLines = (text: string): string[] => text.split(/\r?\n/);

/**
 * The documents of a manifest stream. Helm separates documents with a bare `---` line followed by
 * `# Source: <template>`; a block scalar can't hold a bare `---` (its lines are indented), so the
 * separator is unambiguous. `resources` (in stream order, as the renderer lists them) are matched
 * in order by template path.
 */
export function manifestDocuments(lines: readonly string[], resources: readonly RenderedResource[] = []): ManifestDocument[] {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i] === '---') starts.push(i);
  if (starts[0] !== 0 && lines.some((l) => l.trim() !== '')) starts.unshift(-1);
  const docs: ManifestDocument[] = [];
  let next = 0;
  starts.forEach((start, index) => {
    // 0-based: `start` is the separator (-1: none), the body runs to the next separator.
    const limit = index + 1 < starts.length ? starts[index + 1] : lines.length;
    const sourceLine = start >= 0 && lines[start + 1]?.startsWith(SOURCE) ? start + 1 : -1;
    const source = sourceLine >= 0 ? lines[sourceLine].slice(SOURCE.length) : null;
    const body = (sourceLine >= 0 ? sourceLine : start) + 1;
    let last = limit - 1;
    while (last >= body && lines[last].trim() === '') last--;
    let resourceId: string | null = null;
    if (next < resources.length && resources[next].source === source) resourceId = resources[next++].id;
    docs.push({ index, startLine: Math.max(start, 0) + 1, bodyStartLine: body + 1, endLine: last + 1, source, resourceId });
  });
  return docs;
}

/** The document holding a line (binary search), or null outside every document. */
export function documentAtLine(docs: readonly ManifestDocument[], line: number): ManifestDocument | null {
  // The last document starting at or before the line.
  let lo = 0;
  let hi = docs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid].startLine <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const d = docs[found];
  return d && line <= Math.max(d.endLine, d.bodyStartLine - 1) ? d : null;
}

/** The object text of a document without `---` and `# Source:` (a resource's `content`). */
export function documentBody(lines: readonly string[], doc: ManifestDocument): string {
  return lines.slice(doc.bodyStartLine - 1, doc.endLine).join('\n');
}

/** The stream line of a line of the document's body shown on its own (both 1-based). */
export const streamLine = (doc: ManifestDocument, bodyLine: number): number => doc.bodyStartLine + bodyLine - 1;

const isSeqItem = (trimmed: string): boolean => trimmed === '-' || trimmed.startsWith('- ');

/**
 * Folds for a manifest viewer: each document under its `# Source:` line, and within a document
 * every YAML block under the line that opens it. A mapping key may hold a sequence at its own
 * indentation (`containers:` then `- name: app`, as `toYaml` writes it); those items fold under
 * the key. Sorted by start line.
 */
export function manifestFoldRanges(lines: readonly string[], docs: readonly ManifestDocument[]): FoldRange[] {
  const ranges: FoldRange[] = [];
  for (const doc of docs) {
    if (doc.source !== null && doc.endLine > doc.bodyStartLine - 1) ranges.push({ start: doc.bodyStartLine - 1, end: doc.endLine });
    blockFolds(lines, doc.bodyStartLine - 1, doc.endLine - 1, ranges);
  }
  return ranges.sort((a, b) => a.start - b.start);
}

interface OpenBlock {
  line: number;
  indent: number;
  /** A `key:` line with nothing after the colon: a sequence may follow at its indentation. */
  holdsSequence: boolean;
}

/** Indentation blocks of the 0-based lines from..to (inclusive), appended as 1-based ranges. */
function blockFolds(lines: readonly string[], from: number, to: number, out: FoldRange[]): void {
  const stack: OpenBlock[] = [];
  let previous = -1;
  const close = (until: (b: OpenBlock) => boolean): void => {
    while (stack.length && until(stack[stack.length - 1])) {
      const b = stack.pop()!;
      if (previous > b.line) out.push({ start: b.line + 1, end: previous + 1 });
    }
  };
  for (let i = from; i <= to; i++) {
    const trimmed = lines[i].trimStart();
    if (trimmed === '') continue;
    const indent = lines[i].length - trimmed.length;
    const item = isSeqItem(trimmed);
    close((b) => !(indent > b.indent || (indent === b.indent && item && b.holdsSequence)));
    stack.push({ line: i, indent, holdsSequence: !item && trimmed.endsWith(':') });
    previous = i;
  }
  close(() => true);
}
