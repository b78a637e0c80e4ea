import { describe, expect, it, vi } from 'vitest';
import { afterFirstPreview, awaitFirstPreview } from './first-preview';

/** Whether the promise has settled after the microtasks queued so far ran. */
async function settled(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('first preview', () => {
  it('resolves at once when no preview is awaited', async () => {
    expect(await settled(afterFirstPreview())).toBe(true);
  });

  it('waits until every awaited preview is shown, and counts each one once', async () => {
    const first = awaitFirstPreview();
    const second = awaitFirstPreview();
    const waiting = afterFirstPreview();
    first();
    first(); // a second call of the same one does not count for the other
    expect(await settled(waiting)).toBe(false);
    second();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(afterFirstPreview())).toBe(true);
  });

  it('gives up waiting after the bound when the preview never comes', async () => {
    vi.useFakeTimers();
    try {
      const never = awaitFirstPreview();
      let done = false;
      void afterFirstPreview(4000).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(3999);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
      // Without a bound it still waits for the preview.
      let unbounded = false;
      void afterFirstPreview().then(() => (unbounded = true));
      await vi.advanceTimersByTimeAsync(60_000);
      expect(unbounded).toBe(false);
      never();
      await vi.advanceTimersByTimeAsync(0);
      expect(unbounded).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
