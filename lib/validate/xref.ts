/**
 * Cross-object consistency: Services select pods, referenced ConfigMaps, Secrets, ServiceAccounts
 * and PVCs exist (rendered, created by an operator from a rendered object, or declared external),
 * and named ports exist on the containers.
 */
import { kindOf, nameOf, specOf, type Draft, type RuleContext } from './context';
import { childPath } from './path';
import { asList, asObj, asStr, containersOf, mapSelectorMatches, type PodTemplate } from './workloads';
import type { ManifestDoc } from './types';

/** Objects that operators create from rendered custom resources, by the resource's kind. */
const IMPLIED: Record<string, (d: ManifestDoc) => [kind: string, name: string][]> = {
  // CloudNativePG: credentials, CA and Services of a Cluster.
  Cluster: (d) => {
    const n = nameOf(d);
    if (!String(d.object.apiVersion).startsWith('postgresql.cnpg.io/')) return [];
    const initdb = asObj(asObj(specOf(d).bootstrap)?.initdb);
    const app = asStr(asObj(initdb?.secret)?.name) ?? `${n}-app`;
    return [['Secret', app], ['Secret', `${n}-superuser`], ['Secret', `${n}-ca`], ['Secret', `${n}-server`], ['Secret', `${n}-replication`], ['Service', `${n}-rw`], ['Service', `${n}-ro`], ['Service', `${n}-r`], ['ServiceAccount', n]];
  },
  Certificate: (d) => [['Secret', asStr(specOf(d).secretName) ?? '']],
  ExternalSecret: (d) => [['Secret', asStr(asObj(specOf(d).target)?.name) ?? nameOf(d)]],
  SealedSecret: (d) => [['Secret', nameOf(d)]],
};

/** Every `Kind/name` the render creates, directly or through an operator. */
export function existingObjects(docs: ManifestDoc[]): Set<string> {
  const have = new Set<string>();
  for (const d of docs) {
    have.add(`${kindOf(d)}/${nameOf(d)}`);
    for (const [k, n] of IMPLIED[kindOf(d)]?.(d) ?? []) have.add(`${k}/${n}`);
    // StatefulSet claims come from volumeClaimTemplates: <template>-<statefulset>-<ordinal>.
  }
  return have;
}

interface Ref {
  kind: 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'PersistentVolumeClaim';
  name: string;
  path: string;
  optional: boolean;
}

function podRefs(t: PodTemplate): Ref[] {
  const refs: Ref[] = [];
  const p = t.specPath;
  const add = (kind: Ref['kind'], name: unknown, path: string, optional: unknown) => {
    if (typeof name === 'string' && name) refs.push({ kind, name, path, optional: optional === true });
  };
  const sa = t.spec.serviceAccountName ?? t.spec.serviceAccount;
  if (sa !== 'default') add('ServiceAccount', sa, childPath(p, 'serviceAccountName'), false);
  asList(t.spec.imagePullSecrets).forEach((s, i) => add('Secret', asObj(s)?.name, childPath(childPath(p, 'imagePullSecrets'), i), true));
  asList(t.spec.volumes).forEach((v, i) => {
    const vol = asObj(v) ?? {};
    const vp = childPath(childPath(p, 'volumes'), i);
    const cm = asObj(vol.configMap);
    if (cm) add('ConfigMap', cm.name, childPath(vp, 'configMap'), cm.optional);
    const sec = asObj(vol.secret);
    if (sec) add('Secret', sec.secretName, childPath(vp, 'secret'), sec.optional);
    const pvc = asObj(vol.persistentVolumeClaim);
    if (pvc) add('PersistentVolumeClaim', pvc.claimName, childPath(vp, 'persistentVolumeClaim'), false);
    asList(asObj(vol.projected)?.sources).forEach((s, j) => {
      const src = asObj(s) ?? {};
      const sp = childPath(childPath(childPath(vp, 'projected'), 'sources'), j);
      if (asObj(src.configMap)) add('ConfigMap', asObj(src.configMap)!.name, sp, asObj(src.configMap)!.optional);
      if (asObj(src.secret)) add('Secret', asObj(src.secret)!.name, sp, asObj(src.secret)!.optional);
    });
  });
  for (const { container: c, path } of containersOf(t)) {
    asList(c.envFrom).forEach((e, i) => {
      const ef = asObj(e) ?? {};
      const ep = childPath(childPath(path, 'envFrom'), i);
      if (asObj(ef.configMapRef)) add('ConfigMap', asObj(ef.configMapRef)!.name, ep, asObj(ef.configMapRef)!.optional);
      if (asObj(ef.secretRef)) add('Secret', asObj(ef.secretRef)!.name, ep, asObj(ef.secretRef)!.optional);
    });
    asList(c.env).forEach((e, i) => {
      const vf = asObj(asObj(e)?.valueFrom) ?? {};
      const ep = childPath(childPath(childPath(path, 'env'), i), 'valueFrom');
      if (asObj(vf.configMapKeyRef)) add('ConfigMap', asObj(vf.configMapKeyRef)!.name, ep, asObj(vf.configMapKeyRef)!.optional);
      if (asObj(vf.secretKeyRef)) add('Secret', asObj(vf.secretKeyRef)!.name, ep, asObj(vf.secretKeyRef)!.optional);
    });
  }
  return refs;
}

