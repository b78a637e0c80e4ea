/**
 * Helm's answers for the conformance harness, kept on disk by what determines them: the helm
 * version, every byte of the chart folder, and the flags. Re-running the harness after a fix
 * then costs only chartroom's renders. Each render number is its own entry, so the second
 * render (the measure of helm's randomness) stays a separate run of helm.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HelmRun } from '../helm/reference';

const cacheDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), '.cache', 'conformance');

/** A digest of every file under a folder, by path and content. */
export function treeHash(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      // A link that leads nowhere (helm refuses the chart) is keyed by where it points.
      const st = existsSync(p) ? statSync(p) : null;
      if (!st) h.update(`${rel}${name}\0->${readlinkSync(p)}\0`);
      else if (st.isDirectory()) walk(p, `${rel}${name}/`);
      else if (st.isFile()) h.update(`${rel}${name}\0${st.size}\0`).update(readFileSync(p));
    }
  };
  walk(dir, '');
  return h.digest('hex');
}

export async function cachedHelm(key: unknown, run: () => Promise<HelmRun>): Promise<HelmRun> {
  const file = join(cacheDir, `${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 32)}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as HelmRun;
  const r = await run();
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, JSON.stringify(r));
  return r;
}
