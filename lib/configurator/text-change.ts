/** The one replacement that turns a text into another, for updating an editor model in place. */

/** Replace `before`'s characters start..end (end exclusive) with `text` to get the new text. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * The span between the common prefix and the common suffix of two texts; null when they are
 * equal. A re-render usually changes a few lines of a long manifest stream, and replacing only
 * those keeps the viewer's scroll position, folds and tokenized lines. Neither end splits a
 * surrogate pair (an editor can't place a position between its halves); the prefix is settled
 * first, so the suffix can never take back characters the prefix gave up.
 */
export function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (start > 0 && (splitsPair(before, start) || splitsPair(after, start))) start--;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  while (tail > 0 && (splitsPair(before, before.length - tail) || splitsPair(after, after.length - tail))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/** Whether offset `at` falls between the two halves of a surrogate pair. */
const splitsPair = (s: string, at: number): boolean => isHighSurrogate(s.charCodeAt(at - 1)) && isLowSurrogate(s.charCodeAt(at));

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The replacements that turn a text into another, line by line where they can be: when the
 * changed span has as many lines before as after (a value that appears in many resources, a
 * label on every object), each run of changed lines is its own replacement, so an editor
 * re-splits and re-tokenizes those lines only instead of everything between the first and the
 * last change. Otherwise (lines added or removed, or most lines changed) the one span of
 * textChange. Sorted, non-overlapping, in `before`'s offsets; apply them from the last.
 */
export function textChanges(before: string, after: string): TextChange[] {
  const span = textChange(before, after);
  if (!span) return [];
  // The span widened to whole lines; what follows it is common to both texts.
  // lastIndexOf reads a negative position as 0, which would find a newline at 0 for a span at 0.
  const start = span.start === 0 ? 0 : before.lastIndexOf('\n', span.start - 1) + 1;
  const lineEnd = before.indexOf('\n', span.end);
  const endBefore = lineEnd < 0 ? before.length : lineEnd;
  const endAfter = after.length - (before.length - endBefore);
  const linesBefore = before.slice(start, endBefore).split('\n');
  const linesAfter = after.slice(start, endAfter).split('\n');
  if (linesBefore.length !== linesAfter.length || linesBefore.length < 2) return [span];
  const changes: TextChange[] = [];
  let offset = start;
  let changedLines = 0;
  for (let i = 0; i < linesBefore.length; i++) {
    const b = linesBefore[i];
    if (b !== linesAfter[i]) {
      changedLines++;
      const last = changes[changes.length - 1];
      // A run of changed lines is one replacement (its newlines are common to both texts).
      if (last && last.end + 1 === offset) {
        last.end = offset + b.length;
        last.text += `\n${linesAfter[i]}`;
      } else changes.push({ start: offset, end: offset + b.length, text: linesAfter[i] });
    }
    offset += b.length + 1;
  }
  return changedLines * 2 > linesBefore.length ? [span] : changes;
}
