#!/usr/bin/env node
// The CLI runs the same TypeScript modules as the browser, bundled into one CommonJS file by
// scripts/build-cli.mjs (on `npm run build` and `npm install`). It is compiled with V8's code
// cache, kept beside it, so a run starts without parsing and compiling what earlier runs compiled
// (Node 20 has no module compile cache; vm.Script takes V8's cached data directly). This entry is
// CommonJS: an ES module entry would first load Node's ES module loader, a few percent of a run.
'use strict';
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');
const { isMainThread } = require('node:worker_threads');

// A run renders one chart and exits: V8's optimising compilers, started after a few thousand
// calls, spend more time on background threads than the optimised code saves before the
// process ends (about a third of a bundled chart's CPU time). With tier-up thresholds 62 times
// V8's defaults, only code that stays hot, as in a large chart's render, is optimised. Node 20's
// V8 counts one interrupt budget (default 67584); from Node 21 on, V8 counts calls per tier
// (defaults 400 and 3000) and refuses the old flag, with an error line on stderr. Set before
// the bundle is compiled: V8's code cache below is only accepted under the flags that made it.
const TIER_UP_FLAGS =
  Number(process.versions.node.split('.')[0]) <= 20
    ? ['--interrupt-budget=4194304']
    : ['--invocation-count-for-maglev=24800', '--invocation-count-for-turbofan=186000'];
for (const flag of TIER_UP_FLAGS) setFlagsFromString(flag);

const bundle = join(__dirname, '..', '.cache', 'cli', 'chartroom.cjs');
const codeCache = `${bundle}.v8-cache`;

async function run() {
  if (!existsSync(bundle) || (process.env.CHARTROOM_DEV === '1' && isMainThread)) {
    const { buildCli, cliIsStale } = await import('../scripts/build-cli.mjs');
    if (!existsSync(bundle) || cliIsStale()) await buildCli();
  }

  let cachedData;
  try {
    cachedData = readFileSync(codeCache);
  } catch {
    cachedData = undefined;
  }
  // The same wrapper Node puts around a CommonJS module.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, {
    filename: bundle,
    cachedData,
  });
  const loaded = { exports: {} };
  script.runInThisContext()(loaded.exports, createRequire(bundle), loaded, bundle, dirname(bundle));
  process.exitCode = await loaded.exports.main(process.argv.slice(2), __filename);

  if (isMainThread && (cachedData === undefined || script.cachedDataRejected)) {
    try {
      writeFileSync(codeCache, script.createCachedData());
    } catch {
      // A read-only install runs without the cache.
    }
  }
}

run();
