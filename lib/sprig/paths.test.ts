import { describe, expect, it } from 'vitest';
import { basePath, cleanPath, dirPath, extPath } from './paths';

describe('path.Clean', () => {
  // Rows from Go's path_test.go.
  it.each([
    ['', '.'],
    ['abc', 'abc'],
    ['abc/def', 'abc/def'],
    ['.', '.'],
    ['..', '..'],
    ['../..', '../..'],
    ['../../abc', '../../abc'],
    ['/abc', '/abc'],
    ['/', '/'],
    ['abc/', 'abc'],
    ['abc//def//ghi', 'abc/def/ghi'],
    ['abc/./def', 'abc/def'],
    ['/./abc/def', '/abc/def'],
    ['abc/def/ghi/../jkl', 'abc/def/jkl'],
    ['abc/def/../ghi/../jkl', 'abc/jkl'],
    ['abc/def/..', 'abc'],
    ['abc/def/../..', '.'],
    ['/abc/def/../..', '/'],
    ['abc/def/../../..', '..'],
    ['/abc/def/../../..', '/'],
    ['abc/def/../../../ghi/jkl/../../../mno', '../../mno'],
    ['abc/./../def', 'def'],
    ['abc//./../def', 'def'],
    ['abc/../../././../def', '../../def'],
  ])('%s', (p, want) => expect(cleanPath(p)).toBe(want));
});

describe('path.Base, Dir, Ext', () => {
  it.each([
    ['', '.', '.', ''],
    ['.', '.', '.', '.'],
    ['/.', '.', '/', '.'],
    ['.', '.', '.', '.'],
    ['////', '/', '/', ''],
    ['x/', 'x', 'x', ''],
    ['abc', 'abc', '.', ''],
    ['abc/def', 'def', 'abc', ''],
    ['a/b/.x', '.x', 'a/b', '.x'],
    ['a/b/c.', 'c.', 'a/b', '.'],
    ['a/b/c.x', 'c.x', 'a/b', '.x'],
    ['a.b/c', 'c', 'a.b', ''],
    ['/usr/lib/x.tar.gz', 'x.tar.gz', '/usr/lib', '.gz'],
  ])('%s', (p, base, dir, ext) => {
    expect([basePath(p), dirPath(p), extPath(p)]).toEqual([base, dir, ext]);
  });
});
