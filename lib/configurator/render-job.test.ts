import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeChartFiles } from './chart-files';
import { chartInfoFromChart } from './chart-info';
import { chartFileText, loadChartSource, renderConfiguration, traceConfiguration } from './render-job';
import { mainPiece, streamDocuments, traceLine } from './line-sources';
import { DEFAULT_RELEASE } from './release-options';
import type { RenderRequest } from './render-protocol';

function chartFiles(name: string) {
  const root = join(__dirname, '../../charts', name);
  const walk = (dir: string): { path: string; data: Uint8Array }[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? walk(p) : [{ path: relative(root, p), data: new Uint8Array(readFileSync(p)) }];
    });
  return encodeChartFiles(walk(root));
}

const aeterna = loadChartSource({ kind: 'files', files: chartFiles('aeterna') });
const request = (valuesText: string): RenderRequest => ({ valuesText, release: DEFAULT_RELEASE, budget: { deadlineMs: 5000, maxOutputBytes: 10_000_000 } });

describe('renderConfiguration (aeterna)', () => {
  it('renders the defaults and lists remote dependencies with their values', () => {
    const out = renderConfiguration(aeterna, request(''));
    if (!out.ok) throw new Error(out.message);
    expect(out.resources.some((r) => r.kind === 'Deployment')).toBe(true);
    expect(out.remoteDependencies.map((d) => `${d.chart}:${d.name}`)).toEqual(['dragonfly:redis', 'cloudnative-pg:cloudnative-pg', 'qdrant:qdrant']);
    expect(out.remoteDependencies[0].repository).toBe('oci://ghcr.io/dragonflydb/dragonfly/helm');
    expect(out.notes.length).toBeGreaterThan(0);
  });
  it('external PostgreSQL: no CNPG Cluster, no operator, database env on the Deployment', () => {
    const out = renderConfiguration(aeterna, request('postgresql:\n  enabled: false\n  external:\n    host: db.example\n    port: 6432\n    database: mem\n    username: app\n'));
    if (!out.ok) throw new Error(out.message);
    expect(out.resources.some((r) => r.kind === 'Cluster')).toBe(false);
    expect(out.remoteDependencies.map((d) => d.name)).not.toContain('cloudnative-pg');
    const deployment = out.resources.find((r) => r.kind === 'Deployment')!;
    expect(deployment.content).toContain('db.example');
  });
  it('schema problems are listed', () => {
    const out = renderConfiguration(aeterna, request('postgresql:\n  external:\n    port: 99999\n'));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.kind).toBe('schema');
    // New configurations render as Helm 4, whose validator words it this way.
    expect(out.schemaProblems).toEqual([{ chart: 'aeterna', path: 'postgresql.external.port', valuesPath: 'postgresql.external.port', message: 'maximum: got 99,999, want 65,535' }]);
  });
  it('values that do not parse are a values failure', () => {
    const out = renderConfiguration(aeterna, request('a: [1,\n'));
    expect(out.ok ? 'ok' : out.kind).toBe('values');
  });
  it('a fail in a template points at the template', () => {
    const out = renderConfiguration(aeterna, request('aeterna:\n  kms:\n    provider: aws\n'));
    if (out.ok) return; // the schema may catch it first; either way it is not a success
    expect(out.message.length).toBeGreaterThan(0);
  });
  it('summarises the chart', () => {
    const info = chartInfoFromChart(aeterna);
    expect(info.presets.map((p) => p.id)).toEqual(['local', 'production']);
    expect(info.dependencies.map((d) => d.name)).toEqual(['dragonfly', 'cloudnative-pg', 'qdrant']);
    expect(info.bundledDependencies).toEqual([]);
  });
  it('reads template sources by helm path', () => {
    expect(chartFileText(aeterna, 'aeterna/templates/deployment.yaml')).toContain('kind: Deployment');
    expect(chartFileText(aeterna, 'aeterna/templates/nope.yaml')).toBeNull();
  });
});

describe('renderConfiguration limits', () => {
  const spin = loadChartSource({
    kind: 'files',
    files: [
      { path: 'Chart.yaml', text: 'apiVersion: v2\nname: spin\nversion: 0.1.0\n' },
      { path: 'templates/a.yaml', text: 'a: {{ range $i := until 100000 }}{{ range $j := until 100000 }}{{ end }}{{ end }}\n' },
      { path: 'templates/b.yaml', text: 'b: {{ range $i := until 100000 }}xxxxxxxxxx{{ end }}\n' },
    ],
  });
  const rows = [
    { name: 'deadline', budget: { deadlineMs: 100, maxOutputBytes: 10_000_000 } },
    { name: 'output size', budget: { deadlineMs: 60_000, maxOutputBytes: 1000 } },
  ];
  for (const r of rows) {
    it(`${r.name}: the render stops and says so`, () => {
      const out = renderConfiguration(spin, { valuesText: '', release: DEFAULT_RELEASE, budget: r.budget });
      expect(out.ok ? 'ok' : out.kind).toBe('timeout');
    });
  }
});

