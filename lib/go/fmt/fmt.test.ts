/**
 * Differential tests: each row is a template action (`printf ...`, `print ...`, `println ...`)
 * rendered by helm 3.17.3 and by our fmt with the same Go values the template would pass:
 * number literals → int / float64, `.Values.x` → YAML values (numbers are float64).
 */
import { describe, expect, it } from 'vitest';
import { referenceExecute } from '../../../tests/helm/reference';
import { evalAction } from '../../../tests/go/fmt-testargs';
import { sprint, sprintf, sprintln } from './fmt';

const VALUES = `
f: 3.14159
big: 1000000
i: 42
neg: -7.5
small: 0.00001
third: 0.3333333333333333
huge: 1.7976931348623157e308
tiny: 5.0e-324
nz: -0.0
s: hi
u: "héllo, 世界"
m: {b: 2, a: 1, c: [1, 2], d: {w: "z"}}
l: [1, "a", null, true, 2.5]
e: ""
n: null
nested: {x: {k: [1, {z: 2}]}, "": 3}
`;

const VERBS = ['v', '+v', '#v', 'T', 't', 'd', 'b', 'o', 'O', 'x', 'X', 'c', 'q', 'U', 'e', 'E', 'f', 'F', 'g', 'G', 's'];
const OPERANDS = ['42', '-7', '0', '0x1F600', '(int64 300)', '.Values.f', '.Values.big', '.Values.small', '.Values.neg', '.Values.nz', '"hi"', '"héllo\\n"', '""', 'true', 'nil', '.Values.m', '.Values.l', '(float64 "NaN")', '(float64 "-Inf")'];

/** Every verb applied to every kind of operand. */
const verbMatrix = OPERANDS.map((op) => `printf "${VERBS.map((v) => `%${v}`).join('|')}" ${Array(VERBS.length).fill(op).join(' ')}`);

/** Flags, width and precision over the verbs where they matter. */
const FLAGGED: Array<[verbs: string, operands: string[]]> = [
  ['d x X o b', ['42', '-42', '0']],
  ['e f g G', ['.Values.f', '.Values.neg', '.Values.big', '.Values.small', '0.0', '100.0']],
  ['s q x', ['"hi"', '"héllo"', '""']],
  ['v', ['.Values.l', 'true']],
];
const FLAGS = ['', '-', '+', '#', '0', ' ', '+0', '-0', '0-', '# ', '+ '];
const SIZES = ['', '8', '.3', '8.3', '.0', '1'];
const flagMatrix: string[] = [];
for (const [verbs, operands] of FLAGGED) {
  for (const op of operands) {
    for (const verb of verbs.split(' ')) {
      const specs = FLAGS.flatMap((fl) => SIZES.map((sz) => `%${fl}${sz}${verb}`));
      flagMatrix.push(`printf "${specs.join('|')}" ${Array(specs.length).fill(op).join(' ')}`);
    }
  }
}

