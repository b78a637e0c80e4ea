/**
 * apiVersion v3 charts where the chart-level scenarios cannot compare them: helm 4.1.4 panics on
 * a v3 chart that names more dependencies than charts/ holds (chartroom names the panic in a
 * one-line error instead of a Go stack trace), and v3 charts given as archives, which go through
 * the archive loader. Helm 3.17.3 reads the same charts as v2 charts; both helms are run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartroom, helm, helmHome, HELMS } from '../repo/cli-helpers';

const CASES = resolve(__dirname, 'charts/install-checks');
const flag = (release: string) => (release.startsWith('3') ? '3' : '4');

/** The chart folder `name` of install-checks as a .tgz, the way an archive of it holds it (`name/...`). */
function archive(name: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'chartroom-v3-')), `${name}-0.1.0.tgz`);
  execFileSync('tar', ['-czf', file, '-C', CASES, name]);
  return file;
}

describe('a v3 chart naming a dependency with nothing in charts/', () => {
  it('helm 4.1.4 panics; chartroom in Helm 4 mode fails naming the panic in one line', async () => {
    const h = await helm('4.1.4', ['template', 'r', join(CASES, 'no-subcharts')], helmHome().env);
    expect(h.status).toBe(2);
    const panic = 'panic: runtime error: index out of range [0] with length 0';
    expect(h.stderr.split('\n')[0]).toBe(panic);
    const ours = await chartroom(['template', 'r', join(CASES, 'no-subcharts'), '--helm-version', '4']);
    expect(ours.status).toBe(1);
    expect(ours.stdout).toBe('');
    expect(ours.stderr).toBe(`Error: helm 4.1.4 stops with "${panic}" on this chart: it is apiVersion v3 and its Chart.yaml names 1 dependencies where charts/ has 0\n`);
  });

  it('helm 3.17.3 reports the missing dependency; so does chartroom in Helm 3 mode', async () => {
    const h = await helm('3.17.3', ['template', 'r', join(CASES, 'no-subcharts')], helmHome().env);
    expect(h.status).toBe(1);
    const ours = await chartroom(['template', 'r', join(CASES, 'no-subcharts'), '--helm-version', '3']);
    expect(ours.status).toBe(1);
    expect(ours.stderr).toBe(h.stderr);
  });
});

describe.each(HELMS)('v3 charts as archives against helm %s', (release) => {
  it.each(['dependencies-present', 'dependency-missing', 'undeclared-subchart', 'requirements', 'deprecated', 'requirements-v2'])('%s: what helm template prints', async (name) => {
    const tgz = archive(name);
    const h = await helm(release, ['template', 'r', tgz], helmHome().env);
    const ours = await chartroom(['template', 'r', tgz, '--helm-version', flag(release)]);
    expect({ status: ours.status, stdout: ours.stdout, stderr: ours.stderr }).toEqual({ status: h.status, stdout: h.stdout, stderr: h.stderr });
  });
});