describe('stable previews', () => {
  const session = { seed: 'session-a', startedMs: Date.UTC(2026, 0, 2, 3, 4, 5) };
  const kmsKey = (out: ReturnType<typeof renderConfiguration>) => {
    if (!out.ok) throw new Error(out.message);
    const secret = out.resources.find((r) => r.content.includes('AETERNA_LOCAL_KMS_KEY:'))!;
    return /AETERNA_LOCAL_KMS_KEY: "([^"]+)"/.exec(secret.content)![1];
  };

  it('the same session gives the same generated key at every render, and after unrelated edits', () => {
    const first = kmsKey(renderConfiguration(aeterna, { ...request(''), stable: session }));
    expect(kmsKey(renderConfiguration(aeterna, { ...request(''), stable: session }))).toBe(first);
    expect(kmsKey(renderConfiguration(aeterna, { ...request('aeterna:\n  replicas: 4\n'), stable: session }))).toBe(first);
    expect(kmsKey(renderConfiguration(aeterna, { ...request(''), stable: { ...session, seed: 'session-b' } }))).not.toBe(first);
  });

  it('without a session the key is random, as helm\'s is', () => {
    expect(kmsKey(renderConfiguration(aeterna, request('')))).not.toBe(kmsKey(renderConfiguration(aeterna, request(''))));
  });

  it('identical calls in one render still get different values, and the clock is the session\'s', async () => {
    const { loadChartDirectory } = await import('../helm/chart/loader');
    const enc = new TextEncoder();
    const chart = loadChartDirectory([
      { path: 'Chart.yaml', data: enc.encode('apiVersion: v2\nname: r\nversion: 1.0.0\n') },
      { path: 'templates/cm.yaml', data: enc.encode('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n{{- range until 3 }}\n  k{{ . }}: {{ randAlphaNum 12 | quote }}\n{{- end }}\n  at: {{ now | date "2006-01-02T15:04:05Z07:00" | quote }}\n') },
    ]);
    const render = () => {
      const out = renderConfiguration(chart, { ...request(''), stable: session });
      if (!out.ok) throw new Error(out.message);
      return out.output;
    };
    const text = render();
    expect(render()).toBe(text);
    const values = [...text.matchAll(/k\d: "(\w+)"/g)].map((m) => m[1]);
    expect(new Set(values).size).toBe(3);
    expect(text).toMatch(/at: "2026-01-0[12]T/);
  });
});

describe('vendored dependencies', () => {
  it('lists every subchart in charts/, by alias, with its version, whether it is enabled and the values it receives', () => {
    const root = join(__dirname, '../../tests/diff/charts/umbrella');
    const walk = (dir: string): { path: string; data: Uint8Array }[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : [{ path: relative(root, p), data: new Uint8Array(readFileSync(p)) }];
      });
    const umbrella = loadChartSource({ kind: 'files', files: encodeChartFiles(walk(root)) });
    const out = renderConfiguration(umbrella, request(''));
    if (!out.ok) throw new Error(out.message);
    expect(out.vendoredDependencies.map((d) => `${d.name}${d.chart !== d.name ? ` (${d.chart})` : ''} ${d.version} ${d.enabled ? 'enabled' : 'disabled'}`)).toMatchInlineSnapshot(`
      [
        "backend 1.0.0 disabled",
        "sessions (cache) 0.1.0 enabled",
        "queue (cache) 0.1.0 enabled",
        "common 1.0.0 enabled",
        "disabled 0.1.0 disabled",
        "tagged 0.1.0 disabled",
      ]
    `);
    const queue = out.vendoredDependencies.find((d) => d.name === 'queue')!;
    expect(queue.valuesYaml).toContain('size: 1Gi');
    expect(queue.valuesYaml).toContain('region: eu-west-1');
    for (const d of out.vendoredDependencies.filter((x) => !x.enabled)) expect(d.valuesYaml).toBe('');
    const on = renderConfiguration(umbrella, request('global:\n  backendEnabled: true\n'));
    if (!on.ok) throw new Error(on.message);
    expect(on.vendoredDependencies.find((d) => d.name === 'backend')!.enabled).toBe(true);
  });
});

describe('traceConfiguration (bundled charts)', () => {
  const stable = { seed: 'trace-test', startedMs: Date.UTC(2026, 0, 1) };
  for (const [name, valuesText] of [
    ['aeterna', 'aeterna:\n  replicas: 3\n'],
    ['verta', readFileSync(join(__dirname, '../../charts/verta/ci/default-values.yaml'), 'utf8')],
  ] as const) {
    it(`${name}: the same bytes as the pinned render, every line traced, and the replicas line to its template action`, () => {
      const chart = name === 'aeterna' ? aeterna : loadChartSource({ kind: 'files', files: chartFiles(name) });
      const req = { ...request(valuesText), stable };
      const rendered = renderConfiguration(chart, req);
      const traced = traceConfiguration(chart, req);
      if (!rendered.ok || !traced.ok) throw new Error('render failed');
      expect(traced.trace.output).toBe(rendered.output);
      const lines = rendered.output.split('\n');
      expect(traced.trace.trace.lines.length).toBe(lines.at(-1) === '' ? lines.length - 1 : lines.length);
      const docs = streamDocuments(traced.trace, rendered.resources);
      const at = lines.findIndex((l) => /^ {2}replicas: \d+$/.test(l)) + 1;
      const line = traceLine(traced.trace, docs, null, at)!;
      if (line.source.kind !== 'written') throw new Error('not written by a template');
      const action = line.source.pieces[mainPiece(line.source.pieces, line.text)];
      const template = chartFileText(chart, action.origin.template)!;
      const written = template.split('\n')[action.origin.line - 1];
      if (name === 'aeterna') {
        expect(action.origin).toMatchObject({ kind: 'action', template: 'aeterna/templates/deployment.yaml', chain: [] });
        expect(written).toMatch(/replicas: \{\{ \.Values\.aeterna\.replicas/);
        expect(action.origin.values).toContain('aeterna.replicas');
      } else {
        // Written by a named template, included from each Deployment's file.
        expect(action.origin).toMatchObject({ kind: 'action', template: 'verta/templates/_pod.tpl', chain: [{ kind: 'include', name: 'verta.deploymentSpecHead' }] });
        expect(written).toMatch(/replicas: \{\{ \.values\.replicas/);
        expect(action.origin.values.some((p) => /^(backend|frontend|ml)\.replicas$/.test(p))).toBe(true);
      }
    });
  }
});
