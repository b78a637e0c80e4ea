/** Rules on whole objects: disruption budgets, autoscalers, ingresses, network policies, ConfigMaps. */
import { kindOf, nameOf, specOf, type Draft, type RuleContext } from './context';
import { looksSecret } from './prod';
import { childPath } from './path';
import { asList, asObj, labelSelectorMatches, type PodTemplate } from './workloads';

const intOrPercent = (v: unknown): { n: number; percent: boolean } | undefined => {
  if (typeof v === 'number') return { n: v, percent: false };
  const m = typeof v === 'string' ? /^(\d+)%$/.exec(v) : null;
  return m ? { n: Number(m[1]), percent: true } : undefined;
};

/** The HPA scaling a workload, if any. */
function hpaFor(ctx: RuleContext, t: PodTemplate) {
  return ctx.docs.find((d) => {
    if (kindOf(d) !== 'HorizontalPodAutoscaler') return false;
    const ref = asObj(specOf(d).scaleTargetRef);
    return ref?.kind === t.kind && ref?.name === t.name;
  });
}

const pdbs = (ctx: RuleContext) => ctx.docs.filter((d) => kindOf(d) === 'PodDisruptionBudget');

/** Runs the object-level rules. */
export function objectRules(ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  const production = ctx.preset === 'production';
  for (const t of ctx.templates) {
    if (!['Deployment', 'StatefulSet'].includes(t.kind)) continue;
    const hpa = hpaFor(ctx, t);
    const hpaMin = hpa ? asObj(hpa.object.spec)?.minReplicas ?? 1 : undefined;
    const replicas = hpa ? hpaMin : t.replicas ?? 1;
    const hasPdb = pdbs(ctx).some((p) => labelSelectorMatches(specOf(p).selector, t.labels));
    if (production && typeof replicas === 'number' && replicas < 2 && !hasPdb) {
      out.push({ id: 'prod/single-replica', doc: t.doc, path: hpa ? undefined : 'spec.replicas', message: `${t.kind} ${t.name} runs a single replica with no PodDisruptionBudget`, trace: { keys: ['replicas', 'replicaCount', 'minReplicas'] } });
    }
    if (hpa && t.replicas !== undefined && t.replicas !== null) {
      out.push({ id: 'prod/hpa-fixed-replicas', doc: t.doc, path: 'spec.replicas', message: `${t.kind} ${t.name} sets replicas: ${String(t.replicas)} although HorizontalPodAutoscaler ${nameOf(hpa)} scales it`, trace: { keys: ['replicas', 'replicaCount'] } });
    }
  }

  for (const d of ctx.docs) {
    const kind = kindOf(d);
    const spec = specOf(d);
    if (kind === 'PodDisruptionBudget') {
      const maxU = intOrPercent(spec.maxUnavailable);
      const minA = intOrPercent(spec.minAvailable);
      const selected = ctx.templates.filter((t) => labelSelectorMatches(spec.selector, t.labels));
      const replicas = selected.map((t) => {
        const hpa = hpaFor(ctx, t);
        const r = hpa ? asObj(hpa.object.spec)?.minReplicas ?? 1 : t.replicas ?? 1;
        return typeof r === 'number' ? r : undefined;
      });
      const known = replicas.every((r) => r !== undefined) && replicas.length > 0;
      const total = known ? (replicas as number[]).reduce((a, b) => a + b, 0) : undefined;
      if (maxU && maxU.n === 0) {
        out.push({ id: 'prod/pdb-blocks-evictions', doc: d, path: 'spec.maxUnavailable', message: `PodDisruptionBudget ${nameOf(d)} allows no pod to be unavailable`, trace: { keys: ['maxUnavailable'] } });
      } else if (minA && ((minA.percent && minA.n >= 100) || (!minA.percent && total !== undefined && minA.n >= total))) {
        out.push({ id: 'prod/pdb-blocks-evictions', doc: d, path: 'spec.minAvailable', message: `PodDisruptionBudget ${nameOf(d)} requires ${String(spec.minAvailable)} available${total !== undefined ? ` of ${total} replicas` : ''}: no pod can be evicted`, trace: { keys: ['minAvailable'] } });
      }
      if (selected.length === 0 && asObj(spec.selector)) {
        out.push({ id: 'xref/pdb-selector', doc: d, path: 'spec.selector', message: `PodDisruptionBudget ${nameOf(d)} selects no pod template of this chart` });
      }
    } else if (kind === 'HorizontalPodAutoscaler') {
      const min = spec.minReplicas ?? 1;
      if (typeof min === 'number' && typeof spec.maxReplicas === 'number' && min > spec.maxReplicas) {
        out.push({ id: 'prod/hpa-min-max', doc: d, path: 'spec.minReplicas', message: `HorizontalPodAutoscaler ${nameOf(d)} has minReplicas ${min} above maxReplicas ${spec.maxReplicas}`, trace: { keys: ['minReplicas'] } });
      }
      const ref = asObj(spec.scaleTargetRef);
      const target = ctx.docs.find((x) => kindOf(x) === ref?.kind && nameOf(x) === ref?.name);
      if (ref && !target) out.push({ id: 'prod/hpa-target', doc: d, path: 'spec.scaleTargetRef', message: `HorizontalPodAutoscaler ${nameOf(d)} scales ${String(ref.kind)} ${String(ref.name)}, which is not rendered` });
    } else if (kind === 'Ingress' && ctx.preset === 'production') {
      if (asList(spec.tls).length === 0) out.push({ id: 'prod/ingress-tls', doc: d, path: 'spec', message: `Ingress ${nameOf(d)} has no tls section`, trace: { keys: ['ingress.tls', 'tls'] } });
    } else if (kind === 'ConfigMap') {
      for (const [k, v] of Object.entries(asObj(d.object.data) ?? {})) {
        if (typeof v === 'string' && looksSecret(k, v)) {
          out.push({ id: 'prod/secret-in-configmap', doc: d, path: childPath('data', k), message: `ConfigMap ${nameOf(d)} holds what looks like a secret in "${k}"` });
        }
      }
    }
  }

  if (production) {
    const policies = ctx.docs.filter((d) => kindOf(d) === 'NetworkPolicy');
    for (const t of ctx.templates) {
      if (!t.longRunning || t.doc.hook) continue;
      const covered = policies.some((p) => {
        const sel = asObj(specOf(p).podSelector);
        return sel !== undefined && (Object.keys(sel).length === 0 || labelSelectorMatches(sel, t.labels));
      });
      if (!covered) out.push({ id: 'prod/network-policy', doc: t.doc, message: `no NetworkPolicy selects the pods of ${t.kind} ${t.name}`, trace: { keys: ['networkPolicy.enabled', 'networkPolicy'] } });
    }
  }
  return out;
}

