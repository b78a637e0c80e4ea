/** `.Capabilities` and the kube-version flags against helm 3.17.3. */
import { describe, expect, it } from 'vitest';
import { removeChart, runHelm, writeChart, REFERENCE } from '../../../tests/helm/reference';
import { goJson } from '../../../tests/helm/gojson';
import { sprintf } from '../../go/fmt/fmt';
import { loadChartFiles } from '../chart/loader';
import { capabilitiesToGo, checkKubeVersion, templateCapabilities } from './capabilities';

const PROBE = [
  '# J {{ toJson .Capabilities }}',
  '# V {{ printf "%v" .Capabilities }}',
  '# K {{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.KubeVersion.Minor }}',
  '# H {{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "x/v9" }}',
].join('\n');

async function helm(args: string[], chartExtra = ''): Promise<string> {
  const dir = writeChart({ 'Chart.yaml': `apiVersion: v2\nname: fixture\nversion: 0.1.0\n${chartExtra}`, 'templates/probe.yaml': PROBE });
  try {
    const r = await runHelm(['template', 'r', dir, ...args]);
    // The CLI appends a --debug hint to errors of the template action.
    if (r.status !== 0) return r.stderr.replace(/^Error: /, '').replace(/\n\nUse --debug flag to render out invalid YAML\n?$/, '').trimEnd();
    return r.stdout.split('\n').filter((l) => /^# [JVKH] /.test(l)).join('\n');
  } finally {
    removeChart(dir);
  }
}

function ours(kubeVersion: string | undefined, apiVersions: string[], chartExtra = ''): string {
  try {
    const caps = templateCapabilities({ kubeVersion, apiVersions, helmVersion: REFERENCE.setting });
    const chart = loadChartFiles([{ name: 'Chart.yaml', data: new TextEncoder().encode(`apiVersion: v2\nname: fixture\nversion: 0.1.0\n${chartExtra}`) }]);
    checkKubeVersion(chart, caps);
    const g = capabilitiesToGo(caps);
    const kv = caps.kubeVersion;
    const has = (v: string): boolean => (g.field('APIVersions') as string[]).includes(v);
    return [
      `# J ${goJson(g)}`,
      `# V ${sprintf('%v', [g])}`,
      `# K ${kv.normalized ?? kv.version} ${kv.version} ${kv.major} ${kv.minor}`,
      `# H ${has('apps/v1')} ${has('x/v9')}`,
    ].join('\n');
  } catch (e) {
    return (e as Error).message;
  }
}

const ROWS: [string, string | undefined, string[], string?][] = [
  ['defaults', undefined, []],
  ['kube version 1.2', '1.2', []],
  ['kube version v1.29.3-rc.1+build', 'v1.29.3-rc.1+build', []],
  ['api versions, several per flag', undefined, ['x/v9,y/v1', 'z/v2']],
  ['bad kube version', 'abc', []],
  ['kube version with leading zero prerelease', '1.2.3-01', []],
  ['chart kubeVersion satisfied', '1.30.0', [], 'kubeVersion: ">=1.20.0-0"\n'],
  ['chart kubeVersion not satisfied', undefined, [], 'kubeVersion: "<1.20.0"\n'],
];

describe(`capabilities match helm ${REFERENCE.release}`, () => {
  it.each(ROWS)('%s', async (_name, kube, apis, chartExtra = '') => {
    const args = [...(kube ? ['--kube-version', kube] : []), ...apis.flatMap((a) => ['--api-versions', a])];
    expect(ours(kube, apis, chartExtra)).toEqual(await helm(args, chartExtra));
  });
});
