import type { Chart, Fetch, HelmVersion } from '../helm';

/** Everything a command needs from the outside world; Node implements it, tests can fake it. */
export interface CliIO {
  /** Loads a chart from a directory, a .tgz, or the name of a bundled chart, read as `helmVersion` reads it. */
  loadChart(ref: string, helmVersion?: HelmVersion): Chart;
  /** Reads a file (values files, --set-file); `-` is standard input. */
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  stdout(text: string): void;
  stderr(text: string): void;
  /** The network, for charts from repositories and registries; absent when there is none. */
  fetch?: Fetch;
  /** The disk beyond single files, for `pull` and `dependency`; absent where there is no disk. */
  disk?: ChartDisk;
}

/** Where a chart reference points on disk. */
export type ChartLocation = { kind: 'folder' | 'archive' | 'bundled'; path: string };

/** What `pull` and `dependency` need of the disk. */
export interface ChartDisk {
  /** Where `ref` is: a folder or archive path, a bundled chart's name, or nothing on disk. */
  locate(ref: string): ChartLocation | undefined;
  /** The text of helm's repositories.yaml (`--repository-config`, `$HELM_REPOSITORY_CONFIG`, or helm's default), if present. */
  repositoriesFile(path?: string): { path: string; text: string } | undefined;
  exists(path: string): boolean;
  /** Names in a folder ([] when it does not exist), folders marked with a trailing `/`. */
  list(dir: string): string[];
  /** Resolves `path` against `base` (a chart folder), as Go's filepath.Join + Abs do. */
  join(base: string, path: string): string;
  /**
   * helm's downloadAll + safeMoveDeps: the archives go to a temporary folder inside the chart,
   * then move into `charts/`; archives there that no dependency wants any more are removed
   * (except charts `keep` names). Nothing in `charts/` changes before every archive is written.
   */
  saveDependencies(chartDir: string, archives: { fileName: string; bytes: Uint8Array }[], keep: (chartName: string) => boolean, loadArchive: (bytes: Uint8Array) => Chart): void;
  /** Writes files under `dir` (made as needed), refusing if `dir` exists. */
  writeTree(dir: string, files: { name: string; data: Uint8Array }[]): void;
}

/** A command's outcome: its exit code (what it printed went through CliIO). */
export type ExitCode = number;
