/**
 * A chart's files in a form that travels as JSON (bundled charts are served that way): text
 * files as text, anything that isn't valid UTF-8 as base64.
 */
import { base64 } from '@scure/base';

/** One file of a chart folder, by its path relative to the chart root. */
export interface ChartFileEntry {
  path: string;
  data: Uint8Array;
}

/** The JSON form of a chart file. */
export interface EncodedChartFile {
  path: string;
  text?: string;
  base64?: string;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Encodes files for JSON, keeping text readable. */
export function encodeChartFiles(entries: ChartFileEntry[]): EncodedChartFile[] {
  return entries.map(({ path, data }) => {
    try {
      return { path, text: strictDecoder.decode(data) };
    } catch {
      return { path, base64: base64.encode(data) };
    }
  });
}

/** Decodes files from their JSON form. */
export function decodeChartFiles(files: EncodedChartFile[]): ChartFileEntry[] {
  return files.map((f) => ({ path: f.path, data: f.base64 !== undefined ? base64.decode(f.base64) : encoder.encode(f.text ?? '') }));
}

/**
 * Strips the common top folder of a dropped folder (`mychart/Chart.yaml` → `Chart.yaml`) when
 * the chart root is one level down; paths use `/`.
 */
export function relativeToChartRoot(entries: ChartFileEntry[]): ChartFileEntry[] {
  const norm = entries.map((e) => ({ ...e, path: e.path.replace(/\\/g, '/').replace(/^\/+/, '') }));
  if (norm.some((e) => e.path === 'Chart.yaml')) return norm;
  const chartYaml = norm.filter((e) => e.path.endsWith('/Chart.yaml')).sort((a, b) => a.path.length - b.path.length)[0];
  if (!chartYaml) return norm;
  const root = chartYaml.path.slice(0, -'Chart.yaml'.length);
  return norm.filter((e) => e.path.startsWith(root)).map((e) => ({ ...e, path: e.path.slice(root.length) }));
}
