import { describe, expect, it } from 'vitest';
import { precacheManifest, serviceWorkerScript, type PrecacheInput } from './precache';

const build: PrecacheInput = {
  staticFiles: ['chunks/b.js', 'chunks/a.js', 'media/codicon.ttf', 'chunks/a.js.map'],
  urls: ['/', '/configure/aeterna', '/charts/aeterna/files.json'],
  contentKeys: ['worker-code-1', 'chart-aeterna-1'],
};

describe('precacheManifest', () => {
  const precache = precacheManifest(build);

  it('lists the pages first, then the static files as served, without source maps', () => {
    expect(precache.urls).toEqual(['/', '/configure/aeterna', '/charts/aeterna/files.json', '/_next/static/chunks/a.js', '/_next/static/chunks/b.js', '/_next/static/media/codicon.ttf']);
  });

  it('the same build has the same version, whatever order the files were listed in', () => {
    expect(precacheManifest({ ...build, staticFiles: [...build.staticFiles].reverse() }).version).toBe(precache.version);
    expect(precache.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each<[string, Partial<PrecacheInput>]>([
    ['a new script', { staticFiles: [...build.staticFiles, 'chunks/c.js'] }],
    ['a new page', { urls: [...build.urls, '/configure/verta'] }],
    ['changed chart data or worker code', { contentKeys: ['worker-code-1', 'chart-aeterna-2'] }],
  ])('%s is a new version', (_name, change) => {
    expect(precacheManifest({ ...build, ...change }).version).not.toBe(precache.version);
  });
});

describe('serviceWorkerScript', () => {
  it('declares the precache list before the worker code, and its version differs with it', () => {
    const precache = precacheManifest(build);
    const script = serviceWorkerScript(precache, 'const CACHE = `chartroom-${PRECACHE.version}`;');
    const declared = new Function(`${script}; return [PRECACHE, CACHE];`)() as [unknown, string];
    expect(declared).toEqual([precache, `chartroom-${precache.version}`]);
    expect(serviceWorkerScript(precacheManifest({ ...build, staticFiles: ['chunks/z.js'] }), '')).not.toBe(serviceWorkerScript(precache, ''));
  });
});
