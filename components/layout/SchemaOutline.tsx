'use client';
/**
 * Stand-in for the values form while it is not part of the build: the schema's sections and
 * their top-level fields, read-only. Same props as ValuesForm.
 */
import type { ValuesFormProps } from '@chartroom/values-form';

interface SchemaNode {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  'x-chartroom'?: { section?: string; sections?: { id: string; title?: string; description?: string }[] };
}

export function ValuesForm({ schema }: ValuesFormProps) {
  const root = (schema ?? {}) as SchemaNode;
  const props = Object.entries(root.properties ?? {});
  const declared = root['x-chartroom']?.sections ?? [];
  const sections = declared.map((s) => ({ ...s, keys: props.filter(([, p]) => p['x-chartroom']?.section === s.id) }));
  for (const entry of props) {
    if (!declared.some((s) => s.id === entry[1]['x-chartroom']?.section)) sections.push({ id: entry[0], title: entry[1].title ?? entry[0], keys: [entry] });
  }
  if (props.length === 0) return <p className="muted">This chart has no values.schema.json; edit values.yaml directly.</p>;
  return (
    <div className="schema-outline">
      <p className="muted">The form is not available in this build; these are the chart&apos;s settings. Edit them in values.yaml.</p>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`outline-${s.id}`}>
          <h3 id={`outline-${s.id}`}>{s.title ?? s.id}</h3>
          {s.description && <p className="muted">{s.description}</p>}
          <ul>
            {s.keys.map(([key, p]) => (
              <li key={key}>
                <code>{key}</code> — {p.title ?? key}
                {p.description ? `: ${p.description}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
