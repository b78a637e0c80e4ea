/**
 * The production HTTP server: Next.js's request handler behind one check of its own. Next.js
 * turns every request into a Fetch Request before proxy.ts runs, and the Fetch standard forbids
 * CONNECT, TRACE and TRACK: such a request made Next.js fail with 500 and a stack trace in the
 * log. They are refused here, as proxy.ts refuses every other method but GET and HEAD. The
 * build's scripts and styles are sent gzipped as they were when the server started
 * (precompressed.ts), not compressed again for each request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { precompressFiles, servePrecompressed, type PrecompressedFile } from './precompressed';
import { refusedMethodHeaders } from './security-headers';

/** Methods a Fetch Request cannot carry. */
const FORBIDDEN_BY_FETCH = new Set(['CONNECT', 'TRACE', 'TRACK']);

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** proxy.ts's answer to a refused method: 405, empty, with the security headers. */
const refusal = () => ({ ...refusedMethodHeaders(), 'Content-Length': '0' });

/**
 * An HTTP server that passes requests to `handle`, except those it must refuse itself and those
 * for a file of `precompressed`.
 */
export function createAppServer(handle: Handler, precompressed: ReadonlyMap<string, PrecompressedFile> = new Map()): Server {
  const server = createServer((req, res) => {
    if (FORBIDDEN_BY_FETCH.has(req.method ?? '')) {
      res.writeHead(405, refusal()).end();
      return;
    }
    if (servePrecompressed(precompressed, req, res)) return;
    void handle(req, res);
  });
  // Node hands CONNECT to this event instead (and closes the socket unanswered without a listener).
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    const headers = Object.entries({ ...refusal(), Connection: 'close' }).map(([n, v]) => `${n}: ${v}\r\n`);
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\n${headers.join('')}\r\n`);
  });
  return server;
}

/** Serves the production build in `dir` (run `next build` first) on `port`. */
export async function serveApp(dir: string, port: number, hostname?: string): Promise<Server> {
  const { default: next } = await import('next');
  const app = next({ dev: false, dir, port, hostname });
  await app.prepare();
  const server = createAppServer(app.getRequestHandler(), precompressFiles(dir));
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  return server;
}
