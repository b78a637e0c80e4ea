/**
 * Inputs for the YAML parser differential test: hand-picked broken and tricky documents, and
 * valid documents corrupted line by line. Each is read by helm 3.17.3 both as a chart's
 * values.yaml and as a rendered manifest.
 */

/** Documents chosen for a specific scanner, parser or decoder path. */
export const HAND_PICKED: string[] = [
  // block structure
  'name: -\n',
  'metadata:\n  name: -\n  labels:\n    a: b\n',
  'name: */[O3p\n',
  'a: b: c\n',
  'a:\n  b: 1\n c: 2\n',
  'a:\n  b: 1\n   c: 2\n',
  'a:\n  - 1\n  b: 2\n',
  'a: 1\nb\nc: 2\n',
  'a: 1\nb\n',
  'a: 1\n- b\n',
  '- a\nb: 1\n',
  '- a\n - b\n',
  'a:\n- 1\n - 2\n',
  'a: 1\n  b: 2\n',
  ': x\n',
  'a: 1\n: x\n',
  '? a\n: b\n',
  '? - a\n  - b\n: c\n',
  '? a\n? b\n',
  '- - - a\n    - b\n',
  'a:\n  -\n  - b\n',
  'key:    \n  # comment\n  value\n',
  'a: |\n  x\n y\n',
  'a: |\n  x\n\ty\n',
  'a: |0\n  x\n',
  'a: |2-\n    x\n',
  'a: >+\n  x\n\n\nb: 1\n',
  'a: | x\n  y\n',
  'a: |\n\tx\n',
  'a:\n\tb: 1\n',
  'x: 1\n\ty: 2\n',
  'a: b\n\tc\n',
  'a: b\n \tc: d\n',
  'a:\t1\n',
  '-\ta\n',
  // flow collections
  'a: [1, 2\n',
  'a: [1, 2\nb: 3\n',
  'a: {b: 1\n',
  'a: {b: 1\nc: 2\n',
  'a: [1, 2]]\n',
  'a: {b: 1}}\n',
  'a: [1 2]\n',
  'a: {b: 1 c: 2}\n',
  'a: [a: 1, b]\n',
  'a: [? a : b]\n',
  'a: [: b]\n',
  'a: []: x\n',
  '[a, b]: c\n',
  '{a: 1}: 2\n',
  'a: {? b}\n',
  'a: [-]\n',
  'a: [- b]\n',
  'a: {b: [c, {d: e]}\n',
  'a: [\n  1,\n  2,\n]\n',
  'a: {b: 1,\n  c: 2\n',
  '[1, 2]\n',
  // quoted scalars
  'a: "abc\n',
  "a: 'abc\n",
  'a: "abc\ndef"\n',
  'a: "abc\n---\nx"\n',
  'a: "\\q"\n',
  'a: "\\xZZ"\n',
  'a: "\\ud800"\n',
  'a: "\\U00110000"\n',
  'a: "\\x41\\u00e9\\U0001F600\\N\\_\\L\\P\\0\\e"\n',
  'a: "line \\\n  continued"\n',
  "a: 'it''s'\n",
  'a: "x" y\n',
  '"a" b: c\n',
  // anchors, aliases, tags, merge keys
  'a: *unknown\n',
  'a: &x 1\nb: *y\n',
  'a: *x\nb: [\n',
  'a: &x [*x]\n',
  'a: &\n',
  'a: &x\nb: *x\n',
  'a: *\n',
  'a: &x! 1\n',
  'base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n',
  'a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n  z: 3\n',
  'a:\n  <<: 1\n',
  'a: &s x\nb:\n  <<: *s\n',
  'a:\n  <<: [{x: 1}, 2]\n',
  'a: !!int abc\n',
  'a: !!float 1\n',
  'a: !!timestamp 2001-12-14\nb: !!timestamp abc\n',
  'a: !!binary aGVsbG8=\n',
  'a: !!binary ???\n',
  'a: !foo bar\nb: !<tag:yaml.org,2002:int> "12"\nc: ! 12\n',
  'a: !!str\nb: !!null x\n',
  'a: !x!y z\n',
  'a: !<tag:yaml.org,2002:str 1\n',
  'a: !!str%zz x\n',
  'a: !!str%41 x\n',
  'a: !!str\tx\n',
  'a: !!bool yes\nb: !!bool maybe\n',
  // documents and directives
  '%YAML 1.1\n---\na: 1\n',
  '%YAML 1.2\n---\na: 1\n',
  '%YAML 1.1\n%YAML 1.1\n---\na: 1\n',
  '%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n',
  '%TAG !e! tag:example.com,2000:\n%TAG !e! tag:other:\n---\na: 1\n',
  '%FOO bar\n---\na: 1\n',
  '%YAML 1.1 x\n---\na: 1\n',
  '%YAML\n---\n',
  'a: 1\n...\nb: 2\n',
  'a: 1\n---\nb: [\n',
  '--- |\n  text\n',
  '--- >\n folded\n text\n\n more\n',
  '---\n---\na: 1\n',
  '...\n',
  '---\n',
  '# only a comment\n',
  'a: 1\n--- x\n',
  // encodings, breaks and limits
  '\ufeffa: 1\n',
  'a: 1\r\nb:\r\n  - x\r\n  - "y\r\n    z"\r\n',
  'a: b\u0085c\nd: "e\u2028f"\n',
  'a: x\u2029  y\n',
  'a: \u0001\n',
  'a: [\nb: c\n' + 'x'.repeat(600) + '\u0007\n',
  // Simple keys end 1024 characters after their start (quoted or flow: the manifest head's line
  // scanner leaves these to the full parse).
  '"k' + 'e'.repeat(1030) + '": v\n',
  'a: {k' + 'e'.repeat(1030) + ': v}\n',
  'a: [k' + 'e'.repeat(1030) + ': v]\n',
  'a: b #comment\nc: d#not\n',
  'a: \n',
  'a:\n',
  '- \n- \n',
  '? \n',
  '😀: x\n  y: z\n',
  'a: 😀 - b\n- c\n',
];

