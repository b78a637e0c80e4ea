import { describe, expect, it } from 'vitest';
import { unusedOverrideFindings } from '../validate/unused-overrides';
import { valueMarkers } from './value-markers';

describe('valueMarkers', () => {
  const text = '# mine\naeterna:\n  replica: 3\n  image:\n    tagg: v2\n"a.b": 1\n';
  const findings = unusedOverrideFindings({
    set: ['aeterna.replica', 'aeterna.image.tagg', 'a\\.b'],
    read: { values: ['aeterna.replicas', 'aeterna.image.tag'], subtrees: [], defaults: [] },
  });
  it('marks each unused override on its key, with the suggestion', () => {
    expect(valueMarkers(text, findings)).toEqual([
      { line: 3, column: 3, endLine: 3, endColumn: 10, severity: 'warning', message: 'aeterna.replica is set but no template reads it; did you mean aeterna.replicas? (values/unused-override)' },
      { line: 5, column: 5, endLine: 5, endColumn: 9, severity: 'warning', message: 'aeterna.image.tagg is set but no template reads it; did you mean aeterna.image.tag? (values/unused-override)' },
      { line: 6, column: 1, endLine: 6, endColumn: 6, severity: 'warning', message: expect.stringMatching(/^a\\\.b is set but no template reads it/) },
    ]);
  });
  it('leaves out findings about manifests, and values the text no longer sets', () => {
    expect(valueMarkers('aeterna:\n  replicas: 3\n', findings)).toEqual([]);
    expect(valueMarkers(text, [{ ...findings[0], resource: { kind: 'Deployment', name: 'x', template: 't' } }])).toEqual([]);
  });
});
