/**
 * Chart.yaml as the reference helm reads it: load errors, and what templates see of `.Chart`
 * (`%v`, `toJson`, single fields), compared with our decode + the `.Chart` value of the same
 * Helm version (a struct in Helm 3, a map in Helm 4). Chart.lock and requirements.lock as the
 * loader reads them.
 */
import { describe, expect, it } from 'vitest';
import { REFERENCE, REFERENCE_HELM_VERSION, removeChart, runHelm, writeChart } from '../../../tests/helm/reference';
import { chartMapForTemplate, chartValueForTemplate, metadataToGo } from './metadata-go';
import { isHelm4 } from '../version';
import { loadChartFiles } from './loader';
import { formatValue, sprintf } from '../../go/fmt/fmt';
import { goJson } from '../../../tests/helm/gojson';

const PROBE = [
  '# V {{ printf "%v" .Chart }}',
  '# J {{ toJson .Chart }}',
  '# F {{ .Chart.Name }}|{{ .Chart.Version }}|{{ .Chart.AppVersion }}|{{ .Chart.Keywords }}|{{ .Chart.Annotations }}|{{ .Chart.IsRoot }}',
  '# T {{ printf "%T|%T|%T" .Chart .Chart.Sources .Chart.Dependencies }}',
].join('\n');

const CHARTS: string[] = [
  'apiVersion: v2\nname: fixture\nversion: 0.1.0\n',
  'apiVersion: v2\nname: fixture\nversion: 1.10\nappVersion: 2.0\nkeywords: [1, true, 1.5, 1000000, 1e3, x]\nannotations: {a: 1000000, b: null, c: "<&>"}\n',
  'apiVersion: v2\nname: fixture\nversion: v1.2\nsources: []\nkeywords: []\nhome: "h\\tx"\ndescription: "line\\nbreak\\u0007bell"\n',
  'name: fixture\nversion: 0.1.0\ndeprecated: true\nicon: i\ncondition: c\ntags: t\nkubeVersion: ">=1.0"\ntype: application\n',
  'apiVersion: v2\nName: fixture\nVERSION: 0.1.0\nunknown: 1\nmaintainers: [{name: m, email: e, url: u}, {name: 1}]\n',
];

const BAD: string[] = [
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\ndeprecated: "x"\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\nmaintainers: [a]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\nkeywords: [{a: 1}]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\nkeywords: a\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\nannotations: [a]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\ndependencies: [{name: 1, import-values: a}]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\ndependencies: [null]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\nmaintainers: [null]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\ndependencies: [{name: x, alias: "a b"}]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\ndependencies: [{name: x}, {name: x}]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.2.3-01\n',
  'apiVersion: v2\nname: fixture\nversion: x\n',
  'apiVersion: v2\nname: fix/ture\nversion: 1.0.0\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\ntype: foo\n',
  'apiVersion: v2\nname: fixture\n',
  'apiVersion: v2\nversion: 1.0.0\n',
  'apiVersion: v2\nversion: [1]\nname: [1]\n',
  'apiVersion: v2\nname: fixture\nversion: 1.0.0\nmaintainers: [{url: [1], name: [1]}]\n',
  '',
  'a',
];

const enc = new TextEncoder();

async function helm(chartYaml: string): Promise<{ ok: boolean; text: string }> {
  const dir = writeChart({ 'Chart.yaml': chartYaml, 'templates/probe.yaml': PROBE });
  try {
    const r = await runHelm(['template', 'r', dir]);
    if (r.status !== 0) return { ok: false, text: r.stderr.replace(/^Error: /, '').trimEnd() };
    return { ok: true, text: r.stdout.split('\n').filter((l) => /^# [VJFT] /.test(l)).join('\n') };
  } finally {
    removeChart(dir);
  }
}

function ours(chartYaml: string): { ok: boolean; text: string } {
  try {
    const c = loadChartFiles([
      { name: 'Chart.yaml', data: enc.encode(chartYaml) },
      { name: 'templates/probe.yaml', data: enc.encode(PROBE) },
    ], { helmVersion: REFERENCE.setting });
    const v = isHelm4(REFERENCE.setting) ? chartMapForTemplate(c) : chartValueForTemplate(c);
    const md = c.metadata;
    const list = (x: string[] | undefined): string => `[${(x ?? []).join(' ')}]`;
    const ann = `map[${[...(md.annotations ?? new Map())].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${k}:${x}`).join(' ')}]`;
    return {
      ok: true,
      text: [
        `# V ${formatValue(v)}`,
        `# J ${goJson(v)}`,
        `# F ${md.name}|${md.version}|${md.appVersion}|${list(md.keywords)}|${ann}|true`,
        `# T ${v instanceof Map ? sprintf('%T|%T|%T', [v, v.get('Sources') ?? null, v.get('Dependencies') ?? null]) : `${v.type.name}|[]string|[]*chart.Dependency`}`,
      ].join('\n'),
    };
  } catch (e) {
    return { ok: false, text: (e as Error).message };
  }
}

