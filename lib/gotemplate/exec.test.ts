import { describe, expect, it } from 'vitest';
import { defineFunc } from '../go/func';
import { LimitError, Template, TemplateError } from './index';
import { fromPlain, GoError, GoInt, GoStruct, goMap, type GoValue, int, stringSlice, withType } from '../go/value';

const data = goMap({
  Values: fromPlain({ s: 'str', n: 2, list: ['a', 'b', 'c'], m: { k: 'v' }, nul: null }),
  Int: int(7),
  Meta: new GoStruct(
    {
      name: '*chart.Metadata',
      methods: {
        Greet: defineFunc('Greet', ['string'], (who: string) => `hi ${who}`),
        Name: defineFunc('Name', [], () => 'from-method'),
      },
    },
    [
      ['Name', 'from-field'],
      ['Version', '1.0'],
      ['Keywords', stringSlice(['x', 'y'])],
    ],
  ),
  Typed: withType(new Map<string, GoValue>([['a', 'A']]), { name: 'map[string]string' }),
});

const funcs = {
  repeat: defineFunc('repeat', ['int', 'string'], (n: GoInt, s: string) => s.repeat(n.toNumber())),
  half: defineFunc('half', ['float64'], (f: number) => f / 2),
  join: defineFunc('join', ['string'], (sep: string, ...xs: GoValue[]) => xs.map(String).join(sep), { variadic: 'interface {}' }),
  strs: defineFunc('strs', ['[]string'], (xs: string[]) => xs.join('+')),
  fail: defineFunc('fail', [], () => {
    throw new GoError('boom');
  }, { returnsError: true }),
  typeOf: defineFunc('typeOf', ['interface {}'], (v: GoValue) => (v instanceof GoInt ? v.kind : v === null ? 'nil' : typeof v)),
};

function run(text: string, opts: { option?: string; d?: GoValue } = {}): string {
  const t = new Template('t').funcs(funcs);
  if (opts.option) t.option(opts.option);
  try {
    return t.parse(text).execute(opts.d ?? data);
  } catch (e) {
    if (e instanceof TemplateError || e instanceof LimitError) return `ERR ${e.message}`;
    throw e;
  }
}

