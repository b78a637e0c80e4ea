/**
 * The reference side of every differential test: runs the real helm binary on fixture charts.
 *
 * `helm template` trims each document and drops empty ones, which would hide whitespace
 * differences, so {@link referenceExecute} wraps each case in a `define` and prints it through
 * `include | toJson`: the JSON string holds the template's exact output, byte for byte.
 * Results are cached on disk by input hash (helm is deterministic for these inputs), which keeps
 * repeated runs fast; the cache is keyed by helm version, so it never goes stale.
 *
 * Which helm is the reference comes from `CHARTROOM_REFERENCE_HELM` (`4.1` or `3.17`, default
 * 4.1): vitest runs every differential suite once per helm (see vitest.config.ts), and each suite
 * renders its chartroom side with {@link REFERENCE.setting} so both sides follow the same rules.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_HELM_VERSION, HELM_RELEASE, parseHelmVersion, type HelmVersion } from '../../lib/helm/version';

function referenceFromEnv(): { setting: HelmVersion; release: string } {
  const env = process.env.CHARTROOM_REFERENCE_HELM;
  const setting = env ? parseHelmVersion(env) : DEFAULT_HELM_VERSION;
  if (!setting) throw new Error(`CHARTROOM_REFERENCE_HELM=${env}: use 4.1 or 3.17`);
  return { setting, release: HELM_RELEASE[setting] };
}

/** The helm this run compares against: chartroom's setting and the exact helm release. */
export const REFERENCE = referenceFromEnv();
/** The reference helm's release, e.g. `4.1.4`. */
export const REFERENCE_HELM_VERSION = REFERENCE.release;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = (version: string) => join(root, '.cache', 'helm-results', version);

export function helmBin(version = REFERENCE_HELM_VERSION): string {
  const bin = join(root, '.cache', 'helm', version, 'helm');
  if (!existsSync(bin)) execFileSync(process.execPath, [join(root, 'scripts/fetch-helm.mjs'), '--all']);
  return bin;
}

export interface HelmRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** The status of a helm run stopped by its timeout: no answer, never cached. */
export const TIMED_OUT = -1;

