/**
 * The network settings of a command that downloads charts: its fetch, `--plain-http`, the
 * repositories helm knows from repositories.yaml and the `--helm-version` whose semver rules
 * choose a version from an index or a registry's tags. Kept apart from chart references so the
 * dependency commands can use it without importing the reference resolver that calls them.
 */
import { type DependencyEnv, helmLogLine, parseRepositoriesFile, type RepoEntry } from '../helm';
import { flagBool, flagHelmVersion, flagString, type ParsedArgs } from './args';
import type { CliIO } from './io';

/** The repositories helm knows about, from repositories.yaml (none when there is no file). */
export function knownRepositories(io: CliIO, path?: string): RepoEntry[] {
  const file = io.disk?.repositoriesFile(path);
  return file ? parseRepositoriesFile(file.text, file.path) : [];
}

/** The network settings a command's flags give. @throws Error when there is no network, UsageError for a bad --helm-version */
export function downloadEnv(parsed: ParsedArgs, io: CliIO, signal?: AbortSignal): DependencyEnv {
  if (!io.fetch) throw new Error('charts from repositories need the network, which this chartroom has not got');
  const helmVersion = flagHelmVersion(parsed);
  return {
    fetch: io.fetch,
    plainHttp: flagBool(parsed, 'plain-http'),
    repositories: knownRepositories(io, flagString(parsed, 'repository-config')),
    signal,
    warn: (m) => io.stderr(`${helmLogLine(m, helmVersion)}\n`),
    helmVersion,
  };
}
