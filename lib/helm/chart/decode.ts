/**
 * Decoding Chart.yaml, requirements.yaml and Chart.lock into the chart model the way
 * `sigs.k8s.io/yaml.Unmarshal` into Helm's structs does: YAML → JSON → encoding/json.
 *
 * Two details shape the results: sigs.k8s.io/yaml turns YAML numbers and booleans into strings
 * where the Go field is a string (`version: 1.10` becomes "1.1", as strconv's 32-bit %g prints
 * it), and encoding/json matches keys case-insensitively, ignores unknown keys, leaves fields
 * untouched on `null`, and reports the first type mismatch in its own words.
 */
import { GoInt, type GoValue, formatFloat, parseGoTime } from '../../go';
import { jsonKindOf } from './yaml-doc';
import type { Dependency, Lock, Maintainer, Metadata } from './chart';
import { isHelm4, type HelmVersion } from '../version';

/** A decode error with encoding/json's text (`json: cannot unmarshal ...`). */
export class JsonDecodeError extends Error {}

type Kind = 'string' | 'bool' | 'strings' | 'stringMap' | 'maintainers' | 'dependencies' | 'anyList';

interface Field {
  json: string;
  key: string;
  kind: Kind;
}

const METADATA_FIELDS: Field[] = [
  { json: 'name', key: 'name', kind: 'string' },
  { json: 'home', key: 'home', kind: 'string' },
  { json: 'sources', key: 'sources', kind: 'strings' },
  { json: 'version', key: 'version', kind: 'string' },
  { json: 'description', key: 'description', kind: 'string' },
  { json: 'keywords', key: 'keywords', kind: 'strings' },
  { json: 'maintainers', key: 'maintainers', kind: 'maintainers' },
  { json: 'icon', key: 'icon', kind: 'string' },
  { json: 'apiVersion', key: 'apiVersion', kind: 'string' },
  { json: 'condition', key: 'condition', kind: 'string' },
  { json: 'tags', key: 'tags', kind: 'string' },
  { json: 'appVersion', key: 'appVersion', kind: 'string' },
  { json: 'deprecated', key: 'deprecated', kind: 'bool' },
  { json: 'annotations', key: 'annotations', kind: 'stringMap' },
  { json: 'kubeVersion', key: 'kubeVersion', kind: 'string' },
  { json: 'dependencies', key: 'dependencies', kind: 'dependencies' },
  { json: 'type', key: 'type', kind: 'string' },
];

const MAINTAINER_FIELDS: Field[] = [
  { json: 'name', key: 'name', kind: 'string' },
  { json: 'email', key: 'email', kind: 'string' },
  { json: 'url', key: 'url', kind: 'string' },
];

const DEPENDENCY_FIELDS: Field[] = [
  { json: 'name', key: 'name', kind: 'string' },
  { json: 'version', key: 'version', kind: 'string' },
  { json: 'repository', key: 'repository', kind: 'string' },
  { json: 'condition', key: 'condition', kind: 'string' },
  { json: 'tags', key: 'tags', kind: 'strings' },
  { json: 'enabled', key: 'enabled', kind: 'bool' },
  { json: 'import-values', key: 'importValues', kind: 'anyList' },
  { json: 'alias', key: 'alias', kind: 'string' },
];

const GO_TYPE: Record<Kind, string> = {
  string: 'string',
  bool: 'bool',
  strings: '[]string',
  stringMap: 'map[string]string',
  maintainers: '[]*PKG.Maintainer',
  dependencies: '[]*PKG.Dependency',
  anyList: '[]interface {}',
};


/**
 * A YAML map's entries in the order encoding/json meets them: sigs.k8s.io/yaml marshals the map to
 * JSON first, which sorts its keys, so the first type mismatch reported is the first in key order.
 */
