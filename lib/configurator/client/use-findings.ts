'use client';
import { useEffect, useState } from 'react';
import type { Finding, ManifestDoc, Preset } from '../../validate';
import { mergeOverDefaults } from '../plain-values';
import type { RenderSuccess } from '../render-protocol';
import { defaultValues, parseValuesText } from '../values-document';

/** Findings trail the preview by this much: typing never waits for validation. */
const FINDINGS_DEBOUNCE_MS = 300;

export interface FindingsState {
  findings: Finding[] | null;
  /** Why validation did not run, when it failed. */
  error: string | null;
}

/** One document per rendered resource; the resource id tells which one a finding is about. */
function docsOf(render: RenderSuccess, manifestDocs: typeof import('../../validate').manifestDocs): ManifestDoc[] {
  const manifests = render.resources.filter((r) => r.hookEvents.length === 0).map((r) => ({ name: r.source, content: r.content }));
  const hooks = render.resources.filter((r) => r.hookEvents.length > 0).map((r) => ({ path: r.source, manifest: r.content }));
  return manifestDocs({ manifests, hooks });
}

/**
 * Findings for the render on screen, computed on the page after a pause in rendering (the
 * validator and the Kubernetes schema load on first use).
 */
export function useFindings(render: RenderSuccess | null, kubeVersion: string, preset: Preset, defaultsText: string, valuesText: () => string): FindingsState {
  const [state, setState] = useState<FindingsState>({ findings: null, error: null });
  useEffect(() => {
    if (!render) return;
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const v = await import('../../validate');
        await v.loadKubeSchema(kubeVersion);
        if (cancelled) return;
        const parsed = parseValuesText(valuesText());
        const values = mergeOverDefaults(defaultValues(defaultsText), parsed.ok ? parsed.values : {});
        const docs = docsOf(render, v.manifestDocs);
        const findings = v.sortFindings([...v.validateManifests(docs, { kubeVersion, preset, values }), ...v.decidedCallFindings(render.gitopsCalls, docs)]);
        if (!cancelled) setState({ findings, error: null });
      } catch (e) {
        if (!cancelled) setState({ findings: null, error: e instanceof Error ? e.message : String(e) });
      }
    }, FINDINGS_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [render, kubeVersion, preset, defaultsText, valuesText]);
  return state;
}
