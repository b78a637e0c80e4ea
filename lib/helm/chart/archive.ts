/**
 * loader.LoadArchiveFiles: gunzip, read the tar (ustar, GNU long names, pax headers), drop the
 * top folder, and apply Helm's path-safety checks and size limits with its messages.
 */
import { gunzipSync } from 'fflate';
import type { ChartFile } from './chart';

/** The largest total a chart may unpack to (loader.MaxDecompressedChartSize). */
export const MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024;
/** The largest single file a chart may hold (loader.MaxDecompressedFileSize). */
export const MAX_DECOMPRESSED_FILE_SIZE = 5 * 1024 * 1024;

/** An archive that can't be read, with Go's or Helm's message. */
export class ArchiveError extends Error {}

const latin = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function cString(b: Uint8Array): string {
  const end = b.indexOf(0);
  return utf8.decode(end < 0 ? b : b.subarray(0, end));
}

function octal(b: Uint8Array): number {
  if (b[0] & 0x80) {
    // GNU base-256 for sizes past 8 GiB.
    let n = 0;
    for (let i = 1; i < b.length; i++) n = n * 256 + b[i];
    return n;
  }
  const s = latin.decode(b).replace(/\0.*$/s, '').trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new ArchiveError('archive/tar: invalid tar header');
  return parseInt(s, 8);
}

function checksumOk(h: Uint8Array): boolean {
  const want = octal(h.subarray(148, 156));
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return sum === want;
}

interface TarEntry {
  name: string;
  type: string;
  size: number;
  data: Uint8Array;
}

function parsePax(data: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  const text = utf8.decode(data);
  let i = 0;
  while (i < text.length) {
    const sp = text.indexOf(' ', i);
    if (sp < 0) break;
    const len = Number(text.slice(i, sp));
    if (!Number.isFinite(len) || len <= 0) throw new ArchiveError('archive/tar: invalid tar header');
    const rec = text.slice(sp + 1, i + len - 1);
    const eq = rec.indexOf('=');
    if (eq > 0) out.set(rec.slice(0, eq), rec.slice(eq + 1));
    i += len;
  }
  return out;
}

/** Tar entries in archive order; pax and GNU long-name records are applied, not returned. */
function* readTar(buf: Uint8Array): Generator<TarEntry> {
  let off = 0;
  let longName: string | undefined;
  let pax: Map<string, string> | undefined;
  while (true) {
    if (off + 512 > buf.length) {
      if (off >= buf.length) return;
      throw new ArchiveError('unexpected EOF');
    }
    const h = buf.subarray(off, off + 512);
    if (h.every((b) => b === 0)) return;
    if (!checksumOk(h)) throw new ArchiveError('archive/tar: invalid tar header');
    let name = cString(h.subarray(0, 100));
    const magic = latin.decode(h.subarray(257, 263));
    if (magic.startsWith('ustar')) {
      const prefix = cString(h.subarray(345, 500));
      if (prefix) name = `${prefix}/${name}`;
    }
    let size = octal(h.subarray(124, 136));
    const type = String.fromCharCode(h[156] || 0x30);
    if (pax?.has('size')) size = Number(pax.get('size'));
    const start = off + 512;
    if (start + size > buf.length) throw new ArchiveError('unexpected EOF');
    const data = buf.subarray(start, start + size);
    off = start + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cString(data);
      continue;
    }
    if (type === 'x') {
      pax = parsePax(data);
      continue;
    }
    if (type === 'g') continue;
    if (longName !== undefined) name = longName;
    if (pax?.has('path')) name = pax.get('path')!;
    longName = undefined;
    pax = undefined;
    // Old archives mark folders with a trailing slash only; Go's reader treats them as folders.
    const isDir = type === '5' || ((type === '0' || type === '\0') && name.endsWith('/'));
    yield { name, type: isDir ? '5' : type, size, data };
  }
}

