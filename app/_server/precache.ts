/**
 * The service worker's precache list for this build, read from disk when the build prerenders
 * `/sw.js` (by then `.next/static` holds every script the app can load). Server-only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { precacheManifest, type Precache } from '@/lib/offline';
import { bundledChartFiles, bundledChartNames } from './bundled-charts';

const STATIC_DIR = join(process.cwd(), '.next', 'static');
const PUBLIC_DIR = join(process.cwd(), 'public');
export const WORKER_CODE_FILE = join(process.cwd(), 'lib', 'offline', 'service-worker.js');

function files(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

const digest = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export function buildPrecache(): Precache {
  const charts = bundledChartNames();
  const publicFiles = files(PUBLIC_DIR).map((f) => `/${f}`);
  return precacheManifest({
    staticFiles: files(STATIC_DIR),
    urls: ['/', '/configure/local', '/configure/remote', ...charts.flatMap((c) => [`/configure/${c}`, `/charts/${c}/files.json`]), ...publicFiles.sort()],
    contentKeys: [
      digest(readFileSync(WORKER_CODE_FILE)),
      ...charts.map((c) => digest(JSON.stringify(bundledChartFiles(c)))),
      ...publicFiles.map((f) => digest(readFileSync(join(PUBLIC_DIR, f)))),
    ],
  });
}
