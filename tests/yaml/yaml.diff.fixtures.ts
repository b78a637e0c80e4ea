/**
 * Tricky values files for the encoding differential tests: each is read by helm as values.yaml
 * and by us through yamlToGo, then printed with toYaml/toJson/toToml/...
 */
export const VALUES_FIXTURES: Record<string, string> = {
  quoting: `
bools: ["true", "True", "TRUE", "yes", "Yes", "y", "Y", "n", "N", "no", "on", "On", "off", "OFF", "false"]
nulls: ["null", "Null", "NULL", "~", ""]
numbers: ["1", "-1", "+1", "1.5", "1e3", "1E3", "0x1F", "0o17", "0777", "08", "1_000", ".5", "1.", ".inf", "-.inf", "+.inf", ".nan", ".NaN", "0b101", "1e400", "12345678901234567890", "99999999999999999999"]
times: ["1:20", "-1:20:30", "2001-12-14", "2001-12-14T21:59:43.10Z", "2001-12-14 21:59:43.10", "2001-12-14t21:59:43.10-05:00", "2001-13-14", "2001-02-30", "2001-1-2"]
indicators: ["-", "- a", "-a", "a: b", "a:b", "a:", ":a", ": a", "a #b", "a#b", "#a", "@a", "\`a", "!a", "&a", "*a", "|a", ">a", "%a", "'a", "\\"a", "[a", "]a", "{a", "}a", ",a", "a,b", "a[b]", "a{b}", "?a", "? a", "---", "...", "--- a", "...a", "a -", "=", "<<"]
spaces: [" lead", "trail ", " both ", "in  side", "  "]
chars: ["é", "日本語", "😀", "a😀b", "a\\tb", "\\\\", "it's", "<>&", "\\u00a0x", "\\u0085", "\\u2028", "\\ufeff", "\\x01", "\\u00ad"]
`,
  multiline: `
a: "a\\nb"
b: "a\\nb\\n"
c: "a\\nb\\n\\n"
d: "\\na"
e: " a\\nb"
f: "a \\nb"
g: "a\\n b"
h: "a\\n\\tb"
i: "trailing space \\n"
j: "a\\r\\nb"
k: "ü\\nß\\n"
l: "\\n"
m: "\\n\\n"
n: "a\\n\\nb\\n"
o: "- a\\n- b"
p: "key: value\\nother: 1"
q: "😀\\nx"
lit: |
  line one
    indented
  last
lit_keep: |+
  kept

fold: >
  folded
  text

  para
fold_strip: >-
  x
  y
list:
- "one\\ntwo"
- nested:
    s: "x\\ny"
`,
  long: `
plain: this is a very long string that goes on and on and on and on and on and on and on and on and on and on
nospace: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
single: "quoted: this is a very long string that goes on and on and on and on and on and on and on and on"
double: "tab\\tthis is a very long string that goes on and on and on and on and on and on and on and on"
twospaces: "this is a very long string that goes on and  on and on and on and on and on and  on and on  and on"
nested:
  deeper:
    deepest: this is a very long string that goes on and on and on and on and on and on and on and on and on
  list:
  - this is a very long string that goes on and on and on and on and on and on and on and on and on and on
  - - this is a very long string that goes on and on and on and on and on and on and on and on and on
exactly80: "aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa aaaaaaaaa bbbb cccc"
url: https://example.com/a/very/long/path/that/keeps/going/and/going/and/going/and/going/and/going?x=1 and more
? this_key_is_longer_than_one_hundred_and_twenty_eight_bytes_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
: long key
`,
  // No zero-padded twins (a1/a01, a0/a00) and no v10 beside v1beta1/v2alpha1: go-yaml's natural order is not
  // transitive on them, and Go's sort then
  // orders them differently from run to run of helm itself.
  ordering: `
a1: 1
a10: 2
a2: 3
b: 6
B: 7
_x: 8
"1": 9
"10": 10
"9": 11
x.y: 12
x-y: 13
x_y: 14
é: 15
Z: 16
aa: 17
a: 18
a0: 19
v1beta1: 21
v1: 22
v2alpha1: 24
"a b": 25
"": 26
"-x": 27
"09": 28
"9a": 29
"a9b": 30
"a10b": 31
日本: 32
"~": 33
`,
  floats: `
million: 1000000
million_exp: 1e6
one_half: 1.5
tenth: 0.1
e21: 1e21
e20: 1e20
mid: 123456789.5
small: 1e-7
micro: 0.000001
micro_less: 0.0000009
negzero: -0.0
zero: 0
neg: -1
beyond53: 9007199254740993
huge_uint: 12345678901234567890
max: 1.7976931348623157e308
tiny: 5e-324
three: 3.0
hundred: 100.0
seven_digits: 1234567.0
inexact: 0.30000000000000004
neg_exp: -2.5e-10
int_like_float: 1e15
big_int: 123456789012
`,
  scalars: `
yes1: yes
no1: no
y1: y
n1: n
on1: on
off1: off
True1: True
FALSE1: FALSE
tilde: ~
null1: null
Null1: Null
empty:
hex: 0x1F
oct: 0o17
oct_old: 0777
bin: 0b1010
under: 1_000_000
plus: +12
date: 2024-01-15
datetime: 2024-01-15T10:00:00Z
version: 1.10
version_str: "1.10"
sexagesimal: 1:30
str_q: 'single ''quoted'''
dq_escapes: "\\x41\\u00e9\\t|\\\\"
`,
  nested: `
listOfMaps:
- name: a
  value: 1
- name: b
  value: [1, 2, {deep: true}]
  empty: {}
mapOfLists:
  a: [1, 2, 3]
  b: []
  c:
  - - x
    - y
  - []
  - {}
nullsInList: [1, null, ~, "null"]
emptyMap: {}
emptyList: []
deep:
  a:
    b:
      c:
        d: [e]
seqOfSeq:
- - - 1
flow: {a: 1, b: [1, 2], c: {d: e}}
`,
  anchors: `
base: &base
  name: base
  port: 80
  tags: &tags [a, b]
override:
  <<: *base
  port: 8080
multi:
  <<: [*base, {extra: 1, name: other}]
tagsAgain: *tags
before:
  port: 1
  <<: *base
scalarAnchor: &s hello
scalarAlias: *s
quotedMergeKey:
  "<<": literal
`,
  keys: `
1: int key
1.5: float key
true: bool key
0x10: hex key
1e3: exp key
0.1: tenth key
"quoted": q
? complex
: value
y: yes key
off: off key
`,
  unicode: `
ключ: значение
日本語: テキスト
emoji😀: "😀"
mixed: "café ñ ü"
rtl: "שלום"
combining: "e\\u0301"
nbsp: "a\\u00a0b"
zwj: "👩‍👩‍👧"
`,
  html: `
html: "<script>alert('x') & \\"y\\"</script>"
ls: "a\\u2028b\\u2029c"
ctrl: "\\x00\\x01\\x1f"
slash: "a/b\\\\c"
bs: "\\b\\f"
`,
  documents: `---
a: 1
b: [x]
---
c: 2
`,
  comments: `
# leading comment
a: 1 # trailing
b: "x # not comment"
c: x#y
# middle
d:
  # nested comment
  e: f
`,
  blockInput: `
keep: |+
  a

strip: |-
  a
clip: |
  a
indented: |2
    two extra
folded_more: >
  a
    b
  c
`,
  empty: '',
  onlyComments: '# nothing here\n',
  topList: 'key: [a, {b: c}]\n',
  numbersInLists: `
ints: [1, 2, 3]
floats: [1.5, 2.25, 1e21]
mixed: [1, "1", true, "true", null, 1.0]
`,
  tomlish: `
title: example
owner:
  name: x
  dob: 1979-05-27T07:32:00-08:00
database:
  ports: [8000, 8001]
  enabled: true
  temp_targets: {cpu: 79.5, case: 72.0}
servers:
- name: alpha
  ip: 10.0.0.1
- name: beta
  ip: 10.0.0.2
  nested:
    deep: {x: 1}
"weird key": 1
"a.b": 2
`,
};
