/**
 * .helmignore: Go's filepath.Match globs (table), and whole-chart loads compared with helm
 * 3.17.3 through what templates see (`.Files` keys, `.Subcharts`, rendered templates).
 */
import { describe, expect, it } from 'vitest';
import { removeChart, runHelm, writeChart, type ChartFiles } from '../../../tests/helm/reference';
import { filepathMatch } from '../glob/filepath-match';
import { parseIgnoreRules } from './helmignore';
import { loadChartDirectory } from './loader';

describe('filepath.Match globs', () => {
  const ROWS: [pattern: string, name: string, match: boolean | 'bad'][] = [
    ['*.txt', 'a.txt', true],
    ['*.txt', 'dir/a.txt', false],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['[a-c]x', 'bx', true],
    ['[^a-c]x', 'dx', true],
    ['[^a-c]x', 'bx', false],
    ['[!a]x', '!x', true],
    ['\\*', '*', true],
    ['\\*', 'a', false],
    ['[', 'a', 'bad'],
    ['[]a]', 'a', 'bad'],
    ['[a-]', 'a', 'bad'],
    // Go reads the whole pattern whatever the name, and never checks lo <= hi.
    ['a\\', 'a', 'bad'],
    ['x[', 'abc', 'bad'],
    ['[z-a]', 'a', false],
    ['*', '', true],
    ['ab*cd', 'abxxcd', true],
    ['.?*', '.x', true],
    ['.?*', '.', false],
  ];
  it.each(ROWS)('%s ~ %s', (pattern, name, want) => {
    if (want === 'bad') expect(() => filepathMatch(pattern, name)).toThrow('syntax error in pattern');
    else expect(filepathMatch(pattern, name)).toBe(want);
  });
});

describe('rules', () => {
  it('rejects ** and bad globs with Helm messages', () => {
    expect(() => parseIgnoreRules('a/**/b')).toThrow('double-star (**) syntax is not supported');
    expect(() => parseIgnoreRules('[')).toThrow('syntax error in pattern');
  });
  it('a negated rule ignores what it does not match (Helm quirk)', () => {
    const r = parseIgnoreRules('!keep.txt\n');
    expect(r.ignore('keep.txt', false)).toBe(false);
    expect(r.ignore('other.txt', false)).toBe(true);
  });
  it('folder rules skip files only through their folders', () => {
    const r = parseIgnoreRules('build/\n/root.txt\nsub/*.md\n');
    expect(r.ignore('build', true)).toBe(true);
    expect(r.ignore('build', false)).toBe(false);
    expect(r.ignore('root.txt', false)).toBe(true);
    expect(r.ignore('x/root.txt', false)).toBe(false);
    expect(r.ignore('sub/a.md', false)).toBe(true);
    expect(r.ignore('other/sub/a.md', false)).toBe(false);
  });
  it('matches base names and whole paths by UTF-8 runes, each rule against the same path', () => {
    const r = parseIgnoreRules('caf?\ndocs/r?sum?.md\n');
    expect(r.ignore('x/café', false)).toBe(true);
    expect(r.ignore('docs/résumé.md', false)).toBe(true);
    expect(r.ignore('docs/résumés.md', false)).toBe(false);
    expect(r.ignore('x/docs/résumé.md', false)).toBe(false);
  });
  it('names and `*` with a suffix decide as filepath.Match does', () => {
    const rules = ['.git', '*.swp', '*~', '*', '*-values.yaml', 'a]b', 'x^'];
    const paths = ['.git', 'x/.git', '.gitignore', 'a.swp', 'dir/a.swp', '.swp', 'swp', 'a~', '~', 'a', 'dir/', '/', 'prod-values.yaml', '-values.yaml', 'values.yaml', 'a]b', 'x^', 'é.swp'];
    for (const rule of rules) {
      const r = parseIgnoreRules(`${rule}\n`);
      for (const path of paths) {
        const name = path.replace(/\/+$/, '');
        const base = name === '' ? '/' : name.slice(name.lastIndexOf('/') + 1);
        expect([rule, path, r.ignore(path, false)]).toEqual([rule, path, filepathMatch(rule, base)]);
      }
    }
  });
  it('a glob left malformed by stripping its trailing slash matches nothing', () => {
    expect(parseIgnoreRules('a\\/\n').ignore('a', true)).toBe(false);
    expect(parseIgnoreRules('!a\\/\n').ignore('a', true)).toBe(true);
  });
});

