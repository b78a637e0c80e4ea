import { goTrimSpace } from '../../gotemplate/strings';

/**
 * Go's `\s` is `[\t\n\f\r ]`; JavaScript's is wider (it includes \v, NBSP and more), which would
 * split documents Helm keeps together.
 */
const SEPARATOR = /(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*/g;

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
    SEPARATOR.lastIndex = 0;
    for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
      end = m.index;
      const matchEnd = m.index + m[0].length;
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
