/**
 * Differential cases for Sprig's core families: each is a template run both by helm 3.17.3 and
 * by our engine with {@link DIFF_VALUES} as .Values. Numbers in values are float64 (as from a
 * values file); literals in templates are ints; errors are compared by Go's full error text.
 */

export const DIFF_VALUES = `
big: 1000000
f: 1.5
neg: -2.7
i: 3
z: 0
s: "hello world"
e: ""
u: "héllo wörld"
t: true
nul: null
octal: "0755"
list: [1, "two", 3.5, null, true]
strs: [b, a, c, B]
nums: [3, 1, 2]
dup: [1, 1, "1", 2, 2.0]
empty: []
m: {a: 1, b: "x", c: {d: 2}}
em: {}
nested: {x: {yy: {z: "deep"}}}
path: "/usr/local/../lib/./x.tar.gz"
`;

const strings = [
  '{{ hello }}',
  '{{ abbrev 5 "hello world" }}|{{ abbrev 3 "hello" }}|{{ abbrev 20 "short" }}|{{ abbrev 4 "" }}',
  '{{ abbrev 6 .Values.u }}',
  '{{ abbrevboth 5 10 "1234 5678 9123 4567" }}|{{ abbrevboth 0 7 "abcdefghijkl" }}|{{ abbrevboth 1 6 "abcdefghij" }}',
  '{{ abbrevboth 10 10 "The quick brown fox jumps over" }}',
  '{{ trunc 5 "hello world" }}|{{ trunc -5 "hello world" }}|{{ trunc 50 "hi" }}|{{ trunc -50 "hi" }}|{{ trunc 0 "x" }}',
  '{{ trunc 2 .Values.u }}|{{ trunc 3 "日本語" }}',
  '{{ trunc .Values.f "abc" }}',
  '{{ trunc (int .Values.i) .Values.s }}',
  '{{ trim "  \\t hi there \\n " }}|{{ trim "\\u0085x\\u00a0" }}',
  '{{ upper "hello ß ǆ" }}|{{ lower "HELLO İ Ω" }}',
  '{{ title "hello world-foo_bar élan 3rd" }}|{{ untitle "Hello World FOO" }}',
  '{{ substr 1 3 "hello" }}|{{ substr 2 -1 "hello" }}|{{ substr 2 99 "hello" }}|{{ substr -1 2 "hello" }}',
  '{{ substr -1 10 "abc" }}',
  '{{ substr 5 99 "abc" }}',
  '{{ substr 2 1 "abc" }}',
  '{{ substr 9223372036854775807 1 "a" }}',
  '{{ substr 2 9223372036854775807 "abc" }}|{{ substr -9223372036854775808 2 "abc" }}',
  '{{ substr 1 4 .Values.u }}',
  '{{ repeat 3 "ab" }}|{{ repeat 0 "x" }}',
  '{{ repeat -1 "x" }}',
  '{{ "x" | repeat 3 }}',
  '{{ trimAll "$" "$$5.00$" }}|{{ trimall "ab" "abcba" }}|{{ trimSuffix ".go" "main.go" }}|{{ trimPrefix "v" "v1.2" }}|{{ trimAll "" "x" }}',
  '{{ nospace " h e\\tl l\\no " }}|{{ nospace .Values.u }}|{{ nospace "à b" }}',
  '{{ initials "John Doe foo" }}|{{ initials "  lead  space" }}|{{ initials .Values.u }}',
  '{{ swapcase "Hello World 123 hELLO" }}|{{ swapcase "ǅx" }}',
  '{{ snakecase "FirstName" }}|{{ snakecase "HTTPServer" }}|{{ snakecase "NoHTTPS" }}|{{ snakecase "GO_PATH" }}|{{ snakecase "GO PATH" }}|{{ snakecase "GO-PATH" }}',
  '{{ snakecase "http2xx" }}|{{ snakecase "HTTP20xOK" }}|{{ snakecase "Duration2m3s" }}|{{ snakecase "Bld4Floor3rd" }}|{{ snakecase "a.b.c" }}|{{ snakecase "already_snake" }}',
  '{{ kebabcase "FirstName" }}|{{ kebabcase "HTTPServer" }}|{{ kebabcase "some_words here" }}|{{ kebabcase "ID" }}|{{ kebabcase "x" }}|{{ kebabcase "" }}',
  '{{ camelcase "http_server" }}|{{ camelcase "_complex__case_" }}|{{ camelcase "some words" }}|{{ camelcase "GOLANG_IS_GREAT" }}|{{ camelcase "x" }}|{{ camelcase "_" }}|{{ camelcase "foo-bar" }}',
  '{{ upper "ﬁ ß ŉ ǰ ΐ ı ſ ǅ ა µ" }}|{{ lower "İ Ǆ ẞ K Ω Σ" }}|{{ title "ǆa ǉb ǌc ǳd ქართ ﬁx ßy" }}|{{ swapcase "ǅ ǆ ß ſ ﬁ" }}',
  '{{ snakecase "ÀBC ÉtéΣίσυφος" }}|{{ kebabcase "日本語Text中文" }}|{{ camelcase "ǆemal_ǉubav" }}|{{ camelcase "σ-Σ" }}|{{ snakecase "a1B2c3" }}|{{ kebabcase "JSONData2Go" }}',
  '{{ snakecase "foo__bar" }}|{{ snakecase "-foo-" }}|{{ snakecase "Foo.Bar" }}|{{ kebabcase "a  b" }}|{{ snakecase "V1Beta2" }}|{{ snakecase "iOS14App" }}|{{ snakecase "x_Y_z" }}',
  '{{ camelcase "HelloWorld" }}|{{ camelcase "hELLO" }}|{{ camelcase "a b c" }}|{{ snakecase "ÉtéChaud" }}',
  '{{ wrap 5 "hello world foo bar" }}',
  '{{ wrap 3 "abcdefgh ij" }}|{{ wrap 0 "a b" }}|{{ wrap 10 "" }}',
  '{{ wrapWith 5 "\\t" "hello world" }}|{{ wrapWith 3 "|" "abcdefgh" }}',
  '{{ wrap 4 .Values.u }}',
  '{{ wrap 6 "  lead  spaces  here" }}|{{ wrap 4 "a\\nbcdef gh" }}|{{ wrap 5 "abc def    ghi" }}|{{ wrap 3 "verylongword x" }}|{{ wrapWith 4 "" "abc defgh" }}',
  '{{ nospace "tab\u00a0nbsp" }}|{{ indent 2 "a\\r\\nb" }}|{{ trim "\ufeffx\ufeff" }}|{{ initials "\u00a0a b" }}',
  '{{ contains "ell" "hello" }}|{{ contains "" "x" }}|{{ hasPrefix "he" "hello" }}|{{ hasSuffix "lo" "hello" }}|{{ hasSuffix "x" "hello" }}',
  '{{ quote "a\\"b" }}|{{ quote 1 2.5 nil true }}|{{ quote }}|{{ quote .Values.big }}|{{ quote .Values.nul }}|{{ quote .Values.missing }}',
  '{{ quote "tab\\there" "é" "\\u0000" }}|{{ quote .Values.list }}|{{ quote .Values.m }}',
  '{{ squote "a" 1 nil .Values.f }}|{{ squote .Values.nums }}|{{ squote }}',
  '{{ cat "a" 1 nil "b" .Values.f }}|{{ cat }}|{{ cat .Values.list }}',
  '{{ indent 2 "a\\nb" }}|{{ nindent 4 "x" }}|{{ indent 0 "y" }}',
  '{{ indent -1 "x" }}',
  '{{ replace "a" "b" "banana" }}|{{ replace "" "-" "abc" }}|{{ "x.y.z" | replace "." "/" }}',
  '{{ plural "one" "many" 1 }}|{{ plural "one" "many" 2 }}|{{ plural "one" "many" 0 }}',
  '{{ plural "one" "many" .Values.i }}',
  '{{ split "," "a,b,,c" }}|{{ (split "/" "x/y")._1 }}|{{ split "" "abc" }}|{{ split "," "" }}',
  '{{ splitList "," "a,b,c" }}|{{ splitList "" "héllo" }}|{{ splitList "x" "" | len }}|{{ splitList "," "a,b" | typeOf }}',
  '{{ splitn "," 2 "a,b,c" }}|{{ splitn "," 0 "a,b" }}|{{ splitn "," -1 "a,b" }}|{{ splitn "," 5 "a,b" }}',
  '{{ join "-" .Values.list }}|{{ join "," .Values.nums }}|{{ join "," "single" }}|{{ join "," 3 }}|{{ join "," .Values.empty }}',
  '{{ join ", " (list 1 2.5 "x" nil true (list 1)) }}',
  '{{ sortAlpha .Values.strs }}|{{ sortAlpha .Values.nums }}|{{ sortAlpha "x" }}|{{ sortAlpha .Values.list }}|{{ sortAlpha 4 }}',
  '{{ sortAlpha (list "é" "z" "a" "Z" "10" "9") }}',
  '{{ toString 1 }}|{{ toString .Values.big }}|{{ toString .Values.f }}|{{ toString nil }}|{{ toString .Values.list }}|{{ toString .Values.m }}|{{ toString true }}',
  '{{ toStrings .Values.list }}|{{ toStrings "x" }}|{{ toStrings nil | len }}|{{ toStrings .Values.nums | typeOf }}',
];

