import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { helmFuncMap } from '../../lib/helm/engine/funcs';
import { BUILTIN_NAMES } from '../../lib/gotemplate';
import { NON_DETERMINISTIC } from '../../lib/sprig/functions';

/**
 * The differential suites must call every function a Helm template can call: Helm's function map
 * (Sprig minus env/expandenv, plus Helm's own), the engine's closures and text/template's builtins.
 * This reads the suites' sources (files whose cases go through the reference helm) and looks for
 * each name inside a template action.
 */
const ROOT = resolve(__dirname, '../..');
const ENGINE_CLOSURES = ['include', 'tpl', 'required', 'fail', 'lookup'];

function differentialSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) differentialSources(p, out);
    else if (/\.(ts|yaml|tpl|txt)$/.test(name)) {
      const text = readFileSync(p, 'utf8');
      // A file takes part when it drives the reference helm (directly or through a fixture chart).
      if (/referenceExecute|runHelm|referenceTemplate/.test(text) || p.includes(join('tests', 'diff', 'charts'))) out.push(p);
      else if (/\.diff\.(cases|fixtures|strings)\.ts$/.test(name)) out.push(p);
    }
  }
  return out;
}

const sources = [...differentialSources(join(ROOT, 'lib')), ...differentialSources(join(ROOT, 'tests'))]
  .filter((p) => !p.includes('coverage'))
  .map((p) => readFileSync(p, 'utf8'))
  .join('\n');
/** Names inside template actions, and names of the `call('fn', args...)` rows that build templates. */
function namesUsedIn(text: string): Set<string> {
  const actions = text.match(/\{\{[\s\S]*?\}\}/g) ?? [];
  const calls = [...text.matchAll(/\bcall\(\s*'([A-Za-z_][A-Za-z0-9_]*)'/g)].map((m) => m[1]);
  return new Set([...actions.flatMap((a) => a.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []), ...calls]);
}

function allTestSources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) allTestSources(p, out);
    else if (name.endsWith('.test.ts')) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}

const used = namesUsedIn(sources);
const testedAnywhere = namesUsedIn(allTestSources(join(ROOT, 'lib')).join('\n'));
for (const t of allTestSources(join(ROOT, 'lib'))) {
  for (const m of t.matchAll(/'([A-Za-z_][A-Za-z0-9_]*)'/g)) testedAnywhere.add(m[1]);
  for (const m of t.matchAll(/[Ff]uncs\.([A-Za-z_][A-Za-z0-9_]*)/g)) testedAnywhere.add(m[1]);
}

describe('the differential suites call every template function', () => {
  const names = [...new Set([...Object.keys(helmFuncMap()), ...ENGINE_CLOSURES, ...BUILTIN_NAMES])].sort();
  test('there are as many functions as Helm 3.17.3 offers', () => {
    expect(names.length).toBeGreaterThan(200);
  });
  const deterministic = names.filter((n) => !NON_DETERMINISTIC.has(n));
  test.each(deterministic)('%s is compared with helm', (name) => {
    expect(used.has(name), `no differential case calls ${name}`).toBe(true);
  });
  // Random, clock and key-generating functions can't match helm byte for byte; their tests check
  // properties (alphabets, lengths, parseable keys, verifiable hashes) instead.
  test.each([...NON_DETERMINISTIC].filter((n) => names.includes(n)).sort())('%s is tested by its properties', (name) => {
    expect(testedAnywhere.has(name), `no test exercises ${name}`).toBe(true);
  });
});
