/**
 * Autosave of a configuration per chart, in the browser (nothing leaves the machine). Secret
 * values never reach persistent storage: localStorage keeps the text without them, and the
 * text with them stays in the tab's sessionStorage, which the browser forgets with the tab.
 * Parsing is defensive: a corrupt or foreign entry reads as "nothing saved".
 */
import { stripSecretsFromText, type SecretField } from '../share';
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

/** Where autosave writes: what persists (localStorage) and what lives as long as the tab (sessionStorage). */
export interface AutosaveStorages {
  persistent: KeyValueStorage;
  tab: KeyValueStorage;
}

/**
 * Saves a chart's configuration. Without secrets it goes to persistent storage; with secrets,
 * persistent storage gets the text without them and only the tab keeps the whole text. A text
 * that doesn't parse can't be searched for secrets, so it is kept in the tab only (persistent
 * storage keeps the last version that parsed). Returns the secret values paths kept in the tab only.
 */
export function saveWork(storages: AutosaveStorages, chartKey: string, c: SavedConfiguration, secretFields: readonly SecretField[]): string[] | null {
  let stripped: ReturnType<typeof stripSecretsFromText> | null = null;
  try {
    stripped = stripSecretsFromText(c.valuesText, secretFields);
  } catch {
    stripped = null;
  }
  if (stripped && stripped.removed.length === 0) {
    saveConfiguration(storages.persistent, chartKey, c);
    clearConfiguration(storages.tab, chartKey);
    return [];
  }
  saveConfiguration(storages.tab, chartKey, c);
  if (stripped) saveConfiguration(storages.persistent, chartKey, { ...c, valuesText: stripped.text });
  return stripped ? stripped.removed : null;
}

/** The newest saved configuration: the tab's (with its secrets) when there is one, else the persistent one. */
export function loadWork(storages: AutosaveStorages, chartKey: string): SavedConfiguration | null {
  return loadConfiguration(storages.tab, chartKey) ?? loadConfiguration(storages.persistent, chartKey);
}

/** Forgets a chart's configuration everywhere. */
export function clearWork(storages: AutosaveStorages, chartKey: string): void {
  clearConfiguration(storages.persistent, chartKey);
  clearConfiguration(storages.tab, chartKey);
}