const conversions = [
  '{{ int64 "42" }}|{{ int64 "1.0" }}|{{ int64 "1.5" }}|{{ int64 "0x1F" }}|{{ int64 "0o17" }}|{{ int64 "017" }}|{{ int64 "0b101" }}|{{ int64 "1_000" }}',
  '{{ int64 .Values.f }}|{{ int64 .Values.neg }}|{{ int64 .Values.big }}|{{ int64 true }}|{{ int64 nil }}|{{ int64 .Values.list }}|{{ int64 "" }}|{{ int64 " 1" }}',
  '{{ int "42" }}|{{ int .Values.f }}|{{ int "-7" }}|{{ int "9223372036854775807" }}|{{ int "9223372036854775808" }}|{{ int "abc" }}',
  '{{ int64 1e20 }}|{{ int64 -1e20 }}|{{ int64 (float64 "NaN") }}|{{ int64 (float64 "+Inf") }}',
  '{{ float64 "1.5" }}|{{ float64 "1e3" }}|{{ float64 "0x10" }}|{{ float64 "0x1p-2" }}|{{ float64 "inf" }}|{{ float64 "-Infinity" }}|{{ float64 "1_0.5" }}|{{ float64 "1e400" }}',
  '{{ float64 3 }}|{{ float64 .Values.big }}|{{ float64 true }}|{{ float64 nil }}|{{ float64 "abc" }}|{{ float64 ".5" }}|{{ float64 "5." }}|{{ float64 "-0" }}',
  '{{ float64 "1234567890123456789" }}|{{ float64 "0.1" }}|{{ float64 "1e-7" }}|{{ float64 "123456789012345678901" }}',
  '{{ atoi "42" }}|{{ atoi "-3" }}|{{ atoi "+5" }}|{{ atoi "4.2" }}|{{ atoi "x" }}|{{ atoi "" }}|{{ atoi "99999999999999999999" }}|{{ atoi "-99999999999999999999" }}|{{ atoi "007" }}',
  '{{ atoi .Values.f }}',
  '{{ toDecimal "0755" }}|{{ toDecimal 777 }}|{{ toDecimal "8" }}|{{ toDecimal .Values.octal }}|{{ toDecimal "-10" }}|{{ toDecimal .Values.f }}|{{ toDecimal nil }}',
  '{{ typeOf (int 1) }}|{{ typeOf (int64 1) }}|{{ typeOf (float64 1) }}|{{ typeOf (atoi "1") }}|{{ typeOf (toDecimal "7") }}',
];

