import { describe, expect, test } from 'vitest';
import { joinPath, pathKeys, pathOf } from './path';

describe('values paths', () => {
  test.each([
    [[], '', ''],
    [['a', 'b'], '', 'a.b'],
    [['nodeSelector', 'kubernetes.io/os'], '', 'nodeSelector.kubernetes\\.io/os'],
    [['k\\', 'v'], '', 'k\\\\.v'],
    [['b'], 'sub.a', 'sub.a.b'],
    [['x.y'], 'sub', 'sub.x\\.y'],
  ])('pathOf(%j) under %j is %s, and its keys read back', (keys, parent, want) => {
    expect(pathOf(keys, parent)).toBe(want);
    expect(keys.reduce(joinPath, parent)).toBe(want);
    expect(pathKeys(want)).toEqual([...pathKeys(parent), ...keys]);
  });
});
