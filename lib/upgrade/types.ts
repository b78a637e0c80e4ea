/** What an upgrade preview reports. Everything here is plain data (JSON and structured-clone safe). */

/** How one of the user's overrides fares in the target chart. */
export type OverrideStatus =
  /** Read as before, same default underneath. */
  | 'kept'
  /** Gone from the target's values.yaml and schema, or no template of the target reads it any more. */
  | 'unread'
  /** The default underneath has another type (a number became a string, a map became a list...). */
  | 'type-changed'
  /** The target's values.schema.json rejects the value. */
  | 'rejected'
  /** Still read, but the chart's default underneath changed. */
  | 'default-changed';

export interface OverrideReport {
  /** Values path as `--set` writes it (`service.port`, `podAnnotations.prometheus\.io/scrape`). */
  path: string;
  status: OverrideStatus;
  /** The user's value. */
  value: unknown;
  /** The chart default under it, before and after (undefined when the chart has none). */
  oldDefault?: unknown;
  newDefault?: unknown;
  /** For `unread`: the target's key that most likely took this one's place (a path written as {@link path}). */
  suggestion?: string;
  /** Why the status was given, in a sentence. */
  detail: string;
}

/** A default the user does not override that changed and changes what this configuration renders. */
export interface DefaultChange {
  /** Values path, written as {@link OverrideReport.path}. */
  path: string;
  oldDefault?: unknown;
  newDefault?: unknown;
}

export interface ValuesReport {
  overrides: OverrideReport[];
  changedDefaults: DefaultChange[];
}

export type ResourceChange = 'added' | 'removed' | 'changed' | 'renamed' | 'unchanged';

/** One Kubernetes object on either side, as rendered (generated values masked). */
export interface ResourceSide {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  /** Template path it came from. */
  source: string;
  /** Hook events (`pre-install`...), empty for ordinary manifests. */
  hookEvents: string[];
  /** The document as rendered, with generated values replaced by {@link GENERATED}. */
  text: string;
}

export interface ResourceDiff {
  change: ResourceChange;
  /** `group/Kind namespace/name` of the target side (the old side for removals). */
  id: string;
  old?: ResourceSide;
  new?: ResourceSide;
}

export type RiskKind = 'immutable-field' | 'data-loss' | 'crd-not-upgraded' | 'api-not-served' | 'hook-added' | 'hook-removed' | 'schema-rejected' | 'render-failed';

export interface RiskNote {
  kind: RiskKind;
  /** The resource concerned, as in {@link ResourceDiff.id}, when there is one. */
  resource?: string;
  /** Field path inside the resource (`spec.selector`), for immutable fields. */
  field?: string;
  message: string;
}

/** A `crds/` file of either chart that differs (helm installs these once and never upgrades them). */
export interface CrdChange {
  file: string;
  change: 'added' | 'removed' | 'changed';
}

export interface ChartLabel {
  name: string;
  version: string;
}

export interface UpgradeReport {
  from: ChartLabel;
  to: ChartLabel;
  values: ValuesReport;
  resources: ResourceDiff[];
  crds: CrdChange[];
  risks: RiskNote[];
  /** Whether anything differs at all (values report, resources, CRDs). */
  changed: boolean;
}

/** What a generated value (random password, key, certificate) reads as in a masked document. */
export const GENERATED = '(generated)';
