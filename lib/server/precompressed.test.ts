import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createAppServer } from './node-server';
import { acceptsGzip, precompressFiles } from './precompressed';

const SCRIPT = 'self.x = 1;\n'.repeat(100);
let root: string;
let server: Server;
let port: number;
const handled: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'chartroom-precompressed-'));
  mkdirSync(join(root, '.next', 'static', 'chunks'), { recursive: true });
  mkdirSync(join(root, 'public', 'engine'), { recursive: true });
  writeFileSync(join(root, '.next', 'static', 'chunks', 'a1.js'), SCRIPT);
  writeFileSync(join(root, '.next', 'static', 'chunks', 'b2.css'), 'body{}');
  writeFileSync(join(root, '.next', 'static', 'chunks', 'font.ttf'), 'not text');
  writeFileSync(join(root, 'public', 'engine', 'render.worker-X.js'), SCRIPT);
  server = createAppServer(async (req, res) => {
    handled.push(`${req.method} ${req.url}`);
    res.end('from the app');
  }, precompressFiles(root));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(root, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('precompressed files', () => {
  test.each([
    ['/_next/static/chunks/a1.js', 'application/javascript; charset=UTF-8'],
    ['/_next/static/chunks/a1.js?dpl=1', 'application/javascript; charset=UTF-8'],
    ['/_next/static/chunks/b2.css', 'text/css; charset=UTF-8'],
    ['/engine/render.worker-X.js', 'application/javascript; charset=UTF-8'],
  ])('%s is sent gzipped by the server, with the security headers', async (path, type) => {
    const before = handled.length;
    const r = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(r.headers['content-security-policy']).toContain("worker-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(gunzipSync(r.body).toString()).toBe(path.endsWith('.css') ? 'body{}' : SCRIPT);
    expect(handled.length).toBe(before);
  });

  test('HEAD gets the headers without a body', async () => {
    const r = await get('/engine/render.worker-X.js', { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(r.status).toBe(200);
    expect(Number(r.headers['content-length'])).toBeGreaterThan(0);
    expect(r.body.length).toBe(0);
  });

  test.each([
    ['a client that takes no gzip', '/_next/static/chunks/a1.js', { 'accept-encoding': 'identity' }],
    ['a client that sends no Accept-Encoding', '/_next/static/chunks/a1.js', {}],
    ['a range', '/_next/static/chunks/a1.js', { 'accept-encoding': 'gzip', range: 'bytes=0-9' }],
    ['a file that is not a script or a style', '/_next/static/chunks/font.ttf', { 'accept-encoding': 'gzip' }],
    ['a file of no build', '/_next/static/chunks/missing.js', { 'accept-encoding': 'gzip' }],
    ['a page', '/configure/aeterna', { 'accept-encoding': 'gzip' }],
  ])('%s is left to the app', async (_, path, headers) => {
    const r = await get(path, headers);
    expect(r.body.toString()).toBe('from the app');
    expect(handled.at(-1)).toBe(`GET ${path}`);
  });

  test.each([
    ['gzip', true],
    ['br, gzip;q=0.8', true],
    ['*', true],
    ['gzip;q=0', false],
    ['br, *;q=0', false],
    ['deflate', false],
    ['', false],
  ])('Accept-Encoding %j takes gzip: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