const math = [
  '{{ add 1 2 3 }}|{{ add }}|{{ add .Values.f .Values.f }}|{{ add "3" 4 }}|{{ add nil true }}|{{ add .Values.big 1 }}',
  '{{ add1 5 }}|{{ add1 .Values.neg }}|{{ add1 "x" }}|{{ add1 9223372036854775807 }}',
  '{{ sub 10 3 }}|{{ sub .Values.f 5 }}|{{ sub "1" "2" }}',
  '{{ div 10 3 }}|{{ div -7 2 }}|{{ div .Values.big 7 }}|{{ div -9223372036854775808 -1 }}',
  '{{ div 1 0 }}',
  '{{ mod 10 3 }}|{{ mod -7 3 }}|{{ mod 7 -3 }}',
  '{{ mod 5 .Values.z }}',
  '{{ mul 2 3 4 }}|{{ mul 5 }}|{{ mul .Values.f 4 }}|{{ mul 4294967296 4294967296 }}',
  '{{ max 1 5 3 }}|{{ max -1 }}|{{ biggest 2 "9" 4 }}|{{ min 4 2 8 }}|{{ min .Values.neg 0 }}',
  '{{ maxf 1 2.5 2 }}|{{ minf 1 2.5 -0.5 }}|{{ maxf "x" }}|{{ minf .Values.f .Values.neg }}|{{ maxf 1 (float64 "NaN") }}',
  '{{ addf 0.1 0.2 }}|{{ addf 1 2 3 }}|{{ addf }}|{{ add1f 1.5 }}|{{ add1f .Values.big }}',
  '{{ subf 1 0.9 }}|{{ subf 10 }}|{{ subf 5 1 1 1 }}|{{ mulf 1.1 3 }}|{{ mulf 0.1 0.1 }}|{{ mulf 3 }}',
  '{{ divf 1 3 }}|{{ divf 2 3 }}|{{ divf 10 4 }}|{{ divf 1 3 3 }}|{{ divf -2 3 }}|{{ divf 1e-20 3 }}|{{ divf 1e20 3 }}',
  '{{ divf 1 0 }}',
  '{{ addf 1e300 1e300 }}|{{ mulf 1e200 1e200 }}|{{ addf 123456789.123456789 0.000000001 }}',
  '{{ floor 1.7 }}|{{ floor -1.2 }}|{{ floor "3.9" }}|{{ ceil 1.2 }}|{{ ceil -1.7 }}|{{ ceil .Values.big }}|{{ floor nil }}',
  '{{ round 3.14159 2 }}|{{ round 2.5 0 }}|{{ round -2.5 0 }}|{{ round 1.005 2 }}|{{ round 123.456 -1 }}|{{ round 1.15 1 0.6 }}|{{ round "2.49" 1 }}',
  '{{ round 1.5 .Values.f }}',
  '{{ seq 5 }}|{{ seq -3 }}|{{ seq 0 }}|{{ seq 1 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 10 }}|{{ seq 10 -3 1 }}|{{ seq 10 3 1 }}|{{ seq }}|{{ seq 1 2 3 4 }}',
  '{{ until 5 }}|{{ until -3 }}|{{ until 0 }}|{{ until 3 | typeOf }}',
  '{{ untilStep 0 10 3 }}|{{ untilStep 10 0 -4 }}|{{ untilStep 0 10 -1 }}|{{ untilStep 10 0 1 }}|{{ untilStep 0 5 0 }}',
  '{{ until .Values.i }}',
  '{{ range $i, $e := until 3 }}{{ $i }}{{ $e }}{{ end }}',
];