const cases: [string, string, string, { option?: string }?][] = [
  // structs and methods
  ['method beats field', '{{ .Meta.Name }}', 'from-method'],
  ['struct field', '{{ .Meta.Version }}', '1.0'],
  ['method with args', '{{ .Meta.Greet "bob" }}', 'hi bob'],
  ['method with piped arg', '{{ "ann" | .Meta.Greet }}', 'hi ann'],
  ['method arg type', '{{ .Meta.Greet 3 }}', 'ERR template: t:1:15: executing "t" at <3>: expected string; found 3'],
  ['field has args', '{{ .Meta.Version 1 }}', 'ERR template: t:1:8: executing "t" at <.Meta.Version>: Version has arguments but cannot be invoked as function'],
  // .Meta comes out of a map[string]interface{}, so Go names its static type; a variable holds the concrete one.
  ['missing struct field', '{{ .Meta.Nope }}', 'ERR template: t:1:8: executing "t" at <.Meta.Nope>: can\'t evaluate field Nope in type interface {}'],
  ['missing struct field via variable', '{{ $m := .Meta }}{{ $m.Nope }}', 'ERR template: t:1:22: executing "t" at <$m.Nope>: can\'t evaluate field Nope in type *chart.Metadata'],
  ['typed slice field', '{{ .Meta.Keywords }} {{ strs .Meta.Keywords }}', '[x y] x+y'],
  // function argument conversion
  ['int constant', '{{ repeat 3 "ab" }}', 'ababab'],
  ['float constant to int', '{{ repeat 3.5 "ab" }}', 'ERR template: t:1:10: executing "t" at <3.5>: expected integer; found 3.5'],
  ['float64 value to int', '{{ repeat .Values.n "ab" }}', 'ERR template: t:1:17: executing "t" at <.Values.n>: wrong type for value; expected int; got float64'],
  ['int value to int', '{{ repeat .Int "x" }}', 'xxxxxxx'],
  ['int constant to float64', '{{ half 3 }}', '1.5'],
  ['nil to string', '{{ repeat 1 nil }}', 'ERR template: t:1:12: executing "t" at <nil>: cannot assign nil to string'],
  ['missing value to string', '{{ repeat 1 .Values.missing }}', 'ERR template: t:1:19: executing "t" at <.Values.missing>: invalid value; expected string'],
  ['nil interface value to string', '{{ repeat 1 .Values.nul }}', 'ERR template: t:1:19: executing "t" at <.Values.nul>: wrong type for value; expected string; got interface {}'],
  ['wrong arg count', '{{ repeat 1 }}', 'ERR template: t:1:3: executing "t" at <repeat>: wrong number of args for repeat: want 2 got 1'],
  ['variadic too few', '{{ join }}', 'ERR template: t:1:3: executing "t" at <join>: wrong number of args for join: want at least 1 got 0'],
  ['variadic', '{{ join "," 1 "a" }}', '1,a'],
  ['piped final arg', '{{ "ab" | repeat 2 }}', 'abab'],
  ['piped final arg wrong type', '{{ 2 | repeat 2 }}', 'ERR template: t:1:14: executing "t" at <2>: wrong type for value; expected string; got int'],
  ['[]interface{} is not []string', '{{ strs .Values.list }}', 'ERR template: t:1:15: executing "t" at <.Values.list>: wrong type for value; expected []string; got []interface {}'],
  ['ideal constants', '{{ typeOf 1 }} {{ typeOf 1.0 }} {{ typeOf 0x10 }} {{ typeOf \'a\' }} {{ typeOf nil }} {{ typeOf .Values.missing }}', 'int number int int nil nil'],
  ['error from function', '{{ fail }}', 'ERR template: t:1:3: executing "t" at <fail>: error calling fail: boom'],
  ['not a function', '{{ .Values.s 1 }}', 'ERR template: t:1:10: executing "t" at <.Values.s>: s is not a method but has arguments'],
  // missingkey option
  ['missingkey default', '{{ .Values.missing }}', '<no value>'],
  ['missingkey zero interface', '{{ .Values.missing }}', '<no value>', { option: 'missingkey=zero' }],
  ['missingkey zero typed', '[{{ .Typed.nope }}]', '[]', { option: 'missingkey=zero' }],
  ['missingkey zero chain', '{{ .Values.missing.x }}', 'ERR template: t:1:10: executing "t" at <.Values.missing.x>: nil pointer evaluating interface {}.x', { option: 'missingkey=zero' }],
  ['missingkey default chain', '{{ .Values.missing.x }}', '<no value>'],
  ['missingkey error', '{{ .Values.missing }}', 'ERR template: t:1:10: executing "t" at <.Values.missing>: map has no entry for key "missing"', { option: 'missingkey=error' }],
  ['missingkey error nil data', '{{ $x := .Values.missing }}{{ $x.y }}', 'ERR template: t:1:16: executing "t" at <.Values.missing>: map has no entry for key "missing"', { option: 'missingkey=error' }],
  // slice (shadowed by Sprig in helm, so checked here against Go's rules)
  ['slice', '{{ slice .Values.list 1 }} {{ slice .Values.list 1 2 }} {{ slice .Values.list }} {{ slice .Values.list 0 1 2 }}', '[b c] [b] [a b c] [a]'],
  ['slice string', '{{ slice "hello" 1 3 }} {{ slice "héllo" 1 3 }}', 'el é'],
  ['slice bad order', '{{ slice .Values.list 2 1 }}', 'ERR template: t:1:3: executing "t" at <slice .Values.list 2 1>: error calling slice: invalid slice index: 2 > 1'],
  ['slice too many', '{{ slice .Values.list 1 2 3 4 }}', 'ERR template: t:1:3: executing "t" at <slice .Values.list 1 2 3 4>: error calling slice: too many slice indexes: 4'],
  ['slice 3-index string', '{{ slice "abc" 1 2 3 }}', 'ERR template: t:1:3: executing "t" at <slice "abc" 1 2 3>: error calling slice: cannot 3-index slice a string'],
  ['slice out of range', '{{ slice .Values.list 4 }}', 'ERR template: t:1:3: executing "t" at <slice .Values.list 4>: error calling slice: index out of range: 4'],
  ['slice nil', '{{ slice .Values.missing }}', 'ERR template: t:1:3: executing "t" at <slice .Values.missing>: error calling slice: slice of untyped nil'],
  ['slice number', '{{ slice .Values.n }}', 'ERR template: t:1:3: executing "t" at <slice .Values.n>: error calling slice: can\'t slice item of type float64'],
  // call
  ['call method value', '{{ call .Meta.Greet }}', 'ERR template: t:1:13: executing "t" at <.Meta.Greet>: wrong number of args for Greet: want 1 got 0'],
  // range over ints is Go 1.24; helm 3.17 is built with Go 1.23
  ['range int', '{{ range 3 }}x{{ end }}', 'ERR template: t:1:9: executing "t" at <3>: range can\'t iterate over 3'],
  ['range typed map', '{{ range $k, $v := .Typed }}{{ $k }}{{ $v }}{{ end }}', 'aA'],
  ['variable scope in range', '{{ range $i, $v := .Values.list }}{{ $x := $i }}{{ end }}{{ $x }}', 'ERR template: t:1: undefined variable "$x"'],
];

