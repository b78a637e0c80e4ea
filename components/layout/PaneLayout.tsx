'use client';
import { useEffect, useState, type ReactNode } from 'react';
import { Tabs } from '../ui/Tabs';
import { useMediaQuery } from '../ui/use-media-query';
import { onShowPane, type PaneId } from './navigate';
import { SplitPanes } from './SplitPanes';

/** Below this width three panes side by side are too narrow to use: they become tabs. */
export const NARROW_QUERY = '(max-width: 899px)';

const TABS: { id: PaneId; label: string }[] = [
  { id: 'form', label: 'Form' },
  { id: 'editor', label: 'values.yaml' },
  { id: 'preview', label: 'Preview' },
];

/** Where a skip link lands in each pane: the first form control, the editor, the preview. */
const FOCUS_TARGET: Record<PaneId, string> = {
  form: '.form-pane .pane-body :is(input, select, textarea, button):not([disabled])',
  editor: '.editor-pane .values-editor',
  preview: '.preview-pane',
};

/** Links that jump over the panes' controls straight to one of them (visible when focused). */
function SkipLinks({ onSkip }: { onSkip: (id: PaneId) => void }) {
  return (
    <nav aria-label="Skip to a pane" className="skip-links">
      {TABS.map((t) => (
        <a
          key={t.id}
          href={`#pane-${t.id}`}
          className="skip-link"
          onClick={(e) => {
            e.preventDefault();
            onSkip(t.id);
          }}
        >
          Skip to {t.id === 'form' ? 'the form' : t.id === 'editor' ? 'the values.yaml editor' : 'the preview'}
        </a>
      ))}
    </nav>
  );
}

/**
 * The form, the editor and the preview: resizable side by side on wide screens, one at a time
 * behind tabs on narrow ones. Hidden tabs stay mounted, so the editor keeps its undo history.
 */
export function PaneLayout({ form, editor, preview }: Record<PaneId, ReactNode>) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [tab, setTab] = useState<PaneId>('form');
  // A link from one pane to another (a field, a line of values.yaml) shows its pane's tab.
  useEffect(() => onShowPane(setTab), []);
  const skip = (id: PaneId): void => {
    setTab(id);
    // After the tab (if any) is shown.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(FOCUS_TARGET[id])?.focus());
  };
  if (narrow) {
    const panes: Record<PaneId, ReactNode> = { form, editor, preview };
    return (
      <div className="panes narrow">
        <SkipLinks onSkip={skip} />
        <Tabs idPrefix="pane" label="Panes" tabs={TABS} selected={tab} onSelect={(id) => setTab(id as PaneId)} />
        {TABS.map((t) => (
          <div key={t.id} role="tabpanel" id={`pane-panel-${t.id}`} aria-labelledby={`pane-tab-${t.id}`} className="pane-tab" hidden={t.id !== tab}>
            {panes[t.id]}
          </div>
        ))}
      </div>
    );
  }
  return (
    <>
      <SkipLinks onSkip={skip} />
      <SplitPanes
        className="panes"
        panes={[
          { id: 'form', defaultSize: 30, minSize: 15, content: form },
          { id: 'editor', defaultSize: 32, minSize: 15, content: editor },
          { id: 'preview', defaultSize: 38, minSize: 15, content: preview },
        ]}
        separatorLabels={['Resize the form and editor panes', 'Resize the editor and preview panes']}
      />
    </>
  );
}