describe(`Chart.yaml matches helm ${REFERENCE_HELM_VERSION}`, () => {
  it.each(CHARTS)('.Chart for %j', async (y) => {
    const want = await helm(y);
    expect(want.ok).toBe(true);
    // A pointer inside %v prints as an address, which differs run to run.
    const addr = (s: string): string => s.replace(/0x[0-9a-f]+/g, '0xADDR');
    expect(addr(ours(y).text)).toEqual(addr(want.text));
  });

  it.each(BAD)('load error for %j', async (y) => {
    const want = await helm(y);
    expect(want.ok).toBe(false);
    expect(ours(y)).toEqual(want);
  });

  it('wraps YAML syntax errors as Helm does (the parser text itself belongs to lib/yaml)', async () => {
    const y = 'apiVersion: v2\nname: x\n\tversion: 1\n';
    const want = await helm(y);
    const prefix = (t: string): string => /^.*?yaml: line \d+:/.exec(t)![0];
    expect(prefix(ours(y).text)).toEqual(prefix(want.text));
  });

  it('metadataToGo is a *chart.Metadata with Go field order', () => {
    const c = loadChartFiles([{ name: 'Chart.yaml', data: enc.encode('apiVersion: v2\nname: x\nversion: 1.0.0\n') }]);
    const s = metadataToGo(c.metadata);
    expect(s.type.name).toBe('*chart.Metadata');
    expect(s.fields.map(([k]) => k)).toEqual([
      'Name', 'Home', 'Sources', 'Version', 'Description', 'Keywords', 'Maintainers', 'Icon', 'APIVersion',
      'Condition', 'Tags', 'AppVersion', 'Deprecated', 'Annotations', 'KubeVersion', 'Dependencies', 'Type',
    ]);
  });
});

/** Lock files: valid and refused, one field (or two, for which error wins) at a time. */
const LOCKS: string[] = [
  'generated: "2020-01-01T10:00:00Z"\ndigest: sha256:0\n',
  'generated: 2020-01-01T10:00:00.1234567891Z\n',
  'generated: "2020-01-01T1:00:00Z"\n',
  'generated: "2020-01-01T10:00:00,5+01:00"\n',
  'generated: 5\n',
  'generated: true\n',
  'generated: {a: 1}\n',
  'generated: 2020-01-01\n',
  'generated: notatime\n',
  'generated: "2020-01-01t10:00:00Z"\n',
  'generated: "2020-02-30T10:00:00Z"\n',
  'generated: "2020-01-01T10:00:00+25:00"\n',
  'digest: [1]\n',
  'dependencies: 3\n',
  'dependencies: [3]\n',
  'dependencies: [{name: [1]}]\n',
  'Digest: [1]\ndependencies: 3\n',
  'digest: [1]\ndependencies: 3\n',
  'dependencies: 3\ngenerated: 1\n',
  '- a\n',
];

async function helmLock(file: string, chartYaml: string, lock: string): Promise<{ ok: boolean; text: string }> {
  const dir = writeChart({ 'Chart.yaml': chartYaml, [file]: lock, 'templates/cm.yaml': 'kind: ConfigMap\n' });
  try {
    const r = await runHelm(['template', 'r', dir]);
    return r.status === 0 ? { ok: true, text: '' } : { ok: false, text: r.stderr.replace(/^Error: /, '').trimEnd() };
  } finally {
    removeChart(dir);
  }
}

function ourLock(file: string, chartYaml: string, lock: string): { ok: boolean; text: string } {
  try {
    loadChartFiles([
      { name: 'Chart.yaml', data: enc.encode(chartYaml) },
      { name: file, data: enc.encode(lock) },
    ], { helmVersion: REFERENCE.setting });
    return { ok: true, text: '' };
  } catch (e) {
    return { ok: false, text: (e as Error).message };
  }
}

describe(`lock files match helm ${REFERENCE_HELM_VERSION}`, () => {
  it.each(LOCKS)('Chart.lock %j', async (lock) => {
    const chart = 'apiVersion: v2\nname: fixture\nversion: 0.1.0\n';
    expect(ourLock('Chart.lock', chart, lock)).toEqual(await helmLock('Chart.lock', chart, lock));
  });

  it.each(LOCKS.slice(4, 8))('requirements.lock %j', async (lock) => {
    const chart = 'apiVersion: v1\nname: fixture\nversion: 0.1.0\n';
    expect(ourLock('requirements.lock', chart, lock)).toEqual(await helmLock('requirements.lock', chart, lock));
  });
});
