import { goTrimSpace } from '../../go';

/**
 * Go's `\s` is `[\t\n\f\r ]`; JavaScript's is wider (it includes \v, NBSP and more), which would
 * split documents Helm keeps together.
 */
export const SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/g;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c;

/**
 * The next SEPARATOR match at or after `from` as [start, end], found with indexOf: the regex
 * retries its whitespace prefix at every position, which made it a visible part of re-renders.
 * A match is `---` at the start of the text, or a whitespace run ending in a newline right
 * before `---` (starting no earlier than `from`); either way trailing whitespace follows.
 */
export function nextSeparator(text: string, from: number): [number, number] | null {
  let start: number;
  let dashes: number;
  if (from === 0 && text.startsWith('---')) {
    start = 0;
    dashes = 0;
  } else {
    const nl = text.indexOf('\n---', from);
    if (nl < 0) return null;
    start = nl;
    while (start > from && isSpace(text.charCodeAt(start - 1))) start--;
    dashes = nl + 1;
  }
  let end = dashes + 3;
  while (end < text.length && isSpace(text.charCodeAt(end))) end++;
  return [start, end];
}

/**
 * Splits a rendered template into YAML documents exactly as Helm's releaseutil.SplitManifests:
 * on `---` at the start of the text or of a line, keeping non-empty trimmed documents in order.
 * (Helm keys them `manifest-N`; an array keeps the same order.)
 */
export function splitManifests(bigFile: string): string[] {
  const text = goTrimSpace(bigFile);
  const docs: string[] = [];
  // Mirrors Go's Regexp.Split(s, -1), including its rule that a match ending at 0 adds nothing.
  let begin = 0;
  let end = 0;
  const parts: string[] = [];
  if (text.length === 0) parts.push('');
  else {
    for (let m = nextSeparator(text, 0); m; m = nextSeparator(text, m[1])) {
      end = m[0];
      const matchEnd = m[1];
      if (matchEnd !== 0) parts.push(text.slice(begin, end));
      begin = matchEnd;
    }
    if (end !== text.length) parts.push(text.slice(begin));
  }
  for (const d of parts) {
    if (d === '') continue;
    docs.push(goTrimSpace(d));
  }
  return docs;
}
