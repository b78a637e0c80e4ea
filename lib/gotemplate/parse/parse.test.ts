import { describe, expect, it } from 'vitest';
import { TemplateError } from '../errors';
import type { ActionNode, NumberNode } from './node';
import { parse } from './parse';

const known = new Set(['printf', 'print', 'len', 'eq', 'and', 'contains', 'html', 'index']);
const opts = { hasFunction: (n: string) => known.has(n) };

// [name, input, reprint] — the reprint is Go's String() of the parsed tree.
const ok: [string, string, string][] = [
  ['empty', '', ''],
  ['comment', '{{/*\n\n\n*/}}', ''],
  ['spaces', ' \t\n', ' \t\n'],
  ['text', 'some text', 'some text'],
  ['emptyAction', '{{printf}}', '{{printf}}'],
  ['field', '{{.X}}', '{{.X}}'],
  ['simple command', '{{printf}}', '{{printf}}'],
  ['$ invocation', '{{$}}', '{{$}}'],
  ['variable invocation', '{{with $x := 3}}{{$x 23}}{{end}}', '{{with $x := 3}}{{$x 23}}{{end}}'],
  ['variable with fields', '{{$.I}}', '{{$.I}}'],
  ['multi-word command', '{{printf `%d` 23}}', '{{printf `%d` 23}}'],
  ['pipeline', '{{.X|.Y}}', '{{.X | .Y}}'],
  ['pipeline with decl', '{{$x := .X|.Y}}', '{{$x := .X | .Y}}'],
  ['nested pipeline', '{{.X (.Y .Z) (.A | .B .C) (.E)}}', '{{.X (.Y .Z) (.A | .B .C) (.E)}}'],
  ['field applied to parentheses', '{{(.Y .Z).Field}}', '{{(.Y .Z).Field}}'],
  ['simple if', '{{if .X}}hello{{end}}', '{{if .X}}"hello"{{end}}'.replace('"hello"', 'hello')],
  ['if with else', '{{if .X}}true{{else}}false{{end}}', '{{if .X}}true{{else}}false{{end}}'],
  ['if with else if', '{{if .X}}true{{else if .Y}}false{{end}}', '{{if .X}}true{{else}}{{if .Y}}false{{end}}{{end}}'],
  ['if else chain', '+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+', '+{{if .X}}X{{else}}{{if .Y}}Y{{else}}{{if .Z}}Z{{end}}{{end}}{{end}}+'],
  ['simple range', '{{range .X}}hello{{end}}', '{{range .X}}hello{{end}}'],
  ['chained field range', '{{range .X.Y.Z}}hello{{end}}', '{{range .X.Y.Z}}hello{{end}}'],
  ['nested range', '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}', '{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}'],
  ['range with else', '{{range .X}}true{{else}}false{{end}}', '{{range .X}}true{{else}}false{{end}}'],
  ['range over pipeline', '{{range .X|.M}}true{{else}}false{{end}}', '{{range .X | .M}}true{{else}}false{{end}}'],
  ['range []int', '{{range .SI}}{{.}}{{end}}', '{{range .SI}}{{.}}{{end}}'],
  ['range 1 var', '{{range $x := .SI}}{{.}}{{end}}', '{{range $x := .SI}}{{.}}{{end}}'],
  ['range 2 vars', '{{range $x, $y := .SI}}{{.}}{{end}}', '{{range $x, $y := .SI}}{{.}}{{end}}'],
  ['range with break', '{{range .SI}}{{.}}{{break}}{{end}}', '{{range .SI}}{{.}}{{break}}{{end}}'],
  ['range with continue', '{{range .SI}}{{.}}{{continue}}{{end}}', '{{range .SI}}{{.}}{{continue}}{{end}}'],
  ['constants', '{{range .SI 1 -3.2i true false \'a\' nil}}{{end}}', "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}"],
  ['template', '{{template `x`}}', '{{template "x"}}'],
  ['template with arg', '{{template `x` .Y}}', '{{template "x" .Y}}'],
  ['with', '{{with .X}}hello{{end}}', '{{with .X}}hello{{end}}'],
  ['with with else', '{{with .X}}hello{{else}}goodbye{{end}}', '{{with .X}}hello{{else}}goodbye{{end}}'],
  ['with with else with', '{{with .X}}hello{{else with .Y}}goodbye{{end}}', '{{with .X}}hello{{else}}{{with .Y}}goodbye{{end}}{{end}}'],
  ['trim left', 'x \r\n\t{{- 3}}', 'x{{3}}'],
  ['trim right', '{{3 -}}\n\n\ty', '{{3}}y'],
  ['trim left and right', 'x \r\n\t{{- 3 -}}\n\n\ty', 'x{{3}}y'],
  ['comment trim left', 'x \r\n\t{{- /* hi */}}', 'x'],
  ['block definition', '{{block "foo" .}}hello{{end}}', '{{template "foo" .}}'],
  ['newline in assignment', '{{ $x \n := \n 1 \n }}', '{{$x := 1}}'],
  ['newline in pipeline', '{{\n"x"\n|\nprintf\n}}', '{{"x" | printf}}'],
  ['spaces around pipes', '{{ .X | printf "%s" | len }}', '{{.X | printf "%s" | len}}'],
  ['assignment', '{{$x := 1}}{{$x = 2}}', '{{$x := 1}}{{$x = 2}}'],
  ['string escapes', '{{"\\u00e9\\n"}}', '{{"\\u00e9\\n"}}'],
];