/** Runs helm with the given arguments (async, so suites can run several at once); `env` adds to helm's environment (e.g. its own HELM_CONFIG_HOME). */
export function runHelm(args: string[], opts: { cwd?: string; version?: string; timeoutMs?: number; env?: Record<string, string> } = {}): Promise<HelmRun> {
  return new Promise((res) => {
    execFile(
      helmBin(opts.version),
      args,
      { cwd: opts.cwd, timeout: opts.timeoutMs, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, HELM_CACHE_HOME: join(root, '.cache/helm-home/cache'), HELM_CONFIG_HOME: join(root, '.cache/helm-home/config'), HELM_DATA_HOME: join(root, '.cache/helm-home/data'), ...opts.env } },
      (err, stdout, stderr) => {
        if (err?.killed) return res({ status: TIMED_OUT, stdout: String(stdout), stderr: 'helm timed out' });
        const status = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        res({ status, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Files of a chart, by path relative to the chart root. */
export type ChartFiles = Record<string, string | Uint8Array>;

/** Writes a chart to a fresh temporary directory and returns its path. */
export function writeChart(files: ChartFiles, name = 'fixture'): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'chartroom-ref-')), name);
  for (const [path, content] of Object.entries(files)) {
    const p = join(dir, path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

export function removeChart(dir: string): void {
  rmSync(dirname(dir), { recursive: true, force: true });
}

function hash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

function cached<T>(key: string, compute: () => Promise<T>, version = REFERENCE_HELM_VERSION, keep: (v: T) => boolean = () => true): Promise<T> {
  const file = join(cacheDir(version), `${key}.json`);
  if (existsSync(file)) return Promise.resolve(JSON.parse(readFileSync(file, 'utf8')) as T);
  return compute().then((v) => {
    if (!keep(v)) return v;
    mkdirSync(cacheDir(version), { recursive: true });
    writeFileSync(file, JSON.stringify(v));
    return v;
  });
}

/** The result of rendering through helm: exact output, or helm's error text (without `Error: `). */
export type ReferenceResult = { ok: true; output: string } | { ok: false; error: string; inner?: string };

export interface TemplateCase {
  /** The template text, executed with Helm's top-level object as `.`. */
  template: string;
  /** values.yaml of the fixture chart. */
  values?: string;
  /** Extra `helm template` flags, e.g. `['--set', 'a=1']`. */
  args?: string[];
  /** Extra chart files (e.g. `templates/_helpers.tpl`, `files/x.txt`). */
  files?: ChartFiles;
}

const CHART_YAML = 'apiVersion: v2\nname: fixture\nversion: 0.1.0\nappVersion: "1.0"\n';

/**
 * Renders each template as text/template would inside Helm, returning its exact output bytes.
 * Cases that share values/args/files are rendered in one helm process; if that batch fails,
 * each of its cases is rendered alone so each gets its own error.
 */
export async function referenceExecute(cases: TemplateCase[]): Promise<ReferenceResult[]> {
  const results: ReferenceResult[] = new Array(cases.length);
  const groups = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const k = hash([c.values ?? '', c.args ?? [], c.files ?? {}]);
    groups.set(k, [...(groups.get(k) ?? []), i]);
  });
  await Promise.all(
    [...groups.values()].map(async (idx) => {
      const batch = await renderBatch(idx.map((i) => cases[i]));
      if (batch) idx.forEach((i, j) => (results[i] = batch[j]));
      else await Promise.all(idx.map(async (i) => (results[i] = (await renderBatch([cases[i]]))![0])));
    }),
  );
  return results;
}

async function renderBatch(cases: TemplateCase[]): Promise<ReferenceResult[] | null> {
  const key = hash(['batch-v1', cases]);
  const out = await cached(key, async () => {
    const first = cases[0];
    const files: ChartFiles = { 'Chart.yaml': CHART_YAML, 'values.yaml': first.values ?? '', ...(first.files ?? {}) };
    let runner = '';
    cases.forEach((c, i) => {
      // No trim markers here: they would eat the case's own leading/trailing whitespace.
      files[`templates/_case${i}.tpl`] = `{{ define "case${i}" }}${c.template}{{ end }}`;
      runner += `case${i}: {{ include "case${i}" . | toJson }}\n`;
    });
    files['templates/zz-cases.yaml'] = runner;
    const dir = writeChart(files);
    try {
      const r = await runHelm(['template', 'release-name', dir, '--show-only', 'templates/zz-cases.yaml', ...(first.args ?? [])]);
      return r;
    } finally {
      removeChart(dir);
    }
  });
  if (out.status !== 0) {
    if (cases.length > 1) return null;
    const error = out.stderr.replace(/^Error: /, '').replace(/\n\nUse --debug flag to render out invalid YAML\n?$/, '').trimEnd();
    // The case ran inside `include "caseN"`: its own error is what follows `error calling include: `
    // (Helm 4 lays a chain of template errors out as blocks: the case's follow on the next line).
    const m = /error calling include:[ \n]([\s\S]*)$/.exec(error);
    return [{ ok: false, error, inner: m ? m[1] : undefined }];
  }
  const body = out.stdout.replace(/^---\n# Source: [^\n]*\n/, '');
  return cases.map((_, i) => {
    const m = new RegExp(`^case${i}: (.*)$`, 'm').exec(body);
    if (!m) throw new Error(`reference output lacks case${i}:\n${out.stdout.slice(0, 2000)}`);
    return { ok: true, output: JSON.parse(m[1]) as string };
  });
}

/** Runs `helm template` on a chart directory; output is the full stdout as helm prints it. */
export async function referenceTemplate(chartDir: string, args: string[] = [], release = 'release-name'): Promise<ReferenceResult> {
  const r = await runHelm(['template', release, chartDir, ...args]);
  return r.status === 0 ? { ok: true, output: r.stdout } : { ok: false, error: r.stderr.replace(/^Error: /, '').trimEnd() };
}

/** Points at the first line where two outputs differ, for readable failures. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      return `line ${i + 1}:\n  helm:      ${JSON.stringify(e[i])}\n  chartroom: ${JSON.stringify(a[i])}`;
    }
  }
  return 'outputs differ only in length';
}

/**
 * The files `helm package` puts in the archive of a chart folder (paths relative to the chart
 * root), or helm's error when it refuses the chart. Cached by the chart's files.
 */
export async function referencePackageListing(files: ChartFiles): Promise<{ ok: true; names: string[] } | { ok: false; error: string }> {
  const r = await cached(hash(['package-v1', files]), async () => {
    const dir = writeChart(files);
    const dest = dirname(dir);
    try {
      const p = await runHelm(['package', dir, '-d', dest]);
      if (p.status !== 0) return { status: p.status, stdout: '', stderr: p.stderr };
      const tgz = join(dest, execFileSync('ls', [dest]).toString().split('\n').find((n) => n.endsWith('.tgz'))!);
      const list = execFileSync('tar', ['--quoting-style=literal', '-tzf', tgz], { maxBuffer: 64 * 1024 * 1024 }).toString();
      return { status: 0, stdout: list, stderr: '' };
    } finally {
      removeChart(dir);
    }
  });
  if (r.status !== 0) return { ok: false, error: r.stderr.replace(/^Error: /, '').trimEnd() };
  const names = r.stdout
    .split('\n')
    .filter((l) => l !== '' && !l.endsWith('/'))
    .map((l) => l.slice(l.indexOf('/') + 1));
  return { ok: true, names: names.sort() };
}

/** `helm template release-name CHART ARGS` on a chart given by its files, cached by files, flags and helm version. */
export function cachedHelmTemplate(files: ChartFiles, args: string[] = [], opts: { version?: string; timeoutMs?: number } = {}): Promise<HelmRun> {
  const version = opts.version ?? REFERENCE_HELM_VERSION;
  return cached(
    hash(['template-files-v1', files, args]),
    async () => {
      const dir = writeChart(files);
      try {
        return await runHelm(['template', 'release-name', dir, ...args], { version, timeoutMs: opts.timeoutMs });
      } finally {
        removeChart(dir);
      }
    },
    version,
    (r) => r.status !== TIMED_OUT,
  );
}

/** {@link referenceTemplate} on a chart given by its files, cached by files, flags and helm version. */
export async function referenceTemplateFiles(files: ChartFiles, args: string[] = [], version = REFERENCE_HELM_VERSION): Promise<ReferenceResult> {
  const r = await cachedHelmTemplate(files, args, { version });
  return r.status === 0 ? { ok: true, output: r.stdout } : { ok: false, error: r.stderr.replace(/^Error: /, '').trimEnd() };
}
