import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { buildRenderWorker } from './scripts/build-render-worker.mjs';

// monaco-worker-manager (used by monaco-yaml's worker) imports Monaco's worker by its file path,
// which monaco-editor 0.5x's `exports` map no longer resolves.
const MONACO_WORKER = 'monaco-editor/esm/vs/editor/editor.worker.js';
const MONACO_WORKER_FILE = './node_modules/monaco-editor/esm/vs/editor/editor.worker.js';

// jszip's Node-stream support, left out of the browser bundle (see the file for why).
const NO_NODE_STREAM = './lib/export/no-node-stream.js';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Nothing a user types leaves the browser; the server only serves static files.
  poweredByHeader: false,
  // Type checking is its own step (`npm test` runs tsc over the whole project); the build
  // shouldn't also fail on test files.
  typescript: { ignoreBuildErrors: true },
  turbopack: {
    resolveAlias: { [MONACO_WORKER]: MONACO_WORKER_FILE, stream: { browser: NO_NODE_STREAM } },
  },
  webpack(config, { isServer }) {
    config.resolve.alias[MONACO_WORKER] = new URL(MONACO_WORKER_FILE, import.meta.url).pathname;
    if (!isServer) config.resolve.alias.stream = new URL(NO_NODE_STREAM, import.meta.url).pathname;
    return config;
  },
  // The render worker's files are named by their content (scripts/build-render-worker.mjs).
  async headers() {
    return [{ source: '/engine/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] }];
  },
};

/**
 * A production build starts the render worker esbuild built (scripts/build-render-worker.mjs),
 * named to the page's code by CHARTROOM_RENDER_WORKER; the development server leaves it empty and
 * starts Turbopack's. The build's own processes load this file again: they inherit the variable
 * and build nothing.
 */
export default async function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD) process.env.CHARTROOM_RENDER_WORKER ||= await buildRenderWorker();
  const renderWorker = phase === PHASE_PRODUCTION_BUILD ? process.env.CHARTROOM_RENDER_WORKER : '';
  return { ...nextConfig, env: { CHARTROOM_RENDER_WORKER: renderWorker } };
}
