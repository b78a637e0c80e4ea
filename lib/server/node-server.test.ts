import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { createAppServer } from './node-server';

/** The requests the app's handler saw. */
const handled: string[] = [];
let server: Server;
let port: number;

beforeAll(async () => {
  server = createAppServer(async (req, res) => {
    handled.push(`${req.method} ${req.url}`);
    res.end('from the app');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function send(method: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/charts/aeterna/files.json' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the production server', () => {
  test.each(['TRACE', 'TRACK'])('refuses %s itself, as the proxy refuses other methods', async (method) => {
    const before = handled.length;
    const r = await send(method);
    // Node's parser does not know TRACK and answers 400 without reaching the server's code.
    expect(r.status).toBe(method === 'TRACK' ? 400 : 405);
    expect(r.body).toBe('');
    if (method === 'TRACE') {
      expect(r.headers.allow).toBe('GET, HEAD');
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(handled.length).toBe(before);
  });

  test('refuses CONNECT with 405 and closes the connection', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(answer).toContain('Allow: GET, HEAD\r\n');
    expect(answer).toContain('X-Frame-Options: DENY\r\n');
    expect(answer.endsWith('\r\n\r\n')).toBe(true);
  });

  test('passes every other method to the app', async () => {
    for (const method of ['GET', 'HEAD', 'POST', 'OPTIONS']) {
      const r = await send(method);
      expect(r.status, method).toBe(200);
    }
    expect(handled.slice(-4)).toEqual(['GET', 'HEAD', 'POST', 'OPTIONS'].map((m) => `${m} /charts/aeterna/files.json`));
  });
});
