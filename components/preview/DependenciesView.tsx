'use client';
import { dependenciesLeftOutNote, type RemoteDependency, type VendoredDependency } from '@/lib/configurator';
import { useDismissedNote } from '@/lib/configurator/client/use-dismissed-note';
import { CodeBlock } from './CodeBlock';

/**
 * The chart's dependencies with the values they get: subcharts carried in its charts/ folder
 * (enabled or not by these values), and those helm installs from their repositories at deploy time.
 */
export function DependenciesView({ chart, remote, vendored }: { chart: { name: string; version: string }; remote: RemoteDependency[]; vendored: VendoredDependency[] }) {
  const [noteDismissed, setNoteDismissed] = useDismissedNote(dependenciesLeftOutNote(chart));
  // The note put away above the panes (which dependencies could not be fetched, and why) stays one click away.
  const note = noteDismissed && (
    <p className="small">
      Some dependencies could not be fetched, so the preview renders without them.{' '}
      <button type="button" className="link-button" onClick={() => setNoteDismissed(false)}>
        Show the note on dependencies left out
      </button>
    </p>
  );
  if (remote.length === 0 && vendored.length === 0) {
    return (
      <>
        {note}
        <p className="muted">This chart has no dependencies enabled with these values.</p>
      </>
    );
  }
  return (
    <>
      {note}
      <ul className="dependencies">
        {vendored.map((d) => (
          <li key={`vendored:${d.name}`} aria-label={`Dependency ${d.name}`}>
            <DependencyHeading dependency={d} />
            {d.enabled ? (
              <>
                <p>
                  Vendored in <code>charts/</code>, enabled. It receives these values:
                </p>
                <CodeBlock text={d.valuesYaml} label={`Values passed to ${d.name}`} />
              </>
            ) : (
              <p>
                Vendored in <code>charts/</code>, disabled by these values: nothing of it is rendered.
              </p>
            )}
          </li>
        ))}
        {remote.map((d) => (
          <li key={`remote:${d.name}`} aria-label={`Dependency ${d.name}`}>
            <DependencyHeading dependency={d} />
            <p>
              Installed from <code>{d.repository}</code> at deploy time. It receives these values:
            </p>
            <CodeBlock text={d.valuesYaml} label={`Values passed to ${d.name}`} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** Name, the chart it aliases when the name differs, and version: the same for vendored and remote dependencies. */
function DependencyHeading({ dependency: d }: { dependency: { name: string; chart: string; version: string } }) {
  return (
    <h3>
      {d.name}
      {d.chart !== d.name ? <span className="muted"> ({d.chart})</span> : null} {d.version}
    </h3>
  );
}
