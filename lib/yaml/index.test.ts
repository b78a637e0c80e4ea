import { describe, expect, it } from 'vitest';
import { GoInt, GoTime, type GoValue } from '../go/value';
import { goToYaml, unmarshalYaml, YamlError, yamlToGo } from './index';
import { emitYaml } from './emit';
import { goToYamlNative } from './marshal';

describe('yamlToGo', () => {
  it.each([
    ['a: 1', new Map([['a', 1]])],
    ['a: [1, "x", null, true]', new Map<string, unknown>([['a', [1, 'x', null, true]]])],
    ['', null],
    ['# only a comment', null],
    ['- 1\n- 2', [1, 2]],
    ['"1": a\n1: b', new Map([['1', 'b']])],
    // A plain scalar (block context) runs on through `:` not followed by a blank, flow indicators and characters beyond ASCII.
    ['k: a:b,c]}😀d e f#g # c', new Map([['k', 'a:b,c]}😀d e f#g']])],
  ])('%j decodes to Go values', (text, want) => {
    expect(yamlToGo(text)).toEqual(want);
  });

  it('numbers are float64 (plain JS numbers), maps are Maps', () => {
    const v = yamlToGo('num: 1000000\nm: {x: 0x10}') as Map<string, unknown>;
    expect(v.get('num')).toBe(1000000);
    expect((v.get('m') as Map<string, unknown>).get('x')).toBe(16);
  });

  it('errors carry Go text, a code and the source position', () => {
    let err: unknown;
    try {
      yamlToGo('a:\n  b: 1\n   c: 2\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(YamlError);
    expect((err as YamlError).message).toBe('error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context');
    expect((err as YamlError).code).toBe('syntax');
    expect((err as YamlError).line).toBe(3);
  });

  it('a map target rejects other documents as encoding/json does', () => {
    expect(() => unmarshalYaml('- a', 'map')).toThrow(
      'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
    );
  });
});

describe('goToYaml', () => {
  it.each([
    [new Map<string, GoValue>([['b', 1], ['a', [1, 2]]]), 'a:\n- 1\n- 2\nb: 1\n'],
    [new Map<string, GoValue>([['i', new GoInt(5)], ['f', 1e6], ['g', 1.5]]), 'f: 1000000\ng: 1.5\ni: 5\n'],
    [new Map([['t', new GoTime(Date.UTC(2024, 0, 15, 10, 0, 0))]]), 't: "2024-01-15T10:00:00Z"\n'],
    [new Map([['b', Uint8Array.from([104, 105])]]), 'b: aGk=\n'],
    [null, 'null\n'],
    [new Map(), '{}\n'],
  ] as Array<[GoValue, string]>)('%o marshals as sigs.k8s.io/yaml does', (v, want) => {
    expect(goToYaml(v)).toBe(want);
  });
});

describe('goToYaml of documents that change a little at a time', () => {
  // Large documents keep their mappings' texts for the next ones (emit-reuse.ts); each must still
  // be written as a document written alone is (the writer compared with helm in yaml.diff.test.ts).
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  const words = ['a', 'word', 'two words', 'x'.repeat(70) + ' then more words past the width', 'line\nbreak', 'quote"d', 'é', '-dash', '1', 'true', ''];
  const value = (depth: number): GoValue => {
    const r = rnd(10);
    if (depth > 4 || r < 3) return rnd(4) === 0 ? rnd(100) : words[rnd(words.length)];
    if (r < 8) return new Map(Array.from({ length: rnd(6) }, () => [`k${rnd(9)}`, value(depth + 1)] as [string, GoValue]));
    return Array.from({ length: rnd(3) }, () => value(depth + 1));
  };
  /** A copy with one entry somewhere changed, removed or added. */
  const edit = (v: Map<string, GoValue>, depth = 0): Map<string, GoValue> => {
    const out = new Map(v);
    const keys = [...v.keys()];
    const k = keys[rnd(keys.length)];
    const x = v.get(k);
    if (x instanceof Map && x.size > 0 && depth < 5 && rnd(4) > 0) out.set(k, edit(x, depth + 1));
    else if (rnd(3) === 0) out.delete(k);
    else out.set(rnd(2) ? k : `${k}n`, value(3));
    return out;
  };
  // Written without the node count, a document neither keeps nor takes text.
  const alone = (v: GoValue) => emitYaml(goToYamlNative(v));

  it('are written as each would be alone', () => {
    for (let round = 0; round < 20; round++) {
      let docs = [0, 1].map(() => new Map(Array.from({ length: 30 }, (_, i) => [`top${i}`, value(0)] as [string, GoValue])));
      for (let i = 0; i < 30; i++) {
        const k = rnd(2);
        docs = docs.map((d, j) => (j === k ? edit(d) : d));
        for (const d of docs) expect(goToYaml(d)).toBe(alone(d));
      }
    }
  });
});

describe('goToYaml of a document of many mappings', () => {
  // Cutting each kept mapping's text out of the output while it grew copied the output at every
  // mapping: 16,000 of them ran out of a 4 GB heap.
  it('is written as it would be alone, and again from its kept texts', () => {
    const top = new Map<string, GoValue>();
    for (let i = 0; i < 16000; i++) top.set(`k${i}`, new Map<string, GoValue>([['a', new Map<string, GoValue>([['x', 'a value']])], ['b', 'text']]));
    const doc = new Map<string, GoValue>([['root', top]]);
    const want = emitYaml(goToYamlNative(doc));
    expect(goToYaml(doc)).toBe(want);
    expect(goToYaml(doc)).toBe(want);
  });
});