// [name, input, Go's error text]
const bad: [string, string, string][] = [
  ['unclosed action', 'hello{{range', 'template: t:1: unclosed action'],
  ['unmatched end', '{{end}}', 'template: t:1: unexpected {{end}}'],
  ['unmatched else', '{{else}}', 'template: t:1: unexpected {{else}}'],
  ['missing end', 'hello{{range .x}}', 'template: t:1: unexpected EOF'],
  ['missing end after else', 'hello{{range .x}}{{else}}', 'template: t:1: unexpected EOF'],
  ['undefined function', 'hello{{undefined}}', 'template: t:1: function "undefined" not defined'],
  ['undefined variable', '{{$x}}', 'template: t:1: undefined variable "$x"'],
  ['variable undefined after end', '{{with $x := 4}}{{end}}{{$x}}', 'template: t:1: undefined variable "$x"'],
  ['variable undefined in template', '{{template $v}}', 'template: t:1: unexpected "$v" in template clause'],
  ['declare with field', '{{with $x.Y := 4}}{{end}}', 'template: t:1: undefined variable "$x"'],
  ['template with field ref', '{{template .X}}', 'template: t:1: unexpected ".X" in template clause'],
  ['template with var', '{{template $v}}', 'template: t:1: unexpected "$v" in template clause'],
  ['invalid punctuation', '{{printf 3, 4}}', 'template: t:1: unexpected "," in operand'],
  ['multidecl outside range', '{{with $v, $u := 3}}{{end}}', 'template: t:1: too many declarations in with'],
  ['too many decl in range', '{{range $u, $v, $w := 3}}{{end}}', 'template: t:1: too many declarations in range'],
  ['dot applied to parentheses', '{{printf (printf .).}}', 'template: t:1: unexpected <.> in operand'],
  ['adjacent args', '{{printf 3`x`}}', 'template: t:1: unexpected "`x`" in operand'],
  ['adjacent args with .', '{{printf `x`.}}', 'template: t:1: unexpected <.> in operand'],
  ['extra end after if', '{{if .X}}a{{else if .Y}}b{{end}}{{end}}', 'template: t:1: unexpected {{end}}'],
  ['break outside range', '{{range .}}{{end}} {{break}}', 'template: t:1: {{break}} outside {{range}}'],
  ['continue outside range', '{{range .}}{{end}} {{continue}}', 'template: t:1: {{continue}} outside {{range}}'],
  ['break in range else', '{{range .}}{{else}}{{break}}{{end}}', 'template: t:1: {{break}} outside {{range}}'],
  ['break with arg', '{{range .}}{{break 1}}{{end}}', 'template: t:1: unexpected "1" in {{break}}'],
  ['empty pipeline', '{{printf "%d" ( ) }}', 'template: t:1: missing value for parenthesized pipeline'],
  ['multiline error line', 'a\nb\n{{if}}', 'template: t:3: missing value for if'],
  ['error in multi-line action', '{{\n\n\n  .X ( }}', 'template: t:4: unclosed left paren in action started at t:1'],
  ['unclosed multi-line action', 'x\n{{ .X \n\n', 'template: t:4: unclosed action started at t:2'],
  ['multiple definition', '{{define "a"}}a{{end}}{{define "a"}}b{{end}}', 'template: t:1: template: multiple definition of template "a"'],
  ['non executable stage', '{{.X | 3}}', 'template: t:1: non executable command in pipeline stage 2'],
  ['char constant', "{{'ab'}}", "template: t:1: malformed character constant: 'ab'"],
  ['bad string escape', '{{"\\q"}}', 'template: t:1: invalid syntax'],
  ['number overflow', '{{18446744073709551616}}', 'template: t:1: integer overflow: "18446744073709551616"'],
];

