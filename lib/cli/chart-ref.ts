/**
 * Chart references as helm takes them on every chart command: a folder, an archive, a bundled
 * chart's name, `oci://host/path/name`, an archive URL, `repo/name` (repositories.yaml), or a
 * name with `--repo URL`; `--version` picks the version. Remote charts are downloaded before the
 * command runs, so the commands themselves stay synchronous and never see the network.
 *
 * A bundled chart's dependencies are fetched the same way when their repositories answer; when
 * they don't, the chart renders without them, as in the page, and stderr says which were left
 * out and why.
 */
import { type Chart, type Dependency, addDependency, loadChartArchive, checkLock, downloadChart, fetchDependencies, resolveDependencies, type ChartSource, type DependencyEnv, isOci, type HelmVersion } from '../helm';
import { flagBool, flagHelmVersion, flagString, parseArgs, type FlagSpec, type ParsedArgs } from './args';
import type { CliIO } from './io';
import { markMissingDependenciesReported, recordChartOrigin, type ChartOrigin } from './chart-ref-flags';

export { CHART_REF_FLAGS } from './chart-ref-flags';
import { downloadEnv } from './download-env';

/** How long a bundled chart waits for its dependencies' repositories before rendering without them. */
const BUNDLED_DEPENDENCY_TIMEOUT_MS = 15_000;

/** A reference that names a chart somewhere else than the disk. */
export function isRemoteRef(ref: string, parsed: ParsedArgs, io: CliIO): boolean {
  if (flagString(parsed, 'repo') !== undefined || isOci(ref) || /^https?:\/\//.test(ref)) return true;
  return !io.disk?.locate(ref) && ref.includes('/') && !ref.startsWith('.') && !ref.startsWith('/');
}

/** Which positional argument is the chart, per command. */
const CHART_ARGUMENT: Record<string, (positionals: string[]) => string | undefined> = {
  template: (p) => (p.length === 2 ? p[1] : p[0]),
  lint: (p) => (p.length === 2 ? p[1] : p[0]),
  bundle: (p) => p[0],
  gitops: (p) => p[0],
  share: (p) => p[0],
};

/**
 * Before a chart command runs: downloads its chart when the reference is remote, and a bundled
 * chart's dependencies; returns the IO the command runs with (its `loadChart` answers from what
 * was fetched). Returns `io` itself when there is nothing to fetch.
 */
export async function prepareChartReference(command: string, argv: string[], io: CliIO, flags: readonly FlagSpec[]): Promise<CliIO> {
  const which = CHART_ARGUMENT[command];
  if (!which) return io;
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv, flags);
  } catch {
    return io; // the command reports its own usage errors
  }
  if (flagBool(parsed, 'help')) return io;
  const ref = which(parsed.positionals);
  if (ref === undefined) return io;
  let helmVersion: HelmVersion | undefined;
  try {
    helmVersion = flagHelmVersion(parsed);
  } catch {
    return io; // the command reports a bad --helm-version
  }
  let chart: Chart;
  if (isRemoteRef(ref, parsed, io)) {
    try {
      const got = await downloadChart(ref, { repoUrl: flagString(parsed, 'repo'), version: flagString(parsed, 'version') }, downloadEnv(parsed, io));
      chart = loadChartArchive(got.bytes, { helmVersion });
      recordChartOrigin(chart, originOf(got.source));
    } catch (e) {
      return withChart(io, ref, () => {
        throw e;
      });
    }
  } else if (flagBool(parsed, 'dependency-update') && io.disk?.locate(ref)?.kind === 'folder') {
    try {
      await updateMissingDependencies(io.disk.locate(ref)!.path, parsed, io);
      return io;
    } catch (e) {
      return withChart(io, ref, () => {
        throw e;
      });
    }
  } else if (io.disk?.locate(ref)?.kind === 'bundled') {
    chart = io.loadChart(ref, helmVersion);
    await addBundledDependencies(chart, parsed, io);
  } else return io;
  return withChart(io, ref, () => chart);
}

/** A download's source as a configuration records it: the repository URL, or the `oci://` reference without the chart's own name. */
export function originOf(source: ChartSource): ChartOrigin {
  if (source.kind === 'oci') return { repository: source.location.slice(0, source.location.lastIndexOf('/')), digest: source.digest };
  if (source.kind === 'url') return { digest: source.digest };
  return { repository: source.location.replace(/\/+$/, ''), digest: source.digest };
}

/**
 * `helm template --dependency-update`: when the folder lacks a dependency Chart.yaml names, the
 * folder's dependencies are updated (printing what `helm dependency update` prints, before the
 * manifests, as helm does) and the command then loads the updated folder. A failed update is
 * the command's error.
 */
async function updateMissingDependencies(dir: string, parsed: ParsedArgs, io: CliIO): Promise<void> {
  const chart = io.loadChart(dir);
  const missing = (chart.metadata.dependencies ?? []).some((d) => d !== null && !chart.dependencies.some((c) => c.metadata.name === d.name));
  if (!missing) return;
  const { updateDependencies } = await import('./dependency-command');
  await updateDependencies(dir, chart, parsed, io);
}

function withChart(io: CliIO, ref: string, load: () => Chart): CliIO {
  return { ...io, loadChart: (r, v) => (r === ref ? load() : io.loadChart(r, v)) };
}

const describe = (d: Dependency) => `${d.alias ? `${d.alias} (${d.name})` : d.name} ${d.version} from ${d.repository}`;

/**
 * Fetches the dependencies a bundled chart lacks (at its Chart.lock versions when the lock is in
 * sync, else as `helm dependency update` would pick them) and adds them to the chart; on any
 * failure, marks the chart to render without them and says so on stderr.
 */
async function addBundledDependencies(chart: Chart, parsed: ParsedArgs, io: CliIO): Promise<void> {
  const wanted = (chart.metadata.dependencies ?? []).filter((d): d is Dependency => d !== null);
  const missing = wanted.filter((d) => !chart.dependencies.some((c) => c.metadata.name === d.name));
  if (missing.length === 0) return;
  try {
    const env = downloadEnv(parsed, io, AbortSignal.timeout(BUNDLED_DEPENDENCY_TIMEOUT_MS));
    // A bundled chart's repositories are its own business: they need not be in repositories.yaml.
    const lockEnv = { ...env, repositories: [...(env.repositories ?? []), ...wanted.map((d, i) => ({ name: `bundled-${i}`, url: d.repository }))] };
    let locked: (Dependency | null)[];
    try {
      if (!chart.lock) throw new Error('no Chart.lock');
      checkLock(wanted, chart.lock, lockEnv);
      locked = chart.lock.dependencies ?? [];
    } catch {
      locked = (await resolveDependencies(wanted, env)).lock.dependencies ?? [];
    }
    const names = new Set(missing.map((d) => d.name));
    const archives = await fetchDependencies(locked.filter((d) => d !== null && names.has(d.name)), env);
    const loaded = archives.map((a) => loadChartArchive(a.bytes));
    for (const sub of loaded) addDependency(chart, sub);
  } catch (e) {
    markMissingDependenciesReported(chart);
    const reason = (e as Error).name === 'TimeoutError' ? `no answer within ${BUNDLED_DEPENDENCY_TIMEOUT_MS / 1000} s` : (e as Error).message;
    io.stderr(`Notice: rendering ${chart.metadata.name} without ${missing.length === 1 ? 'its dependency' : 'its dependencies'} ${missing.map(describe).join(', ')}: they could not be fetched (${reason})\n`);
  }
}
