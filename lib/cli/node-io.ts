/**
 * The CLI's Node side: reads charts and files from disk. The engine itself never touches the
 * file system (it also runs in the browser); this is the only place that does for the CLI.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, parse, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadChartArchive, loadChartDirectory, type FolderFile, type Chart, DEFAULT_HELM_VERSION, type HelmVersion, helmLogLine } from '../helm';
import type { ChartDisk, ChartLocation, CliIO } from './io';

/** The project root, where the bundled charts live in `charts/` (found upward: this module may run bundled). */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * The bundled charts compiled into a standalone executable (scripts/build-cli-binary.mjs), by
 * name: each file's path in the chart folder and its bytes in base64. Such an executable may be
 * copied anywhere, so it never looks for `charts/` on disk; run from the package, this is unset.
 */
let embeddedCharts: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;

export function useEmbeddedCharts(charts: Readonly<Record<string, Readonly<Record<string, string>>>>): void {
  embeddedCharts = charts;
}

function embeddedChartFiles(name: string): FolderFile[] {
  return Object.entries(embeddedCharts![name]).map(([path, base64]) => ({ path, data: Buffer.from(base64, 'base64') }));
}

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'charts'))) return dir;
    if (dirname(dir) === dir) return resolve(start, '../..');
  }
}

/** Where a chart folder's symbolic links lead (helm logs each one it follows). */
export type LinkNotice = (message: string) => void;

/**
 * The files under a chart folder as helm's sympath.Walk finds them: names sorted, symbolic
 * links followed (each reported through `notice` with helm's wording), '/'-separated paths.
 * Files are stat'ed, not read: the loader reads only those it keeps, after the size check.
 */
export function readTree(dir: string, notice: LinkNotice = () => {}): FolderFile[] {
  const top = resolve(dir);
  const out: FolderFile[] = [];
  const visit = (p: string, st: Stats): void => {
    if (st.isSymbolicLink()) {
      let target: string;
      try {
        target = realpathSync(p);
      } catch (e) {
        throw new Error(`error evaluating symlink ${p}: ${brokenLinkReason(p, e)}`);
      }
      notice(`found symbolic link in path: ${p} resolves to ${target}. Contents of linked file included and used`);
      visit(p, lstatSync(target));
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name), lstatSync(join(p, name)));
      return;
    }
    const path = relative(top, p).split(sep).join('/');
    if (!st.isFile()) {
      out.push({ path, size: 0, read: () => { throw new Error(`cannot load irregular file ${p} as it has file mode type bits set`); } });
      return;
    }
    out.push({ path, size: st.size, read: () => readFileSync(p) });
  };
  visit(top, statSync(top));
  return out;
}

/** What Go's filepath.EvalSymlinks says about a link that leads nowhere: "lstat /missing: ...". */
function brokenLinkReason(link: string, e: unknown): string {
  let p = link;
  for (let hops = 0; hops < 255; hops++) {
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      return `lstat ${firstMissing(p)}: no such file or directory`;
    }
    if (!st.isSymbolicLink()) break;
    p = resolve(dirname(p), readlinkSync(p));
  }
  return (e as Error).message;
}

/** EvalSymlinks reads a path one name at a time (following links on the way) and names the first that is not there. */
function firstMissing(path: string): string {
  let at = parse(path).root;
  for (const name of path.slice(at.length).split(sep).filter(Boolean)) {
    const next = join(at, name);
    let st: Stats;
    try {
      st = lstatSync(next);
    } catch {
      return next;
    }
    at = st.isSymbolicLink() ? resolve(at, readlinkSync(next)) : next;
  }
  return path;
}

/** Where a chart reference is: a folder or archive path, else a bundled chart's name. */
export function locateChart(ref: string, cwd = process.cwd()): ChartLocation | undefined {
  const path = resolve(cwd, ref);
  if (existsSync(path)) return { kind: statSync(path).isDirectory() ? 'folder' : 'archive', path };
  if (!/^[a-z0-9-]+$/.test(ref)) return undefined;
  // An embedded chart's path is its name: nothing on disk is named so here (checked just above).
  if (embeddedCharts) return Object.hasOwn(embeddedCharts, ref) ? { kind: 'bundled', path: ref } : undefined;
  const bundled = join(PACKAGE_ROOT, 'charts', ref);
  if (existsSync(join(bundled, 'Chart.yaml'))) return { kind: 'bundled', path: bundled };
  return undefined;
}

