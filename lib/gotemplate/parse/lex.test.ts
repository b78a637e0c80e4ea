import { describe, expect, it } from 'vitest';
import { type Item, ItemType as T, Lexer } from './lex';

function lexAll(input: string, left?: string, right?: string): [T, string][] {
  const l = new Lexer('test', input, left, right);
  const out: [T, string][] = [];
  for (;;) {
    const i: Item = l.nextItem();
    out.push([i.typ, i.val]);
    if (i.typ === T.EOF || i.typ === T.Error) return out;
  }
}

const L: [T, string] = [T.LeftDelim, '{{'];
const R: [T, string] = [T.RightDelim, '}}'];
const SP: [T, string] = [T.Space, ' '];
const EOF: [T, string] = [T.EOF, ''];

const cases: [string, string, [T, string][]][] = [
  ['empty', '', [EOF]],
  ['text', 'now is the time', [[T.Text, 'now is the time'], EOF]],
  ['text with comment', 'hello-{{/* this is a comment */}}-world', [[T.Text, 'hello-'], [T.Text, '-world'], EOF]],
  ['punctuation', '{{,@% }}', [L, [T.Char, ','], [T.Char, '@'], [T.Char, '%'], SP, R, EOF]],
  ['parens', '{{((3))}}', [L, [T.LeftParen, '('], [T.LeftParen, '('], [T.Number, '3'], [T.RightParen, ')'], [T.RightParen, ')'], R, EOF]],
  ['empty action', '{{}}', [L, R, EOF]],
  ['for', '{{for}}', [L, [T.Identifier, 'for'], R, EOF]],
  ['block', '{{block "foo" .}}', [L, [T.Block, 'block'], SP, [T.String, '"foo"'], SP, [T.Dot, '.'], R, EOF]],
  ['quote', '{{"abc \\n\\t\\" "}}', [L, [T.String, '"abc \\n\\t\\" "'], R, EOF]],
  ['raw quote', '{{`abc\\n\\t\\" `}}', [L, [T.RawString, '`abc\\n\\t\\" `'], R, EOF]],
  ['raw quote with newline', '{{`now is{{\n}}the time`}}', [L, [T.RawString, '`now is{{\n}}the time`'], R, EOF]],
  ['numbers', '{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1E_FP4}}', [
    L, [T.Number, '1'], SP, [T.Number, '02'], SP, [T.Number, '0x14'], SP, [T.Number, '0X14'], SP, [T.Number, '-7.2i'], SP,
    [T.Number, '1e3'], SP, [T.Number, '1E3'], SP, [T.Number, '+1.2e-4'], SP, [T.Number, '4.2i'], SP, [T.Complex, '1+2i'], SP,
    [T.Number, '1_2'], SP, [T.Number, '0x1.e_fp4'], SP, [T.Number, '0X1E_FP4'], R, EOF]],
  ['characters', "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}", [
    L, [T.CharConstant, "'a'"], SP, [T.CharConstant, "'\\n'"], SP, [T.CharConstant, "'\\''"], SP, [T.CharConstant, "'\\\\'"], SP,
    [T.CharConstant, "'\\u00FF'"], SP, [T.CharConstant, "'\\xFF'"], SP, [T.CharConstant, "'本'"], R, EOF]],
  ['bools', '{{true false}}', [L, [T.Bool, 'true'], SP, [T.Bool, 'false'], R, EOF]],
  ['dot', '{{.}}', [L, [T.Dot, '.'], R, EOF]],
  ['nil', '{{nil}}', [L, [T.Nil, 'nil'], R, EOF]],
  ['dots', '{{.x . .2 .x.y.z}}', [L, [T.Field, '.x'], SP, [T.Dot, '.'], SP, [T.Number, '.2'], SP, [T.Field, '.x'], [T.Field, '.y'], [T.Field, '.z'], R, EOF]],
  ['keywords', '{{range if else end with}}', [L, [T.Range, 'range'], SP, [T.If, 'if'], SP, [T.Else, 'else'], SP, [T.End, 'end'], SP, [T.With, 'with'], R, EOF]],
  ['break continue', '{{break continue}}', [L, [T.Break, 'break'], SP, [T.Continue, 'continue'], R, EOF]],
  ['variables', '{{$c := printf $ $hello $23 $ $var.Field .Method}}', [
    L, [T.Variable, '$c'], SP, [T.Declare, ':='], SP, [T.Identifier, 'printf'], SP, [T.Variable, '$'], SP, [T.Variable, '$hello'], SP,
    [T.Variable, '$23'], SP, [T.Variable, '$'], SP, [T.Variable, '$var'], [T.Field, '.Field'], SP, [T.Field, '.Method'], R, EOF]],
  ['assign', '{{$x = 3}}', [L, [T.Variable, '$x'], SP, [T.Assign, '='], SP, [T.Number, '3'], R, EOF]],
  ['pipeline', 'intro {{echo hi 1.2 |noargs|args 1 "hi"}} outro', [
    [T.Text, 'intro '], L, [T.Identifier, 'echo'], SP, [T.Identifier, 'hi'], SP, [T.Number, '1.2'], SP, [T.Pipe, '|'],
    [T.Identifier, 'noargs'], [T.Pipe, '|'], [T.Identifier, 'args'], SP, [T.Number, '1'], SP, [T.String, '"hi"'], R, [T.Text, ' outro'], EOF]],
  ['declaration', '{{$v := 3}}', [L, [T.Variable, '$v'], SP, [T.Declare, ':='], SP, [T.Number, '3'], R, EOF]],
  ['2 declarations', '{{$v , $w := 3}}', [L, [T.Variable, '$v'], SP, [T.Char, ','], SP, [T.Variable, '$w'], SP, [T.Declare, ':='], SP, [T.Number, '3'], R, EOF]],
  ['field of parenthesized expression', '{{(.X).Y}}', [L, [T.LeftParen, '('], [T.Field, '.X'], [T.RightParen, ')'], [T.Field, '.Y'], R, EOF]],
  ['trimming spaces before and after', 'hello- {{- 3 -}} -world', [[T.Text, 'hello-'], L, [T.Number, '3'], R, [T.Text, '-world'], EOF]],
  ['trimming spaces before and after comment', 'hello- {{- /* hello */ -}} -world', [[T.Text, 'hello-'], [T.Text, '-world'], EOF]],
  ['trim with newlines and tabs', 'a \n\t{{-\n3\t-}}\r\n b', [[T.Text, 'a'], L, [T.Number, '3'], R, [T.Text, 'b'], EOF]],
  ['minus without space is a number', '{{-3}}', [L, [T.Number, '-3'], R, EOF]],
  ['actions may span lines', '{{ 1 |\n print }}', [L, SP, [T.Number, '1'], SP, [T.Pipe, '|'], [T.Space, '\n '], [T.Identifier, 'print'], SP, R, EOF]],
  // errors
  ['badchar', '#{{\x01}}', [[T.Text, '#'], L, [T.Error, 'unrecognized character in action: U+0001']]],
  ['unclosed action', '{{', [L, [T.Error, 'unclosed action']]],
  ['EOF in action', '{{range', [L, [T.Range, 'range'], [T.Error, 'unclosed action']]],
  ['unclosed quote', '{{"\n"}}', [L, [T.Error, 'unterminated quoted string']]],
  ['unclosed raw quote', '{{`xx}}', [L, [T.Error, 'unterminated raw quoted string']]],
  ['unclosed char constant', "{{'\n}}", [L, [T.Error, 'unterminated character constant']]],
  ['bad number', '{{3k}}', [L, [T.Error, 'bad number syntax: "3k"']]],
  ['unclosed paren', '{{(3}}', [L, [T.LeftParen, '('], [T.Number, '3'], [T.Error, 'unclosed left paren']]],
  ['extra right paren', '{{3)}}', [L, [T.Number, '3'], [T.Error, 'unexpected right paren']]],
  ['long pipeline deadlock', '{{|||||}}', [L, [T.Pipe, '|'], [T.Pipe, '|'], [T.Pipe, '|'], [T.Pipe, '|'], [T.Pipe, '|'], R, EOF]],
  ['text with bad comment', 'hello-{{/*/}}-world', [[T.Text, 'hello-'], [T.Error, 'unclosed comment']]],
  ['text with comment close separated from delim', 'hello-{{/* */ }}-world', [[T.Text, 'hello-'], [T.Error, 'comment ends before closing delimiter']]],
  ['unmatched right delimiter', 'hello-{.}}-world', [[T.Text, 'hello-{.}}-world'], EOF]],
  ['bad character after identifier', '{{x#}}', [L, [T.Error, "bad character U+0023 '#'"]]],
];

