/**
 * The language of the manifest viewer: YAML's highlighting, with folds per document and per
 * block from the manifest line model. Its own language id keeps monaco-yaml (registered for
 * `yaml`) from validating megabytes of rendered output in its worker on every keystroke.
 */
import { conf, language } from 'monaco-editor/languages/definitions/yaml/yaml';
import { manifestDocuments, manifestFoldRanges, type ManifestDocument, type RenderedResource } from '@/lib/configurator';
import type { monaco as Api } from './monaco';

type Model = import('monaco-editor/editor/editor.api').editor.ITextModel;

export const MANIFEST_LANGUAGE = 'helm-manifests';

const documents = new WeakMap<Model, { version: number; resources?: readonly RenderedResource[]; docs: ManifestDocument[] }>();

/**
 * The documents of a viewer model, computed once per model version (and again when they must be
 * matched to another list of resources; folds don't need the match).
 */
export function modelDocuments(model: Model, resources?: readonly RenderedResource[]): ManifestDocument[] {
  const cached = documents.get(model);
  if (cached?.version === model.getVersionId() && (!resources || cached.resources === resources)) return cached.docs;
  const docs = manifestDocuments(model.getLinesContent(), resources);
  documents.set(model, { version: model.getVersionId(), resources, docs });
  return docs;
}

let registered = false;

export function registerManifestLanguage(api: typeof Api): void {
  if (registered) return;
  registered = true;
  api.languages.register({ id: MANIFEST_LANGUAGE, aliases: ['Kubernetes manifests'] });
  api.languages.setLanguageConfiguration(MANIFEST_LANGUAGE, conf);
  api.languages.setMonarchTokensProvider(MANIFEST_LANGUAGE, language);
  api.languages.registerFoldingRangeProvider(MANIFEST_LANGUAGE, {
    provideFoldingRanges: (model) => manifestFoldRanges(model.getLinesContent(), modelDocuments(model)),
  });
}
