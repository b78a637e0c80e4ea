/** What a finding is about and how bad it is. */
export type Severity = 'error' | 'warning' | 'info';

/** The rendered object a finding belongs to. */
export interface ResourceRef {
  kind: string;
  name: string;
  namespace?: string;
  /** Template path that rendered it, e.g. `aeterna/templates/deployment.yaml`. */
  template: string;
}

/** One problem found in the rendered manifests. */
export interface Finding {
  /** Rule id, e.g. `schema/unknown-field`, `api/removed`, `prod/image-tag-latest`. */
  id: string;
  severity: Severity;
  /** What is wrong, for this object. */
  message: string;
  /** One line: why the rule exists. */
  why: string;
  resource: ResourceRef;
  /** Path inside the object, e.g. `spec.template.spec.containers[0].resources`. */
  path?: string;
  /** The values path that produced the offending value, where it can be traced. */
  valuesPath?: string;
  /** Line (1-based) of `path` inside the template's rendered YAML, when known. */
  line?: number;
  /** The template source line the finding is about (a call site), when it is about the template. */
  source?: { template: string; line: number };
}

/** One rendered YAML document, parsed. */
export interface ManifestDoc {
  /** Template path (helm's `# Source:`). */
  template: string;
  /** The parsed object (documents that are empty or not maps are skipped). */
  object: Record<string, unknown>;
  /** The manifest's YAML text, for locating paths as lines. */
  content?: string;
  /** Which document of `content` this is (0 for the usual one-document manifest). */
  docIndex?: number;
  /** Whether it is a hook (hooks such as test pods are judged by their own rules). */
  hook?: boolean;
}

/** Kubernetes minor versions with a bundled schema. */
export const KUBE_VERSIONS = ['1.29', '1.30', '1.31', '1.32', '1.33'] as const;
export type KubeVersion = (typeof KUBE_VERSIONS)[number];

export type Preset = 'production' | 'development';

export interface ValidateOptions {
  /** Target Kubernetes minor version (`1.33`, `v1.31.2` and `1.31` all work). */
  kubeVersion: string;
  /** `production` enables the stricter readiness rules; default `development`. */
  preset?: Preset;
  /** Extra CRD schemas (apiVersion/kind → compact schema); the known ones are built in. */
  crds?: import('./schema/format').KubeSchemaData;
  /** Names of objects that exist outside the chart (`Secret/db-creds`, or a bare name for any kind). */
  external?: string[];
  /** The values the chart was rendered with: used to trace findings and to read `existingSecret`-style names. */
  values?: unknown;
  /** Rule ids (or id prefixes ending in `/`) to leave out. */
  disable?: string[];
  /** The values the user set and what the render read (for `values/unused-override`). */
  valuesUse?: import('./unused-overrides').ValuesUse;
}

/** Counts per severity, for badges and exit codes. */
export interface FindingSummary {
  errors: number;
  warnings: number;
  infos: number;
  total: number;
  /** Findings per rule id. */
  byRule: Record<string, number>;
  /** Findings per template path. */
  byTemplate: Record<string, number>;
}
