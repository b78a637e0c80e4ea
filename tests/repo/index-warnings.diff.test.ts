/**
 * A repository index with entries helm skips (an empty entry, versions that are not semantic
 * versions, no name, an unknown chart type) beside entries it keeps: `chartroom pull` with the
 * Helm version set warns about each skipped entry in helm's words and pulls what helm pulls.
 * helm then reads the index again from the copy it keeps in its cache folder and repeats each
 * warning naming that file; chartroom keeps no such copy, so it warns once, naming the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChartRepository, type ChartRepositoryServer } from '../servers/chart-repository';
import { chartroom, helm, helmHome, HELMS, listing } from './cli-helpers';

let repo: ChartRepositoryServer;
let url: string;

/** Entries helm skips, by what is wrong with them, and two it keeps (a leading `v`, another apiVersion). */
const SKIPPED: Record<string, string> = {
  empty: '  - null\n',
  'not-a-version': '  - apiVersion: v2\n    name: broken\n    version: not-a-version\n    urls: [x.tgz]\n',
  'empty-prerelease': '  - apiVersion: v2\n    name: broken\n    version: 1.0.0-\n    urls: [x.tgz]\n',
  'no-name': '  - apiVersion: v2\n    version: 1.0.0\n    urls: [x.tgz]\n',
  'bad-type': '  - apiVersion: v2\n    name: broken\n    version: 1.0.0\n    type: plugin\n    urls: [x.tgz]\n',
  'leading-v': '  - apiVersion: v2\n    name: kept\n    version: v1.2.3\n    urls: [x.tgz]\n',
  'other-api-version': '  - apiVersion: v9\n    name: kept\n    version: 1.0.0\n    urls: [x.tgz]\n',
};

beforeAll(async () => {
  repo = await startChartRepository();
  const dir = join(repo.root, 'skips');
  mkdirSync(dir);
  const archive = repo.archives['greeter-1.0.0'];
  copyFileSync(archive, join(dir, 'greeter-1.0.0.tgz'));
  const digest = createHash('sha256').update(readFileSync(archive)).digest('hex');
  let index = 'apiVersion: v1\nentries:\n';
  index += `  greeter:\n  - apiVersion: v2\n    name: greeter\n    version: 1.0.0\n    digest: ${digest}\n    urls: [greeter-1.0.0.tgz]\n`;
  for (const [name, entry] of Object.entries(SKIPPED)) index += `  ${name}:\n${entry}`;
  writeFileSync(join(dir, 'index.yaml'), `${index}generated: "2026-01-01T00:00:00Z"\n`);
  url = `${repo.origin}/skips`;
});
afterAll(async () => {
  await repo?.close();
});

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((i) => !test(i))];
}

describe.each(HELMS)('against helm %s', (helmRelease) => {
  it('warns about each skipped index entry as helm does, and pulls the valid one', async () => {
    const { env } = helmHome();
    const [a, b] = [mkdtempSync(join(tmpdir(), 'chartroom-skips-')), mkdtempSync(join(tmpdir(), 'chartroom-skips-'))];
    const h = await helm(helmRelease, ['pull', 'greeter', '--repo', url, '-d', a], env);
    expect(h.status, h.stderr).toBe(0);
    expect(h.stderr).not.toBe('');
    const ours = await chartroom(['pull', 'greeter', '--repo', url, '-d', b, '--helm-version', helmRelease.startsWith('3') ? '3' : '4']);
    const [fromCache, fromUrl] = partition(h.stderr.split('\n'), (line) => line.includes(env.HELM_CACHE_HOME));
    expect(fromCache).toHaveLength(Object.keys(SKIPPED).length - 2);
    expect(ours.stderr.split('\n').sort()).toEqual(fromUrl.sort());
    expect(ours.status).toBe(0);
    expect(listing(b)).toEqual(listing(a));
  });
});
