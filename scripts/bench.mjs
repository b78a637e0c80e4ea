// `npm run bench` measures the engine as it ships: bundled by esbuild into plain ES modules, the way
// the CLI (bin/chartroom.cjs) and the browser build run it. Running the TypeScript through a
// loader instead routes every cross-module call through interop getters, which doubles the time.
import { bundleForNode } from './bundle-for-node.mjs';
import { buildCliBinaryOrExit } from './build-cli-binary.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.cache', 'bench', 'bench.mjs');
// The CLI columns run bin/chartroom.cjs and dist/chartroom: both must be made of these sources.
// First, so that a checkout without Bun learns it before the bench is bundled.
await buildCliBinaryOrExit();
await bundleForNode(join(root, 'scripts', 'bench.ts'), outfile);
await import(pathToFileURL(outfile).href);
