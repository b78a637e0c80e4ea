/** Reading what the user dropped or picked: a packaged chart or a folder's files. */
import { encodeChartFiles, relativeToChartRoot, type ChartFileEntry, type LocalChart } from '@/lib/configurator';

const isArchive = (name: string): boolean => /\.(tgz|tar\.gz)$/i.test(name);

async function entryFiles(entry: FileSystemEntry, prefix: string): Promise<{ path: string; file: File }[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path: prefix + entry.name, file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns the folder in batches until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map((c) => entryFiles(c, `${prefix}${entry.name}/`)));
  return nested.flat();
}

const isSavedConfiguration = (name: string): boolean => /\.(zip|json)$/i.test(name);

async function toLocalChart(files: { path: string; file: File }[]): Promise<LocalChart> {
  if (files.length === 1 && isSavedConfiguration(files[0].file.name)) {
    throw new Error(`${files[0].file.name} is not a chart; it looks like a saved configuration. Open it under "A saved configuration" above, or with Open configuration… in the chart's configurator.`);
  }
  const archive = files.length === 1 && isArchive(files[0].file.name) ? files[0].file : null;
  if (archive) {
    const bytes = new Uint8Array(await archive.arrayBuffer());
    // Every .tgz helm makes starts with gzip's magic bytes; anything else would only fail later.
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new Error(`${archive.name} is not a gzip archive. Charts are opened as the .tgz that helm package or helm pull makes, or as a chart folder.`);
    return { label: archive.name, source: { kind: 'archive', bytes } };
  }
  const entries: ChartFileEntry[] = await Promise.all(files.map(async ({ path, file }) => ({ path, data: new Uint8Array(await file.arrayBuffer()) })));
  const rooted = relativeToChartRoot(entries);
  const top = files[0]?.path.split('/')[0] ?? 'chart';
  return { label: top, source: { kind: 'files', files: encodeChartFiles(rooted) } };
}

/** The chart in a drop: one .tgz, or a folder. */
export async function chartFromDrop(dt: DataTransfer): Promise<LocalChart> {
  const entries = [...dt.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length > 0) return toLocalChart((await Promise.all(entries.map((e) => entryFiles(e, '')))).flat());
  return toLocalChart([...dt.files].map((file) => ({ path: file.name, file })));
}

/** The chart picked with a file input (one .tgz, or a folder with `webkitdirectory`). */
export function chartFromInput(list: Iterable<File>): Promise<LocalChart> {
  return toLocalChart([...list].map((file) => ({ path: file.webkitRelativePath || file.name, file })));
}
