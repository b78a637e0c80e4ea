/**
 * Chart archives that inflate to gigabytes while staying a few megabytes on disk, written in
 * seconds: runs of zeros are deflated once and the compressed run is repeated (sync-flushed
 * deflate segments concatenate into one valid stream), so no test compresses gigabytes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A tar entry: small text, or `size` bytes of zeros. */
export type BombEntry = { name: string; text: string } | { name: string; zeros: number };

const MiB = 1024 * 1024;
const ZERO_MIB = Buffer.alloc(MiB);
const flushed = (b: Buffer): Buffer => deflateRawSync(b, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
const ZERO_MIB_DEFLATED = flushed(ZERO_MIB);
const zeroRuns = new Map<number, Buffer>();
const deflatedZeros = (n: number): Buffer => {
  let d = zeroRuns.get(n);
  if (!d) zeroRuns.set(n, (d = flushed(Buffer.alloc(n))));
  return d;
};
/** An empty final block with fixed Huffman codes: ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

function tarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\x0000', 257);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** Writes a .tgz of `entries` (then the end-of-archive blocks) to `file`. */
export function writeBombArchive(file: string, entries: BombEntry[]): void {
  const fd = openSync(file, 'w');
  let crc = 0;
  let length = 0;
  const plain = (b: Buffer): void => {
    crc = crc32(b, crc);
    length += b.length;
    writeSync(fd, flushed(b));
  };
  const zeros = (n: number): void => {
    for (; n >= MiB; n -= MiB) {
      crc = crc32(ZERO_MIB, crc);
      length += MiB;
      writeSync(fd, ZERO_MIB_DEFLATED);
    }
    if (n > 0) {
      const run = Buffer.alloc(n);
      crc = crc32(run, crc);
      length += n;
      writeSync(fd, deflatedZeros(n));
    }
  };
  try {
    writeSync(fd, Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]));
    for (const e of entries) {
      const size = 'text' in e ? Buffer.byteLength(e.text) : e.zeros;
      plain(tarHeader(e.name, size));
      if ('text' in e) plain(Buffer.from(e.text));
      else zeros(size);
      zeros((512 - (size % 512)) % 512);
    }
    zeros(1024);
    writeSync(fd, FINAL_BLOCK);
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(length % 2 ** 32, 4);
    writeSync(fd, trailer);
  } finally {
    closeSync(fd);
  }
}