const defaults = [
  '{{ default "d" "" }}|{{ default "d" "x" }}|{{ default "d" 0 }}|{{ default "d" .Values.z }}|{{ default "d" .Values.missing }}|{{ default "d" .Values.nul }}|{{ default "d" false }}|{{ default "d" }}',
  '{{ default "d" .Values.empty }}|{{ default "d" .Values.em }}|{{ default "d" .Values.m | typeOf }}|{{ default 5 .Values.f }}|{{ .Values.missing | default "piped" }}',
  '{{ empty "" }}|{{ empty 0 }}|{{ empty 0.0 }}|{{ empty .Values.z }}|{{ empty .Values.nul }}|{{ empty .Values.missing }}|{{ empty .Values.empty }}|{{ empty .Values.em }}|{{ empty false }}|{{ empty "x" }}|{{ empty .Values.m }}',
  '{{ empty (list) }}|{{ empty (dict) }}|{{ empty nil }}|{{ empty (int64 0) }}|{{ empty .Values.t }}',
  '{{ coalesce "" 0 "x" "y" }}|{{ coalesce .Values.missing .Values.e .Values.s }}|{{ coalesce }}|{{ coalesce 0 "" nil }}',
  '{{ all 1 "x" true }}|{{ all 1 "" true }}|{{ all }}|{{ any 0 "" nil }}|{{ any 0 "x" }}|{{ any }}',
  '{{ ternary "yes" "no" true }}|{{ ternary "yes" "no" false }}|{{ ternary 1 2 .Values.t }}|{{ true | ternary "a" "b" }}',
  '{{ ternary "a" "b" .Values.s }}',
  '{{ ternary "a" "b" nil }}',
];

