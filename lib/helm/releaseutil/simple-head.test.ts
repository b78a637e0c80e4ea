import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { readTree } from '../../cli/node-io';
import { loadChartDirectory } from '../chart';
import { templateChart } from '../action/template';
import { yamlToGo } from '../../yaml';
import type { GoMap } from '../../go/value';
import { removeStandins, withStandins } from '../../../tests/charts/standins';
import { parseHead, type SimpleHead } from './manifest';
import { headAfterValueChanges, readSimpleHead } from './simple-head';
import { splitManifests } from './split';

/** The fast reader may decline a document, but what it reads must be what the full parse reads. */
function expectAgrees(doc: string): SimpleHead | undefined {
  const fast = readSimpleHead(doc);
  let full: SimpleHead | Error;
  try {
    full = parseHead(doc);
  } catch (e) {
    full = e as Error;
  }
  if (fast !== undefined) expect(fast, doc).toEqual(full);
  return fast;
}

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n';

describe('readSimpleHead agrees with the full YAML parse', () => {
  // [name, document, whether the fast reader should accept it]
  const cases: [string, string, boolean][] = [
    ['plain head', HEAD, true],
    ['quoted head values', `apiVersion: "v1"\nkind: 'Config''Map'\nmetadata:\n  name: "a\\"b"\n`, true],
    ['annotations', `${HEAD}  annotations:\n    helm.sh/hook: pre-install,post-upgrade\n    a: "1"\n    b:\n    c: 'x' # note\n`, true],
    ['empty annotations', `${HEAD}  annotations: {}\n`, true],
    ['empty metadata', 'apiVersion: v1\nkind: A\nmetadata: {}\n', true],
    ['null metadata', 'apiVersion: v1\nkind: A\nmetadata:\nspec: 1\n', true],
    ['null name', 'apiVersion: v1\nkind: A\nmetadata:\n  name:\n', true],
    ['no head fields', 'spec:\n  a: b\n', true],
    ['compact sequences', `${HEAD}spec:\n  containers:\n  - name: a\n    args:\n    - -x\n    - --y=1\n  - name: b\n  env: []\n`, true],
    ['indented sequences', `${HEAD}spec:\n  items:\n    - a\n    - "b"\n    - c: d\n      e: f\n`, true],
    ['block scalars', `${HEAD}data:\n  a: |\n    line: 1\n    # not a comment\n\n    - x\n  b: >-\n      folded\n  c: x\n`, true],
    ['comments everywhere', `# top\n${HEAD}  # inner\nspec: # c\n  # c\n  a: b # c\n`, true],
    ['plain with colons and hashes', `${HEAD}data:\n  url: http://x:80/a#b\n  s: a,b [c] {d}\n`, true],
    ['numbers and booleans as values', `${HEAD}spec:\n  replicas: 3\n  on: 1\n`, false],
    ['numeric apiVersion', 'apiVersion: 1\nkind: A\n', false],
    ['boolean kind', 'apiVersion: v1\nkind: yes\n', false],
    ['numeric annotation', `${HEAD}  annotations:\n    a: 5\n`, false],
    ['boolean annotation', `${HEAD}  annotations:\n    a: true\n`, false],
    ['case-insensitive field', 'apiversion: v1\nKind: A\n', false],
    ['case-insensitive name', 'kind: A\nmetadata:\n  Name: x\n', false],
    ['duplicate key', 'kind: A\nkind: B\n', false],
    ['tab', 'kind: A\nspec:\n\ta: b\n', false],
    ['carriage return', 'kind: A\r\n', false],
    ['anchor and alias', 'kind: &k A\nx: *k\n', false],
    ['tag', 'kind: !!str A\n', false],
    ['flow mapping', 'kind: A\nx: {a: 1}\n', false],
    ['multi-line plain', 'kind: A\nx: a\n  b\n', false],
    ['unterminated quote', 'kind: "A\n', false],
    ['bad escape', 'kind: "\\q"\n', false],
    ['mapping in plain', 'kind: a: b\n', false],
    ['bad indentation', 'kind: A\nspec:\n    a: 1\n  b: 2\n', false],
    ['sequence item in mapping', 'kind: A\n- a\n', false],
    ['metadata as list', 'kind: A\nmetadata:\n- a\n', false],
    ['name as mapping', 'kind: A\nmetadata:\n  name:\n    a: b\n', false],
    ['not a mapping', '- a\n', false],
    ['scalar document', 'hello\n', false],
    ['infinity', 'kind: A\nx: .inf\n', false],
    ['exponent overflow', 'kind: A\nx: 1e999\n', false],
    ['hex digest', 'kind: A\nx: 01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b\n', true],
    ['folded annotation', `${HEAD}  annotations:\n    a: >-\n      one two\n      three \n    b: |\n      x\n        y\n    c: >\n      z\nspec: {}\n`, true],
    ['annotation block kept', `${HEAD}  annotations:\n    a: |+\n      x\n\n`, false],
    ['annotation block with an empty line', `${HEAD}  annotations:\n    a: >-\n      x\n\n      y\n`, false],
    ['block scalar in a sequence', 'kind: A\nargs:\n  - >-\n    echo a\n  - b\n', true],
    ['block scalar with indicator', 'kind: A\nx: |2\n   a\n', false],
    ['block scalar leading spaces', 'kind: A\nx: |\n      \n  a\n', false],
    ['document end marker', 'kind: A\n...\nkind: B\n', false],
    ['quoted key', 'kind: A\n"x y": 1\n', false],
    ['null key', 'kind: A\nnull: 1\n', false],
    ['comment without space', 'kind: "A"#x\n', false],
    ['non-breaking space', 'kind:\u00a0A\n', false],
    ['line separator', 'kind: A\u2028x\n', false],
  ];
  test.each(cases)('%s', (_name, doc, accepted) => {
    const fast = expectAgrees(doc);
    expect(fast !== undefined).toBe(accepted);
  });

  test('random block-scalar annotations', () => {
    const content = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom('a', 'b c', 'd ', '# e', '- f', 'g: h', '', '"i"'));
    fc.assert(
      fc.property(fc.constantFrom('|', '|-', '|+', '>', '>-', '>+'), fc.array(content, { minLength: 0, maxLength: 5 }), fc.boolean(), (header, lines, after) => {
        const body = lines.map(([n, t]) => (t === '' ? '' : ' '.repeat(6 + n) + t)).join('\n');
        expectAgrees(`${HEAD}  annotations:\n    x: ${header}\n${body}${after ? '\n    y: z\nspec: 1' : ''}\n`);
      }),
      { numRuns: 3000 },
    );
  });

  test('random line soups', () => {
    const token = fc.constantFrom(
      'kind: A', 'apiVersion: v1', 'metadata:', 'name: x', 'annotations:', 'a: b', 'a:', '- a', '- b: c', '-', 'k: |', 'k: >-',
      'text', '# c', '', 'x: "q"', "x: 'q'", 'x: []', 'x: {}', 'x: 1', 'x: true', 'x: a: b', 'x: "open', 'Kind: B', '  ',
      'x: y # c', 'helm.sh/hook: pre-install', 'x: *a', 'x: &a b', '? x', 'x: [a]', '- |', '- >-', 'x: 0e5', 'x: 01ab3e', 'x: 1_0e1_0',
    );
    const line = fc.tuple(fc.integer({ min: 0, max: 6 }), token).map(([n, t]) => ' '.repeat(n) + t);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        expectAgrees(lines.join('\n'));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('readSimpleHead on rendered charts', () => {
  const root = resolve(__dirname, '../../..');
  const charts: [string, string, string?][] = [
    ['aeterna', join(root, 'charts/aeterna')],
    ['verta', join(root, 'charts/verta'), 'ci/default-values.yaml'],
    ['kinds', join(root, 'tests/diff/charts/kinds')],
    ['tplchart', join(root, 'tests/diff/charts/tplchart')],
  ];
  test.each(charts)('%s: every document agrees, and most take the fast path', (_name, source, valuesFile) => {
    const dir = withStandins(source);
    try {
      const values = valuesFile ? (yamlToGo(readFileSync(join(dir, valuesFile), 'utf8')) as GoMap) : new Map();
      const result = templateChart(loadChartDirectory(readTree(dir)), { values });
      let docs = 0;
      let fast = 0;
      for (const doc of splitManifests(result.output)) {
        const body = doc.replace(/^# Source: .*\n/, '');
        docs++;
        if (expectAgrees(body) !== undefined) fast++;
        // Each line removed or re-indented is a new, often broken, document to agree on.
        const lines = body.split('\n');
        for (let i = 0; i < lines.length; i += 2) {
          expectAgrees([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
          expectAgrees([...lines.slice(0, i), ` ${lines[i]}`, ...lines.slice(i + 1)].join('\n'));
        }
      }
      expect(docs).toBeGreaterThan(0);
      expect(fast / docs).toBeGreaterThan(0.5);
    } finally {
      removeStandins(dir);
    }
  });

  test.each(charts)('%s: the head after a change of single-line values is what a full read gives', (_name, source, valuesFile) => {
    const dir = withStandins(source);
    try {
      const values = valuesFile ? (yamlToGo(readFileSync(join(dir, valuesFile), 'utf8')) as GoMap) : new Map();
      const result = templateChart(loadChartDirectory(readTree(dir)), { values });
      const replacements = ['x', '"q"', "'it''s'", '3', '1e5', '.inf', 'a: b', '{}', '[]', '[a]', '|', '"open', 'true', '- a', '&a x', 'x # c', 'a:b'];
      let kept = 0;
      let renamed = 0;
      for (const raw of splitManifests(result.output)) {
        const doc = raw.replace(/^# Source: .*\n/, '');
        const head = readSimpleHead(doc);
        if (head === undefined) continue;
        const lines = doc.split('\n');
        for (let i = 0; i < lines.length; i++) {
          const m = /^( *(?:- +)?[A-Za-z_][A-Za-z0-9._/-]*: +)\S/.exec(lines[i]);
          if (!m) continue;
          for (const r of replacements) {
            const next = [...lines.slice(0, i), m[1] + r, ...lines.slice(i + 1)].join('\n');
            const after = headAfterValueChanges(doc, head, next);
            if (after === undefined) continue;
            kept++;
            expect(after, next).toEqual(parseHead(next));
            if (after.metadata?.name !== head.metadata?.name) renamed++;
          }
        }
      }
      expect(kept).toBeGreaterThan(0);
      expect(renamed).toBeGreaterThan(0);
    } finally {
      removeStandins(dir);
    }
  });
});

describe('headAfterValueChanges', () => {
  const doc = `${HEAD}  labels:\n    app: a\n  annotations:\n    note: one\n    text: |\n      name: inside\nspec:\n  name: s\n`;
  const head = readSimpleHead(doc)!;
  const change = (from: string, to: string) => headAfterValueChanges(doc, head, doc.replace(from, to));

  test('a new metadata.name or annotation value is read into a copy of the head', () => {
    expect(change('  name: cm', '  name: "cm-2"')).toEqual({ ...head, metadata: { ...head.metadata, name: 'cm-2' } });
    expect(change('    note: one', "    note: 'two'")!.metadata!.annotations).toEqual({ note: 'two', text: 'name: inside\n' });
    expect(head.metadata!.name).toBe('cm');
  });

  test('values away from the head keep it', () => {
    expect(change('    app: a', '    app: b')).toBe(head);
    expect(change('  name: s', '  name: t')).toBe(head);
  });

  test('changes it cannot read with certainty are left to a full read', () => {
    expect(change('    note: one', '    note: 1')).toBeUndefined();
    expect(change('  name: cm', '  name: true')).toBeUndefined();
    expect(change('      name: inside', '      name: other')).toBeUndefined();
    expect(change('kind: ConfigMap', 'kind: Secret')).toBeUndefined();
  });
});
