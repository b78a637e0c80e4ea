/** Helm 4's values documents (loader.LoadValues): split at `---` lines, each a map, merged in order. */
import { describe, expect, it } from 'vitest';
import { toPlain } from '../../go/value';
import { mergeMaps } from '../chartutil/merge-values';
import { loadValuesDocuments } from './yaml-doc';

const load = (text: string) => toPlain(loadValuesDocuments(text, mergeMaps));

describe('loadValuesDocuments', () => {
  it('reads a text without separator lines as one document, `---` inside lines included', () => {
    expect(load('a: b---c\nd: |\n  ---x\n')).toEqual({ a: 'b---c', d: '---x\n' });
    expect(load('')).toEqual({});
    expect(load('# only a comment\n')).toEqual({});
  });

  it('merges the documents between separator lines in order', () => {
    expect(load('a: 1\nb: {x: 1}\n--- # second\nb: {z: 2}\n---\na: 3\n')).toEqual({ a: 3, b: { x: 1, z: 2 } });
    expect(load('---\na: 1\n')).toEqual({ a: 1 });
  });

  it('refuses a separator followed by anything but a comment, naming its line', () => {
    expect(() => load('a: 1\n--- b\n')).toThrow('error reading yaml document: invalid Yaml document separator: b');
  });

  it('counts a problem line in the whole text', () => {
    let err: { where?: { line?: number } } | undefined;
    try {
      load('a: 1\n---\nb: [\n');
    } catch (e) {
      err = e as typeof err;
    }
    expect(err?.where?.line).toBe(4);
  });
});