const reflection = [
  '{{ typeOf 1 }}|{{ typeOf 1.5 }}|{{ typeOf "s" }}|{{ typeOf nil }}|{{ typeOf true }}|{{ typeOf .Values.f }}|{{ typeOf .Values.list }}|{{ typeOf .Values.m }}|{{ typeOf .Values }}|{{ typeOf .Values.missing }}',
  '{{ typeOf (list) }}|{{ typeOf (dict) }}|{{ typeOf (splitList "," "a") }}|{{ typeOf (split "," "a") }}|{{ typeOf (chunk 2 (list 1)) }}|{{ typeOf (until 2) }}',
  '{{ typeIs "string" "x" }}|{{ typeIs "int" 1 }}|{{ typeIs "int" .Values.i }}|{{ typeIsLike "float64" .Values.i }}|{{ typeIsLike "Values" .Values }}',
  '{{ kindOf 1 }}|{{ kindOf .Values.f }}|{{ kindOf "x" }}|{{ kindOf .Values.list }}|{{ kindOf .Values.m }}|{{ kindOf .Values }}|{{ kindOf nil }}|{{ kindOf true }}|{{ kindOf (int64 1) }}',
  '{{ kindIs "map" .Values.m }}|{{ kindIs "slice" .Values.list }}|{{ kindIs "int" .Values.i }}|{{ kindIs "invalid" nil }}',
  '{{ deepEqual 1 1 }}|{{ deepEqual 1 1.0 }}|{{ deepEqual .Values.i 3 }}|{{ deepEqual .Values.i 3.0 }}|{{ deepEqual (list 1 2) (list 1 2) }}|{{ deepEqual (dict "a" 1) (dict "a" 1) }}|{{ deepEqual nil nil }}|{{ deepEqual .Values.missing nil }}',
  '{{ deepEqual (int 1) (int64 1) }}|{{ deepEqual .Values.m .Values.m }}|{{ deepEqual (splitList "," "a") (list "a") }}|{{ deepEqual "a" "a" }}|{{ deepEqual (list) (list) }}',
];

const paths = [
  '{{ base "/a/b/c.txt" }}|{{ base "/a/b/" }}|{{ base "" }}|{{ base "///" }}|{{ base "c" }}|{{ base .Values.path }}',
  '{{ dir "/a/b/c.txt" }}|{{ dir "c.txt" }}|{{ dir "" }}|{{ dir "/" }}|{{ dir "a/b/" }}|{{ dir .Values.path }}',
  '{{ clean "a//b/./c/.." }}|{{ clean "" }}|{{ clean "/../x" }}|{{ clean "../../x/" }}|{{ clean "./" }}|{{ clean .Values.path }}|{{ clean "a/../.." }}',
  '{{ ext "x.tar.gz" }}|{{ ext "noext" }}|{{ ext "a.b/c" }}|{{ ext ".hidden" }}|{{ ext "" }}',
  '{{ isAbs "/x" }}|{{ isAbs "x" }}|{{ isAbs "" }}',
  '{{ osBase "/a/b" }}|{{ osDir "/a/b" }}|{{ osClean "a/../b" }}|{{ osExt "f.yaml" }}|{{ osIsAbs "/r" }}',
];

