/**
 * Compares chartroom's `helm template` output with helm's where helm itself is not repeatable.
 *
 * Two helm renders of the same case are the measure of what is random: a line that differs
 * between them (a generated password, a certificate) is masked down to the part that changed,
 * so chartroom's line must still match what both helm lines share before and after it. The
 * documents are compared as a set only when helm's own two renders order them differently.
 */

/** What helm is free to vary in one case, learnt from two of its renders. */
export interface Volatility {
  /** Documents are compared in sorted order because helm's own order changed between renders. */
  unordered: boolean;
  /** Per document (in comparison order), per line: the prefix and suffix both helm renders share, when they differ. */
  masks: Map<number, Map<number, { prefix: string; suffix: string }>>;
  /** Lines masked, for the report. */
  maskedLines: number;
}

/** Splits `helm template` output into its documents (each starts with its `---` line). */
export function documents(output: string): string[] {
  const docs: string[] = [];
  let start = 0;
  const re = /^---$/gm;
  for (let m = re.exec(output); m; m = re.exec(output)) {
    if (m.index > start) docs.push(output.slice(start, m.index));
    start = m.index;
  }
  if (start < output.length) docs.push(output.slice(start));
  return docs;
}

/** What differs between two helm renders of one case; null when they cannot be aligned line by line. */
export function volatility(first: string, second: string): Volatility | null {
  let a = documents(first);
  let b = documents(second);
  if (a.length !== b.length) return null;
  const unordered = a.some((d, i) => sourceOf(d) !== sourceOf(b[i]));
  if (unordered) [a, b] = [sortDocs(a), sortDocs(b)];
  const masks: Volatility['masks'] = new Map();
  let maskedLines = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const la = a[i].split('\n');
    const lb = b[i].split('\n');
    if (la.length !== lb.length) return null;
    const lines = new Map<number, { prefix: string; suffix: string }>();
    la.forEach((line, j) => {
      if (line === lb[j]) return;
      // Two random values can share a few characters by chance: keep only whole tokens around them.
      let p = commonPrefix(line, lb[j]);
      while (p > 0 && TOKEN.test(line[p - 1])) p--;
      let s = commonSuffix(line.slice(p), lb[j].slice(p));
      while (s > 0 && TOKEN.test(line[line.length - s])) s--;
      lines.set(j, { prefix: line.slice(0, p), suffix: s === 0 ? '' : line.slice(-s) });
      maskedLines++;
    });
    masks.set(i, lines);
  }
  return { unordered, masks, maskedLines };
}

/**
 * The first difference between helm's render and chartroom's, allowing only what `vol` says
 * helm varies; null when they match. Without `vol` the outputs must be byte-identical.
 */
export function firstRenderDifference(helm: string, ours: string, vol?: Volatility | null): string | null {
  if (helm === ours) return null;
  if (!vol) return describeAt(helm.split('\n'), ours.split('\n'), 0, '');
  let h = documents(helm);
  let o = documents(ours);
  if (vol.unordered) [h, o] = [sortDocs(h), sortDocs(o)];
  for (let i = 0; i < Math.max(h.length, o.length); i++) {
    if (h[i] === o[i]) continue;
    if (h[i] === undefined || o[i] === undefined) {
      return `document ${i + 1}: ${h[i] === undefined ? 'chartroom has an extra' : 'chartroom lacks the'} document ${JSON.stringify(sourceOf(h[i] ?? o[i]))}`;
    }
    const lh = h[i].split('\n');
    const lo = o[i].split('\n');
    const lineMasks = vol.masks.get(i);
    for (let j = 0; j < Math.max(lh.length, lo.length); j++) {
      if (lh[j] === lo[j]) continue;
      const m = lineMasks?.get(j);
      if (m && lo[j] !== undefined && lo[j].length >= m.prefix.length + m.suffix.length && lo[j].startsWith(m.prefix) && lo[j].endsWith(m.suffix)) continue;
      return describeAt(lh, lo, j, `${sourceOf(h[i])}, `);
    }
  }
  return null;
}

function describeAt(h: string[], o: string[], from: number, where: string): string | null {
  for (let j = from; j < Math.max(h.length, o.length); j++) {
    if (h[j] !== o[j]) return `${where}line ${j + 1}:\n  helm:      ${JSON.stringify(h[j])}\n  chartroom: ${JSON.stringify(o[j])}`;
  }
  return null;
}

function sourceOf(doc: string): string {
  return /^# Source: (.*)$/m.exec(doc)?.[1] ?? doc.split('\n', 2).join('\n');
}

function sortDocs(docs: string[]): string[] {
  return [...docs].sort((x, y) => sourceOf(x).localeCompare(sourceOf(y)) || (x < y ? -1 : x > y ? 1 : 0));
}

const TOKEN = /[A-Za-z0-9+/=_-]/;

function commonPrefix(x: string, y: string): number {
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i;
}

function commonSuffix(x: string, y: string): number {
  let i = 0;
  while (i < x.length && i < y.length && x[x.length - 1 - i] === y[y.length - 1 - i]) i++;
  return i;
}
