/**
 * A configuration opened on the catalog page, handed to the chart's configurator page through
 * the tab's sessionStorage (too large and too private for the URL). Taken once: a reload
 * shows the autosaved work, not the file again.
 */
import type { ChartroomConfig } from '../share';
import type { KeyValueStorage } from './autosave';

const KEY = 'chartroom:pending-config';

export interface PendingConfig {
  fileName: string;
  config: ChartroomConfig;
}

/** Leaves a configuration for the configurator of its chart; false when the storage refuses it. */
export function storePendingConfig(storage: KeyValueStorage, pending: PendingConfig): boolean {
  try {
    storage.setItem(KEY, JSON.stringify(pending));
    return true;
  } catch {
    return false;
  }
}

/**
 * The configuration left for this chart, if any; checked again, since anything on the page can
 * write the storage. The storage is emptied at once; the checker (zod) loads only when there is
 * something to check.
 */
export async function takePendingConfig(storage: KeyValueStorage, chartName: string): Promise<PendingConfig | null> {
  let raw: unknown;
  try {
    const text = storage.getItem(KEY);
    if (text === null) return null;
    // Whatever it holds is used at most once, here.
    storage.removeItem(KEY);
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const pending = raw as Partial<PendingConfig> | null;
  if (!pending || typeof pending.fileName !== 'string') return null;
  const { validateConfig } = await import('../share/config');
  const checked = validateConfig(pending.config);
  if (!checked.ok || checked.config.chart.name !== chartName) return null;
  return { fileName: pending.fileName, config: checked.config };
}
