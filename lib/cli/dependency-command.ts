/**
 * `chartroom dependency list|build|update CHART`: helm dependency. `update` resolves Chart.yaml's
 * dependencies against their repositories and writes Chart.lock; `build` fetches what Chart.lock
 * pins (or updates when there is none). Every archive is downloaded and checked before `charts/`
 * changes, and then they move in as helm moves them (temporary folder, then rename).
 */
import { API_VERSION_V1, type Chart, type Dependency, loadChartArchive, saveChartArchive, checkLock, fetchDependencies, hashReq, lockYaml, resolveDependencies, resolveRepositoryNames, type DependencyEnv, type LocalDependency, downloadIndex, findRepository, isOci, isHelm4, type HelmVersion } from '../helm';
import { parseConstraint, parseVersion, satisfies } from '../deps';
import { flagBool, flagHelmVersion, parseArgs, usage, UsageError, HELM_VERSION_FLAG, type FlagSpec } from './args';
import { downloadEnv } from './download-env';
import type { ChartDisk, CliIO, ExitCode } from './io';

const FLAGS: readonly FlagSpec[] = [
  { name: 'plain-http', kind: 'bool', help: 'use insecure HTTP connections for the chart download' },
  { name: 'repository-config', kind: 'string', help: "path to helm's repositories.yaml" },
  { name: 'skip-refresh', kind: 'bool', help: 'do not refresh the local repository cache (chartroom keeps none: accepted for helm compatibility)' },
  HELM_VERSION_FLAG,
  { name: 'help', short: 'h', kind: 'bool', help: 'help for dependency' },
];

const USAGE = 'dependency list|build|update CHART [flags]';

export async function dependencyCommand(argv: string[], io: CliIO): Promise<ExitCode> {
  try {
    const parsed = parseArgs(argv, FLAGS);
    const [action, chartPath = '.', ...extra] = parsed.positionals;
    if (flagBool(parsed, 'help') || !action) {
      io.stdout(usage(USAGE, FLAGS));
      return action || flagBool(parsed, 'help') ? 0 : 1;
    }
    if (extra.length) throw new UsageError(`"chartroom dependency ${action}" accepts at most 1 argument`);
    if (!io.disk) throw new Error('dependency works on chart folders, and this chartroom has no disk');
    const where = io.disk.locate(chartPath);
    if (!where || where.kind === 'archive') throw new Error(`${chartPath}: not a chart folder`);
    // A bundled chart is part of chartroom: its dependencies are fetched in memory when it renders, never written into it.
    if (where.kind === 'bundled' && action !== 'list' && action !== 'ls') throw new Error(`${chartPath} is a chart bundled with chartroom: it fetches its dependencies itself when it renders; give a path to a copy of it to vendor them`);
    const helmVersion = flagHelmVersion(parsed);
    const chart = io.loadChart(where.path, helmVersion);
    switch (action) {
      case 'list':
      case 'ls':
        io.stdout(listDependencies(where.path, chart, io));
        return 0;
      case 'build':
        await build(where.path, chart, io, downloadEnvFor(parsed, io, where.path), helmVersion);
        return 0;
      case 'update':
      case 'up':
        await updateDependencies(where.path, chart, parsed, io);
        return 0;
      default:
        throw new UsageError(`unknown dependency command "${action}": use list, build or update`);
    }
  } catch (e) {
    io.stderr(`Error: ${(e as Error).message}\n`);
    return 1;
  }
}

/** The download settings, with `file://` dependencies read relative to the chart and packaged as helm packages them. */
function downloadEnvFor(parsed: ReturnType<typeof parseArgs>, io: CliIO, chartDir: string): DependencyEnv {
  const disk = io.disk!;
  const env = downloadEnv(parsed, io);
  const loaded = new Map<string, Chart>();
  env.localChart = async (repository): Promise<LocalDependency> => {
    const dir = disk.join(chartDir, repository.slice('file://'.length));
    if (!disk.exists(dir)) throw new Error(`directory ${dir} not found`);
    let c = loaded.get(dir);
    if (!c) loaded.set(dir, (c = io.loadChart(dir, flagHelmVersion(parsed))));
    const chart = c;
    return { name: chart.metadata.name, version: chart.metadata.version, archive: async () => saveChartArchive(chart) };
  };
  return env;
}

