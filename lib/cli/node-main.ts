/**
 * The `chartroom` command as Node runs it (bin/chartroom.cjs loads this module bundled).
 *
 * Helm allows 1000 nested `include`s; Go's stacks grow as needed, V8's main-thread stack is fixed
 * when Node starts and holds less than that. Starting every run
 * with a bigger stack would mean a second Node process; instead a run renders on the main
 * thread with its output held back, and only if it ran out of stack is it run again on a worker
 * thread with a stack as big as helm ever needs here, whose output is the one printed.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { stackWasExhausted } from '../gotemplate';
import { runCli } from './main';
import { nodeIO } from './node-io';
import type { CliIO, ExitCode } from './io';

/** The standalone executable (scripts/build-cli-binary.mjs) hands the bundle its embedded charts, and node:crypto's hashing. */
export { useEmbeddedCharts } from './node-io';
export { useNativeDigests } from '../sprig';

/**
 * The worker's JavaScript stack: 8 MB holds helm's 1000 nested includes with room to spare (values
 * are walked without recursion). More would only let endless recursion, such as a value that `tpl`s
 * itself, run longer before it stops: its error text grows with the square of the depth.
 */
const BIG_STACK_MB = 8;

interface Outcome {
  code: ExitCode;
  stdout: string[];
  stderr: string[];
}

interface WorkerInput {
  argv: string[];
  /** Standard input as the first attempt read it (it can be read only once). */
  stdin: Uint8Array | undefined;
}

/** Runs the command with its printed text kept until it is known which attempt counts. */
async function attempt(argv: string[], stdin: { data?: Uint8Array }): Promise<Outcome> {
  const out: Outcome = { code: 0, stdout: [], stderr: [] };
  const io: CliIO = nodeIO();
  io.stdout = (t) => void out.stdout.push(t);
  io.stderr = (t) => void out.stderr.push(t);
  const readFile = io.readFile;
  io.readFile = (p) => (p === '-' ? (stdin.data ??= readFile(p)) : readFile(p));
  out.code = await runCli(argv, io);
  return out;
}

function print(o: Outcome): ExitCode {
  if (o.stdout.length) process.stdout.write(o.stdout.join(''));
  if (o.stderr.length) process.stderr.write(o.stderr.join(''));
  return o.code;
}

/** Runs `chartroom ARGV`; `entry` is the script that loaded this module (a worker runs it again). */
export async function main(argv: string[], entry: string): Promise<ExitCode> {
  if (!isMainThread) {
    const input = workerData as WorkerInput;
    parentPort!.postMessage(await attempt(input.argv, { data: input.stdin }));
    return 0;
  }
  const stdin: { data?: Uint8Array } = {};
  const first = await attempt(argv, stdin);
  if (first.code === 0 || !stackWasExhausted()) return print(first);
  return print(await onBigStack(entry, { argv, stdin: stdin.data }));
}

function onBigStack(entry: string, input: WorkerInput): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(entry, { workerData: input, resourceLimits: { stackSizeMb: BIG_STACK_MB } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the render thread stopped (exit code ${code}) before it finished`)));
  });
}
