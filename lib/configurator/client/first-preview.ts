/**
 * A page that renders a preview at once is waited on for that preview: it is what the visitor
 * came for, and its engine is the page's largest download and longest evaluation. Work the page
 * can do later (the offline cache's downloads, evaluating Monaco) waits until the first preview
 * is on screen or has failed, so it never competes with the engine for the network or the CPU.
 */
let awaited = 0;
let waiters: (() => void)[] = [];

/** A preview is on its way; call the returned function once it is shown, failed or gone (more calls are ignored). */
export function awaitFirstPreview(): () => void {
  awaited++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    awaited--;
    if (awaited > 0) return;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve();
  };
}

/**
 * Resolves once no preview is awaited (at once on a page without one), or after `atMostMs` when
 * given: a preview that is slow, or whose engine never answers, must not hold back work the page
 * needs anyway. Call it after the page's first effects have run (from an idle callback or a later
 * task), so a preview mounted in the same commit has said it is on its way.
 */
export function afterFirstPreview(atMostMs?: number): Promise<void> {
  return awaited === 0
    ? Promise.resolve()
    : new Promise((resolve) => {
        waiters.push(resolve);
        if (atMostMs !== undefined) setTimeout(resolve, atMostMs);
      });
}
