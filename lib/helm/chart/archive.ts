/**
 * loader.LoadArchiveFiles: gunzip, read the tar (ustar, GNU long names, pax headers), drop the
 * top folder, and apply Helm's path-safety checks and size limits with its messages.
 */
import { CodedError } from '../../errors';
import { Gunzip } from 'fflate';
import type { ChartFile } from './chart';
import { isHelm4, type HelmVersion } from '../version';

/** The largest total a chart may unpack to (loader.MaxDecompressedChartSize). */
export const MAX_DECOMPRESSED_CHART_SIZE = 100 * 1024 * 1024;
/** The largest single file a chart may hold (loader.MaxDecompressedFileSize). */
export const MAX_DECOMPRESSED_FILE_SIZE = 5 * 1024 * 1024;

/** An archive that can't be read, with Go's or Helm's message. */
export class ArchiveError extends CodedError {
  constructor(message: string) {
    super('chart-load', message);
  }
}

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
}

/** Go's archive/tar refuses pax and long-name records past 1 MiB (maxSpecialFileSize). */
const MAX_SPECIAL_FILE_SIZE = 1024 * 1024;

/** How much compressed input is inflated at a time: deflate expands at most ~1032:1, so ≤ 2 MiB out. */
const INFLATE_SLICE = 2 * 1024;

/**
 * A gzip stream inflated on demand, a slice of input at a time, so reading stops (and memory
 * stays small) as soon as the caller does, as Go's gzip.Reader does.
 */
class InflatedStream {
  private readonly pending: Uint8Array[] = [];
  private at = 0;
  private fed = 0;
  private readonly gunzip = new Gunzip((chunk) => {
    if (chunk.length) this.pending.push(chunk);
  });

  constructor(private readonly gz: Uint8Array) {}

  /** Inflates until output is waiting; false at the end of the stream. */
  private more(): boolean {
    while (this.pending.length === 0) {
      if (this.fed >= this.gz.length) return false;
      const end = Math.min(this.fed + INFLATE_SLICE, this.gz.length);
      try {
        this.gunzip.push(this.gz.subarray(this.fed, end), end === this.gz.length);
      } catch {
        throw new ArchiveError('unexpected EOF');
      }
      this.fed = end;
    }
    return true;
  }

  /** Up to `n` bytes, passed to `sink` piece by piece; returns how many there were. */
  private take(n: number, sink?: (piece: Uint8Array, at: number) => void): number {
    let got = 0;
    while (got < n && this.more()) {
      const head = this.pending[0];
      const k = Math.min(n - got, head.length - this.at);
      sink?.(head.subarray(this.at, this.at + k), got);
      got += k;
      this.at += k;
      if (this.at === head.length) {
        this.pending.shift();
        this.at = 0;
      }
    }
    return got;
  }

  /** Exactly `n` bytes; fewer only at the end of the stream. */
  read(n: number): Uint8Array {
    const out = new Uint8Array(n);
    const got = this.take(n, (piece, at) => out.set(piece, at));
    return got === n ? out : out.subarray(0, got);
  }

  /** Discards `n` bytes; returns how many there were. */
  skip(n: number): number {
    return this.take(n);
  }
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

/**
 * A tar read as Go's archive/tar reads it: one header at a time from the stream. Pax and GNU
 * long-name records are applied, not returned. After each entry the caller reads its data
 * with `read` (or not at all); the reader skips whatever is left before the next header.
 */
class TarReader {
  private unread = 0;

  constructor(private readonly stream: InflatedStream) {}

  private skipRest(): void {
    if (this.stream.skip(this.unread) < this.unread) throw new ArchiveError('unexpected EOF');
    this.unread = 0;
  }

  private special(size: number): Uint8Array {
    if (size > MAX_SPECIAL_FILE_SIZE) throw new ArchiveError('archive/tar: header field too long');
    return this.read(size);
  }

  /** The entry's data (all of it: callers check sizes first). */
  read(size: number): Uint8Array {
    const data = this.stream.read(size);
    if (data.length < size) throw new ArchiveError('unexpected EOF');
    this.unread -= size;
    return data;
  }

  /** The next entry, or undefined at the end of the archive. */
  next(): TarEntry | undefined {
    let longName: string | undefined;
    let pax: Map<string, string> | undefined;
    while (true) {
      this.skipRest();
      const h = this.stream.read(512);
      if (h.length === 0) return undefined;
      if (h.length < 512) throw new ArchiveError('unexpected EOF');
      if (h.every((b) => b === 0)) return undefined;
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
      this.unread = Math.ceil(size / 512) * 512;
      if (type === 'L') {
        longName = cString(this.special(size));
        continue;
      }
      if (type === 'x') {
        pax = parsePax(this.special(size));
        continue;
      }
      if (type === 'g') {
        this.special(size);
        continue;
      }
      if (longName !== undefined) name = longName;
      if (pax?.has('path')) name = pax.get('path')!;
      // Old archives mark folders with a trailing slash only; Go's reader treats them as folders.
      const isDir = type === '5' || ((type === '0' || type === '\0') && name.endsWith('/'));
      return { name, type: isDir ? '5' : type, size };
    }
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

function gunzipStream(tgz: Uint8Array): InflatedStream {
  // gzip.NewReader reads a 10-byte header first.
  if (tgz.length === 0) throw new ArchiveError('EOF');
  if (tgz.length < 10) throw new ArchiveError('unexpected EOF');
  if (tgz[0] !== 0x1f || tgz[1] !== 0x8b || tgz[2] !== 8) throw new ArchiveError('gzip: invalid header');
  return new InflatedStream(tgz);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The files of a chart archive, named relative to the chart (the top folder is removed).
 * @throws ArchiveError with Helm's messages (`chart illegally references parent directory`, ...)
 */
export function loadArchiveFiles(tgz: Uint8Array, helmVersion?: HelmVersion): ChartFile[] {
  // Helm 4 dropped the word "file" from the whole-chart limit's message.
  const tooLarge = `decompressed chart is larger than the maximum ${isHelm4(helmVersion) ? '' : 'file '}size ${MAX_DECOMPRESSED_CHART_SIZE}`;
  const tar = new TarReader(gunzipStream(tgz));
  const files: ChartFile[] = [];
  let remaining = MAX_DECOMPRESSED_CHART_SIZE;
  for (let hd = tar.next(); hd; hd = tar.next()) {
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
    if (hd.size > remaining) throw new ArchiveError(tooLarge);
    if (hd.size > MAX_DECOMPRESSED_FILE_SIZE) {
      throw new ArchiveError(`decompressed chart file ${JSON.stringify(hd.name)} is larger than the maximum file size ${MAX_DECOMPRESSED_FILE_SIZE}`);
    }
    // Sizes were checked above, so reading the whole entry stays within the limits.
    let data = tar.read(hd.size);
    remaining -= data.length;
    if (remaining <= 0) throw new ArchiveError(tooLarge);
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
