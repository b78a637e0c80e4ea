/**
 * Cluster-wide operators a chart's objects need (their CRDs and controllers): which ones, and
 * how to install them first. Known operators are listed with their official Helm charts.
 */
import type { Chart, Dependency } from '../helm';

export interface KnownOperator {
  /** Chart name in its repository (also how a chart dependency on it is recognised). */
  chart: string;
  title: string;
  repoName: string;
  repoUrl: string;
  namespace: string;
  releaseName: string;
  /** API groups of the objects it serves. */
  apiGroups: string[];
  /** API versions to announce to the renderer once it runs (`--api-versions`). */
  apiVersions: string[];
  /** Values the operator's chart needs to install its CRDs (`--set`). */
  setValues?: string[];
  /** Its CRDs are too large for client-side apply (Argo CD needs ServerSideApply). */
  serverSideApply?: boolean;
}

export const KNOWN_OPERATORS: readonly KnownOperator[] = [
  {
    chart: 'cloudnative-pg', title: 'CloudNativePG operator', repoName: 'cnpg', repoUrl: 'https://cloudnative-pg.github.io/charts',
    namespace: 'cnpg-system', releaseName: 'cnpg', apiGroups: ['postgresql.cnpg.io'], apiVersions: ['postgresql.cnpg.io/v1'], serverSideApply: true,
  },
  {
    chart: 'kube-prometheus-stack', title: 'Prometheus Operator (kube-prometheus-stack)', repoName: 'prometheus-community',
    repoUrl: 'https://prometheus-community.github.io/helm-charts', namespace: 'monitoring', releaseName: 'kube-prometheus-stack',
    apiGroups: ['monitoring.coreos.com'], apiVersions: ['monitoring.coreos.com/v1'], serverSideApply: true,
  },
  {
    chart: 'cert-manager', title: 'cert-manager', repoName: 'jetstack', repoUrl: 'https://charts.jetstack.io', namespace: 'cert-manager',
    releaseName: 'cert-manager', apiGroups: ['cert-manager.io', 'acme.cert-manager.io'], apiVersions: ['cert-manager.io/v1'], setValues: ['crds.enabled=true'],
  },
  {
    chart: 'external-secrets', title: 'External Secrets Operator', repoName: 'external-secrets', repoUrl: 'https://charts.external-secrets.io',
    namespace: 'external-secrets', releaseName: 'external-secrets', apiGroups: ['external-secrets.io'], apiVersions: ['external-secrets.io/v1'],
  },
];

/** An operator to install before the release. */
export interface OperatorPlan {
  operator: KnownOperator;
  /**
   * Pinned version when the chart itself depends on the operator's chart (taken from
   * Chart.yaml); undefined for an operator the chart's objects merely need.
   */
  version?: string;
  /** The chart dependency that would install it inside the release, and the values path that turns it off. */
  dependency?: { name: string; disablePath: string[] };
}

/** The Chart.yaml entry for a dependency as the renderer reports it (by alias once aliased). */
function declaredDependency(chart: Chart, reported: Dependency): Dependency | undefined {
  return (chart.metadata.dependencies ?? []).find((d): d is Dependency => d !== null && (d.alias || d.name) === reported.name);
}

/**
 * Operators to install before the release: enabled chart dependencies that are known operators
 * (installed separately and switched off inside the release through the first path of their
 * `condition`), then known operators serving API groups that the rendered objects use and that
 * the chart does not install itself (a chart that is the operator needs no other).
 */
export function planOperators(chart: Chart, enabledMissing: readonly Dependency[], externalGroups: readonly string[]): OperatorPlan[] {
  const plans: OperatorPlan[] = [];
  for (const reported of enabledMissing) {
    const dep = declaredDependency(chart, reported);
    const operator = KNOWN_OPERATORS.find((o) => o.chart === (dep?.name ?? reported.name));
    if (!dep || !operator || plans.some((p) => p.operator === operator)) continue;
    const first = dep.condition.split(',').map((s) => s.trim()).find(Boolean);
    plans.push({ operator, version: dep.version, dependency: { name: dep.alias || dep.name, disablePath: first ? first.split('.') : [dep.alias || dep.name, 'enabled'] } });
  }
  const groups = new Set(externalGroups);
  for (const operator of KNOWN_OPERATORS) {
    if (plans.some((p) => p.operator === operator)) continue;
    if (operator.apiGroups.some((g) => groups.has(g))) plans.push({ operator });
  }
  return plans;
}
