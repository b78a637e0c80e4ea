#!/usr/bin/env node
// Gzipped JavaScript a page's first load fetches, measured from the page as the production
// server sends it: pages render per request (each carries a fresh CSP nonce), so there is no
// prerendered HTML to read. Every script the HTML references is fetched from the same server.
// Monaco, the Helm engine (it runs in a worker) and the diff viewer load later and are not
// counted; the script checks that no counted chunk contains Monaco. `noModule` scripts (Next's
// legacy polyfills) are listed but not counted: browsers with ES modules — every browser the app
// supports — never fetch them.
//
// Usage: node scripts/first-load-size.mjs [--url http://host:port] [route ...]   (default /configure/aeterna)
// Without --url it starts the production server (scripts/serve.mjs) on a free port (run `npx next build` first) and stops it after.
import { gzipSync } from 'node:zlib';
import { productionServer, takeUrlArg } from './production-server.mjs';

const BUDGET_KB = 250;
const args = process.argv.slice(2);
const given = takeUrlArg(args);
const routes = args.length ? args : ['/configure/aeterna'];

async function get(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The scripts a page's HTML makes the browser fetch: module scripts counted, noModule ones apart. */
function scriptsOf(html) {
  const srcs = new Set();
  const legacy = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"[^>]*>/g)) (/\snoModule/i.test(m[0]) ? legacy : srcs).add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="(?:preload|modulepreload)"[^>]*>/g)) {
    const href = /href="([^"]+\.js)"/.exec(m[0]);
    if (href && /as="script"|modulepreload/.test(m[0])) srcs.add(href[1]);
  }
  return { srcs, legacy };
}

const server = await productionServer(given);
let failed = false;
try {
  for (const route of routes) {
    const html = (await get(server.base + route)).toString('utf8');
    const { srcs, legacy } = scriptsOf(html);
    const rows = [];
    for (const src of srcs) {
      const data = await get(new URL(src, server.base).href);
      const monaco = /monaco-editor|editorWorkerService|vs\/editor\//.test(data.toString('latin1'));
      rows.push({ src, raw: data.length, gz: gzipSync(data, { level: 9 }).length, monaco });
    }
    rows.sort((a, b) => b.gz - a.gz);
    const total = rows.reduce((s, r) => s + r.gz, 0);
    console.log(`\n${route}: ${rows.length} scripts on first load`);
    for (const r of rows) console.log(`  ${(r.gz / 1024).toFixed(1).padStart(7)} KB gz  ${(r.raw / 1024).toFixed(1).padStart(7)} KB raw  ${r.src}${r.monaco ? '  <- contains Monaco' : ''}`);
    for (const src of legacy) {
      const data = await get(new URL(src, server.base).href);
      console.log(`  (${(gzipSync(data, { level: 9 }).length / 1024).toFixed(1)} KB gz not counted: noModule legacy polyfills, ${src})`);
    }
    const kb = total / 1024;
    console.log(`first-load JavaScript (gzip -9): ${kb.toFixed(1)} KB — budget ${BUDGET_KB} KB: ${kb < BUDGET_KB ? 'ok' : 'OVER'}`);
    if (rows.length === 0 || kb >= BUDGET_KB || rows.some((r) => r.monaco)) failed = true;
  }
} finally {
  server.stop();
}
process.exit(failed ? 1 : 0);
