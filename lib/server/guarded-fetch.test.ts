/** The chart material fetch against real HTTP servers on 127.0.0.1. */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchMaterial, MAX_REDIRECTS, MaterialFetchError, type FetchPolicy } from './guarded-fetch';
import { addressRefusal } from './public-address';

type Handler = (res: ServerResponse, headers: IncomingHttpHeaders) => void;
const routes = new Map<string, Handler>();
const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let port = 0;
let base = '';
let bytesSent = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const handler = routes.get(req.url ?? '');
    if (handler) handler(res, req.headers);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen.length = 0;
  routes.clear();
  bytesSent = 0;
});

// The test server is on loopback: this rule lets exactly it through and applies the real rule
// to every other address.
const onlyTestServer = (a: string) => (a === '127.0.0.1' ? null : addressRefusal(a));
const policy = (extra: Partial<FetchPolicy> = {}): FetchPolicy => ({ allowHttp: true, refusal: onlyTestServer, timeoutMs: 10_000, ...extra });

async function failure(p: Promise<unknown>): Promise<MaterialFetchError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(MaterialFetchError);
  return e as MaterialFetchError;
}

const INDEX = 'apiVersion: v1\nentries: {}\n';
const serveIndex: Handler = (res) => res.writeHead(200, { 'content-type': 'application/x-yaml' }).end(INDEX);

/** Streams `total` bytes in 64 KiB chunks, counting what the socket took. */
function streamBytes(total: number, type: string): Handler {
  return (res) => {
    res.writeHead(200, { 'content-type': type });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const write = () => {
      while (bytesSent < total) {
        bytesSent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', write);
      }
      res.end();
    };
    res.on('close', () => res.removeAllListeners('drain'));
    write();
  };
}

