import { describe, expect, it } from 'vitest';
import { unzipText } from '../../tests/export/fixtures';
import { dottedKeys, dottedUserValues, RELEASE, storefront, userValues } from '../../tests/upgrade/fixture';
import { buildValuesBundle } from '../export/bundle';
import { redactReport, REDACTED } from './redact';
import { upgradeReport } from './upgrade';

const PLANTED = 'PLANTED-S3CRET';
const values = userValues('4.1', [`auth.password=${PLANTED}`, `db.url=postgres://u:${PLANTED}@db/x`, `schemaSecret=${PLANTED}-schema`]);
const release = { releaseName: RELEASE, helmVersion: '4.1' as const };
const report = upgradeReport({ from: { chart: storefront(1), values }, to: { chart: storefront(2), values }, release });

describe('redactReport', () => {
  const fields = [{ path: ['schemaSecret'] }];
  const redacted = redactReport(report, fields);
  it.each(['auth.password', 'db.url', 'schemaSecret'])('hides %s (by key name, by content, by schema)', (path) => {
    expect(report.values.overrides.find((o) => o.path === path)!.value).toContain(PLANTED);
    expect(redacted.values.overrides.find((o) => o.path === path)!.value).toBe(REDACTED);
  });
  it('keeps ordinary values and drops resource texts (a Secret carries the password)', () => {
    expect(redacted.values.overrides.find((o) => o.path === 'service.port')!.value).toBe(9090);
    expect(report.resources.some((r) => r.new?.text.includes(Buffer.from(PLANTED).toString('base64').slice(0, 12)))).toBe(true);
    expect(JSON.stringify(redacted)).not.toContain(PLANTED);
    expect(JSON.stringify(redacted)).not.toContain(Buffer.from(PLANTED).toString('base64').slice(0, 12));
  });
});

describe('redactReport on keys holding dots', () => {
  it("hides a schema's secret field whose key holds dots, found by the report's escaped path", () => {
    const user = dottedUserValues();
    const dotted = upgradeReport({ from: { chart: dottedKeys(1), values: user }, to: { chart: dottedKeys(2), values: user }, release });
    const client = (r: typeof dotted) => r.values.overrides.find((o) => o.path === 'sso.id\\.example\\.com/client')!.value;
    expect(client(dotted)).toBe('client-0451');
    expect(client(redactReport(dotted, [{ path: ['sso', 'id.example.com/client'] }]))).toBe(REDACTED);
    expect(client(redactReport(dotted, []))).toBe('client-0451');
  });
});

describe('the values bundle after an upgrade preview', () => {
  it('carries the report as upgrade-report.txt, without secrets', async () => {
    const config = { format: 1 as const, chart: { name: 'storefront', version: '2.0.0' }, release: { name: RELEASE, namespace: 'default' }, values: 'replicaCount: 3\n' };
    const files = unzipText((await buildValuesBundle(storefront(2), config, { upgradeReport: report })).zip);
    const text = files.get('upgrade-report.txt')!;
    expect(text).toContain('Upgrade preview: storefront 1.0.0 -> storefront 2.0.0');
    expect(text).toMatch(/no longer read +service\.port = 9090 +\(now service\.http\.port\?\)/);
    expect(text).not.toContain(PLANTED);
    const without = unzipText((await buildValuesBundle(storefront(2), config)).zip);
    expect(without.has('upgrade-report.txt')).toBe(false);
  });
});
