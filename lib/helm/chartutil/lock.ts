/**
 * Chart.lock as Helm writes it: resolver.HashReq (the SHA-256 of the JSON of the requested and
 * the locked dependencies) and writeLock (sigs.k8s.io/yaml of chart.Lock).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';
import type { Dependency, Lock } from '../chart/chart';
import { marshalJson, quoteJsonString } from '../../encoding';
import { goMap, type GoMap, type GoValue } from '../../go';
import { goToYaml } from '../../yaml';

/** json.Marshal of a *chart.Dependency, fields in struct order, `omitempty` honoured. */
function dependencyJson(d: Dependency | null): string {
  if (d === null) return 'null';
  const parts = [`"name":${quoteJsonString(d.name)}`];
  if (d.version) parts.push(`"version":${quoteJsonString(d.version)}`);
  parts.push(`"repository":${quoteJsonString(d.repository)}`);
  if (d.condition) parts.push(`"condition":${quoteJsonString(d.condition)}`);
  if (d.tags && d.tags.length) parts.push(`"tags":[${d.tags.map((t) => quoteJsonString(t)).join(',')}]`);
  if (d.enabled) parts.push('"enabled":true');
  if (d.importValues && d.importValues.length) parts.push(`"import-values":${marshalJson(d.importValues)}`);
  if (d.alias) parts.push(`"alias":${quoteJsonString(d.alias)}`);
  return `{${parts.join(',')}}`;
}

const listJson = (list: (Dependency | null)[] | undefined): string => (list === undefined ? 'null' : `[${list.map(dependencyJson).join(',')}]`);

/** resolver.HashReq: `sha256:` + hex SHA-256 of `json.Marshal([2][]*Dependency{req, lock})`. */
export function hashReq(req: (Dependency | null)[] | undefined, locked: (Dependency | null)[] | undefined): string {
  const json = `[${listJson(req)},${listJson(locked)}]`;
  return `sha256:${hex.encode(sha256(new TextEncoder().encode(json)))}`;
}

/**
 * resolver.HashV2Req: the digest Helm 2 wrote into requirements.lock, `sha256:` + hex SHA-256 of
 * `json.Marshal(map[string][]*Dependency{"dependencies": req})`, of the requirements as written
 * (before repository names are resolved).
 */
export function hashV2Req(req: (Dependency | null)[] | undefined): string {
  const json = `{"dependencies":${listJson(req)}}`;
  return `sha256:${hex.encode(sha256(new TextEncoder().encode(json)))}`;
}

/** A locked dependency: only name, repository and the exact version. */
export function lockedDependency(name: string, repository: string, version: string): Dependency {
  return { name, repository, version, condition: '', enabled: false, alias: '' };
}

/** time.Time's JSON form (RFC 3339 with nanoseconds, trailing zeros dropped), in UTC. */
function rfc3339Nano(d: Date): string {
  const iso = d.toISOString();
  return iso.replace(/\.(\d+)Z$/, (_, f: string) => (/^0+$/.test(f) ? 'Z' : `.${f.replace(/0+$/, '')}Z`));
}

/** A time read from a lock file, written back as Go writes a time.Time (fraction without trailing zeros). */
function normalizeTime(text: string): string {
  return text.replace(/\.(\d+)(Z|[+-]\d\d:\d\d)$/, (_, f: string, zone: string) => (/^0+$/.test(f) ? zone : `.${f.replace(/0+$/, '')}${zone}`));
}

/** writeLock's bytes: `dependencies`, `digest`, `generated`, as sigs.k8s.io/yaml orders them. */
export function lockYaml(lock: Lock, generated: Date = new Date()): string {
  const deps: GoValue = lock.dependencies === undefined
    ? null
    : lock.dependencies.map((d) => {
        if (d === null) return null;
        const m: GoMap = goMap();
        m.set('name', d.name);
        if (d.version) m.set('version', d.version);
        m.set('repository', d.repository);
        if (d.condition) m.set('condition', d.condition);
        if (d.tags && d.tags.length) m.set('tags', d.tags);
        if (d.enabled) m.set('enabled', true);
        if (d.importValues && d.importValues.length) m.set('import-values', d.importValues);
        if (d.alias) m.set('alias', d.alias);
        return m;
      });
  return goToYaml(goMap([['generated', lock.generated ? normalizeTime(lock.generated) : rfc3339Nano(generated)], ['digest', lock.digest], ['dependencies', deps]]));
}