/** Go's path.Clean for slash paths. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

function gunzip(tgz: Uint8Array): Uint8Array {
  // gzip.NewReader reads a 10-byte header first.
  if (tgz.length === 0) throw new ArchiveError('EOF');
  if (tgz.length < 10) throw new ArchiveError('unexpected EOF');
  if (tgz[0] !== 0x1f || tgz[1] !== 0x8b || tgz[2] !== 8) throw new ArchiveError('gzip: invalid header');
  try {
    return gunzipSync(tgz);
  } catch {
    throw new ArchiveError('unexpected EOF');
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The files of a chart archive, named relative to the chart (the top folder is removed).
 * @throws ArchiveError with Helm's messages (`chart illegally references parent directory`, ...)
 */
export function loadArchiveFiles(tgz: Uint8Array): ChartFile[] {
  const tar = gunzip(tgz);
  const files: ChartFile[] = [];
  let remaining = MAX_DECOMPRESSED_CHART_SIZE;
  for (const hd of readTar(tar)) {
    if (hd.type === '5') continue;
    const delimiter = hd.name.includes('\\') ? '\\' : '/';
    const parts = hd.name.split(delimiter);
    let n = parts.slice(1).join(delimiter).split(delimiter).join('/');
    if (n.startsWith('/')) throw new ArchiveError('chart illegally contains absolute paths');
    n = cleanPath(n);
    if (n === '.') throw new ArchiveError(`chart illegally contains content outside the base directory: ${JSON.stringify(hd.name)}`);
    if (n.startsWith('..')) throw new ArchiveError('chart illegally references parent directory');
    if (/^[a-zA-Z]:\//.test(n)) throw new ArchiveError('chart contains illegally named files');
    if (parts[0] === 'Chart.yaml') throw new ArchiveError('chart yaml not in base directory');
    if (hd.size > remaining) throw new ArchiveError(`decompressed chart is larger than the maximum file size ${MAX_DECOMPRESSED_CHART_SIZE}`);
    if (hd.size > MAX_DECOMPRESSED_FILE_SIZE) {
      throw new ArchiveError(`decompressed chart file ${JSON.stringify(hd.name)} is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`);
    }
    remaining -= hd.data.length;
    if (hd.data.length < hd.size || remaining <= 0) {
      throw new ArchiveError(`decompressed chart is larger than the maximum file size ${MAX_DECOMPRESSED_CHART_SIZE}`);
    }
    let data = hd.data.slice();
    if (data.length >= 3 && UTF8_BOM.every((b, i) => data[i] === b)) data = data.subarray(3);
    files.push({ name: n, data });
  }
  if (files.length === 0) throw new ArchiveError('no files in chart archive');
  return files;
}

/**
 * loader.ensureArchive + LoadFile's wording for a file given on the command line that is not a
 * gzipped archive. Returns the error text, or undefined when the bytes look like gzip.
 */
export function archiveFileProblem(fileName: string, head: Uint8Array): string | undefined {
  if (head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08) return undefined;
  if (fileName.endsWith('.yml') || fileName.endsWith('.yaml')) {
    return `file '${fileName}' seems to be a YAML file, but expected a gzipped archive`;
  }
  return `file '${fileName}' does not appear to be a gzipped archive; got '${sniffContentType(head)}'`;
}

/** The part of http.DetectContentType that matters for files mistaken for charts. */
function sniffContentType(head: Uint8Array): string {
  // Helm sniffs a zero-filled 512-byte buffer, so short files look binary.
  const b = new Uint8Array(512);
  b.set(head.subarray(0, 512));
  const start = latin.decode(b.subarray(0, 8));
  if (start.startsWith('PK\x03\x04')) return 'application/zip';
  if (start.startsWith('%PDF-')) return 'application/pdf';
  if (start.startsWith('\x89PNG')) return 'image/png';
  for (const x of b.subarray(0, 512)) {
    if (x <= 0x08 || x === 0x0b || (x >= 0x0e && x <= 0x1a) || (x >= 0x1c && x <= 0x1f)) return 'application/octet-stream';
  }
  return 'text/plain; charset=utf-8';
}
