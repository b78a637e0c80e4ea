import { describe, expect, it } from 'vitest';
import { goMap } from '../go/value';
import { RELEASE, storefront, userValues } from '../../tests/upgrade/fixture';
import { upgradeReport, UpgradeRenderError } from './upgrade';
import { GENERATED } from './types';

const release = { releaseName: RELEASE, helmVersion: '4.1' as const };
const v1 = storefront(1);
const v2 = storefront(2);
const values = userValues();
const report = upgradeReport({ from: { chart: v1, values }, to: { chart: v2, values }, release });
const change = (id: string) => report.resources.find((r) => r.id === id)?.change;

describe('upgrade report on the storefront fixture, 1.0.0 → 2.0.0', () => {
  it.each([
    ['apps/Deployment default/shop-storefront', 'changed'],
    ['Service default/shop-storefront', 'changed'],
    ['apps/StatefulSet default/shop-db', 'changed'],
    ['batch/Job default/shop-migrate', 'changed'],
    ['PersistentVolumeClaim default/shop-storefront-data', 'changed'],
    ['ConfigMap default/shop-storefront-settings', 'renamed'],
    ['ServiceAccount default/shop-storefront', 'added'],
    ['policy/PodDisruptionBudget default/shop-storefront', 'added'],
    ['batch/Job default/shop-smoke', 'added'],
    ['PersistentVolumeClaim default/shop-cache', 'removed'],
    ['Secret default/shop-legacy-token', 'removed'],
    ['batch/Job default/shop-backup', 'removed'],
    ['ConfigMap default/shop-static', 'unchanged'],
    // A random password and a generated key: different at every render, never a change.
    ['Secret default/shop-auth', 'unchanged'],
  ])('%s is %s', (id, expected) => {
    expect(change(id)).toBe(expected);
  });

  it('shows generated values masked', () => {
    const secret = report.resources.find((r) => r.id === 'Secret default/shop-auth')!;
    expect(secret.new!.text).toContain(`password: "${GENERATED}"`);
    expect(secret.new!.text).not.toMatch(/BEGIN EC PRIVATE KEY-----\n\s+[A-Za-z0-9+/]{20,}/);
  });

  it.each([
    ['immutable-field', 'apps/Deployment default/shop-storefront', 'spec.selector'],
    ['immutable-field', 'apps/StatefulSet default/shop-db', 'spec.serviceName'],
    ['immutable-field', 'apps/StatefulSet default/shop-db', 'spec.volumeClaimTemplates'],
    ['immutable-field', 'Service default/shop-storefront', 'spec.clusterIP'],
    ['immutable-field', 'batch/Job default/shop-migrate', 'spec.template'],
    ['immutable-field', 'PersistentVolumeClaim default/shop-storefront-data', 'spec.storageClassName'],
    ['data-loss', 'PersistentVolumeClaim default/shop-cache', undefined],
    ['data-loss', 'Secret default/shop-legacy-token', undefined],
    ['crd-not-upgraded', 'crds/widgets.yaml', undefined],
    ['api-not-served', 'policy/PodDisruptionBudget default/shop-storefront', undefined],
    ['hook-added', 'batch/Job default/shop-smoke', undefined],
    ['hook-removed', 'batch/Job default/shop-backup', undefined],
  ])('risk %s on %s %s', (kind, resource, field) => {
    expect(report.risks.filter((r) => r.kind === kind && r.resource === resource && r.field === field)).toHaveLength(1);
  });

  it('says helm refuses the values, and still shows the diff', () => {
    const refusal = report.risks.filter((r) => r.kind === 'schema-rejected');
    expect(refusal).toHaveLength(1);
    expect(refusal[0].message).toContain("at '/logLevel'");
    expect(report.crds).toEqual([{ file: 'crds/widgets.yaml', change: 'changed' }]);
    expect(report.changed).toBe(true);
  });

  it('the same chart and values change nothing, generated values included', () => {
    const same = upgradeReport({ from: { chart: v1, values }, to: { chart: v1, values }, release });
    expect(same.changed).toBe(false);
    expect(same.risks).toEqual([]);
    expect(new Set(same.resources.map((r) => r.change))).toEqual(new Set(['unchanged']));
  });

  it('compares edited values on one chart', () => {
    const edited = userValues('4.1', ['replicaCount=5']);
    const r = upgradeReport({ from: { chart: v1, values }, to: { chart: v1, values: edited }, release });
    expect(r.resources.filter((d) => d.change !== 'unchanged').map((d) => d.id).sort()).toEqual(['ConfigMap default/shop-settings', 'apps/Deployment default/shop-storefront']);
    expect(r.changed).toBe(true);
  });

  it('a side that does not render is an error naming the chart', () => {
    const broken = goMap({ service: 'not a map' });
    expect(() => upgradeReport({ from: { chart: v1, values: broken }, to: { chart: v2, values }, release })).toThrow(UpgradeRenderError);
    expect(() => upgradeReport({ from: { chart: v1, values: broken }, to: { chart: v2, values }, release })).toThrow(/^storefront 1\.0\.0 does not render with these values: /);
  });
});
