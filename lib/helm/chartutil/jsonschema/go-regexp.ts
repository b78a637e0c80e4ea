/**
 * Go's regexp (RE2) for `pattern` keywords, compiled once per pattern for both validators.
 *
 * RE2JS compiles a pattern into a program, a prefilter and a one-pass matcher: for a chart's
 * values schema, a few dozen of them, that was about 7% of the instructions of a whole
 * `chartroom template` process. Most schema patterns (`^[0-9]+m?$`, `^(sha256:[0-9a-f]{64})?$`)
 * use only syntax whose meaning Go and JavaScript share; such a pattern is checked with a native
 * RegExp (written so that every construct means what Go's does), anything else with RE2JS. A
 * string with code points beyond the Basic Multilingual Plane goes to RE2JS too: JavaScript's
 * classes and `.` count UTF-16 code units where Go counts runes.
 *
 * Go's matcher takes linear time; JavaScript's backtracks, and a chart's pattern (`^(a+)+$`,
 * `^(a|aa)+$`, `\d*\d*\d*x`) with a value of a few dozen characters would take it seconds to
 * centuries. So a repeated group holding a choice (a quantifier or `|`) stays with RE2JS, and a
 * string is checked natively only when it is short enough that every way of backtracking through
 * the pattern's choices stays within a small budget of steps.
 */
import { RE2JS } from 're2js';

/** A compiled pattern: `find` is regexp.MatchString (a match anywhere in the string). */
export interface GoRegexp {
  find(s: string): boolean;
}

const compiled = new Map<string, GoRegexp>();

/** The compiled pattern. @throws RE2JS's syntax exception, as regexp.Compile's error, for an invalid pattern */
export function goRegexp(pattern: string): GoRegexp {
  let re = compiled.get(pattern);
  if (!re) {
    re = compile(pattern);
    compiled.set(pattern, re);
  }
  return re;
}

const SURROGATE = /[\ud800-\udfff]/;

/**
 * Backtracking steps allowed, as a power of two. Without a repeated group holding a choice, a
 * backtracking match of a string of n characters follows at most (n+1) paths per quantifier
 * and 2 per `|`, from each of n+1 starting points, each path at most n+1 steps long.
 */
const BACKTRACKING_BUDGET_LOG2 = 22;

function compile(pattern: string): GoRegexp {
  const plan = nativePlan(pattern);
  const maxLength = plan === undefined ? -1 : 2 ** ((BACKTRACKING_BUDGET_LOG2 - plan.alternations) / (plan.quantifiers + 2)) - 1;
  if (plan === undefined || maxLength < 1) return re2(pattern);
  const native = new RegExp(plan.source);
  let slow: GoRegexp | undefined;
  return { find: (s) => (s.length <= maxLength && !SURROGATE.test(s) ? native.test(s) : (slow ??= re2(pattern)).find(s)) };
}

function re2(pattern: string): GoRegexp {
  const re = RE2JS.compile(pattern);
  return { find: (s) => re.matcher(s).find() };
}

/** Longer patterns go to RE2JS, so Go's limits on nesting and program size never come into play here. */
const MAX_NATIVE_LENGTH = 1000;
/** Go refuses counts above 1000 (`invalid repeat count`); JavaScript has no such limit. */
const MAX_COUNT = 1000;