const lists = [
  '{{ list 1 "a" nil 2.5 }}|{{ list }}|{{ tuple 1 2 }}|{{ list .Values.f .Values.missing }}',
  '{{ append (list 1 2) 3 }}|{{ push .Values.nums 4 }}|{{ mustAppend .Values.empty "x" }}|{{ mustPush (splitList "," "a,b") "c" }}',
  '{{ append "x" 1 }}',
  '{{ mustAppend .Values.m 1 }}',
  '{{ append nil 1 }}',
  '{{ prepend (list 1 2) 0 }}|{{ mustPrepend .Values.nums 9 }}',
  '{{ prepend 3 1 }}',
  '{{ first .Values.list }}|{{ first .Values.empty }}|{{ mustFirst (list "a") }}|{{ first (splitList "," "x,y") }}',
  '{{ first "abc" }}',
  '{{ mustFirst .Values.f }}',
  '{{ last .Values.list }}|{{ last .Values.empty }}|{{ mustLast .Values.nums }}',
  '{{ last .Values.m }}',
  '{{ rest .Values.nums }}|{{ rest .Values.empty }}|{{ rest (list 1) }}|{{ mustRest .Values.list }}',
  '{{ rest 1 }}',
  '{{ initial .Values.nums }}|{{ initial .Values.empty }}|{{ mustInitial (list 1 2) }}',
  '{{ initial true }}',
  '{{ reverse .Values.nums }}|{{ reverse .Values.empty }}|{{ mustReverse (list 1) }}',
  '{{ reverse "abc" }}',
  '{{ uniq .Values.dup }}|{{ uniq (list (list 1) (list 1) (dict "a" 1) (dict "a" 1)) }}|{{ mustUniq .Values.empty }}',
  '{{ uniq .Values.s }}',
  '{{ without .Values.nums 1 3 }}|{{ without .Values.dup 1 }}|{{ without .Values.list nil }}|{{ mustWithout (list 1 2) }}',
  '{{ without 5 1 }}',
  '{{ has 1 .Values.nums }}|{{ has 3.0 .Values.nums }}|{{ has "two" .Values.list }}|{{ has nil .Values.list }}|{{ has 1 nil }}|{{ mustHas 2 (list 1 2) }}|{{ has 1 .Values.missing }}',
  '{{ has 1 "abc" }}',
  '{{ mustHas 1 .Values.m }}',
  '{{ compact .Values.list }}|{{ compact (list 0 "" nil false (list) (dict) "x" 1) }}|{{ mustCompact .Values.empty }}',
  '{{ compact "x" }}',
  '{{ slice .Values.nums 1 }}|{{ slice .Values.nums 1 2 }}|{{ slice .Values.nums }}|{{ slice .Values.empty 0 0 }}|{{ slice .Values.nums "1" 2.9 }}|{{ mustSlice (list 1 2 3) 0 0 }}',
  '{{ slice (splitList "," "a,b,c") 1 | typeOf }}|{{ slice .Values.empty 1 | typeOf }}|{{ slice .Values.nums 3 3 }}',
  '{{ slice .Values.nums 2 5 }}',
  '{{ slice .Values.nums -1 }}',
  '{{ mustSlice .Values.nums 2 1 }}',
  '{{ slice "abc" 1 }}',
  '{{ concat .Values.nums .Values.list (list) }}|{{ concat }}|{{ concat (splitList "," "a,b") (list 1) }}',
  '{{ rest (list) | toJson }}|{{ initial (list) | toJson }}|{{ rest (list 1) | toJson }}|{{ concat | toJson }}|{{ concat (list) (list) | toJson }}|{{ slice (list) | toJson }}|{{ chunk 2 (list) | toJson }}|{{ keys | toJson }}|{{ compact (list "") | toJson }}|{{ concat | empty }}',
  '{{ concat (list 1) "a" }}',
  '{{ concat (list 1) nil }}',
  '{{ chunk 2 .Values.nums }}|{{ chunk 3 .Values.empty }}|{{ chunk 1 (list 1 2) }}|{{ chunk 5 .Values.list }}|{{ mustChunk 2 (list 1 2 3 4) }}',
  '{{ chunk 0 .Values.nums }}',
  '{{ chunk -1 .Values.empty }}',
  '{{ chunk 2 "ab" }}',
  '{{ range chunk 2 .Values.nums }}[{{ join "," . }}]{{ end }}',
];

