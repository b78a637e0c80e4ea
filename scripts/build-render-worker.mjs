// The render worker (lib/configurator/render.worker.ts) as a build of its own, for production
// builds (next.config.mjs runs it): esbuild bundles it into public/engine/ as an ES module, its
// entry and the engine in one chunk fetched together, with the chart summary's code and the
// Kubernetes schemas in chunks loaded on demand. Turbopack's worker loaded the engine as a dozen
// chunks, one after another with importScripts, each waiting for the server: about 400 ms of a
// first preview on localhost, and a round trip each on a slow link. The files are named by their
// content; the folder holds one build's files only (the service worker precaches public/).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = join(root, 'lib', 'configurator', 'render.worker.ts');
const OUT_DIR = join(root, 'public', 'engine');
const URL_PATH = '/engine';

/** Builds the render worker into public/engine/; returns the URL path of its entry script. */
export async function buildRenderWorker() {
  mkdirSync(OUT_DIR, { recursive: true });
  const result = await build({
    entryPoints: [ENTRY],
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // Next.js's default browser targets, as the rest of the app is built for.
    target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'error',
  });
  const written = new Set(Object.keys(result.metafile.outputs).map((f) => basename(f)));
  for (const name of readdirSync(OUT_DIR)) if (!written.has(name)) rmSync(join(OUT_DIR, name));
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint)[0];
  return `${URL_PATH}/${basename(entry)}`;
}
