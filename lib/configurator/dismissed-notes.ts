/**
 * Notes the user put away in this tab (a banner they have read), kept in the tab's
 * sessionStorage apart from the configuration: a preference about the page, not a value.
 * A note is named for what it says about which chart, so a new version of the chart, whose
 * note may say something else, shows it again.
 */
import type { KeyValueStorage } from './autosave';

const KEY = 'chartroom:dismissed-notes';
/** More than any tab will dismiss; keeps the entry small whatever happens. */
const MAX_NOTES = 100;

/** The name of a note about a chart version, e.g. `dependencies-left-out:aeterna@1.2.0`. */
export function chartNoteId(note: string, chart: { name: string; version: string }): string {
  return `${note}:${chart.name}@${chart.version}`;
}

function read(storage: KeyValueStorage): string[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function isNoteDismissed(storage: KeyValueStorage, id: string): boolean {
  return read(storage).includes(id);
}

/** Puts a note away, or brings it back; a storage that refuses leaves things as they were. */
export function setNoteDismissed(storage: KeyValueStorage, id: string, dismissed: boolean): void {
  const others = read(storage).filter((x) => x !== id);
  const next = dismissed ? [...others, id].slice(-MAX_NOTES) : others;
  try {
    if (next.length) storage.setItem(KEY, JSON.stringify(next));
    else storage.removeItem(KEY);
  } catch {
    // Private modes may refuse storage: the note then stays as it was.
  }
}

/** The note on dependencies a chart version's preview renders without (they could not be fetched). */
export const dependenciesLeftOutNote = (chart: { name: string; version: string }): string => chartNoteId('dependencies-left-out', chart);
