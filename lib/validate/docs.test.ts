import { describe, expect, it } from 'vitest';
import { lineOf, manifestDocs } from './docs';

describe('manifestDocs', () => {
  it.each([
    // [manifest, the object read]: read as sigs.k8s.io/yaml reads it (YAML 1.1 via go-yaml v2, then JSON)
    ['kind: A\nport: 0755\n', { kind: 'A', port: 493 }],
    ['kind: A\nenabled: yes\n', { kind: 'A', enabled: true }],
    ['kind: A\ncreated: 2024-01-02\n', { kind: 'A', created: '2024-01-02' }],
    ['kind: A\nbase: &b {x: 1}\nmerged: {<<: *b, z: 2}\n', { kind: 'A', base: { x: 1 }, merged: { x: 1, z: 2 } }],
    ['kind: A\nmap: {y: 1}\n', { kind: 'A', map: { true: 1 } }],
    ['kind: A\nkind: B\n', { kind: 'B' }],
  ])('%j reads as %j', (content, object) => {
    expect(manifestDocs({ manifests: [{ name: 't.yaml', content }] }).map((d) => d.object)).toEqual([object]);
  });

  it('drops documents that are empty, not maps, or do not parse', () => {
    const docs = manifestDocs({ manifests: [{ name: 'a', content: '' }, { name: 'b', content: '- 1\n' }, { name: 'c', content: 'a: [\n' }, { name: 'd', content: 'kind: D\n' }] });
    expect(docs.map((d) => d.template)).toEqual(['d']);
  });

  it('numbers the documents of a stream and marks hooks', () => {
    const docs = manifestDocs({ manifests: [{ name: 'm', content: '# note\n---\nkind: A\n---\nkind: B\n' }], hooks: [{ path: 'h', manifest: 'kind: H\n' }] });
    expect(docs.map((d) => [d.object.kind, d.docIndex, d.hook])).toEqual([
      ['A', 0, false],
      ['B', 1, false],
      ['H', 0, true],
    ]);
  });
});

describe('lineOf', () => {
  const text = 'kind: A\nspec:\n  containers:\n  - name: x\n    image: y\n---\nkind: B\nspec:\n  replicas: 2\n';
  it.each([
    ['', 0, 1],
    ['spec', 0, 2],
    ['spec.containers[0].image', 0, 5],
    ['spec.containers[0].missing', 0, 4],
    ['spec.replicas', 1, 9],
    ['spec.nothing', 1, 8],
  ])('%s in document %d is on line %d', (path, docIndex, line) => {
    expect(lineOf(text, path, docIndex)).toBe(line);
  });

  it('is undefined for a document that is not there', () => {
    expect(lineOf(text, 'spec', 2)).toBeUndefined();
  });
});
