import { describe, expect, it } from 'vitest';
import { diffResources } from './manifest-diff';
import { resourceId, type RenderedDoc } from './render';

function doc(apiVersion: string, kind: string, name: string, text = `name: ${name}`, source = 'c/templates/a.yaml', namespace = 'default'): RenderedDoc {
  return { id: resourceId(apiVersion, kind, namespace, name), apiVersion, kind, namespace, name, source, hookEvents: [], text, object: null };
}

describe('diffResources', () => {
  it('matches by group, kind, namespace and name: a new apiVersion of the same group is a change', () => {
    const r = diffResources([doc('autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'h', 'v: 1')], [doc('autoscaling/v2', 'HorizontalPodAutoscaler', 'h', 'v: 2')], 'rel');
    expect(r.map((d) => [d.change, d.id])).toEqual([['changed', 'autoscaling/HorizontalPodAutoscaler default/h']]);
  });

  it('another group is another object', () => {
    const r = diffResources([doc('extensions/v1beta1', 'Ingress', 'i')], [doc('networking.k8s.io/v1', 'Ingress', 'i')], 'rel');
    expect(r.map((d) => d.change)).toEqual(['added', 'removed']);
  });

  it('the same name in another namespace is another object', () => {
    const r = diffResources([doc('v1', 'ConfigMap', 'c', 'x', 'c/templates/a.yaml', 'a')], [doc('v1', 'ConfigMap', 'c', 'x', 'c/templates/a.yaml', 'b')], 'rel');
    expect(r.map((d) => d.change)).toEqual(['added', 'removed']);
  });

  it('a release-name-based name made differently from the same template is a rename', () => {
    const r = diffResources([doc('v1', 'ConfigMap', 'rel-settings')], [doc('v1', 'ConfigMap', 'rel-app-settings')], 'rel');
    expect(r).toMatchObject([{ change: 'renamed', id: 'ConfigMap default/rel-app-settings', old: { name: 'rel-settings' }, new: { name: 'rel-app-settings' } }]);
  });

  it.each([
    ['from another template', doc('v1', 'ConfigMap', 'rel-b', 'x', 'c/templates/b.yaml')],
    ['of another kind', doc('v1', 'Secret', 'rel-b')],
    ['not named after the release', doc('v1', 'ConfigMap', 'fixed-b')],
  ])('no rename %s', (_n, added) => {
    const r = diffResources([doc('v1', 'ConfigMap', 'rel-a')], [added], 'rel');
    expect(r.map((d) => d.change)).toEqual(['added', 'removed']);
  });

  it('a chart renamed between versions still pairs its templates', () => {
    const r = diffResources([doc('v1', 'ConfigMap', 'rel-a', 'x', 'old/templates/a.yaml')], [doc('v1', 'ConfigMap', 'rel-b', 'x', 'new/templates/a.yaml')], 'rel');
    expect(r.map((d) => d.change)).toEqual(['renamed']);
  });

  it('keeps the target install order, removals last', () => {
    const r = diffResources([doc('v1', 'Secret', 's'), doc('v1', 'ConfigMap', 'c')], [doc('v1', 'ServiceAccount', 'sa'), doc('v1', 'ConfigMap', 'c')], 'rel');
    expect(r.map((d) => [d.change, d.id])).toEqual([
      ['added', 'ServiceAccount default/sa'],
      ['unchanged', 'ConfigMap default/c'],
      ['removed', 'Secret default/s'],
    ]);
  });
});
