// `npm run bench` measures the engine as it ships: bundled by esbuild into plain ES modules, the way
// the CLI (bin/chartroom.cjs) and the browser build run it. Running the TypeScript through a
// loader instead routes every cross-module call through interop getters, which doubles the time.
import { bundleForNode } from './bundle-for-node.mjs';
import { buildCli } from './build-cli.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.cache', 'bench', 'bench.mjs');
await bundleForNode(join(root, 'scripts', 'bench.ts'), outfile);
// The CLI row runs bin/chartroom.cjs: its bundle must be the one these sources make.
await buildCli();
await import(pathToFileURL(outfile).href);