const dicts = [
  '{{ dict "a" 1 "b" "two" }}|{{ dict }}|{{ dict "odd" }}|{{ dict 1 2 nil 3 true 4 }}|{{ dict "a" .Values.missing }}',
  '{{ get .Values.m "a" }}|{{ get .Values.m "zz" }}|{{ get (dict "n" nil) "n" }}|{{ get .Values "i" }}|{{ typeOf (get .Values.m "c") }}',
  '{{ get .Values.list "a" }}',
  '{{ get .Values.missing "a" }}',
  '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }}|{{ set (dict) "k" "v" }}|{{ set .Values.em "x" 1 | len }}',
  '{{ $d := dict "a" 1 "b" 2 }}{{ $_ := unset $d "a" }}{{ $d }}|{{ unset (dict) "nope" }}',
  '{{ hasKey .Values.m "a" }}|{{ hasKey .Values.m "z" }}|{{ hasKey .Values "nul" }}|{{ hasKey (dict) "" }}',
  '{{ hasKey .Values.s "a" }}',
  '{{ pluck "a" .Values.m (dict "a" 2) (dict "b" 3) }}|{{ pluck "x" }}|{{ pluck "a" (dict "a" nil) }}',
  '{{ keys .Values.m | sortAlpha }}|{{ keys (dict) }}|{{ keys .Values.m .Values.nested | sortAlpha }}|{{ keys | len }}|{{ keys (dict "z" 1 "a" 2) | sortAlpha }}',
  '{{ values (dict "a" 1) }}|{{ values (dict) }}|{{ values .Values.m | len }}',
  '{{ pick .Values.m "a" "c" "zz" }}|{{ pick .Values.m }}|{{ omit .Values.m "a" }}|{{ omit .Values.m }}|{{ omit .Values.m "a" "b" "c" }}',
  '{{ merge (dict "a" 1 "b" "") (dict "b" 2 "c" 3) }}|{{ merge (dict "a" 1) }}|{{ mergeOverwrite (dict "a" 1 "b" 2) (dict "b" 3) (dict "b" 4 "c" nil) }}',
  '{{ merge (dict "m" (dict "x" 1 "y" 0)) (dict "m" (dict "y" 2 "z" 3)) }}|{{ mergeOverwrite (dict "m" (dict "x" 1 "y" 0)) (dict "m" (dict "x" 9 "z" 3)) }}',
  '{{ merge (dict "l" (list 1) "e" (list)) (dict "l" (list 2) "e" (list 3)) }}|{{ mergeOverwrite (dict "l" (list 1 2)) (dict "l" (list)) }}',
  '{{ merge (dict "s" "str" "n" nil) (dict "s" (dict "a" 1) "n" (dict "b" 2)) }}|{{ mergeOverwrite (dict "s" "str") (dict "s" (dict "a" 1)) }}|{{ mergeOverwrite (dict "m" (dict "a" 1)) (dict "m" "flat") }}',
  '{{ merge (dict "f" false "z" 0 "t" true) (dict "f" true "z" 5 "t" false "new" false) }}|{{ mergeOverwrite (dict "f" true "s" "x") (dict "f" false "s" "") }}',
  '{{ $dst := dict "a" 1 }}{{ $_ := merge $dst (dict "b" 2) }}{{ $dst }}|{{ mustMerge (dict) (dict "x" 1) }}|{{ mustMergeOverwrite (dict "x" 1) (dict "x" 2) }}',
  '{{ $e := dict }}{{ $_ := merge (dict "a" $e) (dict "a" (dict "k" 1)) }}{{ $e }}',
  '{{ merge (deepCopy .Values.m) .Values.nested | toString }}|{{ mergeOverwrite (deepCopy .Values.m) (dict "c" (dict "d" 9 "e" 1)) }}|{{ .Values.m }}',
  '{{ merge .Values.m "x" }}',
  // Merging only nil maps gives a nil map (`map[]`, `null`); merging into one makes a fresh map.
  '{{ merge nil nil }}|{{ merge nil nil | toJson }}|{{ typeOf (merge nil nil) }}|{{ mergeOverwrite nil (dict "b" 2) | toJson }}',
  '{{ dig "x" "yy" "z" "dflt" .Values.nested }}|{{ dig "x" "q" "dflt" .Values.nested }}|{{ dig "a" "dflt" .Values.m }}|{{ dig "c" "d" 0 .Values.m }}|{{ dig "zz" .Values.missing .Values.m }}',
  '{{ dig "a" "x" .Values }}',
  '{{ dig "a" "b" "x" .Values.m }}',
  '{{ dig "a" "x" }}',
  '{{ dig 1 "x" .Values.m }}',
  '{{ dig "a" "x" .Values.nul }}',
  '{{ deepCopy .Values.m }}|{{ deepCopy .Values.list }}|{{ deepCopy 5 }}|{{ deepCopy "s" }}|{{ mustDeepCopy .Values.nested }}|{{ deepCopy .Values | typeOf }}',
  '{{ $c := deepCopy .Values.m }}{{ $_ := set $c "a" 99 }}{{ .Values.m.a }} {{ $c.a }}',
  '{{ deepCopy nil }}',
  '{{ mustDeepCopy nil }}',
];

