/**
 * `npm start` rebuilds when the build is older than its sources: after a `git pull` (files the pull
 * changed, added or deleted), not when nothing changed. Real git, real files, and start.mjs itself
 * with a stand-in `npx` that records the build it was asked for.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the build scripts, without types
import { staleBuild } from '../../scripts/build-stale.mjs';

const check = staleBuild as (root: string) => string | null;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A project with a build made a minute after its sources were written, and a clone that stays up to date with upstream by `git pull`. */
function project(): { upstream: string; local: string; build: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'chartroom-stale-'));
  const upstream = join(dir, 'upstream');
  mkdirSync(join(upstream, 'lib'), { recursive: true });
  mkdirSync(join(upstream, 'app'), { recursive: true });
  writeFileSync(join(upstream, 'lib', 'engine.ts'), 'export const version = 1;\n');
  writeFileSync(join(upstream, 'lib', 'old.ts'), 'export {};\n');
  writeFileSync(join(upstream, 'app', 'page.tsx'), 'export default function Page() { return null; }\n');
  writeFileSync(join(upstream, 'proxy.ts'), 'export {};\n');
  writeFileSync(join(upstream, 'README.md'), 'docs\n');
  git(upstream, 'init', '-q');
  git(upstream, 'add', '.');
  git(upstream, 'commit', '-qm', 'first');
  const local = join(dir, 'local');
  git(dir, 'clone', '-q', upstream, local);
  const build = (): void => {
    mkdirSync(join(local, '.next'), { recursive: true });
    writeFileSync(join(local, '.next', 'BUILD_ID'), 'build\n');
  };
  build();
  // Everything checked out so far is older than the build (git writes files with the time of the checkout).
  const past = new Date(Date.now() - 120_000);
  for (const f of ['lib/engine.ts', 'lib/old.ts', 'lib', 'app/page.tsx', 'app', 'proxy.ts', 'README.md']) utimesSync(join(local, f), past, past);
  return { upstream, local, build };
}

function pull(p: { upstream: string; local: string }, change: (upstream: string) => void): void {
  change(p.upstream);
  git(p.upstream, 'add', '-A');
  git(p.upstream, 'commit', '-qm', 'change');
  git(p.local, 'pull', '-q');
}

describe('staleBuild', () => {
  it('is current right after a build, and a pull of documentation alone keeps it so', () => {
    const p = project();
    expect(check(p.local)).toBeNull();
    pull(p, (u) => writeFileSync(join(u, 'README.md'), 'more docs\n'));
    expect(check(p.local)).toBeNull();
  });

  it('is stale after a pull that changes, adds or deletes a source, or changes proxy.ts', () => {
    const changes: [string, (u: string) => void][] = [
      ['lib', (u) => writeFileSync(join(u, 'lib', 'engine.ts'), 'export const version = 2;\n')],
      ['app', (u) => writeFileSync(join(u, 'app', 'layout.tsx'), 'export {};\n')],
      ['lib', (u) => spawnSync('git', ['rm', '-q', 'lib/old.ts'], { cwd: u })],
      ['proxy.ts', (u) => writeFileSync(join(u, 'proxy.ts'), 'export const x = 1;\n')],
    ];
    for (const [what, change] of changes) {
      const p = project();
      pull(p, change);
      expect(check(p.local)).toBe(`${what} changed since the last build: rebuilding.`);
      p.build();
      expect(check(p.local)).toBeNull();
    }
  });

  it('says so when there is no build', () => {
    const p = project();
    const none = join(p.local, 'elsewhere');
    mkdirSync(none);
    expect(check(none)).toBe('No build yet: building.');
  });
});

describe('npm start', () => {
  it('runs next build after a pull, before serving', () => {
    const p = project();
    pull(p, (u) => writeFileSync(join(u, 'lib', 'engine.ts'), 'export const version = 2;\n'));
    mkdirSync(join(p.local, 'scripts'));
    for (const f of ['start.mjs', 'build-stale.mjs']) copyFileSync(join(__dirname, '../../scripts', f), join(p.local, 'scripts', f));
    // A stand-in npx: records its arguments and fails, so start stops before serving.
    const bin = join(p.local, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'npx'), `#!/bin/sh\necho "$@" > "${join(p.local, 'npx-args')}"\nexit 3\n`);
    chmodSync(join(bin, 'npx'), 0o755);
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: p.local, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(r.stdout).toContain('lib changed since the last build: rebuilding.');
    expect(existsSync(join(p.local, 'npx-args'))).toBe(true);
    expect(readFileSync(join(p.local, 'npx-args'), 'utf8').trim()).toBe('--no-install next build');
    expect(r.status).toBe(3);
  });
});