/**
 * go-yaml reads its input in 512-byte chunks and fails on a control character as soon as the
 * scanner needs any character of its chunk: a syntax error just before a chunk boundary wins
 * only if the scanner's look-ahead stays short of the boundary. Sweeps a syntax error and a
 * control character across the first boundary, with one- and two-byte characters before them.
 */
export function readerCases(): string[] {
  const out: string[] = [];
  for (let k = 0; k <= 9; k++) {
    out.push('#'.repeat(498 + k) + '\na: b: c' + ' '.repeat(8) + '\u0001\n');
    out.push('#' + 'é'.repeat(248 + k) + '\na: "\\q"  \u007f\n');
  }
  out.push('a: b: c\n' + '#'.repeat(600) + '\n\u0001\n');
  out.push('a: 1\n' + '#'.repeat(600) + '\nb: c: d\u0001\n');
  return out;
}

/** Valid documents, corrupted at each line by {@link corruptions}. */
const BASES: string[] = [
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  labels:',
    '    app: web',
    'spec:',
    '  replicas: 2',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: "nginx:1.25"',
    '          args: [--port, "8080"]',
    '          env:',
    '          - name: MODE',
    "            value: 'prod'",
  ].join('\n') + '\n',
  [
    '# defaults',
    'replicaCount: 1',
    'image:',
    '  repository: nginx',
    '  tag: ""',
    'service: {type: ClusterIP, port: 80}',
    'ingress:',
    '  hosts:',
    '  - host: a.example.com',
    '    paths: [/]',
    'config: |',
    '  key=value',
    '  other=1',
    'anchors: &base {x: 1}',
    'merged:',
    '  <<: *base',
  ].join('\n') + '\n',
];

/** Ways to break one line: each returns the new line, or null where it does not apply. */
const EDITS: [string, (line: string) => string | null][] = [
  ['dash at start', (l) => l.replace(/^(\s*)/, '$1- ')],
  ['value becomes -', (l) => (/: \S/.test(l) ? l.replace(/: .*$/, ': -') : null)],
  ['star before value', (l) => (/: \S/.test(l) ? l.replace(/: /, ': *') : null)],
  ['ampersand before value', (l) => (/: \S/.test(l) ? l.replace(/: /, ': &') : null)],
  ['bang before value', (l) => (/: \S/.test(l) ? l.replace(/: /, ': !') : null)],
  ['open bracket', (l) => (/: /.test(l) ? l.replace(/: /, ': [') : l + ' [')],
  ['open brace', (l) => (/: /.test(l) ? l.replace(/: /, ': {') : l + ' {')],
  ['extra colon', (l) => l + ': x'],
  ['tab indent', (l) => '\t' + l],
  ['one more space', (l) => ' ' + l],
  ['one less space', (l) => (l.startsWith(' ') ? l.slice(1) : null)],
  ['unclosed double quote', (l) => (/: /.test(l) ? l.replace(/: /, ': "') : '"' + l)],
  ['unclosed single quote', (l) => (/: /.test(l) ? l.replace(/: /, ": '") : "'" + l)],
  ['key only', (l) => l.replace(/:.*$/, '')],
];

/** Every corruption of every base document (deduplicated; none contains a template action). */
export function corruptions(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const seen = new Set<string>();
  BASES.forEach((base, b) => {
    const lines = base.split('\n');
    lines.forEach((line, i) => {
      if (line === '') return;
      for (const [editName, edit] of EDITS) {
        const changed = edit(line);
        if (changed === null || changed === line) continue;
        const text = [...lines.slice(0, i), changed, ...lines.slice(i + 1)].join('\n');
        if (seen.has(text) || text.includes('{{')) continue;
        seen.add(text);
        out.push({ name: `base ${b} line ${i + 1}: ${editName}`, text });
      }
    });
  });
  return out;
}

/** A small deterministic PRNG (mulberry32), so generated documents are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'key', 'a', 'b1', '- ', ': ', ':', '? ', ',', '[', ']', '{', '}', '"', "'", '\\', '#c', ' ', '  ', '\t',
  '&x', '*x', '!!str ', '!t ', '|', '>-', '%', '@', '`', '---', '...', '-1', '0x1F', 'yes', '~', '<<', '\u00e9',
];

/** Random documents of YAML-significant pieces and indented lines, from a fixed seed. */
export function randomDocuments(count: number, seed = 20240917): string[] {
  const next = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
  const out: string[] = [];
  while (out.length < count) {
    const lines: string[] = [];
    const n = 1 + Math.floor(next() * 5);
    for (let l = 0; l < n; l++) {
      let line = ' '.repeat(pick([0, 0, 1, 2, 2, 4]));
      const k = 1 + Math.floor(next() * 5);
      for (let p = 0; p < k; p++) line += pick(PIECES);
      lines.push(line);
    }
    // Half are nested under a key, so that what parses is a mapping whose values are compared.
    const text = out.length % 4 < 2 ? lines.join('\n') + '\n' : 'root:\n' + lines.map((l) => '  ' + l).join('\n') + '\n';
    if (!text.includes('{{')) out.push(text);
  }
  return out;
}