/** Named ports of a pod template's containers. */
function portNames(t: PodTemplate): Set<string> {
  const names = new Set<string>();
  for (const { container } of containersOf(t)) for (const p of asList(container.ports)) {
    const n = asStr(asObj(p)?.name);
    if (n) names.add(n);
  }
  return names;
}

/** Runs the cross-object rules. */
export function xrefRules(ctx: RuleContext): Draft[] {
  const out: Draft[] = [];
  const have = existingObjects(ctx.docs);
  const external = (kind: string, name: string) => ctx.external.some((e) => (!e.kind || e.kind === kind) && e.pattern.test(name));

  for (const t of ctx.templates) {
    for (const r of podRefs(t)) {
      if (r.optional || have.has(`${r.kind}/${r.name}`) || external(r.kind, r.name)) continue;
      out.push({ id: 'xref/missing-object', doc: t.doc, path: r.path, message: `${t.kind} ${t.name} uses ${r.kind} "${r.name}", which the chart does not render and is not declared external` });
    }
    const names = portNames(t);
    for (const { container: c, path } of containersOf(t)) {
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const pr = asObj(c[probe]);
        for (const action of ['httpGet', 'tcpSocket']) {
          const port = asObj(pr?.[action])?.port;
          if (typeof port === 'string' && !names.has(port)) {
            out.push({ id: 'xref/port-name', doc: t.doc, path: childPath(childPath(childPath(path, probe), action), 'port'), message: `${probe} of container "${String(c.name)}" uses port "${port}", which no container port is named` });
          }
        }
      }
    }
  }

  for (const d of ctx.docs) {
    if (kindOf(d) !== 'Service') continue;
    const spec = specOf(d);
    const selector = asObj(spec.selector);
    if (!selector || Object.keys(selector).length === 0 || spec.type === 'ExternalName') continue;
    const selected = ctx.templates.filter((t) => mapSelectorMatches(selector, t.labels));
    if (selected.length === 0) {
      out.push({ id: 'xref/service-selector', doc: d, path: 'spec.selector', message: `Service ${nameOf(d)} selects no pod template of this chart` });
      continue;
    }
    asList(spec.ports).forEach((p, i) => {
      const target = asObj(p)?.targetPort;
      if (typeof target === 'string' && !selected.some((t) => portNames(t).has(target))) {
        out.push({ id: 'xref/port-name', doc: d, path: childPath(childPath(childPath('spec', 'ports'), i), 'targetPort'), message: `Service ${nameOf(d)} targets port "${target}", which no selected container names` });
      }
    });
  }
  return out;
}
