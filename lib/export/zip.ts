/**
 * Reproducible zip archives written with jszip: the same files give the same bytes in the browser
 * and in Node, in any time zone. Entries are sorted by path, every entry carries one fixed date
 * and unix mode, and no folder entries are added. Generation is asynchronous (jszip yields while
 * it compresses), with progress for large exports.
 */
import JSZip from 'jszip';

/** One file of an archive; `executable` marks scripts (unix mode 0755). */
export interface ArchiveFile {
  path: string;
  content: string | Uint8Array;
  executable?: boolean;
}

/** 2000-01-01 00:00 UTC: jszip writes the DOS date from UTC fields. */
const ARCHIVE_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
const FILE_MODE = 0o100644;
const EXEC_MODE = 0o100755;

/** Byte-wise order, the same in every locale. */
const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Zips files, sorted by path, under an optional top folder; duplicate paths are an error.
 * `onProgress` hears the percentage done (0-100) while it compresses.
 */
export async function zipArchive(files: readonly ArchiveFile[], root = '', onProgress?: (percent: number) => void): Promise<Uint8Array> {
  const zip = new JSZip();
  const seen = new Set<string>();
  const entries = files.map((f) => ({ ...f, path: root ? `${root}/${f.path}` : f.path })).sort((a, b) => byPath(a.path, b.path));
  for (const f of entries) {
    if (seen.has(f.path)) throw new Error(`duplicate archive entry ${f.path}`);
    seen.add(f.path);
    zip.file(f.path, f.content, { date: ARCHIVE_DATE, unixPermissions: f.executable ? EXEC_MODE : FILE_MODE, createFolders: false, binary: typeof f.content !== 'string' });
  }
  return zip.generateAsync(
    { type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX', streamFiles: false },
    onProgress ? (m) => onProgress(m.percent) : undefined,
  );
}
