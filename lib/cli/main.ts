import type { CliIO, ExitCode } from './io';
import { templateCommand } from './template-command';
import { lintCommand } from './lint-command';

/** A command; those that write archives finish asynchronously. */
type Command = (argv: string[], io: CliIO) => ExitCode | Promise<ExitCode>;

/**
 * Every command, with what loads it. `template` and `lint` are loaded with this module: they are
 * what CI pipelines call, and they stay synchronous. The others load on first use, so a render
 * does not pay for initialising archive, share-link and crypto code it never runs.
 */
const COMMANDS: Record<string, { summary: string; load: () => Command | Promise<Command> }> = {
  template: { summary: 'render chart templates locally, exactly as helm template does', load: () => templateCommand },
  lint: { summary: 'check rendered manifests against the Kubernetes schema and production rules', load: () => lintCommand },
  bundle: {
    summary: 'write a values bundle (values, Secret skeletons, install.sh, README) as a zip',
    load: () => import('./bundle-command').then((m) => m.bundleCommand),
  },
  gitops: {
    summary: 'write an Argo CD or Flux repository skeleton for a configuration as a zip',
    load: () => import('./gitops-command').then((m) => m.gitopsCommand),
  },
  share: { summary: 'print a share link for a configuration, or decode one', load: () => import('./share-command').then((m) => m.shareCommand) },
  diff: {
    summary: 'diff upgrade OLD_CHART NEW_CHART: what a chart upgrade changes for a configuration',
    load: () => import('./diff-command').then((m) => m.diffCommand),
  },
};

function help(): string {
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `chartroom: configure and render Helm charts\n\nUsage:\n  chartroom <command> [args]\n\nCommands:\n${lines.join('\n')}\n`;
}

/**
 * Runs `chartroom ARGS...` against the given IO and returns the exit code: synchronously for
 * `template` and `lint`, as a promise for the commands loaded on demand.
 */
export function runCli(argv: string[], io: CliIO): ExitCode | Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(help());
    return name ? 0 : 1;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.stderr(`Error: unknown command "${name}" for "chartroom"\n\n${help()}`);
    return 1;
  }
  const run = cmd.load();
  return run instanceof Promise ? run.then((r) => r(rest, io)) : run(rest, io);
}
