/**
 * Monaco, loaded on demand: the editor core with its standard features, the YAML language and
 * monaco-yaml, all from our own bundle. Importing this module is what makes the page fetch
 * Monaco, so only the editor components import it, dynamically.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { createWebWorker } from 'monaco-editor/internal/common/workers';
import { configureMonacoYaml, type MonacoYaml } from 'monaco-yaml';
import { registerManifestLanguage } from './manifest-language';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'yaml') return new Worker(new URL('./yaml.worker.ts', import.meta.url), { type: 'module' });
    return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module' });
  },
};

/**
 * Monaco 0.5x's `editor.createWebWorker` takes a Worker; monaco-yaml still passes the older
 * `{ label, moduleId, createData }`. Monaco's own adapter for that form (which its JSON support
 * uses) starts our bundled yaml worker and hands it createData.
 */
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker: (opts: { label?: string; moduleId: string; createData?: unknown }) =>
      createWebWorker({ ...opts, createWorker: () => new Worker(new URL('./yaml.worker.ts', import.meta.url), { type: 'module' }) }),
  },
} as unknown as typeof monaco;

let yaml: MonacoYaml | null = null;

/** Points monaco-yaml at a chart's schema for models whose URI matches `fileMatch`. */
export function setValuesSchema(schema: unknown, fileMatch: string): void {
  const schemas = schema ? [{ uri: `https://chartroom.invalid/schemas/${fileMatch.replace(/[^A-Za-z0-9.]+/g, '-')}.schema.json`, fileMatch: [fileMatch], schema: schema as import('monaco-yaml').JSONSchema }] : [];
  const options = { enableSchemaRequest: false, validate: true, hover: true, completion: true, schemas } as const;
  if (yaml) yaml.update(options);
  else yaml = configureMonacoYaml(monacoForYaml, options);
}

/**
 * What the first editor would otherwise do in the same task as its own making, done ahead in
 * tasks of their own (use-monaco.ts): the manifest viewer's language, which starts Monaco's
 * services, then monaco-yaml's providers (a chart's schema comes later, as an update).
 */
export const preparations: readonly (() => void)[] = [() => registerManifestLanguage(monaco), () => setValuesSchema(null, '')];

export { monaco };
export { MANIFEST_LANGUAGE, modelDocuments, registerManifestLanguage } from './manifest-language';
export { ManifestEditor } from './ManifestEditor';
export { TemplateSourceEditor } from './TemplateSourceEditor';
