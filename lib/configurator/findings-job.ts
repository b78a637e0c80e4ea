/**
 * Findings for one render, computed in their own worker: parsing and checking every rendered
 * manifest takes seconds for a chart of thousands of resources, which the page's thread must
 * never spend.
 */
import type { Finding, ManifestDoc, Preset } from '../validate';
import type { RenderSuccess } from './render-protocol';

export interface FindingsRequest {
  id: number;
  resources: RenderSuccess['resources'];
  gitopsCalls: RenderSuccess['gitopsCalls'];
  kubeVersion: string;
  preset: Preset;
  /** Helm's coalesced values the render used (rules quote the values that decide a finding). */
  values: unknown;
  valuesUse?: RenderSuccess['valuesUse'];
}

export type FindingsResponse = { id: number; ok: true; findings: Finding[] } | { id: number; ok: false; message: string };

/** One document per rendered resource; the resource id tells which one a finding is about. */
function docsOf(resources: FindingsRequest['resources'], manifestDocs: typeof import('../validate').manifestDocs): ManifestDoc[] {
  const manifests = resources.filter((r) => r.hookEvents.length === 0).map((r) => ({ name: r.source, content: r.content }));
  const hooks = resources.filter((r) => r.hookEvents.length > 0).map((r) => ({ path: r.source, manifest: r.content }));
  return manifestDocs({ manifests, hooks });
}

/** The findings of a render, sorted (the validator and the Kubernetes schema load on first use). */
export async function computeFindings(req: FindingsRequest): Promise<FindingsResponse> {
  try {
    const v = await import('../validate');
    await v.loadKubeSchema(req.kubeVersion);
    const docs = docsOf(req.resources, v.manifestDocs);
    const findings = v.checkRender(docs, req.gitopsCalls, { kubeVersion: req.kubeVersion, preset: req.preset, values: req.values, valuesUse: req.valuesUse });
    return { id: req.id, ok: true, findings };
  } catch (e) {
    return { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
