#!/usr/bin/env node
// Gzipped JavaScript a page's first load fetches, from the production build (`next build`
// first): every script the prerendered HTML references. Monaco, the Helm engine (it runs in a
// worker) and the diff viewer load later and are not counted; the script checks that no counted
// chunk contains Monaco. `noModule` scripts (Next's legacy polyfills) are listed but not counted:
// browsers with ES modules — every browser the app supports — never fetch them. Usage: node scripts/first-load-size.mjs [route ...]   (default /configure/aeterna)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const routes = process.argv.slice(2).length ? process.argv.slice(2) : ['/configure/aeterna'];
const appDir = join('.next', 'server', 'app');
if (!existsSync(appDir)) {
  console.error('No production build: run `npx next build` first.');
  process.exit(2);
}

let failed = false;
for (const route of routes) {
  const file = join(appDir, route === '/' ? 'index.html' : `${route.replace(/^\//, '')}.html`);
  if (!existsSync(file)) {
    console.error(`${route}: ${file} not found (is the route prerendered?)`);
    failed = true;
    continue;
  }
  const html = readFileSync(file, 'utf8');
  const srcs = new Set();
  const legacy = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"[^>]*>/g)) (/\snoModule/i.test(m[0]) ? legacy : srcs).add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="(?:preload|modulepreload)"[^>]*>/g)) {
    const href = /href="([^"]+\.js)"/.exec(m[0]);
    if (href && /as="script"|modulepreload/.test(m[0])) srcs.add(href[1]);
  }
  const rows = [...srcs].map((src) => {
    const path = join('.next', src.replace(/^\/_next\//, ''));
    const data = readFileSync(path);
    const gz = gzipSync(data, { level: 9 }).length;
    const monaco = /monaco-editor|editorWorkerService|vs\/editor\//.test(data.toString('latin1'));
    return { src, raw: data.length, gz, monaco };
  });
  rows.sort((a, b) => b.gz - a.gz);
  const total = rows.reduce((s, r) => s + r.gz, 0);
  console.log(`\n${route}: ${rows.length} scripts on first load`);
  for (const r of rows) console.log(`  ${(r.gz / 1024).toFixed(1).padStart(7)} KB gz  ${(r.raw / 1024).toFixed(1).padStart(7)} KB raw  ${r.src}${r.monaco ? '  <- contains Monaco' : ''}`);
  for (const src of legacy) {
    const data = readFileSync(join('.next', src.replace(/^\/_next\//, '')));
    console.log(`  (${(gzipSync(data, { level: 9 }).length / 1024).toFixed(1)} KB gz not counted: noModule legacy polyfills, ${src})`);
  }
  const kb = total / 1024;
  console.log(`first-load JavaScript (gzip -9): ${kb.toFixed(1)} KB — budget ${BUDGET_KB} KB: ${kb < BUDGET_KB ? 'ok' : 'OVER'}`);
  if (kb >= BUDGET_KB || rows.some((r) => r.monaco)) failed = true;
}
process.exit(failed ? 1 : 0);
