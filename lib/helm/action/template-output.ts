import { goTrimSpace } from '../../go';

/** A document as `helm template` prints it: under a `# Source:` line naming its file. */
export interface SourcedDocument {
  source: string;
  content: string;
}

/** The last text made, with the sources and contents it was made of (in order, manifests then hooks). */
let last: { parts: string[]; manifests: number; out: string } | undefined;

/**
 * What `helm template` prints: each manifest (CRDs first) as `---\n# Source: NAME\nCONTENT\n`,
 * the whole of them trimmed (Go's strings.TrimSpace) and ended by a newline, then each hook the
 * same way, untrimmed.
 *
 * A re-render mostly prints the documents it printed before, as the same strings (a file whose
 * text did not change keeps its split documents), so the last text is returned again when its
 * parts are the same; otherwise it is concatenated again. Trimming the whole text read it
 * character by character, which copied the rope concatenation makes into one flat string on
 * every render.
 */
export function templateOutput(manifests: readonly SourcedDocument[], hooks: readonly SourcedDocument[]): string {
  const parts: string[] = [];
  for (const m of manifests) parts.push(m.source, m.content);
  for (const h of hooks) parts.push(h.source, h.content);
  if (last !== undefined && last.manifests === manifests.length && sameParts(last.parts, parts)) return last.out;

  // Joined by `+`: a rope whose first reader flattens it (the page's worker, when it posts the
  // text), instead of a copy here that nothing may read.
  let out = '';
  for (let i = 0; i < manifests.length - 1; i++) out += `---\n# Source: ${manifests[i].source}\n${manifests[i].content}\n`;
  // The manifests' text starts with `---`: trimming it only ever shortens its last document.
  if (manifests.length > 0) {
    const end = manifests[manifests.length - 1];
    out += goTrimSpace(`---\n# Source: ${end.source}\n${end.content}`);
  }
  out += '\n';
  for (const h of hooks) out += `---\n# Source: ${h.source}\n${h.content}\n`;
  last = { parts, manifests: manifests.length, out };
  return out;
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