describe('parser', () => {
  it.each(ok)('reprints %s', (_n, input, want) => {
    expect(parse('t', input, opts).get('t')!.root!.toString()).toBe(want);
  });

  it.each(bad)('rejects %s', (_n, input, want) => {
    let err: unknown;
    try {
      parse('t', input, opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateError);
    expect((err as TemplateError).message).toBe(want);
    expect((err as TemplateError).kind).toBe('parse');
  });

  it('collects defined templates and blocks', () => {
    const set = parse('t', 'x{{define "a"}}A{{end}}{{block "b" .}}B{{end}}', opts);
    expect([...set.keys()].sort()).toEqual(['a', 'b', 't']);
    expect(set.get('a')!.root!.toString()).toBe('A');
    expect(set.get('a')!.parseName).toBe('t');
  });

  it('lets an empty definition be replaced', () => {
    const set = parse('t', '{{define "a"}} {{end}}{{define "a"}}full{{end}}', opts);
    expect(set.get('a')!.root!.toString()).toBe('full');
  });

  it('treats break as a function when one is defined', () => {
    expect(parse('t', '{{break}}', { hasFunction: (n) => n === 'break' }).get('t')!.root!.toString()).toBe('{{break}}');
  });

  it('reads number constants as Go does, short decimals as long ones', () => {
    const root = parse('t', '{{print 0 7 123456789012345 1234567890123456 010 0x1F 1.5 -3}}', opts).get('t')!.root!;
    const args = (root.nodes[0] as ActionNode).pipe.cmds[0].args.slice(1) as NumberNode[];
    const readings = args.map((n) => [n.text, n.isInt && n.int64, n.isUint && n.uint64, n.isFloat && n.float64, n.isComplex]);
    expect(readings).toEqual([
      ['0', 0n, 0n, 0, false],
      ['7', 7n, 7n, 7, false],
      ['123456789012345', 123456789012345n, 123456789012345n, 123456789012345, false],
      ['1234567890123456', 1234567890123456n, 1234567890123456n, 1234567890123456, false],
      ['010', 8n, 8n, 8, false],
      ['0x1F', 31n, 31n, 31, false],
      ['1.5', false, false, 1.5, false],
      ['-3', -3n, false, -3, false],
    ]);
    expect(() => parse('t', '{{print 08}}', opts)).toThrow('integer overflow: "08"');
  });

  it('records positions of nodes', () => {
    const root = parse('t', 'ab\n{{ .X }}', opts).get('t')!.root!;
    expect(root.nodes[1].pos).toBe(6);
  });
});
