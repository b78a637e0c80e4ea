/**
 * Reading one entry of an untrusted zip with jszip: names that point outside the archive are
 * refused, and an entry is inflated only up to the size it declares (and a cap), then checked
 * against that size and its CRC-32. An archive that lies about an entry is corrupt; finding out
 * costs at most one inflated block, not the gigabyte it might expand to.
 */
import type JSZip from 'jszip';
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

/** What the central directory says about an entry (jszip keeps it on a private field). */
function declared(entry: JSZip.JSZipObject): { size: number; crc: number } {
  const data = (entry as unknown as { _data?: { uncompressedSize?: number; crc32?: number } })._data;
  if (typeof data?.uncompressedSize !== 'number' || typeof data.crc32 !== 'number') throw new ZipEntryError('has no size or CRC-32 in the archive directory');
  return { size: data.uncompressedSize, crc: data.crc32 >>> 0 };
}

/** Inflates an entry of a loaded archive, at most `cap` bytes, checked against its declared size and CRC-32. */
export function inflateEntry(entry: JSZip.JSZipObject, cap: number): Promise<Uint8Array> {
  const claim = declared(entry);
  if (claim.size > cap) return Promise.reject(new ZipEntryError(`declares ${claim.size} bytes`, claim.size));
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    // jszip's typings leave out internalStream, the one way to read an entry chunk by chunk.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    const stop = (e: ZipEntryError) => {
      if (done) return;
      done = true;
      stream.pause();
      reject(e);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (done) return;
        total += chunk.length;
        if (total > claim.size) return stop(new ZipEntryError(`inflates to more than the ${claim.size} bytes it declares`));
        chunks.push(chunk);
      })
      .on('error', (e: Error) => stop(new ZipEntryError(total > 0 || !/size mismatch/.test(e.message) ? `could not be inflated (${e.message.replace(/^Bug : /, '')})` : `does not inflate to the ${claim.size} bytes it declares`)))
      .on('end', () => {
        if (done) return;
        done = true;
        if (total !== claim.size) return reject(new ZipEntryError(`inflates to ${total} bytes, not the ${claim.size} it declares`));
        const out = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        if (crc32(out) >>> 0 !== claim.crc) return reject(new ZipEntryError('fails its CRC-32 check'));
        resolve(out);
      })
      .resume();
  });
}
