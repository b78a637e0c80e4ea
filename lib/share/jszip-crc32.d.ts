/** jszip's own CRC-32 (what its checkCRC32 option uses), for checking one entry at a time. */
declare module 'jszip/lib/crc32' {
  export default function crc32(input: Uint8Array | string, crc?: number): number;
}
