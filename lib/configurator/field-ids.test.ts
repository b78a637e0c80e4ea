import { describe, expect, it } from 'vitest';
import { joinPath } from '../helm';
import { fieldIdsFor } from './field-ids';

describe('fieldIdsFor', () => {
  it('tries the path itself, then each parent', () => {
    expect(fieldIdsFor('aeterna.image.tag')).toEqual(['aeterna.image.tag', 'aeterna.image', 'aeterna']);
    expect(fieldIdsFor(['aeterna', 'replicas'])).toEqual(['aeterna.replicas', 'aeterna']);
    expect(fieldIdsFor('')).toEqual([]);
  });

  it('keeps a key with dots in it whole, so its parent map is the field it falls back to', () => {
    const path = joinPath('aeterna.podLabels', 'app.kubernetes.io/name');
    expect(path).toBe('aeterna.podLabels.app\\.kubernetes\\.io/name');
    const ids = fieldIdsFor(path);
    // A form field for the key itself has the escaped id: one id, one path.
    expect(ids).toEqual(['aeterna.podLabels.app\\.kubernetes\\.io/name', 'aeterna.podLabels', 'aeterna']);
    expect(fieldIdsFor(['aeterna', 'podLabels', 'app.kubernetes.io/name'])).toEqual(ids);
    // Splitting on every dot would try fields that are not on the path.
    expect(ids).not.toContain('aeterna.podLabels.app');
    expect(ids).not.toContain('aeterna.podLabels.app.kubernetes');
  });

  it('takes list indexes of a path given as keys', () => {
    expect(fieldIdsFor(['aeterna', 'extraEnv', 0, 'name'])).toEqual(['aeterna.extraEnv.0.name', 'aeterna.extraEnv.0', 'aeterna.extraEnv', 'aeterna']);
  });
});