describe('execution', () => {
  it.each(cases)('%s', (_name, text, want, opts) => {
    expect(run(text, opts)).toBe(want);
  });
});

describe('template sets', () => {
  it('defines templates into the shared set and executes them by name', () => {
    const t = new Template('root').parse('{{ define "a" }}A{{ . }}{{ end }}root');
    t.new('other').parse('{{ template "a" 1 }}');
    expect(t.executeTemplate('other', null)).toBe('A1');
    expect(t.lookup('a')?.name).toBe('a');
    expect(t.templates().map((x) => x.name).sort()).toEqual(['a', 'other', 'root']);
    expect(t.definedTemplates()).toContain('"a"');
  });

  it('lets a later parse redefine a template but never with an empty body', () => {
    const t = new Template('root').parse('{{ define "a" }}1{{ end }}');
    t.new('x').parse('{{ define "a" }}2{{ end }}');
    expect(t.executeTemplate('a', null)).toBe('2');
    t.new('y').parse('{{ define "a" }} {{ end }}');
    expect(t.executeTemplate('a', null)).toBe('2');
  });

  it('clones cheaply: new definitions in a clone stay there', () => {
    const t = new Template('root').parse('{{ define "a" }}1{{ end }}{{ template "a" }}');
    const c = t.clone();
    c.new('b').parse('{{ define "a" }}2{{ end }}');
    expect(t.execute(null)).toBe('1');
    expect(c.execute(null)).toBe('2');
    expect(c.lookup('root')).toBe(c);
  });

  it('reports unknown and empty templates as Go does', () => {
    const t = new Template('root');
    expect(() => t.executeTemplate('nope', null)).toThrow('template: no template "nope" associated with template "root"');
    expect(() => t.execute(null)).toThrow('template: root: "root" is an incomplete or empty template');
  });

  it('rejects bad options and function names', () => {
    expect(() => new Template('t').option('missingkey=bogus')).toThrow('unrecognized option: missingkey=bogus');
    expect(() => new Template('t').funcs({ 'a-b': funcs.half })).toThrow('function name "a-b" is not a valid identifier');
  });

  it('uses custom delimiters', () => {
    expect(new Template('t').delims('[[', ']]').parse('[[ .x ]] {{ .x }}').execute(goMap({ x: 1 }))).toBe('1 {{ .x }}');
  });

  it('fills TemplateError fields', () => {
    try {
      new Template('file.yaml').parse('a\n  {{ .x.y }}').execute(goMap({ x: 'str' }));
      expect.unreachable();
    } catch (e) {
      const err = e as TemplateError;
      expect(err).toBeInstanceOf(TemplateError);
      expect(err.message).toBe('template: file.yaml:2:7: executing "file.yaml" at <.x.y>: can\'t evaluate field y in type interface {}');
      expect([err.kind, err.templateName, err.line, err.col, err.context]).toEqual(['exec', 'file.yaml', 2, 7, '.x.y']);
    }
  });
});

describe('limits', () => {
  it('stops runaway recursion with Go\'s depth error', () => {
    const t = new Template('t').parse('{{ define "r" }}{{ template "r" . }}{{ end }}{{ template "r" . }}');
    expect(() => t.execute(null)).toThrow(/exceeded maximum template depth \(100000\)/);
    expect(() => t.execute(null, { maxDepth: 10 })).toThrow(/exceeded maximum template depth/);
  });

  it('caps output size', () => {
    const t = new Template('t').parse('{{ range .l }}{{ range $.l }}xxxxxxxxxx{{ end }}{{ end }}');
    const l = fromPlain(Array.from({ length: 100 }, (_, i) => i));
    expect(() => t.execute(goMap({ l }), { maxOutputBytes: 1000 })).toThrow(LimitError);
  });

  it('honours a time budget and an abort check', () => {
    const big = fromPlain(Array.from({ length: 3000 }, (_, i) => i));
    const t = new Template('t').parse('{{ range .l }}{{ range $.l }}{{ end }}{{ end }}');
    expect(() => t.execute(goMap({ l: big }), { deadlineMs: 1 })).toThrow('template execution exceeded its time budget');
    expect(() => t.execute(goMap({ l: big }), { checkAbort: () => true })).toThrow('template execution aborted');
  });
});
