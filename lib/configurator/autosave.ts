/**
 * Autosave of a configuration per chart, in the browser's localStorage (nothing leaves the
 * machine). Parsing is defensive: a corrupt or foreign entry reads as "nothing saved".
 */
import { releaseOptionsFrom, type ReleaseOptions } from './release-options';

/** What is kept for one chart. */
export interface SavedConfiguration {
  /** The user's values.yaml text, exactly as typed (even when it doesn't parse). */
  valuesText: string;
  release: ReleaseOptions;
  /** ms since the epoch. */
  savedAt: number;
}

/** The subset of the Web Storage API used here (injectable for tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const FORMAT = 1;

/** The storage key of a chart's configuration. */
export function autosaveKey(chartKey: string): string {
  return `chartroom:configuration:${chartKey}`;
}

/** Serialises a configuration. */
export function serializeConfiguration(c: SavedConfiguration): string {
  return JSON.stringify({ format: FORMAT, ...c });
}

/** Parses a stored configuration; null when absent, corrupt or of another format. */
export function parseConfiguration(raw: string | null): SavedConfiguration | null {
  if (!raw) return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.format !== FORMAT || typeof d.valuesText !== 'string') return null;
  return { valuesText: d.valuesText, release: releaseOptionsFrom(d.release), savedAt: typeof d.savedAt === 'number' ? d.savedAt : 0 };
}

/** Loads a chart's saved configuration (storage errors read as nothing saved). */
export function loadConfiguration(storage: KeyValueStorage, chartKey: string): SavedConfiguration | null {
  try {
    return parseConfiguration(storage.getItem(autosaveKey(chartKey)));
  } catch {
    return null;
  }
}

/** Saves a chart's configuration; returns false when storage refuses (quota, private mode). */
export function saveConfiguration(storage: KeyValueStorage, chartKey: string, c: SavedConfiguration): boolean {
  try {
    storage.setItem(autosaveKey(chartKey), serializeConfiguration(c));
    return true;
  } catch {
    return false;
  }
}

/** Forgets a chart's configuration ("reset to defaults"). */
export function clearConfiguration(storage: KeyValueStorage, chartKey: string): void {
  try {
    storage.removeItem(autosaveKey(chartKey));
  } catch {
    // Nothing to forget when storage is unavailable.
  }
}
