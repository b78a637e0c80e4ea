/**
 * Links between the panes: to a form field, to a value's line in the values.yaml editor, to a
 * pane. On a narrow screen the panes are tabs, so each link first shows the pane it goes to.
 */
import { revealField } from '@/components/form/reveal';
import { fieldIdsFor, type ValuePath } from '@/lib/configurator';
import { domId } from '../form/context';

export type PaneId = 'form' | 'editor' | 'preview';

const SHOW_PANE = 'chartroom:show-pane';
const REVEAL_VALUE = 'chartroom:reveal-value';

/** Brings a pane into view (selects its tab when the panes are tabs). */
export function showPane(id: PaneId): void {
  window.dispatchEvent(new CustomEvent<PaneId>(SHOW_PANE, { detail: id }));
}

export function onShowPane(show: (id: PaneId) => void): () => void {
  const listener = (e: Event): void => show((e as CustomEvent<PaneId>).detail);
  window.addEventListener(SHOW_PANE, listener);
  return () => window.removeEventListener(SHOW_PANE, listener);
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

/** The form's element for a field id: its `data-field` wrapper, or a control whose DOM id ends with it. */
function fieldElement(id: string): HTMLElement | null {
  const wrapper = document.querySelector<HTMLElement>(`.form-pane [data-field="${CSS.escape(id)}"]`);
  if (wrapper) return wrapper;
  const suffix = domId('', id).slice(1);
  for (const el of document.querySelectorAll<HTMLElement>('.form-pane [id]')) if (el.id.endsWith(suffix) && el.matches('input, select, textarea, button, fieldset')) return el;
  return null;
}

/** Rendered and not inside a closed disclosure (whose content is in the page but skipped). */
const isShown = (el: HTMLElement): boolean => el.checkVisibility();

/** The element of the nearest of these field ids the form has. */
function nearestField(ids: readonly string[]): HTMLElement | null {
  for (const id of ids) {
    const el = fieldElement(id);
    if (el) return el;
  }
  return null;
}

/**
 * Shows the form field of a values path and focuses its control: opens the section and the
 * "Advanced" part holding it, scrolls it into view. A path the form has no field for goes to the
 * nearest field holding it (a YAML field for a whole map); a field hidden by a switch, to the
 * nearest one shown. Returns the id of the field shown, or null when the form shows none of it.
 */
export async function focusField(path: ValuePath | string): Promise<string | null> {
  const ids = fieldIdsFor(path);
  showPane('form');
  await nextFrame();
  if (!ids.length) return null;
  await revealField(ids[0], () => {
    const nearest = nearestField(ids);
    return nearest !== null && isShown(nearest);
  });
  for (const id of ids) {
    const el = fieldElement(id);
    if (!el || !isShown(el)) continue;
    el.scrollIntoView({ block: 'center' });
    const control = el.matches('input, select, textarea, button') ? el : (el.querySelector<HTMLElement>('input, select, textarea') ?? el.querySelector<HTMLElement>('button'));
    (control ?? el).focus();
    return id;
  }
  return null;
}

/** Asks the values.yaml editor to show where a values path is set. */
export function revealValue(path: ValuePath): void {
  showPane('editor');
  window.dispatchEvent(new CustomEvent<ValuePath>(REVEAL_VALUE, { detail: path }));
}

export function onRevealValue(reveal: (path: ValuePath) => void): () => void {
  const listener = (e: Event): void => reveal((e as CustomEvent<ValuePath>).detail);
  window.addEventListener(REVEAL_VALUE, listener);
  return () => window.removeEventListener(REVEAL_VALUE, listener);
}
