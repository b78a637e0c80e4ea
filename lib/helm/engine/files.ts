import { base64 } from '@scure/base';
import { defineFunc, GoError, stringSlice, withType, type GoMap, type GoValue } from '../../go';
import { goToYaml } from '../../yaml';
import { filesGlobMatcher } from '../glob/gobwas-glob';

const decoder = new TextDecoder();

/**
 * `.Files`: Helm's engine.files, a map[string][]byte of the chart's non-template files with the
 * methods templates call (Get, GetBytes, Glob, Lines, AsConfig, AsSecrets).
 */
export function newFiles(from: Iterable<{ name: string; data: Uint8Array }>): GoMap {
  const m: GoMap = new Map();
  for (const f of from) m.set(f.name, f.data);
  return attachMethods(m);
}

function attachMethods(f: GoMap): GoMap {
  const bytesOf = (name: string): Uint8Array => {
    const v = f.get(name);
    return v instanceof Uint8Array ? v : new Uint8Array();
  };
  return withType(f, {
    name: 'engine.files',
    methods: {
      GetBytes: defineFunc('GetBytes', ['string'], (name: string) => bytesOf(name)),
      Get: defineFunc('Get', ['string'], (name: string) => decoder.decode(bytesOf(name))),
      Glob: defineFunc('Glob', ['string'], (pattern: string) => {
        const matches = filesGlobMatcher(pattern);
        const out: GoMap = new Map();
        for (const [name, data] of f) if (matches(name)) out.set(name, data);
        return attachMethods(out);
      }),
      AsConfig: defineFunc('AsConfig', [], () => {
        const m: GoMap = new Map();
        for (const [k, v] of f) m.set(baseName(k), decoder.decode(v as Uint8Array));
        return toYaml(m);
      }),
      AsSecrets: defineFunc('AsSecrets', [], () => {
        const m: GoMap = new Map();
        for (const [k, v] of f) m.set(baseName(k), base64.encode(v as Uint8Array));
        return toYaml(m);
      }),
      Lines: defineFunc('Lines', ['string'], (path: string): GoValue => {
        const data = f.get(path);
        if (!(data instanceof Uint8Array)) return stringSlice([]);
        // Helm indexes s[len(s)-1] without a length check: an empty file panics.
        if (data.length === 0) throw new GoError('runtime error: index out of range [-1]');
        let s = decoder.decode(data);
        if (s.endsWith('\n')) s = s.slice(0, -1);
        return stringSlice(s.split('\n'));
      }),
    },
  });
}

/** Go's path.Base. */
function baseName(p: string): string {
  if (p === '') return '.';
  const trimmed = p.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Helm's toYAML: yaml.Marshal with the final newline trimmed. */
function toYaml(m: GoMap): string {
  return goToYaml(m).replace(/\n$/, '');
}
