'use client';
import { Fragment, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

/** One pane of a row: its share of the row's width, in percent, at first and at least. */
export interface SplitPane {
  id: string;
  defaultSize: number;
  minSize: number;
  content: ReactNode;
}

/** How far one arrow key press moves a separator, in percent of the row. */
const KEY_STEP = 5;

/**
 * Panes side by side; the separator between two panes moves with the pointer or, focused, with
 * the arrow keys (Home/End: as far as it goes), sharing out only those two panes' width. This is
 * all the configurator needs of a panel library, and it is on the page's first load: a library's
 * layout engine (grids, tab sets, pop-out windows) would be the largest script there after React.
 * Sizes last while the page is open.
 */
export function SplitPanes({ panes, separatorLabels, className }: { panes: SplitPane[]; separatorLabels: string[]; className?: string }) {
  const [sizes, setSizes] = useState(() => panes.map((p) => p.defaultSize));
  const row = useRef<HTMLDivElement>(null);
  const drag = useRef<{ separator: number; x: number; sizes: number[] } | null>(null);
  const [active, setActive] = useState<number | null>(null);

  /** `base` with `separator` moved by `delta` percent of the row, as far as both panes' minimums let it. */
  const moved = (base: number[], separator: number, delta: number): number[] => {
    const [a, b] = [base[separator], base[separator + 1]];
    const d = Math.max(panes[separator].minSize - a, Math.min(delta, b - panes[separator + 1].minSize));
    const next = [...base];
    next[separator] = a + d;
    next[separator + 1] = b - d;
    return next;
  };

  const onPointerDown = (separator: number) => (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { separator, x: e.clientX, sizes };
    setActive(separator);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const width = row.current?.getBoundingClientRect().width;
    if (!d || !width) return;
    setSizes(moved(d.sizes, d.separator, ((e.clientX - d.x) / width) * 100));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    setActive(null);
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (separator: number) => (e: KeyboardEvent<HTMLDivElement>) => {
    const delta = { ArrowLeft: -KEY_STEP, ArrowRight: KEY_STEP, Home: -100, End: 100 }[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    setSizes((s) => moved(s, separator, delta));
  };

  return (
    <div ref={row} className={className} style={{ display: 'flex', flexDirection: 'row', flexWrap: 'nowrap', overflow: 'hidden', width: '100%', height: '100%' }}>
      {panes.map((pane, i) => (
        <Fragment key={pane.id}>
          {i > 0 && (
            <div
              role="separator"
              aria-orientation="vertical"
              aria-label={separatorLabels[i - 1]}
              aria-controls={panes[i - 1].id}
              aria-valuenow={Math.round(sizes[i - 1])}
              aria-valuemin={panes[i - 1].minSize}
              aria-valuemax={Math.round(sizes[i - 1] + sizes[i] - pane.minSize)}
              tabIndex={0}
              className="separator"
              data-separator={active === i - 1 ? 'active' : 'inactive'}
              style={{ flex: '0 0 auto', touchAction: 'none' }}
              onPointerDown={onPointerDown(i - 1)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={onPointerUp}
              onKeyDown={onKeyDown(i - 1)}
            />
          )}
          {/* Grown by share from no width, so the separators' pixels come off all panes alike. */}
          <div id={pane.id} style={{ display: 'flex', flex: `${sizes[i]} 1 0px`, minWidth: 0, minHeight: 0, maxHeight: '100%' }}>
            <div style={{ flexGrow: 1, maxWidth: '100%', maxHeight: '100%', overflow: 'auto' }}>{pane.content}</div>
          </div>
        </Fragment>
      ))}
    </div>
  );
}
