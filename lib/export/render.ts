/**
 * Rendering a configuration the way `helm template` would for the exported files: the values
 * files in order, the release settings, and the chart's remote dependencies left out (they are
 * fetched at deploy time).
 */
import { parseAllDocuments } from 'yaml';
import { type Chart, type Dependency, templateChart, type TemplateResult, type RenderObserver, mergeUserValues } from '../helm';
import { configHelmVersion, type ChartroomConfig } from '../share';

/** A values file handed to the renderer (`-f NAME`). */
export interface ValuesFileText {
  name: string;
  text: string;
}

export interface RenderedConfiguration {
  result: TemplateResult;
  /** Remote dependencies enabled by these values (by alias when aliased). */
  enabledMissing: Dependency[];
}

/** `helm template RELEASE CHART -n NS --kube-version … -a … -f file…` of a configuration. */
export function renderValuesFiles(chart: Chart, config: ChartroomConfig, files: readonly ValuesFileText[], extraApiVersions: readonly string[] = [], observer?: RenderObserver): RenderedConfiguration {
  let enabledMissing: Dependency[] = [];
  const values = mergeUserValues({ helmVersion: configHelmVersion(config), valueFiles: files.map((f) => ({ name: f.name, data: f.text })) });
  const result = templateChart(chart, {
    releaseName: config.release.name,
    namespace: config.release.namespace,
    values,
    helmVersion: configHelmVersion(config),
    kubeVersion: config.kubeVersion,
    apiVersions: [...new Set([...(config.apiVersions ?? []), ...extraApiVersions])],
    // Argo CD and Flux install crds/ too: the export must see them (sizes, groups served).
    includeCrds: true,
    observer,
    onMissingDependencies: (deps) => {
      enabledMissing = deps;
    },
  });
  return { result, enabledMissing };
}

/** A rendered object, parsed. */
export interface RenderedObject {
  /** `templates/x.yaml` path it came from. */
  source: string;
  /** Its YAML text as rendered. */
  text: string;
  object: Record<string, unknown>;
  hook: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every object of a render (manifests, then hooks), parsed. */
export function renderedObjects(result: TemplateResult): RenderedObject[] {
  const out: RenderedObject[] = [];
  const add = (source: string, text: string, hook: boolean) => {
    for (const doc of parseAllDocuments(text)) {
      if (!('toJS' in doc)) continue;
      const object = doc.toJS() as unknown;
      if (isRecord(object)) out.push({ source, text: doc.toString(), object, hook });
    }
  };
  for (const m of result.manifests) add(m.name, m.content, false);
  for (const h of result.hooks) add(h.path, h.manifest, true);
  return out;
}

/** `{name, key}` pairs of every `secretKeyRef`, and Secret names used whole (`envFrom`, volumes). */
export function secretReferences(objects: readonly RenderedObject[]): { keys: { name: string; key: string }[]; whole: string[] } {
  const keys: { name: string; key: string }[] = [];
  const whole: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isRecord(v)) return;
    const ref = v.secretKeyRef;
    if (isRecord(ref) && typeof ref.name === 'string' && typeof ref.key === 'string') keys.push({ name: ref.name, key: ref.key });
    const envFrom = v.secretRef;
    if (isRecord(envFrom) && typeof envFrom.name === 'string') whole.push(envFrom.name);
    const vol = v.secret;
    if (isRecord(vol) && typeof vol.secretName === 'string') {
      if (Array.isArray(vol.items)) {
        for (const i of vol.items) if (isRecord(i) && typeof i.key === 'string') keys.push({ name: vol.secretName, key: i.key });
      } else whole.push(vol.secretName);
    }
    for (const child of Object.values(v)) walk(child);
  };
  for (const o of objects) walk(o.object);
  return { keys, whole };
}
