/**
 * Other panes link to form fields by values path (traced lines, findings, values the schema still
 * needs). A field can sit behind several closed disclosures, each mounting its content only once
 * its parent opens (a closed section renders nothing; its "Advanced" part appears with it, closed).
 * So a reveal stays under way until the field shows: every disclosure holding the field opens when
 * asked and when it mounts meanwhile; the others keep the state the user left them in.
 */

/** Whether the field at `path` is one of these ids or inside one of them. */
export function holdsField(ids: readonly string[], path: string): boolean {
  return ids.some((id) => path === id || path.startsWith(`${id}.`));
}

type RevealListener = (path: string) => void;
const listeners = new Set<RevealListener>();
/** The field of the reveal under way, if any. */
let pending: { path: string } | null = null;

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Opens whatever hides the field at this values path (dotted, a dot inside a key escaped) until
 * `shown()` says it is visible, or `atMostMs` has passed (a field hidden by a switch never shows).
 * Resolves with whether it showed.
 */
export async function revealField(path: string, shown: () => boolean, atMostMs = 3000): Promise<boolean> {
  const reveal = { path };
  pending = reveal;
  for (const listener of [...listeners]) listener(path);
  const until = performance.now() + atMostMs;
  try {
    for (;;) {
      await nextFrame();
      if (shown()) return true;
      if (performance.now() >= until || pending !== reveal) return false;
    }
  } finally {
    if (pending === reveal) pending = null;
  }
}

/** Calls `listener` with the field of each reveal asked for, and at once with one under way. */
export function onReveal(listener: RevealListener): () => void {
  if (pending) listener(pending.path);
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Calls `open` when a field under one of these ids is revealed, including a reveal under way at mount. */
export function onRevealField(ids: readonly string[], open: () => void): () => void {
  return onReveal((path) => {
    if (holdsField(ids, path)) open();
  });
}
