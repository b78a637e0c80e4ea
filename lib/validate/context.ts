/** What rules receive and what they produce before findings get their final shape. */
import type { RuleId } from './rules';
import type { ManifestDoc, Preset, Severity } from './types';
import { asObj, asStr, type Obj, type PodTemplate } from './workloads';

/** A finding before severity defaults, resource, why, values path and line are filled in. */
export interface Draft {
  id: RuleId;
  doc: ManifestDoc;
  path?: string;
  message: string;
  severity?: Severity;
  /** Helps tracing to values: the container concerned and the values keys that usually set this. */
  trace?: { container?: Obj; keys?: string[] };
}

export interface RuleContext {
  docs: ManifestDoc[];
  templates: PodTemplate[];
  preset: Preset;
  /** Names known to exist outside the chart: `Kind/name` or a bare name pattern. */
  external: { kind?: string; pattern: RegExp }[];
}

export const kindOf = (d: ManifestDoc) => asStr(d.object.kind) ?? '';
export const nameOf = (d: ManifestDoc) => asStr(asObj(d.object.metadata)?.name) ?? '';
export const specOf = (d: ManifestDoc) => asObj(d.object.spec) ?? {};
