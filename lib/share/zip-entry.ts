/**
 * Reading one entry of an untrusted zip with jszip: names that point outside the archive are
 * refused, and an entry is inflated only up to the size it declares (and a cap), then checked
 * against that size and its CRC-32. An archive that lies about an entry is corrupt; finding out
 * costs about a mebibyte of inflating, not the gigabyte it might expand to.
 */
import type JSZip from 'jszip';
import { Inflate } from 'fflate';
import crc32 from 'jszip/lib/crc32';

/** Why an entry could not be read; `tooLarge` is the declared size when that alone refuses it. */
export class ZipEntryError extends Error {
  constructor(
    message: string,
    readonly tooLarge?: number,
  ) {
    super(message);
    this.name = 'ZipEntryError';
  }
}

/** The name as stored when it is absolute or climbs out of the archive (`../`), else undefined. */
export function unsafeEntryName(entry: JSZip.JSZipObject): string | undefined {
  const raw = entry.unsafeOriginalName ?? entry.name;
  const name = raw.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name) || name.split('/').includes('..')) return raw;
  return undefined;
}

/** What jszip read about an entry (kept on a private field): its bytes as stored and its claims. */
interface StoredEntry {
  compressedContent: Uint8Array;
  compression: { magic: string };
  uncompressedSize: number;
  crc32: number;
}

function stored(entry: JSZip.JSZipObject): StoredEntry {
  const data = (entry as unknown as { _data?: Partial<StoredEntry> })._data;
  if (!(data?.compressedContent instanceof Uint8Array) || typeof data.uncompressedSize !== 'number' || typeof data.crc32 !== 'number' || !data.compression) {
    throw new ZipEntryError('has no size or CRC-32 in the archive directory');
  }
  return data as StoredEntry;
}

const STORE = '\x00\x00';
const DEFLATE = '\x08\x00';
/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1032 times, so a lie is caught within about 1 MiB. */
const STEP = 1024;

/**
 * Inflates an entry of a loaded archive, at most `cap` bytes, checked against its declared size
 * and CRC-32. jszip reads the archive; fflate's streaming inflater does the inflating, a small
 * step at a time, because jszip inflates 16 KiB of input (up to 16 MiB of output) per step.
 */
export async function inflateEntry(entry: JSZip.JSZipObject, cap: number): Promise<Uint8Array> {
  const e = stored(entry);
  const size = e.uncompressedSize;
  if (size > cap) throw new ZipEntryError(`declares ${size} bytes`, size);
  let out: Uint8Array;
  if (e.compression.magic === STORE) {
    out = e.compressedContent;
  } else if (e.compression.magic === DEFLATE) {
    out = new Uint8Array(size);
    let total = 0;
    let failure: ZipEntryError | undefined;
    const inflater = new Inflate((chunk) => {
      if (total + chunk.length > size) failure ??= new ZipEntryError(`inflates to more than the ${size} bytes it declares`);
      else out.set(chunk, total);
      total += chunk.length;
    });
    const input = e.compressedContent;
    try {
      for (let i = 0; i < input.length && !failure; i += STEP) inflater.push(input.subarray(i, i + STEP), i + STEP >= input.length);
    } catch (err) {
      throw new ZipEntryError(`could not be inflated (${(err as Error).message})`);
    }
    if (failure) throw failure;
    if (total !== size) throw new ZipEntryError(`inflates to ${total} bytes, not the ${size} it declares`);
  } else {
    throw new ZipEntryError('is compressed with a method chartroom does not write');
  }
  if (out.length !== size) throw new ZipEntryError(`holds ${out.length} bytes, not the ${size} it declares`);
  if (crc32(out) >>> 0 !== e.crc32 >>> 0) throw new ZipEntryError('fails its CRC-32 check');
  return out;
}
