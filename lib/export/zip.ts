/**
 * Reproducible zip archives: the same files give the same bytes in the browser and in Node,
 * in any time zone (every entry carries one fixed timestamp).
 */
import { zipSync, type Zippable } from 'fflate';

/** One file of an archive; `executable` marks scripts (unix mode 0755). */
export interface ArchiveFile {
  path: string;
  content: string | Uint8Array;
  executable?: boolean;
}

/**
 * 2000-01-01 00:00 built from local-time fields: zip stores local date and time, so a date made
 * this way is written as the same bytes whatever the machine's time zone.
 */
function archiveDate(): Date {
  return new Date(2000, 0, 1, 0, 0, 0);
}

const UNIX = 3;
const FILE_MODE = 0o100644;
const EXEC_MODE = 0o100755;

/** Zips files in the given order under an optional top folder; duplicate paths are an error. */
export function zipArchive(files: readonly ArchiveFile[], root = ''): Uint8Array {
  const entries: Zippable = {};
  const encoder = new TextEncoder();
  const mtime = archiveDate();
  for (const f of files) {
    const path = root ? `${root}/${f.path}` : f.path;
    if (path in entries) throw new Error(`duplicate archive entry ${path}`);
    const data = typeof f.content === 'string' ? encoder.encode(f.content) : f.content;
    entries[path] = [data, { mtime, os: UNIX, attrs: (f.executable ? EXEC_MODE : FILE_MODE) * 0x10000, level: 6 }];
  }
  return zipSync(entries, { mtime });
}
