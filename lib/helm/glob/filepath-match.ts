/**
 * Go's `path/filepath.Match` on Unix (`/` separator, `\` escapes), the glob of `.helmignore` and
 * `helm template --show-only`, as in the Go release Helm 3.17.3 is built with (1.23).
 *
 * Go matches UTF-8 bytes, decoding a rune only for `?` and `[...]`. It reads each chunk (a run
 * between stars) it tries to the end even after a mismatch, so a malformed chunk is an error,
 * but never reads the chunks after one that failed: `x/*[` matched against `abc` is simply
 * false, which is why Helm accepts it in a .helmignore. Both matter to which files Helm keeps,
 * so this follows the same algorithm over the same bytes rather than compiling a RegExp.
 */

/** filepath.ErrBadPattern's text. */
export const BAD_PATTERN = "syntax error in pattern";

/** filepath.ErrBadPattern. */
export class BadPatternError extends Error {
  constructor() {
    super(BAD_PATTERN);
    this.name = "BadPatternError";
  }
}

const SLASH = 0x2f;
const STAR = 0x2a;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;
const RUNE_ERROR = 0xfffd;

const encoder = new TextEncoder();

/**
 * Whether `name` matches `pattern` as a whole.
 * @throws BadPatternError where Go's Match returns ErrBadPattern
 */
export function filepathMatch(pattern: string, name: string): boolean {
  return filepathMatchBytes(encoder.encode(pattern), encoder.encode(name));
}

/**
 * filepathMatch over the UTF-8 bytes of pattern and name, for callers that match one pattern
 * against many names or many patterns against one name.
 * @throws BadPatternError where Go's Match returns ErrBadPattern
 */
export function filepathMatchBytes(p: Uint8Array, s: Uint8Array): boolean {
  let pi = 0;
  let si = 0;
  pattern: while (pi < p.length) {
    const { star, chunkStart, chunkEnd } = scanChunk(p, pi);
    pi = chunkEnd;
    if (star && chunkStart === chunkEnd) {
      // A trailing star matches the rest unless it holds a separator.
      return s.indexOf(SLASH, si) < 0;
    }
    const chunk = p.subarray(chunkStart, chunkEnd);
    const last = pi === p.length;
    const t = matchChunk(chunk, s, si);
    if (t >= 0 && (t === s.length || !last)) {
      si = t;
      continue;
    }
    if (star) {
      for (let i = si; i < s.length && s[i] !== SLASH; i++) {
        const u = matchChunk(chunk, s, i + 1);
        if (u >= 0) {
          if (last && u < s.length) continue;
          si = u;
          continue pattern;
        }
      }
    }
    return false;
  }
  return si === s.length;
}

/** The next run of non-star pattern bytes, with whether stars precede it. */
function scanChunk(
  p: Uint8Array,
  from: number,
): { star: boolean; chunkStart: number; chunkEnd: number } {
  let i = from;
  let star = false;
  while (i < p.length && p[i] === STAR) {
    i++;
    star = true;
  }
  const chunkStart = i;
  let inRange = false;
  for (; i < p.length; i++) {
    const c = p[i];
    if (c === BACKSLASH) {
      if (i + 1 < p.length) i++;
    } else if (c === OPEN) inRange = true;
    else if (c === CLOSE) inRange = false;
    else if (c === STAR && !inRange) break;
  }
  return { star, chunkStart, chunkEnd: i };
}

/**
 * Matches `chunk` (no stars) at the start of s[from:]; returns the offset after the match or -1.
 * Once the match has failed, the rest of the chunk is still read to check it is well formed.
 * @throws BadPatternError for a malformed chunk
 */
function matchChunk(chunk: Uint8Array, s: Uint8Array, from: number): number {
  let failed = false;
  let c = 0;
  let i = from;
  while (c < chunk.length) {
    if (!failed && i >= s.length) failed = true;
    const b = chunk[c];
    if (b === OPEN) {
      let r = 0;
      if (!failed) {
        const [rune, n] = decodeRune(s, i);
        r = rune;
        i += n;
      }
      c++;
      const negated = c < chunk.length && chunk[c] === CARET;
      if (negated) c++;
      let match = false;
      let nrange = 0;
      for (;;) {
        if (c < chunk.length && chunk[c] === CLOSE && nrange > 0) {
          c++;
          break;
        }
        const lo = getEsc(chunk, c);
        c = lo.next;
        let hi = lo.rune;
        if (chunk[c] === DASH) {
          const h = getEsc(chunk, c + 1);
          c = h.next;
          hi = h.rune;
        }
        if (lo.rune <= r && r <= hi) match = true;
        nrange++;
      }
      if (match === negated) failed = true;
    } else if (b === QUESTION) {
      if (!failed) {
        if (s[i] === SLASH) failed = true;
        i += decodeRune(s, i)[1];
      }
      c++;
    } else {
      if (b === BACKSLASH) {
        c++;
        if (c >= chunk.length) throw new BadPatternError();
      }
      if (!failed) {
        if (chunk[c] !== s[i]) failed = true;
        i++;
      }
      c++;
    }
  }
  return failed ? -1 : i;
}

/** A possibly escaped character of a class; a class may not end right after it. */
function getEsc(
  chunk: Uint8Array,
  from: number,
): { rune: number; next: number } {
  let c = from;
  if (c >= chunk.length || chunk[c] === DASH || chunk[c] === CLOSE)
    throw new BadPatternError();
  if (chunk[c] === BACKSLASH) {
    c++;
    if (c >= chunk.length) throw new BadPatternError();
  }
  const [rune, n] = decodeRune(chunk, c);
  if (rune === RUNE_ERROR && n === 1) throw new BadPatternError();
  if (c + n >= chunk.length) throw new BadPatternError();
  return { rune, next: c + n };
}

/** utf8.DecodeRune: [rune, width], (U+FFFD, 1) for an invalid byte. */
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const b0 = b[i];
  if (b0 < 0x80) return [b0, 1];
  const cont = (k: number): number => {
    const x = b[i + k];
    return x !== undefined && (x & 0xc0) === 0x80 ? x & 0x3f : -1;
  };
  if (b0 >= 0xc2 && b0 < 0xe0) {
    const c1 = cont(1);
    return c1 < 0 ? [RUNE_ERROR, 1] : [((b0 & 0x1f) << 6) | c1, 2];
  }
  if (b0 >= 0xe0 && b0 < 0xf0) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 < 0 || c2 < 0) return [RUNE_ERROR, 1];
    const r = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
    return r < 0x800 || (r >= 0xd800 && r < 0xe000) ? [RUNE_ERROR, 1] : [r, 3];
  }
  if (b0 >= 0xf0 && b0 < 0xf5) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return [RUNE_ERROR, 1];
    const r = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    return r < 0x10000 || r > 0x10ffff ? [RUNE_ERROR, 1] : [r, 4];
  }
  return [RUNE_ERROR, 1];
}
