/**
 * chartutil.Save: a loaded chart written back as a `.tgz`, the way `helm package` and
 * `helm dependency build` (for `file://` dependencies) write it: Chart.yaml re-marshalled from
 * the metadata, Chart.lock (apiVersion v2), values.yaml as it was, the schema, templates and
 * other files, then each subchart under `charts/NAME/`, every entry mode 0644.
 */
import { gzipSync } from 'fflate';
import { API_VERSION_V1, API_VERSION_V2, type Chart } from '../chart/chart';
import { metadataToGo } from '../chart/metadata-go';
import { goToYaml } from '../../yaml';
import { lockYaml } from './lock';

const encoder = new TextEncoder();

/** One ustar header; names past 100 bytes use the 155-byte prefix field as Go's tar writer does. */
function header(name: string, size: number, mtime: number): Uint8Array {
  const h = new Uint8Array(512);
  const put = (text: string, at: number, len: number) => h.set(encoder.encode(text).subarray(0, len), at);
  let prefix = '';
  let base = name;
  if (encoder.encode(name).length > 100) {
    const cut = name.lastIndexOf('/', name.length - 1);
    for (let i = cut; i > 0; i = name.lastIndexOf('/', i - 1)) {
      if (encoder.encode(name.slice(i + 1)).length <= 100 && encoder.encode(name.slice(0, i)).length <= 155) {
        prefix = name.slice(0, i);
        base = name.slice(i + 1);
        break;
      }
    }
    if (!prefix) throw new Error(`file name too long for the archive: ${name}`);
  }
  put(base, 0, 100);
  put('0000644\0', 100, 8);
  put('0000000\0', 108, 8);
  put('0000000\0', 116, 8);
  put(`${size.toString(8).padStart(11, '0')}\0`, 124, 12);
  put(`${Math.floor(mtime / 1000).toString(8).padStart(11, '0')}\0`, 136, 12);
  put('        ', 148, 8);
  h[156] = 0x30;
  put('ustar\x0000', 257, 8);
  put(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return h;
}

/** The files chartutil.Save writes for a chart, paths starting with the chart's name. */
export function chartArchiveEntries(c: Chart, prefix = ''): { name: string; data: Uint8Array }[] {
  const base = `${prefix}${c.metadata.name}`;
  const out: { name: string; data: Uint8Array }[] = [];
  const md = c.metadata.apiVersion === API_VERSION_V1 ? { ...c.metadata, dependencies: undefined } : c.metadata;
  out.push({ name: `${base}/Chart.yaml`, data: encoder.encode(goToYaml(metadataToGo(md))) });
  if (c.metadata.apiVersion === API_VERSION_V2 && c.lock) out.push({ name: `${base}/Chart.lock`, data: encoder.encode(lockYaml(c.lock)) });
  for (const f of c.raw) if (f.name === 'values.yaml') out.push({ name: `${base}/values.yaml`, data: f.data });
  if (c.schema) out.push({ name: `${base}/values.schema.json`, data: c.schema });
  for (const f of c.templates) out.push({ name: `${base}/${f.name}`, data: f.data });
  for (const f of c.files) out.push({ name: `${base}/${f.name}`, data: f.data });
  for (const d of c.dependencies) out.push(...chartArchiveEntries(d, `${base}/charts/`));
  return out;
}

/** chartutil.Save's archive: `{ fileName: NAME-VERSION.tgz, bytes }`. */
export function saveChartArchive(c: Chart, mtime = Date.now()): { fileName: string; bytes: Uint8Array } {
  const parts: Uint8Array[] = [];
  for (const e of chartArchiveEntries(c)) {
    parts.push(header(e.name, e.data.length, mtime), e.data);
    const pad = (512 - (e.data.length % 512)) % 512;
    if (pad) parts.push(new Uint8Array(pad));
  }
  parts.push(new Uint8Array(1024));
  const tar = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    tar.set(p, at);
    at += p.length;
  }
  return { fileName: `${c.metadata.name}-${c.metadata.version}.tgz`, bytes: gzipSync(tar, { mtime }) };
}
