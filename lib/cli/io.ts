import type { Chart } from '../helm/chart/chart';

/** Everything a command needs from the outside world; Node implements it, tests can fake it. */
export interface CliIO {
  /** Loads a chart from a directory, a .tgz, or the name of a bundled chart. */
  loadChart(ref: string): Chart;
  /** Reads a file (values files, --set-file); `-` is standard input. */
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A command's outcome: its exit code (what it printed went through CliIO). */
export type ExitCode = number;