/** ASCII punctuation: escaped, Go and JavaScript both take it literally. */
const isPunct = (c: string) => /^[!-/:-@[-`{-~]$/.test(c);
/** Escapes of control characters both read alike (Go's `\a` is the bell, JavaScript's a letter). */
const CONTROL_ESCAPES = 'fnrtv';
/** What Go's `\s` and `\S` mean: JavaScript's take in Unicode spaces and \v. */
const GO_SPACE = '\\t\\n\\f\\r ';

/**
 * The pattern as a JavaScript RegExp source that matches exactly what Go's does (on strings of
 * BMP characters), or undefined when it uses anything outside the shared syntax (flags, named
 * groups, Unicode classes, POSIX classes, non-ASCII characters, lazy or repeated quantifiers, a
 * counted repeat of a group) or repeats a group holding a choice.
 */
export function nativeSource(p: string): string | undefined {
  return nativePlan(p)?.source;
}

/** A native source and its choices: quantifiers that match a varying count, and `|`s. */
interface NativePlan {
  source: string;
  quantifiers: number;
  alternations: number;
}

function nativePlan(p: string): NativePlan | undefined {
  if (p.length > MAX_NATIVE_LENGTH) return undefined;
  let out = '';
  let i = 0;
  let quantifiers = 0;
  let alternations = 0;
  /** For each open group, whether it holds a choice so far; for the last closed one, whether it held one. */
  const choiceIn: boolean[] = [];
  let closedHeldChoice = false;
  const choice = () => {
    if (choiceIn.length > 0) choiceIn[choiceIn.length - 1] = true;
  };
  /** What the last item was: a quantifier may follow only an atom; a counted one, not a group. */
  let last: 'none' | 'atom' | 'group' | 'quantifier' = 'none';
  while (i < p.length) {
    const c = p[i];
    const code = c.charCodeAt(0);
    if (code < 0x20 || code > 0x7e) return undefined;
    if (c === '\\') {
      const e = p[i + 1];
      if (e === undefined) return undefined;
      if (e === 'd' || e === 'D' || e === 'w' || e === 'W' || CONTROL_ESCAPES.includes(e)) out += `\\${e}`;
      else if (e === 's') out += `[${GO_SPACE}]`;
      else if (e === 'S') out += `[^${GO_SPACE}]`;
      else if (isPunct(e)) out += `\\${e}`;
      else return undefined;
      i += 2;
      last = 'atom';
    } else if (c === '[') {
      const cls = classSource(p, i);
      if (!cls) return undefined;
      out += cls.source;
      i = cls.end;
      last = 'atom';
    } else if (c === '(') {
      if (p[i + 1] === '?') {
        if (p[i + 2] !== ':') return undefined;
        out += '(?:';
        i += 3;
      } else {
        out += '(';
        i++;
      }
      choiceIn.push(false);
      last = 'none';
    } else if (c === ')') {
      if (choiceIn.length === 0) return undefined;
      closedHeldChoice = choiceIn.pop()!;
      if (closedHeldChoice) choice();
      out += ')';
      i++;
      last = 'group';
    } else if (c === '*' || c === '+' || c === '?') {
      if (last !== 'atom' && last !== 'group') return undefined;
      // Backtracking through a repeated choice is exponential in the string's length.
      if (last === 'group' && closedHeldChoice && c !== '?') return undefined;
      out += c;
      i++;
      quantifiers++;
      choice();
      last = 'quantifier';
    } else if (c === '{') {
      // Go reads a count with a leading zero (`{01}`) as literal text, JavaScript as a count.
      const m = /^\{(0|[1-9]\d{0,3})(,(0|[1-9]\d{0,3})?)?\}/.exec(p.slice(i));
      if (!m || last !== 'atom') return undefined;
      const lo = Number(m[1]);
      // `{n}` and `{n,}` have no second count to check.
      const hi = m[3] === undefined ? lo : Number(m[3]);
      if (lo > MAX_COUNT || hi > MAX_COUNT || lo > hi) return undefined;
      // `{n,}` repeats without bound, `{n,m}` chooses a count; `{n}` chooses nothing.
      if (m[2] !== undefined && (m[3] === undefined || hi !== lo)) {
        quantifiers++;
        choice();
      }
      out += m[0];
      i += m[0].length;
      last = 'quantifier';
    } else if (c === '|') {
      out += c;
      i++;
      alternations++;
      choice();
      last = 'none';
    } else if (c === '^' || c === '$') {
      out += c;
      i++;
      last = 'none';
    } else if (c === '.') {
      // Go's `.` is any character but a newline; JavaScript's also leaves out \r, \u2028 and \u2029.
      out += '[^\\n]';
      i++;
      last = 'atom';
    } else if (c === ']' || c === '}') {
      return undefined;
    } else {
      out += c;
      i++;
      last = 'atom';
    }
  }
  return choiceIn.length === 0 ? { source: out, quantifiers, alternations } : undefined;
}

/**
 * A bracket expression of ASCII characters, ranges and escaped punctuation starting at `start`, as
 * JavaScript source, or undefined for anything Go reads otherwise (`]` first, `[` inside, which
 * starts a POSIX class in Go, a `-` that is neither first, last nor between two characters).
 */
function classSource(p: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let out = '[';
  if (p[i] === '^') {
    out += '^';
    i++;
  }
  const first = i;
  /** The class's characters as single characters (escaped where needed), for ranges. */
  let prev: string | undefined;
  let afterRange = false;
  for (;;) {
    const c = p[i];
    if (c === undefined) return undefined;
    const code = c.charCodeAt(0);
    if (code < 0x20 || code > 0x7e) return undefined;
    if (c === ']') {
      if (i === first) return undefined;
      return { source: `${out}]`, end: i + 1 };
    }
    if (c === '[') return undefined;
    if (c === '-') {
      if (i === first || p[i + 1] === ']') {
        out += '\\-';
        i++;
        prev = undefined;
        continue;
      }
      const hi = p[i + 1] === '\\' ? (isPunct(p[i + 2] ?? '') ? p[i + 2] : undefined) : p[i + 1];
      if (prev === undefined || afterRange || hi === undefined || hi === '[' || hi.charCodeAt(0) < 0x20 || hi.charCodeAt(0) > 0x7e) return undefined;
      if (prev > hi) return undefined;
      out += `-${p[i + 1] === '\\' ? '\\' : ''}${hi}`;
      i += p[i + 1] === '\\' ? 3 : 2;
      afterRange = true;
      prev = undefined;
      continue;
    }
    afterRange = false;
    if (c === '\\') {
      const e = p[i + 1];
      if (e === 'd' || e === 'w' || (e !== undefined && CONTROL_ESCAPES.includes(e))) {
        out += `\\${e}`;
        prev = undefined;
      } else if (e === 's') {
        out += GO_SPACE;
        prev = undefined;
      } else if (e !== undefined && isPunct(e)) {
        out += `\\${e}`;
        prev = e;
      } else return undefined;
      i += 2;
      continue;
    }
    out += c === '^' ? '\\^' : c;
    prev = c;
    i++;
  }
}