// How the engine converts arguments by each function's Go signature, and reflection over []int.
const signatures = [
  '{{ trunc (int64 2) "abc" }}',
  '{{ round 1.25 1 1 }}|{{ round 1.25 1 0.2 }}',
  '{{ seq 1 .Values.i }}',
  '{{ repeat .Values.i "x" }}',
  '{{ wrap "5" "abc" }}',
  '{{ splitn "," .Values.f "a,b" }}',
  '{{ plural "a" "b" (int64 1) }}',
  '{{ hasKey .Values.m 1 }}',
  '{{ pick .Values.m 1 }}',
  '{{ keys .Values.m "x" }}',
  '{{ merge .Values.m .Values.list }}',
  '{{ pluck "a" .Values.list }}',
  '{{ get .Values "m" | typeOf }}|{{ dict "a" 1 | keys }}|{{ hasKey .Values "m" }}',
  '{{ indent 2 .Values.u }}|{{ until 3 | toStrings }}|{{ join "," (until 3) }}|{{ sortAlpha (until 12) }}',
  '{{ has 1 (until 3) }}|{{ has 1.0 (until 3) }}|{{ uniq (until 3) }}|{{ first (until 3) | typeOf }}|{{ reverse (until 3) }}',
  '{{ toDecimal (int64 10) }}|{{ toDecimal (until 2) }}|{{ toDecimal true }}',
  '{{ last (splitn "," 3 "a,b,c") }}',
  '{{ abbrev 10 "日本語日本語日本語" }}|{{ trunc 4 "日本語" }}|{{ trunc 5 "日本語" }}|{{ trunc -4 "日本語" }}|{{ substr 1 4 "日本語" }}',
  '{{ wrapWith 2 "/" "日本語" }}|{{ abbrevboth 5 10 "日本語日本語日本語日本語" }}',
  '{{ default (list 1) .Values.empty }}|{{ coalesce .Values.empty .Values.nums }}|{{ ternary .Values.m .Values.list true }}',
  '{{ add (int64 5) (int 6) 1.9 }}|{{ mul "2" "0x10" }}|{{ max "x" -1 }}|{{ min "-5" "3" }}',
  '{{ untilStep 0 .Values.i 1 }}',
  '{{ until 3 | last }}|{{ slice (until 5) 1 3 }}|{{ concat (until 2) (list "a") }}|{{ chunk 2 (until 5) }}',
  '{{ typeOf (slice (until 5) 1 3) }}|{{ kindOf (until 1) }}|{{ typeOf (first (chunk 2 (list 1))) }}',
  '{{ quote (until 3) }}|{{ squote (dict "a" (list 1)) }}|{{ cat (until 2) nil (dict) }}',
  '{{ toString (until 2) }}|{{ toStrings (dict "a" 1) }}|{{ join "" (list nil nil) }}',
  '{{ set .Values.m "a" 2 | typeOf }}|{{ merge (dict) .Values | typeOf }}',
  '{{ $l := splitList "," "b,a" }}{{ $_ := sortAlpha $l }}{{ $l }}|{{ $l := list "b" "a" }}{{ $_ := sortAlpha $l }}{{ $l }}',
];

/** Every differential case, grouped by family. */
export const DIFF_CASES: Record<string, readonly string[]> = {
  strings,
  conversions,
  math,
  defaults,
  reflection,
  paths,
  lists,
  dicts,
  signatures,
};
