import type { RemoteDependency } from '@/lib/configurator';
import { CodeBlock } from './CodeBlock';

/** Dependencies helm installs from their repositories at deploy time, with the values they get. */
export function DependenciesView({ dependencies }: { dependencies: RemoteDependency[] }) {
  if (dependencies.length === 0) return <p className="muted">No remote dependency is enabled with these values.</p>;
  return (
    <ul className="dependencies">
      {dependencies.map((d) => (
        <li key={d.name}>
          <h3>
            {d.name}
            {d.chart !== d.name ? <span className="muted"> ({d.chart})</span> : null} {d.version}
          </h3>
          <p>
            Installed from <code>{d.repository}</code> at deploy time. It receives these values:
          </p>
          <CodeBlock text={d.valuesYaml} label={`Values passed to ${d.name}`} />
        </li>
      ))}
    </ul>
  );
}