const SPECIFIC = [
  // floats as %v (strconv 'g' shortest) and fixed precision rounding
  'printf "%v|%v|%v|%v|%v|%v" .Values.f .Values.big .Values.small .Values.i .Values.huge .Values.tiny',
  'printf "%v %v %v %v %v %v" 123456.7 1234567.0 0.0001 0.00001 1e20 1e21',
  'printf "%.2f %.0f %.0f %.1f %.1f %.3f" 2.675 0.5 2.5 0.25 0.35 1.0005',
  'printf "%.30f|%.20e|%.17g|%.25g" 0.1 .Values.third .Values.third 0.1',
  'printf "%f|%e|%g|%.3g|%.10g" .Values.huge .Values.huge .Values.tiny .Values.tiny 123456789.0',
  'printf "%f|%.0f|%.1e|%g" 1e20 1e22 9.96 0.000001',
  'printf "%x|%X|%.2x|%#x|%.0x|%b|%#.3X" 1.5 -3.75 1.0 0.1 1.5 2.0 1000.0',
  'printf "%x|%.1x|%.13x|%.14x" .Values.third .Values.tiny .Values.huge .Values.third',
  'printf "%#g|%#.3g|%#v|%#e|%#.0f|%#x" 100000.0 1.0 1.0 2.0 3.0 0.0',
  'printf "%08.3f|%-8.3f|%+08.2f|% 08.2f|%+.3e|%8.2e" -3.14159 -3.14159 -3.14159 3.14159 12345.678 -0.000123',
  'printf "%5.1f|%-5.1f|%05.1f|%5.0f" -0.05 -0.04 0.05 0.5',
  'printf "%6v|%-6v|%06v|%+v" (float64 "NaN") (float64 "+Inf") (float64 "-Inf") (float64 "NaN")',
  'printf "% v|%+v|%010v|%-010v" (float64 "NaN") (float64 "Inf") (float64 "-Inf") (float64 "+Inf")',
  // integers
  'printf "%.3d|%.0d|%5.0d|%08.3d|%+.3d|%x|%#o|%O" 7 0 0 -7 7 -255 8 -8',
  'printf "%8x|%-8x|%08x|%#08x|%#-8X|% x|%+x" 255 255 255 255 255 255 255',
  'printf "%c|%c|%c|%c|%q|%q|%+q|%#q" 65 0x1F600 0x110000 -1 39 0x7F 0xE9 0x1F600',
  'printf "%U|%#U|%#U|%.6U|%8U|%-#10U|%U" 0x1F600 0x1F600 10 65 65 65 -1',
  'printf "%q|%q|%q|%#U" 0xD800 0x2028 173 0xD800',
  'printf "%d|%v|%T|%x" (int64 -9223372036854775808) (int64 9223372036854775807) (int64 1) (int64 -1)',
  "printf \"%c%c|%q|%d\" 'a' '世' '\\n' 'x'",
  // strings
  'printf "%s|%q|%v|%x|%X|% x|%#x|%# x|%# X" "hello" "hello" "hello" "hello" "hello" "hello" "hello" "hello" "hello"',
  'printf "%10s|%-10s|%.2s|%5.1s|%.0s|%010s|%-010s" "héllo" "héllo" "héllo" "héllo" "héllo" "ab" "ab"',
  'printf "%q|%+q|%#q|%#q|%#q|%#+q" .Values.u .Values.u "abc" "a`b" "tab\\there" "é"',
  'printf "%q|%q|%q|%q|%+q" "\\x00\\a\\b\\f\\n\\r\\t\\v\\x1b\\x7f" "\\u00ad\\ufeff" "\\U0001F600" "\\\\\\"" "\\U0001F600"',
  'printf "%x|%5x|%-5x|%.1x|%8.2x|%# .2x|%#10x" "" "" "" "héllo" "héllo" "héllo" "ab"',
  'printf "%.3q|%8q|%-8q|%08q" "héllo" "a" "a" "a"',
  // bools and nil
  'printf "%v|%t|%5t|%-6t|%q|%d|%s|%x" true false true false true true false true',
  'printf "%v|%d|%s|%T|%q|%5v|%-5v|%x|%p" nil nil nil nil nil nil nil nil nil',
  'printf "%v|%s|%d" .Values.missing .Values.n .Values.missing',
  // composites
  'printf "%v|%+v|%#v|%T" .Values.m .Values.m .Values.m .Values.m',
  'printf "%d|%s|%q|%x|%X|%5v|%-4v|%05v|%.1f" .Values.l .Values.l .Values.l .Values.l .Values.l .Values.l .Values.l .Values.l .Values.l',
  'printf "%v|%#v|%+v|%s" .Values.nested .Values.nested .Values.nested .Values.nested',
  'printf "%v|%v|%#v|%#v|%T|%T" (dict) (list) (dict) (list) (dict) (list)',
  'printf "%v" (dict "b" 1 "a" 2 "é" 3 "Z" 4 "" 5 "aa" 6 "😀" 7 "ｚ" 8)',
  'printf "%v|%q|%x|%d" (list "a" (list "b" (dict "c" nil))) (list "a" "b") (list "ab" 1) (list (list 1 2) (list 3))',
  'printf "%p|%p|%p|%p" "hi" 1 true 1.5',
  'printf "%v|%#v|%d" (list (int64 1) 2 2.0) (list (int64 1) 2 2.0) (dict "k" (int64 5))',
  // argument indexes, * width/precision, and error forms
  'printf "%[2]d %[1]d" 1 2',
  'printf "%[3]*.[2]*[1]f" 12.0 2 6',
  'printf "%d %d %#[1]x %#x" 16 17',
  'printf "%[5]d|%[0]d|%[x]d|%[-1]d|%[1]" 1',
  'printf "%[1]d %[1]x" 1 2',
  'printf "%3[1]d|%[1]3d|%[1].2d|%.[1]d|%[2]*[1]d" 42 5',
  'printf "%[1]*d|%[2].[1]*f|%[" 3 1.5',
  'printf "%d"',
  'printf "%d" 1 2',
  'printf "%d %d" 1',
  'printf "%s" "a" 1 "b" nil .Values.m',
  'printf "no verbs" 1 true',
  'printf "%*d|%-*d|%*d|%.*f|%*.*f" 5 42 5 42 -5 42 2 3.14159 8 3 3.14159',
  'printf "%*d|%.*d|%.*d|%*d" "x" 1 1.5 3 -1 3 10000000 1',
  'printf "%*d" (int64 4) 1',
  'printf "%"',
  'printf "%-"',
  'printf "%5"',
  'printf "%.5"',
  'printf "abc%"',
  'printf "%5%|%-5%|%!|%z|%é|%.d|%.x|%.v" 1 2 3 0 0 0',
  'printf "%v %v" 1',
  'printf "%!(EXTRA)" 1',
  'printf "%+-#0 8.3d|%0+8d|%-+08d" 5 5 5',
  'printf "%v|%s" "%d" "%%"',
  'printf "%010.4s|%-010q|%#10v" "hello" "hi" "hi"',
  // print and println
  'print 1 2 "a" "b" 3 nil 4.5 true false',
  'print "a" 1 "b"',
  'print .Values.m .Values.l .Values.f',
  'print nil nil "x" nil',
  'print (list 1 2) (list "a") "s" (dict "k" "v")',
  'print',
  'print ""',
  'print .Values.big .Values.small .Values.i (int64 3) 0x10 1e6',
  'println 1 "a" nil',
  'println "a" "b"',
  'println',
  'println .Values.m .Values.nested',
];

const ALL = [...SPECIFIC, ...verbMatrix, ...flagMatrix];

function ours(action: string): string {
  const { fn, args } = evalAction(action, VALUES);
  if (fn === 'printf') return sprintf(args[0] as string, args.slice(1));
  if (fn === 'print') return sprint(args);
  if (fn === 'println') return sprintln(args);
  throw new Error(`unsupported ${fn}`);
}

describe('fmt against helm', async () => {
  const reference = await referenceExecute(ALL.map((a) => ({ template: `{{ ${a} }}`, values: VALUES })));
  it.each(ALL.map((a, i) => [a, i] as const))('%s', (action, i) => {
    const ref = reference[i];
    if (!ref.ok) throw new Error(`helm failed: ${ref.error}`);
    expect(ours(action)).toBe(ref.output);
  });
});
