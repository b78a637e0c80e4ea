/**
 * `chartroom template rel CHART` as a user types it, the installed CLI in its own process, against
 * `helm template rel CHART` of the helm it names: every fixture chart and both bundled charts,
 * as they are (their dependencies are not vendored, so helm refuses them) and with stand-ins for
 * their dependencies. Without `--helm-version` the CLI answers as helm 4.1.4 does.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runHelm, type HelmRun } from '../helm/reference';
import { removeStandins, withStandins } from '../charts/standins';
import { errorText } from './chartroom-cli';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = resolve(__dirname, 'charts');
const BUNDLED = resolve(ROOT, 'charts');

function cli(args: string[], cwd: string): Promise<HelmRun> {
  return new Promise((res) => {
    execFile(process.execPath, [join(ROOT, 'bin/chartroom.cjs'), ...args], { cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      res({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Helm 3 logs through Go's log package, which puts `file.go:LINE: ` before each warning; the CLI leaves helm's source files out. */
const withoutGoSource = (stderr: string) => stderr.replace(/^\w+\.go:\d+: /gm, '');

/** The error with its schema problems in a stable order (helm lists them in Go map order, which changes from run to run). */
function stableStderr(stderr: string): string {
  const i = stderr.lastIndexOf('Error: ');
  return i < 0 ? stderr : stderr.slice(0, i) + errorText(stderr);
}

/** Aeterna's local KMS key is `randBytes 32`, new on every run of either program: compared by its shape only. */
const withoutRandomKey = (stdout: string) => stdout.replace(/^( {2}AETERNA_LOCAL_KMS_KEY: )"[A-Za-z0-9+/]{59}="$/m, '$1<44 base64 characters>');

const fixtures = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'Chart.yaml')));
const copies: Record<string, string> = {};

beforeAll(() => {
  for (const name of ['aeterna', 'verta']) copies[name] = withStandins(join(BUNDLED, name));
});
afterAll(() => Object.values(copies).forEach(removeStandins));

/** Each chart by its label: the folder it is named from and its name there (stand-in copies exist once the suite started). */
const charts: [string, () => [cwd: string, chart: string]][] = [
  ...fixtures.map((d): [string, () => [string, string]] => [`fixture ${d}`, () => [FIXTURES, d]]),
  ['bundled aeterna as it is', () => [BUNDLED, 'aeterna']],
  ['bundled verta as it is', () => [BUNDLED, 'verta']],
  ['bundled aeterna with stand-ins', () => [dirname(copies.aeterna), basename(copies.aeterna)]],
  ['bundled verta with stand-ins', () => [dirname(copies.verta), basename(copies.verta)]],
];

describe.each([
  { helm: '4.1.4', flag: ['--helm-version', '4'] },
  { helm: '4.1.4', flag: [] },
  { helm: '3.17.3', flag: ['--helm-version', '3'] },
])('chartroom template rel CHART $flag against helm $helm', ({ helm, flag }) => {
  test.each(charts)('%s', async (_label, where) => {
    const [cwd, chart] = where();
    const [h, ours] = await Promise.all([runHelm(['template', 'rel', chart], { cwd, version: helm }), cli(['template', 'rel', chart, ...flag], cwd)]);
    expect(ours.status).toBe(h.status);
    expect(withoutRandomKey(ours.stdout)).toBe(withoutRandomKey(h.stdout));
    expect(stableStderr(ours.stderr)).toBe(stableStderr(helm.startsWith('3.') ? withoutGoSource(h.stderr) : h.stderr));
  });
});