const requested = (c: Chart): Dependency[] => (c.metadata.dependencies ?? []).filter((d): d is Dependency => d !== null);

/** Manager.Build: from Chart.lock when there is one, else an update. */
async function build(dir: string, chart: Chart, io: CliIO, env: DependencyEnv, helmVersion: HelmVersion): Promise<void> {
  if (!chart.lock) return update(dir, chart, io, env, isHelm4(helmVersion));
  checkLock(chart.metadata.dependencies ?? [], chart.lock, env, chart.metadata.apiVersion === API_VERSION_V1);
  await downloadAll(dir, chart, chart.lock.dependencies ?? [], io, env);
}

/** `helm dependency update` of the chart folder `dir` (also what `template --dependency-update` runs). */
export function updateDependencies(dir: string, chart: Chart, parsed: ReturnType<typeof parseArgs>, io: CliIO): Promise<void> {
  // Helm 4 by default; `template --helm-version 3` updates as Helm 3 does.
  return update(dir, chart, io, downloadEnvFor(parsed, io, dir), isHelm4(flagHelmVersion(parsed)));
}

/**
 * Manager.Update's repository refresh, for its messages: the repositories.yaml entries, then the
 * HTTP repositories the dependencies name that it lacks: Helm 3 refreshes one per dependency
 * name, Helm 4 once per URL as written. helm refreshes them in parallel, so with several
 * repositories its lines come in any order; these come in file and dependency order.
 */
async function refreshRepositories(req: (Dependency | null)[], io: CliIO, env: DependencyEnv, helm4: boolean): Promise<void> {
  const refresh = async (url: string, name?: string) => {
    const what = name ? `${JSON.stringify(name)} (${url})` : JSON.stringify(url);
    try {
      await downloadIndex(url, { fetch: env.fetch, signal: env.signal });
      io.stdout(`...Successfully got an update from the ${what} chart repository\n`);
    } catch (e) {
      io.stdout(`...Unable to get an update from the ${name ? `${JSON.stringify(name)} (${url})` : what} chart repository:\n\t${(e as Error).message}\n`);
    }
  };
  const known = env.repositories ?? [];
  const seenNames = new Set<string>();
  const unmanaged: string[] = [];
  for (const d of req) {
    if (!d || d.repository === '' || d.repository.startsWith('file://') || isOci(d.repository) || seenNames.has(d.name)) continue;
    seenNames.add(d.name);
    if (findRepository(d.repository, known)) continue;
    if (!helm4 || !unmanaged.includes(d.repository)) unmanaged.push(d.repository);
  }
  if (unmanaged.length > 0) {
    io.stdout('Getting updates for unmanaged Helm repositories...\n');
    for (const url of unmanaged) await refresh(url);
  }
  if (known.length > 0) {
    io.stdout('Hang tight while we grab the latest from your chart repositories...\n');
    for (const r of known) await refresh(r.url, r.name);
    io.stdout('Update Complete. ⎈Happy Helming!⎈\n');
  }
}

/** Manager.Update: resolve, download, then write the lock unless its digest is unchanged. */
async function update(dir: string, chart: Chart, io: CliIO, env: DependencyEnv, helm4: boolean): Promise<void> {
  if (chart.metadata.dependencies === undefined) return;
  resolveRepositoryNames(chart.metadata.dependencies, env);
  await refreshRepositories(chart.metadata.dependencies, io, env, helm4);
  const { lock, requested: req } = await resolveDependencies(chart.metadata.dependencies, env);
  await downloadAll(dir, chart, lock.dependencies ?? [], io, env);
  lock.digest = hashReq(req, lock.dependencies);
  if (chart.lock && chart.lock.digest === lock.digest) return;
  const legacy = chart.metadata.apiVersion === API_VERSION_V1;
  io.writeFile(io.disk!.join(dir, legacy ? 'requirements.lock' : 'Chart.lock'), new TextEncoder().encode(lockYaml(lock)));
}

