/**
 * Pieces of Go's `strings` package whose semantics differ from JavaScript's look-alikes.
 * Go's unicode.IsSpace includes U+0085 and excludes U+FEFF; JavaScript's trim() does the opposite.
 */
/** Go's unicode.IsSpace for one code point. */
export function isGoSpace(cp: number): boolean {
  return (
    (cp >= 9 && cp <= 13) ||
    cp === 32 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/** Go's strings.TrimSpace (a loop: a `\s+$` regex is quadratic on long runs of spaces). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * The longest string V8 holds (String::kMaxLength on 64-bit). Go strings have no such bound,
 * so a function that would build a longer one fails with this limit named rather than with
 * JavaScript's "Invalid string length".
 */
export const MAX_STRING_LENGTH = 2 ** 29 - 24;

/** The error for a result past {@link MAX_STRING_LENGTH}, in the words `until`'s limit uses. */
export function tooLongMessage(length: number | undefined): string {
  return `${length === undefined ? 'a string' : `a string of ${length} characters`} is more than chartroom renders (at most ${MAX_STRING_LENGTH})`;
}
