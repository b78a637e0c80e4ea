/**
 * The https side of the chart material fetch against a real TLS server on 127.0.0.1: the
 * connection goes to the pinned address while the certificate is still checked against the
 * host name. Node reads extra trusted certificates only at start, so the fetch runs in a child
 * process that trusts the test's self-signed certificate (made with openssl).
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dir = '';
let server: Server;
let port = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chartroom-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=charts.example.test', '-addext', 'subjectAltName=DNS:charts.example.test'], { stdio: 'ignore' });
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    res.writeHead(200, { 'content-type': 'text/yaml' }).end(`served ${req.headers.host}\n`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  writeFileSync(
    join(dir, 'fetch.ts'),
    `import { fetchMaterial } from ${JSON.stringify(resolve('lib/server/guarded-fetch.ts'))};
const policy = { allowHttp: false, refusal: (a: string) => (a === '127.0.0.1' ? null : 'refused'), timeoutMs: 10_000, resolve: async () => ['127.0.0.1'] };
fetchMaterial(process.argv[2], null, policy).then(
  (m) => console.log(JSON.stringify({ ok: true, body: new TextDecoder().decode(m.body) })),
  (e) => console.log(JSON.stringify({ ok: false, status: e.status, message: e.message })),
);
`,
  );
});
afterAll(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

function fetchInChild(url: string): Promise<{ ok: boolean; body?: string; status?: number; message?: string }> {
  return new Promise((ok, fail) => {
    execFile(process.execPath, ['--import', 'tsx', join(dir, 'fetch.ts'), url], { env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') } }, (err, stdout, stderr) => {
      if (err) return fail(new Error(`${err.message}\n${stderr}`));
      ok(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'));
    });
  });
}

describe('fetchMaterial over https', () => {
  it('reaches the pinned address and checks the certificate against the host name', async () => {
    expect(await fetchInChild(`https://charts.example.test:${port}/index.yaml`)).toEqual({ ok: true, body: `served charts.example.test:${port}\n` });
  });

  it('refuses a certificate made for another name, though the address is the same', async () => {
    const r = await fetchInChild(`https://other.example.test:${port}/index.yaml`);
    expect(r.ok).toBe(false);
    expect(r.status).toBe(502);
    expect(r.message).toContain(`https://other.example.test:${port}/index.yaml: Hostname/IP does not match certificate's altnames`);
  });
});