/**
 * Resolves a chart reference: a path to a directory or .tgz, else a bundled chart's name.
 * `notice` receives what helm logs while loading: symbolic links followed, then the loader's
 * warnings (requirements.yaml or requirements.lock in a v2 chart).
 */
export function loadChartFromDisk(ref: string, cwd = process.cwd(), notice: LinkNotice = () => {}, helmVersion?: HelmVersion): Chart {
  const at = locateChart(ref, cwd);
  if (!at) throw new Error(missingChartMessage(ref.trim()));
  if (at.kind === 'bundled' && embeddedCharts) return loadChartDirectory(embeddedChartFiles(at.path), { helmVersion, folder: at.path, warn: notice });
  if (at.kind !== 'archive') return loadChartDirectory(readTree(at.path, notice), { helmVersion, folder: at.path, warn: notice });
  return loadChartArchive(readFileSync(at.path), { helmVersion, warn: notice });
}

/** What helm's LocateChart says for a reference that is not on disk. */
function missingChartMessage(ref: string): string {
  if (isAbsolute(ref) || ref.startsWith('.')) return `path "${ref}" not found`;
  if (!ref.includes('/')) return `non-absolute URLs should be in form of repo_name/path_to_chart, got: ${ref}`;
  return `repo ${ref.slice(0, ref.indexOf('/'))} not found`;
}

/** helm's repositories.yaml: the flag's path, else $HELM_REPOSITORY_CONFIG, else under $HELM_CONFIG_HOME or ~/.config/helm. */
function repositoriesFile(path?: string): { path: string; text: string } | undefined {
  const file =
    path ??
    process.env.HELM_REPOSITORY_CONFIG ??
    join(process.env.HELM_CONFIG_HOME ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'helm'), 'repositories.yaml');
  if (!existsSync(file)) return undefined;
  return { path: file, text: readFileSync(file, 'utf8') };
}

/** The disk side of `pull` and `dependency`. */
export const nodeDisk: ChartDisk = {
  locate: (ref) => locateChart(ref),
  repositoriesFile,
  exists: (p) => existsSync(p),
  list: (dir) => (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort() : []),
  join: (base, p) => resolve(base, p),
  saveDependencies(chartDir, archives, keep, loadArchive) {
    const dest = join(chartDir, 'charts');
    if (existsSync(dest) && !statSync(dest).isDirectory()) throw new Error(`${dest} is not a directory`);
    const tmp = join(chartDir, `tmpcharts-${process.pid}`);
    mkdirSync(tmp, { recursive: true });
    try {
      for (const a of archives) writeFileSync(join(tmp, a.fileName), a.bytes);
      mkdirSync(dest, { recursive: true });
      const fresh = new Set(archives.map((a) => a.fileName));
      for (const name of fresh) renameSync(join(tmp, name), join(dest, name));
      for (const e of readdirSync(dest, { withFileTypes: true })) {
        if (e.isDirectory() || fresh.has(e.name)) continue;
        let name: string;
        try {
          name = loadArchive(readFileSync(join(dest, e.name))).metadata.name;
        } catch {
          continue;
        }
        if (!keep(name)) rmSync(join(dest, e.name));
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
  writeTree(dir, files) {
    if (existsSync(dir)) throw new Error(`failed to untar: a file or directory with the name ${dir} already exists`);
    for (const f of files) {
      const p = join(dir, f.name);
      if (!p.startsWith(dir + sep)) throw new Error(`refusing to write ${f.name} outside ${dir}`);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.data);
    }
  },
};

/** The real file system, network and standard streams (notices about a chart go wherever `stderr` is pointed). */
export function nodeIO(): CliIO {
  const io: CliIO = {
    fetch: globalThis.fetch,
    disk: nodeDisk,
    loadChart: (ref, helmVersion) => loadChartFromDisk(ref, process.cwd(), (m) => io.stderr(`${helmLogLine(m, helmVersion ?? DEFAULT_HELM_VERSION)}\n`), helmVersion),
    readFile: (p) => (p === '-' ? readFileSync(0) : readFileSync(p)),
    writeFile: (p, data) => writeFileSync(p, data),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  };
  return io;
}