function jsonOrder(m: Map<string, GoValue>): [string, GoValue][] {
  return [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

class Decoder {
  first?: string;

  /** The Go package of chart.Metadata in type names: `chart` in Helm 3, `v2` (pkg/chart/v2) in Helm 4, `v3` for Helm 4's apiVersion v3 charts. */
  constructor(private readonly pkg: 'chart' | 'v2' | 'v3' = 'chart') {}

  fail(v: GoValue, struct: string | null, path: string[], goType: string): void {
    if (this.first) return;
    const where = struct ? `Go struct field ${struct}.${path.join('.')}` : 'Go value';
    this.first = `json: cannot unmarshal ${jsonKindOf(v)} into ${where} of type ${goType.replace('PKG.', `${this.pkg}.`)}`;
  }

  /** A scalar bound for a string field: sigs.k8s.io/yaml stringifies numbers and booleans. */
  toStr(v: GoValue, struct: string, path: string[]): string | undefined {
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (v instanceof GoInt) return v.toString();
    if (typeof v === 'number') {
      // YAML integers reach Go as int and print in full; other numbers as float32 %g.
      if (Number.isInteger(v) && Math.abs(v) < 2 ** 63) return BigInt(v).toString();
      return formatFloat(v, 'g', -1, 32);
    }
    this.fail(v, struct, path, 'string');
    return undefined;
  }

  struct<T extends object>(v: GoValue, fields: Field[], target: T, struct: string, goType: string, path: string[]): void {
    if (!(v instanceof Map)) {
      this.fail(v, path.length ? struct : null, path, goType);
      return;
    }
    for (const [k, val] of jsonOrder(v)) {
      const f = fields.find((x) => x.json === k) ?? fields.find((x) => x.json.toLowerCase() === k.toLowerCase());
      if (!f || val === null || val === undefined) {
        if (f && val === null && f.kind !== 'string' && f.kind !== 'bool') delete (target as Record<string, unknown>)[f.key];
        continue;
      }
      const p = [...path, f.json];
      const out = this.field(val, f.kind, struct, p);
      if (out !== undefined) (target as Record<string, unknown>)[f.key] = out;
    }
  }

  field(v: GoValue, kind: Kind, struct: string, path: string[]): unknown {
    switch (kind) {
      case 'string':
        return this.toStr(v, struct, path);
      case 'bool':
        if (typeof v === 'boolean') return v;
        this.fail(v, struct, path, 'bool');
        return undefined;
      case 'strings':
        if (!Array.isArray(v)) return this.fail(v, struct, path, GO_TYPE[kind]);
        return v.map((x) => (x === null ? '' : this.toStr(x, struct, path) ?? ''));
      case 'anyList':
        if (!Array.isArray(v)) return this.fail(v, struct, path, GO_TYPE[kind]);
        return [...v];
      case 'stringMap': {
        if (!(v instanceof Map)) return this.fail(v, struct, path, GO_TYPE[kind]);
        const m = new Map<string, string>();
        for (const [k, x] of v) m.set(k, x === null ? '' : this.toStr(x, struct, [...path, k]) ?? '');
        return m;
      }
      case 'maintainers':
        if (!Array.isArray(v)) return this.fail(v, struct, path, GO_TYPE[kind]);
        return v.map((x) => {
          if (x === null) return null;
          // A non-object element fails before the Maintainer struct is entered.
          if (!(x instanceof Map)) return this.fail(x, struct, path, 'PKG.Maintainer') ?? null;
          const m: Maintainer = { name: '', email: '', url: '' };
          this.struct(x, MAINTAINER_FIELDS, m, 'Maintainer', 'PKG.Maintainer', path);
          return m;
        });
      case 'dependencies':
        if (!Array.isArray(v)) return this.fail(v, struct, path, GO_TYPE[kind]);
        return v.map((x) => {
          if (x === null) return null;
          if (!(x instanceof Map)) return this.fail(x, struct, path, 'PKG.Dependency') ?? null;
          return this.dependency(x, path);
        });
    }
  }

  dependency(v: GoValue, path: string[]): Dependency {
    const d = emptyDependency();
    this.struct(v, DEPENDENCY_FIELDS, d, 'Dependency', 'PKG.Dependency', path);
    return d;
  }
}

/** A zero-valued Dependency. */
export function emptyDependency(): Dependency {
  return { name: '', version: '', repository: '', condition: '', enabled: false, alias: '' };
}

/** The package Go names the chart types of: Helm 3's `chart`, Helm 4's `v2`, or `v3` for a chart its v3 loader reads. */
function packageOf(helmVersion: HelmVersion | undefined, v3Chart: boolean): 'chart' | 'v2' | 'v3' {
  if (!isHelm4(helmVersion)) return 'chart';
  return v3Chart ? 'v3' : 'v2';
}

/**
 * Decodes a parsed Chart.yaml (or requirements.yaml) into `target`, as json.Unmarshal into a
 * `*chart.Metadata` does: fields present in the document overwrite, others stay.
 * @throws JsonDecodeError with encoding/json's message
 */
export function decodeMetadataInto(doc: GoValue, target: Metadata, helmVersion?: HelmVersion, v3Chart = false): void {
  if (doc === null || doc === undefined) return;
  const d = new Decoder(packageOf(helmVersion, v3Chart));
  // Helm 4's loader first reads Chart.yaml's apiVersion into its own chartBase struct.
  if (isHelm4(helmVersion) && !(doc instanceof Map)) d.fail(doc, null, [], 'loader.chartBase');
  d.struct(doc, METADATA_FIELDS, target, 'Metadata', 'PKG.Metadata', []);
  if (d.first) throw new JsonDecodeError(d.first);
}

/** Go's time.RFC3339, the layout time.Time's UnmarshalJSON parses. */
const RFC3339 = '2006-01-02T15:04:05Z07:00';

/**
 * What time.Time's UnmarshalJSON says of a JSON value, if it refuses it: anything but a string,
 * or a string time.Parse(RFC3339) refuses. An unmarshaler's error stops encoding/json at once, so
 * it wins over a type mismatch found before it.
 */
function timeJsonError(v: GoValue): string | undefined {
  if (typeof v !== 'string') return 'Time.UnmarshalJSON: input is not a JSON string';
  try {
    parseGoTime(RFC3339, v, 'UTC');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Decodes a parsed Chart.lock / requirements.lock into Helm's chart.Lock (`v2.Lock` in Helm 4,
 * which only renames the package in type names). @throws JsonDecodeError
 */
export function decodeLock(doc: GoValue, helmVersion?: HelmVersion, v3Chart = false): Lock {
  const lock: Lock = { generated: '', digest: '' };
  if (doc === null || doc === undefined) return lock;
  const d = new Decoder(packageOf(helmVersion, v3Chart));
  if (!(doc instanceof Map)) {
    d.fail(doc, null, [], 'PKG.Lock');
  } else {
    for (const [k, v] of jsonOrder(doc)) {
      const key = k.toLowerCase();
      if (v === null) continue;
      if (key === 'generated') {
        const refused = timeJsonError(v);
        if (refused) throw new JsonDecodeError(refused);
        lock.generated = v as string;
      } else if (key === 'digest') {
        if (typeof v === 'string') lock.digest = v;
        else d.fail(v, 'Lock', [key], 'string');
      } else if (key === 'dependencies') {
        lock.dependencies = d.field(v, 'dependencies', 'Lock', ['dependencies']) as Lock['dependencies'];
      }
    }
  }
  if (d.first) throw new JsonDecodeError(d.first);
  return lock;
}
