'use client';
import { useState } from 'react';
import { groupByKind, type RenderedResource } from '@/lib/configurator';

/**
 * How many resources of a kind are listed at first. A chart can render tens of thousands; a
 * button per resource would cost the page seconds of rendering and layout for a list nobody
 * reads to the end.
 */
const FIRST_SHOWN = 100;

/** Rendered resources grouped by kind, with counts; choosing one shows its YAML. */
export function ResourceList({ resources, selected, onSelect, uses }: { resources: RenderedResource[]; selected: string | null; onSelect: (id: string) => void; uses?: ReadonlyMap<string, number> }) {
  const groups = groupByKind(resources);
  const [shown, setShown] = useState<Record<string, number>>({});
  return (
    <nav className="resource-list" aria-label="Resources by kind">
      {groups.map((g) => {
        const limit = shown[g.kind] ?? FIRST_SHOWN;
        const items = g.items.filter((r, i) => i < limit || r.id === selected || uses?.has(r.id));
        const hidden = g.count - items.length;
        return (
          <div key={g.kind} className="resource-group">
            <h3>
              {g.kind} <span className="count">({g.count})</span>
            </h3>
            <ul>
              {items.map((r) => (
                <li key={r.id}>
                  <button type="button" className="link-button" aria-current={r.id === selected ? 'true' : undefined} onClick={() => onSelect(r.id)}>
                    {r.name || '(unnamed)'}
                  </button>
                  {uses?.has(r.id) && <span className="uses small"> {uses.get(r.id) === 1 ? '1 line uses it' : `${uses.get(r.id)} lines use it`}</span>}
                </li>
              ))}
            </ul>
            {hidden > 0 && (
              <button type="button" className="link-button" onClick={() => setShown({ ...shown, [g.kind]: limit + 10 * FIRST_SHOWN })}>
                Show {Math.min(hidden, 10 * FIRST_SHOWN)} more of {hidden} hidden {g.kind}
              </button>
            )}
          </div>
        );
      })}
    </nav>
  );
}
