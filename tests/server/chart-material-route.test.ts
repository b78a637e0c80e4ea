/** The app's chart material route, called as Next.js calls it, against a local server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET, HEAD } from '@/app/api/chart-material/route';

let server: Server;
let hits = 0;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    if (req.url === '/index.yaml') res.writeHead(200, { 'content-type': 'text/yaml' }).end('apiVersion: v1\nentries: {}\n');
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
afterEach(() => {
  delete process.env.CHARTROOM_FETCH_ALLOW_LOCAL;
});

const call = (url: string) => GET(new Request(`http://app.test/api/chart-material?url=${encodeURIComponent(url)}`));

describe('GET /api/chart-material', () => {
  it('refuses local addresses and http by default', async () => {
    const res = await call('https://127.0.0.1/index.yaml');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: 'https://127.0.0.1/index.yaml refused: 127.0.0.1 is 127.0.0.1, a loopback address' });
    expect((await call(`${base}/index.yaml`)).status).toBe(400);
    expect(hits).toBe(0);
  });

  it('serves local material when tests allow it, once per URL from its cache', async () => {
    process.env.CHARTROOM_FETCH_ALLOW_LOCAL = '1';
    const first = await call(`${base}/index.yaml`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/yaml');
    expect(first.headers.get('x-chartroom-url')).toBe(`${base}/index.yaml`);
    expect(await first.text()).toBe('apiVersion: v1\nentries: {}\n');
    expect(await (await call(`${base}/index.yaml`)).text()).toBe('apiVersion: v1\nentries: {}\n');
    expect(hits).toBe(1);
    const missing = await call(`${base}/nope.yaml`);
    expect([missing.status, (await missing.json()).error]).toEqual([404, `${base}/nope.yaml answered 404 Not Found`]);
  });

  it('answers GET only, and needs a url', async () => {
    expect(HEAD().status).toBe(405);
    expect((await GET(new Request('http://app.test/api/chart-material'))).status).toBe(400);
  });
});
