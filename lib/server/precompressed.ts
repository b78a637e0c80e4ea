/**
 * The build's scripts and styles, gzipped once when the server starts. Next.js's server
 * compresses each response as it sends it: about 50 ms of the server's one thread for the
 * scripts of a first visit to a configurator page (13 requests, measured against the same
 * requests uncompressed), spent while the page and its render worker wait for them. These
 * files are named by their content and never change while a build is served, so each is
 * compressed once, before the first request, and sent as it is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentSecurityPolicy, FIXED_SECURITY_HEADERS } from './security-headers';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
};

/** What Next.js sends with its hashed files (and next.config.mjs with the render worker's). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface PrecompressedFile {
  type: string;
  gzip: Buffer;
}

/** The folders served as they are, by URL prefix: Next.js's hashed files and the render worker's build. */
const FOLDERS: readonly (readonly [string, string[]])[] = [
  ['/_next/static/', ['.next', 'static']],
  ['/engine/', ['public', 'engine']],
];

function addFolder(dir: string, urlPrefix: string, into: Map<string, PrecompressedFile>): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) addFolder(path, `${urlPrefix}${name}/`, into);
    else if (TYPES[extname(name)]) into.set(`${urlPrefix}${name}`, { type: TYPES[extname(name)], gzip: gzipSync(readFileSync(path), { level: 9 }) });
  }
}

/** The scripts and styles of the build in `root`, gzipped, by URL path. */
export function precompressFiles(root: string): Map<string, PrecompressedFile> {
  const files = new Map<string, PrecompressedFile>();
  for (const [prefix, folder] of FOLDERS) addFolder(join(root, ...folder), prefix, files);
  return files;
}

/** Whether an Accept-Encoding header takes gzip (named, or `*`, without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  const codings = new Map(
    (header ?? '').split(',').map((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return [coding.trim(), q === undefined ? 1 : Number(q)] as const;
    }),
  );
  return (codings.get('gzip') ?? codings.get('*') ?? 0) > 0;
}

/**
 * Answers a GET or HEAD of a precompressed file, with the headers the proxy puts on every
 * response, and says so; anything else (another file, no gzip, a range) is left to Next.js.
 */
export function servePrecompressed(files: ReadonlyMap<string, PrecompressedFile>, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.range) return false;
  const file = files.get((req.url ?? '').split('?')[0]);
  if (!file || !acceptsGzip(req.headers['accept-encoding'])) return false;
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Encoding': 'gzip',
    'Content-Length': String(file.gzip.length),
    Vary: 'Accept-Encoding',
    'Cache-Control': IMMUTABLE,
    'Content-Security-Policy': contentSecurityPolicy(),
    ...FIXED_SECURITY_HEADERS,
  });
  res.end(req.method === 'HEAD' ? undefined : file.gzip);
  return true;
}
