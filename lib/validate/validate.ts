/**
 * Validates rendered manifests: schema of the target Kubernetes version, removed and deprecated
 * APIs, production readiness and cross-object consistency. Synchronous: load the version's
 * schema first with loadKubeSchema (validateManifestsAsync does both).
 */
import { apiChange, apiGroup, builtinGroups } from './apis';
import { kindOf, nameOf, type Draft, type RuleContext } from './context';
import { lineOf } from './docs';
import { objectRules } from './objects';
import { podRules } from './prod';
import { isRuleDisabled, RULES, type Rule } from './rules';
import { checkObject, TOP_LEVEL_FIELDS } from './schema/check';
import { CRD_SCHEMAS } from './schema/crds';
import type { KubeSchemaData } from './schema/format';
import { objectName } from './schema/formats';
import { loadKubeSchema, loadedKubeSchema, parseKubeVersion } from './schema/load';
import { indexValues, traceValuesPath } from './trace';
import type { Finding, FindingSummary, ManifestDoc, ValidateOptions } from './types';
import { asObj, asStr, podTemplateOf, type PodTemplate } from './workloads';
import { xrefRules } from './xref';
import { externalNames } from './external';

/** Validates parsed manifests; throws if the schema of `opts.kubeVersion` is not loaded yet. */
export function validateManifests(docs: ManifestDoc[], opts: ValidateOptions): Finding[] {
  const schema = loadedKubeSchema(opts.kubeVersion);
  if (!schema) throw new Error(`the Kubernetes ${opts.kubeVersion} schema is not loaded: await loadKubeSchema("${opts.kubeVersion}") first`);
  const minor = parseKubeVersion(opts.kubeVersion)!.minor;
  const drafts: Draft[] = [];
  const valid: ManifestDoc[] = [];
  const seen = new Map<string, ManifestDoc>();
  const groups = builtinGroups(Object.keys(schema.kinds).map((k) => k.slice(0, k.lastIndexOf('/'))));

  for (const doc of docs) {
    const apiVersion = asStr(doc.object.apiVersion);
    const kind = asStr(doc.object.kind);
    const name = nameOf(doc);
    if (!apiVersion || !kind || !name) {
      drafts.push({ id: 'schema/not-an-object', doc, message: `a document of ${doc.template} lacks ${[!apiVersion && 'apiVersion', !kind && 'kind', !name && 'metadata.name'].filter(Boolean).join(', ')}` });
      continue;
    }
    valid.push(doc);
    const ns = asStr(asObj(doc.object.metadata)?.namespace) ?? '';
    const key = `${apiGroup(apiVersion)}/${kind}/${ns}/${name}`;
    if (seen.has(key)) drafts.push({ id: 'schema/duplicate', doc, path: 'metadata.name', message: `${kind} ${name} is rendered twice (also by ${seen.get(key)!.template})` });
    else seen.set(key, doc);
    schemaDrafts(doc, apiVersion, kind, schema, opts.crds, groups, minor, drafts);
  }

  const templates = valid.map(podTemplateOf).filter((t): t is PodTemplate => t !== undefined);
  const ctx: RuleContext = { docs: valid, templates, preset: opts.preset ?? 'development', external: externalNames(opts.external ?? [], opts.values) };
  drafts.push(...podRules(ctx), ...objectRules(ctx), ...xrefRules(ctx));
  return finish(drafts, opts);
}

