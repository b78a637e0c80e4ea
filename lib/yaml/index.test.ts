import { describe, expect, it } from 'vitest';
import { GoInt, GoTime, type GoValue } from '../go/value';
import { goToYaml, unmarshalYaml, YamlError, yamlToGo } from './index';

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
