/**
 * A chart the user opened from their own disk, kept in the tab's sessionStorage so the
 * configurator page (and a reload) can find it. It never leaves the browser.
 */
import { base64 } from '@scure/base';
import type { KeyValueStorage } from './autosave';
import type { EncodedChartFile } from './chart-files';
import type { ChartSource } from './render-protocol';

const KEY = 'chartroom:local-chart';

/** What was opened: a packaged chart or a folder's files, and what to call it. */
export interface LocalChart {
  label: string;
  source: Extract<ChartSource, { kind: 'archive' } | { kind: 'files' }>;
}

/** Serialises a local chart for storage. */
export function serializeLocalChart(c: LocalChart): string {
  const source = c.source.kind === 'archive' ? { kind: 'archive', base64: base64.encode(c.source.bytes) } : c.source;
  return JSON.stringify({ label: c.label, source });
}

/** Parses a stored local chart; null when absent or unreadable. */
export function parseLocalChart(raw: string | null): LocalChart | null {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as { label?: unknown; source?: { kind?: unknown; base64?: unknown; files?: unknown } };
    const label = typeof d.label === 'string' ? d.label : 'chart';
    if (d.source?.kind === 'archive' && typeof d.source.base64 === 'string') {
      return { label, source: { kind: 'archive', bytes: base64.decode(d.source.base64) } };
    }
    if (d.source?.kind === 'files' && Array.isArray(d.source.files)) {
      return { label, source: { kind: 'files', files: d.source.files as EncodedChartFile[] } };
    }
  } catch {
    // Falls through to "nothing stored".
  }
  return null;
}

/** Remembers the opened chart; false when it doesn't fit in storage. */
export function storeLocalChart(storage: KeyValueStorage, c: LocalChart): boolean {
  try {
    storage.setItem(KEY, serializeLocalChart(c));
    return true;
  } catch {
    return false;
  }
}

/** The opened chart, if any. */
export function readLocalChart(storage: KeyValueStorage): LocalChart | null {
  try {
    return parseLocalChart(storage.getItem(KEY));
  } catch {
    return null;
  }
}