function schemaDrafts(doc: ManifestDoc, apiVersion: string, kind: string, schema: KubeSchemaData, extra: KubeSchemaData | undefined, groups: Set<string>, minor: number, out: Draft[]): void {
  const gvk = `${apiVersion}/${kind}`;
  const change = apiChange(apiVersion, kind);
  let data: KubeSchemaData | undefined;
  if (schema.kinds[gvk]) data = schema;
  else if (extra?.kinds[gvk]) data = extra;
  else if (CRD_SCHEMAS.kinds[gvk]) data = CRD_SCHEMAS;

  if (change?.removedIn !== undefined && minor >= change.removedIn) {
    out.push({ id: 'api/removed', doc, path: 'apiVersion', message: `${apiVersion} ${kind} was removed in Kubernetes 1.${change.removedIn}: use ${change.replacement}` });
    return;
  }
  if (change && minor >= change.deprecatedIn) {
    out.push({ id: 'api/deprecated', doc, path: 'apiVersion', message: `${apiVersion} ${kind} is deprecated since Kubernetes 1.${change.deprecatedIn}${change.removedIn ? ` and removed in 1.${change.removedIn}` : ''}: use ${change.replacement}` });
  }
  if (!data) {
    if (groups.has(apiGroup(apiVersion))) out.push({ id: 'api/unknown', doc, path: 'apiVersion', message: `Kubernetes 1.${minor} serves no ${kind} in ${apiVersion}` });
    else out.push({ id: 'schema/unknown-kind', doc, path: 'apiVersion', message: `no schema for ${apiVersion} ${kind}: not validated` });
    return;
  }
  const issues: Parameters<typeof checkObject>[4] = [];
  checkObject(doc.object, data.kinds[gvk], data, '', issues, TOP_LEVEL_FIELDS);
  for (const i of issues) out.push({ id: i.id, doc, path: i.path, message: i.message });
  const badName = objectName(kind, nameOf(doc));
  if (badName) out.push({ id: 'schema/name', doc, path: 'metadata.name', message: `${kind} name ${badName}` });
}

function finish(drafts: Draft[], opts: ValidateOptions): Finding[] {
  const disabled = (id: string) => isRuleDisabled(id, opts.disable);
  const index = opts.values !== undefined ? indexValues(opts.values) : undefined;
  const findings: Finding[] = [];
  for (const d of drafts) {
    if (disabled(d.id) || ignoredByAnnotation(d)) continue;
    const rule: Rule = RULES[d.id];
    const meta = asObj(d.doc.object.metadata) ?? {};
    const f: Finding = {
      id: d.id,
      severity: d.severity ?? rule.severity,
      message: d.message,
      why: rule.why,
      resource: { kind: kindOf(d.doc) || '?', name: nameOf(d.doc) || '?', template: d.doc.template },
    };
    const ns = asStr(meta.namespace);
    if (ns) f.resource.namespace = ns;
    if (d.path) f.path = d.path;
    const vp = index && traceValuesPath(d, index);
    if (vp) f.valuesPath = vp;
    if (d.doc.content !== undefined) {
      const line = lineOf(d.doc.content, d.path ?? '', d.doc.docIndex);
      if (line !== undefined) f.line = line;
    }
    findings.push(f);
  }
  return sortFindings(findings);
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then infos (stable within each). */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/**
 * Objects can opt out of rules they break on purpose, with a reason next to them in the chart:
 * `chartroom.io/ignore-findings: "prod/pdb-blocks-evictions,prod/probes"` (kube-score's
 * `kube-score/ignore` annotation is honoured with chartroom's rule ids too).
 */
function ignoredByAnnotation(d: Draft): boolean {
  const ann = asObj(asObj(d.doc.object.metadata)?.annotations);
  if (!ann) return false;
  const list = [ann['chartroom.io/ignore-findings'], ann['kube-score/ignore']].filter((v): v is string => typeof v === 'string');
  return list.some((v) => v.split(',').some((id) => id.trim() === d.id));
}

/** Loads the schema of `opts.kubeVersion` if needed, then validates. */
export async function validateManifestsAsync(docs: ManifestDoc[], opts: ValidateOptions): Promise<Finding[]> {
  await loadKubeSchema(opts.kubeVersion);
  return validateManifests(docs, opts);
}

/** Counts findings by severity, rule and template. */
export function summarize(findings: Finding[]): FindingSummary {
  const s: FindingSummary = { errors: 0, warnings: 0, infos: 0, total: findings.length, byRule: {}, byTemplate: {} };
  for (const f of findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
    s.byRule[f.id] = (s.byRule[f.id] ?? 0) + 1;
    s.byTemplate[f.resource.template] = (s.byTemplate[f.resource.template] ?? 0) + 1;
  }
  return s;
}
