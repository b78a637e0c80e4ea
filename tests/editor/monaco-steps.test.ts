/**
 * Monaco is evaluated in steps (components/editor/monaco-steps.ts) so that no single task holds
 * the page's main thread for long. Evaluation time grows with the code a step adds, so each step,
 * and the editor module loaded after the last one, must add at most STEP_LIMIT of Monaco's
 * source to what earlier steps evaluated. A Monaco upgrade that moves its files breaks this test;
 * the failure message lists steps computed for the installed version.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const MONACO = join(ROOT, 'node_modules/monaco-editor/esm/vs');
/** Bytes of Monaco's (unminified, commented) source per step; the whole editor is about 10 MB. */
const STEP_LIMIT = 700 * 1024;

const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?\s*['"]([^'"]+)['"]/g;

/** The Monaco files a source text imports (`monaco-editor/x` is `esm/vs/x.js`). */
function monacoImports(text: string, dynamicOnly = false): string[] {
  const pattern = dynamicOnly ? /import\(\s*['"]([^'"]+)['"]\s*\)/g : STATIC_IMPORT;
  return [...text.matchAll(pattern)].map((m) => m[1]).filter((s) => s.startsWith('monaco-editor/')).map((s) => join(MONACO, `${s.slice('monaco-editor/'.length)}.js`));
}

const edges = new Map<string, string[]>();
function dependencies(file: string): string[] {
  let out = edges.get(file);
  if (!out) {
    out = [...readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)]
      .map((m) => m[1])
      .filter((s) => s.startsWith('.') && s.endsWith('.js'))
      .map((s) => resolve(dirname(file), s));
    edges.set(file, out);
  }
  return out;
}

function closure(entries: string[], into = new Set<string>()): Set<string> {
  const stack = [...entries];
  while (stack.length) {
    const f = stack.pop()!;
    if (into.has(f)) continue;
    into.add(f);
    stack.push(...dependencies(f));
  }
  return into;
}

const added = (files: Iterable<string>, before: Set<string>): number => {
  let bytes = 0;
  for (const f of files) if (!before.has(f)) bytes += statSync(f).size;
  return bytes;
};

/** Steps for the installed Monaco: each time, the module whose closure adds the most code within the limit. */
function suggestedSteps(finalEntries: string[]): string[] {
  const everything = closure(finalEntries);
  const loaded = new Set<string>();
  const steps: string[] = [];
  while (added(everything, loaded) > STEP_LIMIT) {
    let best = '';
    let bestBytes = -1;
    for (const m of everything) {
      if (loaded.has(m)) continue;
      const bytes = added(closure([m]), loaded);
      if (bytes <= STEP_LIMIT * 0.85 && bytes > bestBytes) [best, bestBytes] = [m, bytes];
    }
    closure([best], loaded);
    steps.push(`monaco-editor/${relative(MONACO, best).replace(/\.js$/, '')}`);
  }
  return steps;
}

const listed = (steps: string[]): string => steps.map((s) => `  () => import('${s}'),`).join('\n');

describe('Monaco loading steps', () => {
  const editorDir = join(ROOT, 'components/editor');
  const steps = monacoImports(readFileSync(join(editorDir, 'monaco-steps.ts'), 'utf8'), true);
  // What the editor module itself evaluates after the last step.
  const finalEntries = ['monaco.ts', 'manifest-language.ts'].flatMap((f) => monacoImports(readFileSync(join(editorDir, f), 'utf8')));

  it('names files of the installed Monaco', () => {
    expect(steps.length).toBeGreaterThan(5);
    expect(finalEntries.length).toBeGreaterThan(2);
    expect([...steps, ...finalEntries].filter((f) => !existsSync(f)).map((f) => relative(MONACO, f))).toEqual([]);
  });

  it('evaluates nothing the editor module does not import itself', () => {
    const needed = closure(finalEntries);
    const extra = steps.map((step) => [relative(MONACO, step), [...closure([step])].filter((f) => !needed.has(f)).length] as const).filter(([, n]) => n > 0);
    const hint = extra.length ? `steps that bring files of their own; steps for the installed Monaco:\n${listed(suggestedSteps(finalEntries))}` : '';
    expect(extra, hint).toEqual([]);
  });

  it(`adds at most ${STEP_LIMIT / 1024} KiB of Monaco's source per step`, () => {
    const loaded = new Set<string>();
    const sizes = [...steps, null].map((step) => {
      const files = closure(step ? [step] : finalEntries);
      const bytes = added(files, loaded);
      closure([...files], loaded);
      return { step: step ? relative(MONACO, step) : 'the editor module', kib: Math.round(bytes / 1024) };
    });
    const over = sizes.filter((s) => s.kib * 1024 > STEP_LIMIT);
    const hint = over.length ? `\nSteps for the installed Monaco:\n${listed(suggestedSteps(finalEntries))}` : '';
    expect(over, `steps over the limit: ${JSON.stringify(sizes)}${hint}`).toEqual([]);
    // Every step adds something: a step whose code an earlier one already evaluated is noise.
    expect(sizes.filter((s) => s.kib === 0)).toEqual([]);
  });
});
