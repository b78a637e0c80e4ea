import { existsSync } from 'node:fs';

// The values form is built separately (components/form). Until it exists, the form pane shows a
// read-only outline of the schema's sections; the alias picks whichever is present at build time.
const FORM_CANDIDATES = ['components/form/ValuesForm.tsx', 'components/form/index.tsx', 'components/form/index.ts'];
const valuesForm = FORM_CANDIDATES.find((p) => existsSync(new URL(p, import.meta.url))) ?? 'components/layout/SchemaOutline.tsx';

// monaco-worker-manager (used by monaco-yaml's worker) imports Monaco's worker by its file path,
// which monaco-editor 0.5x's `exports` map no longer resolves.
const MONACO_WORKER = 'monaco-editor/esm/vs/editor/editor.worker.js';
const MONACO_WORKER_FILE = './node_modules/monaco-editor/esm/vs/editor/editor.worker.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Nothing a user types leaves the browser; the server only serves static files.
  poweredByHeader: false,
  // Type checking is its own step (`npm test` runs tsc over the whole project); the build
  // shouldn't also fail on test files.
  typescript: { ignoreBuildErrors: true },
  turbopack: {
    resolveAlias: { '@chartroom/values-form': `./${valuesForm}`, [MONACO_WORKER]: MONACO_WORKER_FILE },
  },
  webpack(config) {
    config.resolve.alias['@chartroom/values-form'] = new URL(valuesForm, import.meta.url).pathname;
    config.resolve.alias[MONACO_WORKER] = new URL(MONACO_WORKER_FILE, import.meta.url).pathname;
    return config;
  },
};
export default nextConfig;
