/**
 * A real OCI registry on 127.0.0.1 for tests: Debian's `docker-registry` (CNCF distribution),
 * started with a temporary storage folder and its own config. Charts get in with the reference
 * `helm push --plain-http`; `pushArtifact` puts in things helm would not push (a manifest with
 * other media types), through the distribution API.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHelm } from '../helm/reference';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

export interface OciRegistryServer {
  /** `127.0.0.1:PORT` */
  host: string;
  /** `oci://127.0.0.1:PORT` */
  url: string;
  /** `helm push --plain-http TGZ oci://HOST/PATH` with the reference helm. */
  push(tgz: string, path?: string): Promise<void>;
  /** Stores a manifest of any media types at `repository:tag`; returns the manifest digest. */
  pushArtifact(repository: string, tag: string, artifact: { configMediaType: string; layerMediaType: string; layer: Uint8Array; manifestMediaType?: string }): Promise<string>;
  /** Gives `repository:from`'s manifest the tag `to` too (any tag the registry takes, e.g. `3.0.0-`). */
  tag(repository: string, from: string, to: string): Promise<void>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

const digestOf = (b: Uint8Array) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function waitUntilUp(base: string, proc: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`docker-registry exited with ${proc.exitCode}: ${log()}`);
    try {
      const r = await fetch(`${base}/v2/`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer on ${base} within 20 s: ${log()}`);
}

/** Starts a registry; fails with the install command when Debian's package is missing. */
export async function startOciRegistry(): Promise<OciRegistryServer> {
  if (!existsSync(REGISTRY_BINARY)) {
    throw new Error(`${REGISTRY_BINARY} is missing: install Debian's registry with \`apt-get update && apt-get install -y docker-registry\` (npm test does this)`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'chartroom-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'storage')}\n  delete:\n    enabled: true\nhttp:\n  addr: ${host}\n`,
  );
  const proc = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const base = `http://${host}`;
  try {
    await waitUntilUp(base, proc, () => stderr);
  } catch (e) {
    proc.kill();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const upload = async (repository: string, data: Uint8Array): Promise<string> => {
    const digest = digestOf(data);
    const start = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST' });
    const location = new URL(start.headers.get('location')!, base);
    location.searchParams.set('digest', digest);
    const put = await fetch(location, { method: 'PUT', body: new Blob([data as Uint8Array<ArrayBuffer>]), headers: { 'Content-Type': 'application/octet-stream' } });
    if (put.status !== 201) throw new Error(`blob upload to ${repository} failed: ${put.status} ${await put.text()}`);
    return digest;
  };
  return {
    host,
    url: `oci://${host}`,
    async push(tgz, path = 'charts') {
      const r = await runHelm(['push', tgz, `oci://${host}/${path}`, '--plain-http']);
      if (r.status !== 0) throw new Error(`helm push ${tgz} failed: ${r.stderr}`);
    },
    async pushArtifact(repository, tag, a) {
      const config = new TextEncoder().encode('{}');
      const configDigest = await upload(repository, config);
      const layerDigest = await upload(repository, a.layer);
      const mediaType = a.manifestMediaType ?? 'application/vnd.oci.image.manifest.v1+json';
      const manifest = new TextEncoder().encode(
        JSON.stringify({
          schemaVersion: 2,
          mediaType,
          config: { mediaType: a.configMediaType, digest: configDigest, size: config.length },
          layers: [{ mediaType: a.layerMediaType, digest: layerDigest, size: a.layer.length }],
        }),
      );
      const put = await fetch(`${base}/v2/${repository}/manifests/${tag}`, { method: 'PUT', body: new Blob([manifest]), headers: { 'Content-Type': mediaType } });
      if (put.status !== 201) throw new Error(`manifest upload to ${repository}:${tag} failed: ${put.status} ${await put.text()}`);
      return digestOf(manifest);
    },
    async tag(repository, from, to) {
      const mediaType = 'application/vnd.oci.image.manifest.v1+json';
      const got = await fetch(`${base}/v2/${repository}/manifests/${from}`, { headers: { Accept: mediaType } });
      if (got.status !== 200) throw new Error(`manifest ${repository}:${from} not found: ${got.status}`);
      const put = await fetch(`${base}/v2/${repository}/manifests/${to}`, { method: 'PUT', body: await got.arrayBuffer(), headers: { 'Content-Type': mediaType } });
      if (put.status !== 201) throw new Error(`tagging ${repository}:${from} as ${to} failed: ${put.status} ${await put.text()}`);
    },
    close: () =>
      new Promise<void>((ok) => {
        proc.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          ok();
        });
        proc.kill();
      }),
  };
}
