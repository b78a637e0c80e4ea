/**
 * The bundled charts' presets through the findings engine, and deliberately broken configurations
 * through `chartroom lint`.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../lib/cli/main';
import { nodeIO } from '../../lib/cli/node-io';
import { loadKubeSchema, manifestDocs, validateManifests, type Finding } from '../../lib/validate';
import { KUBE_VERSIONS } from '../../lib/validate/types';
import { removeStandins, withStandins } from '../charts/standins';
import { renderChart } from './render';

beforeAll(async () => {
  for (const v of KUBE_VERSIONS) await loadKubeSchema(v);
});

// A production cluster has the operators the production presets rely on.
const PROD_APIS = ['postgresql.cnpg.io/v1', 'monitoring.coreos.com/v1'];
const brief = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.id} ${f.resource.kind}/${f.resource.name} ${f.path ?? ''}`);

function lint(chart: string, files: string[], preset: 'production' | 'development', kubeVersion: string, set: string[] = [], apiVersions = PROD_APIS): Finding[] {
  const r = renderChart(chart, files, { set, apiVersions });
  return validateManifests(manifestDocs(r.result), { kubeVersion, preset, values: r.values });
}

describe('production presets', () => {
  it.each(KUBE_VERSIONS)('aeterna values-production.yaml on Kubernetes %s: no error, no warning', (v) => {
    expect(brief(lint('aeterna', ['values-production.yaml'], 'production', v))).toEqual([]);
  });
  it.each(KUBE_VERSIONS)('verta values-prod.yaml on Kubernetes %s: no error, no warning', (v) => {
    // Images run the chart's appVersion (empty tags), and the single backend pod (the Discord bot)
    // has no blocking budget: its Deployment accepts prod/single-replica by annotation, with a reason.
    expect(brief(lint('verta', ['ci/default-values.yaml', 'values-prod.yaml'], 'production', v))).toEqual([]);
  });
  it('verta values-prod.yaml: the single-replica finding is silenced by the backend\'s own annotation only', () => {
    const r = renderChart('verta', ['ci/default-values.yaml', 'values-prod.yaml'], { apiVersions: PROD_APIS });
    const docs = manifestDocs(r.result);
    const backend = docs.find((d) => d.object.kind === 'Deployment' && (d.object.metadata as { name: string }).name === 'rel-verta-backend')!;
    const annotations = (backend.object.metadata as { annotations: Record<string, string> }).annotations;
    expect(annotations['chartroom.io/ignore-findings']).toBe('prod/single-replica');
    expect(annotations['chartroom.io/ignore-findings-reason']).toMatch(/Discord session/);
    // Without the annotation the engine reports exactly that finding, and nothing else.
    const stripped = docs.map((d) => (d === backend ? { ...d, object: { ...d.object, metadata: { ...(d.object.metadata as object), annotations: {} } } } : d));
    expect(brief(validateManifests(stripped, { kubeVersion: '1.33', preset: 'production', values: r.values }))).toEqual([
      'prod/single-replica Deployment/rel-verta-backend spec.replicas',
    ]);
  });
  it.each([
    ['a latest tag', ['backend.image.tag=latest'], ['prod/image-tag Deployment/rel-verta-backend spec.template.spec.containers[0].image']],
    ['a release tag', ['backend.image.tag=1.2.3', 'frontend.image.tag=1.2', 'ml.image.tag=1.2.3'], []],
    ['a digest over a latest tag', ['ml.image.tag=latest', `ml.image.digest=sha256:${'ab'.repeat(32)}`], []],
    ['acknowledged backend replicas (their budget allows one eviction)', ['backend.acknowledgeMultipleReplicas=true', 'backend.replicas=2'], []],
  ])('verta values-prod.yaml with %s', (_name, set, expected) => {
    expect(brief(lint('verta', ['ci/default-values.yaml', 'values-prod.yaml'], 'production', '1.33', set))).toEqual(expected);
  });
});

describe('development presets carry only documented warnings', () => {
  it('aeterna values-local.yaml: the CNPG app Secret appears once the operator serves the Cluster API', () => {
    expect(brief(lint('aeterna', ['values-local.yaml'], 'development', '1.33', [], []))).toEqual([
      'xref/missing-object Deployment/rel-aeterna spec.template.spec.containers[0].env[3].valueFrom',
      'xref/missing-object Deployment/rel-aeterna spec.template.spec.containers[0].env[4].valueFrom',
    ]);
    expect(brief(lint('aeterna', ['values-local.yaml'], 'development', '1.33', [], ['postgresql.cnpg.io/v1']))).toEqual([]);
  });
  it('verta values-dev.yaml: only the latest image tags (values.yaml follows the main branch for a try-out)', () => {
    expect(brief(lint('verta', ['ci/default-values.yaml', 'values-dev.yaml'], 'development', '1.33'))).toEqual([
      'prod/image-tag Deployment/rel-verta-backend spec.template.spec.containers[0].image',
      'prod/image-tag Deployment/rel-verta-frontend spec.template.spec.containers[0].image',
      'prod/image-tag Deployment/rel-verta-ml spec.template.spec.containers[0].image',
      'prod/image-tag Deployment/rel-verta-ml spec.template.spec.initContainers[0].image',
    ]);
  });
});

describe('chartroom lint on broken configurations', () => {
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const io = { ...nodeIO(), stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
    const code = await runCli(['lint', ...args], io);
    return { code, out, err, json: () => JSON.parse(out) as { findings: Finding[]; summary: { errors: number; warnings: number } } };
  };
  let aeterna: string;
  beforeAll(() => {
    aeterna = withStandins(join(__dirname, '../../charts/aeterna'));
    return () => removeStandins(aeterna);
  });

  it('an invalid port is an error at the Service port, traced to service.port', async () => {
    const r = await run([aeterna, '--set', 'service.port=70000', '--skip-schema-validation', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.json().findings).toContainEqual(expect.objectContaining({ id: 'schema/value', path: 'spec.ports[0].port', valuesPath: 'service.port', resource: expect.objectContaining({ kind: 'Service' }) }));
  });
  it('an external PostgreSQL without host fails rendering with the chart\'s own message', async () => {
    const r = await run([aeterna, '--set', 'postgresql.enabled=false', '--skip-schema-validation', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.json().findings).toEqual([expect.objectContaining({ id: 'render/error', message: 'postgresql.external.host is required when postgresql.enabled=false', resource: expect.objectContaining({ template: 'aeterna/templates/deployment.yaml' }) })]);
  });
  it('a removed API is an error only from the Kubernetes version that removed it', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'chartroom-lint-')), 'old');
    mkdirSync(join(dir, 'templates'), { recursive: true });
    writeFileSync(join(dir, 'Chart.yaml'), 'apiVersion: v2\nname: old\nversion: 0.1.0\n');
    writeFileSync(join(dir, 'templates', 'flow.yaml'), 'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  priorityLevelConfiguration:\n    name: global-default\n');
    const at31 = await run([dir, '--kube-version', '1.31', '--format', 'json']);
    expect(at31.code).toBe(0);
    expect(at31.json().findings.map((f) => f.id)).toEqual(['api/deprecated']);
    expect((await run([dir, '--kube-version', '1.31', '--strict'])).code).toBe(1);
    const at32 = await run([dir, '--kube-version', '1.32', '--format', 'json']);
    expect(at32.code).toBe(1);
    expect(at32.json().findings).toEqual([expect.objectContaining({ id: 'api/removed', severity: 'error', line: 1, message: expect.stringContaining('flowcontrol.apiserver.k8s.io/v1') })]);
  });
  it('Aeterna\'s generated AETERNA_LOCAL_KMS_KEY is reported for GitOps, with the values that avoid it', async () => {
    const r = await run([aeterna, '--format', 'json']);
    const gitops = r.json().findings.filter((f) => f.id.startsWith('gitops/'));
    expect(gitops.map((f) => `${f.id} ${f.source?.template}:${f.source?.line}`)).toEqual([
      'gitops/lookup aeterna/templates/kms-secret.yaml:10',
      'gitops/nondeterministic aeterna/templates/kms-secret.yaml:23',
    ]);
    expect(gitops[1].message).toContain('calls randBytes');
    for (const f of gitops) expect(f.message).toMatch(/`secrets\.existingSecret`.*`secrets\.localKmsKey`/);
    const keyed = await run([aeterna, '--set', 'secrets.localKmsKey=AAAA', '--format', 'json']);
    expect(keyed.json().findings.filter((f) => f.id.startsWith('gitops/'))).toEqual([]);
  });
  it('text output names the template line, the path and why', async () => {
    const r = await run([aeterna, '--set', 'service.port=70000', '--skip-schema-validation']);
    expect(r.out).toMatch(/^ERROR \[schema\/value\] aeterna\/templates\/service\.yaml:\d+ Service\/release-name-aeterna: port 70000 is not between 1 and 65535\n {4}at spec\.ports\[0\]\.port \(values: service\.port\)\n {4}why: /m);
    expect(r.out).toMatch(/\n1 error\(s\), \d+ warning\(s\), \d+ info\(s\)\n$/);
  });
});
