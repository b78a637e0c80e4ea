/**
 * `chartroom template rel CHART` as a user types it, the installed CLI in its own process, against
 * `helm template rel CHART` of the helm it names: every fixture chart and both bundled charts,
 * as they are (their dependencies are not vendored, so helm refuses them) and with stand-ins for
 * their dependencies, and small charts that make helm log a warning. Without `--helm-version` the
 * CLI answers as helm 4.1.4 does. stderr is compared whole: helm 3.17.3's warnings carry Go's
 * `file.go:LINE: ` (or `WARNING: `), helm 4.1.4's are slog records. Each case runs on Node and as the
 * standalone executable (tests/diff/cli-process.ts); helm runs once for both.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runHelm, type HelmRun } from '../helm/reference';
import { removeStandins, withStandins } from '../charts/standins';
import { errorText } from './chartroom-cli';
import { buildCliBinary, CLI_PROCESSES, runCliProcess } from './cli-process';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = resolve(__dirname, 'charts');
const BUNDLED = resolve(ROOT, 'charts');

/** helm's answer for one chart, folder and helm release, asked once for all the CLIs compared with it. */
const helmRuns = new Map<string, Promise<HelmRun>>();
function helmTemplate(chart: string, cwd: string, version: string): Promise<HelmRun> {
  const key = JSON.stringify([chart, cwd, version]);
  if (!helmRuns.has(key)) helmRuns.set(key, runHelm(['template', 'rel', chart], { cwd, version }));
  return helmRuns.get(key)!;
}

/** The error with its schema problems in a stable order (helm lists them in Go map order, which changes from run to run). */
function stableStderr(stderr: string): string {
  const i = stderr.lastIndexOf('Error: ');
  return i < 0 ? stderr : stderr.slice(0, i) + errorText(stderr);
}

/** Aeterna's local KMS key is `randBytes 32`, new on every run of either program: compared by its shape only. */
const withoutRandomKey = (stdout: string) => stdout.replace(/^( {2}AETERNA_LOCAL_KMS_KEY: )"[A-Za-z0-9+/]{59}="$/m, '$1<44 base64 characters>');

const fixtures = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'Chart.yaml')));
const copies: Record<string, string> = {};

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n';
const chartYaml = (name: string, extra = '') => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${extra}`;

/** Charts whose load or install makes helm log: each helm words and places these lines its own way. */
const WARNING_CHARTS: Record<string, Record<string, string>> = {
  deprecated: { 'Chart.yaml': chartYaml('deprecated', 'deprecated: true\n'), 'templates/cm.yaml': CONFIG_MAP },
  'deprecated-missing-dependency': { 'Chart.yaml': chartYaml('deprecated-missing-dependency', 'deprecated: true\ndependencies:\n- name: sub\n  version: 1.0.0\n'), 'templates/cm.yaml': CONFIG_MAP },
  'requirements-in-v2': {
    'Chart.yaml': chartYaml('requirements-in-v2'),
    'requirements.yaml': 'dependencies: []\n',
    'requirements.lock': 'dependencies: []\ndigest: sha256:0\ngenerated: "2020-01-01T00:00:00Z"\n',
    'templates/cm.yaml': CONFIG_MAP,
  },
  symlink: { 'Chart.yaml': chartYaml('symlink'), 'shared/cm.yaml': CONFIG_MAP },
};
let warningsDir = '';

beforeAll(() => {
  buildCliBinary();
  for (const name of ['aeterna', 'verta']) copies[name] = withStandins(join(BUNDLED, name));
  warningsDir = mkdtempSync(join(tmpdir(), 'chartroom-cli-warnings-'));
  for (const [name, files] of Object.entries(WARNING_CHARTS)) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(warningsDir, name, path)), { recursive: true });
      writeFileSync(join(warningsDir, name, path), text);
    }
  }
  // helm follows the link, logs it, and loads the file it leads to as templates/cm.yaml.
  mkdirSync(join(warningsDir, 'symlink', 'templates'));
  symlinkSync('../shared/cm.yaml', join(warningsDir, 'symlink', 'templates', 'cm.yaml'));
});
afterAll(() => {
  Object.values(copies).forEach(removeStandins);
  if (warningsDir) rmSync(warningsDir, { recursive: true, force: true });
});

/** Each chart by its label: the folder it is named from and its name there (stand-in copies exist once the suite started). */
const charts: [string, () => [cwd: string, chart: string]][] = [
  ...fixtures.map((d): [string, () => [string, string]] => [`fixture ${d}`, () => [FIXTURES, d]]),
  ['bundled aeterna as it is', () => [BUNDLED, 'aeterna']],
  ['bundled verta as it is', () => [BUNDLED, 'verta']],
  ['bundled aeterna with stand-ins', () => [dirname(copies.aeterna), basename(copies.aeterna)]],
  ['bundled verta with stand-ins', () => [dirname(copies.verta), basename(copies.verta)]],
  ...Object.keys(WARNING_CHARTS).map((name): [string, () => [string, string]] => [`warning chart ${name}`, () => [warningsDir, name]]),
];

describe.each(CLI_PROCESSES)('$label', (cliProcess) => {
  describe.each([
    { helm: '4.1.4', flag: ['--helm-version', '4'] },
    { helm: '4.1.4', flag: [] },
    { helm: '3.17.3', flag: ['--helm-version', '3'] },
  ])('chartroom template rel CHART $flag against helm $helm', ({ helm, flag }) => {
    test.each(charts)('%s', async (_label, where) => {
      const [cwd, chart] = where();
      const [h, ours] = await Promise.all([helmTemplate(chart, cwd, helm), runCliProcess(cliProcess, ['template', 'rel', chart, ...flag], { cwd })]);
      expect(ours.status).toBe(h.status);
      expect(withoutRandomKey(ours.stdout)).toBe(withoutRandomKey(h.stdout));
      expect(stableStderr(ours.stderr)).toBe(stableStderr(h.stderr));
    });
  });
});
