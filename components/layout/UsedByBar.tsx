'use client';
import { formatPath } from '@/lib/form';
import type { PreviewStore, ValuePath } from '@/lib/configurator';
import { pathKeys } from '@/lib/helm';
import { showPane } from './navigate';

/** Asks where a value is used and shows the preview, where the answer is. */
export function askWhereUsed(store: PreviewStore, path: ValuePath): void {
  store.inspect({ kind: 'value', path });
  showPane('preview');
}

/**
 * "Where is it used?" for the value the user is at (a form field, a key of values.yaml): the
 * preview then marks the lines of the manifests that read it. Alt+U asks the same from the field.
 */
export function UsedByBar({ store, path }: { store: PreviewStore | null; /** keys, or a form field id (a dot in a key escaped) */ path: ValuePath | string | null }) {
  if (!store) return null;
  const keys = path === null ? [] : typeof path === 'string' ? pathKeys(path) : path;
  // The bar keeps its place before a field is chosen: appearing on focus would move the form
  // under the pointer between press and release, and the click would land on something else.
  if (keys.length === 0) {
    return (
      <p className="used-by-bar small">
        <span className="muted">Where is a value used? Choose a field or key, then Alt+U.</span>
      </p>
    );
  }
  return (
    <p className="used-by-bar small">
      <button
        type="button"
        className="link-button"
        aria-keyshortcuts="Alt+U"
        onClick={() => askWhereUsed(store, keys)}
      >
        Where is <code>{formatPath(keys)}</code> used?
      </button>{' '}
      <span className="muted">(Alt+U)</span>
    </p>
  );
}
