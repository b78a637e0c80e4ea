import type { CliIO, ExitCode } from './io';
import type { FlagSpec } from './args';
import { templateCommand, TEMPLATE_FLAGS } from './template-command';
import { mayNeedFetching } from './chart-ref-flags';
import { HELM_RELEASE, DEFAULT_HELM_VERSION, HELM_VERSIONS } from '../helm';
import { version } from '../../package.json';

/** A command; those that write archives or use the network finish asynchronously. */
type Command = (argv: string[], io: CliIO) => ExitCode | Promise<ExitCode>;

/**
 * Every command, with what loads it. `template` is loaded with this module: it is what CI
 * pipelines call most, and it stays synchronous for local charts. The others load on first use,
 * so a render does not pay for initialising validation, Kubernetes schemas, archive, share-link
 * and network code it never runs. `chartFlags` marks a command that takes a chart reference: a remote chart (or a
 * bundled chart's dependencies) is fetched before it runs.
 */
const COMMANDS: Record<string, { summary: string; load: () => Command | Promise<Command>; chartFlags?: () => readonly FlagSpec[] | Promise<readonly FlagSpec[]> }> = {
  template: { summary: 'render chart templates locally, exactly as helm template does', load: () => templateCommand, chartFlags: () => TEMPLATE_FLAGS },
  lint: {
    summary: 'check rendered manifests against the Kubernetes schema and production rules',
    load: () => import('./lint-command').then((m) => m.lintCommand),
    chartFlags: () => import('./lint-command').then((m) => m.LINT_FLAGS),
  },
  bundle: {
    summary: 'write a values bundle (values, Secret skeletons, install.sh, README) as a zip',
    load: () => import('./bundle-command').then((m) => m.bundleCommand),
    chartFlags: () => import('./bundle-command').then((m) => m.BUNDLE_FLAGS),
  },
  gitops: {
    summary: 'write an Argo CD or Flux repository skeleton for a configuration as a zip',
    load: () => import('./gitops-command').then((m) => m.gitopsCommand),
    chartFlags: () => import('./gitops-command').then((m) => m.GITOPS_FLAGS),
  },
  share: {
    summary: 'print a share link for a configuration, or decode one',
    load: () => import('./share-command').then((m) => m.shareCommand),
    chartFlags: () => import('./share-command').then((m) => m.SHARE_FLAGS),
  },
  schema: {
    summary: 'print the values schema the form uses (declared, or inferred from values.yaml) as values.schema.json',
    load: () => import('./schema-command').then((m) => m.schemaCommand),
    chartFlags: () => import('./schema-command').then((m) => m.SCHEMA_FLAGS),
  },
  diff: {
    summary: 'diff upgrade OLD_CHART NEW_CHART: what a chart upgrade changes for a configuration',
    load: () => import('./diff-command').then((m) => m.diffCommand),
  },
  pull: { summary: 'download a chart from a repository or an OCI registry, as helm pull does', load: () => import('./pull-command').then((m) => m.pullCommand) },
  dependency: {
    summary: "manage a chart's dependencies (list, build, update), as helm dependency does",
    load: () => import('./dependency-command').then((m) => m.dependencyCommand),
  },
};

function help(): string {
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `chartroom: configure and render Helm charts\n\nUsage:\n  chartroom <command> [args]\n  chartroom --version\n\nCommands:\n${lines.join('\n')}\n`;
}

/** `chartroom --version`: this release, and the helm releases whose output it reproduces (the default first). */
function versionText(): string {
  const others = HELM_VERSIONS.filter((v) => v !== DEFAULT_HELM_VERSION).map((v) => `helm ${HELM_RELEASE[v]} with --helm-version ${v.split('.')[0]}`);
  return `chartroom ${version} (renders as helm ${HELM_RELEASE[DEFAULT_HELM_VERSION]}; ${others.join('; ')})\n`;
}

/**
 * Runs `chartroom ARGS...` against the given IO and returns the exit code: synchronously for
 * `template` on local charts, as a promise for the commands loaded on demand and for
 * charts that are fetched first.
 */
export function runCli(argv: string[], io: CliIO): ExitCode | Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(help());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === 'version') {
    io.stdout(versionText());
    return 0;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    io.stderr(`Error: unknown command "${name}" for "chartroom"\n\n${help()}`);
    return 1;
  }
  if (cmd.chartFlags && io.disk && mayNeedFetching(rest, io.disk.locate)) {
    return (async () => {
      const [{ prepareChartReference }, flags, run] = await Promise.all([import('./chart-ref'), cmd.chartFlags!(), cmd.load()]);
      return run(rest, await prepareChartReference(name, rest, io, flags));
    })();
  }
  const run = cmd.load();
  return run instanceof Promise ? run.then((r) => r(rest, io)) : run(rest, io);
}
