/**
 * Renders one side of an upgrade: `helm template` of a chart with the user's values, as
 * documents with their identity, and with helm's random functions pinned to a seed so that two
 * renders differ only where the chart asks for a random value.
 */
import { parse as parseYaml } from 'yaml';
import { templateChart, type Chart, type ReleaseSettings, StableSession } from '../helm';
import type { GoMap } from '../go';
import { apiGroup } from '../validate';

/** The release settings an upgrade keeps the same on both sides. */
export type UpgradeRelease = Pick<ReleaseSettings, 'helmVersion' | 'releaseName' | 'namespace' | 'kubeVersion' | 'apiVersions'>;

/** A rendered document and who it is in the cluster. */
export interface RenderedDoc {
  /** `group/Kind namespace/name`: what helm and Kubernetes match objects by (the version is not part of it). */
  id: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  source: string;
  hookEvents: string[];
  text: string;
  /** The document parsed (null when it is not a mapping). */
  object: Record<string, unknown> | null;
}

export interface RenderedSide {
  docs: RenderedDoc[];
  /** `crds/` files by path inside the chart (`crds/x.yaml`, `charts/sub/crds/y.yaml`), with their text. */
  crds: Map<string, string>;
}

// Each seed has its own random stream and its own clock (a day and a bit apart), so that two
// renders differ in every generated value, timestamps included.
const EPOCH = Date.UTC(2026, 0, 1);
function seeded(seed: number): StableSession {
  return new StableSession(`upgrade-${seed}`, EPOCH + seed * 86_400_123);
}

/**
 * What a render prints, to compare renders of one chart whose values differ in one place (the
 * schema is not checked: the question is what the templates read). A failure compares as its message.
 */
export function renderText(chart: Chart, values: GoMap, release: UpgradeRelease): string {
  try {
    return seeded(0).render((observer) => templateChart(chart, { ...release, values, observer, skipSchemaValidation: true, onMissingDependencies: () => {} }).output);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** The identity of an object: group, kind, namespace and name. */
export function resourceId(apiVersion: string, kind: string, namespace: string, name: string): string {
  const group = apiGroup(apiVersion);
  return `${group ? `${group}/` : ''}${kind} ${namespace}/${name}`;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const o: unknown = parseYaml(text);
    return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/**
 * `helm template` of `chart` with `values` (the user's merged values), random functions drawn from
 * `seed`. Throws HelmError as the render does. `skipSchemaValidation` renders values the schema refuses.
 */
export function renderSide(chart: Chart, values: GoMap, release: UpgradeRelease, seed: number, skipSchemaValidation = false): RenderedSide {
  const result = seeded(seed).render((observer) =>
    templateChart(chart, { ...release, values, observer, includeCrds: true, skipSchemaValidation, onMissingDependencies: () => {} }),
  );
  const namespace = release.namespace ?? 'default';
  const docs: RenderedDoc[] = [];
  const seen = new Map<string, number>();
  const add = (text: string, source: string, hookEvents: string[]) => {
    const object = parseObject(text);
    const meta = (object?.metadata ?? {}) as Record<string, unknown>;
    const apiVersion = str(object?.apiVersion);
    const kind = str(object?.kind);
    // An object without a namespace goes to the release's namespace.
    const ns = str(meta.namespace) || namespace;
    const base = resourceId(apiVersion, kind, ns, str(meta.name));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    docs.push({ id: n === 0 ? base : `${base} #${n + 1}`, apiVersion, kind, namespace: ns, name: str(meta.name), source, hookEvents, text, object });
  };
  for (const m of result.manifests) add(m.content, m.name, []);
  for (const h of result.hooks) add(h.manifest, h.path, h.events);
  const top = `${chart.metadata.name}/`;
  const crds = new Map(result.crds.map((c) => [c.filename.startsWith(top) ? c.filename.slice(top.length) : c.filename, c.content]));
  return { docs, crds };
}