describe('lexer', () => {
  it.each(cases)('%s', (_name, input, want) => {
    expect(lexAll(input).map(([t, v]) => [T[t], t === T.EOF ? '' : v])).toEqual(want.map(([t, v]) => [T[t], v]));
  });

  it('uses custom delimiters', () => {
    expect(lexAll('x$$ .y $$z', '$$', '$$').map(([t]) => T[t])).toEqual(['Text', 'LeftDelim', 'Space', 'Field', 'Space', 'RightDelim', 'Text', 'EOF']);
  });

  it('reads identifiers, fields and variables with letters beyond ASCII', () => {
    expect(lexAll('{{aé .bé.c $dé}}')).toEqual([
      L, [T.Identifier, 'aé'], SP, [T.Field, '.bé'], [T.Field, '.c'], SP, [T.Variable, '$dé'], R, [T.EOF, ''],
    ]);
    expect(lexAll('{{aé#}}').at(-1)).toEqual([T.Error, "bad character U+0023 '#'"]);
    expect(lexAll('{{.é😀}}').at(-1)).toEqual([T.Error, "bad character U+1F600 '😀'"]);
  });

  it('takes empty delimiters as the default ones, as Go does', () => {
    expect(lexAll('a{{.x}}', '', '').map(([t]) => T[t])).toEqual(['Text', 'LeftDelim', 'Field', 'RightDelim', 'EOF']);
  });

  it('reports item positions and lines across spaces, trim markers and raw strings', () => {
    const l = new Lexer('t', 'a \n{{- `x\ny` \n\t.b -}}\n c{{ "q" }}');
    const items: [string, number, number][] = [];
    for (let i = l.nextItem(); i.typ !== T.EOF; i = l.nextItem()) items.push([T[i.typ], i.pos, i.line]);
    expect(items).toEqual([
      ['Text', 0, 1],
      ['LeftDelim', 3, 2],
      ['RawString', 7, 2],
      ['Space', 12, 3],
      ['Field', 15, 4],
      ['RightDelim', 19, 4],
      ['Text', 23, 5],
      ['LeftDelim', 24, 5],
      ['Space', 26, 5],
      ['String', 27, 5],
      ['Space', 30, 5],
      ['RightDelim', 31, 5],
    ]);
  });

  it('reports item lines', () => {
    const l = new Lexer('t', 'a\nb{{1}}\n{{\n2}}');
    const lines: number[] = [];
    for (let i = l.nextItem(); i.typ !== T.EOF; i = l.nextItem()) lines.push(i.line);
    expect(lines).toEqual([1, 2, 2, 2, 2, 3, 3, 4, 4]);
  });
});
