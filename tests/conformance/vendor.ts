/**
 * Puts a chart's `file://` dependencies into its `charts/` folder as `helm dependency build`
 * does: each dependency folder loaded (its `.helmignore` applied) and saved as an archive, here
 * by `helm package`. The chart is copied into `workDir` first; the corpus is never written to.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseConstraint, parseVersion, satisfies } from '../../lib/deps/semver';
import { runHelm } from '../helm/reference';
import { findCharts, localDependencyPath, vendoredNames, type Dependency } from './discover';

/** `sources`: the chart folder and every dependency folder packaged into it (what its renders depend on). */
export type Prepared = { ok: true; dir: string; vendored: string[]; sources: string[] } | { ok: false; cause: string };

const isLocal = (d: Dependency) => (d.repository ?? '').startsWith('file://');
const isRemote = (d: Dependency) => !!d.repository && !isLocal(d);

/**
 * The folder to render: the chart itself when nothing needs vendoring, else a copy with its
 * `file://` dependencies packaged into `charts/`. A remote dependency missing from `charts/`
 * cannot be fetched offline, so the chart is skipped with that cause.
 */
export async function prepareChart(dir: string, dependencies: Dependency[], opts: { helmVersion: string; workDir: string }, seen: string[] = []): Promise<Prepared> {
  if (seen.includes(dir)) return { ok: false, cause: `file:// dependencies form a cycle through ${dir}` };
  const present = vendoredNames(dir);
  const missing = dependencies.filter((d) => !present.has(d.name));
  const remote = missing.filter(isRemote);
  if (remote.length) {
    return { ok: false, cause: `remote dependenc${remote.length > 1 ? 'ies' : 'y'} not vendored (offline): ${remote.map((d) => `${d.name} from ${d.repository}`).join(', ')}` };
  }
  const local = missing.filter(isLocal).filter((d, i, all) => all.findIndex((x) => x.repository === d.repository) === i);
  if (!local.length) return { ok: true, dir, vendored: [], sources: [dir] };

  const copy = join(mkdtempSync(join(opts.workDir, 'chart-')), basename(dir));
  cpSync(dir, copy, { recursive: true });
  mkdirSync(join(copy, 'charts'), { recursive: true });
  const vendored: string[] = [];
  const sources = [dir];
  for (const dep of local) {
    const depDir = localDependencyPath(dir, dep.repository!);
    const [found] = findCharts([depDir]);
    if (!found || found.dir !== depDir || found.kind !== 'chart') return { ok: false, cause: `dependency ${dep.name}: no chart at ${dep.repository}` };
    if (dep.version && !versionAllowed(dep.version, found.version)) {
      return { ok: false, cause: `can't get a valid version for dependency ${dep.name} (${dep.repository} is ${found.version}, wanted ${dep.version})` };
    }
    // A dependency's own file:// dependencies must be in its archive too, or helm package refuses it.
    const inner = await prepareChart(depDir, found.dependencies, opts, [...seen, dir]);
    if (!inner.ok) return { ok: false, cause: `dependency ${dep.name}: ${inner.cause}` };
    const r = await runHelm(['package', inner.dir, '-d', join(copy, 'charts')], { version: opts.helmVersion });
    if (r.status !== 0) return { ok: false, cause: `dependency ${dep.name}: helm package failed: ${r.stderr.trim()}` };
    vendored.push(dep.name, ...inner.vendored.map((n) => `${dep.name}/${n}`));
    sources.push(...inner.sources);
  }
  return { ok: true, dir: copy, vendored, sources };
}

/** helm dependency build takes a local chart only when its version meets the dependency's constraint. */
function versionAllowed(constraint: string, version: string): boolean {
  try {
    return satisfies(parseVersion(version), parseConstraint(constraint));
  } catch {
    return false;
  }
}
