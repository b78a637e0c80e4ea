import { describe, expect, it } from 'vitest';
import { locateChart } from './locate';

describe('locateChart', () => {
  it.each([
    ['https://charts.example.com', { kind: 'repo', url: 'https://charts.example.com' }],
    ['  https://charts.example.com/stable/index.yaml  ', { kind: 'repo', url: 'https://charts.example.com/stable' }],
    ['https://charts.example.com/stable/?x=1#top', { kind: 'repo', url: 'https://charts.example.com/stable' }],
    ['oci://ghcr.io/org/charts/app', { kind: 'oci', repository: 'oci://ghcr.io/org/charts', name: 'app', tag: '' }],
    ['oci://localhost:5000/app:1.2.3', { kind: 'oci', repository: 'oci://localhost:5000', name: 'app', tag: '1.2.3' }],
    ['https://artifacthub.io/packages/helm/bitnami/redis', { kind: 'artifacthub', apiUrl: 'https://artifacthub.io/api/v1/packages/helm/bitnami/redis', page: 'https://artifacthub.io/packages/helm/bitnami/redis' }],
    ['https://artifacthub.io/packages/helm/bitnami/redis/19.0.1', { kind: 'artifacthub', apiUrl: 'https://artifacthub.io/api/v1/packages/helm/bitnami/redis/19.0.1', page: 'https://artifacthub.io/packages/helm/bitnami/redis/19.0.1' }],
  ])('%s', (input, location) => {
    expect(locateChart(input)).toEqual({ ok: true, location });
  });

  it.each([
    ['', 'Paste a Helm repository URL'],
    ['charts.example.com', 'charts.example.com is not a URL'],
    ['ftp://example.com/charts', 'only https:// and oci:// locations'],
    ['https://user:secret@charts.example.com', 'charts.example.com: URLs with credentials are not opened'],
    ['oci://ghcr.io', 'names a registry and a chart'],
  ])('refuses %j', (input, message) => {
    const r = locateChart(input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });
});
