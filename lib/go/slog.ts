/**
 * Go's log/slog TextHandler lines as Helm 4 writes them to stderr (its handler drops the time):
 * `level=WARN msg="returned non-bool value" path=a.enabled chart=a`. A key or value is quoted
 * with strconv.Quote when it is empty or holds a space, `=`, `"`, a control character or a
 * non-printing or space rune (slog's needsQuoting).
 */
import { isPrint, quote } from './strconv/quote';

export type SlogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

const isUnicodeSpace = (r: number): boolean =>
  r === 0x85 || r === 0xa0 || r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;

function needsQuoting(s: string): boolean {
  if (s === '') return true;
  for (const ch of s) {
    const r = ch.codePointAt(0)!;
    if (r < 0x80) {
      // encoding/json's safe set: printable ASCII but `"` (a backslash alone is left as is).
      if (r !== 0x5c && (r === 0x20 || r === 0x3d || r === 0x22 || r < 0x20 || r === 0x7f)) return true;
    } else if (r === 0xfffd || isUnicodeSpace(r) || !isPrint(r)) {
      return true;
    }
  }
  return false;
}

const text = (s: string): string => (needsQuoting(s) ? quote(s) : s);

/** One record as slog.NewTextHandler formats it, without the time attribute, no trailing newline. */
export function slogLine(level: SlogLevel, msg: string, attrs: [key: string, value: string][] = []): string {
  return [`level=${level}`, `msg=${text(msg)}`, ...attrs.map(([k, v]) => `${text(k)}=${text(v)}`)].join(' ');
}
