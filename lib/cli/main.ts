import type { CliIO, ExitCode } from './io';
import { templateCommand } from './template-command';
import { bundleCommand } from './bundle-command';
import { gitopsCommand } from './gitops-command';
import { shareCommand } from './share-command';
import { lintCommand } from './lint-command';
import { diffCommand } from './diff-command';

/** A command; those that write archives finish asynchronously. */
type Command = (argv: string[], io: CliIO) => ExitCode | Promise<ExitCode>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  template: { run: templateCommand, summary: 'render chart templates locally, exactly as helm template does' },
};

/** Registers a command (commands living in other modules add themselves here). */
export function registerCommand(name: string, summary: string, run: Command): void {
  COMMANDS[name] = { run, summary };
}

registerCommand('lint', 'check rendered manifests against the Kubernetes schema and production rules', lintCommand);

registerCommand('bundle', 'write a values bundle (values, Secret skeletons, install.sh, README) as a zip', bundleCommand);
registerCommand('gitops', 'write an Argo CD or Flux repository skeleton for a configuration as a zip', gitopsCommand);
registerCommand('share', 'print a share link for a configuration, or decode one', shareCommand);
registerCommand('diff', 'diff upgrade OLD_CHART NEW_CHART: what a chart upgrade changes for a configuration', diffCommand);

function help(): string {
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `chartroom: configure and render Helm charts\n\nUsage:\n  chartroom <command> [args]\n\nCommands:\n${lines.join('\n')}\n`;
}

/**
 * Runs `chartroom ARGS...` against the given IO and returns the exit code (a promise for the
 * commands that write archives).
 */
export function runCli(argv: string[], io: CliIO): ExitCode | Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(help());
    return name ? 0 : 1;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr(`Error: unknown command "${name}" for "chartroom"\n\n${help()}`);
    return 1;
  }
  return cmd.run(rest, io);
}
