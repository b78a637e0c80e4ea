/**
 * A Helm HTTP chart repository on 127.0.0.1 for tests: fixture charts packaged by the reference
 * `helm package`, indexed by `helm repo index`, served by a small static server. Beside the
 * good repository at `/charts/` it serves broken ones, each a case chartroom must refuse:
 * `/loop/` (index redirects to itself), `/huge/` (a 21 MB index), `/malformed/`, `/tampered/`
 * (an archive that is not the one the index digests), `/zipslip/` and `/bomb/` (archives the
 * index vouches for that break the archive rules), `/missing-archive/` (index lists a 404).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { writeBombArchive } from '../hostile/bomb-archives';
import { runHelm, writeChart, type ChartFiles } from '../helm/reference';
import { FIXTURE_CHARTS } from './fixture-charts';

export interface ChartRepositoryServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The good repository: `${origin}/charts`. */
  url: string;
  /** The folder served; `charts/` holds the packaged fixtures and index.yaml. */
  root: string;
  /** Paths of the packaged archives, by `name-version`. */
  archives: Record<string, string>;
  /** Requests served so far (paths), for tests that count downloads. */
  requests: string[];
  close(): Promise<void>;
}

async function helmOk(args: string[]): Promise<void> {
  const r = await runHelm(args);
  if (r.status !== 0) throw new Error(`helm ${args.join(' ')} failed: ${r.stderr}`);
}

/** Packages `charts` (by name-version) into `dir` with the reference helm and indexes the folder. */
export async function packageRepository(dir: string, charts: Record<string, ChartFiles>): Promise<Record<string, string>> {
  mkdirSync(dir, { recursive: true });
  const archives: Record<string, string> = {};
  for (const [key, files] of Object.entries(charts)) {
    const src = writeChart(files, key.replace(/-\d.*$/, ''));
    try {
      await helmOk(['package', src, '-d', dir]);
    } finally {
      rmSync(join(src, '..'), { recursive: true, force: true });
    }
    archives[key] = join(dir, `${key}.tgz`);
  }
  await helmOk(['repo', 'index', dir]);
  return archives;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function indexFor(entries: { name: string; version: string; file: string; digest: string }[]): string {
  let text = 'apiVersion: v1\nentries:\n';
  for (const name of [...new Set(entries.map((e) => e.name))]) {
    text += `  ${name}:\n`;
    for (const e of entries.filter((x) => x.name === name)) {
      text += `  - apiVersion: v2\n    name: ${e.name}\n    version: ${e.version}\n    digest: ${e.digest}\n    urls:\n    - ${e.file}\n`;
    }
  }
  return `${text}generated: "2026-01-01T00:00:00Z"\n`;
}

/** The broken repositories, written beside the good one. */
async function writeHostileRepositories(root: string, archives: Record<string, string>): Promise<void> {
  const good = readFileSync(archives['greeter-1.0.0']);
  // tampered: the index digests the real archive, the server sends another valid chart under its name.
  mkdirSync(join(root, 'tampered'));
  writeFileSync(join(root, 'tampered/index.yaml'), indexFor([{ name: 'greeter', version: '1.0.0', file: 'greeter-1.0.0.tgz', digest: sha256(good) }]));
  copyFileSync(archives['greeter-0.1.0'], join(root, 'tampered/greeter-1.0.0.tgz'));
  // zipslip and bomb: the index vouches for the archive (right digest); the archive itself is hostile.
  for (const [dir, entries] of [
    ['zipslip', [{ name: 'greeter/Chart.yaml', text: 'apiVersion: v2\nname: greeter\nversion: 1.0.0\n' }, { name: 'greeter/../../evil.txt', text: 'owned\n' }]],
    ['bomb', [{ name: 'greeter/Chart.yaml', text: 'apiVersion: v2\nname: greeter\nversion: 1.0.0\n' }, { name: 'greeter/templates/big.yaml', zeros: 6 * 1024 * 1024 }]],
  ] as const) {
    mkdirSync(join(root, dir));
    const file = join(root, dir, 'greeter-1.0.0.tgz');
    writeBombArchive(file, [...entries]);
    writeFileSync(join(root, dir, 'index.yaml'), indexFor([{ name: 'greeter', version: '1.0.0', file: 'greeter-1.0.0.tgz', digest: sha256(readFileSync(file)) }]));
  }
  mkdirSync(join(root, 'malformed'));
  writeFileSync(join(root, 'malformed/index.yaml'), 'apiVersion: v1\nentries:\n  greeter: [\n');
  mkdirSync(join(root, 'missing-archive'));
  writeFileSync(join(root, 'missing-archive/index.yaml'), indexFor([{ name: 'greeter', version: '1.0.0', file: 'greeter-1.0.0.tgz', digest: sha256(good) }]));
}

const HUGE_INDEX_BYTES = 21 * 1024 * 1024;

/** Starts the repository server on a free port of 127.0.0.1, serving `charts` (by name-version) at `/charts/`. */
export async function startChartRepository(charts: Record<string, ChartFiles> = FIXTURE_CHARTS): Promise<ChartRepositoryServer> {
  const root = mkdtempSync(join(tmpdir(), 'chartroom-repo-'));
  const archives = await packageRepository(join(root, 'charts'), charts);
  // The broken repositories are made from the default fixtures; other chart sets get the good repository only.
  if (archives['greeter-1.0.0'] && archives['greeter-0.1.0']) await writeHostileRepositories(root, archives);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push(path);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    if (path.startsWith('/loop/')) return void res.writeHead(302, { Location: path }).end();
    if (path.startsWith('/moved/')) return void res.writeHead(301, { Location: `/charts/${path.slice('/moved/'.length)}` }).end();
    if (path === '/huge/index.yaml') {
      res.writeHead(200, { 'Content-Type': 'text/yaml' });
      const line = Buffer.from(`# ${'x'.repeat(1021)}\n`);
      res.write('apiVersion: v1\n');
      let sent = 0;
      const pump = () => {
        while (sent < HUGE_INDEX_BYTES) {
          sent += line.length;
          if (!res.write(line)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      return pump();
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root + '/')) return void res.writeHead(403).end();
    let data: Buffer;
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      data = readFileSync(file);
    } catch {
      return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
    }
    res.writeHead(200, { 'Content-Type': file.endsWith('.yaml') ? 'text/yaml' : 'application/gzip', 'Content-Length': data.length });
    res.end(req.method === 'HEAD' ? undefined : data);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/charts`,
    root,
    archives,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(root, { recursive: true, force: true });
          ok();
        });
      }),
  };
}

/** The files of an archive as a sorted listing with contents (for comparing unpacked charts). */
export function unpackedTree(tgz: string): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'chartroom-unpack-'));
  try {
    execFileSync('tar', ['-xzf', tgz, '-C', dir]);
    const out: Record<string, string> = {};
    const walk = (d: string, rel: string) => {
      for (const n of readdirSync(d).sort()) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p, `${rel}${n}/`);
        else out[`${rel}${n}`] = readFileSync(p, 'utf8');
      }
    };
    walk(dir, '');
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
