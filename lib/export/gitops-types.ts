/** Shared shapes of the GitOps exporters. */
import type { OperatorPlan } from './operators';
import type { PreparedExport } from './prepare';

/** Where the cluster gets the chart from. */
export type ChartSource =
  /** A copy of the chart inside the repository (needs no chart registry). */
  | { type: 'vendored' }
  /** A Helm repository, e.g. `https://charts.example.com`. */
  | { type: 'helm-repo'; url: string }
  /** An OCI registry path holding the chart, e.g. `oci://ghcr.io/example/charts`. */
  | { type: 'oci'; url: string };

export type GitopsTool = 'argocd' | 'flux';

/** Everything the layout writers need. */
export interface GitopsContext {
  prepared: PreparedExport;
  repoUrl: string;
  branch: string;
  chartSource: ChartSource;
  automatedSync: boolean;
  /** Argo CD AppProject name. */
  project: string;
  environments: { name: string; namespace: string; fileName: string; text: string }[];
  /** Operators installed by the skeleton (pinned versions only). */
  operators: (OperatorPlan & { version: string })[];
}