const PROBE =
  '# FILES {{ range $k, $_ := .Files }}{{ $k }} {{ end }}\n# SUBCHARTS {{ range $k, $_ := .Subcharts }}{{ $k }} {{ end }}\n';

const CHARTS: [string, ChartFiles][] = [
  [
    'basic patterns',
    {
      '.helmignore': '# c\n*.bak\n/top.txt\ndocs/\nnested/*.tmp\n  spaced.txt  \n',
      'a.bak': 'x',
      'top.txt': 'x',
      'deep/top.txt': 'x',
      'docs/readme.md': 'x',
      'nested/a.tmp': 'x',
      'nested/b.txt': 'x',
      'spaced.txt': 'x',
      'templates/.hidden.yaml': 'kind: X\n',
      'templates/z.bak': 'x',
    },
  ],
  [
    'negation quirk and folder-only negation',
    { '.helmignore': 'secret.txt\n!files/\n', 'secret.txt': 'x', 'files/a.txt': 'x', 'other.txt': 'x' },
  ],
  [
    'ignored subchart folder',
    { '.helmignore': 'charts/gone/\n', 'charts/gone/Chart.yaml': 'apiVersion: v2\nname: gone\nversion: 0.1.0\n', 'charts/kept/Chart.yaml': 'apiVersion: v2\nname: kept\nversion: 0.1.0\n' },
  ],
  [
    'hyphens in rules',
    { '.helmignore': 'my-notes.txt\nci-values/\n*-values.yaml\n[a-c]-x\n', 'my-notes.txt': 'x', 'ci-values/a.yaml': 'x', 'prod-values.yaml': 'x', 'b-x': 'x', 'd-x': 'x', 'values-keep.yaml': 'x' },
  ],
  ['no .helmignore: dotfiles outside templates stay', { '.env': 'x', 'templates/.x': 'x', 'a/.b': 'x' }],
];

const base: ChartFiles = { 'Chart.yaml': 'apiVersion: v2\nname: fixture\nversion: 0.1.0\n', 'templates/probe.yaml': PROBE };

describe('chart folders with .helmignore match helm 3.17.3', () => {
  it.each(CHARTS)('%s', async (_name, files) => {
    const all = { ...base, ...files };
    const dir = writeChart(all);
    let want: string;
    try {
      const r = await runHelm(['template', 'r', dir, '--show-only', 'templates/probe.yaml']);
      want =
        r.status === 0
          ? r.stdout
              .split('\n')
              .filter((l) => /^# (FILES|SUBCHARTS)/.test(l))
              .map((l) => l.trimEnd())
              .join('\n')
          : r.stderr.replace(/^Error: /, '').trimEnd();
    } finally {
      removeChart(dir);
    }
    const enc = new TextEncoder();
    let got: string;
    try {
      const c = loadChartDirectory(Object.entries(all).map(([path, d]) => ({ path, data: typeof d === 'string' ? enc.encode(d) : d })));
      got = [
        `# FILES ${c.files.map((f) => `${f.name} `).sort().join('')}`.trimEnd(),
        `# SUBCHARTS ${c.dependencies.map((d) => `${d.metadata.name} `).sort().join('')}`.trimEnd(),
      ].join('\n');
    } catch (e) {
      got = (e as Error).message;
    }
    expect(got).toEqual(want);
  });
});

