/**
 * What the service worker keeps for offline use, and the version that names its cache. The
 * version changes whenever anything it caches or its own code changes, so a new build installs
 * a new worker (browsers compare the worker script byte for byte) and drops the old cache.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export interface PrecacheInput {
  /** Files of the build's static folder (`.next/static`), relative to it, `/`-separated. */
  staticFiles: string[];
  /** Pages and other URLs whose content is not named by a hash (the HTML, the charts' JSON). */
  urls: string[];
  /** Whatever else the cached content depends on (the bundled charts, the worker's code). */
  contentKeys: string[];
}

export interface Precache {
  version: string;
  urls: string[];
}

// Source maps are for debugging; the legacy build's files never load in a browser that has service workers.
const SKIP = /\.map$/;

export function precacheManifest({ staticFiles, urls, contentKeys }: PrecacheInput): Precache {
  const all = [...urls, ...staticFiles.filter((f) => !SKIP.test(f)).sort().map((f) => `/_next/static/${f}`)];
  const version = bytesToHex(sha256(utf8ToBytes(JSON.stringify([all, contentKeys])))).slice(0, 16);
  return { version, urls: all };
}

/** The service worker script: its precache list, then its code. */
export function serviceWorkerScript(precache: Precache, code: string): string {
  return `// Generated at build time: the app's files for offline use (version ${precache.version}).\nconst PRECACHE = ${JSON.stringify(precache)};\n\n${code}`;
}

/** Served instead under `next dev`: removes a worker left by a production build on the same port. */
export const UNREGISTER_SCRIPT = `// Development server: no offline cache. Removes a worker a production build installed here.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('chartroom-')) await caches.delete(key);
    await self.registration.unregister();
    // Pages it served may hold its cached scripts: load them again from the development server.
    for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url).catch(() => undefined);
  })());
});
`;