describe('fetchMaterial', () => {
  it('fetches an index and sends nothing of the page: no cookies, no credentials', async () => {
    routes.set('/index.yaml', serveIndex);
    const m = await fetchMaterial(`${base}/index.yaml`, null, policy());
    expect(new TextDecoder().decode(m.body)).toBe(INDEX);
    expect(m.url).toBe(`${base}/index.yaml`);
    expect(Object.keys(seen[0].headers).sort()).toEqual(['accept', 'accept-encoding', 'connection', 'host', 'user-agent']);
  });

  it('refuses URLs with credentials, and http unless tests allow it', async () => {
    expect((await failure(fetchMaterial(`http://u:p@127.0.0.1:${port}/index.yaml`, null, policy()))).message).toContain('URLs with credentials');
    const e = await failure(fetchMaterial(`${base}/index.yaml`, null, policy({ allowHttp: false })));
    expect([e.status, e.message]).toEqual([400, `${base}/index.yaml: only https URLs are fetched`]);
    expect((await failure(fetchMaterial('ftp://example.com/x', null, policy()))).status).toBe(400);
    expect(seen).toHaveLength(0);
  });

  it('refuses a loopback address under the real rule without connecting', async () => {
    routes.set('/index.yaml', serveIndex);
    const e = await failure(fetchMaterial(`${base}/index.yaml`, null, policy({ refusal: addressRefusal })));
    expect([e.status, e.message]).toEqual([403, `${base}/index.yaml refused: 127.0.0.1 is 127.0.0.1, a loopback address`]);
    expect(seen).toHaveLength(0);
  });

  it.each([
    [['10.0.0.7'], '10.0.0.7, a private address'],
    [['169.254.169.254'], '169.254.169.254, a link-local address (cloud metadata lives there)'],
    [['::ffff:127.0.0.1'], '::ffff:127.0.0.1, a loopback address (inside an IPv6 address)'],
    [['8.8.8.8', 'fd12::1'], 'fd12::1, a private (unique local) address'],
  ])('refuses a name that resolves to %j', async (addresses, why) => {
    const e = await failure(fetchMaterial('https://charts.example.test/index.yaml', null, policy({ resolve: async () => addresses })));
    expect([e.status, e.message]).toEqual([403, `https://charts.example.test/index.yaml refused: charts.example.test is ${why}`]);
  });

  it('connects to the address it checked, whatever DNS answers next (rebinding)', async () => {
    routes.set('/index.yaml', serveIndex);
    const answers = [['127.0.0.1'], ['10.9.9.9']];
    let lookups = 0;
    const m = await fetchMaterial(`http://rebind.example.test:${port}/index.yaml`, null, policy({ resolve: async () => answers[lookups++] }));
    expect(new TextDecoder().decode(m.body)).toBe(INDEX);
    expect(lookups).toBe(1);
    expect(seen[0].headers.host).toBe(`rebind.example.test:${port}`);
  });

  it('follows redirects, relative ones too, and checks every hop', async () => {
    routes.set('/a', (res) => res.writeHead(302, { location: '/b' }).end());
    routes.set('/b', (res) => res.writeHead(301, { location: `${base}/index.yaml` }).end());
    routes.set('/index.yaml', serveIndex);
    const m = await fetchMaterial(`${base}/a`, null, policy());
    expect(m.url).toBe(`${base}/index.yaml`);
    expect(seen.map((s) => s.path)).toEqual(['/a', '/b', '/index.yaml']);

    routes.set('/to-metadata', (res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end());
    const e = await failure(fetchMaterial(`${base}/to-metadata`, null, policy()));
    expect([e.status, e.message]).toEqual([403, 'http://169.254.169.254/latest/meta-data/ refused: 169.254.169.254 is 169.254.169.254, a link-local address (cloud metadata lives there)']);

    routes.set('/to-private-name', (res) => res.writeHead(307, { location: 'http://internal.example.test/' }).end());
    const resolve = async (host: string) => (host === 'internal.example.test' ? ['192.168.0.10'] : ['127.0.0.1']);
    expect((await failure(fetchMaterial(`${base}/to-private-name`, null, policy({ resolve })))).status).toBe(403);
  });

  it('stops redirect loops and long chains', async () => {
    routes.set('/loop1', (res) => res.writeHead(302, { location: '/loop2' }).end());
    routes.set('/loop2', (res) => res.writeHead(302, { location: '/loop1' }).end());
    expect((await failure(fetchMaterial(`${base}/loop1`, null, policy()))).message).toBe(`${base}/loop1: redirect loop at ${base}/loop1`);
    for (let i = 0; i <= MAX_REDIRECTS + 1; i++) routes.set(`/hop${i}`, (res) => res.writeHead(302, { location: `/hop${i + 1}` }).end());
    expect((await failure(fetchMaterial(`${base}/hop0`, null, policy()))).message).toBe(`${base}/hop0: more than ${MAX_REDIRECTS} redirects`);
    expect(seen.filter((s) => s.path.startsWith('/hop'))).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('names the URL of a failed answer', async () => {
    const e = await failure(fetchMaterial(`${base}/missing.yaml`, null, policy()));
    expect([e.status, e.message]).toEqual([404, `${base}/missing.yaml answered 404 Not Found`]);
  });

  it('refuses what is not chart material (an HTML page)', async () => {
    routes.set('/login', (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html></html>'));
    expect((await failure(fetchMaterial(`${base}/login`, null, policy()))).message).toBe(`${base}/login answered text/html, which is not chart material`);
  });

  it('stops reading an index past 20 MB while it streams', async () => {
    const total = 40 * 1024 * 1024;
    routes.set('/huge.yaml', streamBytes(total, 'text/yaml'));
    const e = await failure(fetchMaterial(`${base}/huge.yaml`, null, policy()));
    expect([e.status, e.message]).toEqual([413, `${base}/huge.yaml is larger than 20 MB`]);
    expect(bytesSent).toBeLessThan(total);
  });

  it('allows archives up to 50 MB and refuses larger ones, also when Content-Length says so', async () => {
    routes.set('/big.tgz', streamBytes(45 * 1024 * 1024, 'application/gzip'));
    expect((await fetchMaterial(`${base}/big.tgz`, null, policy())).body.length).toBe(45 * 1024 * 1024);
    routes.set('/declared.tgz', (res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(60 * 1024 * 1024) });
      res.write('x');
    });
    expect((await failure(fetchMaterial(`${base}/declared.tgz`, null, policy()))).message).toBe(`${base}/declared.tgz is larger than 50 MB`);
  });

  it('caps the decompressed size of a compressed answer', async () => {
    routes.set('/index.yaml', (res) => res.writeHead(200, { 'content-type': 'text/yaml', 'content-encoding': 'gzip' }).end(gzipSync(INDEX)));
    expect(new TextDecoder().decode((await fetchMaterial(`${base}/index.yaml`, null, policy())).body)).toBe(INDEX);
    const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024));
    routes.set('/bomb.yaml', (res) => res.writeHead(200, { 'content-type': 'text/yaml', 'content-encoding': 'gzip' }).end(bomb));
    expect((await failure(fetchMaterial(`${base}/bomb.yaml`, null, policy()))).status).toBe(413);
  });

  it('gives up after its time limit', async () => {
    routes.set('/slow', () => undefined);
    const e = await failure(fetchMaterial(`${base}/slow`, null, policy({ timeoutMs: 300 })));
    expect([e.status, e.message]).toEqual([504, `${base}/slow: no complete answer within 0.3 s`]);
  });

  it("answers a registry's bearer challenge with an anonymous token, sent to that host only", async () => {
    const manifest = JSON.stringify({ schemaVersion: 2 });
    routes.set('/token?service=registry.test&scope=repository%3Acharts%2Fapp%3Apull', (res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'anon-123' })),
    );
    routes.set('/v2/charts/app/manifests/1.0.0', (res, headers) => {
      if (headers.authorization !== 'Bearer anon-123') {
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="registry.test",scope="repository:charts/app:pull"` }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': 'sha256:abc' }).end(manifest);
    });
    const m = await fetchMaterial(`${base}/v2/charts/app/manifests/1.0.0`, 'application/vnd.oci.image.manifest.v1+json', policy());
    expect(new TextDecoder().decode(m.body)).toBe(manifest);
    expect(m.dockerContentDigest).toBe('sha256:abc');
    expect(seen.map((s) => s.headers.accept)[0]).toBe('application/vnd.oci.image.manifest.v1+json');

    // A blob redirected to another host (storage) does not get the registry's token.
    seen.length = 0;
    routes.set('/v2/charts/app/blobs/sha256:1', (res, headers) =>
      headers.authorization ? res.writeHead(302, { location: `http://localhost:${port}/storage/1` }).end() : res.writeHead(401, { 'www-authenticate': `Bearer realm="${base}/token",service="registry.test",scope="repository:charts/app:pull"` }).end(),
    );
    routes.set('/storage/1', (res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('tgz'));
    const blob = await fetchMaterial(`${base}/v2/charts/app/blobs/sha256:1`, null, policy({ refusal: () => null, resolve: async () => ['127.0.0.1'] }));
    expect(new TextDecoder().decode(blob.body)).toBe('tgz');
    expect(seen.find((s) => s.path === '/storage/1')?.headers.authorization).toBeUndefined();
  });
});