/** downloadAll: every archive fetched and checked first, then moved into charts/. */
async function downloadAll(dir: string, chart: Chart, locked: (Dependency | null)[], io: CliIO, env: DependencyEnv): Promise<void> {
  const deps = locked.filter((d): d is Dependency => d !== null);
  io.stdout(`Saving ${deps.length} charts\n`);
  for (const d of deps.filter((x) => x.repository === '')) {
    io.stdout(`Dependency ${d.name} did not declare a repository. Assuming it exists in the charts directory\n`);
    const sub = chart.dependencies.find((c) => c.metadata.name === d.name);
    if (!sub) throw new Error(`unable to load chart '${io.disk!.join(dir, `charts/${d.name}`)}': no chart there`);
    if (!satisfies(parseVersion(sub.metadata.version), parseConstraint(d.version))) {
      throw new Error(`dependency ${d.name} at version ${sub.metadata.version} does not satisfy the constraint ${d.version}`);
    }
  }
  for (const d of deps.filter((x) => x.repository !== '' && !x.repository.startsWith('file://'))) io.stdout(`Downloading ${d.name} from repo ${d.repository}\n`);
  const archives = await fetchDependencies(deps, env);
  const local = new Set(deps.filter((d) => d.repository === '').map((d) => d.name));
  io.disk!.saveDependencies(dir, archives, (name) => local.has(name), (bytes) => loadChartArchive(bytes));
  io.stdout('Deleting outdated charts\n');
}

/** `helm dependency list`: each dependency with its status in charts/, then what charts/ holds that Chart.yaml does not name. */
function listDependencies(dir: string, chart: Chart, io: CliIO): string {
  const disk = io.disk!;
  const deps = chart.metadata.dependencies;
  if (deps === undefined) return `WARNING: no dependencies at ${disk.join(dir, 'charts')}\n`;
  const rows = [['NAME', 'VERSION', 'REPOSITORY', 'STATUS'], ...requested(chart).map((d) => [d.name, d.version, d.repository, status(d, chart, dir, disk)])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  let out = `${rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('\t')).join('\n')}\n\n`;
  for (const entry of disk.list(disk.join(dir, 'charts'))) {
    if (!entry.endsWith('/') && !entry.endsWith('.tgz')) continue;
    const path = disk.join(dir, `charts/${entry.replace(/\/$/, '')}`);
    let name: string;
    try {
      name = io.loadChart(path).metadata.name;
    } catch {
      out += `WARNING: ${JSON.stringify(path)} is not a chart.\n`;
      continue;
    }
    if (!requested(chart).some((d) => d.name === name)) out += `WARNING: ${JSON.stringify(path)} is not in Chart.yaml.\n`;
  }
  return out;
}

const STRICT_SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

function status(d: Dependency, chart: Chart, dir: string, disk: ChartDisk): string {
  // helm globs NAME-*.tgz, then counts only the names whose rest is a strict semantic version.
  const archives = disk
    .list(disk.join(dir, 'charts'))
    .filter((n) => n.startsWith(`${d.name}-`) && n.endsWith('.tgz'))
    .filter((n, _, all) => all.length === 1 || STRICT_SEMVER.test(n.slice(d.name.length + 1, -'.tgz'.length)));
  const versionOk = (v: string) => {
    if (v === d.version) return true;
    try {
      return satisfies(parseVersion(v), parseConstraint(d.version));
    } catch {
      return undefined;
    }
  };
  if (archives.length > 1) return 'too many matches';
  // The loader has read charts/ already (archives and folders alike).
  const sub = chart.dependencies.find((c) => c.metadata.name === d.name);
  if (!sub) return archives.length ? 'misnamed' : 'missing';
  const ok = versionOk(sub.metadata.version);
  if (ok === undefined) return 'invalid version';
  if (!ok) return 'wrong version';
  return archives.length === 1 ? 'ok' : 'unpacked';
}
