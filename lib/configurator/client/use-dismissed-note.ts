'use client';
import { useCallback, useSyncExternalStore } from 'react';
import { isNoteDismissed, setNoteDismissed } from '../dismissed-notes';

/** Tells every view of a note (the banner, the tab that brings it back) that it was put away or back. */
const CHANGE = 'chartroom:dismissed-notes-change';

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE, onChange);
  return () => window.removeEventListener(CHANGE, onChange);
}

/** Whether this tab put the note away, and a setter shared by every view of it. */
export function useDismissedNote(id: string): [boolean, (dismissed: boolean) => void] {
  const dismissed = useSyncExternalStore(
    subscribe,
    () => isNoteDismissed(sessionStorage, id),
    () => false,
  );
  const set = useCallback(
    (d: boolean) => {
      setNoteDismissed(sessionStorage, id, d);
      window.dispatchEvent(new Event(CHANGE));
    },
    [id],
  );
  return [dismissed, set];
}
