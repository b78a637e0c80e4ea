/**
 * Running chartroom's CLI in-process and helm side by side on copies of the same chart, each helm
 * with its own empty configuration and cache (so neither sees the other's repositories).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/main';
import { nodeIO } from '../../lib/cli/node-io';
import type { CliIO } from '../../lib/cli/io';
import { runHelm, writeChart, type ChartFiles, type HelmRun } from '../helm/reference';

export const HELMS = ['3.17.3', '4.1.4'] as const;

/** chartroom ARGS in this process; `io` replaces parts of the Node IO (e.g. an offline fetch). */
export async function chartroom(args: string[], io: Partial<CliIO> = {}): Promise<HelmRun> {
  let stdout = '';
  let stderr = '';
  // nodeIO's loadChart writes its notices to the stderr of its own object, so that object is the one changed.
  const status = await runCli(args, Object.assign(nodeIO(), { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t) }, io));
  return { status, stdout, stderr };
}

/** A fresh helm home: config, cache and data folders, plus repositories.yaml when given. */
export function helmHome(repositories?: { name: string; url: string }[]): { env: Record<string, string>; repositoryConfig: string } {
  const home = mkdtempSync(join(tmpdir(), 'chartroom-helm-home-'));
  const env = { HELM_CONFIG_HOME: join(home, 'config'), HELM_CACHE_HOME: join(home, 'cache'), HELM_DATA_HOME: join(home, 'data') };
  mkdirSync(env.HELM_CONFIG_HOME, { recursive: true });
  const repositoryConfig = join(env.HELM_CONFIG_HOME, 'repositories.yaml');
  if (repositories) {
    writeFileSync(repositoryConfig, `apiVersion: ""\ngenerated: "0001-01-01T00:00:00Z"\nrepositories:\n${repositories.map((r) => `- name: ${r.name}\n  url: ${r.url}\n`).join('')}`);
  }
  return { env, repositoryConfig };
}

/** helm ARGS with the given helm and home. */
export function helm(version: string, args: string[], env: Record<string, string>, cwd?: string): Promise<HelmRun> {
  return runHelm(args, { version, env, cwd });
}

/** Two copies of a chart (with its `file://` neighbours): one for helm, one for chartroom. */
export function twoCopies(files: ChartFiles, neighbours: Record<string, ChartFiles> = {}): [string, string] {
  const src = writeChart(files, 'parent');
  const root = join(src, '..');
  for (const [name, f] of Object.entries(neighbours)) {
    for (const [p, c] of Object.entries(f)) {
      mkdirSync(join(root, name, p, '..'), { recursive: true });
      writeFileSync(join(root, name, p), c);
    }
  }
  const a = mkdtempSync(join(tmpdir(), 'chartroom-a-'));
  const b = mkdtempSync(join(tmpdir(), 'chartroom-b-'));
  cpSync(root, a, { recursive: true });
  cpSync(root, b, { recursive: true });
  return [join(a, 'parent'), join(b, 'parent')];
}

/** Every file under a folder, by relative path (archives listed by name only). */
export function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p, `${rel}${n}/`);
      else out.push(`${rel}${n}`);
    }
  };
  walk(dir, '');
  return out;
}

/** Chart.lock without its `generated:` line. */
export function lockWithoutTime(dir: string): string {
  return readFileSync(join(dir, 'Chart.lock'), 'utf8').replace(/^generated: .*\n/m, '');
}
