#!/usr/bin/env node
// Serves the production build (`next build` first) through lib/server/node-server.ts, on PORT
// (default 3000): `next start` with the refusals Next.js cannot make itself. The server module
// is bundled (bundle-for-node.mjs) into the ignored .cache/server/, npm packages (Next.js) left as imports.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from './bundle-for-node.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, '.cache', 'server', 'server.mjs');
await bundleForNode(join(root, 'lib', 'server', 'node-server.ts'), outfile);
const { serveApp } = await import(pathToFileURL(outfile).href);
const port = Number(process.env.PORT ?? 3000);
await serveApp(root, port);
console.log(`chartroom: serving the production build on http://localhost:${port}`);
