import { describe, expect, it } from 'vitest';
import { inferFromValues } from './infer';
import { buildFormModel, contextLabel } from './model';
import { searchFields } from './search';

const model = buildFormModel(
  inferFromValues(`image:
  # -- Where the image comes from.
  repository: nginx
  # -- When to pull the image.
  pullPolicy: IfNotPresent
sidecar:
  image:
    repository: busybox
# -- Number of pods.
replicaCount: 1
`),
);

describe('searchFields', () => {
  it('matches every word in path, label with context, or description', () => {
    expect(searchFields(model, 'pull').map((f) => f.id)).toEqual(['image.pullPolicy']);
    expect(searchFields(model, 'number pods').map((f) => f.id)).toEqual(['replicaCount']);
    expect(searchFields(model, 'sidecar repository').map((f) => f.id)).toEqual(['sidecar.image.repository']);
    expect(searchFields(model, 'nothing like this')).toEqual([]);
  });

  it('labels nested fields with their context below their section', () => {
    // image.repository sits in the "Image" section; sidecar.image.repository in "Sidecar".
    expect(searchFields(model, 'repository').map(contextLabel)).toEqual(['Repository', 'Image › Repository']);
    expect(searchFields(model, 'repository').map((f) => f.id)).toEqual(['image.repository', 'sidecar.image.repository']);
  });
});
