'use client';
import { groupByKind, type RenderedResource } from '@/lib/configurator';

/** Rendered resources grouped by kind, with counts; choosing one shows its YAML. */
export function ResourceList({ resources, selected, onSelect }: { resources: RenderedResource[]; selected: string | null; onSelect: (id: string) => void }) {
  const groups = groupByKind(resources);
  return (
    <nav className="resource-list" aria-label="Resources by kind">
      {groups.map((g) => (
        <div key={g.kind} className="resource-group">
          <h3>
            {g.kind} <span className="count">({g.count})</span>
          </h3>
          <ul>
            {g.items.map((r) => (
              <li key={r.id}>
                <button type="button" className="link-button" aria-current={r.id === selected ? 'true' : undefined} onClick={() => onSelect(r.id)}>
                  {r.name || '(unnamed)'}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
