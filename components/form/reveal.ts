/**
 * Other panes link to form fields by values path (findings, values the schema still needs).
 * A field in a closed section is not in the page: asking to reveal it opens its section first.
 */
const REVEAL_EVENT = 'chartroom:reveal-field';

/** Opens whatever hides the field at this dotted values path; resolves once the page has updated. */
export function revealField(path: string): Promise<void> {
  window.dispatchEvent(new CustomEvent<string>(REVEAL_EVENT, { detail: path }));
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Calls `open` when a field under one of these ids is asked for. */
export function onRevealField(ids: readonly string[], open: () => void): () => void {
  const listener = (e: Event): void => {
    const path = (e as CustomEvent<string>).detail;
    if (typeof path === 'string' && ids.some((id) => path === id || path.startsWith(`${id}.`))) open();
  };
  window.addEventListener(REVEAL_EVENT, listener);
  return () => window.removeEventListener(REVEAL_EVENT, listener);
}
