import { describe, expect, it } from 'vitest';
import { changedImmutableFields, riskNotes } from './risks';
import type { ResourceDiff, ResourceSide } from './types';

function side(apiVersion: string, kind: string, name: string, spec: string, hookEvents: string[] = []): ResourceSide {
  return { apiVersion, kind, namespace: 'default', name, source: 'c/templates/x.yaml', hookEvents, text: `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\nspec:\n${spec}` };
}

describe('changedImmutableFields', () => {
  it.each([
    ['apps/v1', 'Deployment', '  selector:\n    matchLabels: {app: a}\n  replicas: 1', '  selector:\n    matchLabels: {app: b}\n  replicas: 1', ['spec.selector']],
    ['apps/v1', 'DaemonSet', '  selector:\n    matchLabels: {app: a}', '  selector:\n    matchLabels: {app: a, tier: web}', ['spec.selector']],
    ['apps/v1', 'StatefulSet', '  serviceName: db', '  serviceName: db-headless', ['spec.serviceName']],
    ['apps/v1', 'StatefulSet', '  volumeClaimTemplates: [{metadata: {name: d}, spec: {resources: {requests: {storage: 1Gi}}}}]', '  volumeClaimTemplates: [{metadata: {name: d}, spec: {resources: {requests: {storage: 2Gi}}}}]', ['spec.volumeClaimTemplates']],
    ['v1', 'Service', '  type: ClusterIP', '  type: ClusterIP\n  clusterIP: None', ['spec.clusterIP']],
    // Unset and empty both leave the address to Kubernetes.
    ['v1', 'Service', '  type: ClusterIP', '  type: ClusterIP\n  clusterIP: ""', []],
    ['batch/v1', 'Job', '  template: {spec: {containers: [{name: a, image: x:1}]}}', '  template: {spec: {containers: [{name: a, image: x:2}]}}', ['spec.template']],
    ['v1', 'PersistentVolumeClaim', '  storageClassName: standard', '  storageClassName: fast', ['spec.storageClassName']],
    // Fields that may change: replicas, a PVC's size, a CronJob's job template.
    ['apps/v1', 'Deployment', '  replicas: 1', '  replicas: 3', []],
    ['v1', 'PersistentVolumeClaim', '  resources: {requests: {storage: 1Gi}}', '  resources: {requests: {storage: 2Gi}}', []],
    ['batch/v1', 'CronJob', '  jobTemplate: {spec: {template: {spec: {containers: [{image: x:1}]}}}}', '  jobTemplate: {spec: {template: {spec: {containers: [{image: x:2}]}}}}', []],
    // Key order is not a change.
    ['apps/v1', 'Deployment', '  selector: {matchLabels: {a: "1", b: "2"}}', '  selector: {matchLabels: {b: "2", a: "1"}}', []],
  ])('%s %s', (apiVersion, kind, before, after, fields) => {
    expect(changedImmutableFields(apiVersion, kind, side(apiVersion, kind, 'x', before).text, side(apiVersion, kind, 'x', after).text)).toEqual(fields);
  });
});

describe('riskNotes', () => {
  const changed = (old: ResourceSide, next: ResourceSide): ResourceDiff => ({ change: 'changed', id: `${next.kind} default/${next.name}`, old, new: next });

  it.each<[string, ResourceDiff, string[]]>([
    ['an immutable field', changed(side('v1', 'Service', 's', '  type: ClusterIP'), side('v1', 'Service', 's', '  clusterIP: None')), ['immutable-field']],
    ['a removed PVC', { change: 'removed', id: 'PersistentVolumeClaim default/data', old: side('v1', 'PersistentVolumeClaim', 'data', '  x: 1') }, ['data-loss']],
    ['a removed Secret', { change: 'removed', id: 'Secret default/pw', old: side('v1', 'Secret', 'pw', '  x: 1') }, ['data-loss']],
    ['a renamed Secret (helm deletes the old one)', { change: 'renamed', id: 'Secret default/b', old: side('v1', 'Secret', 'a', '  x: 1'), new: side('v1', 'Secret', 'b', '  x: 1') }, ['data-loss']],
    ['a removed ConfigMap loses nothing', { change: 'removed', id: 'ConfigMap default/c', old: side('v1', 'ConfigMap', 'c', '  x: 1') }, []],
    ['an added hook', { change: 'added', id: 'batch/Job default/j', new: side('batch/v1', 'Job', 'j', '  x: 1', ['post-upgrade']) }, ['hook-added']],
    ['a removed hook', { change: 'removed', id: 'batch/Job default/j', old: side('batch/v1', 'Job', 'j', '  x: 1', ['pre-upgrade']) }, ['hook-removed']],
    ['an object that becomes a hook', changed(side('batch/v1', 'Job', 'j', '  x: 1'), side('batch/v1', 'Job', 'j', '  x: 1', ['pre-install'])), ['hook-added']],
    ['an API the target no longer serves', { change: 'added', id: 'policy/PodDisruptionBudget default/p', new: side('policy/v1beta1', 'PodDisruptionBudget', 'p', '  x: 1') }, ['api-not-served']],
    ['an API deprecated but still served', { change: 'added', id: 'Endpoints default/e', new: side('v1', 'Endpoints', 'e', '  x: 1') }, []],
  ])('%s', (_n, diff, kinds) => {
    expect(riskNotes([diff], [], 'v1.35.0').map((n) => n.kind)).toEqual(kinds);
  });

  it('an API still served by an older target is no risk there', () => {
    const pdb: ResourceDiff = { change: 'added', id: 'p', new: side('policy/v1beta1', 'PodDisruptionBudget', 'p', '  x: 1') };
    expect(riskNotes([pdb], [], 'v1.24.0')).toEqual([]);
    expect(riskNotes([pdb], [], 'v1.25.0')[0].message).toContain('stopped serving in 1.25 (target 1.25); use policy/v1');
  });

  it.each([
    ['changed', 'helm never upgrades CRDs in crds/'],
    ['added', 'helm installs crds/ only on first install'],
    ['removed', 'helm never deletes CRDs'],
  ] as const)('a %s crds/ file', (change, says) => {
    const notes = riskNotes([], [{ file: 'crds/w.yaml', change }], 'v1.35.0');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'crd-not-upgraded', resource: 'crds/w.yaml' });
    expect(notes[0].message).toContain(says);
  });
});
