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
