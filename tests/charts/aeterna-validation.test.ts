/**
 * Every `fail` rule of the Aeterna chart, triggered through the real helm. Schema validation is
 * skipped so the template's own message shows; a second table checks the rules the schema holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, standinChart } from './aeterna-render';
import { removeStandins } from './standins';
import { REFERENCE } from '../helm/reference';
import { isHelm4 } from '../../lib/helm/version';

let dir: string;
beforeAll(() => {
  dir = standinChart();
});
afterAll(() => removeStandins(dir));

const set = (...pairs: string[]) => pairs.flatMap((p) => ['--set', p]);
const externalPg = set('postgresql.enabled=false', 'postgresql.external.host=pg', 'postgresql.external.username=u');

const failRules: { name: string; args: string[]; message: string }[] = [
  { name: 'replicas without Redis', args: set('redis.enabled=false', 'aeterna.replicas=3'), message: 'aeterna.replicas=3 requires Redis (replicas share state through it): set redis.enabled=true or redis.external.host' },
  { name: 'autoscaling without Redis', args: set('redis.enabled=false', 'autoscaling.enabled=true'), message: 'autoscaling.enabled=true runs several Aeterna replicas, which requires Redis' },
  { name: 'external Redis without host', args: set('redis.enabled=false', 'aeterna.replicas=1', 'podDisruptionBudget.enabled=false'), message: 'redis.external.host is required when redis.enabled=false' },
  { name: 'external PostgreSQL without host', args: set('postgresql.enabled=false'), message: 'postgresql.external.host is required when postgresql.enabled=false' },
  { name: 'external PostgreSQL without user', args: set('postgresql.enabled=false', 'postgresql.external.host=pg'), message: 'postgresql.external.username is required when postgresql.enabled=false' },
  { name: 'external Qdrant without host', args: set('qdrant.enabled=false'), message: 'qdrant.external.host is required when qdrant.enabled=false' },
  { name: 'external Qdrant with a bad scheme', args: set('qdrant.enabled=false', 'qdrant.external.host=q', 'qdrant.external.scheme=grpc'), message: 'qdrant.external.scheme must be http or https, not "grpc"' },
  { name: 'CPU limit below request', args: set('aeterna.resources.requests.cpu=1500m', 'aeterna.resources.limits.cpu=1'), message: 'aeterna.resources.limits.cpu (1) is below aeterna.resources.requests.cpu (1500m)' },
  { name: 'memory limit below request', args: set('aeterna.resources.requests.memory=3Gi', 'aeterna.resources.limits.memory=2048Mi'), message: 'aeterna.resources.limits.memory (2048Mi) is below aeterna.resources.requests.memory (3Gi)' },
  { name: 'decimal and binary memory units compared', args: set('aeterna.resources.requests.memory=2G', 'aeterna.resources.limits.memory=1.5Gi'), message: 'aeterna.resources.limits.memory (1.5Gi) is below aeterna.resources.requests.memory (2G)' },
  { name: 'fractional CPU below millicores', args: set('aeterna.resources.requests.cpu=600m', 'aeterna.resources.limits.cpu=0.5'), message: 'aeterna.resources.limits.cpu (0.5) is below aeterna.resources.requests.cpu (600m)' },
  { name: 'PostgreSQL instance limit below request', args: set('postgresql.cluster.resources.requests.memory=2Gi'), message: 'postgresql.cluster.resources.limits.memory (1Gi) is below postgresql.cluster.resources.requests.memory (2Gi)' },
  { name: 'Dragonfly limit below request', args: set('redis.resources.requests.memory=2Gi'), message: 'redis.resources.limits.memory (1Gi) is below redis.resources.requests.memory (2Gi)' },
  { name: 'migration limit below request', args: set('migrations.resources.limits.cpu=50m'), message: 'migrations.resources.limits.cpu (50m) is below migrations.resources.requests.cpu (100m)' },
  { name: 'missing limit', args: set('aeterna.resources.limits.memory=null'), message: 'aeterna.resources.limits.memory is required: the chart always sets requests and limits' },
  { name: 'unreadable quantity', args: set('aeterna.resources.requests.cpu=lots'), message: 'aeterna.resources.requests.cpu (lots) is not a Kubernetes quantity' },
  { name: 'autoscaling bounds reversed', args: set('autoscaling.enabled=true', 'autoscaling.minReplicas=5', 'autoscaling.maxReplicas=3'), message: 'autoscaling.minReplicas (5) is above autoscaling.maxReplicas (3)' },
  { name: 'disruption budget blocking drains', args: set('aeterna.replicas=1'), message: 'podDisruptionBudget.minAvailable (1) must be below aeterna.replicas (1)' },
  { name: 'unknown KMS provider', args: set('aeterna.kms.provider=vault'), message: 'aeterna.kms.provider must be local or aws, not "vault"' },
  { name: 'AWS KMS without ARN', args: set('aeterna.kms.provider=aws'), message: 'aeterna.kms.awsKeyArn is required when aeterna.kms.provider=aws' },
  { name: 'local KMS without a key source', args: set('secrets.generateLocalKmsKey=false'), message: 'aeterna.kms.provider=local needs a key' },
  { name: 'local KMS key of the wrong size', args: set('secrets.localKmsKey=c2hvcnQ='), message: 'secrets.localKmsKey must be the base64 encoding of 32 bytes' },
  { name: 'Ingress without hosts', args: set('ingress.enabled=true', 'ingress.hosts=null'), message: 'ingress.hosts needs at least one host when ingress.enabled=true' },
  { name: 'port collision', args: set('service.metricsPort=8080'), message: 'service.port and service.metricsPort must differ (both 8080)' },
  { name: 'unknown hook phase', args: [...externalPg, ...set('migrations.hooks=pre-install\\,pre-rollback')], message: 'migrations.hooks: "pre-rollback" is not one of pre-install, post-install, pre-upgrade, post-upgrade' },
];

describe('fail rules name the value to change', () => {
  it.each(failRules)('$name', async ({ args, message }) => {
    const r = await render(dir, ['--skip-schema-validation', ...args]);
    expect(r.ok).toBe(false);
    expect(r.stderr).toContain('execution error at (aeterna/templates/deployment.yaml');
    expect(r.stderr).toContain(message);
  });
});

const schemaRules: { name: string; args: string[]; path: string }[] = [
  { name: 'external Redis without host', args: set('redis.enabled=false'), path: 'redis.external.host' },
  { name: 'external PostgreSQL without host', args: set('postgresql.enabled=false'), path: 'postgresql.external' },
  { name: 'external Qdrant without host', args: set('qdrant.enabled=false'), path: 'qdrant.external.host' },
  { name: 'AWS KMS without ARN', args: set('aeterna.kms.provider=aws'), path: 'aeterna.kms' },
  { name: 'unknown KMS provider', args: set('aeterna.kms.provider=vault'), path: 'aeterna.kms.provider' },
  { name: 'malformed KMS key', args: set('secrets.localKmsKey=short'), path: 'secrets.localKmsKey' },
  { name: 'unreadable quantity', args: set('aeterna.resources.requests.cpu=lots'), path: 'aeterna.resources.requests.cpu' },
  { name: 'unknown hook phase', args: set('migrations.hooks=pre-rollback'), path: 'migrations.hooks' },
];

describe('values.schema.json holds the rules JSON Schema can express', () => {
  it.each(schemaRules)('$name', async ({ args, path }) => {
    const r = await render(dir, args);
    expect(r.ok).toBe(false);
    expect(r.stderr).toContain("values don't meet the specifications of the schema");
    // Helm 3 names the value by its dotted path, Helm 4 by its JSON pointer.
    expect(r.stderr).toContain(isHelm4(REFERENCE.setting) ? `at '/${path.replaceAll('.', '/')}` : path);
  });
});
